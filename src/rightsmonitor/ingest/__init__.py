"""L2 file readers: bytes → text (plain text, HTML, PDF)."""

from __future__ import annotations

from rightsmonitor.ingest.detect import detect_media_type
from rightsmonitor.ingest.html import read_html
from rightsmonitor.ingest.markdown import MARKDOWN_SUFFIXES, looks_like_front_matter, read_markdown
from rightsmonitor.ingest.pdf import read_pdf
from rightsmonitor.ingest.text import decode_text, read_text
from rightsmonitor.model import ReadText

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
        return read_pdf(data)
    if media_type == "text/html":
        return read_html(data)
    read = read_text(data)
    if name.lower().endswith(MARKDOWN_SUFFIXES) or looks_like_front_matter(read.text):
        return read_markdown(read)
    return read
