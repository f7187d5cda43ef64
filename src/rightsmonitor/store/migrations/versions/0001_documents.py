"""Documents, their original bytes and their units.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "originals",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), sa.ForeignKey("originals.sha256"), primary_key=True),
        sa.Column("source_name", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(64), nullable=False),
        sa.Column("encoding", sa.String(32)),
        sa.Column("language", sa.String(8)),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("procedure", sa.String(32)),
        sa.Column("references_json", sa.Text, nullable=False),
        sa.Column("structured", sa.Boolean, nullable=False),
        sa.Column("read_text", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("offsets_json", sa.Text, nullable=False),
        sa.Column("warnings_json", sa.Text, nullable=False),
        sa.Column("parser_version", sa.String(32), nullable=False),
        sa.Column("confidentiality", sa.String(16), nullable=False, server_default="public"),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "units",
        sa.Column("id", sa.String(96), primary_key=True),
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("verb", sa.Text),
        sa.Column("stance", sa.String(64)),
        sa.Column("addressees_json", sa.Text, nullable=False),
        sa.Column("footnote_refs_json", sa.Text, nullable=False),
    )
    op.create_index("ix_units_document", "units", ["document_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_units_document", table_name="units")
    op.drop_table("units")
    op.drop_table("documents")
    op.drop_table("originals")
