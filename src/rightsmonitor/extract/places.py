"""places.v1 — countries, cities and regions in any grammatical case, with ISO codes.

Country names come from CLDR through babel (every EU language); cities and regions from
``lang/places.toml``; Polish inflected forms through morfeusz2's lemmas ('Kazachstanu' →
'Kazachstan', 'Belgii' → 'Belgia').
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from itertools import pairwise
from pathlib import Path

from babel import Locale

from rightsmonitor.model import Mention, Place, Unit, fact_id
from rightsmonitor.nlp import tokenize
from rightsmonitor.nlp.morph import analyse, name_classes

__all__ = ["NAME", "extract_places", "is_place_word"]

NAME = "places.v1"
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ"}  # CLDR groupings, not places
_DATA = Path(__file__).resolve().parent.parent / "lang" / "places.toml"


@cache
def _gazetteer(code: str) -> dict[str, tuple[str, str | None, str]]:
    """surface form (lower case) → (English name, ISO code, kind)."""
    english = Locale("en").territories
    local = Locale(code).territories if code != "en" else english
    table: dict[str, tuple[str, str | None, str]] = {}
    for iso, name in local.items():
        if len(iso) == 2 and iso.isalpha() and iso in english and iso not in _NOT_COUNTRIES:
            en_name = re.sub(r"\s*\(.*\)$", "", english[iso])
            table[re.sub(r"\s*\(.*\)$", "", name).lower()] = (en_name, iso, "country")
    with _DATA.open("rb") as fh:
        data = tomllib.load(fh)
    for alias, iso in data.get("country_aliases", {}).items():
        if iso in english:
            table[alias.lower()] = (re.sub(r"\s*\(.*\)$", "", english[iso]), iso, "country")
    for place in data.get("place", []):
        for form in place.get(code, []):
            table[form.lower()] = (place["name"], place["country"] or None, place["kind"])
    return table


def _lookup(words: list[str], code: str) -> tuple[str, str | None, str] | None:
    table = _gazetteer(code)
    phrase = " ".join(words).lower()
    if phrase in table:
        return table[phrase]
    if code == "pl" and len(words) == 1 and "nazwa_geograficzna" in name_classes(words[0]):
        for lemma, _tag in analyse(words[0]):
            if lemma.lower() in table:
                return table[lemma.lower()]
    if code == "pl" and len(words) == 2:  # 'Azji Środkowej', 'Republiką Kazachstanu'
        return None
    return None


def is_place_word(word: str, code: str) -> bool:
    """``word`` alone names a country or a listed place, in any case ('Kuby', 'Kazachstanu')."""
    return _lookup([word], code) is not None


def extract_places(
    units: list[Unit], code: str, skip: list[tuple[str, int, int, bool]] | None = None
) -> list[Place]:
    """``skip``: (unit, start, end, all kinds) spans of other facts: persons' names hide every
    place ('Ałmat Żumagułow'), organisation names hide regions ('Rada Europy')."""
    found: dict[str, Place] = {}
    by_unit: dict[str, list[tuple[int, int, bool]]] = {}
    for u, s, e, every in skip or []:
        by_unit.setdefault(u, []).append((s, e, every))
    for unit in units:
        hidden = by_unit.get(unit.id, [])
        tokens = [t for t in tokenize(unit.text) if t.is_word]
        i = 0
        while i < len(tokens):
            hit = None
            for n in (4, 3, 2, 1):
                span = tokens[i : i + n]
                if len(span) < n or not span[0].text[:1].isupper():
                    continue
                if any(unit.text[a.end : b.start] not in (" ", "-") for a, b in pairwise(span)):
                    continue
                words = [t.text for t in span]
                words[-1] = re.sub(r"[’']s$", "", words[-1])
                if n > 1 and words[0].lower() == "the":
                    continue
                place = _lookup(words, code)
                if place:
                    hit = (n, place, span)
                    break
            if hit is None:
                i += 1
                continue
            n, (name, iso, kind), span = hit
            a = span[0].start
            b = span[-1].end - (2 if re.search(r"[’']s$", span[-1].text) else 0)
            if any(s < b and a < e and (every or kind == "region") for s, e, every in hidden):
                i += n
                continue
            entry = found.setdefault(name, Place(fact_id("place", name), name, iso, kind))
            entry.mentions.append(Mention(unit.text[a:b], unit.id, a, b))
            i += n
    return list(found.values())
