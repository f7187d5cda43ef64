"""Lemmas of single words: morfeusz2 for Polish (every reading's lemma: participles and
gerunds give their verb, 'zatrzymany'/'zatrzymanie' → 'zatrzymać'), simplemma for the other
languages (MIT; dictionaries from its wheel, no download), the lower-cased word always."""

from __future__ import annotations

from functools import lru_cache

import simplemma

from rightsmonitor.nlp.morph import analyse

__all__ = ["lemmas"]

# languages simplemma's wheel has a dictionary for (of those rightsmonitor reads)
_SIMPLEMMA = frozenset(
    {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu"}
    | {"it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv"}
)


@lru_cache(maxsize=262144)
def lemmas(word: str, code: str) -> frozenset[str]:
    """Every lemma ``word`` may have in language ``code`` (lower case), and the word itself."""
    low = word.lower()
    out = {low}
    if code == "pl":
        out.update(lemma.lower() for lemma, _tag in analyse(word))
        if low != word:
            out.update(lemma.lower() for lemma, _tag in analyse(low))
    elif code in _SIMPLEMMA:
        out.add(simplemma.lemmatize(low, lang=code).lower())
    return frozenset(out)
