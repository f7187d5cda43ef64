"""Learn how Polish declines names, from the SGJP paradigms morfeusz2 carries.

Every given name and surname SGJP knows (found by asking morfeusz2 about each word of
wordfreq's word lists, capitalised) is generated in all its singular forms. Each form gives a
rule 'strip this ending, add that one; the form is case C, gender G' (``Siewiarynca`` would
give strip 'ca', add 'iec', gen, m). Rules are counted under every ending of the form from the
stripped part up to ``MAX_CONTEXT`` letters, so a name SGJP does not know is declined by
analogy with the names that end like it (the longest known ending with enough support).

The output, ``src/rightsmonitor/lang/pl/name_inflection.tsv``, is data: one line per ending,
``ending<TAB>count<TAB>rule count;rule count…`` where a rule is ``strip|add|case|gender``.
Endings whose distribution says nothing new over their shorter parent are pruned.

Deterministic (sorted inputs, no randomness); the lemmas whose sha1 falls in the last tenth
are held out, and ``--check`` reports the model's top-1 nominative on their forms.

    .venv/bin/python scripts/train_pl_inflection.py [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

import morfeusz2
from wordfreq import iter_wordlist

OUT = Path(__file__).resolve().parent.parent / "src/rightsmonitor/lang/pl/name_inflection.tsv"
MAX_CONTEXT = 6  # letters of context beyond the stripped part, at most
MIN_KEEP = 2  # an ending seen fewer times than this is not stored
# wordfreq lists whose capitalised words are asked of morfeusz2 (SGJP's names of every origin)
SOURCES = ("pl", "en", "de", "fr", "es", "it", "pt", "nl", "cs", "fi", "sv")
CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
NAME_CLASSES = {"imię", "nazwisko"}

Rule = tuple[str, str, str, str]  # strip, add, case, gender


def name_lemmas(morf: morfeusz2.Morfeusz) -> list[str]:
    words: set[str] = set()
    for lang in SOURCES:
        for word in iter_wordlist(lang, "best"):
            if word.isalpha() and len(word) >= 2:
                words.add(word[:1].upper() + word[1:])
    lemmas: set[str] = set()
    for word in sorted(words):
        for _s, _e, (_orth, lemma, _tag, names, _q) in morf.analyse(word):
            base = lemma.split(":")[0]
            if names and set(names) & NAME_CLASSES and base[:1].isupper() and base.isalpha():
                lemmas.add(base)
    return sorted(lemmas)


def personal_nouns(morf: morfeusz2.Morfeusz) -> list[str]:
    """Polish masculine personal nouns ('mieszkaniec', 'dziadek'): surnames decline like them,
    and they teach the mobile vowels that SGJP's surname list alone shows too rarely."""
    lemmas: set[str] = set()
    for word in iter_wordlist("pl", "best"):
        if not word.isalpha() or len(word) < 4:
            continue
        for _s, _e, (_orth, lemma, tag, _n, _q) in morf.analyse(word):
            parts = tag.split(":")
            if parts[0] == "subst" and parts[-1] == "m1" and lemma.split(":")[0].islower():
                lemmas.add(lemma.split(":")[0])
    return sorted(lemmas)


def paradigm(
    morf: morfeusz2.Morfeusz, lemma: str, common: bool = False
) -> list[tuple[str, str, str, str]]:
    """(form, nominative, case, gender) for the singular of ``lemma`` as a name (``common``:
    a personal noun, capitalised as if it were a surname)."""
    forms: dict[str, list[tuple[str, str]]] = defaultdict(list)  # gender -> [(form, case)]
    nominative: dict[str, str] = {}
    for orth, _l, tag, names, _q in morf.generate(lemma):
        parts = tag.split(":")
        if parts[0] != "subst" or parts[1] != "sg":
            continue
        if common:
            if not lemma.islower() or "m1" not in parts[3].split("."):
                continue
            orth, parts[3] = orth[:1].upper() + orth[1:], "m1"
        elif not set(names) & NAME_CLASSES:
            continue
        gender = "f" if parts[3] == "f" else "m" if parts[3] == "m1" else ""
        if not gender or parts[2] not in CASES:
            continue
        forms[gender].append((orth, parts[2]))
        if parts[2] == "nom":
            nominative.setdefault(gender, orth)
    out = []
    for gender, items in forms.items():
        nom = nominative.get(gender)
        if nom:
            out.extend((form, nom, case, gender) for form, case in items)
    return out


# Polish grammar: the wife's or daughter's form of a surname in -ow, -ew, -in, -yn (Russian,
# Bulgarian, Central Asian: Iwanow → Iwanowa) declines like an adjective; SGJP lists few of
# them, so they are generated from its masculine surnames.
FEMININE_OF = ("ow", "ew", "in", "yn")
FEMININE_CASES = (
    ("nom", "a"),
    ("gen", "ej"),
    ("dat", "ej"),
    ("acc", "ą"),
    ("inst", "ą"),
    ("loc", "ej"),
    ("voc", "o"),
)


def feminine_forms(
    morf: morfeusz2.Morfeusz, lemma: str, pairs: list[tuple[str, str, str, str]]
) -> list[tuple[str, str, str, str]]:
    """The feminine paradigm of a masculine surname in -ow/-ew/-in/-yn (Iwanow → Iwanowa,
    Iwanowej, Iwanową), when SGJP knows ``lemma`` as a surname."""
    if not lemma.endswith(FEMININE_OF) or not any(
        n == lemma and g == "m" for _f, n, _c, g in pairs
    ):
        return []
    surname = any(
        "nazwisko" in (names or []) for _s, _e, (_o, _l, _t, names, _q) in morf.analyse(lemma)
    )
    if not surname:
        return []
    return [(lemma + end, lemma + "a", case, "f") for case, end in FEMININE_CASES]


def rule_of(form: str, nominative: str, case: str, gender: str) -> Rule:
    p = 0
    while p < min(len(form), len(nominative)) and form[p] == nominative[p]:
        p += 1
    return form[p:], nominative[p:], case, gender


def count(pairs: set[tuple[str, str, str, str]]) -> dict[str, Counter[Rule]]:
    table: dict[str, Counter[Rule]] = defaultdict(Counter)
    for form, nom, case, gender in sorted(pairs):
        rule = rule_of(form, nom, case, gender)
        low = form.lower()
        shortest = max(1, len(rule[0]))
        for n in range(shortest, min(len(low), len(rule[0]) + MAX_CONTEXT) + 1):
            table[low[-n:]][rule] += 1
    return table


def _distribution(c: Counter[Rule]) -> dict[Rule, float]:
    total = sum(c.values())
    return {r: v / total for r, v in c.items()}


def prune(table: dict[str, Counter[Rule]]) -> dict[str, Counter[Rule]]:
    kept: dict[str, Counter[Rule]] = {}
    for ending in sorted(table, key=len):
        c = table[ending]
        if sum(c.values()) < MIN_KEEP and len(ending) > 1:
            continue
        parent = next((ending[i:] for i in range(1, len(ending)) if ending[i:] in kept), None)
        if parent is not None:
            mine, theirs = _distribution(c), _distribution(kept[parent])
            shift = sum(abs(mine.get(r, 0.0) - theirs.get(r, 0.0)) for r in set(mine) | set(theirs))
            if shift < 0.1:
                continue
        kept[ending] = Counter(
            {r: v for r, v in c.items() if v / sum(c.values()) >= 0.01 or v >= 3}
        )
    return kept


def held_out(lemma: str) -> bool:
    return hashlib.sha1(lemma.encode()).digest()[0] >= 230


def write(table: dict[str, Counter[Rule]], path: Path) -> None:
    lines = [
        "# Learned by scripts/train_pl_inflection.py from SGJP (morfeusz2) name paradigms.",
        "# ending<TAB>count<TAB>strip|add|case|gender count;…  Regenerate, do not edit.",
    ]
    for ending in sorted(table):
        c = table[ending]
        rules = ";".join(f"{s}|{a}|{k}|{g} {v}" for (s, a, k, g), v in sorted(c.items()))
        lines.append(f"{ending}\t{sum(c.values())}\t{rules}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def best(table: dict[str, Counter[Rule]], word: str, case: str | None = None) -> str | None:
    low = word.lower()
    for n in range(min(len(low), MAX_CONTEXT + 4), 0, -1):
        c = table.get(low[-n:])
        if c is None:
            continue
        rules = [(v, r) for r, v in c.items() if case is None or r[2] == case]
        if rules:
            _v, (strip, add, _c, _g) = max(rules)
            return word[: len(word) - len(strip)] + add
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--check", action="store_true", help="train on 90%, report on held-out 10%")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    morf = morfeusz2.Morfeusz(expand_tags=True)
    lemmas = name_lemmas(morf)
    train: set[tuple[str, str, str, str]] = set()
    test: list[tuple[str, str, str, str]] = []
    for lemma in lemmas:
        pairs = paradigm(morf, lemma)
        pairs += feminine_forms(morf, lemma, pairs)
        if args.check and held_out(lemma):
            test.extend(pairs)
        else:
            train.update(pairs)
    nouns = personal_nouns(morf)
    for noun in nouns:
        train.update(paradigm(morf, noun, common=True))
    table = prune(count(train))
    print(
        f"{len(nouns)} personal nouns, {len(lemmas)} name lemmas, "
        f"{len(train)} training forms, {len(table)} endings kept"
    )
    if args.check:
        oblique = [t for t in test if t[0] != t[1]]
        for label, items, with_case in (
            ("all held-out forms, case unknown", test, False),
            ("inflected held-out forms, case unknown", oblique, False),
            ("inflected held-out forms, case known", oblique, True),
        ):
            ok = sum(best(table, f, c if with_case else None) == n for f, n, c, _g in items)
            print(f"{label}: top-1 nominative {ok / max(len(items), 1):.3f} ({ok}/{len(items)})")
        return 0
    write(table, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
