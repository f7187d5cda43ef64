"""Engines and migrations. Dialect differences live here and nowhere else."""

from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Integer, Table, create_engine, event, text
from sqlalchemy.engine import make_url

from rightsmonitor.errors import StoreError, first_line

__all__ = [
    "chunks",
    "exclusive",
    "lock_for_append",
    "make_engine",
    "migrate",
    "reset_sequences",
]

_CHUNK = 500  # values in one IN (…): well under every dialect's limit of bound parameters


def chunks(values: Iterable[str]) -> Iterator[list[str]]:
    """Distinct ``values`` in sorted batches small enough for one ``IN (…)``."""
    items = sorted(set(values))
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


_MIGRATIONS = Path(__file__).parent / "migrations"


def lock_for_append(conn: Connection, table: str) -> None:
    """Serialise appends to a chained table within the current transaction: PostgreSQL takes
    a transaction-scoped advisory lock; SQLite already admits one writer at a time."""
    if conn.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(table.encode()).digest()[:4], "big")
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """One process at a time inside, per database and ``name``: a PostgreSQL session advisory
    lock, or an exclusive lock on a file beside the SQLite database (none in memory)."""
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big")
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                conn.commit()
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    with open(f"{database}.{name}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def reset_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """After rows were inserted with their integer ids (a restore): PostgreSQL's sequences
    continue after the largest id; SQLite needs nothing."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and len(table.primary_key.columns) == 1:
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                    )
                )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the one writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``sqlite:///path`` or ``postgresql://…`` (psycopg 3 driver)."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        try:
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the database folder ({exc.strerror})", source=url
            ) from exc
    try:
        engine = create_engine(parsed, future=True)
    except Exception as exc:
        raise StoreError(f"cannot open the database ({exc})", source=url) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as exc:
        raise StoreError(
            f"cannot open or migrate the database ({first_line(exc) or type(exc).__name__})",
            source=engine.url.render_as_string(hide_password=True),
        ) from exc
