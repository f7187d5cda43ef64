"""Documents in the store: add one (with its original bytes and units) in one transaction."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from rightsmonitor.model import OffsetMap, ParsedDocument, ReadText
from rightsmonitor.store.engine import chunks
from rightsmonitor.store.projection import TYPED_TABLES, project
from rightsmonitor.store.schema import (
    call_addressees,
    call_targets,
    calls,
    documents,
    event_participants,
    events,
    facts,
    mentions,
    metadata,
    originals,
    provisions,
    registry_pending,
    units,
)

__all__ = ["DocumentRecord", "DocumentStore"]


@dataclass(frozen=True)
class DocumentRecord:
    id: str
    source_name: str
    media_type: str
    language: str | None
    doc_type: str
    title: str | None
    date: str | None
    procedure: str | None
    references: tuple[str, ...]
    structured: bool
    units: dict[str, int]
    ingested_at: str


class DocumentStore:
    """Reads and writes documents through SQLAlchemy Core; one code path for every dialect."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(documents.c.id).where(documents.c.id == sha256)).first()
                is not None
            )

    def remove(self, sha256: str) -> None:
        """Forget one document: its facts, units, text and original bytes (one transaction)."""
        with self.engine.begin() as conn:
            _remove(conn, sha256)

    def add(
        self,
        sha256: str,
        data: bytes,
        source_name: str,
        read: ReadText,
        parsed: ParsedDocument,
        parser_version: str,
        now: str,
        fact_rows: list[tuple[str, str, str, str]] | None = None,
        replace: bool = False,
    ) -> None:
        """Store everything about one document, or nothing (one transaction): its bytes,
        text, units, facts (``fact_rows``: fact id, kind, extractor, JSON data) and their
        typed projections. ``replace``: the document was stored before and is replaced in
        the same transaction (a forced re-ingest never leaves it half gone)."""
        meta = parsed.meta
        with self.engine.begin() as conn:
            if replace:
                _remove(conn, sha256)
            # the registry takes it in next (``RegistryStore.pending``), even after a crash
            conn.execute(delete(registry_pending).where(registry_pending.c.document_id == sha256))
            conn.execute(insert(registry_pending).values(document_id=sha256))
            conn.execute(insert(originals).values(sha256=sha256, size=len(data), data=data))
            conn.execute(
                insert(documents).values(
                    id=sha256,
                    source_name=source_name,
                    media_type=read.media_type,
                    encoding=read.encoding,
                    language=meta.language,
                    doc_type=meta.doc_type,
                    title=meta.title,
                    date=meta.date,
                    procedure=meta.procedure,
                    references_json=json.dumps(list(meta.references)),
                    structured=parsed.structured,
                    read_text=read.text,
                    text=parsed.text,
                    offsets_json=json.dumps(parsed.offsets.to_json()),
                    warnings_json=json.dumps(list(parsed.warnings)),
                    parser_version=parser_version,
                    ingested_at=now,
                )
            )
            rows = [
                {
                    "id": f"{sha256}/{u.id}",
                    "document_id": sha256,
                    "seq": seq,
                    "kind": u.kind,
                    "label": u.label,
                    "start": u.start,
                    "end": u.end,
                    "text": u.text,
                    "verb": u.verb,
                    "stance": u.stance,
                    "addressees_json": json.dumps(list(u.addressees), ensure_ascii=False),
                    "footnote_refs_json": json.dumps(list(u.footnote_refs)),
                }
                for seq, u in enumerate(parsed.units)
            ]
            if rows:
                conn.execute(insert(units), rows)
            if fact_rows:
                conn.execute(
                    insert(facts),
                    [
                        {
                            "id": f"{sha256}/{fid}",
                            "document_id": sha256,
                            "kind": kind,
                            "extractor": extractor,
                            "data_json": payload,
                        }
                        for fid, kind, extractor, payload in fact_rows
                    ],
                )
                typed = project(sha256, [(f"{sha256}/{f}", k, j) for f, k, _e, j in fact_rows])
                for table in TYPED_TABLES:
                    if typed[table]:
                        conn.execute(insert(metadata.tables[table]), typed[table])

    def records(self, ids: Collection[str] | None = None) -> Iterator[DocumentRecord]:
        """Every document's record (or those of ``ids``) in ingest order, without its text."""
        counts: dict[str, dict[str, int]] = {}
        columns = [c for c in documents.c if c.name not in _BULKY]
        rows: list[Any] = []
        with self.engine.connect() as conn:
            q = select(units.c.document_id, units.c.kind, func.count()).group_by(
                units.c.document_id, units.c.kind
            )
            d = select(*columns)
            if ids is None:
                batches = [(q, d)]
            else:
                batches = [
                    (q.where(units.c.document_id.in_(c)), d.where(documents.c.id.in_(c)))
                    for c in chunks(ids)
                ]
            for count_q, doc_q in batches:
                for doc_id, kind, n in conn.execute(count_q):
                    counts.setdefault(doc_id, {})[kind] = int(n)
                rows += conn.execute(doc_q).mappings().all()
        rows.sort(key=lambda r: (r["ingested_at"], r["id"]))
        for row in rows:
            yield _record(row, counts.get(row["id"], {}))

    def text_and_offsets(self, sha256: str) -> tuple[str, str, OffsetMap] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(documents.c.read_text, documents.c.text, documents.c.offsets_json).where(
                    documents.c.id == sha256
                )
            ).first()
        if row is None:
            return None
        return row[0], row[1], OffsetMap.from_json(json.loads(row[2]), len(row[0]))

    def original(self, sha256: str) -> bytes | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(originals.c.data).where(originals.c.sha256 == sha256)).first()
        return bytes(row[0]) if row else None

    def fact_counts(self, sha256: str) -> dict[str, int]:
        with self.engine.connect() as conn:
            q = (
                select(facts.c.kind, func.count())
                .where(facts.c.document_id == sha256)
                .group_by(facts.c.kind)
            )
            return {kind: int(n) for kind, n in conn.execute(q)}

    def fact_rows(self, sha256: str, kind: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            q = (
                select(facts)
                .where(facts.c.document_id == sha256, facts.c.kind == kind)
                .order_by(facts.c.id)
            )
            return [json.loads(r.data_json) | {"extractor": r.extractor} for r in conn.execute(q)]

    def fact_rows_of(
        self, kind: str, ids: Collection[str] | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """Document id → its facts of ``kind`` (as ``fact_rows``), for the given documents or
        all, in a few queries instead of one per document."""
        out: dict[str, list[dict[str, Any]]] = {}
        base = select(facts).where(facts.c.kind == kind)
        queries = (
            [base] if ids is None else [base.where(facts.c.document_id.in_(c)) for c in chunks(ids)]
        )
        with self.engine.connect() as conn:
            for q in queries:
                for r in conn.execute(q.order_by(facts.c.document_id, facts.c.id)):
                    fact = json.loads(r.data_json) | {"extractor": r.extractor}
                    out.setdefault(str(r.document_id), []).append(fact)
        return out

    def unit_texts_of(self, ids: Collection[str]) -> dict[str, dict[str, str]]:
        """Document id → its ``unit_texts``, for many documents in a few queries."""
        out: dict[str, dict[str, str]] = {doc: {} for doc in ids}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                q = (
                    select(units.c.document_id, units.c.id, units.c.text)
                    .where(units.c.document_id.in_(chunk))
                    .order_by(units.c.document_id, units.c.seq)
                )
                for doc, i, t in conn.execute(q):
                    out[str(doc)][str(i).partition("/")[2]] = str(t)
        return out

    def unit_labels_of(self, ids: Collection[str]) -> dict[str, dict[str, tuple[str, str]]]:
        """Document id → unit id → (kind, label), for many documents in a few queries."""
        out: dict[str, dict[str, tuple[str, str]]] = {doc: {} for doc in ids}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                q = select(units.c.document_id, units.c.id, units.c.kind, units.c.label).where(
                    units.c.document_id.in_(chunk)
                )
                for doc, i, kind, label in conn.execute(q):
                    out[str(doc)][str(i).rpartition("/")[2]] = (str(kind), str(label))
        return out

    def meta(self, ids: Collection[str]) -> dict[str, tuple[str | None, str | None]]:
        """Document id → (date, language), for the given documents only."""
        out: dict[str, tuple[str | None, str | None]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                q = select(documents.c.id, documents.c.date, documents.c.language).where(
                    documents.c.id.in_(chunk)
                )
                out.update({str(i): (d, lang) for i, d, lang in conn.execute(q)})
        return out

    def unit_texts(self, sha256: str) -> dict[str, str]:
        """Unit id within the document ('p3', 'rF') → its text, in document order."""
        with self.engine.connect() as conn:
            q = (
                select(units.c.id, units.c.text)
                .where(units.c.document_id == sha256)
                .order_by(units.c.seq)
            )
            return {str(i).partition("/")[2]: str(t) for i, t in conn.execute(q)}

    def unit_rows(self, sha256: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            q = select(units).where(units.c.document_id == sha256).order_by(units.c.seq)
            return [dict(r) for r in conn.execute(q).mappings()]


def _remove(conn: Connection, sha256: str) -> None:
    """Delete one document and everything stored with it (children first)."""
    for parent, children in (
        (events, (event_participants,)),
        (calls, (call_addressees, call_targets)),
    ):
        ids = select(parent.c.id).where(parent.c.document_id == sha256)
        for child in children:
            column = child.c.event_id if child is event_participants else child.c.call_id
            conn.execute(delete(child).where(column.in_(ids)))
        conn.execute(delete(parent).where(parent.c.document_id == sha256))
    for table in (mentions, provisions, facts, units):
        conn.execute(delete(table).where(table.c.document_id == sha256))
    conn.execute(delete(documents).where(documents.c.id == sha256))
    conn.execute(delete(originals).where(originals.c.sha256 == sha256))


_BULKY = frozenset({"read_text", "text", "offsets_json"})  # read only when the text is wanted


def _record(row: Any, counts: dict[str, int]) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"],
        source_name=row["source_name"],
        media_type=row["media_type"],
        language=row["language"],
        doc_type=row["doc_type"],
        title=row["title"],
        date=row["date"],
        procedure=row["procedure"],
        references=tuple(json.loads(row["references_json"])),
        structured=bool(row["structured"]),
        units=counts,
        ingested_at=row["ingested_at"],
    )
