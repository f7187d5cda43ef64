"""The registry: name keys, matching, clustering, curator judgments, the CLI, and the targets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from rightsmonitor.cli.main import cli
from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.resolve import Record, cluster, compare
from rightsmonitor.resolve.keys import name_parts, part_skeleton, skeleton
from rightsmonitor.service import Library, evaluate_names, synthetic_records
from tests.conftest import EXAMPLES, ROOT, SEED_NAME, corpus_path

FIXTURES = ROOT / "tests" / "fixtures" / "registry"
VARIANTS = ROOT / "eval" / "names" / "variants.json"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Żumagułow", "Zhumagulov"),
        ("Żumagułow", "Жумагулов"),
        ("Жумагулов", "Жұмағұлов"),  # Kazakh letters
        ("Szukejewa", "Shukeyeva"),
        ("Czuprina", "Chuprina"),
        ("Chassenow", "Khassenov"),
        ("Jerboł", "Yerbol"),
        ("Bokajew", "Bokayev"),
        ("Schukejewa", "Shukeyeva"),  # German
    ],
)
def test_transliterations_share_a_skeleton(a: str, b: str) -> None:
    assert part_skeleton(a) == part_skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ałmat Żumagułow", "Almat Zhumagulov"),
        ("Ałmat Żumagułow", "Алмат Жумагулов"),
        ("Maria Kalesnikava", "Мария Колесникова"),  # Belarusian and Russian
        ("Max Bokayev", "Maks Bokajew"),
        ("Vladimir Kara-Murza", "Władimir Kara-Murza"),
    ],
)
def test_variants_are_the_same_person(a: str, b: str) -> None:
    verdict = compare(a, b)
    assert verdict.decision == "same", verdict
    assert verdict.reasons  # every decision explains itself


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a vowel that is not a transliteration convention: maybe one person, maybe two
        ("Sviatlana Tsikhanouskaya", "Светлана Тихановская"),
        ("Ales Bialiatski", "Aleś Białacki"),
        ("Nurlan Bekov", "Nurlan Bakiev"),
        ("Arman Aliev", "Arman Alaev"),
        ("Serik Orazov", "Serik Urazov"),
        # different given names by naming convention, whatever the surname
        ("Ivan Petrov", "Yan Petrov"),
        ("Max Orlov", "Maxim Orlov"),
    ],
)
def test_near_names_go_to_review_never_merge(a: str, b: str) -> None:
    """The consonant key proposes; only the same letters (once conventions fold) merge."""
    verdict = compare(a, b)
    assert verdict.decision in {"review", "different"}, verdict
    records = [Record("d1/p1", a), Record("d2/p1", b)]
    assert cluster(records, [], []).clusters == [["d1/p1"], ["d2/p1"]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Georgy Ivanov", "Yuri Ivanov"),
        ("Danijar Chassenow", "Daryn Chassenow"),
        ("Kenżebek Abiszew", "Aset Abiszew"),
        ("Dułat Agadił", "Żanbołat Agadił"),
        ("Vladimir Vladimirovich Kara-Murza", "Vladimir Alekseyevich Kara-Murza"),
    ],
)
def test_hard_negatives_stay_apart(a: str, b: str) -> None:
    verdict = compare(a, b)
    assert verdict.decision == "different"
    assert any("different" in r for r in verdict.reasons)
    records = [Record("d1/p1", a), Record("d2/p1", b), Record("d3/p1", a.upper())]
    clusters = cluster(records, [], []).clusters
    assert ["d1/p1", "d3/p1"] in clusters and ["d2/p1"] in clusters


_LETTERS = st.text(
    alphabet="abcdefghijklmnoprstuvwyząćęłńóśźżжшчхйвлэюяәғқңөұүһі", min_size=2, max_size=12
)


@given(_LETTERS, _LETTERS)
def test_compare_is_symmetric_and_case_blind(a: str, b: str) -> None:
    first, second = f"{a.title()} {b.title()}", f"{b.title()} {a.title()}"
    assert compare(first, second).decision == compare(second, first).decision
    assert skeleton(first) == skeleton(first.upper())
    assert compare(first, first.lower()).decision != "different"  # initials go to review
    assert len(name_parts(first)) <= 2


def test_curator_judgments_win_over_the_matcher() -> None:
    records = [Record("a/1", "Almat Zhumagulov"), Record("b/1", "Ałmat Żumagułow")]
    assert cluster(records, [], []).clusters == [["a/1", "b/1"]]
    assert cluster(records, [], [("a/1", "b/1")]).clusters == [["a/1"], ["b/1"]]
    far = [Record("a/1", "Bota Jardemalie"), Record("b/1", "Botagoz Dzhardemali")]
    assert cluster(far, [("a/1", "b/1")], []).clusters == [["a/1", "b/1"]]


def test_name_variant_set_meets_the_targets() -> None:
    result = evaluate_names(VARIANTS)
    assert result.people >= 60 and result.names >= 300
    assert result.precision >= 0.99, result.false_merges[:5]
    # measured 0.825 (README): pairs that differ in a vowel the conventions do not explain
    # ('Bialiatski'/'Białacki') go to review since issue #8, so they count as missed here
    assert result.recall >= 0.8, result.missed[:10]
    assert result.negatives >= 40 and result.negatives_apart == result.negatives


def test_synthetic_benchmark_data_is_deterministic_and_resolves_well() -> None:
    records, truth = synthetic_records(5000, seed=3)
    again, _ = synthetic_records(5000, seed=3)
    assert records == again
    clusters = cluster(records, [], []).clusters
    mixed = sum(1 for c in clusters if len({truth[k] for k in c}) > 1)
    assert mixed <= len(clusters) * 0.02


def _seed_and_statements(library: Library) -> None:
    files = [
        corpus_path(f"seed/{SEED_NAME}"),
        EXAMPLES / "statement-2021.en.txt",
        EXAMPLES / "statement-2021.ru.txt",
    ]
    report = library.ingest_paths(files)
    assert report.count("added") == 3


def _fixture_pairs() -> list[tuple[str, str]]:
    text = (FIXTURES / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^- (.+?) = (.+)$", text, flags=re.M)


def _entity_of(entities: list[dict[str, object]], name: str) -> dict[str, object]:
    hits = [e for e in entities if name == e["name"] or name in {a["name"] for a in e["aliases"]}]  # type: ignore[union-attr]
    assert len(hits) == 1, (name, [e["name"] for e in hits])
    return hits[0]


def test_seed_and_two_statements_give_one_person_per_real_person(tmp_path: Path) -> None:
    with Library(f"sqlite:///{tmp_path / 'r.sqlite'}") as library:
        _seed_and_statements(library)
        persons = library.registry.entities("persons")
        gold = json.loads((ROOT / "eval/gold/seed-kazakhstan-2021.pl.json").read_text("utf-8"))
        assert len(persons) == len(gold["persons"]) == 53
        pairs = _fixture_pairs()
        assert len(pairs) == 50
        for written, seed_person in pairs:
            entity = _entity_of(persons, written)
            assert entity is _entity_of(persons, seed_person.strip())
            assert len(entity["documents"]) >= 2  # type: ignore[arg-type]
        for a, b in [
            ("Danijar Chassenow", "Daryn Chassenow"),
            ("Aset Abiszew", "Kenżebek Abiszew"),
            ("Dułat Agadił", "Żanbołat Agadił"),
        ]:
            assert _entity_of(persons, a) is not _entity_of(persons, b)


def test_decisions_survive_reingestion_and_are_audited(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    with Library(url) as library:
        _seed_and_statements(library)
        persons = library.registry.entities("persons")
        zh = _entity_of(persons, "Almat Zhumagulov")["id"]
        ab = _entity_of(persons, "Aset Abishev")["id"]
        kz = _entity_of(persons, "Kenzhebek Abishev")["id"]
        library.registry.split(str(zh), "ana")
        library.registry.merge(str(ab), str(kz), "ben")
    with Library(url) as library:  # a full re-ingest: parse, extract and resolve again
        files = [
            corpus_path(f"seed/{SEED_NAME}"),
            EXAMPLES / "statement-2021.en.txt",
            EXAMPLES / "statement-2021.ru.txt",
        ]
        assert library.ingest_paths(files, force=True).count("added") == 3
        persons = library.registry.entities("persons")
        spellings = ["Almat Zhumagulov", "Ałmat Żumagułow", "Алмат Жумагулов"]
        assert len({str(_entity_of(persons, s)["id"]) for s in spellings}) == 3
        assert _entity_of(persons, "Aset Abishev") is _entity_of(persons, "Kenzhebek Abishev")
        log = library.registry.audit()
        assert [(e["who"], e["action"]) for e in log] == [("ana", "split"), ("ben", "merge")]
        aset = str(_entity_of(persons, "Aset Abishev")["id"])
        with pytest.raises(RightsMonitorError):
            library.registry.distinct(aset, aset, "cy")  # one entity twice is a mistake
        library.registry.distinct(aset, str(_entity_of(persons, "Almat Zhumagulov")["id"]), "cy")
        assert library.registry.audit()[-1]["who"] == "cy"


def test_cli_lists_reviews_and_decides(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    runner = CliRunner()
    files = [str(EXAMPLES / "statement-2021.en.txt"), str(EXAMPLES / "statement-2021.ru.txt")]
    result = runner.invoke(cli, ["--db", db, "ingest", *files])
    assert result.exit_code == 0, result.output
    assert "registry: 25 persons" in result.output
    listed = json.loads(runner.invoke(cli, ["--db", db, "persons", "--json"]).output)
    assert {"id", "name", "aliases", "documents", "mentions"} <= set(listed[0])
    orgs = json.loads(runner.invoke(cli, ["--db", db, "organisations", "--json"]).output)
    assert all({"id", "name", "aliases", "documents", "mentions"} <= set(o) for o in orgs)
    a, b = listed[0]["id"], listed[1]["id"]
    merged = runner.invoke(cli, ["--db", db, "--user", "dana", "merge", a, b])
    assert merged.exit_code == 0 and "24 persons" in merged.output
    audit = runner.invoke(cli, ["--db", db, "audit", "--json"])
    assert json.loads(audit.output)[0]["who"] == "dana"
    missing = runner.invoke(cli, ["--db", db, "split", "P-000000000000"])
    assert missing.exit_code != 0
    review = runner.invoke(cli, ["--db", db, "review"])
    assert review.exit_code == 0 and "pairs to review" in review.output


def test_registry_on_every_database(database_url: str) -> None:
    """One storage code path: the same registry and decisions on SQLite and PostgreSQL."""
    with Library(database_url) as library:
        files = [EXAMPLES / "statement-2021.en.txt", EXAMPLES / "statement-2021.ru.txt"]
        report = library.ingest_paths(files)
        assert report.registry["persons"] == 25
        persons = library.registry.entities("persons")
        a = str(_entity_of(persons, "Aset Abishev")["id"])
        b = str(_entity_of(persons, "Kenzhebek Abishev")["id"])
        assert library.registry.merge(a, b, "pg")["persons"] == 24
        assert library.registry.audit()[0]["action"] == "merge"


def test_uncertain_pairs_go_to_review_with_reasons() -> None:
    records = [Record("a/1", "A. Zhumagulov"), Record("b/1", "Almat Zhumagulov")]
    result = cluster(records, [], [])
    assert result.clusters == [["a/1"], ["b/1"]]  # an initial could be a brother
    [candidate] = result.review
    assert {candidate.a, candidate.b} == {"a/1", "b/1"}
    assert candidate.verdict.decision == "review"
    assert any("initial" in r for r in candidate.verdict.reasons)


@pytest.mark.parametrize(
    ("inflected", "nominative_form"),
    [("Arona Atabeka", "Aron Atabek"), ("Diany Baimagambetowej", "Diana Baimagambetowa")],
)
def test_inflected_forms_reach_the_nominative(inflected: str, nominative_form: str) -> None:
    from rightsmonitor.service.names_eval import nominative

    assert nominative(inflected, "pl") == nominative_form


def test_external_identifiers_are_validated_kept_and_audited(tmp_path: Path) -> None:
    db = str(tmp_path / "ids.sqlite")
    runner = CliRunner()
    files = [str(EXAMPLES / "statement-2021.en.txt")]
    assert runner.invoke(cli, ["--db", db, "ingest", *files]).exit_code == 0
    persons = json.loads(runner.invoke(cli, ["--db", db, "persons", "--json"]).output)
    target = _entity_of(persons, "Mukhtar Ablyazov")["id"]
    bad = runner.invoke(cli, ["--db", db, "identify", str(target), "--wikidata", "Ablyazov"])
    assert bad.exit_code != 0
    ok = runner.invoke(
        cli, ["--db", db, "--user", "eve", "identify", str(target), "--wikidata", "Q4115123"]
    )
    assert ok.exit_code == 0, ok.output
    assert runner.invoke(cli, ["--db", db, "ingest", "--force", *files]).exit_code == 0
    persons = json.loads(runner.invoke(cli, ["--db", db, "persons", "--json"]).output)
    assert _entity_of(persons, "Mukhtar Ablyazov")["external_ids"] == {"wikidata": "Q4115123"}
    log = json.loads(runner.invoke(cli, ["--db", db, "audit", "--json"]).output)
    assert log[-1]["who"] == "eve" and log[-1]["action"] == "identify"


def test_well_known_bodies_are_one_organisation_across_languages(tmp_path: Path) -> None:
    with Library(f"sqlite:///{tmp_path / 'o.sqlite'}") as library:
        library.ingest_paths([corpus_path(f"seed/{SEED_NAME}"), EXAMPLES / "statement-2021.en.txt"])
        orgs = library.registry.entities("organisations")
        parliament = _entity_of(orgs, "European Parliament")
        assert parliament is _entity_of(orgs, "Parlament Europejski")
        assert len(parliament["documents"]) == 2  # type: ignore[arg-type]
        assert _entity_of(orgs, "Europejska Służba Działań Zewnętrznych") is not parliament


def test_later_decisions_win_and_bad_decisions_are_refused(tmp_path: Path) -> None:
    with Library(f"sqlite:///{tmp_path / 'd.sqlite'}") as library:
        library.ingest_paths(
            [EXAMPLES / "statement-2021.en.txt", EXAMPLES / "statement-2021.ru.txt"]
        )
        registry = library.registry
        persons = registry.entities("persons")
        almat = str(_entity_of(persons, "Almat Zhumagulov")["id"])
        registry.split(almat, "ana")
        persons = registry.entities("persons")
        en, ru = (
            str(_entity_of(persons, n)["id"]) for n in ("Almat Zhumagulov", "Алмат Жумагулов")
        )
        assert en != ru
        registry.merge(en, ru, "ben")  # a later merge undoes the split
        persons = registry.entities("persons")
        assert _entity_of(persons, "Almat Zhumagulov") is _entity_of(persons, "Алмат Жумагулов")
        orgs = registry.entities("organisations")
        one, two = str(orgs[0]["id"]), str(orgs[1]["id"])
        before = len(orgs)
        registry.merge(one, two, "ben")  # organisations merge too
        assert len(registry.entities("organisations")) == before - 1
        with pytest.raises(RightsMonitorError):
            registry.merge(str(persons[0]["id"]), one, "ben")  # a person and an organisation
        with pytest.raises(RightsMonitorError):
            registry.identify(en, {"wikidata": "Q5", "opensanctions": "!x"}, "ben")
        assert all(e["action"] != "identify" for e in registry.audit())  # nothing half-stored


def test_review_lists_each_pair_of_entities_once(tmp_path: Path) -> None:
    text = "Ivan Petrov, Ivan Pietrow, I. Petrov and I. Pietrow were detained.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    with Library(f"sqlite:///{tmp_path / 'r.sqlite'}") as library:
        library.ingest_paths([tmp_path / "a.txt"], language="en")
        pairs = [(r["a"], r["b"]) for r in library.registry.review()]
        assert len(pairs) == len({frozenset(p) for p in pairs})


@pytest.mark.parametrize(
    "args",
    [
        ["bench-registry", "--sizes", "abc"],
        ["bench-registry", "--sizes", "-5"],
        ["bench-registry", "--sizes", ","],
        ["--user", "x" * 121, "resolve"],
        ["merge", "P-000000000000", "P-000000000000"],
    ],
)
def test_bad_arguments_give_one_line_errors(tmp_path: Path, args: list[str]) -> None:
    from rightsmonitor.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "e.sqlite"), *args])
    assert exit_info.value.code not in (0, 70)
