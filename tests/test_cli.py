"""The command line, run as a user runs it (a real process, a real SQLite file)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, SEED_NAME, corpus_path


def run(
    *args: str, db: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "rightsmonitor"]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_parse_json_shape() -> None:
    result = run("parse", str(corpus_path(f"seed/{SEED_NAME}")), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data["meta"]) >= {"title", "date", "procedure", "references", "language", "doc_type"}
    assert data["meta"]["date"] == "2021-02-11"
    unit = data["units"][0]
    assert set(unit) >= {"id", "kind", "label", "text", "start", "end", "verb", "addressees"}
    kinds = [u["kind"] for u in data["units"]]
    assert (
        kinds.count("citation") == 11
        and kinds.count("recital") == 23
        and kinds.count("paragraph") == 27
    )


def test_ingest_is_idempotent_and_listed(tmp_path: Path) -> None:
    db = tmp_path / "rm.sqlite"
    files = [str(p) for p in sorted(EXAMPLES.iterdir())]
    first = run("ingest", *files, db=db)
    assert first.returncode == 0, first.stderr
    assert f"{len(files)} added, 0 already present, 0 failed" in first.stdout
    second = run("ingest", *files, db=db)
    assert second.returncode == 0
    assert f"0 added, {len(files)} already present" in second.stdout
    assert "already ingested (same bytes)" in second.stderr
    listed = json.loads(run("documents", "--json", db=db).stdout)
    assert len(listed) == len(files)
    seed = next(d for d in listed if d["source_name"] == SEED_NAME)
    assert seed["units"] == {
        "title": 1,
        "citation": 11,
        "recital": 23,
        "paragraph": 27,
        "footnote": 1,
    }
    assert len(seed["id"]) == 64


def test_database_url_from_the_environment(tmp_path: Path) -> None:
    import os

    env = dict(os.environ, RIGHTSMONITOR_DATABASE_URL=f"sqlite:///{tmp_path / 'env.sqlite'}")
    assert run("ingest", str(corpus_path(f"seed/{SEED_NAME}")), env=env).returncode == 0
    assert (tmp_path / "env.sqlite").exists()


def _pdf() -> bytes:
    return corpus_path("raw/M-BenAli-AgentPlatform/B-9-2024-0199.pdf").read_bytes()


def _encrypted_pdf() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", lambda: b"", "the file is empty"),
        ("junk.bin", lambda: bytes(range(256)) * 4, "binary data"),
        ("image.png", lambda: b"\x89PNG\r\n\x1a\n\x00\x00", "unsupported file type"),
        ("cut.pdf", lambda: _pdf()[:20000], "truncated or damaged PDF"),
        ("locked.pdf", _encrypted_pdf, "encrypted PDF"),
    ],
)
def test_bad_files_give_one_line_and_store_nothing(
    tmp_path: Path, name: str, content: Callable[[], bytes], reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content())
    db = tmp_path / "rm.sqlite"
    result = run("ingest", str(bad), db=db)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert lines == [f"error: {bad}: {reason}" + lines[0].split(reason, 1)[1]]
    assert json.loads(run("documents", "--json", db=db).stdout) == []
    parse = run("parse", str(bad))
    assert parse.returncode == 1 and "Traceback" not in parse.stderr
    assert parse.stderr.strip().startswith(f"error: {bad}: ")
    assert len(parse.stderr.strip().splitlines()) == 1


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"
    result = run("parse", str(tmp_path))
    assert result.stderr.strip() == f"error: {tmp_path}: is a directory, not a file"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    db = tmp_path / "rm.sqlite"
    result = run("ingest", str(bad), str(corpus_path(f"seed/{SEED_NAME}")), db=db)
    assert result.returncode == 1
    assert "1 added, 0 already present, 1 failed (2 files)" in result.stdout
    assert len(json.loads(run("documents", "--json", db=db).stdout)) == 1


def test_unstructured_document_is_stored_with_a_warning(tmp_path: Path) -> None:
    note = tmp_path / "statement.txt"
    note.write_text(
        "NGO statement\n\nThe activist was detained on 3 May 2024 in Almaty.\n\nWe call for her release.\n"
    )
    result = run("ingest", str(note), db=tmp_path / "rm.sqlite")
    assert result.returncode == 0
    assert "no resolution structure found" in result.stderr
    listed = json.loads(run("documents", "--json", db=tmp_path / "rm.sqlite").stdout)
    assert listed[0]["structured"] is False and listed[0]["units"] == {"paragraph": 3}


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("--debug", "parse", str(bad))
    assert result.returncode == 1
    assert "Traceback" in result.stderr


def test_bad_database_url_is_one_line(tmp_path: Path) -> None:
    import os

    env = dict(os.environ, RIGHTSMONITOR_DATABASE_URL="mysql://x/y")
    result = run("documents", env=env)
    assert result.returncode == 1
    assert result.stderr.strip().startswith(
        "error: RIGHTSMONITOR_DATABASE_URL: unsupported database URL scheme"
    )


def test_bench_prints_a_table() -> None:
    result = run("bench", "--repeat", "1")
    assert result.returncode == 0, result.stderr
    assert "words/s" in result.stdout and "TOTAL" in result.stdout


def test_unknown_language_is_refused() -> None:
    result = run("parse", str(corpus_path(f"seed/{SEED_NAME}")), "--language", "xx")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: --language: unknown language 'xx'")


def test_report_never_overwrites_the_database_or_a_file(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    seed = corpus_path(f"seed/{SEED_NAME}")
    assert run("ingest", str(seed), db=db).returncode == 0
    refused = run("report", "--country", "KZ", "--out", str(db), db=db)
    assert refused.returncode != 0 and "database" in refused.stderr
    out = tmp_path / "b.html"
    out.write_text("keep me", encoding="utf-8")
    assert run("report", "--country", "KZ", "--out", str(out), db=db).returncode != 0
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("report", "--country", "KZ", "--out", str(out), "--force", db=db).returncode == 0


@pytest.mark.parametrize("user", ["mallory\n2026-11-29T05:00:00+00:00  ana  merge", "a\tb", ""])
def test_user_names_that_could_forge_the_audit_log_are_refused(tmp_path: Path, user: str) -> None:
    from rightsmonitor.errors import RightsMonitorError
    from rightsmonitor.service import check_user

    with pytest.raises(RightsMonitorError):
        check_user(user)


@pytest.mark.parametrize(
    ("message", "secret"),
    [
        (
            "cannot connect to postgresql+psycopg2://app:Sup3rS3cret@db.example:5432/x",
            "Sup3rS3cret",
        ),
        (
            "(IntegrityError) UNIQUE failed\n[SQL: INSERT INTO units]\n"
            "[parameters: ('a witness statement',)]",
            "witness",
        ),
    ],
)
def test_error_messages_carry_no_secret_and_no_document_text(message: str, secret: str) -> None:
    from rightsmonitor.cli.main import _safe

    assert secret not in _safe(message)


def test_a_database_password_is_not_printed(tmp_path: Path) -> None:
    result = run("documents", db="postgresql+psycopg://app:Sup3rS3cret@127.0.0.1:1/none")
    assert result.returncode != 0 and "Sup3rS3cret" not in result.stderr + result.stdout


def test_only_regular_files_within_the_size_limit_are_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        result = run("parse", str(path))
        assert result.returncode == 1 and "not a regular file" in result.stderr
    big = tmp_path / "big.txt"
    big.write_text("Słowo. " * 400_000, encoding="utf-8")
    limited = run("parse", str(big), env={**os.environ, "RIGHTSMONITOR_MAX_FILE_MB": "1"})
    assert limited.returncode == 1 and "over the limit" in limited.stderr
