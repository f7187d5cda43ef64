"""Pairwise precision and recall of person resolution on a hand-made set of name variants.

The set (``eval/names/variants.json``) lists real people with their spellings in several
languages and scripts, and hard negatives (relatives, namesakes). Every spelling becomes one
record, as if each came from its own document; resolution runs with no curator decisions; two
spellings are predicted the same person when they end in one cluster.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.extract.declension import name_hypotheses
from rightsmonitor.resolve import Record, cluster

__all__ = ["NameEval", "evaluate_names"]


class EvalSetError(RightsMonitorError):
    code = "bad-eval-set"


@dataclass
class NameEval:
    people: int
    names: int
    pairs: int  # gold pairs of spellings of one person
    precision: float
    recall: float
    negatives: int
    negatives_apart: int
    false_merges: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def nominative(name: str, code: str) -> str:
    """An inflected name in the nominative, by the extractor's best declension hypothesis."""
    hypotheses = name_hypotheses(tuple(name.split()), code)
    if not hypotheses:
        return name
    return " ".join(max(hypotheses, key=lambda h: h.score).nominative)


def _load(path: Path) -> tuple[dict[str, str], list[tuple[str, str]], dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        owner = {v["name"]: p["id"] for p in data["people"] for v in p["variants"]}
        inflected = {
            v["name"]: v["lang"]
            for p in data["people"]
            for v in p["variants"]
            if v.get("form") == "inflected"
        }
        negatives = [(n["a"], n["b"]) for n in data.get("hard_negatives", [])]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EvalSetError(f"cannot read the name-variant set: {exc}", source=str(path)) from exc
    return owner, negatives, inflected


def evaluate_names(path: Path) -> NameEval:
    owner, negatives, inflected = _load(path)
    if not owner:
        raise EvalSetError("the name-variant set lists no people", source=str(path))
    for a, b in negatives:  # a name only in a hard negative is a person of its own
        owner.setdefault(a, "only:" + a)
        owner.setdefault(b, "only:" + b)
    names = sorted(owner)
    records = [
        Record(f"v{i}", nominative(name, inflected[name]) if name in inflected else name)
        for i, name in enumerate(names)
    ]
    predicted: dict[str, int] = {}
    for c, keys in enumerate(cluster(records, [], []).clusters):
        for key in keys:
            predicted[names[int(key[1:])]] = c
    tp = fp = fn = 0
    false_merges: list[tuple[str, str]] = []
    missed: list[tuple[str, str]] = []
    for a, b in combinations(names, 2):
        if owner[a].startswith("only:") or owner[b].startswith("only:"):
            continue  # a name only in a hard negative: clustered, judged by the negatives
        gold, pred = owner[a] == owner[b], predicted[a] == predicted[b]
        tp += gold and pred
        if pred and not gold:
            fp += 1
            false_merges.append((a, b))
        elif gold and not pred:
            fn += 1
            missed.append((a, b))
    apart = sum(1 for a, b in negatives if predicted[a] != predicted[b])
    return NameEval(
        people=len({o for o in owner.values() if not o.startswith("only:")}),
        names=len(names),
        pairs=tp + fn,
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        negatives=len(negatives),
        negatives_apart=apart,
        false_merges=false_merges,
        missed=missed,
    )
