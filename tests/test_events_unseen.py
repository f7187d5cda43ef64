"""Events on wording the vocabulary was not written for: lemmas, whole tokens, polarity,
roles, and statuses that follow (issue #9)."""

from __future__ import annotations

import pytest

from rightsmonitor.extract import extract_document
from rightsmonitor.ingest import read_bytes
from rightsmonitor.model import Extraction
from rightsmonitor.parse import parse_read_text
from rightsmonitor.resolve.status import person_statuses


def extract(text: str, code: str) -> Extraction:
    return extract_document(
        parse_read_text(read_bytes(text.encode("utf-8"), "probe.txt"), language=code)
    )


def types(text: str, code: str) -> list[tuple[str, str]]:
    return [(e.type, e.polarity) for e in extract(text, code).events]


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        (
            "Sąd przedłużył areszt tymczasowy dziennikarzowi.",
            "pl",
            ("pre_trial_detention", "happened"),
        ),
        ("Wobec aktywisty zastosowano areszt domowy.", "pl", ("house_arrest", "happened")),
        (
            "Ministerstwo wydało zakaz działalności fundacji.",
            "pl",
            ("ban_or_liquidation", "happened"),
        ),
        (
            "Sąd uznał ruch za organizację ekstremistyczną.",
            "pl",
            ("designation_as_extremist", "happened"),
        ),
        ("W poniedziałek opozycjonista wyszedł na wolność.", "pl", ("release", "happened")),
        ("Władze zablokowały dostęp do internetu.", "pl", ("internet_shutdown", "happened")),
        ("Litwa przyznała mu azyl.", "pl", ("asylum_granted", "happened")),
        ("Wzywamy do natychmiastowego uwolnienia dziennikarki.", "pl", ("release", "demanded")),
        ("Prokuratura nie postawiła mu zarzutów.", "pl", ("charge", "denied")),
        ("His lawyers were disbarred last year.", "en", ("disbarment_or_dismissal", "happened")),
        (
            "The appeals court upheld the nine-year prison sentence.",
            "en",
            ("appeal_rejected", "happened"),
        ),
        ("Riot police beat protesters in the capital.", "en", ("attack", "happened")),
        ("Internet access was cut off in the region.", "en", ("internet_shutdown", "happened")),
        ("He faces up to ten years in prison.", "en", ("sentence", "threatened")),
        ("The authorities deny that the activist was tortured.", "en", ("torture", "denied")),
        ("Amnesty calls for the release of the blogger.", "en", ("release", "demanded")),
        ("Sąd Najwyższy odrzucił kasację obrońców.", "pl", ("appeal_rejected", "happened")),
        (
            "Adwokata pozbawiono prawa wykonywania zawodu.",
            "pl",
            ("disbarment_or_dismissal", "happened"),
        ),
        ("Władze zamknęły niezależną gazetę.", "pl", ("censorship", "happened")),
        ("Działaczowi zakazano opuszczania kraju.", "pl", ("travel_ban", "happened")),
        ("Od tygodnia nie wiadomo, gdzie przebywa.", "pl", ("enforced_disappearance", "happened")),
        ("Authorities shut down the independent newspaper.", "en", ("censorship", "happened")),
        (
            "The government throttled internet access nationwide.",
            "en",
            ("internet_shutdown", "happened"),
        ),
        ("The activist was banned from leaving the country.", "en", ("travel_ban", "happened")),
        ("He was released on bail but faces charges of extremism.", "en", ("charge", "happened")),
    ],
)
def test_wordings_never_seen(text: str, code: str, expected: tuple[str, str]) -> None:
    assert expected in types(text, code)


@pytest.mark.parametrize(
    "text",
    [
        "A lawyer from Osh said it a couple of hours later.",
        "The law firm released a report and a statement on Monday.",
        "She received a death threat.",
    ],
)
def test_no_event_from_a_substring_or_a_look_alike(text: str) -> None:
    found = types(text, "en")
    assert not any(
        t in ("law_adopted_or_amended", "coup", "release", "killing_or_death") for t, _ in found
    )


def test_a_court_that_sentences_is_the_perpetrator_and_statuses_follow() -> None:
    found = extract(
        "The Supreme Court sentenced the journalist Otabek Nurmatov to seven years in prison. "
        "His colleague Dilshod Rakhimov was detained on 3 March 2025 and released on 5 March 2025.",
        "en",
    )
    names = {p.id: p.name for p in found.persons}
    courts = {o.id for o in found.organisations if o.name == "Supreme Court"}
    sentence = next(e for e in found.events if e.type == "sentence")
    assert {p.role for p in sentence.participants if p.id in courts} == {"perpetrator"}
    statuses = {
        names[pid]: s.status
        for pid, s in person_statuses(
            [
                e.__dict__ | {"participants": [p.__dict__ for p in e.participants]}
                for e in found.events
            ]
        ).items()
    }
    assert statuses == {"Otabek Nurmatov": "convicted and serving", "Dilshod Rakhimov": "released"}


def _statuses(text: str, code: str) -> dict[str, str]:
    found = extract(text, code)
    names = {p.id: p.name for p in found.persons}
    events = [
        e.__dict__ | {"participants": [p.__dict__ for p in e.participants]} for e in found.events
    ]
    return {names[pid]: s.status for pid, s in person_statuses(events).items()}


def test_a_speaker_is_a_source_and_a_pronoun_agrees_in_gender() -> None:
    statuses = _statuses(
        "Police detained the economist Rauf Mammadli on Monday. "
        "His lawyer, Nigar Aliyeva, said he was beaten in detention.",
        "en",
    )
    assert statuses == {"Rauf Mammadli": "detained"}  # not the lawyer who speaks


def test_someone_who_remains_in_prison_is_detained() -> None:
    assert _statuses("Her colleague Ihar Karnei remains in prison.", "en") == {
        "Ihar Karnei": "detained"
    }
