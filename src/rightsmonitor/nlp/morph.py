"""Polish morphology with morfeusz2 (SGJP dictionary, in-process and offline).

Used to bring a noun phrase's head to the nominative ('delegaturę UE' → 'delegatura UE')
and, later, names to their nominative.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product
from typing import Any

__all__ = [
    "Reading",
    "analyse",
    "name_classes",
    "nominative_phrase",
    "noun_phrase_length",
    "to_nominative",
    "with_case",
]

Reading = tuple[str, str]  # (lemma, tag) e.g. ('delegatura', 'subst:sg:acc:f')


@lru_cache(maxsize=1)
def _morfeusz() -> Any:
    import morfeusz2

    return morfeusz2.Morfeusz(expand_tags=False)  # expanded here, with a cache per tag


_GENDERS = ("m1", "m2", "m3", "f", "n")  # what '_' stands for in a gender position


@lru_cache(maxsize=8192)
def _expand(tag: str) -> tuple[str, ...]:
    """'subst:sg:gen.acc:m1' → ('subst:sg:gen:m1', 'subst:sg:acc:m1') (as morfeusz2 would)."""
    chunks = [_GENDERS if c == "_" else tuple(c.split(".")) for c in tag.split(":")]
    return tuple(":".join(parts) for parts in product(*chunks))


RawReading = tuple[int, int, str, str, str, tuple[str, ...]]  # start, end, orth, lemma, tag, names


@lru_cache(maxsize=131072)
def raw_analysis(word: str) -> tuple[RawReading, ...]:
    """morfeusz2's analysis of ``word`` (compact tags), asked once per word and process."""
    return tuple(
        (start, end, orth, lemma, tag, tuple(names))
        for start, end, (orth, lemma, tag, names, _qual) in _morfeusz().analyse(word)
    )


@lru_cache(maxsize=65536)
def name_classes(word: str) -> frozenset[str]:
    """SGJP's name classes of ``word`` as written: 'imię', 'nazwisko', 'nazwa_geograficzna' …"""
    found: set[str] = set()
    for _s, _e, orth, _l, _tag, names in raw_analysis(word):
        if orth == word:
            found.update(names)
    return frozenset(found)


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[Reading, ...]:
    """Readings of a single word (SGJP tags, expanded: one case per tag)."""
    out: list[Reading] = []
    for start, end, orth, lemma, tag, _names in raw_analysis(word):
        if start == 0 and end == 1 and orth == word and tag != "ign":
            out.extend((lemma.split(":")[0], t) for t in _expand(tag))
    return tuple(out)


def with_case(word: str, case: str) -> tuple[Reading, ...]:
    """Readings of ``word`` as a noun or adjective in grammatical ``case`` ('acc', 'gen'…)."""
    return tuple(
        r
        for r in analyse(word)
        if r[1].split(":")[0] in {"subst", "adj", "ppas", "pact", "depr", "ger"}
        and case in r[1].split(":")[2:3]
    )


@lru_cache(maxsize=65536)
def _generate(lemma: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (orth, t) for orth, _l, tag, _n, _q in _morfeusz().generate(lemma) for t in _expand(tag)
    )


_NOUNS = {"subst", "depr", "ger"}
_ADJS = {"adj", "ppas", "pact"}


def _nominative_form(lemma: str, tag: str, word: str) -> str | None:
    parts = tag.split(":")
    target = [parts[0], parts[1], "nom", *parts[3:]]
    for orth, gtag in _generate(lemma):
        if gtag.split(":")[: len(target)] == target:
            return orth[0].upper() + orth[1:] if word[:1].isupper() else orth
    return None


def to_nominative(word: str, case: str) -> tuple[str, bool] | None:
    """The nominative of ``word`` read in ``case``, and whether it is a noun (a head)."""
    readings = sorted(with_case(word, case), key=lambda r: r[1].split(":")[0] not in _NOUNS)
    for lemma, tag in readings:
        form = _nominative_form(lemma, tag, word)
        if form:
            return form, tag.split(":")[0] in _NOUNS
    return None


def _agreement(readings: list[tuple[Reading, ...]]) -> tuple[str, str] | None:
    """The (number, gender) that the most leading words share."""
    best: tuple[int, int, tuple[str, str]] | None = None
    for _lemma, tag in readings[0]:
        parts = tag.split(":")
        key = (parts[1], parts[3] if len(parts) > 3 else "")
        run = 0
        for rs in readings:
            if not any(r[1].split(":")[1] == key[0] and key[1] in r[1].split(":")[3:4] for r in rs):
                break
            run += 1
        noun_first = int(parts[0] in _NOUNS)
        if best is None or (run, noun_first) > best[:2]:
            best = (run, noun_first, key)
    return best[2] if best else None


def nominative_phrase(words: list[str], case: str) -> list[str]:
    """Bring the head of a noun phrase (and the adjectives agreeing with it) to the nominative.

    'delegaturę UE w Kazachstanie' → 'delegatura UE w Kazachstanie'; 'państwa członkowskie'
    → 'państwa członkowskie'; 'władz Kazachstanu' → 'władze Kazachstanu'. Words after the
    head that do not agree with it (genitive modifiers, prepositional phrases) stay as they are.
    """
    readings = [with_case(w, case) for w in words]
    if not words or not readings[0]:
        return list(words)
    lead = 0
    while lead < len(words) and readings[lead]:
        lead += 1
    agree = _agreement(readings[:lead])
    if agree is None:
        return list(words)
    out = list(words)
    seen_noun = False
    for i in range(lead):
        fits = [
            r
            for r in readings[i]
            if r[1].split(":")[1] == agree[0] and agree[1] in r[1].split(":")[3:4]
        ]
        nouns = [r for r in fits if r[1].split(":")[0] in _NOUNS]
        adjs = [r for r in fits if r[1].split(":")[0] in _ADJS]
        if (seen_noun and not adjs) or not fits:
            break
        adjective_first = bool(adjs) and i + 1 < lead and _has_noun_after(readings, i, agree)
        use_noun = bool(nouns) and not seen_noun and not adjective_first
        chosen = nouns[0] if use_noun else (adjs or nouns)[0]
        form = _nominative_form(chosen[0], chosen[1], words[i])
        if form:
            out[i] = form
        seen_noun = seen_noun or chosen[1].split(":")[0] in _NOUNS
    return out


def _has_noun_after(readings: list[tuple[Reading, ...]], i: int, agree: tuple[str, str]) -> bool:
    nxt = readings[i + 1] if i + 1 < len(readings) else ()
    return any(r[1].split(":")[0] in _NOUNS and r[1].split(":")[1] == agree[0] for r in nxt)


_COORD = {"i", "oraz", "/", ",", "a", "lub", "albo"}
# Possessives and quantifiers inside a coordinated noun phrase: 'UE, jej państwa członkowskie'
_DETERMINERS = {
    "jej",
    "jego",
    "ich",
    "swoje",
    "swoich",
    "swój",
    "swoją",
    "wszystkie",
    "wszystkich",
    "wszelkie",
    "wszelkich",
    "ten",
    "ta",
    "te",
    "tych",
}


def noun_phrase_length(words: list[str], case: str) -> int:
    """How many of ``words`` form a noun phrase in ``case``: the agreeing head, then genitive
    modifiers, acronyms and proper names, and prepositional phrases such as 'w Kazachstanie'."""
    n = 0
    while n < len(words) and with_case(words[n], case):
        n += 1
    if n == 0:
        return len(words)
    while n < len(words):
        word = words[n]
        nxt = words[n + 1] if n + 1 < len(words) else ""
        if (
            word in _COORD
            and nxt
            and (with_case(nxt, case) or nxt[:1].isupper() or nxt in _DETERMINERS)
        ):
            n += 2  # 'UE i państwa członkowskie', 'Komisji / wysokiego przedstawiciela'
            while n < len(words) and (
                (with_case(words[n], case) and not words[n][:1].isupper())
                or words[n] in _DETERMINERS
            ):
                n += 1
        elif word[:1].isupper() or (with_case(word, "gen") and word not in _COORD):
            n += 1
        elif word in {"w", "we", "na"} and nxt[:1].isupper():
            n += 2
        else:
            break
    return n
