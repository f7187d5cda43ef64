"""How the CLI shows things: JSON shapes and plain tables."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from rightsmonitor.model import FACT_KINDS, ParsedDocument

if TYPE_CHECKING:  # the store is loaded only by the commands that use it
    from rightsmonitor.service import DocumentRecord

__all__ = ["document_json", "documents_table", "extraction_summary", "parsed_summary"]


def document_json(parsed: ParsedDocument) -> dict[str, Any]:
    m = parsed.meta
    return {
        "meta": {
            "title": m.title,
            "date": m.date,
            "procedure": m.procedure,
            "references": list(m.references),
            "language": m.language,
            "doc_type": m.doc_type,
            "structured": parsed.structured,
        },
        "units": [
            {
                "id": u.id,
                "kind": u.kind,
                "label": u.label,
                "text": u.text,
                "start": u.start,
                "end": u.end,
                "verb": u.verb,
                "stance": u.stance,
                "addressees": list(u.addressees),
                "footnote_refs": list(u.footnote_refs),
            }
            for u in parsed.units
        ],
        "warnings": list(parsed.warnings),
        "repairs": dict(parsed.repairs),
    }


def _labels(parsed: ParsedDocument, kind: str) -> str:
    labels = [u.label for u in parsed.units if u.kind == kind]
    if not labels:
        return "none"
    return f"{len(labels)} ({labels[0]}–{labels[-1]})" if len(labels) > 1 else f"1 ({labels[0]})"


def parsed_summary(name: str, parsed: ParsedDocument) -> str:
    m = parsed.meta
    lines = [
        f"{name}",
        f"  title:      {m.title}",
        f"  type:       {m.doc_type} ({m.language}), date {m.date}, procedure {m.procedure}",
        f"  references: {', '.join(m.references) or '-'}",
        f"  citations:  {_labels(parsed, 'citation')}",
        f"  recitals:   {_labels(parsed, 'recital')}",
        f"  paragraphs: {_labels(parsed, 'paragraph')}",
        f"  footnotes:  {_labels(parsed, 'footnote')}",
    ]
    done = {k: v for k, v in parsed.repairs.items() if v and k != "lines_joined"}
    if done:
        lines.append(
            "  repairs:    " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in done.items())
        )
    verbs = Counter(u.verb for u in parsed.units if u.kind == "paragraph" and u.verb)
    if verbs:
        lines.append("  verbs:      " + ", ".join(f"{v} ×{n}" for v, n in verbs.most_common(6)))
    for u in parsed.units:
        if u.kind == "paragraph" and u.addressees:
            lines.append(f"  ¶{u.label:>3} {u.verb} → {'; '.join(u.addressees)}")
    return "\n".join(lines)


def documents_table(records: list[DocumentRecord]) -> str:
    if not records:
        return "no documents yet: add some with `rightsmonitor ingest FILE...`"
    out = [
        f"{'id':12}  {'type':14} {'lang':4} {'date':10}  {'c':>3} {'r':>3} {'p':>3} {'f':>3}  title"
    ]
    for r in records:
        u = r.units
        out.append(
            f"{r.id[:12]}  {r.doc_type:14} {r.language or '-':4} {r.date or '-':10}  "
            f"{u.get('citation', 0):3d} {u.get('recital', 0):3d} {u.get('paragraph', 0):3d} "
            f"{u.get('footnote', 0):3d}  {(r.title or r.source_name)[:70]}"
        )
    return "\n".join(out)


def extraction_summary(name: str, data: dict[str, Any]) -> str:
    lines = [name]
    for kind in FACT_KINDS:
        lines.append(f"  {kind}: {len(data[kind])}")
    for person in data["persons"]:
        roles = ", ".join(person["roles"]) or "-"
        aliases = f" (also {', '.join(person['aliases'])})" if person["aliases"] else ""
        lines.append(
            f"    {person['name']}{aliases} [{person['gender'] or '?'}; {roles}]"
            f" ×{len(person['mentions'])}"
        )
    return "\n".join(lines)
