"""Development check of Polish name nominatives on PolEval 2019 task 2 (../shared/corpus).

PolEval 2019 task 2 gives 22,177 phrases from KPWr documents with their lemmas, without the
sentence around them. This script keeps the phrases that look like a person's name (two or
three capitalised words, the first a given name by morfeusz2 or the gazetteer), reads each
one as a sentence of its own (so no word before it governs its case: a hard test, the
prior that names are subjects decides), and compares the nominative the persons extractor
gives with the gold lemma (case-insensitive, spaces normalised). It reports the accuracy over
all such phrases and over the inflected ones (phrase ≠ lemma). Development data, not
set-aside: the declension model was not trained on it, but rules may be tuned against it.

    .venv/bin/python eval/poleval_names.py [--errors N]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rightsmonitor.extract.declension import is_given_name
from rightsmonitor.extract.persons import extract_persons
from rightsmonitor.model import Unit
from rightsmonitor.nlp.morph import name_classes

CORPUS = Path(
    os.environ.get(
        "RIGHTSMONITOR_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared/corpus"
    )
)
INDEX = CORPUS / "polish-names/poleval2019-lemmas/index.tsv"


def person_like(phrase: str) -> bool:
    words = phrase.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if not all(w.replace("-", "").isalpha() for w in words):
        return False
    return "imię" in name_classes(words[0]) or is_given_name(words[0], "pl")


def nominative(phrase: str) -> str | None:
    unit = Unit("p1", "paragraph", "1", f"Wspomniano {phrase} wczoraj.", 0, 0)
    found = extract_persons([unit], "pl").persons
    return found[0].name if len(found) == 1 else None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="print this many errors")
    args = ap.parse_args()
    if not INDEX.exists():
        print(
            f"error: PolEval 2019 lemmas not found at {INDEX} "
            "(set RIGHTSMONITOR_CORPUS to the corpus folder)",
            file=sys.stderr,
        )
        return 2
    rows = [line.split("\t") for line in INDEX.read_text(encoding="utf-8").splitlines()]
    seen: set[str] = set()
    total = right = inflected = inflected_right = missed = 0
    errors: list[str] = []
    for row in rows:
        if len(row) < 4 or row[2] in seen or not person_like(row[2]):
            continue
        seen.add(row[2])
        phrase, lemma = row[2], " ".join(row[3].split())
        ours = nominative(phrase)
        total += 1
        ok = ours is not None and ours.lower() == lemma.lower()
        right += ok
        missed += ours is None
        if phrase != lemma:
            inflected += 1
            inflected_right += ok
        if not ok and len(errors) < args.errors:
            errors.append(f"{phrase!r}: ours {ours!r}, gold {lemma!r}")
    print("\n".join(errors))
    print(
        f"PolEval 2019 person-like phrases: {total}; right nominative {right / total:.3f}"
        f" ({right}/{total}); inflected {inflected}: right {inflected_right / inflected:.3f}"
        f" ({inflected_right}/{inflected}); not read as one person: {missed}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
