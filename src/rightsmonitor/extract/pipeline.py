"""Run every extractor over a parsed document, in dependency order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rightsmonitor.extract import (
    calls,
    dates,
    events,
    organisations,
    persons,
    places,
    provisions,
    quantities,
    runs,
)
from rightsmonitor.model import DateFact, Event, Extraction, ParsedDocument, Unit

__all__ = ["EXTRACTORS", "extract_document"]

# kind → component name; a behaviour change bumps the version (persons.v2)
EXTRACTORS: dict[str, str] = {
    "persons": persons.NAME,
    "legal_provisions": provisions.NAME,
    "dates": dates.NAME,
    "quantities": quantities.NAME,
    "places": places.NAME,
    "organisations": organisations.NAME,
    "events": events.NAME,
    "calls": calls.NAME,
}


def _units(doc: ParsedDocument) -> list[Unit]:
    body = [u for u in doc.units if u.kind != "footnote"]
    return body + [u for u in doc.units if u.kind == "footnote"]


def _with_events(when: list[DateFact], happened: list[Event]) -> list[DateFact]:
    """A date in the same clause as an event refers to it: 'pre_trial_detention: …'."""
    out: list[DateFact] = []
    first: dict[tuple[str, str | None], Event] = {}
    for e in happened:
        first.setdefault((e.unit, e.date), e)
    for fact in when:
        event = first.get((fact.unit, fact.value))
        if event is not None:
            fact = replace(fact, refers_to=f"{event.type}: {fact.refers_to or event.text}")
        out.append(fact)
    return out


STAGES = (
    "persons",
    "dates",
    "organisations",
    "legal provisions",
    "places",
    "events",
    "quantities",
    "calls",
)


def extract_document(
    doc: ParsedDocument, progress: Callable[[str], None] | None = None
) -> Extraction:
    """Every fact of one document. ``progress`` hears the name of each stage (``STAGES``) as
    it starts: a long report takes a while, and its reader wants to know how far it is."""
    tell = progress or (lambda _stage: None)
    code = doc.meta.language or "en"
    runs.clear_cache()
    units = _units(doc)
    tell(STAGES[0])
    found = persons.extract_persons(units, code)
    tell(STAGES[1])
    when = dates.extract_dates(units, code)
    spans = [(d.unit, d.start, d.end) for d in when]
    person_spans = [(m.unit, m.start, m.end) for p in found.persons for m in p.mentions]
    tell(STAGES[2])
    orgs = organisations.extract_organisations(units, code, found.org_runs, person_spans)
    tell(STAGES[3])
    provs = provisions.extract_provisions(units, code)
    tell(STAGES[4])
    where = places.extract_places(
        units, code, [(m.unit, m.start, m.end, True) for p in found.persons for m in p.mentions]
    )
    tell(STAGES[5])
    happened = events.extract_events(units, code, found.persons, orgs, provs, where, when)
    tell(STAGES[6])
    counted = quantities.extract_quantities(units, code, spans)
    tell(STAGES[7])
    demands = calls.extract_calls(units, code, found.persons, orgs, provs, doc.structured)
    return Extraction(
        persons=found.persons,
        organisations=orgs,
        legal_provisions=provs,
        places=where,
        dates=_with_events(when, happened),
        quantities=counted,
        events=happened,
        calls=demands,
        extractors=dict(EXTRACTORS),
    )
