"""events.v1 — events typed from a controlled vocabulary (``lang/<code>/facts.toml``),
with participants (persons as subjects, state bodies and courts as authorities), date,
place and provisions taken from the same clause, and the span that states them."""

from __future__ import annotations

import re
from functools import cache

from rightsmonitor.lang import load_data
from rightsmonitor.model import (
    DateFact,
    Event,
    Organisation,
    Participant,
    Person,
    Place,
    Provision,
    Unit,
    fact_id,
)

__all__ = ["EVENT_TYPES", "NAME", "extract_events"]

NAME = "events.v1"
EVENT_TYPES = (
    "detention",
    "arrest",
    "pre_trial_detention",
    "house_arrest",
    "administrative_detention",
    "charge",
    "prosecution",
    "conviction",
    "sentence",
    "fine",
    "suspension",
    "ban_or_liquidation",
    "designation_as_extremist",
    "attack",
    "torture",
    "killing_or_death",
    "release",
    "acquittal",
    "case_closed",
    "asylum_granted",
    "extradition_request_or_interpol_notice",
    "arrest_warrant",
    "deportation_or_forced_transfer",
    "coup",
    "law_adopted_or_amended",
    "election",
    "vote_adopted",
    "sanction_imposed",
    "ratification",
    "persecution",
    "harassment",
    "threat",
    "internet_shutdown",
    "lawsuit",
    "reinstatement_or_annulment",
    "other",
)
_AUTHORITY_TYPES = {"government", "state_body", "court", "armed_forces"}


_BOUNDARY = re.compile(r";|\.\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])")


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: between semicolons or sentence ends ('art. 405' is not one)."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            return start, m.start()
    return start, len(text)


@cache
def _breaks(code: str) -> re.Pattern[str] | None:
    words = load_data(code, "facts").get("clause_breaks", [])
    return re.compile("|".join(re.escape(w) for w in words), re.I) if words else None


def _subclause(text: str, pos: int, a: int, b: int, code: str) -> tuple[int, int]:
    """The part of clause a..b around ``pos`` where it turns to other people."""
    pattern = _breaks(code)
    if pattern is None:
        return a, b
    for m in pattern.finditer(text, a, b):
        if m.end() <= pos:
            a = m.start()
        elif m.start() >= pos:
            return a, m.start()
    return a, b


@cache
def _trigger_pattern(code: str) -> re.Pattern[str]:
    stems = sorted(load_data(code, "facts").get("events", {}), key=len, reverse=True)
    return re.compile(
        r"(?<![^\W\d_])(?:" + "|".join(re.escape(s) for s in stems) + ")" if stems else "(?!)"
    )


def extract_events(
    units: list[Unit],
    code: str,
    persons: list[Person],
    orgs: list[Organisation],
    provisions: list[Provision],
    places: list[Place],
    dates: list[DateFact],
) -> list[Event]:
    triggers: dict[str, str] = dict(load_data(code, "facts").get("events", {}))
    pattern = _trigger_pattern(code)
    events: list[Event] = []
    for unit in units:
        if unit.kind not in {"recital", "paragraph"}:
            continue
        low = unit.text.lower()
        taken: list[tuple[int, int]] = []
        for m in pattern.finditer(low):
            kind = triggers[m.group(0)]
            if kind in EVENT_TYPES:  # the data may only use the controlled vocabulary
                if any(s < m.end() + 12 and m.start() - 12 < e for s, e in taken):
                    continue
                word_end = re.match(r"[^\W\d_]*", low[m.end() :])
                end = m.end() + (word_end.end() if word_end else 0)
                taken.append((m.start(), end))
                a, b = _clause(unit.text, m.start())
                pa, pb = _subclause(unit.text, m.start(), a, b, code)
                participants = [
                    Participant(p.id, "subject")
                    for p in persons
                    if any(x.unit == unit.id and pa <= x.start < pb for x in p.mentions)
                ] + [
                    Participant(o.id, "authority" if o.type in _AUTHORITY_TYPES else "subject")
                    for o in orgs
                    if any(x.unit == unit.id and a <= x.start < b for x in o.mentions)
                ]
                when = next(
                    (d.value for d in dates if d.unit == unit.id and a <= d.start < b), None
                )
                where = next(
                    (
                        p.name
                        for p in places
                        for x in p.mentions
                        if x.unit == unit.id and a <= x.start < b
                    ),
                    None,
                )
                provs = [
                    p.id
                    for p in provisions
                    if any(x.unit == unit.id and a <= x.start < b for x in p.mentions)
                ]
                events.append(
                    Event(
                        fact_id("event", unit.id, str(m.start()), kind),
                        kind,
                        participants,
                        when,
                        where,
                        provs,
                        unit.id,
                        m.start(),
                        end,
                        unit.text[m.start() : end],
                    )
                )
    return events
