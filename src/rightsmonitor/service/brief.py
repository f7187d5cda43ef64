"""The country brief: headline counts, events over time, persons of concern with their status,
organisations under pressure, provisions most used, open recommendations — each line with
the document and unit it comes from."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel import Locale

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.export import render_brief
from rightsmonitor.service.cases import person_case, sentence_at
from rightsmonitor.service.documents import Library
from rightsmonitor.service.recommendations import recommendations

__all__ = ["CONCERN_ROLES", "DETAINED", "country_brief", "write_brief"]

DETAINED = ("detained", "pre-trial detention", "house arrest", "convicted and serving")
CONCERN_ROLES = frozenset(
    {
        "political prisoner",
        "journalist",
        "blogger",
        "activist",
        "human rights defender",
        "lawyer",
        "opposition leader",
        "victim",
    }
)
_ORG_PRESSURE = {
    "fine",
    "suspension",
    "ban_or_liquidation",
    "designation_as_extremist",
    "prosecution",
    "charge",
}
_GROUPS = {  # event type → chart series
    "detention": "detention",
    "arrest": "detention",
    "pre_trial_detention": "detention",
    "house_arrest": "detention",
    "administrative_detention": "detention",
    "charge": "prosecution",
    "prosecution": "prosecution",
    "conviction": "prosecution",
    "sentence": "prosecution",
    "fine": "prosecution",
    "torture": "violence",
    "attack": "violence",
    "killing_or_death": "violence",
    "release": "release",
    "acquittal": "release",
    "case_closed": "release",
    "suspension": "pressure on organisations",
    "ban_or_liquidation": "pressure on organisations",
    "designation_as_extremist": "pressure on organisations",
    "persecution": "persecution",
}


class BriefError(RightsMonitorError):
    code = "brief"


def _country_docs(library: Library, country: str) -> dict[str, Any]:
    docs = {}
    for record in library.list_documents():
        places = library.documents.fact_rows(record.id, "places")
        if any(p.get("country") == country for p in places):
            docs[record.id] = record
    return docs


def country_brief(library: Library, country: str) -> dict[str, Any]:
    country = country.upper()
    try:
        name = Locale("en").territories[country]
    except KeyError:
        raise BriefError(f"unknown country code {country!r} (ISO 3166, e.g. KZ)") from None
    docs = _country_docs(library, country)
    if not docs:
        raise BriefError(f"no stored document names {name} ({country})")
    persons = []
    for entity in library.registry.entities("persons"):
        if not set(entity["documents"]) & set(docs):
            continue
        case = person_case(library, str(entity["id"]))
        concern = (
            case["status"]["current"] != "unknown" or set(entity.get("roles", [])) & CONCERN_ROLES
        )
        if concern:
            evidence = case["status"]["derived"]["evidence"] or {}
            source = evidence or (case["sources"][0] if case["sources"] else {})
            persons.append(
                {
                    "id": case["id"],
                    "name": case["name"],
                    "status": case["status"]["current"],
                    "since": case["status"]["since"],
                    "roles": entity.get("roles", []),
                    "document": source.get("document"),
                    "unit": source.get("unit"),
                    "sentence": source.get("sentence"),
                }
            )
    events: Counter[tuple[str, str]] = Counter()
    provisions: Counter[str] = Counter()
    pressure = []
    orgs = {
        m: name for m, (_id, name) in library.registry.record_entities(("organisations",)).items()
    }
    for doc, record in docs.items():
        units = library.documents.unit_texts(doc)
        for event in library.documents.fact_rows(doc, "events"):
            series = _GROUPS.get(str(event.get("type")))
            year = str(event.get("date") or record.date or "")[:4]
            if series and year:
                events[(year, series)] += 1
            if event.get("type") in _ORG_PRESSURE:
                for p in event.get("participants", []):
                    org = orgs.get(f"{doc}/{p.get('id')}")
                    if org:
                        pressure.append(
                            {
                                "organisation": org,
                                "event": event.get("type"),
                                "text": event.get("text"),
                                "document": doc,
                                "unit": event.get("unit"),
                                "sentence": sentence_at(
                                    units.get(str(event.get("unit")), ""),
                                    int(event.get("start") or 0),
                                    int(event.get("end") or 0),
                                ),
                            }
                        )
        for law in library.documents.fact_rows(doc, "legal_provisions"):
            label = f"art. {law.get('article')} {law.get('instrument') or ''}".strip()
            provisions[label] += len(law.get("mentions", []))
    open_recs = [
        {
            "id": r["id"],
            "action": r["action"],
            "target": r["target"] or ", ".join(r["addressees"]),
            "recurrence": r["recurrence"],
            "years": r["years"],
            "document": r["demanded_in"][-1]["document"],
            "unit": r["demanded_in"][-1]["unit"],
            "text": r["demanded_in"][-1]["text"],
        }
        for r in recommendations(library)
        if r["status"] == "open" and any(d["document"] in docs for d in r["demanded_in"])
    ]
    persons.sort(key=lambda p: (p["status"] not in DETAINED, p["status"], p["name"]))
    by_status = Counter(p["status"] for p in persons)
    return {
        "country": country,
        "country_name": name,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": [
            {"id": d, "title": r.title, "date": r.date, "language": r.language}
            for d, r in sorted(docs.items(), key=lambda kv: kv[1].date or "")
        ],
        "headline": {
            "documents": len(docs),
            "persons of concern": len(persons),
            "detained now": sum(by_status[s] for s in DETAINED),
            "deceased": by_status["deceased"],
            "open recommendations": len(open_recs),
        },
        "by_status": dict(by_status.most_common()),
        "events_over_time": [
            {"year": y, "series": s, "count": n} for (y, s), n in sorted(events.items())
        ],
        "persons": persons,
        "organisations": pressure,
        "provisions": [{"provision": p, "mentions": n} for p, n in provisions.most_common(10)],
        "recommendations": open_recs,
    }


def write_brief(library: Library, country: str, out: Path, fmt: str = "html") -> dict[str, Any]:
    """Build the brief of ``country`` and write it to ``out`` as 'html' or 'pdf'."""
    if fmt not in ("html", "pdf"):
        raise BriefError(f"unknown format {fmt!r} (html or pdf)")
    brief = country_brief(library, country)
    render_brief(brief, out, fmt)
    return brief
