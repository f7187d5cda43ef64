"""Plain text: decode bytes, detecting UTF-8, UTF-16 and legacy single-byte encodings.

A legacy encoding is chosen by scoring each candidate decoding (C1 control characters and
symbols stuck inside words count against it); charset-normalizer breaks ties. When two
candidates decode to different text and score the same, the reader warns instead of
guessing silently.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from rightsmonitor.errors import NotADocumentError
from rightsmonitor.model import ReadText

__all__ = ["LEGACY_ENCODINGS", "decode_text", "read_text"]

LEGACY_ENCODINGS = (
    "cp1250",
    "iso-8859-2",
    "cp1252",
    "iso-8859-1",
    "iso-8859-15",
    "cp1251",
    "koi8-r",
    "iso-8859-5",
    "cp1253",
    "iso-8859-7",
    "cp1257",
    "iso-8859-13",
    "iso-8859-4",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _badness(text: str) -> float:
    """Lower is better: control characters and symbols between letters per 1000 chars."""
    bad = 0
    for i, ch in enumerate(text):
        code = ord(ch)
        if 0x80 <= code <= 0x9F or (code < 32 and ch not in "\n\r\t\f"):
            bad += 10
            continue
        if code < 128 or ch.isalpha():
            continue
        cat = unicodedata.category(ch)
        if cat[0] in "SP" or cat == "No":
            prev_alpha = i > 0 and text[i - 1].isalpha()
            next_alpha = i + 1 < len(text) and text[i + 1].isalpha()
            if prev_alpha and next_alpha:
                bad += 3
            elif prev_alpha or next_alpha:
                bad += 1
    # Mixed scripts inside one word (Latin next to Cyrillic or Greek) are a mis-decoding.
    return 1000.0 * bad / max(len(text), 1)


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def decode_text(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Decode ``data``; return (text, encoding, warnings)."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotADocumentError("binary data, not text (NUL bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding, ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_ratio(text) > 0.01:
            raise NotADocumentError("binary data, not text (control characters)")
        return text, "utf-8", ()
    scored: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            candidate = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_badness(candidate), rank, encoding, candidate))
    if not scored:
        raise NotADocumentError("cannot decode the bytes as text in any supported encoding")
    scored.sort()
    best_score, _, encoding, text = scored[0]
    warnings: list[str] = []
    ties = [s for s in scored[1:] if s[0] == best_score and s[3] != text]
    if ties:
        guess = from_bytes(data, cp_isolation=[encoding, *(t[2] for t in ties)]).best()
        if guess is not None:
            encoding = guess.encoding.replace("_", "-")
            text = str(guess)
        warnings.append(
            f"encoding is ambiguous between {', '.join([scored[0][2], *(t[2] for t in ties)])};"
            f" read as {encoding}"
        )
    if best_score > 50 or _control_ratio(text) > 0.01:
        raise NotADocumentError("binary data, not text (no encoding gives readable text)")
    return text, encoding, tuple(warnings)


def read_text(data: bytes) -> ReadText:
    text, encoding, warnings = decode_text(data)
    if not text.strip():
        raise NotADocumentError("no readable text")
    return ReadText(text=text, media_type="text/plain", encoding=encoding, warnings=warnings)
