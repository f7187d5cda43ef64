"""Clusters of records that name the same entity: blocking, scoring, judgments, hard negatives.

Records are document-level persons (one per document and name). Names are compared only
inside blocks (the first letters of the surname skeleton, of the given name plus surname, and
the surname's consonant keys), each distinct name once and every pair of a block compared: no
cap skips a comparison. Curator judgments come first ('same' merges, 'not same' forbids);
automatic merges never join two clusters that hold a hard negative (same surname, different
given name) or a 'not same' judgment.

``extend`` is the incremental form: clusters already decided stay as they are, and only the
names of new records are compared with the names that share a block with them, so adding a
document costs what its names touch, not what the registry holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from rightsmonitor.resolve.keys import coarse_keys, name_parts
from rightsmonitor.resolve.match import Verdict, compare_parts

__all__ = [
    "Candidate",
    "Clustering",
    "Record",
    "cluster",
    "cluster_by_names",
    "extend",
    "name_keys",
    "organisation_keys",
]


@dataclass(frozen=True)
class Record:
    key: str  # stable: '<document id>/<person id>'
    name: str  # nominative
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    a: str  # record keys
    b: str
    verdict: Verdict


@dataclass
class Clustering:
    clusters: list[list[str]]  # record keys
    review: list[Candidate] = field(default_factory=list)


class _Sets:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}
        self.forbidden: dict[str, set[str]] = defaultdict(set)

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def can_join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        return ra == rb or not ({self.find(x) for x in self.forbidden[ra]} & {rb})

    def forbid(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        self.forbidden[ra].add(rb)
        self.forbidden[rb].add(ra)

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.forbidden[ra] |= self.forbidden.pop(rb, set())


def _node(name: str) -> str:
    """Names with one skeleton are one node: the same name in another convention or script."""
    parts = name_parts(name)
    return " ".join(parts) if len(parts) > 1 else "=" + name.casefold()


def _node_blocks(node: str) -> list[str]:
    """The blocks one node belongs to: same surname start, same given-name start, and the
    surname's consonant keys (the vowels of Belarusian and Russian, and more)."""
    if node.startswith("="):
        return []
    parts = node.split(" ")
    surname = parts[-1]
    keys = ["s:" + surname[:4], "g:" + parts[0][:3] + surname[:2]]
    keys += ["c:" + key for key in coarse_keys(surname)]
    return keys


def name_keys(record: Record) -> set[str]:
    """Every key under which a record must be found again: its nodes ('n:…') and their
    blocks. A new name needs comparing only with the records that share one of its keys."""
    keys: set[str] = set()
    for name in {record.name, *record.aliases}:
        node = _node(name)
        keys.add("n:" + node)
        keys.update(_node_blocks(node))
    return keys


def organisation_keys(record: Record) -> set[str]:
    """Organisations are one cluster per shared name: their keys are their folded names."""
    from rightsmonitor.nlp import fold

    return {"f:" + fold(n) for n in (record.name, *record.aliases)}


def _blocks(nodes: Iterable[str]) -> Iterable[list[str]]:
    """Groups of nodes worth comparing (see ``_node_blocks``)."""
    blocks: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        for key in _node_blocks(node):
            blocks[key].add(node)
    for members in blocks.values():
        yield sorted(members, key=lambda n: n.split(" ")[::-1])  # surname first


_HARD = ("same surname, different given name", "different patronymics", "different genders")


def _hard_negative(verdict: Verdict) -> bool:
    return verdict.decision == "different" and any(r in _HARD for r in verdict.reasons)


def _compare_blocks(nodes: Iterable[str]) -> dict[tuple[str, str], Verdict]:
    verdicts: dict[tuple[str, str], Verdict] = {}
    for block in _blocks(nodes):
        parts = [tuple(n.split(" ")) for n in block]
        for i, na in enumerate(block):
            for j in range(i + 1, len(block)):
                nb = block[j]
                if (na, nb) not in verdicts:
                    verdicts[(na, nb)] = compare_parts(parts[i], parts[j])
    return verdicts


def cluster(
    records: list[Record], same: list[tuple[str, str]], not_same: list[tuple[str, str]]
) -> Clustering:
    sets = _Sets(r.key for r in records)
    by_node = _by_node(records)
    for a, b in not_same:
        if a in sets.parent and b in sets.parent:
            sets.forbid(a, b)
    for a, b in same:
        if a in sets.parent and b in sets.parent and sets.can_join(a, b):
            sets.union(a, b)
    head = {node: min(keys) for node, keys in by_node.items()}
    for node, keys in by_node.items():  # one skeleton in several documents or scripts
        for k in keys:
            if sets.can_join(head[node], k):
                sets.union(head[node], k)
    verdicts = _compare_blocks(by_node)
    ordered = sorted(verdicts.items(), key=lambda kv: -kv[1].score)
    return _settle(records, sets, sets, head, ordered)


class _Joiner(Protocol):
    def can_join(self, a: str, b: str) -> bool: ...

    def union(self, a: str, b: str) -> None: ...


def _settle(
    records: list[Record],
    sets: _Sets,
    joins: _Joiner,
    head: dict[str, str],
    ordered: list[tuple[tuple[str, str], Verdict]],
) -> Clustering:
    """Act on the name verdicts (best first): hard negatives forbid, 'same' joins where
    ``joins`` allows it, the rest that may still join is left for review."""
    for (na, nb), verdict in ordered:
        if _hard_negative(verdict):
            sets.forbid(head[na], head[nb])
    review: list[Candidate] = []
    for (na, nb), verdict in ordered:
        a, b = head[na], head[nb]
        if verdict.decision == "same" and joins.can_join(a, b):
            joins.union(a, b)
        elif verdict.decision in ("same", "review") and sets.find(a) != sets.find(b):
            review.append(Candidate(a, b, verdict))
    groups: dict[str, list[str]] = defaultdict(list)
    for r in records:
        groups[sets.find(r.key)].append(r.key)
    open_review = [
        c for c in review if sets.find(c.a) != sets.find(c.b) and joins.can_join(c.a, c.b)
    ]
    return Clustering(sorted(sorted(g) for g in groups.values()), open_review)


def _by_node(records: Iterable[Record]) -> dict[str, set[str]]:
    by_node: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for n in {r.name, *r.aliases}:
            by_node[_node(n)].add(r.key)
    return by_node


class _Fixed:
    """Clusters decided before: which of them each root holds, and whether two of them may
    become one (no hard negative between their names), compared lazily and once."""

    def __init__(self, sets: _Sets, fixed: list[list[Record]]) -> None:
        self.sets = sets
        self.nodes = [{_node(n) for r in group for n in {r.name, *r.aliases}} for group in fixed]
        self.held: dict[str, set[int]] = {}
        for i, group in enumerate(fixed):
            for r in group[1:]:
                sets.union(group[0].key, r.key)
            if group:
                self.held.setdefault(sets.find(group[0].key), set()).add(i)
        self._clash: dict[tuple[int, int], bool] = {}

    def clash(self, i: int, j: int) -> bool:
        pair = (min(i, j), max(i, j))
        if pair not in self._clash:
            self._clash[pair] = any(
                _hard_negative(compare_parts(tuple(a.split(" ")), tuple(b.split(" "))))
                for a in self.nodes[i]
                for b in self.nodes[j]
                if not a.startswith("=") and not b.startswith("=")
            )
        return self._clash[pair]

    def can_join(self, a: str, b: str) -> bool:
        if not self.sets.can_join(a, b):
            return False
        ra, rb = self.sets.find(a), self.sets.find(b)
        if ra == rb:
            return True
        return not any(
            self.clash(i, j) for i in self.held.get(ra, ()) for j in self.held.get(rb, ())
        )

    def union(self, a: str, b: str) -> None:
        ra, rb = self.sets.find(a), self.sets.find(b)
        if ra == rb:
            return
        held = self.held.pop(ra, set()) | self.held.pop(rb, set())
        self.sets.union(a, b)
        if held:
            self.held[self.sets.find(a)] = held


def extend(
    fixed: list[list[Record]],
    new: list[Record],
    same: list[tuple[str, str]],
    not_same: list[tuple[str, str]],
) -> Clustering:
    """Add ``new`` records to the clusters ``fixed`` (decided before, kept as they are).

    Only the names of new records are compared, each with every name that shares a block
    with it; two fixed clusters are joined through a new record only when no hard negative
    lies between their names, and curator judgments hold as in ``cluster``."""
    records = [r for group in fixed for r in group] + list(new)
    sets = _Sets(r.key for r in records)
    joins = _Fixed(sets, fixed)
    by_node = _by_node(records)
    for a, b in not_same:
        if a in sets.parent and b in sets.parent:
            sets.forbid(a, b)
    for a, b in same:  # a curator's 'same' outweighs a hard negative, as in ``cluster``
        if a in sets.parent and b in sets.parent and sets.can_join(a, b):
            joins.union(a, b)
    fresh = {r.key for r in new}
    head = {node: min(keys) for node, keys in by_node.items()}
    touched = sorted(node for node, keys in by_node.items() if keys & fresh)
    for node in touched:  # one skeleton: the new records join the record that has it
        for k in sorted(by_node[node]):
            if joins.can_join(head[node], k):
                joins.union(head[node], k)
    index: dict[str, set[str]] = defaultdict(set)
    for node in by_node:
        for key in _node_blocks(node):
            index[key].add(node)
    verdicts: dict[tuple[str, str], Verdict] = {}
    for na in touched:
        for key in _node_blocks(na):
            for nb in index[key]:
                pair = (na, nb) if na < nb else (nb, na)
                if na != nb and pair not in verdicts:
                    verdicts[pair] = compare_parts(
                        tuple(pair[0].split(" ")), tuple(pair[1].split(" "))
                    )
    ordered = sorted(verdicts.items(), key=lambda kv: (-kv[1].score, kv[0]))
    return _settle(records, sets, joins, head, ordered)


def cluster_by_names(
    records: list[Record],
    not_same: list[tuple[str, str]],
    same: list[tuple[str, str]] | None = None,
) -> list[list[str]]:
    """Organisations: one cluster per shared name or alias (case and diacritics aside)."""
    from rightsmonitor.nlp import fold

    sets = _Sets(r.key for r in records)
    for a, b in not_same:
        if a in sets.parent and b in sets.parent:
            sets.forbid(a, b)
    for a, b in same or []:
        if a in sets.parent and b in sets.parent and sets.can_join(a, b):
            sets.union(a, b)
    seen: dict[str, str] = {}
    for r in records:
        for n in (r.name, *r.aliases):
            key = fold(n)
            if key in seen and sets.can_join(seen[key], r.key):
                sets.union(seen[key], r.key)
            seen.setdefault(key, r.key)
    groups: dict[str, list[str]] = defaultdict(list)
    for r in records:
        groups[sets.find(r.key)].append(r.key)
    return sorted(sorted(g) for g in groups.values())
