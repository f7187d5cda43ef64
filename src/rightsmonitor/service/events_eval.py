"""Events, statuses and calls scored against hand-made gold (``eval/events/<split>/``).

Each gold file (``NAME.json``) sits beside its text (``NAME.txt``), or names a corpus document
(``"document"``, relative to the corpus root). It lists every event mention (type, the
verbatim trigger words and which occurrence of them, polarity), every person's status as of
the text's date, and every call (its opening words and stance).

- **Events**: a gold event is found when a system event of the same type overlaps its words
  (one to one); precision = matched system events / system events. Polarity is checked on
  the matched ones. A system event that does not start and end on word boundaries is counted
  as 'from a substring' (it should never happen).
- **Statuses**: each gold person is looked up among the persons found (by name, alias or
  surname); their status in the document is derived as a case file would derive it (events
  that happened, then a demand for release, then a role); a person not found is 'unknown'.
- **Calls**: a gold call is found when a system call overlaps its words; stance accuracy is
  counted on the found ones.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.extract import extract_document
from rightsmonitor.extract.events import EVENT_TYPES, POLARITIES
from rightsmonitor.model import Extraction, ParsedDocument, Person
from rightsmonitor.nlp import name_key
from rightsmonitor.resolve.status import STATUSES, context_status, person_statuses
from rightsmonitor.service.diff import demand_markers
from rightsmonitor.service.documents import parse_file

__all__ = ["EventScore", "evaluate_events"]

Span = tuple[int, int]


class EventGoldError(RightsMonitorError):
    code = "bad-eval-set"


@dataclass
class EventScore:
    documents: int = 0
    gold_events: int = 0
    system_events: int = 0
    matched_events: int = 0
    polarity_right: int = 0
    substring_events: int = 0
    gold_persons: int = 0
    status_right: int = 0
    gold_calls: int = 0
    found_calls: int = 0
    stance_right: int = 0
    by_type: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, found|missed|false)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": {
                "precision": _ratio(self.matched_events, self.system_events),
                "recall": _ratio(self.matched_events, self.gold_events),
                "system": self.system_events,
                "gold": self.gold_events,
                "polarity": _ratio(self.polarity_right, self.matched_events),
                "from_substrings": self.substring_events,
            },
            "statuses": {
                "accuracy": _ratio(self.status_right, self.gold_persons),
                "persons": self.gold_persons,
            },
            "calls": {
                "recall": _ratio(self.found_calls, self.gold_calls),
                "stance": _ratio(self.stance_right, self.found_calls),
                "gold": self.gold_calls,
            },
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def _nth(text: str, needle: str, occurrence: int) -> Span | None:
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(needle, at + 1)
        if at < 0:
            return None
    return at, at + len(needle)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _source(doc: ParsedDocument, unit_id: str, start: int, end: int) -> Span:
    unit = next(u for u in doc.units if u.id == unit_id)
    a, b = doc.offsets.span_to_source(unit.start + start, unit.start + end)
    return a, b


def _on_word_boundaries(text: str, span: Span) -> bool:
    a, b = span
    before = text[a - 1 : a] if a > 0 else " "
    after = text[b : b + 1] if b < len(text) else " "
    return not (before.isalnum() and text[a : a + 1].isalnum()) and not (
        after.isalnum() and text[b - 1 : b].isalnum()
    )


def _person(persons: list[Person], name: str) -> Person | None:
    """The system person for a gold name: same name or alias, else the same surname."""
    key = name_key(name)
    for p in persons:
        if key in {name_key(p.name), *(name_key(a) for a in p.aliases)}:
            return p
    surname, initial = name_key(name.split()[-1]), name_key(name)[:1]
    same = [
        p
        for p in persons
        if name_key(p.name.split()[-1]) == surname
        and (len(p.name.split()) == 1 or name_key(p.name)[:1] == initial)
    ]
    return same[0] if len(same) == 1 else None


def _statuses(doc: ParsedDocument, found: Extraction, language: str) -> dict[str, str]:
    """Person fact id → status in this document, derived as a case file derives it."""
    data = {k: [asdict(x) for x in getattr(found, k)] for k in ("events", "calls")}
    units = {u.id: u.text for u in doc.units}
    derived = {
        pid: s.status
        for pid, s in person_statuses(
            data["events"], data["calls"], units, demand_markers(language), doc.meta.date
        ).items()
    }
    for person in found.persons:
        if person.id in derived:
            continue
        asked = any(
            e["type"] == "release"
            and e.get("polarity") != "happened"
            and any(p["id"] == person.id for p in e["participants"])
            for e in data["events"]
        )
        context = context_status(person.roles, asked)
        if context:
            derived[person.id] = context[0]
    return derived


def _check(path: Path, gold: dict[str, Any]) -> None:
    """Every label from the vocabularies: a gold file that uses another is refused."""
    bad = [
        *(e["type"] for e in gold.get("events", []) if e["type"] not in EVENT_TYPES),
        *(
            e.get("polarity")
            for e in gold.get("events", [])
            if e.get("polarity", "happened") not in POLARITIES
        ),
        *(s["status"] for s in gold.get("statuses", []) if s["status"] not in STATUSES),
    ]
    if bad:
        raise EventGoldError(f"{path.name}: labels outside the vocabulary: {bad}", source=str(path))


@dataclass(frozen=True)
class _Case:
    """One gold file and what the system found in its text."""

    path: Path
    gold: dict[str, Any]
    text: str
    doc: ParsedDocument
    found: Extraction
    language: str

    @property
    def name(self) -> str:
        return self.path.name

    def span(self, needle: str, occurrence: int = 1) -> Span:
        """Where the gold's words are in the text; a gold file that quotes wrongly is refused."""
        span = _nth(self.text, needle, occurrence)
        if span is None:
            raise EventGoldError(
                f"{self.name}: {needle!r} is not in the text", source=str(self.path)
            )
        return span

    def system(self, facts: list[Any]) -> list[tuple[Any, Span]]:
        """Facts with their spans in the text as read."""
        return [(f, _source(self.doc, f.unit, f.start, f.end)) for f in facts]


def _score(path: Path, gold: dict[str, Any], corpus: Path, score: EventScore) -> None:
    _check(path, gold)
    language = str(gold.get("language") or "en")
    source = corpus / gold["document"] if gold.get("document") else path.with_suffix(".txt")
    doc = parse_file(source, language=language)
    case = _Case(
        path, gold, source.read_text(encoding="utf-8"), doc, extract_document(doc), language
    )
    score.documents += 1
    _score_events(case, score)
    _score_statuses(case, score)
    _score_calls(case, score)


def _score_events(case: _Case, score: EventScore) -> None:
    system = case.system(case.found.events)
    score.system_events += len(system)
    score.substring_events += sum(
        1 for _e, span in system if not _on_word_boundaries(case.text, span)
    )
    used: set[int] = set()
    for g in case.gold.get("events", []):
        span = case.span(g["text"], int(g.get("occurrence") or 1))
        score.gold_events += 1
        hit = next(
            (
                i
                for i, (e, s) in enumerate(system)
                if i not in used and e.type == g["type"] and _overlap(s, span)
            ),
            None,
        )
        if hit is None:
            score.by_type[(g["type"], "missed")] += 1
            near = [e.type for e, s in system if _overlap(s, span)]
            ours = f" (ours: {near})" if near else ""
            score.errors.append(f"MISS {case.name}: {g['type']} {g['text']!r}{ours}")
            continue
        used.add(hit)
        score.matched_events += 1
        score.by_type[(g["type"], "found")] += 1
        polarity = system[hit][0].polarity
        if polarity == g.get("polarity", "happened"):
            score.polarity_right += 1
        else:
            score.errors.append(
                f"POLARITY {case.name}: {g['text']!r} ours {polarity}, gold {g.get('polarity')}"
            )
    for i, (e, _s) in enumerate(system):
        if i not in used:
            score.by_type[(e.type, "false")] += 1
            score.errors.append(f"FALSE {case.name}: {e.type} {e.text!r}")


def _score_statuses(case: _Case, score: EventScore) -> None:
    statuses = _statuses(case.doc, case.found, case.language)
    for g in case.gold.get("statuses", []):
        score.gold_persons += 1
        person = _person(case.found.persons, g["name"])
        ours = statuses.get(person.id, "unknown") if person else "unknown"
        if ours == g["status"]:
            score.status_right += 1
        else:
            found_as = f" (found as {person.name!r})" if person else " (not found)"
            score.errors.append(
                f"STATUS {case.name}: {g['name']} ours {ours}, gold {g['status']}{found_as}"
            )


def _score_calls(case: _Case, score: EventScore) -> None:
    calls = case.system(case.found.calls)
    for g in case.gold.get("calls", []):
        span = case.span(g["text"])
        score.gold_calls += 1
        call = next((c for c, s in calls if _overlap(s, span)), None)
        if call is None:
            score.errors.append(f"CALL MISS {case.name}: {g['stance']} {g['text']!r}")
            continue
        score.found_calls += 1
        if call.stance == g["stance"]:
            score.stance_right += 1
        else:
            score.errors.append(
                f"STANCE {case.name}: {g['text']!r} ours {call.stance}, gold {g['stance']}"
            )


def evaluate_events(folder: Path, corpus: Path, language: str | None = None) -> EventScore:
    """Score every gold file of ``folder`` (of one ``language``, if given)."""
    score = EventScore()
    files = sorted(folder.glob("*.json"))
    if not files:
        raise EventGoldError(f"no gold files in {folder}", source=str(folder))
    for path in files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise EventGoldError(f"cannot read {path.name}: {exc}", source=str(path)) from exc
        if language and gold.get("language") != language:
            continue
        _score(path, gold, corpus, score)
    return score
