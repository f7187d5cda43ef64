"""Plain text: decode bytes, detecting UTF-8, UTF-16 and legacy single-byte encodings.

A legacy encoding is chosen by scoring each candidate decoding (C1 control characters and
symbols stuck inside words count against it); charset-normalizer breaks ties. When two
candidates decode to different text and score the same, the reader warns instead of
guessing silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from rightsmonitor.errors import NotADocumentError
from rightsmonitor.model import ReadText
from rightsmonitor.nlp import lexicon_for

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


# Which languages write with each legacy encoding (to tell equally clean decodings apart).
_ENCODING_LANGUAGES = {
    "cp1250": ("pl", "cs", "sk", "hu", "sl", "hr", "ro"),
    "iso-8859-2": ("pl", "cs", "sk", "hu", "sl", "hr", "ro"),
    "cp1252": ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "fi"),
    "iso-8859-1": ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "fi"),
    "iso-8859-15": ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "fi"),
    "cp1251": ("bg", "ru", "uk"),
    "koi8-r": ("ru", "bg"),
    "iso-8859-5": ("bg", "ru"),
    "cp1253": ("el",),
    "iso-8859-7": ("el",),
    "cp1257": ("lt", "lv"),
    "iso-8859-13": ("lt", "lv"),
    "iso-8859-4": ("lt", "lv"),
}
_WORD = re.compile(r"[^\W\d_]{3,}")


def _known_words(text: str, encoding: str) -> int:
    """How many distinct non-ASCII words of ``text`` a word list of its languages knows."""
    words = {w.lower() for w in _WORD.findall(text[:20000]) if not w.isascii()}
    best = 0
    for code in _ENCODING_LANGUAGES.get(encoding, ()):
        lexicon = lexicon_for(code)
        best = max(best, sum(1 for w in words if lexicon.knows(w)))
    return best


_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    return len(_CONTROLS.findall(text)) / max(len(text), 1)


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
        mended = _mended_utf8(data)
        if mended is not None:
            return mended
    else:
        if _control_ratio(text) > 0.01:
            raise NotADocumentError("binary data, not text (control characters)")
        if not _suspicious_utf8(text):
            return text, "utf-8", ()
        try:
            legacy, encoding, _ = _decode_legacy(data)
        except NotADocumentError:  # valid UTF-8 in a script of its own ('Rüfət Səfərov')
            return text, "utf-8", ()
        if _badness(legacy) == 0 and _known_words(legacy, encoding) > _known_words(text, "utf-8"):
            return legacy, encoding, (f"bytes are valid UTF-8 but read as {encoding}",)
        return text, "utf-8", ("read as UTF-8, but some characters look like a mis-decoding",)
    return _decode_legacy(data)


def _mended_utf8(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """UTF-8 with a few invalid byte sequences (a damaged copy, a stray byte): the text with
    each replaced by U+FFFD and a warning, rather than a refused file. None when the invalid
    sequences outnumber the valid non-ASCII letters — a legacy encoding (cp1250's 'ą' is
    never valid UTF-8)."""
    mended = data.decode("utf-8", errors="replace")
    bad = mended.count("\ufffd")
    good = sum(1 for ch in mended if ord(ch) > 0x7F and ch != "\ufffd")
    if not (bad <= good or bad <= len(data) // 1000) or _control_ratio(mended) > 0.01:
        return None
    what = "sequence" if bad == 1 else "sequences"
    return mended, "utf-8", (f"{bad} invalid UTF-8 byte {what} replaced by U+FFFD",)


def _EU_LETTER(code: int) -> bool:
    """Letters the EU's languages (and Russian, Ukrainian, Kazakh sources) are written with."""
    return (
        code < 0x0180  # Latin, Latin-1, Latin Extended-A
        or 0x0218 <= code <= 0x021B  # Romanian ș ț
        or 0x0370 <= code <= 0x04FF  # Greek, Cyrillic (Kazakh letters included)
        or 0x1E00 <= code <= 0x1EFF  # Latin Extended Additional
    )


_OUTSIDE_EU = re.compile("[^\x00-\u017f\u0218-\u021b\u0370-\u04ff\u1e00-\u1eff]")
_ASCII_LETTERS = re.compile("[A-Za-z]")


def _suspicious_utf8(text: str) -> bool:
    """Latin text with a few isolated letters no EU language uses (CJK among Polish words)."""
    far = sum(1 for ch in _OUTSIDE_EU.findall(text) if ch.isalpha())
    if not far:
        return False
    latin = len(_ASCII_LETTERS.findall(text))
    return far > 0 and latin > 4 * far


def _decode_legacy(data: bytes) -> tuple[str, str, tuple[str, ...]]:
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
    ties = [s for s in scored if s[0] == best_score]
    if len({t[3] for t in ties}) > 1:
        ranked = sorted(ties, key=lambda t: (-_known_words(t[3], t[2]), t[1]))
        top, runner = (
            _known_words(ranked[0][3], ranked[0][2]),
            _known_words(ranked[1][3], ranked[1][2]),
        )
        encoding, text = ranked[0][2], ranked[0][3]
        if top - runner < 3:  # too little evidence to choose silently
            if top == runner:
                guess = from_bytes(data, cp_isolation=[t[2] for t in ties]).best()
                if guess is not None:
                    encoding, text = guess.encoding.replace("_", "-"), str(guess)
            warnings.append(
                f"encoding is ambiguous between {', '.join(t[2] for t in ties)}; read as {encoding}"
            )
    if best_score > 50 or _control_ratio(text) > 0.01:
        raise NotADocumentError("binary data, not text (no encoding gives readable text)")
    return text, encoding, tuple(warnings)


def read_text(data: bytes) -> ReadText:
    text, encoding, warnings = decode_text(data)
    if not text.strip():
        raise NotADocumentError("no readable text")
    return ReadText(text=text, media_type="text/plain", encoding=encoding, warnings=warnings)
