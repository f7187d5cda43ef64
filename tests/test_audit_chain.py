"""Tamper-evident audit (issue #11): every entry is chained to the one before by a hash, and
`audit --verify` finds an entry changed, inserted or removed behind the program's back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, delete, insert, update

from rightsmonitor.cli.main import cli
from rightsmonitor.service import Library
from rightsmonitor.store.schema import audit_log
from tests.conftest import ROOT

EXAMPLES = ROOT / "src" / "rightsmonitor" / "examples"


def _decided(database_url: str) -> Library:
    library = Library(database_url)
    library.ingest_paths([EXAMPLES / "statement-2021.en.txt"])
    [a] = library.registry.find("Aset Abishev", ("persons",))
    [b] = library.registry.find("Kenzhebek Abishev", ("persons",))
    library.registry.distinct(a["id"], b["id"], "ana")
    library.registry.merge(a["id"], b["id"], "ben")
    library.registry.split(a["id"], "ana")
    return library


def _change(conn: Connection) -> None:
    conn.execute(update(audit_log).where(audit_log.c.id == 2).values(who="mallory"))


def _remove(conn: Connection) -> None:
    conn.execute(delete(audit_log).where(audit_log.c.id == 2))


def _insert(conn: Connection) -> None:
    conn.execute(
        insert(audit_log).values(at="2026-01-01", who="x", action="merge", detail_json="{}")
    )


def test_an_untouched_log_verifies(database_url: str) -> None:
    with _decided(database_url) as library:
        result = library.registry.verify_audit()
    assert (
        result
        == {
            "entries": 3,
            "head": result["head"],
            "intact": True,
            "broken_at": None,
        }
        and len(result["head"]) == 64
    )


@pytest.mark.parametrize(
    ("tamper", "broken_at"),
    [(_change, 2), (_remove, 3), (_insert, 4)],
    ids=["change", "remove", "insert"],
)
def test_tampering_breaks_the_chain(
    database_url: str, tamper: Callable[[Connection], None], broken_at: int
) -> None:
    with _decided(database_url) as library:
        with library.registry.store.engine.begin() as conn:
            tamper(conn)
        result = library.registry.verify_audit()
    assert not result["intact"] and result["broken_at"] == broken_at


def test_the_command_says_intact_or_fails(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    _decided(url).close()
    runner = CliRunner()
    ok = runner.invoke(cli, ["--db", url, "audit", "--verify"])
    assert ok.exit_code == 0 and "audit log intact: 3 entries" in ok.output
    library = Library(url)
    with library.registry.store.engine.begin() as conn:
        _change(conn)
    library.close()
    broken = runner.invoke(cli, ["--db", url, "audit", "--verify"])
    assert broken.exit_code == 1 and "broken at entry 2" in str(broken.exception or broken.output)


def test_an_older_log_is_chained_by_the_migration(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from rightsmonitor.store import migrate

    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    library = _decided(url)
    head = library.registry.verify_audit()["head"]
    engine = library.registry.store.engine
    config = Config()
    config.set_main_option(
        "script_location", str(ROOT / "src" / "rightsmonitor" / "store" / "migrations")
    )
    with engine.begin() as conn:  # back to a log without hashes
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    migrate(engine)
    assert library.registry.verify_audit() == {
        "entries": 3,
        "head": head,
        "intact": True,
        "broken_at": None,
    }
    library.close()
