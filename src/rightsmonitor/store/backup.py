"""Backups: every table of the database in one portable file, and back.

The file is a ZIP archive holding ``manifest.json`` (format, schema revision, time, and per
table its row count and the SHA-256 of its data) and one JSON Lines file per table (bytes as
base64). The same code writes and reads SQLite and PostgreSQL, so a backup also moves a
registry from one to the other. A restore checks every checksum before it writes anything,
and writes everything in one transaction.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, LargeBinary, Table, delete, func, insert, select, text

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.store.engine import reset_sequences
from rightsmonitor.store.schema import metadata

__all__ = ["BackupError", "backup", "restore"]

FORMAT = "rightsmonitor-backup/1"


class BackupError(RightsMonitorError):
    code = "backup"


def _revision(engine: Engine) -> str:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else ""


def _encode(table: Table, row: Any) -> str:
    out = {}
    for column in table.c:
        value = row[column.name]
        if isinstance(column.type, LargeBinary) and value is not None:
            value = base64.b64encode(bytes(value)).decode("ascii")
        out[column.name] = value
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def _decode(table: Table, line: str) -> dict[str, Any]:
    row: dict[str, Any] = json.loads(line)
    for column in table.c:
        if isinstance(column.type, LargeBinary) and row.get(column.name) is not None:
            row[column.name] = base64.b64decode(row[column.name])
    return row


def _ordered(table: Table) -> list[Any]:
    return list(table.primary_key.columns) or list(table.c)


def backup(engine: Engine, path: Path) -> dict[str, Any]:
    """Write every table to ``path``; returns the manifest."""
    tables: dict[str, dict[str, Any]] = {}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                digest = hashlib.sha256()
                count = 0
                with archive.open(f"{table.name}.jsonl", "w") as out:
                    rows = conn.execute(select(table).order_by(*_ordered(table))).mappings()
                    for row in rows:
                        line = (_encode(table, row) + "\n").encode("utf-8")
                        digest.update(line)
                        out.write(line)
                        count += 1
                tables[table.name] = {"rows": count, "sha256": digest.hexdigest()}
        manifest = {
            "format": FORMAT,
            "revision": _revision(engine),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "tables": tables,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _lines(archive: zipfile.ZipFile, name: str) -> Iterator[str]:
    with archive.open(f"{name}.jsonl") as data:
        for raw in data:
            yield raw.decode("utf-8")


def _checked(archive: zipfile.ZipFile, revision: str) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
    except KeyError:
        raise BackupError("not a rightsmonitor backup (no manifest)") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    if manifest.get("revision") != revision:
        raise BackupError(
            f"the backup has schema revision {manifest.get('revision')}, this program "
            f"{revision}: restore it with the version that wrote it, then upgrade"
        )
    for name, expected in manifest["tables"].items():
        digest = hashlib.sha256()
        count = 0
        for line in _lines(archive, name):
            digest.update(line.encode("utf-8"))
            count += 1
        if digest.hexdigest() != expected["sha256"] or count != expected["rows"]:
            raise BackupError(f"the backup's table {name} is damaged (checksum mismatch)")
    return manifest


def restore(engine: Engine, path: Path, force: bool = False) -> dict[str, Any]:
    """Replace the database's contents with the backup at ``path`` (checked first; one
    transaction). A database that holds documents is replaced only with ``force``."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BackupError(f"cannot read the backup ({exc})", source=str(path)) from exc
    with archive:
        manifest = _checked(archive, _revision(engine))
        with engine.begin() as conn:
            held = conn.execute(select(func.count()).select_from(metadata.tables["documents"]))
            if held.scalar_one() and not force:
                raise BackupError("the database is not empty: give --force to replace it")
            for table in reversed(metadata.sorted_tables):
                conn.execute(delete(table))
            for table in metadata.sorted_tables:
                if table.name not in manifest["tables"]:
                    continue
                batch: list[dict[str, Any]] = []
                for line in _lines(archive, table.name):
                    batch.append(_decode(table, line))
                    if len(batch) == 1000:
                        conn.execute(insert(table), batch)
                        batch = []
                if batch:
                    conn.execute(insert(table), batch)
            reset_sequences(conn, metadata.sorted_tables)
    return manifest
