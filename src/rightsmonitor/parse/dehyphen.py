"""Words broken across a line end: join them or keep their hyphen.

The decision uses, in order: digits and capitals (``460-1``, ``Lvova-Belova`` keep their
hyphen); the document itself (the joined or the hyphenated form written elsewhere); the
lexicon's knowledge of compounds (``społeczno-gospodarczego``) and of words
(``prawodawstwa``); and finally whether the second part is a word of its own.
"""

from __future__ import annotations

import re
from typing import Literal

from rightsmonitor.nlp.lexicon import Lexicon

__all__ = ["HYPHENS", "decide_break", "document_words"]


HYPHENS = "-\u2010\u00ad"  # hyphen-minus, hyphen, soft hyphen
_TOKEN = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")


def document_words(lines: list[str]) -> frozenset[str]:
    """Lower-cased words and hyphenated words of the document, excluding line-end fragments."""
    words: set[str] = set()
    for line in lines:
        body = line.rstrip()
        if body and body[-1] in HYPHENS:
            body = body[:-1]
            body = body[: len(body) - len(re.search(r"[^\W\d_]*$", body).group(0))]  # type: ignore[union-attr]  # the regex always matches
        words.update(t.lower() for t in _TOKEN.findall(body))
    return frozenset(words)


def decide_break(
    first: str, second: str, lexicon: Lexicon, doc_words: frozenset[str], soft: bool = False
) -> Literal["join", "keep"]:
    """``first`` ends the line before a hyphen, ``second`` starts the next line."""
    if soft:
        return "join"
    if not first or not second or first[-1].isdigit() or second[0].isdigit():
        return "keep"
    if second[0].isupper() or (len(first) > 1 and first.isupper()):
        return "keep"  # 'Lvova-Belova', 'ONZ-owskiego', 'EU-wide'
    joined, hyphenated = first + second, f"{first}-{second}"
    if hyphenated.lower() in doc_words:
        return "keep"
    if joined.lower() in doc_words:
        return "join"
    compound, known = lexicon.is_compound(first, second), lexicon.knows(joined)
    if compound and known:  # 'nowo-czesnych' or 'nowoczesnych'? Running text decides.
        return "join" if lexicon.joined_in_use(first, second) else "keep"
    if compound:
        return "keep"
    if known:
        return "join"
    if len(second) > 2 and lexicon.knows(second) and lexicon.knows(first):
        return "keep"
    return "join"
