"""Crash safety of resolution: a document is marked pending resolution in the transaction that
stores it, and unmarked once the registry has taken it in, so a resolution interrupted
between its steps is finished by the next one.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registry_pending",
        sa.Column("document_id", sa.String(64), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("registry_pending")
