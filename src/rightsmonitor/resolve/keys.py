"""Name keys invariant to script, transliteration convention and (through the extractor's
nominatives) grammatical case: 'Ałmat Żumagułow', 'Almat Zhumagulov', 'Алмат Жумагулов' and
'Алмат Жұмағұлов' share the key 'almat zumagulov'-like skeleton, while 'Danijar' and 'Daryn'
stay different."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

__all__ = [
    "coarse_forms",
    "coarse_keys",
    "coarse_letters",
    "consonants",
    "given_group",
    "name_parts",
    "part_skeleton",
    "skeleton",
]

_DATA = Path(__file__).resolve().parent.parent / "lang" / "translit.toml"
# One class for the hushing and back sounds the conventions confuse: Polish 'ch' is х, English
# 'ch' is ч, French 'ch' is ш, German 'sch' is both ш and ж.
_CLASS = str.maketrans({"C": "S", "X": "S", "Z": "S"})


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
    with _DATA.open("rb") as fh:
        data = tomllib.load(fh)
    rules = sorted(((a, b) for a, b in data["rules"]), key=lambda r: -len(r[0]))
    return dict(data["cyrillic"]), dict(data["latin"]), rules


@cache
def _turkic() -> tuple[str, dict[str, str]]:
    with _DATA.open("rb") as fh:
        table = dict(tomllib.load(fh).get("turkic_latin", {}))
    triggers = str(table.pop("triggers", ""))
    return triggers, {k: str(v) for k, v in table.items()}


@cache
def _rule_pattern() -> re.Pattern[str]:
    _c, _l, rules = _tables()
    return re.compile("|".join(re.escape(a) for a, _b in rules))


@cache
def part_skeleton(part: str, turkic: bool = False) -> str:
    """The skeleton of one name part: 'Żumagułow' → 'Zumagulov' (symbols in capitals)."""
    cyrillic, latin, rules = _tables()
    low = part.lower()
    triggers, table = _turkic()
    if turkic or any(ch in triggers for ch in low):  # 'Muxtarlı', 'Hacıyev', 'Qubad İbadoğlu'
        low = "".join(table.get(ch, ch) for ch in low)
    low = "".join(cyrillic.get(ch, latin.get(ch, ch)) for ch in low)
    low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    mapping = dict(rules)
    out = _rule_pattern().sub(lambda m: mapping[m.group(0)], low)
    out = re.sub(r"[^a-zA-Z]", "", out).translate(_CLASS)
    return re.sub(r"(.)\1+", r"\1", out)


_SPLIT = re.compile(r"\s+")


def name_parts(name: str) -> tuple[str, ...]:
    """Skeletons of each part of a name ('Kara-Murza' is one part, 'karamursa')."""
    turkic = any(ch in _turkic()[0] for ch in name.lower())  # one Turkic letter: all parts
    return tuple(s for s in (part_skeleton(p, turkic) for p in _SPLIT.split(name.strip())) if s)


def skeleton(name: str) -> str:
    return " ".join(name_parts(name))


_SEMIVOWEL_V = re.compile(r"v(?=[^aeiou]|$)")  # Belarusian ў, written 'u', 'w' or 'v'
_VOWELS = re.compile(r"[aeiou]")
_COARSE = str.maketrans({"T": "t", "z": "s", "Q": "k", "g": "S", "X": "S", "J": "S"})


@cache
def consonants(part_key: str) -> str:
    """A coarser key of one part skeleton: its consonants.

    It absorbs the vowel shifts between Russian and Belarusian ('Kolesnikova' and
    'Kalesnikava', 'Tikhanovsky' and 'Tsikhanouski'), which similarity on letters does not."""
    return _VOWELS.sub("", coarse_letters(part_key))  # 'Ivanian' keeps 'vnn', unlike 'Ivanov'


@cache
def coarse_letters(part_key: str) -> str:
    """A part skeleton with the consonant classes conventions confuse merged, vowels kept:
    'Roza'/'Rosa' and 'Ihar'/'Ігар' agree, 'Marat'/'Murat' do not."""
    return _SEMIVOWEL_V.sub("", part_key.translate(_COARSE)).replace(
        "sS", "S"
    )  # 'Jeschozin' and 'Yeskhozin': s+ch or sch


def _q_forms(part_key: str) -> tuple[str, ...]:
    """'Q' is к in Kazakh and г in Azerbaijani: a part with it has both readings."""
    return (part_key, part_key.replace("Q", "g")) if "Q" in part_key else (part_key,)


@cache
def coarse_forms(part_key: str) -> frozenset[str]:
    """Every coarse reading of a part (see ``coarse_letters`` and the two readings of 'Q')."""
    return frozenset(coarse_letters(form) for form in _q_forms(part_key))


@cache
def coarse_keys(part_key: str) -> frozenset[str]:
    """The consonant keys of a surname; an initial 'j' before a vowel may be French for ж
    ('Jardemalie' and 'Жардемали'), so it gives a second key."""
    keys = {consonants(form) for form in _q_forms(part_key)}
    if len(part_key) > 2 and part_key[0] == "i" and part_key[1] in "aeou":
        keys.add(consonants("S" + part_key[1:]))
    return frozenset(keys)


@cache
def _given_groups() -> dict[str, frozenset[int]]:
    path = _DATA.with_name("given_names.toml")
    with path.open("rb") as fh:
        groups = tomllib.load(fh)["groups"]
    index: dict[str, set[int]] = {}
    for i, group in enumerate(groups):
        for name in group:
            for key in name_parts(name):
                index.setdefault(key, set()).add(i)
    return {k: frozenset(v) for k, v in index.items()}


def given_group(part_key: str) -> frozenset[int]:
    """Which groups of one given name across languages (``lang/given_names.toml``) a part is in."""
    return _given_groups().get(part_key, frozenset())
