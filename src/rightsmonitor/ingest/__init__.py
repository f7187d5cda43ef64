"""L2 file readers: bytes → text (plain text, HTML, PDF)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from rightsmonitor.ingest.detect import detect_media_type
from rightsmonitor.ingest.markdown import MARKDOWN_SUFFIXES, looks_like_front_matter, read_markdown
from rightsmonitor.ingest.text import decode_text, read_text
from rightsmonitor.model import ReadText

if TYPE_CHECKING:
    from rightsmonitor.ingest.html import read_html
    from rightsmonitor.ingest.pdf import read_pdf

__all__ = [
    "decode_text",
    "detect_media_type",
    "read_bytes",
    "read_html",
    "read_markdown",
    "read_pdf",
    "read_text",
]


def read_bytes(data: bytes, name: str = "") -> ReadText:
    """Detect the type of ``data`` and read it. Raises a ``ReadError`` with the reason."""
    media_type = detect_media_type(data, name)
    if media_type == "application/pdf":
        from rightsmonitor.ingest.pdf import read_pdf  # pypdf: loaded for PDFs only

        return read_pdf(data)
    if media_type == "text/html":
        from rightsmonitor.ingest.html import read_html  # lxml: loaded for HTML only

        return read_html(data)
    read = read_text(data)
    if name.lower().endswith(MARKDOWN_SUFFIXES) or looks_like_front_matter(read.text):
        return read_markdown(read)
    return read


# read_html and read_pdf are imported on first use, so that reading a text file does not load
# lxml or pypdf (PEP 562)
_LAZY = {"read_html": "rightsmonitor.ingest.html", "read_pdf": "rightsmonitor.ingest.pdf"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name]), name)
