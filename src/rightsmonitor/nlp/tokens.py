"""Tokens with offsets: words (letters, hyphens, apostrophes inside), numbers and punctuation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Token", "fold", "name_key", "tokenize"]

_TOKEN = re.compile(
    r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*"  # words, 'Lvova-Belova', 'd'Estaing'
    r"|\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?"  # numbers, '23 000', '1 293', '2,5'
    r"|[^\s\w]"  # punctuation, one character each
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    is_word: bool = False  # starts with a letter (set by ``tokenize``)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper() and any(c.islower() for c in self.text)

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (cached: several extractors read the same unit)."""
    return list(_tokenize(text))


@lru_cache(maxsize=2048)
def _tokenize(text: str) -> tuple[Token, ...]:
    return tuple(
        Token(m.group(0), m.start(), m.end(), m.group(0)[:1].isalpha())
        for m in _TOKEN.finditer(text)
    )


_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "ı": "i",
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
    }
)


def fold(text: str) -> str:
    """Lower case without diacritics: 'Żumagułow' → 'zumagulow'."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """A spelling-tolerant key: folded, j/y/i merged, doubled letters collapsed.

    'Ałmat Żumagułow' and 'Almat Żumagulow', 'Kayyrbek' and 'Kajyrbek', 'Abaj' and 'Abai'
    share a key.
    """
    key = fold(name)
    key = re.sub(r"[jy]", "i", key)
    key = re.sub(r"(.)\1+", r"\1", key)
    return re.sub(r"[^a-zа-я ]+", "", key).strip()
