"""The registry in the store: entities rebuilt by resolution, judgments and an append-only log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from rightsmonitor.store.schema import (
    audit_log,
    documents,
    entity_redirects,
    facts,
    judgments,
    registry_entities,
    registry_members,
    registry_reviews,
)

__all__ = ["EntityRow", "RegistryStore"]


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

    def facts(self, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
        """(document id, document language, fact) for every fact of ``kind``, in ingest order."""
        with self.engine.connect() as conn:
            q = (
                select(facts.c.document_id, documents.c.language, facts.c.data_json)
                .join(documents, documents.c.id == facts.c.document_id)
                .where(facts.c.kind == kind)
                .order_by(documents.c.ingested_at, facts.c.document_id, facts.c.id)
            )
            return [(d, lang or "", json.loads(j)) for d, lang, j in conn.execute(q)]

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
        redirects: dict[str, str] | None = None,
        at: str = "",
    ) -> None:
        """Swap the registry of ``kind`` for a new one, with the ids that now redirect, in one
        transaction."""
        with self.engine.begin() as conn:
            live = {e.id for e in entities}
            # an id that names an entity again is no longer redirected
            conn.execute(delete(entity_redirects).where(entity_redirects.c.old_id.in_(live)))
            for was, now in (redirects or {}).items():
                conn.execute(delete(entity_redirects).where(entity_redirects.c.old_id == was))
                conn.execute(
                    insert(entity_redirects).values(old_id=was, new_id=now, kind=kind, at=at)
                )
            old = select(registry_entities.c.id).where(registry_entities.c.kind == kind)
            conn.execute(delete(registry_members).where(registry_members.c.entity_id.in_(old)))
            conn.execute(delete(registry_entities).where(registry_entities.c.kind == kind))
            conn.execute(delete(registry_reviews).where(registry_reviews.c.kind == kind))
            if entities:
                conn.execute(
                    insert(registry_entities),
                    [
                        {
                            "id": e.id,
                            "kind": kind,
                            "name": e.name,
                            "data_json": json.dumps(e.data, ensure_ascii=False),
                        }
                        for e in entities
                    ],
                )
                conn.execute(
                    insert(registry_members),
                    [
                        {"entity_id": e.id, "member_key": key, "document_id": doc}
                        for e in entities
                        for key, doc in e.members
                    ],
                )
            if reviews:
                conn.execute(
                    insert(registry_reviews),
                    [
                        {
                            "kind": kind,
                            "a": a,
                            "b": b,
                            "score": score,
                            "reasons_json": json.dumps(r),
                        }
                        for a, b, score, r in reviews
                    ],
                )

    def entities(self, kind: str) -> list[EntityRow]:
        with self.engine.connect() as conn:
            rows = (
                conn.execute(
                    select(registry_entities)
                    .where(registry_entities.c.kind == kind)
                    .order_by(registry_entities.c.name)
                )
                .mappings()
                .all()
            )
            members: dict[str, list[tuple[str, str]]] = {}
            for eid, key, doc in conn.execute(
                select(
                    registry_members.c.entity_id,
                    registry_members.c.member_key,
                    registry_members.c.document_id,
                )
            ):
                members.setdefault(eid, []).append((key, doc))
        return [
            EntityRow(
                r["id"],
                r["kind"],
                r["name"],
                json.loads(r["data_json"]),
                tuple(sorted(members.get(r["id"], []))),
            )
            for r in rows
        ]

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
            conn.execute(
                insert(audit_log).values(
                    at=at,
                    who=who,
                    action=detail.get("action", kind),
                    detail_json=json.dumps(detail, ensure_ascii=False),
                )
            )

    def judgments(self) -> list[tuple[str, str, str]]:
        with self.engine.connect() as conn:
            q = select(judgments.c.kind, judgments.c.a, judgments.c.b).order_by(judgments.c.id)
            return [(k, a, b) for k, a, b in conn.execute(q)]

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
                }
                for r in conn.execute(q)
            ]
