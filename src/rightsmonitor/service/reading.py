"""Reading one file into a parsed document: no database, so ``parse`` and ``extract`` start
without loading the store (SQLAlchemy, Alembic)."""

from __future__ import annotations

import os
from pathlib import Path

from rightsmonitor.errors import ReadError, RightsMonitorError
from rightsmonitor.ingest import read_bytes
from rightsmonitor.model import ParsedDocument, ReadText
from rightsmonitor.parse import parse_read_text

__all__ = ["parse_bytes", "parse_file", "read_file_bytes"]


# the largest file read (bytes); RIGHTSMONITOR_MAX_FILE_MB sets another limit
_MAX_FILE_MB = 200


def _max_file_bytes() -> int:
    return _limit("RIGHTSMONITOR_MAX_FILE_MB", _MAX_FILE_MB)


def read_file_bytes(path: Path) -> bytes:
    """The bytes of ``path``, or a ``ReadError`` naming the reason. Only regular files are
    read (a FIFO would hang, /dev/zero never ends), and only up to the size limit."""
    try:
        if path.is_dir():
            raise ReadError("is a directory, not a file", source=str(path))
        if path.exists() and not path.is_file():
            raise ReadError(
                "is not a regular file (a device, a pipe or a socket)", source=str(path)
            )
        limit = _max_file_bytes()
        size = path.stat().st_size
        if size > limit:
            raise ReadError(
                f"is {size / 1024**2:.2f} MB, over the limit of {limit / 1024**2:.2f} MB "
                "(set RIGHTSMONITOR_MAX_FILE_MB to read it)",
                source=str(path),
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:  # it grew while read
            raise ReadError("grew over the size limit while being read", source=str(path))
        return data
    except FileNotFoundError as exc:
        raise ReadError("no such file", source=str(path)) from exc
    except PermissionError as exc:
        raise ReadError("permission denied", source=str(path)) from exc
    except OSError as exc:
        raise ReadError(f"cannot read the file ({exc.strerror or exc})", source=str(path)) from exc


# the longest text read from one file (millions of characters, about 1.5 million words: a
# few minutes of extraction on one core); RIGHTSMONITOR_MAX_TEXT_MB sets another limit
_MAX_TEXT_MB = 10


def _limit(variable: str, default: float) -> int:
    try:
        return int(float(os.environ.get(variable, default)) * 1024**2)
    except ValueError:
        return int(default * 1024**2)


def parse_bytes(
    data: bytes, name: str, language: str | None = None
) -> tuple[ReadText, ParsedDocument]:
    try:
        read = read_bytes(data, name)
        limit = _limit("RIGHTSMONITOR_MAX_TEXT_MB", _MAX_TEXT_MB)
        if len(read.text) > limit:
            raise ReadError(
                f"holds {len(read.text) / 1024**2:.1f} million characters of text, over the "
                f"limit of {limit / 1024**2:.1f} (set RIGHTSMONITOR_MAX_TEXT_MB to read it)"
            )
    except RightsMonitorError as exc:
        exc.source = exc.source or name
        exc.args = (f"{exc.source}: {exc.reason}",)
        raise
    return read, parse_read_text(read, language)


def parse_file(path: Path, language: str | None = None) -> ParsedDocument:
    return parse_bytes(read_file_bytes(path), str(path), language)[1]
