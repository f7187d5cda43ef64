"""The store on SQLite and on PostgreSQL through one code path (PostgreSQL: ``-m postgres``)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from rightsmonitor.errors import StoreError
from rightsmonitor.ingest import read_bytes
from rightsmonitor.parse import parse_read_text
from rightsmonitor.service import Library
from rightsmonitor.settings import resolve_database_url
from rightsmonitor.store import DocumentStore, make_engine, migrate
from tests.conftest import SEED_NAME


def test_ingest_list_and_read_back(database_url: str, seed_bytes: bytes) -> None:
    with Library(database_url) as library:
        _check_library(library, seed_bytes)


def _check_library(library: Library, seed_bytes: bytes) -> None:
    outcome = library.ingest_bytes(seed_bytes, SEED_NAME)
    assert outcome.status == "added"
    assert outcome.document_id == hashlib.sha256(seed_bytes).hexdigest()
    again = library.ingest_bytes(seed_bytes, "renamed-copy.txt")
    assert again.status == "exists" and again.document_id == outcome.document_id
    [record] = library.list_documents()
    assert record.units == {
        "title": 1,
        "citation": 11,
        "recital": 23,
        "paragraph": 27,
        "footnote": 1,
    }
    assert (record.language, record.doc_type, record.date) == ("pl", "resolution", "2021-02-11")
    store = library.documents
    assert store.original(record.id) == seed_bytes
    stored = store.text_and_offsets(record.id)
    assert stored is not None
    read_text, repaired, offsets = stored
    rows = store.unit_rows(record.id)
    paragraph = next(r for r in rows if r["kind"] == "paragraph" and r["label"] == "23")
    assert repaired[paragraph["start"] : paragraph["end"]] == paragraph["text"]
    src_start, _ = offsets.span_to_source(paragraph["start"], paragraph["end"])
    assert read_text[src_start:].startswith("wzywa delegaturę UE w Kazachstanie")


def test_migrations_are_idempotent(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)
    assert list(DocumentStore(engine).records()) == []
    engine.dispose()


def test_nothing_is_half_stored(database_url: str, seed_bytes: bytes) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    store = DocumentStore(engine)
    read = read_bytes(seed_bytes, SEED_NAME)
    parsed = parse_read_text(read)
    broken = replace(parsed, units=(parsed.units[0], parsed.units[0]))  # duplicate unit id
    with pytest.raises(IntegrityError):
        store.add(
            "f" * 64, seed_bytes, SEED_NAME, read, broken, "test", "2026-01-01T00:00:00+00:00"
        )
    assert not store.has("f" * 64)
    assert store.original("f" * 64) is None
    engine.dispose()


def test_unreachable_database_is_one_line_error() -> None:
    with pytest.raises(StoreError) as info:
        Library("postgresql://nobody@127.0.0.1:1/none")
    assert "\n" not in str(info.value)


def test_database_url_resolution(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert resolve_database_url(str(tmp_path / "x.sqlite"), env={}).startswith("sqlite:////")
    assert (
        resolve_database_url(None, env={"RIGHTSMONITOR_DATABASE_URL": "postgresql://h/db"})
        == "postgresql://h/db"
    )
    assert resolve_database_url(None, env={}).endswith("rightsmonitor.sqlite")


@pytest.mark.parametrize(
    ("mode", "ok"), [(0o600, True), (0o400, True), (0o640, False), (0o644, False)]
)
def test_a_database_url_file_must_be_owner_only(tmp_path: Path, mode: int, ok: bool) -> None:
    from rightsmonitor.errors import ConfigError

    secret = tmp_path / "db-url"
    secret.write_text("postgresql://monitor:s3cret@db.example/rm\n")
    secret.chmod(mode)
    env = {"RIGHTSMONITOR_DATABASE_URL_FILE": str(secret)}
    if ok:
        assert resolve_database_url(None, env=env) == "postgresql://monitor:s3cret@db.example/rm"
    else:
        with pytest.raises(ConfigError, match="readable by others") as caught:
            resolve_database_url(None, env=env)
        assert "s3cret" not in str(caught.value)
