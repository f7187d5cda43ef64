"""Use cases for documents: parse a file, ingest files, list what is stored."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal

from rightsmonitor.errors import RightsMonitorError, first_line
from rightsmonitor.extract import extract_document
from rightsmonitor.service.facts import fact_rows
from rightsmonitor.service.reading import parse_bytes, parse_file, read_file_bytes
from rightsmonitor.service.registry import Registry
from rightsmonitor.store import (
    DocumentRecord,
    DocumentStore,
    RegistryStore,
    exclusive,
    make_engine,
    migrate,
)
from rightsmonitor.store.backup import backup, restore

__all__ = [
    "PARSER_VERSION",
    "IngestOutcome",
    "IngestReport",
    "Library",
    "parse_bytes",
    "parse_file",
    "read_file_bytes",
]

PARSER_VERSION = "structure.v1"
LONG = 200_000  # characters from which a document's extraction stages are reported


def _first_line(exc: Exception) -> str:
    """An unexpected error in one bounded line (``errors.first_line``)."""
    return first_line(exc)[:200]


@dataclass(frozen=True)
class IngestOutcome:
    source: str
    status: Literal["added", "exists", "failed"]
    document_id: str | None = None
    message: str = ""
    warnings: tuple[str, ...] = ()


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    registry: dict[str, int] = field(default_factory=dict)  # entities after resolution

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


class Library:
    """The documents of one database."""

    def __init__(self, database_url: str) -> None:
        self._engine = make_engine(database_url)
        try:
            migrate(self._engine)
        except Exception:
            self._engine.dispose()
            raise
        self.documents = DocumentStore(self._engine)
        self.registry = Registry(RegistryStore(self._engine))

    def close(self) -> None:
        self._engine.dispose()

    def backup(self, path: Path) -> dict[str, Any]:
        """Every table to one portable file (``store.backup``), no resolution running."""
        with exclusive(self._engine, "registry"):
            return backup(self._engine, path)

    def restore(self, path: Path, force: bool = False) -> dict[str, Any]:
        """This database's contents replaced by a backup (checked first, one transaction)."""
        with exclusive(self._engine, "registry"):
            return restore(self._engine, path, force)

    def database_path(self) -> Path | None:
        """The SQLite file this library is stored in (None for a server database)."""
        url = self._engine.url
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return None
        return Path(url.database)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def ingest_bytes(
        self,
        data: bytes,
        name: str,
        language: str | None = None,
        force: bool = False,
        stage: Callable[[str], None] | None = None,
    ) -> IngestOutcome:
        """Parse, extract and store one document; ``force`` processes stored bytes again;
        ``stage`` hears each extraction stage of a long document (see ``extract_document``)."""
        sha256 = hashlib.sha256(data).hexdigest()
        exists = self.documents.has(sha256)
        if exists and not force:
            return IngestOutcome(name, "exists", sha256, "already ingested (same bytes)")
        read, parsed = parse_bytes(data, name, language)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        rows = fact_rows(extract_document(parsed, stage if len(parsed.text) >= LONG else None))
        self.documents.add(  # a forced re-ingest replaces the document in one transaction
            sha256, data, Path(name).name, read, parsed, PARSER_VERSION, now, rows, replace=exists
        )
        return IngestOutcome(name, "added", sha256, warnings=parsed.warnings)

    def ingest_paths(
        self,
        paths: Iterable[Path],
        language: str | None = None,
        progress: Callable[[IngestOutcome], None] | None = None,
        force: bool = False,
        stage: Callable[[str, str], None] | None = None,
    ) -> IngestReport:
        """Ingest ``paths`` in order, then resolve what the new documents name. ``progress``
        hears each file's outcome; ``stage`` (file, stage) each extraction stage of a long
        document."""
        report = IngestReport()
        added: list[str] = []
        for path in paths:
            try:
                tell = partial(stage, str(path)) if stage else None
                data = read_file_bytes(path)
                outcome = self.ingest_bytes(data, str(path), language, force, tell)
            except RightsMonitorError as exc:
                outcome = IngestOutcome(str(path), "failed", message=exc.reason)
            except Exception as exc:
                outcome = IngestOutcome(
                    str(path),
                    "failed",
                    message=f"internal error: {type(exc).__name__}: {_first_line(exc)}",
                )
            report.outcomes.append(outcome)
            if outcome.status == "added" and outcome.document_id:
                added.append(outcome.document_id)
            if progress:
                progress(outcome)
        if added or self.registry.store.pending():  # (or a resolution was interrupted)
            # only what the new documents' names touch is resolved again
            report.registry = self.registry.update(added)
        return report

    def list_documents(self) -> list[DocumentRecord]:
        return list(self.documents.records())
