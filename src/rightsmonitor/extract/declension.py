"""Nominative hypotheses for inflected names (Polish declension of foreign names).

Each token of a name yields hypotheses (nominative, case, gender): from morfeusz2's
proper-name readings (imię, nazwisko) when it knows the name, and from the ending rules in
``lang/<code>/names.toml`` for names it does not know. The document decides between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from rightsmonitor.lang import given_names, load_inflection, load_names, name_particles
from rightsmonitor.nlp import lexicon_for
from rightsmonitor.nlp.morph import analyse, name_classes

__all__ = [
    "CASES",
    "NOMINATIVE_PRIOR",
    "REAL",
    "Hypothesis",
    "is_given_name",
    "is_proper_name",
    "learned_readings",
    "name_hypotheses",
    "token_hypotheses",
]

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
NOMINATIVE_PRIOR = 0.5
# A learned reading scores between _LEARNED_BASE and _LEARNED_BASE + 1 (its probability, with
# the case's share in running text: names are mostly subjects or genitive complements).
_LEARNED_BASE = 1.0
_CASE_WEIGHT = {
    "nom": 1.6,
    "gen": 1.4,
    "dat": 1.0,
    "acc": 1.0,
    "inst": 1.0,
    "loc": 1.0,
    "voc": 0.05,
}
_MIN_PROBABILITY = 0.02
_PERSONAL = {"m1", "f"}  # the genders of persons' names in SGJP
_UNDECLINED_PART = 0.3  # the first part of a hyphenated name, as written
_GIVEN_NAME = 0.4  # a reading whose nominative is a given name of its gender
_VOWELS = set("aeiouyąęóAEIOUYĄĘÓ")
_NATIVE_ALTERNATIONS = "óą"  # vowels Polish writes only in its own stems' nominatives
_INDECLINABLE = 0.02  # the probability given to 'this name is not declined'
_FOREIGN_NOMINATIVE = 0.15  # at least this for 'the word as written is a nominative'
# Names are most often subjects: a nominative reading gets a prior when every word has one of
# its own (a dictionary or apostrophe rule, a learned reading with p ≥ 0.1, or the floor of
# a foreign nominative), not merely the weak 'not declined' reading.
_PLAUSIBLE = 1.1
REAL = _PLAUSIBLE  # a reading of the word's own, not only the 'not declined' fallback


@dataclass(frozen=True)
class Hypothesis:
    nominative: tuple[str, ...]
    case: str
    gender: str  # 'm' | 'f'
    score: float  # how much evidence: morfeusz readings > rules > identity
    support: float = 0.0  # the weakest word's score: below REAL, some word is only 'undeclined'


def _proper_readings(word: str) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for lemma, tag in analyse(word):
        parts = tag.split(":")
        if parts[0] != "subst" or len(parts) < 4 or parts[1] != "sg" or parts[3] not in _PERSONAL:
            continue  # 'Mazowieckie' (a province, neuter) is not a reading of a person's name
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


def _ending_distribution(low: str, code: str) -> dict[tuple[str, str, str, str], float]:
    """P(rule | the word's ending), interpolated from the shortest known ending to the longest
    (Witten-Bell: an ending seen n times with t different rules is trusted n / (n + t))."""
    table = load_inflection(code)
    dist: dict[tuple[str, str, str, str], float] = {}
    if table is None:
        return dist
    for n in range(1, min(len(low), table.longest) + 1):
        entry = table.endings.get(low[-n:])
        if entry is None:
            continue
        total, rules = entry
        trust = total / (total + len(rules))
        dist = {rule: p * (1.0 - trust) for rule, p in dist.items()}
        for strip, add, case, gender, count in rules:
            key = (strip, add, case, gender)
            dist[key] = dist.get(key, 0.0) + trust * count / total
    return dist


def _part_readings(part: str, code: str) -> dict[tuple[str, str], list[tuple[str, float]]]:
    """(case, gender) → [(nominative, probability)] for one word without hyphens."""
    low = part.lower()
    out: dict[tuple[str, str], dict[str, float]] = {}
    for (strip, add, case, gender), p in _ending_distribution(low, code).items():
        if not low.endswith(strip) or len(part) - len(strip) < 2:
            continue
        if any(ch in add and ch not in strip for ch in _NATIVE_ALTERNATIONS):
            continue  # ó/ą alternations ('Kraków' → 'Krakowa') belong to native stems only
        stem = part[: len(part) - len(strip)]
        nominative = stem + (add.upper() if part.isupper() and len(part) > 1 else add)
        slot = out.setdefault((case, gender), {})
        slot[nominative] = slot.get(nominative, 0.0) + p
    return {k: sorted(v.items(), key=lambda kv: -kv[1]) for k, v in out.items()}


@lru_cache(maxsize=65536)
def learned_readings(word: str, code: str) -> tuple[tuple[str, str, str, float], ...]:
    """(nominative, case, gender, probability) for a name the dictionary does not know, by
    analogy with the names that end like it; each part of a hyphenated name declines
    ('Kary-Murzy' → 'Kara-Murza'). Empty for a language without a learned table."""
    if load_inflection(code) is None or not word[:1].isalpha():
        return ()
    pieces = word.split("-")
    parts = [_part_readings(p, code) if p else {} for p in pieces]
    if not parts[-1]:
        return ()
    for i, piece in enumerate(pieces[:-1]):
        if not piece:
            return ()
        # a first part may stay undeclined ('Kasym-Żomarta' → 'Kasym-Żomart')
        for key in parts[-1]:
            slot = parts[i].setdefault(key, [])
            parts[i][key] = sorted([*slot, (piece, _UNDECLINED_PART)], key=lambda r: -r[1])
    out: list[tuple[str, str, str, float]] = []
    for key in set.intersection(*(set(p) for p in parts)):
        combos: list[tuple[str, float]] = [("", 1.0)]
        for i, readings in enumerate(parts):
            combos = [
                (f"{prefix}{'-' if i else ''}{nom}", q * p)
                for prefix, q in combos
                for nom, p in readings[key][:2]
            ]
        out.extend((nom, key[0], key[1], p) for nom, p in combos if p >= _MIN_PROBABILITY)
    return tuple(sorted(out, key=lambda r: (-r[3], r[0], r[1], r[2])))


def _undeclined(
    found: dict[tuple[str, str, str], float], word: str, genders: tuple[str, ...]
) -> None:
    """Raise the reading 'this word, undeclined, in every case' to at least the floor."""
    for case in CASES:
        floor = _LEARNED_BASE + _FOREIGN_NOMINATIVE * _CASE_WEIGHT[case]
        for gender in genders:
            if found.get((word, case, gender), 0.0) < floor:
                found[(word, case, gender)] = floor


@lru_cache(maxsize=65536)
def token_hypotheses(word: str, code: str) -> tuple[tuple[str, str, str, float], ...]:
    """(nominative, case, gender, score) for one capitalised word in language ``code``."""
    names = load_names(code)
    found: dict[tuple[str, str, str], float] = {}
    if word in name_particles():  # 'von', 'de': the same in every case
        return tuple((word, c, g, REAL) for c in CASES for g in ("m", "f"))
    article, _, rest = word.partition("-")
    if rest and article in name_particles():  # 'al-Asada' declines as 'Asada'
        return tuple((f"{article}-{n}", c, g, s) for n, c, g, s in token_hypotheses(rest, code))
    if name_classes(word) & {"imię", "nazwisko"}:
        readings = _proper_readings(word)
        masculine = {lemma for lemma, _c, g in readings if g == "m"}
        local = lexicon_for(code)
        for lemma, case, gender in readings:
            if lemma[:1].isupper():
                # 'John' is also listed as an indeclinable woman's name: the man comes first;
                # between two names, the one spelled in the language's own alphabet ('Maksa'
                # is Maks's before Max's), then the commoner ('Jacka' is Jacek's, not Jack's)
                base = 2.5 if gender == "f" and lemma in masculine else 3.0
                native = 0.05 if not set(lemma.lower()) & names.foreign_letters else 0.0
                found[(lemma, case, gender)] = base + native + 0.01 * local.frequency(lemma.lower())
    for ending in names.endings:  # orthographic rules of the language ('Tony'ego' → 'Tony')
        if word.endswith(ending.form) and len(word) > len(ending.form) + 1:
            nominative = word[: len(word) - len(ending.form)] + ending.nom
            for case in ending.cases:
                found.setdefault((nominative, case, ending.gender), ending.score)
    if any(word.endswith(e) for e in names.indeclinable_endings):
        for case in CASES:
            for gender in ("m", "f"):
                found.setdefault((word, case, gender), 1.0)
        return tuple((n, c, g, s) for (n, c, g), s in found.items())
    learned = learned_readings(word, code)
    for nominative, case, gender, p in learned:
        found.setdefault((nominative, case, gender), _LEARNED_BASE + p * _CASE_WEIGHT[case])
    oblique = any(word.endswith(e) for e in names.oblique_endings)
    if learned and not oblique and word.endswith(names.foreign_nominative_endings):
        # a foreign name in the nominative, as written ('Dżalali', 'Kobachidze', 'Ibadoglu'):
        # SGJP's paradigms make these endings look oblique, running text often does not
        # — and, undeclined, in the other cases too ('obrończyni Boty Jardemalie')
        _undeclined(found, word, ("m", "f"))
    if learned and not oblique and word[-1:].isalpha() and word[-1:].lower() not in _VOWELS:
        # a woman's name ending in a consonant does not decline (Polish grammar): Nurgul,
        # Ajgerim, Kowalczuk are the same in every case
        _undeclined(found, word, ("f",))
    if learned and not oblique:
        # any foreign name may stay undeclined ('Xi Jinpinga', 'Mzii Amaglobeli'): a weak
        # reading in every case, so that the other words of the name decide
        for case in CASES:
            for gender in ("m", "f"):
                found.setdefault((word, case, gender), _LEARNED_BASE + _INDECLINABLE)
    else:  # a language whose name inflection is not modelled: the word as written
        for gender in ("m", "f"):
            found.setdefault((word, "nom", gender), 1.0)
    known = given_names()
    for (nominative, case, gender), score in found.items():
        # a given name of that gender: 'Mansura' is Mansur's genitive; a word that is itself
        # a given name ('Dana', 'Roza') is not read as another one's oblique form ('Dan')
        if word in known and nominative != word:
            continue
        if nominative == word and case != "nom":
            continue  # whether a name stays undeclined is not the gazetteer's to say
        if gender in known.get(nominative, "") and REAL <= score < 3.0:
            found[(nominative, case, gender)] = score + _GIVEN_NAME
    return tuple((n, c, g, s) for (n, c, g), s in found.items())


@lru_cache(maxsize=65536)
def is_given_name(word: str, code: str) -> bool:
    """``word`` is, or declines from, a given name of the gazetteer ('Ursulą' → Ursula)."""
    known = given_names()
    if word in known:
        return True
    return any(n in known and p >= 0.1 for n, _c, _g, p in learned_readings(word, code))


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
                options.append(fits[:3])
            else:
                for combo in product(*options):
                    # names are most often subjects, unless a word ends like an inflected form
                    plausible = case == "nom" and min(s for _, s in combo) >= _PLAUSIBLE
                    prior = NOMINATIVE_PRIOR if plausible else 0.0
                    score = sum(s for _, s in combo) / max(len(tokens), 1) + prior
                    support = min(s for _, s in combo)
                    out.append(Hypothesis(tuple(f for f, _ in combo), case, gender, score, support))
    return out
