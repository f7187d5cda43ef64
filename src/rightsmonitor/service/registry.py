"""Use cases of the registry: rebuild it from the stored facts, list it, and record curator
decisions (merge, split, not the same) that survive re-ingestion and re-resolution."""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.extract.declension import name_hypotheses
from rightsmonitor.lang import available_languages, load_data
from rightsmonitor.nlp import fold
from rightsmonitor.resolve import (
    Clustering,
    Record,
    cluster,
    cluster_by_names,
    extend,
    name_keys,
    name_parts,
    organisation_keys,
)
from rightsmonitor.resolve.ids import assign_ids
from rightsmonitor.resolve.match import compare
from rightsmonitor.resolve.profile import Profile, combine, from_data, from_fact, to_data
from rightsmonitor.store import EntityRow, FactRow, RegistryChange, RegistryStore, exclusive

__all__ = ["Registry", "check_user", "current_user"]

_KINDS = {"persons": "P", "organisations": "O"}

_Review = tuple[str, str, float, list[str]]


@dataclass(frozen=True)
class _Judged:
    """The curator's decisions as resolution uses them: the latest on each pair of records."""

    same: list[tuple[str, str]]
    not_same: list[tuple[str, str]]
    external: dict[str, dict[str, str]]  # record key → scheme → identifier


def _keys(kind: str, record: Record) -> set[str]:
    return name_keys(record) if kind == "persons" else organisation_keys(record)


def _first(row: FactRow) -> str:
    """A record's ingest position, sortable as text."""
    return "|".join(row.order)


def _profile(row: FactRow, judged: _Judged) -> Profile:
    external = judged.external.get(row.key, {})
    return from_fact(row.data, row.document, row.language, external, _first(row))


def _members(keys: list[str], info: dict[str, FactRow]) -> list[tuple[str, str]]:
    return [(k, info[k].document) for k in keys]


def _row(
    entity_id: str, kind: str, parts: list[Profile], members: list[tuple[str, str]]
) -> EntityRow:
    profile = combine(parts)
    data = to_data(profile, kind == "persons")
    return EntityRow(entity_id, kind, profile.name, data, tuple(sorted(members)))


def _pseudo(entity: EntityRow, kind: str) -> Record:
    """A stored entity as one record: its names, for the new names to be compared with."""
    names = {str(a["name"]) for a in entity.data.get("aliases", [])} - {entity.name}
    if kind == "persons":
        names = {n for n in names if len(n.split()) > 1}  # not a bare surname
    else:  # one body named in several languages, as its records are (see ``_records``)
        bodies = _body_keys()
        names |= {"§" + bodies[fold(n)] for n in {entity.name, *names} if fold(n) in bodies}
    return Record(f"@{entity.id}", entity.name, tuple(sorted(names)))


def _pairs(pairs: list[tuple[str, str]], stand_in: dict[str, str]) -> list[tuple[str, str]]:
    """Judged pairs of records, with the records of stored entities replaced by the entity."""
    out = []
    for a, b in pairs:
        a, b = stand_in.get(a, a), stand_in.get(b, b)
        if a != b:
            out.append((a, b))
    return out


def _reviews(result: Clustering, ids: dict[tuple[str, ...], str]) -> list[_Review]:
    """Open review pairs as pairs of entity ids, each once, with its best reasons."""
    of = {key: eid for group, eid in ids.items() for key in group}
    best: dict[tuple[str, str], tuple[float, list[str]]] = {}
    for c in result.review:
        x, y = sorted((of[c.a], of[c.b]))
        if x != y and c.verdict.score > best.get((x, y), (-1.0, []))[0]:
            best[(x, y)] = (c.verdict.score, list(c.verdict.reasons))
    review = [(a, b, s, why) for (a, b), (s, why) in best.items()]
    return sorted(review, key=lambda r: (-r[2], r[0], r[1]))


@cache
def _body_keys() -> dict[str, str]:
    """Every language's names of well-known bodies → one key ('Rada Unii Europejskiej' and
    'Council of the European Union' → 'council-eu'), from ``lang/<code>/bodies.toml``."""
    index: dict[str, str] = {}
    for code in available_languages():
        for body in load_data(code, "bodies").get("body", []):
            if body.get("key"):
                for form in (body["name"], *body.get("forms", [])):
                    index.setdefault(fold(form), body["key"])
    return index


def current_user() -> str:
    return os.environ.get("RIGHTSMONITOR_USER") or os.environ.get("USER") or "unknown"


MAX_USER = 120  # characters of a user name in the audit log


def check_user(name: str) -> str:
    """A user name fit for the audit log, or a clear error."""
    name = name.strip()
    if not name or len(name) > MAX_USER:
        raise InvalidDecisionError(f"user name must be 1 to {MAX_USER} characters")
    if not _USER.fullmatch(name):
        # no newline or control character could forge a line of the audit log
        raise InvalidDecisionError("user name may hold letters, digits, spaces and . _ @ - only")
    return name


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class UnknownEntityError(RightsMonitorError):
    code = "unknown-entity"


class InvalidIdentifierError(RightsMonitorError):
    code = "invalid-identifier"


class InvalidDecisionError(RightsMonitorError):
    code = "invalid-decision"


# identifier schemes and the shape of their values
_SCHEMES = {"wikidata": r"Q[1-9]\d{0,11}", "opensanctions": r"[A-Za-z0-9][A-Za-z0-9._-]{2,79}"}


_ID = re.compile(r"[PO]-[0-9a-f]{12}")
_USER = re.compile(r"[^\W_][\w .@-]*")


def _forms(query: str) -> list[str]:
    """The query as written, and its Polish nominatives if it is an inflected name."""
    forms = [query]
    tokens = tuple(query.split())
    if 1 < len(tokens) <= 4:
        best = sorted(name_hypotheses(tokens, "pl"), key=lambda h: -h.score)[:3]
        forms += [" ".join(h.nominative) for h in best if h.nominative != tokens]
    return forms


def _same_name(query: str, name: str, kind: str) -> bool:
    if fold(query) == fold(name):
        return True
    if kind != "persons":
        return False
    if len(query.split()) == 1:  # a surname alone: every person who bears it
        return fold(query) == fold(name.split()[-1])
    return compare(query, name).decision == "same"


class Registry:
    """Persons and organisations across every ingested document."""

    def __init__(self, store: RegistryStore) -> None:
        self.store = store

    # --- building ----------------------------------------------------------------------
    def _records(self, rows: list[FactRow], kind: str) -> tuple[list[Record], dict[str, FactRow]]:
        records: list[Record] = []
        for row in rows:
            fact = row.data
            norms = {m.get("norm") for m in fact.get("mentions", []) if m.get("norm")}
            aliases = tuple(sorted({*fact.get("aliases", []), *norms} - {fact["name"]}))
            if kind == "persons":
                aliases = tuple(a for a in aliases if len(a.split()) > 1)  # not a bare surname
            elif fold(fact["name"]) in _body_keys():  # one body, named in several languages
                aliases = (*aliases, "§" + _body_keys()[fold(fact["name"])])
            records.append(Record(row.key, fact["name"], aliases))
        return records, {row.key: row for row in rows}

    def _judged(self) -> _Judged:
        judged = self.store.judgments()
        latest: dict[frozenset[str], tuple[str, str, str]] = {}
        for k, a, b in judged:  # the latest decision on a pair of records wins
            if k in ("same", "not_same"):
                latest[frozenset((a, b))] = (k, a, b)
        external: dict[str, dict[str, str]] = {}
        for k, record, value in judged:  # later decisions win
            if k == "external":
                scheme, _, ident = value.partition(":")
                external.setdefault(record, {})[scheme] = ident
        return _Judged(
            [(a, b) for k, a, b in latest.values() if k == "same"],
            [(a, b) for k, a, b in latest.values() if k == "not_same"],
            external,
        )

    def rebuild(self) -> dict[str, int]:
        """Resolve everything again from the stored facts and the curator's judgments (the
        ids stay; see ``resolve.ids``). Ingestion does not need this: see ``update``."""
        with exclusive(self.store.engine, "registry"):
            return self._rebuild()

    def _rebuild(self) -> dict[str, int]:
        pending = self.store.pending()
        judged = self._judged()
        counts: dict[str, int] = {}
        retired = set(self.store.redirects())
        for kind, prefix in _KINDS.items():
            rows = self.store.facts(kind)
            records, info = self._records(rows, kind)
            previous = self.store.member_ids(kind)
            order = {r.key: n for n, r in enumerate(rows)}  # ingest order
            if kind == "persons":
                result = cluster(records, judged.same, judged.not_same)
            else:
                result = Clustering(cluster_by_names(records, judged.not_same, judged.same))
            ids, redirects = assign_ids(result.clusters, previous, order, prefix, retired)
            entities = [
                _row(eid, kind, [_profile(info[k], judged) for k in group], _members(group, info))
                for eid, group in zip(ids, result.clusters, strict=True)
            ]
            keys = {e.id: _keys(kind, _pseudo(e, kind)) for e in entities}
            review = _reviews(result, dict(zip(map(tuple, result.clusters), ids, strict=True)))
            self.store.replace(kind, entities, review, redirects, _now(), keys)
            counts[kind] = len(entities)
        self.store.done(pending)
        return counts

    def update(self, documents: Collection[str]) -> dict[str, int]:
        """Resolve the records of ``documents`` (just added, or ingested again) against the
        registry: only the entities their names touch are read, only those that change are
        rewritten (each kind in one transaction), and an entity that gains a record adds the
        record's profile to its own without reading its other records. Returns the
        registry's counts."""
        with exclusive(self.store.engine, "registry"):  # one resolution at a time
            # with any document a resolution interrupted before left pending
            documents = set(documents) | self.store.pending()
            if not all(self.store.is_indexed(kind) for kind in _KINDS):
                return self._rebuild()  # a registry from before name keys: index it once
            self._update(documents)
            self.store.done(documents)
        return self.counts()

    def _update(self, documents: set[str]) -> None:
        judged = self._judged()
        for kind in _KINDS:
            rows = self.store.facts(kind, documents_in=documents)
            new, info = self._records(rows, kind)
            near = self.store.entities_with_keys(kind, {k for r in new for k in _keys(kind, r)})
            fresh = {r.key for r in new}
            tied: set[str] = set()
            for a, b in (*judged.same, *judged.not_same):  # a curator tied them to a new record
                if a in fresh or b in fresh:
                    tied |= {a, b} - fresh
            dirty = self.store.entities_holding(kind, documents_in=documents)
            gone = {e.id for e in dirty}
            fixed = [
                e
                for e in self.store.entities_holding(kind, tied, ids=near, with_members=False)
                if e.id not in gone
            ]
            self._resolve(kind, fixed, dirty, new, info, judged)

    def _resolve(
        self,
        kind: str,
        fixed: list[EntityRow],
        dirty: list[EntityRow],
        new: list[Record],
        info: dict[str, FactRow],
        judged: _Judged,
        settled: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """Cluster ``new`` records into the ``fixed`` entities (each one pseudo-record with
        its names and its stored profile; their members are not read) and the records of
        ``dirty`` entities again (read back: their document was ingested again, or a curator
        split them), keep every id, and write only what changed."""
        prefix = _KINDS[kind]
        profiles = {f"@{e.id}": from_data(e.name, e.data) for e in fixed}
        legacy = [e for e in fixed if profiles[f"@{e.id}"] is None]  # stored before 0.5
        if legacy:
            dirty = [*dirty, *self.store.entities_holding(kind, ids=[e.id for e in legacy])]
        fixed = [e for e in fixed if profiles[f"@{e.id}"] is not None]
        fresh = {r.key for r in new}
        old_rows = self.store.facts(
            kind, keys=[k for e in dirty for k, _d in e.members if k not in fresh]
        )
        loose, old_info = self._records(old_rows, kind)
        info = {**old_info, **info}
        rows_of = {f"@{e.id}": e for e in fixed}
        judged_keys = {k for pair in (*judged.same, *judged.not_same) for k in pair}
        stand_in = {
            k: f"@{eid}"
            for k, eid in self.store.holders(judged_keys - fresh).items()
            if f"@{eid}" in rows_of
        }
        same = _pairs(judged.same, stand_in)
        not_same = _pairs(judged.not_same, stand_in)
        pseudo = [[_pseudo(e, kind)] for e in fixed]
        if kind == "persons":
            result = extend(pseudo, [*loose, *new], same, not_same)
        else:
            everything = [*(g[0] for g in pseudo), *loose, *new]
            result = Clustering(cluster_by_names(everything, not_same, same))
        previous = {f"@{e.id}": e.id for e in fixed}
        previous |= {k: e.id for e in dirty for k, _d in e.members}
        first = {k: str(p.first) for k, p in profiles.items() if p is not None}
        first |= {k: _first(row) for k, row in info.items()}
        order = {k: n for n, k in enumerate(sorted(first, key=lambda k: (first[k], k)))}
        involved = {e.id for e in (*fixed, *dirty)}
        retired = set(self.store.redirects()) | (self.store.live_ids(kind) - involved)
        ids, redirects = assign_ids(result.clusters, previous, order, prefix, retired)
        change = RegistryChange(kind, redirects=redirects, settled=list(settled), at=_now())
        change.drop_members = {k for e in dirty for k, _d in e.members}
        for eid, group in zip(ids, result.clusters, strict=True):
            stored = [rows_of[k] for k in group if k in rows_of]
            added = [k for k in group if k not in rows_of]
            if not added and len(stored) == 1 and stored[0].id == eid:
                continue  # no record joined or left it: not rewritten
            change.moves |= {e.id: eid for e in stored if e.id != eid}
            parts = [profiles[f"@{e.id}"] for e in stored]
            parts += [_profile(info[k], judged) for k in added]
            row = _row(eid, kind, [p for p in parts if p is not None], _members(added, info))
            change.write.append(row)
            change.keys[eid] = _keys(kind, _pseudo(row, kind))
        change.retire = (
            involved
            - {e.id for e in change.write}
            - {
                eid
                for eid, group in zip(ids, result.clusters, strict=True)
                if group[0] in rows_of and len(group) == 1
            }
        )
        change.reviews = _reviews(result, dict(zip(map(tuple, result.clusters), ids, strict=True)))
        self.store.apply(change)

    # --- reading -----------------------------------------------------------------------
    @staticmethod
    def _public(e: EntityRow) -> dict[str, Any]:
        data = {k: v for k, v in e.data.items() if k != "profile"}  # resolution's own
        return {"id": e.id, "name": e.name, **data, "members": [k for k, _d in e.members]}

    def entities(self, kind: str) -> list[dict[str, Any]]:
        return [self._public(e) for e in self.store.entities(kind)]

    def entity(self, kind: str, entity_id: str) -> dict[str, Any] | None:
        """One entity of ``kind`` ('persons' or 'organisations') by id, or None; an id that
        was merged into another (or whose records moved) opens the entity that holds them,
        with ``redirected_from``."""
        found = self.resolve_id(entity_id)
        row = self.store.entity(found)
        if row is None or row.kind != kind:
            return None
        entity = self._public(row)
        if found != entity_id:
            entity = {**entity, "redirected_from": entity_id}
        return entity

    def find(
        self, query: str, kinds: tuple[str, ...] = ("persons", "organisations")
    ) -> list[dict[str, Any]]:
        """Entities an id or a name stands for: an id (or an id merged into another) gives its
        entity; a name matches the canonical name or any alias in any script, and a Polish
        inflected form matches through its nominatives ('Almata Żumagulowa'). Several hits
        mean the name is ambiguous: the caller lists them. Only the entities that share a
        name key with the query are compared, so the cost does not grow with the registry."""
        query = query.strip()
        if _ID.fullmatch(query):
            kind = "persons" if query.startswith("P-") else "organisations"
            found = self.entity(kind, query)
            return [found] if found is not None else []
        forms = _forms(query)
        hits = []
        for kind in kinds:
            keys: set[str] = set()
            for form in forms:
                record = Record("?", form)
                keys |= _keys(kind, record)
                parts = name_parts(form)
                if kind == "persons" and len(parts) == 1:  # a surname alone: its block
                    keys.add("s:" + parts[0][:4])
            near = self.store.entities_with_keys(kind, keys)
            for e in self.store.entities_holding(kind, ids=near):
                names = [e.name, *(str(a["name"]) for a in e.data.get("aliases", []))]
                if any(_same_name(f, n, kind) for f in forms for n in names):
                    hits.append({**self._public(e), "kind": kind})
        return hits

    def resolve_id(self, entity_id: str) -> str:
        """The live id an id stands for: itself, or where its redirects lead."""
        redirects = self.store.redirects()
        seen = {entity_id}
        while entity_id in redirects and redirects[entity_id] not in seen:
            entity_id = redirects[entity_id]
            seen.add(entity_id)
        return entity_id

    def record_entities(
        self, kinds: tuple[str, ...] = ("persons", "organisations")
    ) -> dict[str, tuple[str, str]]:
        """Record key ('<document>/<fact id>') → (entity id, entity name)."""
        return {
            member: (str(e["id"]), str(e["name"]))
            for kind in kinds
            for e in self.entities(kind)
            for member in e["members"]
        }

    def review(self, kind: str = "persons") -> list[dict[str, Any]]:
        names = {e.id: e.name for e in self.store.entities(kind)}
        return [
            {
                "a": a,
                "b": b,
                "a_name": names.get(a),
                "b_name": names.get(b),
                "score": s,
                "why": reasons,
            }
            for a, b, s, reasons in self.store.reviews(kind)
        ]

    def audit(self) -> list[dict[str, Any]]:
        return self.store.audit()

    def verify_audit(self) -> dict[str, Any]:
        """Check the audit log's hash chain: entries, head hash, and the first broken entry."""
        entries, head, broken = self.store.verify_audit()
        return {"entries": entries, "head": head, "intact": broken is None, "broken_at": broken}

    # --- curator decisions ---------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Entities of each kind in the registry."""
        return {kind: self.store.count(kind) for kind in _KINDS}

    def _row(self, entity_id: str) -> EntityRow:
        row = self.store.entity(self.resolve_id(entity_id))
        if row is None:
            raise UnknownEntityError(
                f"no person or organisation with id {entity_id}", source=entity_id
            )
        return row

    def _members(self, entity_id: str) -> tuple[str, list[str]]:
        row = self._row(entity_id)
        return row.name, [k for k, _d in row.members]

    def _pair(self, a: str, b: str) -> tuple[EntityRow, EntityRow]:
        """Two different entities of one kind, or a clear error."""
        if a == b:
            raise InvalidDecisionError(
                "the same entity is given twice: name two different ones", source=a
            )
        if a.split("-")[0] != b.split("-")[0]:
            raise InvalidDecisionError(f"{a} and {b} are not of one kind (person/organisation)")
        return self._row(a), self._row(b)

    def _rework(
        self,
        row: EntityRow,
        fixed: list[EntityRow],
        dirty: list[EntityRow],
        settled: tuple[tuple[str, str], ...] = (),
    ) -> dict[str, int]:
        """Resolve the entities a decision touches again (and nothing else)."""
        with exclusive(self.store.engine, "registry"):
            self._resolve(row.kind, fixed, dirty, [], {}, self._judged(), settled)
        return self.counts()

    @staticmethod
    def _across(a: EntityRow, b: EntityRow) -> list[tuple[str, str]]:
        return [(x, y) for x, _dx in a.members for y, _dy in b.members]

    def merge(self, a: str, b: str, who: str) -> dict[str, int]:
        ra, rb = self._pair(a, b)
        detail = {"action": "merge", "entities": [a, b], "names": [ra.name, rb.name]}
        # every pair across the two: a later merge undoes an earlier split or 'not the same'
        self.store.judge("same", self._across(ra, rb), who, _now(), detail)
        return self._rework(ra, [ra, rb], [])

    def distinct(self, a: str, b: str, who: str) -> dict[str, int]:
        ra, rb = self._pair(a, b)
        detail = {"action": "distinct", "entities": [a, b], "names": [ra.name, rb.name]}
        self.store.judge("not_same", self._across(ra, rb), who, _now(), detail)
        x, y = sorted((ra.id, rb.id))
        return self._rework(ra, [ra, rb], [], ((x, y),))

    def identify(self, entity_id: str, ids: dict[str, str], who: str) -> dict[str, int]:
        """Attach external identifiers (Wikidata QID, OpenSanctions id) to an entity; all are
        checked before any is stored."""
        for scheme, value in ids.items():
            if scheme not in _SCHEMES:
                raise InvalidIdentifierError(f"unknown identifier scheme {scheme!r}")
            if not re.fullmatch(_SCHEMES[scheme], value):
                raise InvalidIdentifierError(f"{value!r} is not a valid {scheme} identifier")
        if not ids:
            raise InvalidIdentifierError("no identifier given", source=entity_id)
        row = self._row(entity_id)
        first = row.members[0][0]
        for scheme, value in ids.items():
            detail = {
                "action": "identify",
                "entities": [entity_id],
                "names": [row.name],
                scheme: value,
            }
            self.store.judge("external", [(first, f"{scheme}:{value}")], who, _now(), detail)
        return self._rework(row, [], [row])  # its profile is built again, with the identifiers

    def split(self, entity_id: str, who: str) -> dict[str, int]:
        row = self._row(entity_id)
        members = [k for k, _d in row.members]
        if len(members) < 2:
            raise InvalidDecisionError(
                "already a single record: nothing to split", source=entity_id
            )
        pairs = [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]]
        detail = {
            "action": "split",
            "entities": [entity_id],
            "names": [row.name],
            "members": members,
        }
        self.store.judge("not_same", pairs, who, _now(), detail)
        return self._rework(row, [], [row])
