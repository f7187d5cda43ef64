"""Saved watches and what each has already reported.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "kind", sa.String(16), nullable=False
        ),  # person | organisation | provision | query
        sa.Column("target", sa.Text, nullable=False),  # entity id when added, or the text
        sa.Column("anchor", sa.String(140)),  # a member record of the entity (ids may move)
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("who", sa.String(120), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "watch_seen",
        sa.Column("watch_id", sa.Integer, primary_key=True),
        sa.Column("item", sa.String(240), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("watch_seen")
    op.drop_table("watches")
