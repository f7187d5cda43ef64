"""Crash safety and concurrency of ingestion (issue #11): a resolution interrupted between
its steps is finished by the next command, and parallel ingests give the registry one
ingest gives."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from rightsmonitor.service import Library, Registry
from tests.conftest import ROOT

EXAMPLES = ROOT / "src" / "rightsmonitor" / "examples"
DIFF = ROOT / "tests" / "fixtures" / "diff"
FILES = [*sorted(EXAMPLES.glob("*.txt")), DIFF / "statement-a.en.txt", DIFF / "statement-b.en.txt"]


def _registry(library: Library) -> dict[str, set[frozenset[str]]]:
    return {
        kind: {frozenset(e["members"]) for e in library.registry.entities(kind)}
        for kind in ("persons", "organisations")
    }


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[frozenset[str]]]:
    path = tmp_path_factory.mktemp("clean") / "c.sqlite"
    with Library(f"sqlite:///{path}") as library:
        library.ingest_paths(FILES)
        return _registry(library)


class Killed(Exception):
    pass


@pytest.mark.parametrize("kind", ["persons", "organisations"])
def test_an_interrupted_resolution_is_finished_by_the_next_command(
    database_url: str,
    kind: str,
    monkeypatch: pytest.MonkeyPatch,
    clean: dict[str, set[frozenset[str]]],
) -> None:
    original = Registry._resolve

    def dies(self: Registry, which: str, *args: Any, **kwargs: Any) -> None:
        if which == kind:
            raise Killed  # the process stops here: the other kind may be written already
        original(self, which, *args, **kwargs)

    with Library(database_url) as library:
        library.ingest_paths(FILES[:2])
        monkeypatch.setattr(Registry, "_resolve", dies)
        with pytest.raises(Killed):
            library.ingest_paths(FILES[2:])
        monkeypatch.setattr(Registry, "_resolve", original)
        assert library.registry.store.pending()  # what was not taken in is remembered
        library.ingest_paths([])  # the next command, with nothing new
        assert not library.registry.store.pending()
        assert _registry(library) == clean


def _ingest(url: str, path: str) -> None:
    with Library(url) as library:
        library.ingest_paths([Path(path)])


def test_parallel_ingests_give_the_registry_of_one(
    database_url: str, clean: dict[str, set[frozenset[str]]]
) -> None:
    url = database_url
    Library(url).close()  # the schema first, as the first command would
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_ingest, args=(url, str(path))) for path in FILES]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
        assert worker.exitcode == 0
    with Library(url) as library:
        assert len(library.list_documents()) == len(FILES)
        assert _registry(library) == clean
