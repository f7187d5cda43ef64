"""Precision and recall of the extractors against hand-made gold files (``eval/gold``).

Matching: persons and organisations by name (the gold name or an alias, compared
case-insensitively) — a person's name must be the right nominative; mentions by unit and
overlapping span, attached to the matching entity; provisions, places, dates and quantities
by unit, overlapping span and value; events by unit, overlapping span and type; calls by
unit, overlapping span and stance.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rightsmonitor.extract import extract_document
from rightsmonitor.model import Extraction
from rightsmonitor.service.documents import parse_file

__all__ = ["Score", "evaluate", "load_gold"]


@dataclass
class Score:
    tp_pred: int = 0  # predicted items that match gold
    pred: int = 0
    tp_gold: int = 0  # gold items that are found
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold
        self.misses += other.misses
        self.extras += other.extras


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _overlap(a: dict[str, Any], unit: str, start: int, end: int) -> bool:
    return bool(a["unit"] == unit and a["start"] < end and start < a["end"])


def _match(
    gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool], label: Callable[[Any], str]
) -> Score:
    score = Score(pred=len(pred), gold=len(gold))
    for p in pred:
        if any(same(g, p) for g in gold):
            score.tp_pred += 1
        else:
            score.extras.append(label(p))
    for g in gold:
        if any(same(g, p) for p in pred):
            score.tp_gold += 1
        else:
            score.misses.append(label(g))
    return score


def _names(entity: dict[str, Any]) -> set[str]:
    return {_norm(entity["name"]), *(_norm(a) for a in entity.get("aliases", []))}


def _entities(gold: list[dict[str, Any]], pred: Iterable[Any]) -> Score:
    predicted = list(pred)
    return _match(
        gold,
        predicted,
        lambda g, p: bool({_norm(p.name), *(_norm(a) for a in p.aliases)} & _names(g)),
        lambda x: x["name"] if isinstance(x, dict) else x.name,
    )


def _mentions(gold: list[dict[str, Any]], pred: Iterable[Any]) -> Score:
    """Mentions attached to the right entity (the entity matched by name)."""
    g_items = [(m, _names(e)) for e in gold for m in e["mentions"]]
    p_items = [
        (m, {_norm(p.name), *(_norm(a) for a in p.aliases)}) for p in pred for m in p.mentions
    ]
    return _match(
        g_items,
        p_items,
        lambda g, p: _overlap(g[0], p[0].unit, p[0].start, p[0].end) and bool(g[1] & p[1]),
        lambda x: _label(x[0]),
    )


def _spans(
    gold: list[dict[str, Any]], pred: list[Any], same_value: Callable[[dict[str, Any], Any], bool]
) -> Score:
    return _match(
        gold,
        pred,
        lambda g, p: _overlap(g, p.unit, p.start, p.end) and same_value(g, p),
        lambda x: f"{x['text']} @{x['unit']}" if isinstance(x, dict) else f"{x.text} @{x.unit}",
    )


def _provision_mentions(gold: list[dict[str, Any]], pred: list[Any]) -> Score:
    g_items = [dict(m, article=e.get("article")) for e in gold for m in e["mentions"]]
    p_items = [(m, p.article) for p in pred for m in p.mentions]
    return _match(
        g_items,
        p_items,
        lambda g, p: (
            _overlap(g, p[0].unit, p[0].start, p[0].end)
            and _norm(str(g["article"])) == _norm(str(p[1]))
        ),
        lambda x: (
            f"{x['text']} @{x['unit']}" if isinstance(x, dict) else f"{x[0].text} @{x[0].unit}"
        ),
    )


def _place_mentions(gold: list[dict[str, Any]], pred: list[Any]) -> Score:
    g_items = [dict(m, name=e["name"]) for e in gold for m in e["mentions"]]
    p_items = [(m, p.name) for p in pred for m in p.mentions]
    return _match(
        g_items,
        p_items,
        lambda g, p: (
            _overlap(g, p[0].unit, p[0].start, p[0].end) and _norm(g["name"]) == _norm(p[1])
        ),
        lambda x: (
            f"{x['text']} @{x['unit']}" if isinstance(x, dict) else f"{x[0].text} @{x[0].unit}"
        ),
    )


def _label(item: Any) -> str:
    if isinstance(item, dict):
        return f"{item['text']} @{item['unit']}"
    return f"{item.text} @{item.unit}"


def _in_scope(found: Extraction, skipped: set[str]) -> Extraction:
    """Drop predictions in units the annotators left out (a gold file's ``unannotated_units``)."""
    if not skipped:
        return found

    def keep(items: list[Any]) -> list[Any]:
        out = []
        for item in items:
            if hasattr(item, "mentions"):
                mentions = [m for m in item.mentions if m.unit not in skipped]
                if mentions:
                    out.append(replace(item, mentions=mentions))
            elif item.unit not in skipped:
                out.append(item)
        return out

    return replace(
        found,
        persons=keep(found.persons),
        organisations=keep(found.organisations),
        legal_provisions=keep(found.legal_provisions),
        places=keep(found.places),
        dates=keep(found.dates),
        quantities=keep(found.quantities),
        events=keep(found.events),
        calls=keep(found.calls),
    )


def _score_document(gold: dict[str, Any], found: Extraction) -> dict[str, Score]:
    found = _in_scope(found, set(gold.get("unannotated_units", [])))
    return {
        "persons": _entities(gold.get("persons", []), found.persons),
        "person mentions": _mentions(gold.get("persons", []), found.persons),
        "organisations": _entities(gold.get("organisations", []), found.organisations),
        "organisation mentions": _mentions(gold.get("organisations", []), found.organisations),
        "legal provisions": _provision_mentions(
            gold.get("legal_provisions", []), found.legal_provisions
        ),
        "places": _place_mentions(gold.get("places", []), found.places),
        "dates": _spans(gold.get("dates", []), found.dates, lambda g, p: g["value"] == p.value),
        "events": _spans(gold.get("events", []), found.events, lambda g, p: g["type"] == p.type),
        "calls": _spans(gold.get("calls", []), found.calls, lambda g, p: g["stance"] == p.stance),
        "quantities": _spans(
            gold.get("quantities", []),
            found.quantities,
            lambda g, p: (
                g["value"] is not None and p.value is not None and float(g["value"]) == p.value
            ),
        ),
    }


def load_gold(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def evaluate(gold_folder: Path, corpus: Path) -> dict[str, Score]:
    """Scores per type over every gold file; documents are read from ``corpus``."""
    totals: dict[str, Score] = {}
    for gold in load_gold(gold_folder):
        doc = parse_file(corpus / gold["document"])
        for kind, score in _score_document(gold, extract_document(doc)).items():
            totals.setdefault(kind, Score()).add(score)
    return totals
