"""Incremental resolution (issue #10): adding a document resolves only what its names touch,
and gives the registry a full resolution would give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from rightsmonitor.resolve import Record, cluster, extend, name_keys
from rightsmonitor.service import Library
from rightsmonitor.store import RegistryStore
from rightsmonitor.store.schema import registry_keys
from tests.conftest import ROOT

EXAMPLES = ROOT / "src" / "rightsmonitor" / "examples"
DIFF = ROOT / "tests" / "fixtures" / "diff"


def _r(key: str, name: str, *aliases: str) -> Record:
    return Record(key, name, aliases)


@pytest.mark.parametrize(
    ("fixed", "new", "expected"),
    [
        # a new spelling joins the person already known, in another script
        ([["a/1"]], [_r("b/1", "Алмат Жумагулов")], [["a/1", "b/1"]]),
        # a namesake's relative (same surname, other given name) stays apart
        ([["a/1"]], [_r("b/1", "Aset Zhumagulov")], [["a/1"], ["b/1"]]),
        # an unrelated name is a new person
        ([["a/1"]], [_r("b/1", "Maria Kalesnikava")], [["a/1"], ["b/1"]]),
    ],
)
def test_extend_adds_new_records(
    fixed: list[list[str]], new: list[Record], expected: list[list[str]]
) -> None:
    known = {"a/1": _r("a/1", "Almat Zhumagulov", "Ałmat Żumagułow")}
    groups = [[known[k] for k in g] for g in fixed]
    assert extend(groups, new, [], []).clusters == expected


def test_extend_keeps_apart_two_people_a_new_name_would_bridge() -> None:
    """'A. Zhumagulov' is close to both Almat and Aset; the two stay two people."""
    almat, aset = _r("a/1", "Almat Zhumagulov"), _r("a/2", "Aset Zhumagulov")
    result = extend([[almat], [aset]], [_r("b/1", "A. Zhumagulov")], [], [])
    assert ["a/1", "a/2"] not in result.clusters and len(result.clusters) >= 2


def test_extend_honours_curator_judgments() -> None:
    almat, aset = _r("a/1", "Almat Zhumagulov"), _r("a/2", "Aset Zhumagulov")
    # a curator said they are one person: the merge holds despite the hard negative
    assert extend([[almat], [aset]], [], [("a/1", "a/2")], []).clusters == [["a/1", "a/2"]]
    # a curator said a new record is not the person it matches: it stays apart
    new = _r("b/1", "Almat Zhumagulov")
    assert extend([[almat]], [new], [], [("a/1", "b/1")]).clusters == [["a/1"], ["b/1"]]


@pytest.mark.parametrize(
    "names",
    [
        ["Almat Zhumagulov", "Алмат Жумагулов", "Aset Zhumagulov", "Ałmat Żumagułow"],
        ["Maria Kalesnikava", "Marija Kalesnikawa", "Mariya Kolesnikova", "Maryja Kalesnikava"],
        ["Ihar Losik", "Igor Losik", "Ihar Łosik", "Ivan Losik"],
    ],
)
def test_extend_one_by_one_equals_clustering_all(names: list[str]) -> None:
    records = [_r(f"d{n}/1", name) for n, name in enumerate(names)]
    groups: list[list[Record]] = []
    for record in records:  # one document at a time, as ingestion does
        by_key = {r.key: r for r in records}
        result = extend(groups, [record], [], [])
        groups = [[by_key[k] for k in c] for c in result.clusters]
    assert [[r.key for r in g] for g in groups] == cluster(records, [], []).clusters


def test_name_keys_hold_the_node_and_its_blocks() -> None:
    keys = name_keys(_r("a/1", "Almat Zhumagulov", "Алмат Жумагулов"))
    assert any(k.startswith("n:") for k in keys) and any(k.startswith("s:") for k in keys)
    # one skeleton in two scripts: one node
    assert len([k for k in keys if k.startswith("n:")]) == 1


def _clusters(library: Library) -> set[frozenset[str]]:
    return {
        frozenset(e["members"])
        for kind in ("persons", "organisations")
        for e in library.registry.entities(kind)
    }


def test_ingesting_one_by_one_gives_what_full_resolution_gives(tmp_path: Path) -> None:
    files = [*sorted(EXAMPLES.glob("*.txt")), DIFF / "statement-b.en.txt"]
    with Library(f"sqlite:///{tmp_path / 'r.sqlite'}") as library:
        for path in files:
            library.ingest_paths([path])
        incremental = _clusters(library)
        ids = {e["id"] for e in library.registry.entities("persons")}
        library.registry.rebuild()
        assert _clusters(library) == incremental
        assert {e["id"] for e in library.registry.entities("persons")} == ids


def test_adding_a_document_reads_only_the_records_its_names_touch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(f"sqlite:///{tmp_path / 'r.sqlite'}") as library:
        library.ingest_paths(sorted(EXAMPLES.glob("*.txt")))
        before = library.registry.entities("persons")
        read: list[int] = []
        original = RegistryStore.facts

        def spy(self: RegistryStore, kind: str, *args: Any, **kwargs: Any) -> Any:
            assert args or kwargs, "the whole registry was read"
            rows = original(self, kind, *args, **kwargs)
            read.append(len(rows))
            return rows

        monkeypatch.setattr(RegistryStore, "facts", spy)
        library.ingest_paths([DIFF / "statement-b.en.txt"])
        after = {e["id"]: e for e in library.registry.entities("persons")}
        # records read: the new document's and those of the persons it names, not all
        total = sum(len(e["members"]) for e in after.values())
        assert read and sum(read) < total
        # a person the new document does not name is untouched
        untouched = [e for e in before if after.get(e["id"]) == e]
        assert len(untouched) > len(before) // 2


def test_a_registry_without_name_keys_is_indexed_once(tmp_path: Path) -> None:
    with Library(f"sqlite:///{tmp_path / 'r.sqlite'}") as library:
        library.ingest_paths([EXAMPLES / "statement-2021.en.txt"])
        ids = {e["id"] for e in library.registry.entities("persons")}
        with library.registry.store.engine.begin() as conn:  # as a 0.4 registry was
            conn.execute(delete(registry_keys))
        assert not library.registry.store.is_indexed("persons")
        library.ingest_paths([EXAMPLES / "statement-2021.ru.txt"])
        assert library.registry.store.is_indexed("persons")
        assert ids <= {e["id"] for e in library.registry.entities("persons")}


def _fact(name: str, *norms: str, gender: str | None = None) -> dict[str, Any]:
    mentions = [{"norm": n, "unit": "p1", "start": 0, "end": 1} for n in (name, *norms)]
    return {"id": "person-1", "name": name, "mentions": mentions, "gender": gender}


@pytest.mark.parametrize("persons", [True, False])
def test_a_stored_profile_plus_a_record_equals_the_profile_of_all_records(persons: bool) -> None:
    from rightsmonitor.resolve.profile import combine, from_data, from_fact, to_data

    a = from_fact(_fact("Ałmat Żumagułow", "Almat Żumagulow"), "d1", "pl", {}, "1")
    b = from_fact(_fact("Almat Zhumagulov", gender="m"), "d2", "en", {"wikidata": "Q1"}, "2")
    c = from_fact(_fact("Алмат Жумагулов"), "d3", "ru", {}, "3")
    stored = combine([a, b])
    restored = from_data(stored.name, to_data(stored, persons))
    assert restored is not None
    assert to_data(combine([restored, c]), persons) == to_data(combine([a, b, c]), persons)


def test_the_canonical_name_is_the_latin_one_most_records_give() -> None:
    from rightsmonitor.resolve.profile import combine, from_fact

    pl = from_fact(_fact("Ałmat Żumagułow"), "d1", "pl", {}, "1")
    en = from_fact(_fact("Almat Zhumagulov"), "d2", "en", {}, "2")
    ru = [from_fact(_fact("Алмат Жумагулов"), f"r{n}", "ru", {}, f"3{n}") for n in range(3)]
    assert combine([pl, *ru]).name == "Ałmat Żumagułow"  # Latin script before Cyrillic
    assert combine([pl, en]).name == "Almat Zhumagulov"  # a tie: the English spelling
    assert combine([pl, pl, en]).name == "Ałmat Żumagułow"  # more records


def test_a_long_document_reports_its_extraction_stages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsmonitor.extract.pipeline import STAGES
    from rightsmonitor.service import documents

    heard: list[tuple[str, str]] = []
    monkeypatch.setattr(documents, "LONG", 1_000)  # the statement counts as long here
    with Library(f"sqlite:///{tmp_path / 'r.sqlite'}") as library:
        library.ingest_paths(
            [EXAMPLES / "statement-2021.en.txt"], stage=lambda f, s: heard.append((f, s))
        )
        assert [s for _f, s in heard] == list(STAGES)
        heard.clear()
        monkeypatch.setattr(documents, "LONG", 10**9)  # a short document: no stage lines
        library.ingest_paths(
            [EXAMPLES / "statement-2021.ru.txt"], stage=lambda f, s: heard.append((f, s))
        )
        assert heard == []
