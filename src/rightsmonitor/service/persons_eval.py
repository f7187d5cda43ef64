"""Person extraction scored as users feel it: entities, merges and splits, nominatives.

Gold files (``eval/persons/<split>/*.json`` beside their ``.txt``) list each person's
nominative and every mention's surface, in order. Gold spans are found in the text (longer
surfaces claim their characters first, so 'Poczobuta' inside 'Andrzeja Poczobuta' is not a
second mention). The system's mentions are mapped back to the same text.

- **Mentions**: a system mention matches the gold mention it overlaps (one to one).
- **Entities**: system persons are matched one to one to gold persons, greedily by the number
  of mentions they share; precision = matched / system persons, recall = matched / gold.
- **Clusters**: B-cubed precision and recall over the matched mentions, and the count of
  *merges* (a system person holding mentions of two gold persons — the worst error: one
  record for two people) and *splits* (a gold person spread over several system persons).
- **Nominative**: among matched persons, the share whose name is the gold nominative.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rightsmonitor.extract import extract_document
from rightsmonitor.service.documents import parse_file

__all__ = ["PersonScore", "evaluate_persons", "gold_spans"]

Span = tuple[int, int]


@dataclass
class PersonScore:
    documents: int = 0
    gold_mentions: int = 0
    system_mentions: int = 0
    matched_mentions: int = 0
    gold_persons: int = 0
    system_persons: int = 0
    matched_persons: int = 0
    nominative_right: int = 0
    merges: int = 0  # system persons holding mentions of two or more gold persons
    splits: int = 0  # gold persons spread over two or more system persons
    b3_precision_sum: float = 0.0
    b3_recall_sum: float = 0.0
    b3_mentions: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "mentions": {
                "precision": _ratio(self.matched_mentions, self.system_mentions),
                "recall": _ratio(self.matched_mentions, self.gold_mentions),
                "system": self.system_mentions,
                "gold": self.gold_mentions,
            },
            "persons": {
                "precision": _ratio(self.matched_persons, self.system_persons),
                "recall": _ratio(self.matched_persons, self.gold_persons),
                "system": self.system_persons,
                "gold": self.gold_persons,
            },
            "nominative": _ratio(self.nominative_right, self.matched_persons),
            "b_cubed": {
                "precision": _ratio_f(self.b3_precision_sum, self.b3_mentions),
                "recall": _ratio_f(self.b3_recall_sum, self.b3_mentions),
            },
            "merges": self.merges,
            "splits": self.splits,
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def _ratio_f(a: float, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def gold_spans(text: str, persons: list[dict[str, Any]]) -> dict[Span, int]:
    """Gold mention span → index of its person, found in ``text`` (longer surfaces first)."""
    wanted: list[tuple[str, int, int]] = []  # surface, person, how many
    for index, entry in enumerate(persons):
        for surface, n in Counter(entry["mentions"]).items():
            wanted.append((surface, index, n))
    taken: dict[Span, int] = {}
    claimed: list[Span] = []
    for surface, person, n in sorted(wanted, key=lambda w: (-len(w[0]), w[1])):
        pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
        found = 0
        for m in pattern.finditer(text):
            if found == n:
                break
            if any(a < m.end() and m.start() < b for a, b in claimed):
                continue
            taken[(m.start(), m.end())] = person
            claimed.append((m.start(), m.end()))
            found += 1
    return taken


def _system(path: Path, language: str) -> list[tuple[str, list[Span]]]:
    doc = parse_file(path, language=language)
    extraction = extract_document(doc)
    units = {u.id: u for u in doc.units}
    out: list[tuple[str, list[Span]]] = []
    for person in extraction.persons:
        spans = []
        for m in person.mentions:
            unit = units[m.unit]
            spans.append(doc.offsets.span_to_source(unit.start + m.start, unit.start + m.end))
        out.append((person.name, spans))
    return out


def _score_document(path: Path, gold: dict[str, Any], score: PersonScore) -> None:
    text = path.read_text(encoding="utf-8")
    persons = gold["persons"]
    golds = gold_spans(text, persons)
    system = _system(path, gold["language"])
    score.documents += 1
    score.gold_mentions += len(golds)
    score.gold_persons += len(persons)
    score.system_persons += len(system)
    # mentions, one to one by overlap
    owner: dict[tuple[int, int], int] = {}  # (system person, mention) → gold person
    used: set[Span] = set()
    for si, (_name, spans) in enumerate(system):
        for mi, (a, b) in enumerate(spans):
            score.system_mentions += 1
            hit = next((g for g in sorted(golds) if g not in used and g[0] < b and a < g[1]), None)
            if hit is None:
                score.errors.append(f"FALSE {path.name}: {text[a:b]!r} → {system[si][0]!r}")
                continue
            used.add(hit)
            owner[(si, mi)] = golds[hit]
    score.matched_mentions += len(used)
    for span, gi in golds.items():
        if span not in used:
            missed = text[span[0] : span[1]]
            score.errors.append(f"MISS {path.name}: {missed!r} ({persons[gi]['name']})")
    _clusters(path.name, system, persons, owner, score)


def _clusters(
    name: str,
    system: list[tuple[str, list[Span]]],
    persons: list[dict[str, Any]],
    owner: dict[tuple[int, int], int],
    score: PersonScore,
) -> None:
    shared: Counter[tuple[int, int]] = Counter((si, gi) for (si, _mi), gi in owner.items())
    by_system: dict[int, Counter[int]] = defaultdict(Counter)
    by_gold: dict[int, Counter[int]] = defaultdict(Counter)
    for (si, gi), n in shared.items():
        by_system[si][gi] += n
        by_gold[gi][si] += n
    for si, golds in by_system.items():
        if len(golds) > 1:
            score.merges += 1
            names = ", ".join(persons[g]["name"] for g in golds)
            score.errors.append(f"MERGE {name}: {system[si][0]!r} holds {names}")
    for gi, systems in by_gold.items():
        if len(systems) > 1:
            score.splits += 1
            names = ", ".join(system[s][0] for s in systems)
            score.errors.append(f"SPLIT {name}: {persons[gi]['name']!r} is {names}")
    # B-cubed over matched mentions
    for (si, _mi), gi in owner.items():
        same_sys = sum(by_system[si].values())
        score.b3_precision_sum += by_system[si][gi] / same_sys
        score.b3_recall_sum += by_system[si][gi] / sum(by_gold[gi].values())
        score.b3_mentions += 1
    # entities, one to one, greedily by shared mentions
    taken_s: set[int] = set()
    taken_g: set[int] = set()
    for (si, gi), _n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        if si in taken_s or gi in taken_g:
            continue
        taken_s.add(si)
        taken_g.add(gi)
        score.matched_persons += 1
        if _norm(system[si][0]) == _norm(persons[gi]["name"]):
            score.nominative_right += 1
        else:
            score.errors.append(
                f"NOMINATIVE {name}: ours {system[si][0]!r}, gold {persons[gi]['name']!r}"
            )


def evaluate_persons(folder: Path, language: str | None = None) -> PersonScore:
    """Score every gold file in ``folder`` (optionally one language only)."""
    score = PersonScore()
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if language and gold["language"] != language:
            continue
        text_path = gold_path.with_suffix(".txt")
        if text_path.is_file():
            _score_document(text_path, gold, score)
    return score
