"""Extractors on real sentences from the corpus and on hard cases of our own.

Sentences marked 'synthetic' are test data written for these tests, not EP text.
"""

from __future__ import annotations

import pytest

from rightsmonitor.extract import extract_document
from rightsmonitor.extract.declension import name_hypotheses
from rightsmonitor.extract.persons import extract_persons
from rightsmonitor.ingest import read_bytes
from rightsmonitor.model import Extraction, Unit
from rightsmonitor.parse import parse_read_text
from tests.conftest import SEED_NAME, corpus_path


def _unit(text: str, uid: str = "p1", kind: str = "paragraph") -> Unit:
    return Unit(uid, kind, uid[1:], text, 0, len(text))  # type: ignore[arg-type]  # kind is a literal


def persons_of(*texts: str, code: str = "pl") -> dict[str, list[str]]:
    units = [_unit(t, f"p{i + 1}") for i, t in enumerate(texts)]
    found = extract_persons(units, code).persons
    return {p.name: [m.text for m in p.mentions] for p in found}


@pytest.fixture(scope="module")
def seed() -> Extraction:
    doc = parse_read_text(read_bytes(corpus_path(f"seed/{SEED_NAME}").read_bytes(), SEED_NAME))
    return extract_document(doc)


# --- persons: real sentences from the seed ----------------------------------------------


def test_the_seed_names_one_person_across_spellings_and_cases(seed: Extraction) -> None:
    by_name = {p.name: p for p in seed.persons}
    zhumagulov = by_name["Ałmat Żumagułow"]
    assert [m.text for m in zhumagulov.mentions] == ["Ałmat Żumagułow", "Almata Żumagulowa"]
    assert by_name["Diana Bajmagambetowa"].gender == "f"
    assert "Diana Baimagambetowa" in by_name["Diana Bajmagambetowa"].aliases
    assert "political prisoner" in zhumagulov.roles


@pytest.mark.parametrize(
    ("name", "mention"),
    [
        ("Daryn Chassenow", "Daryna Chassenowa"),  # a man in a list of genitives
        ("Danijar Chassenow", "Danijarowi Chassenowowi"),  # dative
        (
            "Abaibek Sułtanow",
            "Abaibkowi Sułtanowowi",
        ),  # mobile e, settled by the nominative elsewhere
        (
            "Muchtar Abliazow",
            "Muchtarowi Abliazowowi",
        ),  # dative after 'ruchu Demokratyczny Wybór …'
        ("Gulzipa Dżaukerowa", "Gulzipy Dżaukerowej"),  # agreement with 'aktywistki'
        ("Sanija Toiken", "Saniji Toiken"),  # apposition ', dziennikarki …'
        (
            "Damietkan Aspandijarowa",
            "Damietkan Aspandijarową",
        ),  # accusative, indeclinable given name
        ("Igor Czuprin", "Igora Czuprina"),  # a name morfeusz2 knows
        ("Askar Kayyrbek", "Askara Kajyrbeka"),  # 'Askar' is also a common word
    ],
)
def test_seed_nominatives(seed: Extraction, name: str, mention: str) -> None:
    person = next(p for p in seed.persons if p.name == name)
    assert mention in [m.text for m in person.mentions]


def test_relatives_are_never_merged(seed: Extraction) -> None:
    names = {p.name for p in seed.persons}
    assert {
        "Kenżebek Abiszew",
        "Aset Abiszew",
        "Dułat Agadił",
        "Żanbołat Agadił",
        "Danijar Chassenow",
        "Daryn Chassenow",
    } <= names


def test_organisations_are_not_persons(seed: Extraction) -> None:
    names = {p.name for p in seed.persons}
    assert not names & {
        "Kosze Partijasy",
        "Uralskaja Niedielia",
        "Erkindik Kanaty",
        "Transparency International",
    }
    orgs = {o.name for o in seed.organisations}
    assert {
        "Kosze Partijasy",
        "Uralskaja Niedielia",
        "Europejska Służba Działań Zewnętrznych",
    } <= orgs


# --- persons: hard cases of our own (synthetic) ------------------------------------------


@pytest.mark.parametrize(
    ("text", "nominative"),
    [
        ("wzywa do uwolnienia aktywisty Nurlana Bekowa", "Nurlan Bekow"),  # genitive, man
        ("przyznaje nagrodę aktywiście Nurlanowi Bekowowi", "Nurlan Bekow"),  # dative
        ("potępia zatrzymanie aktywistki Ajgerim Tlesowej", "Ajgerim Tlesowa"),  # genitive, woman
        ("z dziennikarką Ajgerim Tlesową", "Ajgerim Tlesowa"),  # instrumental, woman
        (
            "mając na uwadze, że Nurlan Bekow i Ajgerim Tlesowa zostali zatrzymani",
            "Nurlan Bekow",
        ),  # nominative
        (
            "wzywa do uwolnienia obrońców praw człowieka, w szczególności Alii Tursunowej i Askara Sadykowa",
            "Alia Tursunowa",
        ),
        (
            "uwolnienia obrońców praw człowieka, w szczególności Alii Tursunowej i Askara Sadykowa",
            "Askar Sadykow",
        ),
        ("o działaczce Mariji Ivanovej-Petrovej", None),
    ],
)
def test_declined_names(text: str, nominative: str | None) -> None:
    found = persons_of(text)
    if nominative is not None:
        assert nominative in found, found


def test_all_seven_cases_of_a_foreign_man_and_woman() -> None:
    forms = {  # synthetic: Nurlan Bekow / Ajgerim Tlesowa in the seven Polish cases
        "nom": ("Nurlan Bekow", "Ajgerim Tlesowa"),
        "gen": ("Nurlana Bekowa", "Ajgerim Tlesowej"),
        "dat": ("Nurlanowi Bekowowi", "Ajgerim Tlesowej"),
        "acc": ("Nurlana Bekowa", "Ajgerim Tlesową"),
        "inst": ("Nurlanem Bekowem", "Ajgerim Tlesową"),
        "loc": ("Nurlanie Bekowie", "Ajgerim Tlesowej"),
        "voc": ("Nurlanie Bekowie", "Ajgerim Tlesowa"),
    }
    for case, (man, woman) in forms.items():
        man_noms = {
            " ".join(h.nominative)
            for h in name_hypotheses(tuple(man.split()), "pl")
            if h.case == case
        }
        woman_noms = {
            " ".join(h.nominative)
            for h in name_hypotheses(tuple(woman.split()), "pl")
            if h.case == case
        }
        assert "Nurlan Bekow" in man_noms, (case, man_noms)
        assert "Ajgerim Tlesowa" in woman_noms, (case, woman_noms)


def test_hyphenated_and_english_names() -> None:
    found = persons_of(
        "C. whereas on 17 March 2023 the ICC issued arrest warrants for Vladimir Putin and Maria Lvova-Belova;",
        code="en",
    )
    assert set(found) == {"Vladimir Putin", "Maria Lvova-Belova"}


def test_titles_and_surname_only_mentions_in_english() -> None:
    found = persons_of(
        "the detention of President Win Myint and State Counsellor Aung San Suu Kyi;",
        "calls for the release of Win Myint;",
        code="en",
    )
    assert set(found) == {"Win Myint", "Aung San Suu Kyi"}
    assert len(found["Win Myint"]) == 2


# --- the other extractors on the seed -------------------------------------------------------


def test_provisions(seed: Extraction) -> None:
    pairs = {(p.article, p.instrument) for p in seed.legal_provisions}
    assert {
        ("405", "kodeks karny Kazachstanu"),
        ("182", "kodeks karny Kazachstanu"),
        ("460-1", "kodeks wykroczeń administracyjnych"),
        ("460-2", "kodeks wykroczeń administracyjnych"),
        ("144 ust. 5", "Regulamin"),
        ("132 ust. 4", "Regulamin"),
    } <= pairs


def test_dates(seed: Extraction) -> None:
    values = {(d.value, d.text) for d in seed.dates}
    assert ("2020-11-26/2020-11-27", "26–27 listopada 2020 r.") in values
    assert ("2020-02/2020-11", "od lutego do listopada 2020 r.") in values
    assert ("2020-10-22/..", "od 22 października 2020 r.") in values
    assert ("2020-05", "maju 2020 r.") in values


def test_quantities(seed: Extraction) -> None:
    got = {(q.value, q.qualifier) for q in seed.quantities}
    assert (
        (350.0, "at least") in got
        and (23000.0, "more than") in got
        and (8000.0, "more than") in got
    )
    assert any(q.rank and q.value == 94 for q in seed.quantities)
    assert not any(q.value in (405.0, 460.0, 2020.0) for q in seed.quantities)


def test_places(seed: Extraction) -> None:
    places = {p.name: p for p in seed.places}
    assert places["Kazakhstan"].country == "KZ" and places["Almaty"].country == "KZ"
    assert "Ałmatach" in [m.text for m in places["Almaty"].mentions]
    assert not any(
        m.text == "Ałmat" for m in places["Almaty"].mentions
    )  # a given name, not the city


def test_calls_split_a_paragraph(seed: Extraction) -> None:
    p24 = [c for c in seed.calls if c.unit == "p24"]
    assert [c.stance for c in p24] == ["recalls", "calls on"]
    assert p24[1].action == "sanction"
    p3 = [c for c in seed.calls if c.unit == "p3"]
    assert p3[0].action == "release" and len(p3[0].targets) >= 21


def test_events_have_participants_and_provisions(seed: Extraction) -> None:
    detention = next(e for e in seed.events if e.type == "pre_trial_detention")
    assert detention.unit == "rF" and len(detention.provisions) == 2
    asylum = next(e for e in seed.events if e.type == "asylum_granted")
    assert asylum.date == "2020-09-29"


def test_english_extraction_on_the_joint_motion() -> None:
    path = corpus_path("raw/HowTheyVote-howtheyvote/RC-B10-0249-2025_EN.html")
    found = extract_document(parse_read_text(read_bytes(path.read_bytes(), path.name)))
    assert {p.name for p in found.persons} >= {"Vladimir Putin", "Maria Lvova-Belova"}
    assert (20000.0, "about") in {(q.value, q.qualifier) for q in found.quantities}
    assert ("150(5)", "Rules of Procedure") in {
        (p.article, p.instrument) for p in found.legal_provisions
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # names that are also common words: 'Askar' (askar), 'Alija' (alija), 'Dana' (dana)
        (
            "mając na uwadze, że obrońcy praw człowieka Alija Żakupowa i Askar Nurmagambetow zostali zatrzymani;",
            "Alija Żakupowa",
        ),
        (
            "mając na uwadze, że obrońcy praw człowieka Alija Żakupowa i Askar Nurmagambetow zostali zatrzymani;",
            "Askar Nurmagambetow",
        ),
        ("wzywa do uwolnienia aktywistki Dany Żanaj;", "Dana Żanaj"),
    ],
)
def test_names_that_are_common_words(text: str, name: str) -> None:
    assert name in persons_of(text)


CORPUS_FILES = [
    "seed/ep-2021-kazakhstan-oj-c465-15.pl.txt",
    *(
        f"raw/HowTheyVote-howtheyvote/{n}"
        for n in (
            "RC-B10-0249-2025_EN.html",
            "B9-0220-2020_EN.html",
            "A9-0163-2024_EN.html",
            "OEIL_summary_1651118_Myanmar_2021-2540-RSP_EN.html",
            "PressRelease_20190712IPR56948_Venezuela_EN.html",
            "PressRelease_20250204IPR26689_Georgia_EN.html",
        )
    ),
    *(f"raw/M-BenAli-AgentPlatform/B-9-2024-0{n}.pdf" for n in ("199", "216", "218", "222")),
]


@pytest.mark.parametrize("relative", CORPUS_FILES)
def test_extract_works_on_every_corpus_document(relative: str) -> None:
    from rightsmonitor.service import extraction_json

    path = corpus_path(relative)
    doc = parse_read_text(read_bytes(path.read_bytes(), path.name))
    data = extraction_json(extract_document(doc))
    assert set(data) >= {
        "persons",
        "organisations",
        "legal_provisions",
        "places",
        "dates",
        "quantities",
        "events",
        "calls",
    }
    units = {u.id: u.text for u in doc.units}
    for kind in ("persons", "organisations", "legal_provisions", "places"):
        for entity in data[kind]:
            for m in entity["mentions"]:
                assert units[m["unit"]][m["start"] : m["end"]] == m["text"], (kind, m)
    for kind in ("dates", "quantities", "events", "calls"):
        for item in data[kind]:
            assert units[item["unit"]][item["start"] : item["end"]] == item["text"], (kind, item)
