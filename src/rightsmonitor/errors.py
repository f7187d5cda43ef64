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
