"""The registry in the store: entities rebuilt by resolution, judgments and an append-only log."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select, update

from rightsmonitor.store.engine import chunks, lock_for_append
from rightsmonitor.store.schema import (
    audit_log,
    documents,
    entity_aliases,
    entity_redirects,
    facts,
    judgments,
    registry_entities,
    registry_keys,
    registry_members,
    registry_pending,
    registry_reviews,
)

__all__ = ["EntityRow", "FactRow", "RegistryChange", "RegistryStore", "audit_hash"]

_KEY_LENGTH = 200


@dataclass
class RegistryChange:
    """One resolution's effect on the stored registry of ``kind``.

    ``write``: entities created or rewritten (their ``members`` are the records they gain);
    ``keys``: entity id → name keys, for each written entity; ``moves``: entity id → the id
    its members now belong to (a merge); ``retire``: ids that no longer name an entity;
    ``drop_members``: records that leave their entity (their document was ingested again)."""

    kind: str
    write: list[EntityRow] = field(default_factory=list)
    keys: dict[str, set[str]] = field(default_factory=dict)
    moves: dict[str, str] = field(default_factory=dict)
    retire: set[str] = field(default_factory=set)
    drop_members: set[str] = field(default_factory=set)
    reviews: list[tuple[str, str, float, list[str]]] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    settled: list[tuple[str, str]] = field(default_factory=list)
    at: str = ""


@dataclass(frozen=True)
class FactRow:
    key: str  # '<document id>/<fact id>': the record key (the fact's row id adds its kind)
    document: str
    language: str
    ingested_at: str
    data: dict[str, Any]

    @property
    def order(self) -> tuple[str, str, str]:
        """Ingest order: earlier documents first, then document and fact id."""
        return (self.ingested_at, self.document, self.key)


@dataclass(frozen=True)
class EntityRow:
    id: str
    kind: str
    name: str
    data: dict[str, Any]
    members: tuple[tuple[str, str], ...]  # (member key, document id)


class RegistryStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def facts(
        self,
        kind: str,
        keys: Collection[str] | None = None,
        documents_in: Collection[str] | None = None,
    ) -> list[FactRow]:
        """Facts of ``kind`` in ingest order: all, or those with the given record keys, or
        those of the given documents."""
        base = (
            select(
                facts.c.id,
                facts.c.document_id,
                documents.c.language,
                documents.c.ingested_at,
                facts.c.data_json,
            )
            .join(documents, documents.c.id == facts.c.document_id)
            .where(facts.c.kind == kind)
        )
        queries = [base]
        if keys is not None:  # a record key '<document>/<fact id>' is fact '<document>/<kind>/…'
            ids = [f"{d}/{kind}/{f}" for d, _, f in (k.partition("/") for k in keys)]
            queries = [base.where(facts.c.id.in_(chunk)) for chunk in chunks(ids)]
        elif documents_in is not None:
            queries = [base.where(facts.c.document_id.in_(c)) for c in chunks(documents_in)]
        rows: list[FactRow] = []
        with self.engine.connect() as conn:
            for q in queries:
                for _id, d, lang, at, j in conn.execute(q):
                    fact = json.loads(j)
                    rows.append(FactRow(f"{d}/{fact['id']}", str(d), lang or "", str(at), fact))
        return sorted(rows, key=lambda r: r.order)

    def pending(self) -> set[str]:
        """Documents stored but not yet taken in by the registry."""
        with self.engine.connect() as conn:
            return {str(d) for (d,) in conn.execute(select(registry_pending.c.document_id))}

    def done(self, documents: Collection[str] | None = None) -> None:
        """The registry has taken these documents in (all, when None)."""
        with self.engine.begin() as conn:
            if documents is None:
                conn.execute(delete(registry_pending))
            for chunk in chunks(documents or ()):
                conn.execute(
                    delete(registry_pending).where(registry_pending.c.document_id.in_(chunk))
                )

    def is_indexed(self, kind: str) -> bool:
        """Every entity of ``kind`` has its name keys (a registry from before 0.5 has none)."""
        with self.engine.connect() as conn:
            entities = conn.execute(
                select(func.count())
                .select_from(registry_entities)
                .where(registry_entities.c.kind == kind)
            ).scalar_one()
            keys = conn.execute(
                select(registry_keys.c.key).where(registry_keys.c.kind == kind).limit(1)
            ).first()
        return entities == 0 or keys is not None

    def entities_with_keys(self, kind: str, keys: Collection[str]) -> set[str]:
        """Ids of the entities of ``kind`` that share a name key with ``keys``."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(k[:_KEY_LENGTH] for k in keys):
                q = select(registry_keys.c.entity_id).where(
                    registry_keys.c.kind == kind, registry_keys.c.key.in_(chunk)
                )
                found.update(str(e) for (e,) in conn.execute(q))
        return found

    def entities_holding(
        self,
        kind: str,
        members: Collection[str] = (),
        documents_in: Collection[str] = (),
        ids: Collection[str] = (),
        with_members: bool = True,
    ) -> list[EntityRow]:
        """Entities of ``kind`` among ``ids``, or with a member among ``members`` or from
        ``documents_in``; without their members unless ``with_members`` (a person named in
        thousands of documents has thousands)."""
        ids = set(ids)
        with self.engine.connect() as conn:
            for chunk in chunks(members):
                q = select(registry_members.c.entity_id).where(
                    registry_members.c.member_key.in_(chunk)
                )
                ids.update(str(e) for (e,) in conn.execute(q))
            for chunk in chunks(documents_in):
                q = select(registry_members.c.entity_id).where(
                    registry_members.c.document_id.in_(chunk)
                )
                ids.update(str(e) for (e,) in conn.execute(q))
            return self._rows(conn, kind, ids, with_members)

    def holders(self, members: Collection[str]) -> dict[str, str]:
        """Record key → the id of the entity that holds it, for the given records."""
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(members):
                q = select(registry_members.c.member_key, registry_members.c.entity_id).where(
                    registry_members.c.member_key.in_(chunk)
                )
                out.update({str(k): str(e) for k, e in conn.execute(q)})
        return out

    def _rows(
        self, conn: Connection, kind: str | None, ids: Collection[str], with_members: bool = True
    ) -> list[EntityRow]:
        out: list[EntityRow] = []
        for chunk in chunks(ids):
            q = select(registry_entities).where(registry_entities.c.id.in_(chunk))
            if kind is not None:
                q = q.where(registry_entities.c.kind == kind)
            rows = conn.execute(q).mappings().all()
            members: dict[str, list[tuple[str, str]]] = {}
            m = select(
                registry_members.c.entity_id,
                registry_members.c.member_key,
                registry_members.c.document_id,
            ).where(registry_members.c.entity_id.in_(chunk))
            for eid, key, doc in conn.execute(m) if with_members else ():
                members.setdefault(str(eid), []).append((str(key), str(doc)))
            out += [_entity_row(r, members.get(r["id"], [])) for r in rows]
        return sorted(out, key=lambda e: (e.name, e.id))

    def entity(self, entity_id: str) -> EntityRow | None:
        with self.engine.connect() as conn:
            rows = self._rows(conn, None, [entity_id])
        return rows[0] if rows else None

    def count(self, kind: str) -> int:
        with self.engine.connect() as conn:
            q = select(func.count()).select_from(registry_entities)
            return int(conn.execute(q.where(registry_entities.c.kind == kind)).scalar_one())

    def live_ids(self, kind: str) -> set[str]:
        with self.engine.connect() as conn:
            q = select(registry_entities.c.id).where(registry_entities.c.kind == kind)
            return {str(i) for (i,) in conn.execute(q)}

    def apply(self, change: RegistryChange) -> None:
        """Write one resolution's change in one transaction (see ``RegistryChange``)."""
        kind = change.kind
        written = {e.id for e in change.write}
        rewritten = written | set(change.retire)
        with self.engine.begin() as conn:
            self._redirect(conn, kind, written, change.redirects, change.at)
            for chunk in chunks(change.drop_members):
                conn.execute(
                    delete(registry_members).where(registry_members.c.member_key.in_(chunk))
                )
            for old, new in change.moves.items():  # a merge: the members follow the survivor
                conn.execute(
                    update(registry_members)
                    .where(registry_members.c.entity_id == old)
                    .values(entity_id=new)
                )
            for chunk in chunks(rewritten):
                conn.execute(delete(registry_entities).where(registry_entities.c.id.in_(chunk)))
                conn.execute(delete(registry_keys).where(registry_keys.c.entity_id.in_(chunk)))
                conn.execute(delete(entity_aliases).where(entity_aliases.c.entity_id.in_(chunk)))
            for chunk in chunks(set(change.retire) - written):
                conn.execute(
                    delete(registry_members).where(registry_members.c.entity_id.in_(chunk))
                )
                conn.execute(
                    delete(registry_reviews).where(
                        registry_reviews.c.kind == kind,
                        or_(registry_reviews.c.a.in_(chunk), registry_reviews.c.b.in_(chunk)),
                    )
                )
            pairs = [(a, b) for a, b, _score, _why in change.reviews] + list(change.settled)
            for a, b in pairs:  # compared again (its newest reasons) or decided by a curator
                conn.execute(
                    delete(registry_reviews).where(
                        registry_reviews.c.kind == kind,
                        registry_reviews.c.a == a,
                        registry_reviews.c.b == b,
                    )
                )
            self._insert(conn, kind, change.write, change.keys, change.reviews)

    @staticmethod
    def _redirect(
        conn: Connection, kind: str, live: set[str], redirects: Mapping[str, str], at: str
    ) -> None:
        for chunk in chunks(live):  # an id that names an entity again is no longer redirected
            conn.execute(delete(entity_redirects).where(entity_redirects.c.old_id.in_(chunk)))
        for was, now in redirects.items():
            conn.execute(delete(entity_redirects).where(entity_redirects.c.old_id == was))
            conn.execute(insert(entity_redirects).values(old_id=was, new_id=now, kind=kind, at=at))

    @staticmethod
    def _insert(
        conn: Connection,
        kind: str,
        entities: list[EntityRow],
        keys: Mapping[str, Collection[str]],
        reviews: list[tuple[str, str, float, list[str]]],
    ) -> None:
        if entities:
            conn.execute(
                insert(registry_entities),
                [
                    {
                        "id": e.id,
                        "kind": kind,
                        "name": e.name,
                        "data_json": _stored(e),
                    }
                    for e in entities
                ],
            )
            aliases = [
                {
                    "entity_id": e.id,
                    "name": str(a["name"]),
                    "script": str(a.get("script") or ""),
                    "languages": " ".join(a.get("languages", [])),
                }
                for e in entities
                for a in {str(a["name"]): a for a in e.data.get("aliases", [])}.values()
            ]
            if aliases:
                conn.execute(insert(entity_aliases), aliases)
            members = [
                {"entity_id": e.id, "member_key": key, "document_id": doc}
                for e in entities
                for key, doc in e.members
            ]
            if members:
                conn.execute(insert(registry_members), members)
        rows = [
            {"kind": kind, "key": key, "entity_id": entity}
            for entity, ks in keys.items()
            for key in sorted({k[:_KEY_LENGTH] for k in ks})
        ]
        if rows:
            conn.execute(insert(registry_keys), rows)
        if reviews:
            conn.execute(
                insert(registry_reviews),
                [
                    {"kind": kind, "a": a, "b": b, "score": score, "reasons_json": json.dumps(r)}
                    for a, b, score, r in reviews
                ],
            )

    def member_ids(self, kind: str) -> dict[str, str]:
        """Record key → the id of the entity that holds it now (before a rebuild: the ids to
        keep)."""
        with self.engine.connect() as conn:
            q = (
                select(registry_members.c.member_key, registry_members.c.entity_id)
                .join(registry_entities, registry_entities.c.id == registry_members.c.entity_id)
                .where(registry_entities.c.kind == kind)
            )
            return {str(k): str(e) for k, e in conn.execute(q)}

    def redirects(self) -> dict[str, str]:
        """Old entity id → the id it now resolves to (one hop)."""
        with self.engine.connect() as conn:
            q = select(entity_redirects.c.old_id, entity_redirects.c.new_id)
            return {str(o): str(n) for o, n in conn.execute(q)}

    def replace(
        self,
        kind: str,
        entities: list[EntityRow],
        reviews: list[tuple[str, str, float, list[str]]],
        redirects: Mapping[str, str] | None = None,
        at: str = "",
        keys: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        """Swap the registry of ``kind`` for a new one, with the ids that now redirect and
        every entity's name keys, in one transaction."""
        with self.engine.begin() as conn:
            self._redirect(conn, kind, {e.id for e in entities}, redirects or {}, at)
            old = select(registry_entities.c.id).where(registry_entities.c.kind == kind)
            conn.execute(delete(entity_aliases).where(entity_aliases.c.entity_id.in_(old)))
            conn.execute(delete(registry_members).where(registry_members.c.entity_id.in_(old)))
            conn.execute(delete(registry_entities).where(registry_entities.c.kind == kind))
            conn.execute(delete(registry_reviews).where(registry_reviews.c.kind == kind))
            conn.execute(delete(registry_keys).where(registry_keys.c.kind == kind))
            self._insert(conn, kind, entities, keys or {}, reviews)

    def entities(self, kind: str) -> list[EntityRow]:
        with self.engine.connect() as conn:
            rows = (
                conn.execute(
                    select(registry_entities)
                    .where(registry_entities.c.kind == kind)
                    .order_by(registry_entities.c.name, registry_entities.c.id)
                )
                .mappings()
                .all()
            )
            members: dict[str, list[tuple[str, str]]] = {}
            q = (
                select(
                    registry_members.c.entity_id,
                    registry_members.c.member_key,
                    registry_members.c.document_id,
                )
                .join(registry_entities, registry_entities.c.id == registry_members.c.entity_id)
                .where(registry_entities.c.kind == kind)
            )
            for eid, key, doc in conn.execute(q):
                members.setdefault(str(eid), []).append((str(key), str(doc)))
        return [_entity_row(r, members.get(r["id"], [])) for r in rows]

    def reviews(self, kind: str) -> list[tuple[str, str, float, list[str]]]:
        with self.engine.connect() as conn:
            q = (
                select(registry_reviews)
                .where(registry_reviews.c.kind == kind)
                .order_by(registry_reviews.c.score.desc())
            )
            return [(r.a, r.b, r.score, json.loads(r.reasons_json)) for r in conn.execute(q)]

    def judge(
        self, kind: str, pairs: list[tuple[str, str]], who: str, at: str, detail: dict[str, Any]
    ) -> None:
        """Record curator judgments and their audit entry together."""
        with self.engine.begin() as conn:
            if pairs:
                conn.execute(
                    insert(judgments),
                    [{"kind": kind, "a": a, "b": b, "who": who, "at": at} for a, b in pairs],
                )
            _append_audit(conn, at, who, str(detail.get("action", kind)), detail)

    def judgments(
        self, kinds: Collection[str] | None = None, about: Collection[str] | None = None
    ) -> list[tuple[str, str, str]]:
        """(kind, a, b) of every judgment in the order made: all, or those of ``kinds``,
        or those whose first side is among ``about`` (record keys)."""
        q = select(judgments.c.id, judgments.c.kind, judgments.c.a, judgments.c.b)
        if kinds is not None:
            q = q.where(judgments.c.kind.in_(list(kinds)))
        queries = [q] if about is None else [q.where(judgments.c.a.in_(c)) for c in chunks(about)]
        rows: list[tuple[int, str, str, str]] = []
        with self.engine.connect() as conn:
            for query in queries:
                rows += [(int(i), str(k), str(a), str(b)) for i, k, a, b in conn.execute(query)]
        return [(k, a, b) for _i, k, a, b in sorted(rows)]

    def audit(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            q = select(audit_log).order_by(audit_log.c.id)
            return [
                {
                    "id": r.id,
                    "at": r.at,
                    "who": r.who,
                    "action": r.action,
                    "detail": json.loads(r.detail_json),
                    "hash": r.hash,
                }
                for r in conn.execute(q)
            ]

    def verify_audit(self) -> tuple[int, str, int | None]:
        """(entries, the chain's head hash, the id of the first entry that does not match its
        chain — changed, inserted or with a predecessor removed — or None)."""
        prev = ""
        count = 0
        with self.engine.connect() as conn:
            q = select(audit_log).order_by(audit_log.c.id)
            for r in conn.execute(q):
                count += 1
                expected = audit_hash(prev, r.at, r.who, r.action, r.detail_json)
                if r.prev_hash != prev or r.hash != expected:
                    return count, prev, int(r.id)
                prev = r.hash
        return count, prev, None


def audit_hash(prev: str, at: str, who: str, action: str, detail_json: str) -> str:
    """The hash that chains an audit entry to the one before it (SHA-256, hex)."""
    text = "\x1f".join((prev, at, who, action, detail_json))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _append_audit(conn: Connection, at: str, who: str, action: str, detail: Any) -> None:
    """Append one entry to the audit log, chained to the last (inside the caller's
    transaction, so the entry and the change it records are stored together)."""
    lock_for_append(conn, "audit_log")
    last = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).first()
    prev = str(last[0] or "") if last else ""
    detail_json = json.dumps(detail, ensure_ascii=False)
    conn.execute(
        insert(audit_log).values(
            at=at,
            who=who,
            action=action,
            detail_json=detail_json,
            prev_hash=prev,
            hash=audit_hash(prev, at, who, action, detail_json),
        )
    )


def _stored(e: EntityRow) -> str:
    """An entity's data as stored: its documents are its members', not repeated (a person
    named in thousands of documents would carry them all in every read)."""
    return json.dumps({k: v for k, v in e.data.items() if k != "documents"}, ensure_ascii=False)


def _entity_row(row: Any, members: list[tuple[str, str]]) -> EntityRow:
    data = json.loads(row["data_json"])
    data["documents"] = sorted({doc for _key, doc in members})
    return EntityRow(row["id"], row["kind"], row["name"], data, tuple(sorted(members)))
