"""The error tree. Every error a user can meet carries a code and a one-line message."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "EmptyDocumentError",
    "EncryptedPdfError",
    "NotADocumentError",
    "ReadError",
    "RightsMonitorError",
    "StoreError",
    "UnsupportedTypeError",
    "first_line",
]


class RightsMonitorError(Exception):
    """Base of every error meant for the user: ``code`` plus a one-line message."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.reason = message
        super().__init__(f"{source}: {message}" if source else message)


class ConfigError(RightsMonitorError):
    code = "config"


class ReadError(RightsMonitorError):
    """The file cannot be read or decoded."""

    code = "read"


class EmptyDocumentError(ReadError):
    code = "empty"


class NotADocumentError(ReadError):
    """Binary junk, or bytes that decode to no readable text."""

    code = "not-a-document"


class UnsupportedTypeError(ReadError):
    code = "unsupported-type"


class EncryptedPdfError(ReadError):
    code = "encrypted-pdf"


class StoreError(RightsMonitorError):
    code = "store"


def first_line(exc: BaseException) -> str:
    """The first line of an error's own message — a database driver's, when SQLAlchemy wraps
    one — without the SQL statement or its parameters that follow it (they may hold document
    text and run to megabytes). Empty if the error says nothing."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else ""
