"""L0 language data: per-language folders of TOML data files, loaded into typed records.

Adding a language is a folder ``lang/<code>/`` with ``structure.toml`` (and optionally
``verbs.toml``); no algorithm changes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_DATE_FORMAT",
    "Ending",
    "InflectionRule",
    "InflectionTable",
    "LanguageData",
    "NameData",
    "Verb",
    "available_languages",
    "family_names",
    "given_names",
    "load_data",
    "load_inflection",
    "load_language",
    "load_names",
    "name_particles",
]

_ROOT = Path(__file__).parent
# Day, month in words, year: '11 lutego 2021', '11. Februar 2021', '11 de febrero de 2021'.
DEFAULT_DATE_FORMAT = r"\b(?P<day>\d{1,2})\.?\s+(?P<month>{month})\.?\s+(?P<year>\d{4})\b"


@dataclass(frozen=True)
class Verb:
    phrase: str
    verb: str
    stance: str
    addressee: str  # grammatical case or "obj"; "" when no addressee follows


@dataclass(frozen=True, eq=False)  # one instance per language: hashed by identity
class LanguageData:
    code: str
    name: str
    stopwords: tuple[str, ...]
    preamble: tuple[str, ...]
    citation: tuple[str, ...]
    recital: tuple[str, ...]
    addressee_end: tuple[str, ...]
    addressee_join: tuple[str, ...]
    intensifiers: tuple[str, ...]
    months: tuple[tuple[str, ...], ...]
    furniture: tuple[re.Pattern[str], ...]
    title_date_prefix: tuple[str, ...]
    title_drop: tuple[re.Pattern[str], ...]
    recital_labels: tuple[str, ...]  # empty: Latin A, B, … Z, AA, AB …
    date_formats: tuple[str, ...]  # regexes with {month} and groups day, month, year
    determiners: tuple[str, ...]  # articles that may open an addressee ('the', 'la', 'die')
    doc_types: tuple[tuple[str, tuple[str, ...]], ...]
    verbs: tuple[Verb, ...]

    def recital_label(self, n: int) -> str:
        """The n-th recital label (0-based): 'A' … 'Z', 'AA', 'AB' … or the language's own."""
        letters = self.recital_labels or tuple(chr(ord("A") + i) for i in range(26))
        if n < len(letters):
            return letters[n]
        n -= len(letters)
        return letters[n // len(letters) % len(letters)] + letters[n % len(letters)]

    def month_number(self, word: str) -> int | None:
        low = word.lower().rstrip(".")
        for number, forms in enumerate(self.months, start=1):
            if low in (f.lower() for f in forms):
                return number
        return None


def _strings(data: dict[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return tuple(value)


def _parse(code: str, data: dict[str, object], verbs: list[dict[str, str]]) -> LanguageData:
    months_raw = data.get("months", [])
    if not isinstance(months_raw, list) or len(months_raw) != 12:
        raise ValueError(f"lang/{code}: months must list 12 entries")
    doc_types_raw = data.get("doc_types", {})
    if not isinstance(doc_types_raw, dict):
        raise ValueError(f"lang/{code}: doc_types must be a table")
    ordered_verbs = sorted(verbs, key=lambda v: -len(v["phrase"]))
    return LanguageData(
        code=code,
        name=str(data.get("name", code)),
        stopwords=_strings(data, "stopwords"),
        preamble=_strings(data, "preamble"),
        citation=tuple(sorted(_strings(data, "citation"), key=len, reverse=True)),
        recital=tuple(sorted(_strings(data, "recital"), key=len, reverse=True)),
        addressee_end=_strings(data, "addressee_end"),
        addressee_join=_strings(data, "addressee_join"),
        intensifiers=tuple(sorted(_strings(data, "intensifiers"), key=len, reverse=True)),
        months=tuple(tuple(m) for m in months_raw),
        furniture=tuple(re.compile(p) for p in _strings(data, "furniture")),
        title_date_prefix=_strings(data, "title_date_prefix"),
        title_drop=tuple(re.compile(p, re.IGNORECASE) for p in _strings(data, "title_drop")),
        recital_labels=_strings(data, "recital_labels"),
        date_formats=_strings(data, "date_formats") or (DEFAULT_DATE_FORMAT,),
        determiners=_strings(data, "determiners"),
        doc_types=tuple((k, tuple(v)) for k, v in doc_types_raw.items()),
        verbs=tuple(
            Verb(v["phrase"], v["verb"], v["stance"], v.get("addressee", "")) for v in ordered_verbs
        ),
    )


@cache
def load_language(code: str) -> LanguageData:
    """Load ``lang/<code>/``; raises ``KeyError`` for an unknown language."""
    folder = _ROOT / code
    structure = folder / "structure.toml"
    if not structure.is_file():
        raise KeyError(code)
    with structure.open("rb") as fh:
        data = tomllib.load(fh)
    verbs: list[dict[str, str]] = []
    verbs_file = folder / "verbs.toml"
    if verbs_file.is_file():
        with verbs_file.open("rb") as fh:
            verbs = list(tomllib.load(fh).get("verb", []))
    return _parse(code, data, verbs)


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in _ROOT.iterdir() if (p / "structure.toml").is_file()))


@dataclass(frozen=True)
class Ending:
    form: str
    nom: str
    cases: tuple[str, ...]
    gender: str
    after_consonant: bool = False
    after_hard: bool = False  # not after l, j, i, k, g (they soften: 'Jardemalie' is not -a + -ie)
    score: float = 2.0  # how much a match counts (a mobile e, 'Abaibkowi' → 'Abaibek', is rarer)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one instance per language
class NameData:
    endings: tuple[Ending, ...]
    indeclinable_endings: tuple[str, ...]
    oblique_endings: tuple[str, ...]
    foreign_nominative_endings: tuple[str, ...]
    surname_shapes: tuple[re.Pattern[str], ...]
    person_cues: dict[str, str]
    org_cues: dict[str, str]
    list_markers: tuple[str, ...]
    feminine_surname_endings: tuple[str, ...] = ()
    masculine_surname_endings: tuple[str, ...] = ()
    org_heads: frozenset[str] = frozenset()
    org_head_types: tuple[tuple[str, str], ...] = ()
    place_cues: frozenset[str] = frozenset()
    eponym_cues: frozenset[str] = frozenset()
    done_to_verbs: frozenset[str] = frozenset()
    time_nouns: frozenset[str] = frozenset()
    not_person_words: frozenset[str] = frozenset()
    foreign_letters: frozenset[str] = frozenset()


@cache
def _personal_names() -> dict[str, str]:
    """Names of many countries → kinds: 'm'/'f' a man's/woman's given name, 's' a family
    name; built from Faker's locale data by ``scripts/build_given_names.py``."""
    out: dict[str, str] = {}
    with (_ROOT / "given_name_list.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            name, kinds = line.rstrip("\n").split("\t")
            out[name] = kinds
    return out


@cache
def given_names() -> dict[str, str]:
    """Given names of many countries → their genders ('m', 'f' or 'fm')."""
    return {n: k.replace("s", "") for n, k in _personal_names().items() if k.replace("s", "")}


@cache
def family_names() -> frozenset[str]:
    """Family names of many countries ('Nowak', 'Smith', 'Yılmaz')."""
    return frozenset(n for n, k in _personal_names().items() if "s" in k)


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside personal names ('von der', 'de', 'bin'), ``lang/particles.toml``."""
    with (_ROOT / "particles.toml").open("rb") as fh:
        return frozenset(_strings(tomllib.load(fh), "particles"))


@cache
def load_data(code: str, name: str) -> dict[str, Any]:
    """A data file ``lang/<code>/<name>.toml`` as a dict (empty when the file is absent)."""
    path = _ROOT / code / f"{name}.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _tables(data: dict[str, object], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{key} must be an array of tables")
    return value


@cache
def load_names(code: str) -> NameData:
    data = load_data(code, "names")
    endings = sorted(
        (
            Ending(
                e["form"],
                e["nom"],
                tuple(e["cases"]),
                e["gender"],
                e.get("after_consonant", False),
                e.get("after_hard", False),
                e.get("score", 2.0),
            )
            for e in _tables(data, "endings")
        ),
        key=lambda e: -len(e.form),
    )
    return NameData(
        endings=tuple(endings),
        indeclinable_endings=_strings(data, "indeclinable_endings"),
        oblique_endings=_strings(data, "oblique_endings"),
        foreign_nominative_endings=_strings(data, "foreign_nominative_endings"),
        surname_shapes=tuple(
            re.compile(p, re.IGNORECASE) for p in _strings(data, "surname_shapes")
        ),
        person_cues=dict(data.get("person_cues", {})),
        org_cues=dict(data.get("org_cues", {})),
        list_markers=_strings(data, "list_markers"),
        feminine_surname_endings=_strings(data, "feminine_surname_endings"),
        masculine_surname_endings=_strings(data, "masculine_surname_endings"),
        org_heads=frozenset(_strings(data, "org_heads")),
        place_cues=frozenset(_strings(data, "place_cues")),
        eponym_cues=frozenset(_strings(data, "eponym_cues")),
        done_to_verbs=frozenset(_strings(data, "done_to_verbs")),
        time_nouns=frozenset(_strings(data, "time_nouns")),
        not_person_words=frozenset(_strings(data, "not_person_words")),
        foreign_letters=frozenset("".join(_strings(data, "foreign_letters"))),
        org_head_types=tuple(dict(data.get("org_head_types", {})).items()),
    )


InflectionRule = tuple[str, str, str, str, int]  # strip, add, case, gender, count


@dataclass(frozen=True, eq=False)  # one instance per language: hashed by identity
class InflectionTable:
    """How the language declines names, learned from a dictionary's paradigms
    (``scripts/train_pl_inflection.py``): for a word ending, the rules 'strip, add, case,
    gender' seen on the names that end so, with their counts."""

    endings: dict[str, tuple[int, tuple[InflectionRule, ...]]]
    longest: int


class _Endings(dict[str, tuple[int, tuple[InflectionRule, ...]]]):
    """The table's endings, each parsed from its TSV line on first look-up: a document asks
    for a few hundred of the 40,000 endings, so start-up does not parse them all (issue #12)."""

    def __init__(self, raw: dict[str, str]) -> None:
        super().__init__()
        self._raw = raw

    def __contains__(self, ending: object) -> bool:
        return ending in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __getitem__(self, ending: str) -> tuple[int, tuple[InflectionRule, ...]]:
        if not super().__contains__(ending):
            total, packed = self._raw[ending].split("\t")  # KeyError when unknown, as a dict
            rules = []
            for item in packed.split(";"):
                rule, count = item.rsplit(" ", 1)
                strip, add, case, gender = rule.split("|")
                rules.append((strip, add, case, gender, int(count)))
            super().__setitem__(ending, (int(total), tuple(rules)))
        return super().__getitem__(ending)

    def get(  # type: ignore[override]  # dict.get's overloads; this one is all callers use
        self, ending: str, default: tuple[int, tuple[InflectionRule, ...]] | None = None
    ) -> tuple[int, tuple[InflectionRule, ...]] | None:
        return self[ending] if ending in self._raw else default


@cache
def load_inflection(code: str) -> InflectionTable | None:
    """``lang/<code>/name_inflection.tsv``, or None for a language without one."""
    path = _ROOT / code / "name_inflection.tsv"
    if not path.is_file():
        return None
    raw: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        ending, rest = line.split("\t", 1)
        raw[ending] = rest
    return InflectionTable(_Endings(raw), max(map(len, raw), default=0))
