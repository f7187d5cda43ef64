"""How right are derived person statuses? A hand-made gold file gives each person's status in
one document as of its date; the document is ingested alone into a scratch database and each
person's case-file status is compared with the gold."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.service.cases import person_case
from rightsmonitor.service.documents import Library

__all__ = ["StatusEval", "evaluate_statuses"]


class StatusGoldError(RightsMonitorError):
    code = "bad-eval-set"


@dataclass
class StatusEval:
    persons: int
    correct: int
    known_gold: int  # persons the text gives a status
    known_predicted: int  # persons we give a status
    known_correct: int
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # name, gold, predicted

    @property
    def accuracy(self) -> float:
        return self.correct / self.persons if self.persons else 0.0

    @property
    def precision(self) -> float:
        return self.known_correct / self.known_predicted if self.known_predicted else 1.0

    @property
    def recall(self) -> float:
        return self.known_correct / self.known_gold if self.known_gold else 1.0


def evaluate_statuses(gold_file: Path, corpus: Path) -> StatusEval:
    try:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        people = {p["name"]: p["status"] for p in gold["persons"]}
        document = corpus / gold["document"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StatusGoldError(f"cannot read the status gold: {exc}", source=str(gold_file)) from exc
    result = StatusEval(len(people), 0, 0, 0, 0)
    with (
        tempfile.TemporaryDirectory() as scratch,
        Library(f"sqlite:///{Path(scratch) / 'status.sqlite'}") as library,
    ):
        library.ingest_paths([document])
        entities = library.registry.entities("persons")
        for name, expected in sorted(people.items()):
            entity = next(
                (
                    e
                    for e in entities
                    if name == e["name"] or name in {a["name"] for a in e["aliases"]}
                ),
                None,
            )
            got = (
                person_case(library, str(entity["id"]))["status"]["current"]
                if entity
                else "unknown"
            )
            result.confusion[(expected, got)] += 1
            result.correct += got == expected
            result.known_gold += expected != "unknown"
            result.known_predicted += got != "unknown"
            result.known_correct += got == expected != "unknown"
            if got != expected:
                result.errors.append((name, expected, got))
    return result
