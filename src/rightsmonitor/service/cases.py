"""Case files: one person's status, timeline, charges, organisations and sources across every
stored document, derived from the facts and explainable; a curator's status override is kept
apart from the derived value and audited."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import UTC, datetime
from typing import Any

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.nlp.sentences import sentence_at as segment_sentence
from rightsmonitor.resolve.status import (
    STATUSES,
    as_of,
    context_status,
    effective_dates,
    in_document_order,
    latest,
    not_happened,
    status_of,
)
from rightsmonitor.service.diff import demand_markers
from rightsmonitor.service.document_facts import DocumentFacts
from rightsmonitor.service.documents import Library

__all__ = ["organisation_case", "person_case", "sentence_at", "set_status"]

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class CaseError(RightsMonitorError):
    code = "case"


def _entity(library: Library, entity_id: str) -> dict[str, Any]:
    entity = library.registry.entity("persons", entity_id)
    if entity is None:
        raise CaseError(f"no person with id {entity_id} (see `rightsmonitor persons`)")
    return entity


def sentence_at(text: str, start: int, end: int, language: str | None = None) -> str:
    """The sentence around characters start..end of a unit's text (the one segmenter, with
    the language's abbreviations: 'art.', 'r.' and 'm.in.' do not end it)."""
    return segment_sentence(text, start, end, language or "en")


def _override(library: Library, members: list[str]) -> dict[str, Any] | None:
    """The latest status a curator set on any of the person's records."""
    found = None
    for _kind, _record, value in library.registry.store.judgments(("status",), members):
        status, _, since = value.partition("|")
        found = {"status": status, "since": since or None}
    return found


_UNKNOWN: dict[str, Any] = {"status": "unknown", "since": None, "evidence": None}


def _from_context(
    timeline: list[dict[str, Any]],
    roles: dict[str, str],
    sources: list[dict[str, Any]],
    dates: dict[str, str | None],
) -> dict[str, Any]:
    """No event says where the person stands: a demand for their release (they are held as of
    that document) or a role the texts give them ('former political prisoner')."""
    asked = [e for e in timeline if e["type"] == "release" and e["demanded"]]
    found = context_status(roles, bool(asked))
    if found is None:
        return dict(_UNKNOWN)
    status, why = found
    if asked:
        return {
            "status": status,
            "since": asked[-1]["document_date"],
            "evidence": asked[-1],
            "inferred": why,
        }
    doc = next(d for r, d in roles.items() if why.endswith(r))
    return {
        "status": status,
        "since": dates.get(doc),
        "evidence": next((s for s in sources if s["document"] == doc), None),
        "inferred": why,
    }


_CASE_FACTS = ("persons", "calls", "legal_provisions", "organisations", "events")


def person_case(
    library: Library, entity_id: str, read: DocumentFacts | None = None
) -> dict[str, Any]:
    """One person's file. ``read``: documents already read by the caller (a brief opens many
    case files over the same documents)."""
    entity = _entity(library, entity_id)
    members: dict[str, set[str]] = {}
    for member in entity["members"]:
        doc, _, fact_id = member.partition("/")
        members.setdefault(doc, set()).add(fact_id)
    read = read or DocumentFacts(library.documents)
    read.load(list(members), _CASE_FACTS)
    dates = {doc: read.date(doc) for doc in members}
    languages = {doc: read.language(doc) for doc in members}
    timeline: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    provisions: dict[str, dict[str, Any]] = {}
    organisations: set[str] = set()
    roles: dict[str, str] = {}  # role → the first document that gives it
    written: dict[str, Counter[str]] = defaultdict(Counter)  # language → names as written
    for doc, fact_ids in members.items():
        units = read.units(doc)
        for person in read.facts(doc, "persons"):
            if person["id"] in fact_ids:
                written[languages.get(doc) or ""][str(person["name"])] += 1
                for role in person.get("roles", []):
                    roles.setdefault(str(role), doc)
                for m in person.get("mentions", []):
                    text = units.get(str(m["unit"]), "")
                    sources.append(
                        {
                            "document": doc,
                            "unit": m["unit"],
                            "start": m["start"],
                            "end": m["end"],
                            "sentence": sentence_at(text, m["start"], m["end"], languages.get(doc)),
                        }
                    )
        calls = read.facts(doc, "calls")
        markers = demand_markers(languages.get(doc))
        laws = {p["id"]: p for p in read.facts(doc, "legal_provisions")}
        orgs = {o["id"]: o["name"] for o in read.facts(doc, "organisations")}
        facts = in_document_order(read.facts(doc, "events"), units)
        for event, effective in zip(facts, effective_dates(facts), strict=True):
            ids = {
                p.get("id") for p in event.get("participants", []) if p.get("role") != "perpetrator"
            }
            if not ids & fact_ids:
                continue
            wished = not_happened(event, calls, units, markers)
            timeline.append(
                {
                    "date": event.get("date"),
                    # an undated event is as late as the dated one before it in its document
                    "effective_date": effective or None,
                    "document_date": dates.get(doc),
                    "type": event.get("type"),
                    "status": None if wished else status_of(event),
                    "demanded": wished,
                    "document": doc,
                    "unit": event.get("unit"),
                    "text": event.get("text"),
                    "sentence": sentence_at(
                        units.get(str(event.get("unit")), ""),
                        int(event.get("start") or 0),
                        int(event.get("end") or 0),
                        languages.get(doc),
                    ),
                }
            )
            for pid in event.get("provisions", []):
                if pid in laws:
                    law = laws[pid]
                    label = f"art. {law.get('article')} {law.get('instrument') or ''}".strip()
                    provisions.setdefault(label, {"provision": label, "documents": set()})
                    provisions[label]["documents"].add(doc)
            organisations |= {orgs[i] for i in ids if i in orgs}
    timeline.sort(key=lambda e: (e["effective_date"] or e["document_date"] or "", e["document"]))
    with_status = [e for e in timeline if e["status"]]
    pick = latest(
        (e["status"], (e["effective_date"] or e["document_date"] or "", n), e["type"])
        for n, e in enumerate(with_status)
    )
    if pick is not None:
        e = with_status[pick]
        status = as_of(e["status"], e["date"], e["document_date"])  # released years ago: former
        derived = {"status": status, "since": e["date"] or e["document_date"], "evidence": e}
    else:
        derived = _from_context(timeline, roles, sources, dates)
    derived["as_of"] = max((dates.get(s["document"]) or "" for s in sources), default="") or None
    override = _override(library, entity["members"])
    return {
        "id": entity["id"],
        "name": entity["name"],
        "aliases": [a["name"] for a in entity["aliases"]],
        "status": {
            "current": (override or derived)["status"],
            "since": (override or derived)["since"],
            "derived": derived,
            "override": override,
        },
        "timeline": timeline,
        "provisions": [
            {"provision": p["provision"], "documents": sorted(p["documents"])}
            for p in provisions.values()
        ],
        "organisations": sorted(organisations),
        "sources": sources,
        # the name each language's documents give (most often), for briefs in that language
        "names_by_language": {
            lang: names.most_common(1)[0][0] for lang, names in written.items() if lang
        },
    }


def set_status(
    library: Library, entity_id: str, status: str, since: str | None, who: str, note: str = ""
) -> dict[str, Any]:
    """A curator's status for a person: kept apart from the derived one, audited."""
    if status not in STATUSES:
        raise CaseError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    if since and not _DATE.fullmatch(since):
        raise CaseError(f"--since wants a date YYYY[-MM[-DD]], not {since!r}")
    entity = _entity(library, entity_id)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    detail = {
        "action": "status",
        "entities": [entity_id],
        "names": [entity["name"]],
        "status": status,
        "since": since,
        "note": note,
    }
    value = f"{status}|{since or ''}"
    library.registry.store.judge("status", [(entity["members"][0], value)], who, at, detail)
    return person_case(library, entity_id)


_ORG_MEASURES = frozenset(
    {
        "fine",
        "suspension",
        "ban_or_liquidation",
        "designation_as_extremist",
        "prosecution",
        "charge",
        "case_closed",
        "acquittal",
        "reinstatement_or_annulment",
    }
)


def organisation_case(library: Library, entity_id: str) -> dict[str, Any]:
    """An organisation's file: measures against it (fines, suspensions, bans, 'extremist'
    designations, prosecutions, and cases closed; role 'victim') and measures it took (role
    'perpetrator' or 'authority'), with their polarity and sources, and every mention."""
    entity = library.registry.entity("organisations", entity_id)
    if entity is None:
        raise CaseError(f"no organisation with id {entity_id} (see `rightsmonitor organisations`)")
    members: dict[str, set[str]] = {}
    for member in entity["members"]:
        doc, _, fact_id = member.partition("/")
        members.setdefault(doc, set()).add(fact_id)
    read = DocumentFacts(library.documents)
    read.load(list(members), ("organisations", "calls", "events"))
    measures: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    for doc, fact_ids in members.items():
        units = read.units(doc)
        language = read.language(doc)
        for org in read.facts(doc, "organisations"):
            if org["id"] in fact_ids:
                for m in org.get("mentions", []):
                    text = units.get(str(m["unit"]), "")
                    sentence = sentence_at(text, m["start"], m["end"], language)
                    sources.append({"document": doc, "unit": m["unit"], "sentence": sentence})
        calls = read.facts(doc, "calls")
        markers = demand_markers(language)
        for event in read.facts(doc, "events"):
            roles = {
                p.get("role") for p in event.get("participants", []) if p.get("id") in fact_ids
            }
            if not roles or event.get("type") not in _ORG_MEASURES:
                continue
            start = int(event.get("start") or 0)
            text = units.get(str(event.get("unit")), "")
            measures.append(
                {
                    "type": event.get("type"),
                    # victim: a measure against it; perpetrator or authority: one it took
                    "role": "victim" if "victim" in roles else sorted(roles)[0],
                    "polarity": event.get("polarity", "happened"),
                    "date": event.get("date") or read.date(doc),
                    "demanded": not_happened(event, calls, units, markers),
                    "document": doc,
                    "unit": event.get("unit"),
                    "text": event.get("text"),
                    "sentence": sentence_at(text, start, int(event.get("end") or start), language),
                }
            )
    measures.sort(key=lambda m: (m["date"] or "", m["document"]))
    return {
        "id": entity["id"],
        "name": entity["name"],
        "aliases": [a["name"] for a in entity["aliases"]],
        "type": entity.get("type"),
        "measures": measures,
        "sources": sources,
    }
