"""The typed schema (issue #10): migrations create exactly ``store/schema.py``, an older
database is filled from its stored facts, and the queries of docs/SCHEMA.md run on SQLite and
PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import func, select, text

from rightsmonitor.service import Library
from rightsmonitor.store import make_engine, migrate
from rightsmonitor.store.projection import TYPED_TABLES
from rightsmonitor.store.schema import metadata
from tests.conftest import ROOT

EXAMPLES = ROOT / "src" / "rightsmonitor" / "examples"
MIGRATIONS = ROOT / "src" / "rightsmonitor" / "store" / "migrations"
QUERIES = re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "SCHEMA.md").read_text(), re.S)


def test_migrations_create_exactly_the_declared_schema(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # server defaults and index details render differently per dialect; tables and columns
    # must agree everywhere
    structural = [d for d in diff if d[0] in ("add_table", "remove_table", "add_column")]
    structural += [d for d in diff if d[0] == "remove_column"]
    assert structural == []
    engine.dispose()


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "s.sqlite"
    with Library(f"sqlite:///{path}") as library:
        library.ingest_paths(sorted(EXAMPLES.glob("*.txt")))
    return path


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        out = {
            name: int(
                conn.execute(select(func.count()).select_from(metadata.tables[name])).scalar_one()
            )
            for name in (*TYPED_TABLES, "entity_aliases")
        }
    engine.dispose()
    return out


def test_an_older_database_is_filled_from_its_facts(examples: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite"
    copy.write_bytes(examples.read_bytes())
    url = f"sqlite:///{copy}"
    before = _counts(url)
    assert all(before[t] > 0 for t in ("mentions", "events", "event_participants", "calls"))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = make_engine(url)
    with engine.begin() as conn:  # back to 0.4's schema: the typed tables do not exist
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    migrate(engine)  # and up again: filled from facts and entities
    engine.dispose()
    assert _counts(url) == before


@pytest.mark.parametrize("query", QUERIES, ids=[f"query-{n}" for n in range(len(QUERIES))])
def test_the_documented_queries_run(database_url: str, query: str) -> None:
    with Library(database_url) as library:
        library.ingest_paths(sorted(EXAMPLES.glob("*.txt")))
        with library.registry.store.engine.connect() as conn:
            rows = conn.execute(text(query)).all()
    assert rows, "the documented query returns nothing on the bundled examples"


def test_a_forced_reingest_replaces_the_typed_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    with Library(url) as library:
        library.ingest_paths([EXAMPLES / "statement-2021.en.txt"])
        once = _counts(url)
        library.ingest_paths([EXAMPLES / "statement-2021.en.txt"], force=True)
    assert _counts(url) == once


def test_an_unexpected_store_error_is_one_line_without_sql() -> None:
    from sqlalchemy.exc import DataError

    from rightsmonitor.service.documents import _first_line

    orig = ValueError("value too long for type character varying(10)\nmore")
    exc = DataError("INSERT INTO events (id, text) VALUES (%(id)s, %(text)s)", {"text": "x"}, orig)
    assert _first_line(exc) == "value too long for type character varying(10)"
