"""Backups (issue #11): every table round-trips exactly, on SQLite and PostgreSQL and from one
to the other; a damaged or foreign file is refused before anything is written."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from rightsmonitor.cli.main import cli
from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.service import Library
from rightsmonitor.store.schema import metadata
from tests.conftest import ROOT

EXAMPLES = ROOT / "src" / "rightsmonitor" / "examples"


def _tables(library: Library) -> dict[str, list[tuple[Any, ...]]]:
    with library.registry.store.engine.connect() as conn:
        return {
            t.name: sorted(tuple(r) for r in conn.execute(select(t)))
            for t in metadata.sorted_tables
        }


def _filled(url: str) -> Library:
    library = Library(url)
    library.ingest_paths([EXAMPLES / "statement-2021.en.txt", EXAMPLES / "B-9-2024-0199.pdf"])
    [a] = library.registry.find("Aset Abishev", ("persons",))
    [b] = library.registry.find("Kenzhebek Abishev", ("persons",))
    library.registry.distinct(a["id"], b["id"], "ana")
    return library


def test_a_backup_round_trips_every_table(database_url: str, tmp_path: Path) -> None:
    with _filled(database_url) as library:
        before = _tables(library)
        manifest = library.backup(tmp_path / "b.zip")
        assert manifest["tables"]["documents"]["rows"] == 2
        # into a fresh SQLite database, and back over the original (--force)
        with Library(f"sqlite:///{tmp_path / 'copy.sqlite'}") as copy:
            copy.restore(tmp_path / "b.zip")
            assert _tables(copy) == before
            assert copy.registry.verify_audit()["intact"]
        with pytest.raises(RightsMonitorError, match="not empty"):
            library.restore(tmp_path / "b.zip")
        library.restore(tmp_path / "b.zip", force=True)
        assert _tables(library) == before
        # the registry goes on working after a restore (ids, sequences)
        library.ingest_paths([EXAMPLES / "statement-2021.ru.txt"])
        assert len(library.list_documents()) == 3


def test_a_damaged_backup_is_refused_before_writing(tmp_path: Path) -> None:
    with _filled(f"sqlite:///{tmp_path / 'a.sqlite'}") as library:
        library.backup(tmp_path / "b.zip")
        with (
            zipfile.ZipFile(tmp_path / "b.zip") as good,
            zipfile.ZipFile(tmp_path / "bad.zip", "w") as bad,
        ):
            for item in good.infolist():
                data = good.read(item)
                bad.writestr(
                    item,
                    data.replace(b"Abishev", b"Abiszev") if "entities" in item.filename else data,
                )
        with Library(f"sqlite:///{tmp_path / 'c.sqlite'}") as target:
            with pytest.raises(RightsMonitorError, match="damaged"):
                target.restore(tmp_path / "bad.zip")
            assert target.list_documents() == []
            (tmp_path / "not.zip").write_text("hello")
            with pytest.raises(RightsMonitorError, match="cannot read the backup"):
                target.restore(tmp_path / "not.zip")


def test_the_commands(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    _filled(url).close()
    runner = CliRunner()
    out = tmp_path / "b.zip"
    made = runner.invoke(cli, ["--db", url, "backup", str(out)])
    assert made.exit_code == 0 and f"wrote {out}" in made.output
    again = runner.invoke(cli, ["--db", url, "backup", str(out)])
    assert again.exit_code == 2 and "exists" in again.output  # no overwrite without --force
    copy = f"sqlite:///{tmp_path / 'copy.sqlite'}"
    restored = runner.invoke(cli, ["--db", copy, "restore", str(out)])
    assert restored.exit_code == 0 and "restored" in restored.output
