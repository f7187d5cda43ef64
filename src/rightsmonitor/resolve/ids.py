"""Stable entity ids: minted once, kept for life.

After each resolution, every group of records (one real person or organisation) takes the id
its records already had — the id held by its earliest-ingested record — so adding a document,
re-ingesting one or resolving again never renames anyone. A group none of whose records had
an id is minted one. When two entities merge, the survivor keeps the id of the earliest
record and the other id *redirects* to it; when one splits, the part holding the earliest
record keeps the id and the rest get new ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence

__all__ = ["assign_ids"]

_LATE = 1 << 62  # the position of a record of unknown age


def _mint(group: Sequence[str], prefix: str, unavailable: Collection[str]) -> str:
    seed = min(group)
    for n in range(1000):
        text = seed if n == 0 else f"{seed}#{n}"
        candidate = f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"
        if candidate not in unavailable:
            return candidate
    raise RuntimeError("no free entity id")  # pragma: no cover - 1000 sha1 collisions


def assign_ids(
    groups: Sequence[Sequence[str]],
    previous: Mapping[str, str],
    order: Mapping[str, int],
    prefix: str,
    retired: Collection[str] = (),
) -> tuple[list[str], dict[str, str]]:
    """(an id per group, {old id: new id} for ids that no longer name an entity).

    ``previous``: record key → the id of its entity before this resolution; ``order``: record
    key → its ingest position (earlier is older); ``retired``: ids that redirect already and
    must not be minted again."""

    def age(key: str) -> int:
        return order.get(key, _LATE)

    ids: list[str] = [""] * len(groups)
    used: set[str] = set()
    for i in sorted(range(len(groups)), key=lambda i: min(map(age, groups[i]), default=_LATE)):
        held: dict[str, int] = {}
        for key in groups[i]:
            if key in previous:
                held[previous[key]] = min(held.get(previous[key], _LATE), age(key))
        chosen = next((e for e in sorted(held, key=lambda e: (held[e], e)) if e not in used), None)
        if chosen is None:
            chosen = _mint(groups[i], prefix, used | set(previous.values()) | set(retired))
        ids[i] = chosen
        used.add(chosen)
    where = {key: ids[i] for i, group in enumerate(groups) for key in group}
    redirects: dict[str, str] = {}
    for old in sorted(set(previous.values()) - used):
        holders = sorted((k for k, e in previous.items() if e == old and k in where), key=age)
        if holders:
            redirects[old] = where[holders[0]]
    return ids, redirects
