"""Tables, in SQLAlchemy Core. Migrations in ``store/migrations`` create exactly these."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "audit_log",
    "call_addressees",
    "call_targets",
    "calls",
    "documents",
    "entity_aliases",
    "entity_redirects",
    "event_participants",
    "events",
    "facts",
    "judgments",
    "mentions",
    "metadata",
    "originals",
    "provisions",
    "registry_entities",
    "registry_keys",
    "registry_members",
    "registry_pending",
    "registry_reviews",
    "units",
    "watch_seen",
    "watches",
]

metadata = MetaData()

originals = Table(
    "originals",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), ForeignKey("originals.sha256"), primary_key=True),
    Column("source_name", Text, nullable=False),
    Column("media_type", String(64), nullable=False),
    Column("encoding", String(32)),
    Column("language", String(8)),
    Column("doc_type", String(32), nullable=False),
    Column("title", Text),
    Column("date", String(10)),
    Column("procedure", String(32)),
    Column("references_json", Text, nullable=False),
    Column("structured", Boolean, nullable=False),
    Column("read_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("offsets_json", Text, nullable=False),
    Column("warnings_json", Text, nullable=False),
    Column("parser_version", String(32), nullable=False),
    Column("confidentiality", String(16), nullable=False, server_default="public"),
    Column("ingested_at", String(32), nullable=False),
)

units = Table(
    "units",
    metadata,
    Column("id", String(96), primary_key=True),
    Column(
        "document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    ),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("label", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("verb", Text),
    Column("stance", String(64)),
    Column("addressees_json", Text, nullable=False),
    Column("footnote_refs_json", Text, nullable=False),
    Column("confidentiality", String(16), nullable=False, server_default="public"),
    Index("ix_units_document", "document_id", "seq"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", String(120), primary_key=True),
    Column(
        "document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    ),
    Column("kind", String(32), nullable=False),
    Column("extractor", String(40), nullable=False),
    Column("data_json", Text, nullable=False),
    Column("confidentiality", String(16), nullable=False, server_default="public"),
    Index("ix_facts_document_kind", "document_id", "kind"),
)

registry_entities = Table(
    "registry_entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("data_json", Text, nullable=False),
    Column("confidentiality", String(16), nullable=False, server_default="public"),
)

registry_members = Table(
    "registry_members",
    metadata,
    Column("entity_id", String(40), nullable=False),
    Column("member_key", String(140), primary_key=True),
    Column("document_id", String(64), nullable=False),
    Index("ix_registry_members_entity", "entity_id"),
    Index("ix_registry_members_document", "document_id"),
)

# an entity's name keys (its name nodes and their blocks): what a new name is compared with
registry_keys = Table(
    "registry_keys",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("entity_id", String(40), primary_key=True),
    Index("ix_registry_keys_entity", "entity_id"),
)

# documents stored but not yet taken in by the registry (a resolution was interrupted)
registry_pending = Table(
    "registry_pending",
    metadata,
    Column("document_id", String(64), primary_key=True),
)

# an id that no longer names an entity → the entity that now holds its earliest record
entity_redirects = Table(
    "entity_redirects",
    metadata,
    Column("old_id", String(40), primary_key=True),
    Column("new_id", String(40), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("at", String(32), nullable=False),
)

registry_reviews = Table(
    "registry_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("a", String(40), nullable=False),
    Column("b", String(40), nullable=False),
    Column("score", Float, nullable=False),
    Column("reasons_json", Text, nullable=False),
)

judgments = Table(
    "judgments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("a", String(140), nullable=False),
    Column("b", String(140), nullable=False),
    Column("who", String(120), nullable=False),
    Column("at", String(32), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("who", String(120), nullable=False),
    Column("action", String(40), nullable=False),
    Column("detail_json", Text, nullable=False),
    Column("prev_hash", String(64)),  # the hash of the entry before (empty for the first)
    Column("hash", String(64)),  # SHA-256 of prev_hash, at, who, action, detail_json
)

watches = Table(
    "watches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("target", Text, nullable=False),
    Column("anchor", String(140)),
    Column("label", Text, nullable=False),
    Column("who", String(120), nullable=False),
    Column("created_at", String(32), nullable=False),
)

watch_seen = Table(
    "watch_seen",
    metadata,
    Column("watch_id", Integer, primary_key=True),
    Column("item", String(240), primary_key=True),
)


# --- typed projections of the facts (``store/projection.py``), for SQL ----------------------
# Written with their document in one transaction; ``facts.data_json`` keeps the whole payload.
# Every row carries the confidentiality of its document (``public`` unless set).


def _document_id() -> Column[str]:
    return Column(
        "document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
    )


def _confidentiality() -> Column[str]:
    return Column("confidentiality", String(16), nullable=False, server_default="public")


mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _document_id(),
    Column("record_key", String(140), nullable=False),  # '<document>/<fact id>'
    Column("kind", String(32), nullable=False),  # persons, organisations, places, …
    Column("unit", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("norm", Text),  # the nominative of an inflected name
    _confidentiality(),
    Index("ix_mentions_record", "record_key"),
    Index("ix_mentions_document", "document_id", "unit"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(120), primary_key=True),  # the fact's id
    _document_id(),
    Column("unit", String(16), nullable=False),
    Column("type", Text, nullable=False),
    Column("polarity", Text, nullable=False),
    Column("date", Text),
    Column("place", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    _confidentiality(),
    Index("ix_events_type", "type", "polarity"),
    Index("ix_events_document", "document_id"),
)

event_participants = Table(
    "event_participants",
    metadata,
    Column("event_id", String(120), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("record_key", String(140), primary_key=True),  # a person or organisation record
    Column("role", String(16), primary_key=True),  # victim, perpetrator, authority
    Index("ix_event_participants_record", "record_key"),
)

calls = Table(
    "calls",
    metadata,
    Column("id", String(120), primary_key=True),
    _document_id(),
    Column("unit", String(16), nullable=False),
    Column("stance", Text),
    Column("action", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    _confidentiality(),
    Index("ix_calls_document", "document_id"),
    Index("ix_calls_action", "action"),
)

call_addressees = Table(
    "call_addressees",
    metadata,
    Column("call_id", String(120), ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("addressee", Text, nullable=False),
)

call_targets = Table(
    "call_targets",
    metadata,
    Column("call_id", String(120), ForeignKey("calls.id", ondelete="CASCADE"), primary_key=True),
    Column("record_key", String(140), primary_key=True),
    Index("ix_call_targets_record", "record_key"),
)

provisions = Table(
    "provisions",
    metadata,
    Column("record_key", String(140), primary_key=True),
    _document_id(),
    Column("article", Text),
    Column("instrument", Text),
    _confidentiality(),
    Index("ix_provisions_article", "article"),
)

entity_aliases = Table(
    "entity_aliases",
    metadata,
    Column("entity_id", String(40), primary_key=True),
    Column("name", Text, primary_key=True),
    Column("script", String(8), nullable=False),
    Column("languages", String(200), nullable=False),  # space-separated codes, 'pl ru'
    Index("ix_entity_aliases_name", "name"),
)
