"""What changed between two documents: persons (through the registry), calls, quantities and
person statuses. Persons and organisations are compared as registry entities, so a Polish and
an English text of one resolution show no person changes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.lang import load_data
from rightsmonitor.nlp import fold
from rightsmonitor.resolve.status import person_statuses
from rightsmonitor.service.documents import Library

__all__ = ["demand_markers", "diff_documents", "find_document"]


class UnknownDocumentError(RightsMonitorError):
    code = "unknown-document"


def find_document(library: Library, ref: str) -> str:
    """A document id from an id, a unique id prefix (6+ characters) or an ingested file."""
    path = Path(ref)
    if path.is_file():
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        if library.documents.has(sha):
            return sha
        raise UnknownDocumentError("this file has not been ingested", source=ref)
    ids = [r.id for r in library.list_documents()]
    hits = [i for i in ids if len(ref) >= 6 and i.startswith(ref.lower())]
    if len(hits) == 1:
        return hits[0]
    why = "matches several documents" if hits else "no such document id or ingested file"
    raise UnknownDocumentError(why, source=ref)


@dataclass
class _Side:
    persons: dict[str, str] = field(default_factory=dict)  # entity id → name
    calls: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)
    quantities: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)  # entity id → status


def demand_markers(language: str | None) -> list[str]:
    """Words that make an event a demand in ``language`` (``lang/<code>/facts.toml``)."""
    return list(load_data(language, "facts").get("demand_markers", [])) if language else []


def _side(
    library: Library, doc: str, who: dict[str, tuple[str, str]], language: str | None
) -> _Side:
    side = _Side()
    store = library.documents
    for person in store.fact_rows(doc, "persons"):
        entity, name = who.get(f"{doc}/{person['id']}", (person["id"], person["name"]))
        side.persons[entity] = name
    for call in store.fact_rows(doc, "calls"):
        targets = sorted(who.get(f"{doc}/{t}", (t, t))[0] for t in call.get("targets", []))
        key = (
            (str(call.get("action")), *targets)
            if targets
            else (
                str(call.get("action")),
                fold(" ".join(call.get("addressees", []))),
            )
        )
        side.calls.setdefault(
            key, {"action": call.get("action"), "text": call.get("text"), "unit": call.get("unit")}
        )
    for q in store.fact_rows(doc, "quantities"):
        key = (fold(str(q.get("counts") or "")), str(q.get("unit_of_measure") or ""))
        if key[0]:
            side.quantities.setdefault(key, q)
    events, calls = store.fact_rows(doc, "events"), store.fact_rows(doc, "calls")
    units = store.unit_texts(doc)
    markers = demand_markers(language)
    for pid, status in person_statuses(events, calls, units, markers).items():
        entity, _name = who.get(f"{doc}/{pid}", (pid, pid))
        side.statuses[entity] = {
            "status": status.status,
            "date": status.date,
            "evidence": {"event": status.event, "unit": status.unit, "text": status.text},
        }
    return side


def diff_documents(library: Library, first: str, second: str) -> dict[str, Any]:
    a_id, b_id = find_document(library, first), find_document(library, second)
    who = library.registry.record_entities()
    languages = {r.id: r.language for r in library.list_documents()}
    a = _side(library, a_id, who, languages.get(a_id))
    b = _side(library, b_id, who, languages.get(b_id))

    def people(ids: set[str], side: _Side) -> list[dict[str, str]]:
        return sorted(({"id": i, "name": side.persons[i]} for i in ids), key=lambda p: p["name"])

    calls = {
        "new": [b.calls[k] for k in b.calls if k not in a.calls],
        "repeated": [b.calls[k] for k in b.calls if k in a.calls],
        "dropped": [a.calls[k] for k in a.calls if k not in b.calls],
    }
    changed = [
        {
            "counts": a.quantities[k].get("counts"),
            "unit_of_measure": k[1] or None,
            "from": a.quantities[k].get("value"),
            "to": b.quantities[k].get("value"),
            "from_text": a.quantities[k].get("text"),
            "to_text": b.quantities[k].get("text"),
        }
        for k in a.quantities
        if k in b.quantities and a.quantities[k].get("value") != b.quantities[k].get("value")
    ]
    status_changes = [
        {
            "person": pid,
            "name": b.persons.get(pid, a.persons.get(pid, pid)),
            "from": a.statuses.get(pid, {}).get("status", "unknown"),
            "to": b.statuses[pid]["status"],
            "date": b.statuses[pid]["date"],
            "evidence": b.statuses[pid]["evidence"],
        }
        for pid in sorted(b.statuses)
        if a.statuses.get(pid, {}).get("status") != b.statuses[pid]["status"]
    ]
    return {
        "documents": [a_id, b_id],
        "persons": {
            "added": people(set(b.persons) - set(a.persons), b),
            "dropped": people(set(a.persons) - set(b.persons), a),
            "kept": people(set(a.persons) & set(b.persons), b),
        },
        "calls": calls,
        "quantities": {"changed": changed},
        "status_changes": status_changes,
    }
