"""Which language a text is in, from the stopwords and structure markers in lang data."""

from __future__ import annotations

import re
from collections import Counter

from rightsmonitor.lang import available_languages, load_language

__all__ = ["detect_language"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str, sample: int = 20000) -> str | None:
    """The code of the language whose stopwords and markers cover most of ``text``."""
    words = Counter(w.lower() for w in _WORD.findall(text[:sample]))
    if not words:
        return None
    low = text[:sample].lower()
    best: tuple[float, str] | None = None
    for code in available_languages():
        data = load_language(code)
        score = float(sum(words[w] for w in data.stopwords if " " not in w))
        score += 5.0 * sum(
            low.count(m.lower()) for m in (*data.citation, *data.recital) if len(m) > 3
        )
        if best is None or score > best[0]:
            best = (score, code)
    return best[1] if best and best[0] > 0 else None
