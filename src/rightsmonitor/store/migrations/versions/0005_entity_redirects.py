"""Stable entity ids: an id that no longer names an entity (merged, or its records moved)
redirects to the entity that holds its earliest record.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_redirects",
        sa.Column("old_id", sa.String(40), primary_key=True),
        sa.Column("new_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("entity_redirects")
