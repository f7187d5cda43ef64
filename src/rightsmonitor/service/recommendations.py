"""Recommendations tracked across documents: every demand (a call with a demanding stance) is
normalised to action + target (a registry entity) or action + addressee; the same one in
several documents is one recommendation with its recurrence; a later document that welcomes
the step, or a later event that performs it for the target, is evidence of implementation.
A curator can set the status (audited, kept apart from the derived one)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.nlp import fold
from rightsmonitor.resolve.status import DEMANDS, not_happened
from rightsmonitor.service.diff import demand_markers
from rightsmonitor.service.documents import Library

__all__ = [
    "PROCEDURAL",
    "PROCEDURAL_STANCES",
    "REC_STATUSES",
    "recommendations",
    "set_recommendation_status",
]

REC_STATUSES = ("open", "partially implemented", "implemented", "rejected or ignored")
WELCOMES = frozenset({"welcomes", "notes with satisfaction", "acknowledges", "commends"})
# the Parliament's instructions to itself ('instructs its President to forward …'), not
# recommendations to anyone monitored
PROCEDURAL_STANCES = frozenset({"instructs", "decides"})
PROCEDURAL = frozenset({"forward"})
# an event of these types, naming the target, performs the action
_DONE_BY = {
    "release": {"release", "acquittal"},
    "drop_charges": {"case_closed", "acquittal"},
    "repeal_or_amend_law": {"law_adopted_or_amended"},
    "ratify": {"ratification"},
    "sanction": {"sanction_imposed"},
}


class RecommendationError(RightsMonitorError):
    code = "recommendation"


def _rec_id(key: tuple[str, str]) -> str:
    return "R-" + hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:12]


def recommendations(library: Library) -> list[dict[str, Any]]:
    """Every demand across the documents as one recommendation per action and target, with
    the documents that make it and its implementation status (derived or a curator's)."""
    records = sorted(library.documents.records(), key=lambda r: (r.date or "", r.id))
    who = library.registry.record_entities()
    all_calls = library.documents.fact_rows_of("calls")
    all_events = library.documents.fact_rows_of("events")
    recs: dict[tuple[str, str], dict[str, Any]] = {}
    evidence: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}  # target → (date, kind, src)
    for record in records:
        doc, date = record.id, record.date or ""
        calls = all_calls.get(doc, [])
        for call in calls:
            addressees = {fold(a) for a in call.get("addressees", [])}
            targets = [who.get(f"{doc}/{t}") for t in call.get("targets", [])]
            named = [t for t in targets if t is not None and fold(t[1]) not in addressees]
            source = {
                "document": doc,
                "date": record.date,
                "unit": call.get("unit"),
                "text": call.get("text"),
            }
            if call.get("stance") in WELCOMES:
                # a welcome is evidence for a person ('welcomes the release of …'), not for
                # the bodies it names ('welcomes the resolution of the Parliament')
                for t in named:
                    if t[0][:2] == "P-":
                        evidence.setdefault(t[0], []).append((date, "welcomed", source))
                continue
            if call.get("stance") not in DEMANDS or not call.get("action"):
                continue
            if call.get("stance") in PROCEDURAL_STANCES or call.get("action") in PROCEDURAL:
                continue  # 'instructs its President to forward this resolution' is procedure
            action = str(call["action"])
            keys: list[tuple[tuple[str, str], str | None]] = [((action, t[0]), t[1]) for t in named]
            if not keys:
                keys = [((action, fold(" ".join(call.get("addressees", [])))), None)]
            for key, name in keys:
                rec = recs.setdefault(
                    key,
                    {
                        "id": _rec_id(key),
                        "action": action,
                        "target": name,
                        "target_id": key[1] if name else None,
                        "addressees": call.get("addressees", []),
                        "demanded_in": [],
                    },
                )
                if all(d["document"] != doc for d in rec["demanded_in"]):
                    rec["demanded_in"].append(source)
        events = [  # only events about someone in the registry can prove anything
            e
            for e in all_events.get(doc, [])
            if any(f"{doc}/{p.get('id')}" in who for p in e.get("participants", []))
        ]
        units = library.documents.unit_texts(doc) if events else {}
        markers = demand_markers(record.language)
        for event in events:
            if not_happened(event, calls, units, markers):
                continue  # asked for, not done
            for p in event.get("participants", []):
                target = who.get(f"{doc}/{p.get('id')}")
                if target:
                    source = {
                        "document": doc,
                        "date": event.get("date") or record.date,
                        "unit": event.get("unit"),
                        "text": event.get("text"),
                        "event": event.get("type"),
                    }
                    when = event.get("date") or date
                    evidence.setdefault(target[0], []).append((when, "event", source))
    overrides = _overrides(library)
    out = []
    for rec in recs.values():
        first = min((d["date"] or "") for d in rec["demanded_in"])
        proof = [
            src
            for when, kind, src in evidence.get(rec["target_id"] or "", [])
            if when > first
            and (kind == "welcomed" or src.get("event") in _DONE_BY.get(rec["action"], ()))
        ]
        derived = {"status": "implemented" if proof else "open", "evidence": proof}
        override = overrides.get(rec["id"])
        out.append(
            rec
            | {
                "recurrence": len(rec["demanded_in"]),
                "years": sorted({(d["date"] or "")[:4] for d in rec["demanded_in"] if d["date"]}),
                "status": (override or derived)["status"],
                "derived": derived,
                "override": override,
            }
        )
    return sorted(out, key=lambda r: (-r["recurrence"], r["action"], r["target"] or ""))


def _overrides(library: Library) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for kind, rec_id, status in library.registry.store.judgments():
        if kind == "rec_status":
            found[rec_id] = {"status": status}
    return found


def set_recommendation_status(
    library: Library, rec_id: str, status: str, who: str, note: str = ""
) -> dict[str, Any]:
    if status not in REC_STATUSES:
        raise RecommendationError(f"unknown status {status!r} (one of: {', '.join(REC_STATUSES)})")
    rec = next((r for r in recommendations(library) if r["id"] == rec_id), None)
    if rec is None:
        raise RecommendationError(
            f"no recommendation {rec_id} (see `rightsmonitor recommendations`)"
        )
    at = datetime.now(UTC).isoformat(timespec="seconds")
    detail = {
        "action": "rec_status",
        "entities": [rec_id],
        "names": [rec["target"] or ""],
        "status": status,
        "note": note,
    }
    library.registry.store.judge("rec_status", [(rec_id, status)], who, at, detail)
    return next(r for r in recommendations(library) if r["id"] == rec_id)
