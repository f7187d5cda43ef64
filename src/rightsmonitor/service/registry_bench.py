"""Scale benchmark of person resolution on synthetic mentions.

Persons are built from real Russian and Kazakh name parts in Cyrillic; each mention writes its
person in one of the conventions the EU languages use (Polish, English, German, French, or the
Cyrillic original), and mentions are grouped into documents as the extractor would give them
(one record per document and person). The clustering is then timed, and its pairwise
precision and recall against the generator's truth are reported with the time.
"""

from __future__ import annotations

import random
import resource
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from math import comb

from rightsmonitor.resolve import Record, cluster

__all__ = [
    "BenchRow",
    "registry_benchmark",
    "synthetic_names",
    "synthetic_records",
    "write_name",
]

# real given names in Cyrillic, with the gender that chooses the surname's form
_GIVEN_GENDER = (
    ("Алмат", "m"),
    ("Асет", "m"),
    ("Айдос", "m"),
    ("Арман", "m"),
    ("Бауыржан", "m"),
    ("Болат", "m"),
    ("Габит", "m"),
    ("Даниияр", "m"),
    ("Дарын", "m"),
    ("Ерлан", "m"),
    ("Ержан", "m"),
    ("Жанболат", "m"),
    ("Жанна", "f"),
    ("Кенжебек", "m"),
    ("Максат", "m"),
    ("Марат", "m"),
    ("Нурлан", "m"),
    ("Олжас", "m"),
    ("Руслан", "m"),
    ("Сериккали", "m"),
    ("Талгат", "m"),
    ("Тимур", "m"),
    ("Улан", "m"),
    ("Шынгыс", "m"),
    ("Ырыс", "m"),
    ("Айгерим", "f"),
    ("Асель", "f"),
    ("Гульнара", "f"),
    ("Динара", "f"),
    ("Макпал", "f"),
    ("Сауле", "f"),
    ("Алексей", "m"),
    ("Андрей", "m"),
    ("Антон", "m"),
    ("Виктор", "m"),
    ("Владимир", "m"),
    ("Дмитрий", "m"),
    ("Евгений", "m"),
    ("Игорь", "m"),
    ("Илья", "m"),
    ("Кирилл", "m"),
    ("Леонид", "m"),
    ("Максим", "m"),
    ("Михаил", "m"),
    ("Николай", "m"),
    ("Олег", "m"),
    ("Павел", "m"),
    ("Сергей", "m"),
    ("Юрий", "m"),
    ("Ярослав", "m"),
    ("Анна", "f"),
    ("Валентина", "f"),
    ("Елена", "f"),
    ("Ирина", "f"),
    ("Людмила", "f"),
    ("Мария", "f"),
    ("Наталья", "f"),
    ("Ольга", "f"),
    ("Светлана", "f"),
    ("Татьяна", "f"),
    ("Юлия", "f"),
    ("Марфа", "f"),
)
_GIVEN = [g for g, _gender in _GIVEN_GENDER]
_FEMALE = frozenset(g for g, gender in _GIVEN_GENDER if gender == "f")
_ROOTS = [
    "Абиш",
    "Агадил",
    "Ахмет",
    "Байжан",
    "Бекмухамб",
    "Досжан",
    "Ержан",
    "Жумагул",
    "Жакуп",
    "Жаксылык",
    "Исмаил",
    "Карим",
    "Кенжеб",
    "Мамай",
    "Мукаш",
    "Нурмаганб",
    "Оспан",
    "Сагынд",
    "Сарсенб",
    "Султанб",
    "Тажиб",
    "Токтар",
    "Хасен",
    "Чинг",
    "Шалабай",
    "Шаймерден",
    "Юсуп",
    "Ясауыл",
    "Белоус",
    "Волк",
    "Григорь",
    "Жуков",
    "Захар",
    "Иван",
    "Козл",
    "Кузнец",
    "Лебед",
    "Медвед",
    "Морозов",
    "Навальн",
    "Орл",
    "Петр",
    "Попов",
    "Рябц",
    "Смирн",
    "Соколов",
    "Тихан",
    "Федор",
    "Хабар",
    "Царьк",
    "Чернов",
    "Шевчук",
    "Щербак",
    "Юдин",
    "Яковл",
    "Бялацк",
    "Статкевич",
    "Лесков",
    "Марков",
    "Мельник",
    "Никитин",
    "Осипов",
    "Павлюк",
    "Романов",
    "Сидор",
    "Тарасов",
    "Ульянов",
    "Фролов",
    "Харитон",
    "Цветков",
    "Чижов",
    "Шилов",
    "Щукин",
    "Эльдар",
    "Юрьев",
]
# one surname form per root (as in life), with its feminine form
_SUFFIXES = (
    ("ов", "ова"),
    ("ев", "ева"),
    ("ин", "ина"),
    ("улы", "кызы"),
    ("енко", "енко"),
    ("ский", "ская"),
    ("бек", "бек"),
)

_CONVENTIONS: dict[str, dict[str, str]] = {
    "pl": dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
            [
                "a",
                "b",
                "w",
                "g",
                "d",
                "e",
                "jo",
                "ż",
                "z",
                "i",
                "j",
                "k",
                "ł",
                "m",
                "n",
                "o",
                "p",
                "r",
                "s",
                "t",
                "u",
                "f",
                "ch",
                "c",
                "cz",
                "sz",
                "szcz",
                "",
                "y",
                "",
                "e",
                "ju",
                "ja",
                "a",
                "g",
                "k",
                "n",
                "o",
                "u",
                "u",
                "h",
                "i",
            ],
            strict=True,
        )
    ),
    "en": dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
            [
                "a",
                "b",
                "v",
                "g",
                "d",
                "e",
                "yo",
                "zh",
                "z",
                "i",
                "y",
                "k",
                "l",
                "m",
                "n",
                "o",
                "p",
                "r",
                "s",
                "t",
                "u",
                "f",
                "kh",
                "ts",
                "ch",
                "sh",
                "shch",
                "",
                "y",
                "",
                "e",
                "yu",
                "ya",
                "a",
                "g",
                "k",
                "n",
                "o",
                "u",
                "u",
                "h",
                "i",
            ],
            strict=True,
        )
    ),
    "de": dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
            [
                "a",
                "b",
                "w",
                "g",
                "d",
                "e",
                "jo",
                "sch",
                "s",
                "i",
                "j",
                "k",
                "l",
                "m",
                "n",
                "o",
                "p",
                "r",
                "s",
                "t",
                "u",
                "f",
                "ch",
                "z",
                "tsch",
                "sch",
                "schtsch",
                "",
                "y",
                "",
                "e",
                "ju",
                "ja",
                "ä",
                "g",
                "k",
                "n",
                "ö",
                "u",
                "ü",
                "h",
                "i",
            ],
            strict=True,
        )
    ),
    "fr": dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
            [
                "a",
                "b",
                "v",
                "g",
                "d",
                "e",
                "io",
                "j",
                "z",
                "i",
                "ï",
                "k",
                "l",
                "m",
                "n",
                "o",
                "p",
                "r",
                "s",
                "t",
                "ou",
                "f",
                "kh",
                "ts",
                "tch",
                "ch",
                "chtch",
                "",
                "y",
                "",
                "e",
                "iou",
                "ia",
                "a",
                "g",
                "k",
                "n",
                "o",
                "ou",
                "u",
                "h",
                "i",
            ],
            strict=True,
        )
    ),
}


def write_name(name: str, convention: str) -> str:
    """A Cyrillic name as one EU language's convention writes it ('ru': unchanged)."""
    if convention == "ru":
        return name
    table = _CONVENTIONS[convention]
    out = "".join(table.get(ch.lower(), ch.lower()) for ch in name)
    return " ".join(w[:1].upper() + w[1:] for w in out.split(" "))


def synthetic_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct Cyrillic names of realistic persons, in random order."""
    pool = []
    for i, root in enumerate(_ROOTS):
        for j in range(2):  # two surnames per root: 'Жумагулов' and 'Жумагулбек'
            male, female = _SUFFIXES[(i * 3 + j * 5) % len(_SUFFIXES)]
            for g in _GIVEN:
                pool.append(f"{g} {root}{female if g in _FEMALE else male}")
    rng.shuffle(pool)
    return pool[:count]


def synthetic_records(
    mentions: int, seed: int = 7, per_document: int = 40
) -> tuple[list[Record], dict[str, int]]:
    """Records (one per document and person) for ``mentions`` mentions, and their truth."""
    rng = random.Random(seed)
    persons = synthetic_names(rng, max(50, min(40_000, mentions // 25)))
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(persons))]  # a few are famous
    conventions = ("pl", "en", "de", "fr", "ru")
    records: list[Record] = []
    truth: dict[str, int] = {}
    done = 0
    doc = 0
    while done < mentions:
        n = min(per_document, mentions - done)
        convention = conventions[doc % len(conventions)]
        chosen = Counter(rng.choices(range(len(persons)), weights, k=n))
        for person in chosen:
            key = f"d{doc}/p{person}"
            records.append(Record(key, write_name(persons[person], convention)))
            truth[key] = person
        done += n
        doc += 1
    return records, truth


@dataclass(frozen=True)
class BenchRow:
    mentions: int
    records: int
    names: int
    entities: int
    true_persons: int
    seconds: float
    peak_mb: float
    precision: float
    recall: float


def _pairwise(clusters: list[list[str]], truth: dict[str, int]) -> tuple[float, float]:
    together = sum(comb(len(c), 2) for c in clusters)
    gold = sum(comb(n, 2) for n in Counter(truth.values()).values())
    correct = sum(comb(n, 2) for c in clusters for n in Counter(truth[k] for k in c).values())
    return (correct / together if together else 1.0), (correct / gold if gold else 1.0)


def registry_benchmark(sizes: Iterable[int], seed: int = 7) -> list[BenchRow]:
    rows: list[BenchRow] = []
    for size in sizes:
        records, truth = synthetic_records(size, seed)
        start = time.perf_counter()
        result = cluster(records, [], [])
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        precision, recall = _pairwise(result.clusters, truth)
        rows.append(
            BenchRow(
                size,
                len(records),
                len({r.name for r in records}),
                len(result.clusters),
                len(set(truth.values())),
                seconds,
                peak,
                precision,
                recall,
            )
        )
    return rows
