"""Use cases of the registry: rebuild it from the stored facts, list it, and record curator
decisions (merge, split, not the same) that survive re-ingestion and re-resolution."""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import UTC, datetime
from functools import cache
from typing import Any

from rightsmonitor.errors import RightsMonitorError
from rightsmonitor.extract.declension import name_hypotheses
from rightsmonitor.lang import available_languages, load_data
from rightsmonitor.nlp import fold
from rightsmonitor.resolve import Record, cluster, cluster_by_names
from rightsmonitor.resolve.ids import assign_ids
from rightsmonitor.resolve.match import compare
from rightsmonitor.store import EntityRow, RegistryStore

__all__ = ["Registry", "check_user", "current_user"]

_KINDS = {"persons": "P", "organisations": "O"}


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


def _script(name: str) -> str:
    return "Cyrl" if any("\u0400" <= ch <= "\u04ff" for ch in name) else "Latn"


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
    def _records(self, kind: str) -> tuple[list[Record], dict[str, dict[str, Any]]]:
        records: list[Record] = []
        info: dict[str, dict[str, Any]] = {}
        for doc, language, fact in self.store.facts(kind):
            key = f"{doc}/{fact['id']}"
            norms = {m.get("norm") for m in fact.get("mentions", []) if m.get("norm")}
            aliases = tuple(sorted({*fact.get("aliases", []), *norms} - {fact["name"]}))
            if kind == "persons":
                aliases = tuple(a for a in aliases if len(a.split()) > 1)  # not a bare surname
            elif fold(fact["name"]) in _body_keys():  # one body, named in several languages
                aliases = (*aliases, "§" + _body_keys()[fold(fact["name"])])
            records.append(Record(key, fact["name"], aliases))
            info[key] = {"document": doc, "language": language, **fact}
        return records, info

    def rebuild(self) -> dict[str, int]:
        """Resolve everything again from the stored facts and the curator's judgments."""
        judged = self.store.judgments()
        latest: dict[frozenset[str], tuple[str, str, str]] = {}
        for k, a, b in judged:  # the latest decision on a pair of records wins
            if k in ("same", "not_same"):
                latest[frozenset((a, b))] = (k, a, b)
        same = [(a, b) for k, a, b in latest.values() if k == "same"]
        not_same = [(a, b) for k, a, b in latest.values() if k == "not_same"]
        external: dict[str, dict[str, str]] = {}
        for k, record, value in judged:  # later decisions win
            if k == "external":
                scheme, _, ident = value.partition(":")
                external.setdefault(record, {})[scheme] = ident
        counts: dict[str, int] = {}
        retired = set(self.store.redirects())
        for kind, prefix in _KINDS.items():
            records, info = self._records(kind)
            previous = self.store.member_ids(kind)
            order = {r.key: n for n, r in enumerate(records)}  # ingest order
            review: list[tuple[str, str, float, list[str]]] = []
            if kind == "persons":
                result = cluster(records, same, not_same)
                groups = result.clusters
            else:
                groups = cluster_by_names(records, not_same, same)
                result = None
            ids, redirects = assign_ids(groups, previous, order, prefix, retired)
            entities = [
                self._entity(eid, prefix, group, info, external)
                for eid, group in zip(ids, groups, strict=True)
            ]
            if result is not None:
                of = {key: e.id for e in entities for key, _doc in e.members}
                best: dict[tuple[str, str], tuple[float, list[str]]] = {}
                for c in result.review:  # one pair of entities once, with its best reasons
                    x, y = sorted((of[c.a], of[c.b]))
                    if x != y and c.verdict.score > best.get((x, y), (-1.0, []))[0]:
                        best[(x, y)] = (c.verdict.score, list(c.verdict.reasons))
                review = [(a, b, s, why) for (a, b), (s, why) in best.items()]
                review.sort(key=lambda r: -r[2])
            self.store.replace(kind, entities, review, redirects, _now())
            counts[kind] = len(entities)
        return counts

    def _entity(
        self,
        entity_id: str,
        prefix: str,
        group: list[str],
        info: dict[str, dict[str, Any]],
        external: dict[str, dict[str, str]],
    ) -> EntityRow:
        facts = [info[k] for k in group]
        written = Counter(f["name"] for f in facts)
        # canonical: Latin script first, then the name most documents use, then the first one
        name = min(
            written, key=lambda n: (_script(n) != "Latn", -written[n], list(written).index(n))
        )
        languages: dict[str, set[str]] = {}
        for f in facts:
            written_here = {f["name"], *f.get("aliases", [])}
            written_here |= {m["norm"] for m in f.get("mentions", []) if m.get("norm")}
            for n in written_here:
                languages.setdefault(n, set()).add(f["language"])
        aliases = [
            {"name": n, "script": _script(n), "languages": sorted(languages[n] - {""})}
            for n in sorted(languages)
            if n != name and len(n) > 1
        ]
        data: dict[str, Any] = {
            "aliases": aliases,
            "documents": sorted({f["document"] for f in facts}),
            "mentions": sum(len(f.get("mentions", [])) for f in facts),
            "external_ids": {
                scheme: ident for k in group for scheme, ident in external.get(k, {}).items()
            },
        }
        if prefix == "P":
            data["gender"] = next((f.get("gender") for f in facts if f.get("gender")), None)
            data["roles"] = sorted({r for f in facts for r in f.get("roles", [])})
        else:
            data["type"] = facts[0].get("type")
        members = tuple((k, info[k]["document"]) for k in group)
        return EntityRow(entity_id, prefix, name, data, members)

    # --- reading -----------------------------------------------------------------------
    def entities(self, kind: str) -> list[dict[str, Any]]:
        return [
            {"id": e.id, "name": e.name, **e.data, "members": [k for k, _d in e.members]}
            for e in self.store.entities(kind)
        ]

    def entity(self, kind: str, entity_id: str) -> dict[str, Any] | None:
        """One entity of ``kind`` ('persons' or 'organisations') by id, or None; an id that
        was merged into another (or whose records moved) opens the entity that holds them,
        with ``redirected_from``."""
        found = self.resolve_id(entity_id)
        entity = next((e for e in self.entities(kind) if e["id"] == found), None)
        if entity is not None and found != entity_id:
            entity = {**entity, "redirected_from": entity_id}
        return entity

    def find(
        self, query: str, kinds: tuple[str, ...] = ("persons", "organisations")
    ) -> list[dict[str, Any]]:
        """Entities an id or a name stands for: an id (or an id merged into another) gives its
        entity; a name matches the canonical name or any alias in any script, and a Polish
        inflected form matches through its nominatives ('Almata Żumagulowa'). Several hits
        mean the name is ambiguous: the caller lists them."""
        query = query.strip()
        if _ID.fullmatch(query):
            kind = "persons" if query.startswith("P-") else "organisations"
            found = self.entity(kind, query)
            return [found] if found is not None else []
        forms = _forms(query)
        hits = []
        for kind in kinds:
            for e in self.entities(kind):
                names = [str(e["name"]), *(str(a["name"]) for a in e["aliases"])]
                if any(_same_name(f, n, kind) for f in forms for n in names):
                    hits.append({**e, "kind": kind})
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

    # --- curator decisions ---------------------------------------------------------------
    def _members(self, entity_id: str) -> tuple[str, list[str]]:
        entity_id = self.resolve_id(entity_id)
        for kind in _KINDS:
            for e in self.store.entities(kind):
                if e.id == entity_id:
                    return e.name, [k for k, _d in e.members]
        raise UnknownEntityError(f"no person or organisation with id {entity_id}", source=entity_id)

    def _pair(self, a: str, b: str) -> tuple[tuple[str, list[str]], tuple[str, list[str]]]:
        """Two different entities of one kind, or a clear error."""
        if a == b:
            raise InvalidDecisionError(
                "the same entity is given twice: name two different ones", source=a
            )
        if a.split("-")[0] != b.split("-")[0]:
            raise InvalidDecisionError(f"{a} and {b} are not of one kind (person/organisation)")
        return self._members(a), self._members(b)

    def merge(self, a: str, b: str, who: str) -> dict[str, int]:
        (na, ma), (nb, mb) = self._pair(a, b)
        detail = {"action": "merge", "entities": [a, b], "names": [na, nb]}
        # every pair across the two: a later merge undoes an earlier split or 'not the same'
        self.store.judge("same", [(x, y) for x in ma for y in mb], who, _now(), detail)
        return self.rebuild()

    def distinct(self, a: str, b: str, who: str) -> dict[str, int]:
        (na, ma), (nb, mb) = self._pair(a, b)
        detail = {"action": "distinct", "entities": [a, b], "names": [na, nb]}
        self.store.judge("not_same", [(x, y) for x in ma for y in mb], who, _now(), detail)
        return self.rebuild()

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
        name, members = self._members(entity_id)
        for scheme, value in ids.items():
            detail = {"action": "identify", "entities": [entity_id], "names": [name], scheme: value}
            self.store.judge("external", [(members[0], f"{scheme}:{value}")], who, _now(), detail)
        return self.rebuild()

    def split(self, entity_id: str, who: str) -> dict[str, int]:
        name, members = self._members(entity_id)
        if len(members) < 2:
            raise InvalidDecisionError(
                "already a single record: nothing to split", source=entity_id
            )
        pairs = [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]]
        detail = {"action": "split", "entities": [entity_id], "names": [name], "members": members}
        self.store.judge("not_same", pairs, who, _now(), detail)
        return self.rebuild()
