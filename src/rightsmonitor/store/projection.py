"""Typed rows from stored facts: what SQL users query (``docs/SCHEMA.md``).

The extractor's payload stays whole in ``facts.data_json``; these rows project its parts that
have a fixed shape — mentions with their spans, events with participants and roles, calls with
their addressees and targets, legal provisions — into real columns. One pure function, used
both when a document is stored and by the migration that fills the tables from older rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["TYPED_TABLES", "project"]

# the tables ``project`` fills, parents before children (the order of inserts)
TYPED_TABLES = (
    "mentions",
    "events",
    "event_participants",
    "calls",
    "call_addressees",
    "call_targets",
    "provisions",
)

_MENTIONED = ("persons", "organisations", "places", "legal_provisions")


def _int(value: Any) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _mentions(doc: str, kind: str, fact: Mapping[str, Any], level: str) -> list[dict[str, Any]]:
    key = f"{doc}/{fact.get('id')}"
    return [
        {
            "document_id": doc,
            "record_key": key,
            "kind": kind,
            "unit": str(m.get("unit") or ""),
            "start": _int(m.get("start")),
            "end": _int(m.get("end")),
            "text": str(m.get("text") or ""),
            "norm": m.get("norm"),
            "confidentiality": level,
        }
        for m in fact.get("mentions", [])
    ]


def _event(row_id: str, doc: str, fact: Mapping[str, Any], level: str) -> dict[str, Any]:
    return {
        "id": row_id,
        "document_id": doc,
        "unit": str(fact.get("unit") or ""),
        "type": str(fact.get("type") or ""),
        "polarity": str(fact.get("polarity") or "happened"),
        "date": fact.get("date"),
        "place": fact.get("place"),
        "start": _int(fact.get("start")),
        "end": _int(fact.get("end")),
        "text": str(fact.get("text") or ""),
        "confidentiality": level,
    }


def _call(row_id: str, doc: str, fact: Mapping[str, Any], level: str) -> dict[str, Any]:
    return {
        "id": row_id,
        "document_id": doc,
        "unit": str(fact.get("unit") or ""),
        "stance": fact.get("stance"),
        "action": fact.get("action"),
        "start": _int(fact.get("start")),
        "end": _int(fact.get("end")),
        "text": str(fact.get("text") or ""),
        "confidentiality": level,
    }


def project(
    doc: str, fact_rows: Iterable[tuple[str, str, str]], level: str = "public"
) -> dict[str, list[dict[str, Any]]]:
    """Typed rows of one document's facts. ``fact_rows``: (fact row id, kind, JSON payload)
    as in the ``facts`` table; ``level``: the document's confidentiality."""
    out: dict[str, list[dict[str, Any]]] = {table: [] for table in TYPED_TABLES}
    for row_id, kind, payload in fact_rows:
        fact = json.loads(payload)
        if kind in _MENTIONED:
            out["mentions"] += _mentions(doc, kind, fact, level)
        if kind == "legal_provisions":
            out["provisions"].append(
                {
                    "record_key": f"{doc}/{fact.get('id')}",
                    "document_id": doc,
                    "article": fact.get("article"),
                    "instrument": fact.get("instrument"),
                    "confidentiality": level,
                }
            )
        elif kind == "events":
            out["events"].append(_event(row_id, doc, fact, level))
            seen = set()
            for p in fact.get("participants", []):
                pair = (f"{doc}/{p.get('id')}", str(p.get("role") or "victim"))
                if p.get("id") and pair not in seen:
                    seen.add(pair)
                    out["event_participants"].append(
                        {"event_id": row_id, "record_key": pair[0], "role": pair[1]}
                    )
        elif kind == "calls":
            out["calls"].append(_call(row_id, doc, fact, level))
            out["call_addressees"] += [
                {"call_id": row_id, "position": n, "addressee": str(a)}
                for n, a in enumerate(fact.get("addressees", []))
            ]
            out["call_targets"] += [
                {"call_id": row_id, "record_key": f"{doc}/{t}"}
                for t in dict.fromkeys(fact.get("targets", []))
            ]
    return out
