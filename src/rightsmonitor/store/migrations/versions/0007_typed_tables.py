"""Typed tables: mentions with spans, events with participants and roles, calls with
addressees and targets, legal provisions and entity aliases as real columns with indexes, and
a confidentiality level on units, facts and entities. Filled from the stored facts and
entities, so an existing database keeps everything (see docs/SCHEMA.md).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from rightsmonitor.store.projection import TYPED_TABLES, project

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _document_id() -> sa.Column[str]:
    return sa.Column(
        "document_id",
        sa.String(64),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    )


def _level() -> sa.Column[str]:
    return sa.Column("confidentiality", sa.String(16), nullable=False, server_default="public")


def _tables() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_id(),
        sa.Column("record_key", sa.String(140), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("norm", sa.Text),
        _level(),
    )
    op.create_index("ix_mentions_record", "mentions", ["record_key"])
    op.create_index("ix_mentions_document", "mentions", ["document_id", "unit"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(120), primary_key=True),
        _document_id(),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("polarity", sa.Text, nullable=False),
        sa.Column("date", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        _level(),
    )
    op.create_index("ix_events_type", "events", ["type", "polarity"])
    op.create_index("ix_events_document", "events", ["document_id"])
    op.create_table(
        "event_participants",
        sa.Column(
            "event_id",
            sa.String(120),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("record_key", sa.String(140), primary_key=True),
        sa.Column("role", sa.String(16), primary_key=True),
    )
    op.create_index("ix_event_participants_record", "event_participants", ["record_key"])
    op.create_table(
        "calls",
        sa.Column("id", sa.String(120), primary_key=True),
        _document_id(),
        sa.Column("unit", sa.String(16), nullable=False),
        sa.Column("stance", sa.Text),
        sa.Column("action", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        _level(),
    )
    op.create_index("ix_calls_document", "calls", ["document_id"])
    op.create_index("ix_calls_action", "calls", ["action"])
    op.create_table(
        "call_addressees",
        sa.Column(
            "call_id",
            sa.String(120),
            sa.ForeignKey("calls.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("addressee", sa.Text, nullable=False),
    )
    op.create_table(
        "call_targets",
        sa.Column(
            "call_id",
            sa.String(120),
            sa.ForeignKey("calls.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("record_key", sa.String(140), primary_key=True),
    )
    op.create_index("ix_call_targets_record", "call_targets", ["record_key"])
    op.create_table(
        "provisions",
        sa.Column("record_key", sa.String(140), primary_key=True),
        _document_id(),
        sa.Column("article", sa.Text),
        sa.Column("instrument", sa.Text),
        _level(),
    )
    op.create_index("ix_provisions_article", "provisions", ["article"])
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.String(40), primary_key=True),
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("script", sa.String(8), nullable=False),
        sa.Column("languages", sa.String(200), nullable=False),
    )
    op.create_index("ix_entity_aliases_name", "entity_aliases", ["name"])


def _fill() -> None:
    conn = op.get_bind()
    meta = sa.MetaData()
    tables = {name: sa.Table(name, meta, autoload_with=conn) for name in TYPED_TABLES}
    facts = sa.Table("facts", meta, autoload_with=conn)
    documents = sa.Table("documents", meta, autoload_with=conn)
    levels = dict(conn.execute(sa.select(documents.c.id, documents.c.confidentiality)).all())
    for doc, level in levels.items():
        rows = conn.execute(
            sa.select(facts.c.id, facts.c.kind, facts.c.data_json).where(facts.c.document_id == doc)
        ).all()
        typed = project(str(doc), [(str(i), str(k), str(j)) for i, k, j in rows], str(level))
        for name in TYPED_TABLES:
            if typed[name]:
                conn.execute(sa.insert(tables[name]), typed[name])
    entities = sa.Table("registry_entities", meta, autoload_with=conn)
    aliases = sa.Table("entity_aliases", meta, autoload_with=conn)
    out: list[dict[str, Any]] = []
    for eid, data in conn.execute(sa.select(entities.c.id, entities.c.data_json)):
        named = {str(a["name"]): a for a in json.loads(data).get("aliases", [])}
        out += [
            {
                "entity_id": eid,
                "name": name,
                "script": str(a.get("script") or ""),
                "languages": " ".join(a.get("languages", [])),
            }
            for name, a in named.items()
        ]
    if out:
        conn.execute(sa.insert(aliases), out)


def upgrade() -> None:
    for table in ("units", "facts", "registry_entities"):
        op.add_column(table, _level())
    _tables()
    _fill()


def downgrade() -> None:
    for table in (
        "entity_aliases",
        "provisions",
        "call_targets",
        "call_addressees",
        "calls",
        "event_participants",
        "events",
        "mentions",
    ):
        op.drop_table(table)
    for table in ("units", "facts", "registry_entities"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("confidentiality")
