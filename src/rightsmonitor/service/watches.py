"""Saved watches on a person, an organisation, a legal provision or a query: each check
reports the matching facts that are new since the watch was added or last checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.nlp import fold
from rightsmonitor.service.documents import Library
from rightsmonitor.store import WatchRow, WatchStore

__all__ = ["WATCH_KINDS", "Hit", "WatchReport", "Watches"]

WATCH_KINDS = ("person", "organisation", "provision", "query")
_REGISTRY_KIND = {"person": "persons", "organisation": "organisations"}


class WatchError(RightsMonitorError):
    code = "watch"


@dataclass(frozen=True)
class Hit:
    item: str  # stable key of what matched
    document: str
    unit: str
    text: str  # the words that matched
    start: int | None = None
    end: int | None = None


@dataclass
class WatchReport:
    watch: WatchRow
    new: list[Hit] = field(default_factory=list)


class Watches:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.store = WatchStore(library.documents.engine)

    def add(self, kind: str, target: str, who: str, label: str | None = None) -> WatchRow:
        if kind not in WATCH_KINDS:
            raise WatchError(f"unknown watch kind {kind!r} (one of {', '.join(WATCH_KINDS)})")
        if not target.strip():
            raise WatchError("a watch needs something to watch")
        anchor, name = None, target.strip()
        if kind in _REGISTRY_KIND:
            entity = self._entity_by_id(kind, target)
            anchor, name = entity["members"][0], entity["name"]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        row = WatchRow(0, kind, target.strip(), anchor, label or f"{kind}: {name}", who, now)
        baseline = [h.item for h in self._hits(row)]
        watch_id = self.store.add(row, baseline)
        return WatchRow(watch_id, kind, row.target, anchor, row.label, who, now)

    def all(self) -> list[WatchRow]:
        return self.store.all()

    def remove(self, watch_id: int) -> None:
        if not self.store.remove(watch_id):
            raise WatchError(f"no watch {watch_id}")

    def check(self, mark: bool = True) -> list[WatchReport]:
        """What each watch matches now and has not reported; ``mark`` records it as reported."""
        reports = []
        for watch in self.store.all():
            seen = self.store.seen(watch.id)
            new = [h for h in self._hits(watch) if h.item not in seen]
            if mark:
                self.store.mark(watch.id, [h.item for h in new])
            reports.append(WatchReport(watch, new))
        return reports

    # --- matching ------------------------------------------------------------------------
    def _entity_by_id(self, kind: str, entity_id: str) -> dict[str, Any]:
        entity = self.library.registry.entity(_REGISTRY_KIND[kind], entity_id)
        if entity is not None:
            return entity
        raise WatchError(f"no {kind} with id {entity_id} (see `rightsmonitor {kind}s`)")

    def _hits(self, watch: WatchRow) -> list[Hit]:
        if watch.kind in _REGISTRY_KIND:
            return self._entity_hits(watch)
        if watch.kind == "provision":
            return self._provision_hits(fold(watch.target))
        return self._query_hits(fold(watch.target))

    def _entity_hits(self, watch: WatchRow) -> list[Hit]:
        kind = _REGISTRY_KIND[watch.kind]
        entities = self.library.registry.entities(kind)
        entity = next((e for e in entities if watch.anchor in e["members"]), None)
        entity = entity or next((e for e in entities if e["id"] == watch.target), None)
        if entity is None:
            return []
        hits: list[Hit] = []
        by_doc: dict[str, set[str]] = {}
        for member in entity["members"]:
            doc, _, fact_id = member.partition("/")
            by_doc.setdefault(doc, set()).add(fact_id)
        for doc, fact_ids in sorted(by_doc.items()):
            for fact in self.library.documents.fact_rows(doc, kind):
                if fact["id"] in fact_ids:
                    hits.extend(_mention_hits(doc, fact))
        return hits

    def _provision_hits(self, wanted: str) -> list[Hit]:
        hits: list[Hit] = []
        for record in self.library.list_documents():
            for fact in self.library.documents.fact_rows(record.id, "legal_provisions"):
                label = fold(f"art. {fact.get('article') or ''} {fact.get('instrument') or ''}")
                for hit in _mention_hits(record.id, fact):
                    if wanted in label or wanted in fold(hit.text):
                        hits.append(hit)
        return hits

    def _query_hits(self, wanted: str) -> list[Hit]:
        hits: list[Hit] = []
        for record in self.library.list_documents():
            for unit in self.library.documents.unit_rows(record.id):
                text = str(unit["text"])
                at = fold(text).find(wanted)
                if at >= 0:
                    label = str(unit["id"]).partition("/")[2]
                    snippet = text[max(0, at - 60) : at + len(wanted) + 60]
                    hits.append(Hit(str(unit["id"]), record.id, label, snippet))
        return hits


def _mention_hits(doc: str, fact: dict[str, Any]) -> list[Hit]:
    return [
        Hit(
            f"{doc}/{fact['id']}@{m.get('unit')}:{m.get('start')}",
            doc,
            str(m.get("unit")),
            str(m.get("text")),
            m.get("start"),
            m.get("end"),
        )
        for m in fact.get("mentions", [])
    ]
