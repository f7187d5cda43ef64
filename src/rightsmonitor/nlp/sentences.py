"""One segmenter for sentences and clauses, used wherever evidence is cut for a reader.

A sentence ends at '.', '!' or '?' followed by space and a capital (or a line break), unless
the word before the full stop is an abbreviation of the language (``lang/<code>/segments
.toml``: 'r.', 'm.in.', 'art.', 'ul.' in Polish; 'Mr.', 'e.g.', 'No.' in English), a single
capital letter (an initial: 'J. Nowak') or a number of a date ('11. lutego' is rare; '2021 r.'
is handled by 'r.'). Clauses are the sentence's parts between semicolons.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from rightsmonitor.lang import load_data

__all__ = ["clause_span", "sentence_at", "sentence_span", "sentences"]

_END = re.compile(r"[.!?…]+[\"'”»)]*(?=\s+[\"'„“«(]?[^\W\d_a-ząćęłńóśźż]|\s*\n|\s*$)|\n\s*\n")
_WORD_BEFORE = re.compile(r"(\S+)$")


@cache
def _abbreviations(code: str) -> frozenset[str]:
    own = load_data(code, "segments").get("abbreviations", [])
    common = load_data("en", "segments").get("abbreviations", []) if code != "en" else []
    return frozenset(a.lower() for a in [*own, *common])


def _is_abbreviation(text: str, end: int, code: str) -> bool:
    """The full stop at ``end - 1`` closes an abbreviation or an initial, not a sentence."""
    if text[end - 1 : end] != ".":
        return False
    m = _WORD_BEFORE.search(text, 0, end)
    if m is None:
        return False
    word = m.group(1).lstrip("(\"'„“«").lower()
    if word in _abbreviations(code):
        return True
    letters = word.rstrip(".")
    return len(letters) == 1 and letters.isalpha()  # an initial: 'J. Nowak', 'A. whereas'


def sentences(text: str, code: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, whitespace trimmed."""
    return list(_sentences(text, code))


@lru_cache(maxsize=256)
def _sentences(text: str, code: str) -> tuple[tuple[int, int], ...]:
    """Cached: every event and call of a unit asks for the same unit's sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if text[m.start() : m.start() + 1] == "." and _is_abbreviation(text, m.start() + 1, code):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)


def sentence_span(text: str, start: int, end: int, code: str) -> tuple[int, int]:
    """The sentence (or sentences) holding characters start..end."""
    spans = _sentences(text, code)
    starts = [a for a, _b in spans]
    i = bisect_right(starts, start) - 1
    first = spans[i][0] if i >= 0 and start < spans[i][1] else start
    j = bisect_left([b for _a, b in spans], end)
    last = spans[j][1] if j < len(spans) and spans[j][0] < end else end
    return first, max(last, end)


def sentence_at(text: str, start: int, end: int, code: str = "en") -> str:
    """The sentence around characters start..end of a unit's text, as evidence."""
    a, b = sentence_span(text, start, end, code)
    return text[a:b].strip()


def clause_span(text: str, pos: int, code: str) -> tuple[int, int]:
    """The clause around ``pos``: its sentence, cut at semicolons."""
    a, b = sentence_span(text, pos, pos + 1, code)
    before = text.rfind(";", a, pos)
    after = text.find(";", pos, b)
    return (before + 1 if before >= 0 else a), (after if after >= 0 else b)
