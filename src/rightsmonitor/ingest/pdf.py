"""PDF: text of every page with pypdf (BSD licence; the AGPL PyMuPDF is avoided)."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from rightsmonitor.errors import EncryptedPdfError, NotADocumentError, ReadError
from rightsmonitor.model import ReadText

__all__ = ["read_pdf"]


def _open(data: bytes) -> PdfReader:
    if b"%%EOF" not in data[-65536:]:
        raise ReadError("truncated or damaged PDF (no end-of-file marker)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"damaged PDF ({exc})") from exc
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except (PdfReadError, NotImplementedError, ValueError) as exc:
            raise EncryptedPdfError("encrypted PDF (cannot be opened without a password)") from exc
        if not ok:
            raise EncryptedPdfError("encrypted PDF (cannot be opened without a password)")
    return reader


def read_pdf(data: bytes) -> ReadText:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return _read(data)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"damaged PDF ({type(exc).__name__}: {str(exc)[:120]})") from exc


def _read(data: bytes) -> ReadText:
    reader = _open(data)
    pages: list[str] = []
    try:
        for pdf_page in reader.pages:
            pages.append(pdf_page.extract_text() or "")
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(f"damaged PDF ({exc})") from exc
    if not any(p.strip() for p in pages):
        raise NotADocumentError("the PDF has no extractable text (a scan needs OCR first)")
    breaks: list[int] = []
    parts: list[str] = []
    pos = 0
    for page in pages:
        page_text = page if page.endswith("\n") else page + "\n"
        breaks.append(pos)
        parts.append(page_text)
        pos += len(page_text)
    title = None
    try:
        meta = reader.metadata
        title = str(meta.title).strip() if meta and meta.title else None
    except (PdfReadError, ValueError, KeyError, TypeError):
        title = None
    return ReadText(
        text="".join(parts),
        media_type="application/pdf",
        title_hint=title,
        page_breaks=tuple(breaks),
    )
