"""Person statuses on wording written for each rule of issue #9: who an event happened to
(possessives, temporal prepositions, sources, possessors), which date is the event's, which
cues reach a trigger, and how statuses follow (in absentia, measures, acquittal, former
prisoner, disappearance)."""

from __future__ import annotations

import pytest

from rightsmonitor.extract import extract_document
from rightsmonitor.ingest import read_bytes
from rightsmonitor.model import Extraction
from rightsmonitor.parse import parse_read_text
from rightsmonitor.resolve.status import Status, as_of, latest, person_statuses


def extract(text: str, code: str) -> Extraction:
    return extract_document(
        parse_read_text(read_bytes(text.encode("utf-8"), "probe.txt"), language=code)
    )


def statuses(text: str, code: str, date: str | None = None) -> dict[str, str]:
    found = extract(text, code)
    names = {p.id: p.name for p in found.persons}
    events = [
        e.__dict__ | {"participants": [p.__dict__ for p in e.participants]} for e in found.events
    ]
    return {
        names[pid]: s.status
        for pid, s in person_statuses(events, document_date=date).items()
        if pid in names
    }


@pytest.mark.parametrize(
    ("text", "code", "name", "expected"),
    [
        # a possessive pronoun before an event noun: the pronoun's person, not the clause's
        (
            "Police detained the blogger Omar Tahir. Two reporters, Lina Sayed and Hana Aziz, "
            "who wrote about his detention, were fined.",
            "en",
            "Lina Sayed",
            "at liberty",
        ),
        # an event noun after a temporal preposition is a time reference
        (
            "Dzień po ogłoszeniu wyroku policja zatrzymała dziennikarkę Marię Wolską.",
            "pl",
            "Maria Wolska",
            "detained",
        ),
        # a possessor is not a victim
        (
            "Tahir's brother, Sami Tahir, was arrested on Monday.",
            "en",
            "Sami Tahir",
            "detained",
        ),
        # a judgment in absentia: abroad, not in custody
        (
            "The exiled editor Pavel Orlov was sentenced in absentia to nine years in prison.",
            "en",
            "Pavel Orlov",
            "refugee or in exile",
        ),
        (
            "Sąd skazał zaocznie publicystę Igora Lebiedzia na sześć lat więzienia.",
            "pl",
            "Igor Lebiedź",
            "refugee or in exile",
        ),
        # a measure that leaves a person free says only what nothing else says
        ("Dziennikarz Jan Mrówka został ukarany grzywną.", "pl", "Jan Mrówka", "at liberty"),
        (
            "Activist Tom Reyes was released on bail and banned from leaving the country.",
            "en",
            "Tom Reyes",
            "released",
        ),
        # acquitted without having been held: at liberty
        ("A court acquitted the lawyer Nora Finch of fraud.", "en", "Nora Finch", "at liberty"),
        # cues inside other triggers or dates are no cues ('denied bail', '30 May')
        (
            "On 30 May police arrested the student Ali Karimi.",
            "en",
            "Ali Karimi",
            "detained",
        ),
        # a conjunction stops an annulling verb: 'quash it and release him' asks for a release
        (
            "The court was asked to quash the verdict against Eli Moran and release him.",
            "en",
            "Eli Moran",
            "unknown",
        ),
    ],
)
def test_status_rules(text: str, code: str, name: str, expected: str) -> None:
    assert statuses(text, code).get(name, "unknown") == expected


@pytest.mark.parametrize(
    ("text", "code", "trigger", "date"),
    [
        ("Karol Zięba został aresztowany w 2020 r. i skazany w 2021 r.", "pl", "skazany", "2021"),
        (
            "Karol Zięba został aresztowany w 2020 r. i skazany w 2021 r.",
            "pl",
            "aresztowany",
            "2020",
        ),
        (
            "Among those deported was Rui Santos, sentenced in 2023 to five years.",
            "en",
            "deported",
            None,
        ),
    ],
)
def test_each_date_goes_to_its_nearest_trigger(
    text: str, code: str, trigger: str, date: str | None
) -> None:
    event = next(e for e in extract(text, code).events if e.text.startswith(trigger))
    assert event.date == date


@pytest.mark.parametrize(
    ("text", "code", "trigger", "polarity"),
    [
        ("Amir Nouri was detained for a week without charges.", "en", "charges", "denied"),
        ("Przetrzymywano go bez postawienia zarzutów.", "pl", "postawienia zarzutów", "denied"),
        (
            "Amnesty urges the release of Ivo Brandt, who has been held since March.",
            "en",
            "been held",
            "happened",
        ),
        ("Chikore was denied bail and remains in custody.", "en", "remains in custody", "happened"),
    ],
)
def test_cues_reach_only_their_own_clause(
    text: str, code: str, trigger: str, polarity: str
) -> None:
    event = next(e for e in extract(text, code).events if e.text.startswith(trigger))
    assert event.polarity == polarity


def test_a_gap_in_a_pattern_holds_no_verb() -> None:
    found = extract("Obaj od dwudziestu lat przebywają w więzieniu.", "pl").events
    assert [e.type for e in found] == ["detention"]  # not a sentence of 'lat … więzienia'


@pytest.mark.parametrize(
    ("since", "document", "expected"),
    [
        ("2019", "2025-05-06", "former prisoner"),
        ("2025-03", "2025-07-02", "released"),
        ("2023-06", "2025-07-01", "former prisoner"),
        ("2023-06", "2025-05-01", "released"),
        (None, "2025-05-06", "released"),
    ],
)
def test_a_release_years_back_makes_a_former_prisoner(
    since: str | None, document: str, expected: str
) -> None:
    assert as_of("released", since, document) == expected


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        # a disappearance is not undone by a detention of the same time
        (
            [
                ("disappeared", ("2023-10", 0), "enforced_disappearance"),
                ("detained", ("2023-10", 1), "detention"),
            ],
            0,
        ),
        # a later dated detention does
        (
            [
                ("disappeared", ("2023-10", 0), "enforced_disappearance"),
                ("detained", ("2024-01", 1), "detention"),
            ],
            1,
        ),
        # a travel ban after a release leaves the person released
        (
            [("released", ("2025-03", 0), "release"), ("at liberty", ("2025-03", 1), "travel_ban")],
            0,
        ),
        # a charge of the same time as an acquittal is the charge judged
        (
            [
                ("at liberty", ("2024-12", 0), "acquittal"),
                ("facing charges or investigation", ("2024-12", 1), "charge"),
            ],
            0,
        ),
    ],
)
def test_precedence(entries: list[tuple[str, tuple[str, int], str]], expected: int) -> None:
    assert latest(entries) == expected


def test_status_keeps_its_event_type() -> None:
    assert Status("released", None, "e", "t", "u", "release").type == "release"
