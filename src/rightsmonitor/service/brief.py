"""The country brief: headline counts, events over time (by their own dates), persons of
concern with their status as of the evidence, organisations under pressure (as victims;
annulled measures shown as annulled), provisions most used, open recommendations (procedural
paragraphs left out) — scoped to the country (its documents; in other documents only the units
that name it), each line citing document title, date and unit label."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel import Locale

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.export import render_brief
from rightsmonitor.service.cases import person_case, sentence_at
from rightsmonitor.service.document_facts import DocumentFacts
from rightsmonitor.service.documents import Library
from rightsmonitor.service.recommendations import recommendations

__all__ = ["CONCERN_ROLES", "DETAINED", "country_brief", "write_brief"]

DETAINED = (
    "detained",
    "pre-trial detention",
    "house arrest",
    "convicted and serving",
    "disappeared",
)
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
_NOT_DONE = {"demanded", "threatened", "alleged", "denied", "planned"}
_ORG_PRESSURE = {
    "fine",
    "suspension",
    "ban_or_liquidation",
    "designation_as_extremist",
    "prosecution",
    "charge",
    "search_or_raid",
    "censorship",
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


# a document is about the country when the country is in its title or is at least this share
# of its country mentions; in another document only the units that name the country count
_MAIN_SHARE = 0.5


def _scope(library: Library, country: str) -> dict[str, set[str] | None]:
    """Document id → None (the whole document is about the country) or the ids of the units
    that name it (a resolution on another country that mentions it in passing)."""
    scope: dict[str, set[str] | None] = {}
    for doc, places in library.documents.fact_rows_of("places").items():
        units: set[str] = set()
        mentions: Counter[str] = Counter()
        for place in places:
            for m in place.get("mentions", []):
                code = place.get("country")
                if code:
                    mentions[str(code)] += 1
                if code == country:
                    units.add(str(m.get("unit")))
        if not units:
            continue
        total = sum(mentions.values())
        main = "title" in units or mentions[country] / max(total, 1) >= _MAIN_SHARE
        scope[doc] = None if main else units
    return scope


def _in_scope(scope: dict[str, set[str] | None], doc: str, unit: str | None) -> bool:
    units = scope.get(doc, set())
    return doc in scope and (units is None or str(unit) in units)


def _cite(
    keys: dict[str, int],
    records: dict[str, Any],
    labels: dict[str, dict[str, str]],
    doc: str,
    unit: str | None,
    sentence: str | None,
) -> dict[str, Any]:
    """A source as a reader cites it: the document's number in the brief's list, its title and
    date, the unit's label ('recital F', 'paragraph 8'), and the words."""
    record = records.get(doc)
    return {
        "key": keys.get(doc),
        "document": doc,
        "title": record.title if record else None,
        "date": record.date if record else None,
        "unit": unit,
        "label": labels.get(doc, {}).get(str(unit), str(unit or "")),
        "sentence": sentence,
    }


def _labels(library: Library, docs: Collection[str]) -> dict[str, dict[str, str]]:
    """Document → unit → its label as a reader cites it ('recital F', 'paragraph 8')."""
    return {
        doc: {
            unit: f"{kind} {label}".strip() if kind != "title" else "title"
            for unit, (kind, label) in units.items()
        }
        for doc, units in library.documents.unit_labels_of(docs).items()
    }


def _name(case: dict[str, Any], lang: str) -> tuple[str, list[str]]:
    """The person's name in the brief language's convention (as that language's documents
    write it), with every other spelling as an alias."""
    name = case["names_by_language"].get(lang) or case["name"]
    aliases = [n for n in [case["name"], *case["aliases"]] if n != name]
    return name, list(dict.fromkeys(aliases))


def _persons(
    library: Library,
    scope: dict[str, set[str] | None],
    lang: str,
    cite: Any,
    read: DocumentFacts,
) -> list[dict[str, Any]]:
    persons = []
    for entity in library.registry.entities("persons"):
        if not set(entity["documents"]) & set(scope):
            continue
        case = person_case(library, str(entity["id"]), read)
        if not any(_in_scope(scope, s["document"], s["unit"]) for s in case["sources"]):
            continue  # named only in the parts of other documents about other countries
        derived = case["status"]["derived"]
        concern = case["status"]["current"] != "unknown" or set(entity.get("roles", [])) & (
            CONCERN_ROLES
        )
        if not concern:
            continue
        evidence = derived.get("evidence") or (case["sources"][0] if case["sources"] else {})
        name, aliases = _name(case, lang)
        own_date = (derived.get("evidence") or {}).get("date")
        persons.append(
            {
                "id": case["id"],
                "name": name,
                "aliases": aliases,
                "status": case["status"]["current"],
                "as_of": derived.get("as_of") or case["status"]["since"],
                "since": own_date,  # only an event's own date, never a document's
                "review": case["status"]["override"] is None
                and (bool(derived.get("inferred")) or not derived.get("evidence")),
                "why": derived.get("inferred"),
                "roles": entity.get("roles", []),
                "source": cite(
                    evidence.get("document"), evidence.get("unit"), evidence.get("sentence")
                ),
            }
        )
    persons.sort(key=lambda p: (p["status"] not in DETAINED, p["status"], p["name"]))
    return persons


def _annulled(events: list[dict[str, Any]], event: dict[str, Any]) -> bool:
    """The measure is annulled: its own polarity says so, or an annulment in its unit names
    the same organisations ('the annulment of the fines imposed on …')."""
    if event.get("polarity") == "annulled":
        return True
    ids = {p.get("id") for p in event.get("participants", []) if p.get("role") == "victim"}
    return any(
        e.get("type") == "reinstatement_or_annulment"
        and e.get("polarity", "happened") == "happened"
        and e.get("unit") == event.get("unit")
        and ids & {p.get("id") for p in e.get("participants", [])}
        for e in events
    )


def country_brief(library: Library, country: str, lang: str = "en") -> dict[str, Any]:
    country = country.upper()
    try:
        name = Locale("en").territories[country]
    except KeyError:
        raise BriefError(f"unknown country code {country!r} (ISO 3166, e.g. KZ)") from None
    scope = _scope(library, country)
    if not scope:
        raise BriefError(f"no stored document names {name} ({country})")
    records = {r.id: r for r in library.documents.records(scope)}
    ordered = sorted(records, key=lambda d: (records[d].date or "", d))
    keys = {doc: n for n, doc in enumerate(ordered, 1)}
    labels = _labels(library, records)
    read = DocumentFacts(library.documents)
    read.load(records, ("events", "legal_provisions"))

    def cite(doc: str | None, unit: str | None, sentence: str | None) -> dict[str, Any] | None:
        return _cite(keys, records, labels, doc, unit, sentence) if doc else None

    persons = _persons(library, scope, lang, cite, read)
    events: Counter[tuple[str, str]] = Counter()
    undated = 0
    provisions: Counter[str] = Counter()
    pressure = []
    orgs = {
        m: name for m, (_id, name) in library.registry.record_entities(("organisations",)).items()
    }
    for doc in records:
        units = read.units(doc)
        language = records[doc].language or "en"
        facts = read.facts(doc, "events")
        for event in facts:
            if not _in_scope(scope, doc, event.get("unit")):
                continue
            happened = event.get("polarity", "happened") == "happened"
            series = _GROUPS.get(str(event.get("type")))
            if series and happened:
                if event.get("date"):  # charted by the event's own date only
                    events[(str(event["date"])[:4], series)] += 1
                else:
                    undated += 1
            if event.get("type") not in _ORG_PRESSURE or event.get("polarity") in _NOT_DONE:
                continue
            for p in event.get("participants", []):
                org = orgs.get(f"{doc}/{p.get('id')}")
                if org and p.get("role") == "victim":  # the body acted against, never the state
                    sentence = sentence_at(
                        units.get(str(event.get("unit")), ""),
                        int(event.get("start") or 0),
                        int(event.get("end") or 0),
                        language,
                    )
                    pressure.append(
                        {
                            "organisation": org,
                            "event": event.get("type"),
                            "text": event.get("text"),
                            "annulled": _annulled(facts, event),
                            "source": cite(doc, event.get("unit"), sentence),
                        }
                    )
        for law in read.facts(doc, "legal_provisions"):
            if not law.get("article"):
                continue
            in_scope = [m for m in law.get("mentions", []) if _in_scope(scope, doc, m.get("unit"))]
            label = f"art. {law.get('article')} {law.get('instrument') or ''}".strip()
            provisions[label] += len(in_scope)
    open_recs = []
    for r in recommendations(library):
        asked = [d for d in r["demanded_in"] if _in_scope(scope, d["document"], d["unit"])]
        if r["status"] != "open" or not asked:
            continue
        last = asked[-1]
        open_recs.append(
            {
                "id": r["id"],
                "action": r["action"],
                "target": r["target"] or ", ".join(r["addressees"]),
                "recurrence": len(asked),
                "years": sorted({str(d.get("date") or "")[:4] for d in asked} - {""}),
                "source": cite(last["document"], last["unit"], last["text"]),
            }
        )
    by_status = Counter(p["status"] for p in persons)
    latest = max((records[d].date or "" for d in records), default="") or None
    return {
        "country": country,
        "country_name": name,
        "language": lang,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "as_of": latest,
        "documents": [
            {
                "key": keys[d],
                "id": d,
                "title": records[d].title,
                "date": records[d].date,
                "language": records[d].language,
                "scope": "whole document" if scope[d] is None else "units naming the country",
            }
            for d in ordered
        ],
        "headline": {
            "documents": len(records),
            "persons of concern": len(persons),
            "detained (as of the evidence)": sum(by_status[s] for s in DETAINED),
            "deceased": by_status["deceased"],
            "to review": sum(1 for p in persons if p["review"]),
            "open recommendations": len(open_recs),
        },
        "by_status": dict(by_status.most_common()),
        "events_over_time": [
            {"year": y, "series": s, "count": n} for (y, s), n in sorted(events.items())
        ],
        "undated_events": undated,
        "persons": persons,
        "organisations": pressure,
        "provisions": [{"provision": p, "mentions": n} for p, n in provisions.most_common(10) if n],
        "recommendations": open_recs,
    }


def write_brief(
    library: Library, country: str, out: Path, fmt: str = "html", lang: str = "en"
) -> dict[str, Any]:
    """Build the brief of ``country`` (names in ``lang``'s convention) and write it to
    ``out`` as 'html' or 'pdf'."""
    if fmt not in ("html", "pdf"):
        raise BriefError(f"unknown format {fmt!r} (html or pdf)")
    brief = country_brief(library, country, lang)
    render_brief(brief, out, fmt)
    return brief
