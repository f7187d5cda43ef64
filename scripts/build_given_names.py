"""Build the personal-name gazetteer from Faker's per-locale person data (MIT licence).

Faker (https://github.com/joke2k/faker) keeps, for each of its ~80 locales, the given names
people there are commonly called, as men's and women's lists, and its family names. This
script reads every locale's lists, keeps the names written in the Latin alphabet (the texts
rightsmonitor reads are Polish and English; Cyrillic and other scripts reach them
transliterated, which the learned declension and the registry's skeletons handle), and writes

    src/rightsmonitor/lang/given_name_list.tsv      name<TAB>kinds

where kinds holds m (a man's given name), f (a woman's) and s (a family name).

Data only: no entry is written by hand and none comes from a corpus document. Faker is a
build-time dependency (``pip install faker``), not a runtime one.

    .venv/bin/python scripts/build_given_names.py
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from collections import defaultdict
from pathlib import Path

import faker.providers.person as person
from wordfreq import zipf_frequency

COMMON = 4.0  # zipf frequency of an everyday English word
OUT = Path(__file__).resolve().parent.parent / "src/rightsmonitor/lang/given_name_list.tsv"


def _latin(name: str) -> bool:
    return all(
        ch in " -'’" or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in name
    )


def _names(provider: type, attr: str) -> list[str]:
    value = getattr(provider, attr, ())
    return [str(v) for v in (value.keys() if isinstance(value, dict) else value)]


def main() -> None:
    genders: dict[str, set[str]] = defaultdict(set)
    lists: dict[str, set[int]] = defaultdict(set)  # name → the distinct lists that have it
    for info in sorted(pkgutil.iter_modules(person.__path__), key=lambda i: i.name):
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        for attr, gender in (
            ("first_names_male", "m"),
            ("first_names_female", "f"),
            ("last_names", "s"),
            ("last_names_male", "s"),
            ("last_names_female", "s"),
        ):
            source = getattr(provider, attr, ())
            for name in _names(provider, attr):
                name = name.strip()
                if len(name) >= 2 and " " not in name and _latin(name) and name[:1].isupper():
                    genders[name].add(gender)
                    lists[name].add(id(source))
    # US census lists hold rare given names that are everyday English words ('Council',
    # 'Lawyer'): such a name is kept only when more than one locale's list has it ('Grace')
    for name in list(genders):
        if zipf_frequency(name.lower(), "en") >= COMMON and len(lists[name]) < 2:
            del genders[name]
    lines = [f"{n}\t{''.join(sorted(g))}" for n, g in sorted(genders.items())]
    OUT.write_text(
        "# Personal names by Faker's locales (MIT licence), scripts/build_given_names.py\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} names → {OUT}")


if __name__ == "__main__":
    main()
