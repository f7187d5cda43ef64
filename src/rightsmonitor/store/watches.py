"""Saved watches, and the items each has already reported (so a check reports only news)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select

from rightsmonitor.store.schema import watch_seen, watches

__all__ = ["WatchRow", "WatchStore"]


@dataclass(frozen=True)
class WatchRow:
    id: int
    kind: str
    target: str
    anchor: str | None
    label: str
    who: str
    created_at: str


class WatchStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, row: WatchRow, baseline: Iterable[str]) -> int:
        """Store a watch with what already matches (it reports only what comes after)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(watches).values(
                    kind=row.kind,
                    target=row.target,
                    anchor=row.anchor,
                    label=row.label,
                    who=row.who,
                    created_at=row.created_at,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            watch_id = int(key[0])
            items = [{"watch_id": watch_id, "item": item} for item in sorted(set(baseline))]
            if items:
                conn.execute(insert(watch_seen), items)
        return watch_id

    def all(self) -> list[WatchRow]:
        with self.engine.connect() as conn:
            return [
                WatchRow(**r)
                for r in conn.execute(select(watches).order_by(watches.c.id)).mappings()
            ]

    def remove(self, watch_id: int) -> bool:
        with self.engine.begin() as conn:
            conn.execute(delete(watch_seen).where(watch_seen.c.watch_id == watch_id))
            return conn.execute(delete(watches).where(watches.c.id == watch_id)).rowcount > 0

    def seen(self, watch_id: int) -> set[str]:
        with self.engine.connect() as conn:
            q = select(watch_seen.c.item).where(watch_seen.c.watch_id == watch_id)
            return {r[0] for r in conn.execute(q)}

    def mark(self, watch_id: int, items: Iterable[str]) -> None:
        rows = [{"watch_id": watch_id, "item": i} for i in sorted(set(items))]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(watch_seen), rows)
