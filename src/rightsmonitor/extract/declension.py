"""Nominative hypotheses for inflected names (Polish declension of foreign names).

Each token of a name yields hypotheses (nominative, case, gender): from morfeusz2's
proper-name readings (imię, nazwisko) when it knows the name, and from the ending rules in
``lang/<code>/names.toml`` for names it does not know. The document decides between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from rightsmonitor.lang import load_names
from rightsmonitor.nlp.morph import analyse, name_classes

__all__ = ["CASES", "Hypothesis", "is_proper_name", "name_hypotheses", "token_hypotheses"]

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
_NOMINATIVE_PRIOR = 0.5
_VOWELS = set("aeiouyąęóAEIOUYĄĘÓ")


@dataclass(frozen=True)
class Hypothesis:
    nominative: tuple[str, ...]
    case: str
    gender: str  # 'm' | 'f'
    score: float  # how much evidence: morfeusz readings > rules > identity


def _proper_readings(word: str) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for lemma, tag in analyse(word):
        parts = tag.split(":")
        if parts[0] != "subst" or len(parts) < 4 or parts[1] != "sg":
            continue
        gender = "f" if parts[3] == "f" else "m"
        out.add((lemma, parts[2], gender))
    return out


@lru_cache(maxsize=65536)
def is_proper_name(word: str) -> bool:
    """morfeusz2 knows ``word`` as a given name, or as a surname that is not also a common
    word ('Rada' is a surname, but 'rada' a council: not evidence of a person)."""
    classes = name_classes(word)
    if "imię" in classes:
        return True
    common = any(not names or "nazwa_pospolita" in names for names in _lower_classes(word))
    return "nazwisko" in classes and not common


def _lower_classes(word: str) -> list[frozenset[str]]:
    return [name_classes(word.lower())] if analyse(word.lower()) else []


@lru_cache(maxsize=65536)
def token_hypotheses(word: str, code: str) -> tuple[tuple[str, str, str, float], ...]:
    """(nominative, case, gender, score) for one capitalised word in language ``code``."""
    names = load_names(code)
    found: dict[tuple[str, str, str], float] = {}
    if name_classes(word) & {"imię", "nazwisko"}:
        readings = _proper_readings(word)
        masculine = {lemma for lemma, _c, g in readings if g == "m"}
        for lemma, case, gender in readings:
            if lemma[:1].isupper():
                # 'John' is also listed as an indeclinable woman's name: the man comes first
                base = 2.5 if gender == "f" and lemma in masculine else 3.0
                found[(lemma, case, gender)] = base + (0.1 if word.startswith(lemma) else 0.0)
    last = word[-1:]
    consonant_final = last.isalpha() and last not in _VOWELS
    # the word as it stands, read as a nominative (unlikely if it ends like an inflected form)
    inflected = any(
        word.endswith(e.form) and len(e.form) >= 2 and e.nom != e.form for e in names.endings
    )
    identity = 0.5 if inflected else 1.0
    if consonant_final or last in "iy":
        found.setdefault((word, "nom", "m"), identity)
    elif last in "eou":  # 'Steve', 'Mike', 'Bolsonaro': foreign men's names
        found.setdefault((word, "nom", "m"), min(identity, 0.6))
    if any(word.endswith(e) for e in names.feminine_nominative):
        found.setdefault((word, "nom", "f"), identity)
        found.setdefault((word, "nom", "m"), 0.3)  # men's names in -a: 'Garifułła'
    if any(word.endswith(e) for e in names.indeclinable_endings):
        for case in CASES:
            for gender in ("m", "f"):
                found.setdefault((word, case, gender), 1.0)
        return tuple((n, c, g, s) for (n, c, g), s in found.items())
    indeclinable = ("consonant" in names.indeclinable_feminine and consonant_final) or (
        last in names.indeclinable_feminine
    )
    if indeclinable:
        for case in CASES:
            found.setdefault((word, case, "f"), 0.5 if consonant_final else 0.3)
    for ending in names.endings:
        if not word.endswith(ending.form) or len(word) - len(ending.form) < 2:
            continue
        stem = word[: len(word) - len(ending.form)]
        if ending.after_consonant and (not stem or stem[-1] in _VOWELS):
            continue
        if ending.after_hard and stem[-1:] in ("l", "j", "i", "k", "g"):
            continue
        apostrophe = ending.form[:1] in "'’"  # 'Gore'a', 'Kerry'ego': the stem ends as written
        if ending.gender == "m" and ending.nom == "" and stem[-1:] in _VOWELS and not apostrophe:
            continue  # a masculine consonant stem must end in a consonant
        nominative = stem + ending.nom
        for case in ending.cases:
            found.setdefault((nominative, case, ending.gender), ending.score)
    if not names.endings:  # a language that does not inflect names
        for gender in ("m", "f"):
            found.setdefault((word, "nom", gender), 1.0)
    return tuple((n, c, g, s) for (n, c, g), s in found.items())


def name_hypotheses(tokens: tuple[str, ...], code: str) -> list[Hypothesis]:
    """Hypotheses for a whole name: every token in the same case and gender (up to two
    readings per token, so that the document can choose 'Abaibek' over 'Abaibk')."""
    per_token = [token_hypotheses(t, code) for t in tokens]
    out: list[Hypothesis] = []
    for case in CASES:
        for gender in ("m", "f"):
            options: list[list[tuple[str, float]]] = []
            for token_options in per_token:
                fits = sorted(
                    ((o[0], o[3]) for o in token_options if o[1] == case and o[2] == gender),
                    key=lambda o: -o[1],
                )
                if not fits:
                    break
                options.append(fits[:2])
            else:
                for combo in product(*options):
                    # names are most often subjects, unless a word ends like an inflected form
                    plausible = case == "nom" and min(s for _, s in combo) >= 0.6
                    prior = _NOMINATIVE_PRIOR if plausible else 0.0
                    score = sum(s for _, s in combo) / max(len(tokens), 1) + prior
                    out.append(Hypothesis(tuple(f for f, _ in combo), case, gender, score))
    return out
