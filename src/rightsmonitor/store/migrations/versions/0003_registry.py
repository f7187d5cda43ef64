"""The registry of persons and organisations across documents, curator judgments, audit log.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registry_entities",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("data_json", sa.Text, nullable=False),
    )
    op.create_table(
        "registry_members",
        sa.Column("entity_id", sa.String(40), nullable=False),
        sa.Column("member_key", sa.String(140), primary_key=True),
        sa.Column("document_id", sa.String(64), nullable=False),
    )
    op.create_index("ix_registry_members_entity", "registry_members", ["entity_id"])
    op.create_table(
        "registry_reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("a", sa.String(40), nullable=False),
        sa.Column("b", sa.String(40), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons_json", sa.Text, nullable=False),
    )
    op.create_table(
        "judgments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),  # same | not_same
        sa.Column("a", sa.String(140), nullable=False),  # member keys
        sa.Column("b", sa.String(140), nullable=False),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail_json", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("audit_log", "judgments", "registry_reviews"):
        op.drop_table(table)
    op.drop_index("ix_registry_members_entity", table_name="registry_members")
    op.drop_table("registry_members")
    op.drop_table("registry_entities")
