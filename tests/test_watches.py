"""Watches fire on new matching facts after an ingest, and stay silent otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightsmonitor.cli.main import cli
from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.service import Library, Watches
from tests.conftest import ROOT, SEED_NAME, corpus_path

DIFF = ROOT / "tests" / "fixtures" / "diff"


def _person(library: Library, name: str) -> str:
    return next(str(e["id"]) for e in library.registry.entities("persons") if e["name"] == name)


def test_watches_fire_on_new_mentions_only(database_url: str) -> None:
    with Library(database_url) as library:
        library.ingest_paths([DIFF / "statement-a.en.txt"])
        watches = Watches(library)
        almat = watches.add("person", _person(library, "Almat Zhumagulov"), "ana")
        daryn = watches.add("person", _person(library, "Daryn Khassenov"), "ana")
        query = watches.add("query", "Makhambet Abzhan", "ana")
        assert all(not r.new for r in watches.check())  # what was there before is no news
        library.ingest_paths([DIFF / "statement-b.en.txt"])
        assert any(r.new for r in watches.check(mark=False))  # a peek marks nothing
        fired = {r.watch.id: r.new for r in watches.check()}
        assert {h.text for h in fired[almat.id]} == {"Almat Zhumagulov"}
        assert len(fired[almat.id]) == 2  # named twice in the new text
        assert fired[daryn.id] == []  # not named in the new text: silent
        assert {h.unit for h in fired[query.id]} == {"p2", "p7"}
        assert all(not r.new for r in watches.check())  # reported once


def test_provision_watch_and_errors(tmp_path: Path) -> None:
    with Library(f"sqlite:///{tmp_path / 'p.sqlite'}") as library:
        watches = Watches(library)
        provision = watches.add("provision", "art. 405", "ana")
        library.ingest_paths([corpus_path(f"seed/{SEED_NAME}")])
        [report] = [r for r in watches.check() if r.watch.id == provision.id]
        assert report.new and all("405" in h.text for h in report.new)
        with pytest.raises(RightsMonitorError):
            watches.add("person", "P-000000000000", "ana")
        with pytest.raises(RightsMonitorError):
            watches.add("query", "  ", "ana")
        with pytest.raises(RightsMonitorError):
            watches.remove(999)
        watches.remove(provision.id)
        assert watches.all() == []


def test_watch_cli_json_for_scripts(tmp_path: Path) -> None:
    db = str(tmp_path / "w.sqlite")
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["--db", db, "ingest", str(DIFF / "statement-a.en.txt")]).exit_code == 0
    )
    added = runner.invoke(cli, ["--db", db, "watch", "add", "query", "Abzhan", "--label", "Abzhan"])
    assert added.exit_code == 0, added.output
    ingest = runner.invoke(cli, ["--db", db, "ingest", str(DIFF / "statement-b.en.txt")])
    assert "watches: 2 new matches for 1 watch (" in ingest.output
    checked = json.loads(runner.invoke(cli, ["--db", db, "watch", "check", "--json"]).output)
    assert checked[0]["label"] == "Abzhan" and len(checked[0]["new"]) == 2
    again = json.loads(runner.invoke(cli, ["--db", db, "watch", "check", "--json"]).output)
    assert again[0]["new"] == []
    listed = json.loads(runner.invoke(cli, ["--db", db, "watch", "list", "--json"]).output)
    assert listed[0]["kind"] == "query"
    bad = runner.invoke(cli, ["--db", db, "watch", "add", "planet", "Mars"])
    assert bad.exit_code != 0
