"""Clusters of records that name the same entity: blocking, scoring, judgments, hard negatives.

Records are document-level persons (one per document and name). Cost grows near-linearly:
names are compared only inside blocks (the first letters of the surname skeleton, and of the
given name plus surname), each distinct name once. Curator judgments come first ('same'
merges, 'not same' forbids); automatic merges never join two clusters that hold a hard negative
(same surname, different given name) or a 'not same' judgment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rightsmonitor.resolve.keys import coarse_keys, name_parts
from rightsmonitor.resolve.match import Verdict, compare_parts

__all__ = ["Candidate", "Clustering", "Record", "cluster", "cluster_by_names"]

_MAX_BLOCK = 400  # names in one block compared pairwise; larger blocks are split by given name


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


def _blocks(nodes: Iterable[str]) -> Iterable[list[str]]:
    """Groups of nodes worth comparing: same surname start, or same given-name start."""
    blocks: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.startswith("="):
            continue
        parts = node.split(" ")
        surname = parts[-1]
        blocks["s:" + surname[:4]].add(node)
        blocks["g:" + parts[0][:3] + surname[:2]].add(node)
        for key in coarse_keys(surname):  # the vowels of Belarusian and Russian, and more
            blocks["c:" + key].add(node)
    for members in blocks.values():
        ordered = sorted(members, key=lambda n: n.split(" ")[::-1])  # surname first
        for i in range(0, len(ordered), _MAX_BLOCK):
            yield ordered[i : i + _MAX_BLOCK]


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
    by_node: dict[str, set[str]] = defaultdict(set)
    for r in records:
        for n in {r.name, *r.aliases}:
            by_node[_node(n)].add(r.key)
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
    for (na, nb), verdict in verdicts.items():
        if _hard_negative(verdict):
            sets.forbid(head[na], head[nb])
    review: list[Candidate] = []
    for (na, nb), verdict in sorted(verdicts.items(), key=lambda kv: -kv[1].score):
        a, b = head[na], head[nb]
        if verdict.decision == "same" and sets.can_join(a, b):
            sets.union(a, b)
        elif verdict.decision in ("same", "review") and sets.find(a) != sets.find(b):
            review.append(Candidate(a, b, verdict))
    groups: dict[str, list[str]] = defaultdict(list)
    for r in records:
        groups[sets.find(r.key)].append(r.key)
    open_review = [
        c for c in review if sets.find(c.a) != sets.find(c.b) and sets.can_join(c.a, c.b)
    ]
    return Clustering(sorted(sorted(g) for g in groups.values()), open_review)


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
