"""Tell what kind of file a byte string is, from its first bytes (and only then its name)."""

from __future__ import annotations

from rightsmonitor.errors import EmptyDocumentError, NotADocumentError, UnsupportedTypeError

__all__ = ["detect_media_type"]

# Signatures of formats we do not read; the message names what the file is.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (DOCX/ODT/XLSX are not supported yet; export to PDF or HTML)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office file (DOC/XLS)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"{\\rtf", "an RTF file"),
)
_UNSUPPORTED_SUFFIXES = {
    ".docx": "a DOCX file",
    ".doc": "a DOC file",
    ".odt": "an ODT file",
    ".xlsx": "a spreadsheet",
    ".xls": "a spreadsheet",
    ".rtf": "an RTF file",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".zip": "a ZIP archive",
}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def _looks_html(head: bytes) -> bool:
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"<!doctype html", b"<html")):
        return True
    return probe.startswith(b"<?xml") and b"<html" in head[:4096].lower()


def detect_media_type(data: bytes, name: str = "") -> str:
    """Return ``text/plain``, ``text/html`` or ``application/pdf``, or raise a ReadError."""
    if not data or not data.strip():
        raise EmptyDocumentError("the file is empty")
    head = data[:8192]
    if head.startswith(b"%PDF-") or head.lstrip()[:5] == b"%PDF-":
        return "application/pdf"
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise UnsupportedTypeError(f"unsupported file type: {what}")
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if suffix in _UNSUPPORTED_SUFFIXES:
        raise UnsupportedTypeError(f"unsupported file type: {_UNSUPPORTED_SUFFIXES[suffix]}")
    if suffix == ".pdf":
        raise NotADocumentError("named .pdf but does not start with a PDF header")
    if _looks_html(head) or (suffix in _HTML_SUFFIXES and b"<" in head):
        return "text/html"
    return "text/plain"
