"""Is this a word? Real lexicons, used to decide hyphenation across line breaks.

Polish: morfeusz2 with the SGJP dictionary its wheel carries (any reading other than
``ign`` means the form is known). Other languages: the wordfreq word lists (Apache-2.0,
data in the wheel). Both are in-process, deterministic and offline.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Protocol

from rightsmonitor.nlp.morph import raw_analysis

__all__ = ["Lexicon", "lexicon_for", "preload"]


class Lexicon(Protocol):
    def knows(self, word: str) -> bool: ...

    def frequency(self, word: str) -> float: ...

    def is_compound(self, first: str, second: str) -> bool:
        """Is ``first-second`` a hyphenated compound (keep the hyphen) rather than a split?"""
        ...

    def joined_in_use(self, first: str, second: str) -> bool:
        """For a compound the lexicon also knows joined: is the joined form the one in use?"""
        ...


class _Morfeusz:
    """Polish: the SGJP dictionary through morfeusz2 (one analyser per process, in ``morph``)."""

    def knows(self, word: str) -> bool:
        return any(
            tag != "ign" and orth == form
            for form in {word, word.lower()}
            for _s, _e, orth, _lemma, tag, _n in raw_analysis(form)
        )

    def frequency(self, word: str) -> float:
        return _wordfreq("pl", word) if self.knows(word) else 0.0

    def joined_in_use(self, first: str, second: str) -> bool:
        # SGJP lists 'społecznogospodarczego' too; running text (wordfreq) says which is used
        return _wordfreq("pl", first + second) > _IN_USE

    def is_compound(self, first: str, second: str) -> bool:
        """SGJP's ``adja`` form ('społeczno-') marks the first part of a compound adjective."""
        segments = raw_analysis(f"{first}-{second}")
        first_tags = {tag for s, _e, orth, _l, tag, _n in segments if s == 0 and orth == first}
        if "adja" in first_tags:
            return True
        return bool(first_tags - {"ign"}) and self.knows(second) and not self.knows(first + second)


# Zipf frequency above which a word counts as used in running text.
_IN_USE = 1.0


class _WordFreq:
    def __init__(self, code: str) -> None:
        self.code = code

    def knows(self, word: str) -> bool:
        return _wordfreq(self.code, word) > 1.0

    def frequency(self, word: str) -> float:
        return _wordfreq(self.code, word)

    def joined_in_use(self, first: str, second: str) -> bool:
        return False  # is_compound already compared the two forms' frequencies

    def is_compound(self, first: str, second: str) -> bool:
        hyphenated = _wordfreq(self.code, f"{first}-{second}")
        return (
            self.knows(first) and self.knows(second) and hyphenated > self.frequency(first + second)
        )


class _Empty:
    def knows(self, word: str) -> bool:
        return False

    def frequency(self, word: str) -> float:
        return 0.0

    def is_compound(self, first: str, second: str) -> bool:
        return False

    def joined_in_use(self, first: str, second: str) -> bool:
        return False


@lru_cache(maxsize=262144)
def _wordfreq(code: str, word: str) -> float:
    import wordfreq

    try:
        return float(wordfreq.zipf_frequency(word, code))
    except (LookupError, ValueError):
        return 0.0


@cache
def lexicon_for(code: str | None) -> Lexicon:
    if code == "pl":
        return _Morfeusz()
    if code:
        import wordfreq

        if code in wordfreq.available_languages():
            return _WordFreq(code)
    return _Empty()


def preload(code: str) -> None:
    """Load a language's dictionaries now (a long ingest pays this once, not on its first file)."""
    import wordfreq

    lexicon_for(code).knows("a")
    if code in wordfreq.available_languages():
        _wordfreq(code, "preload")
