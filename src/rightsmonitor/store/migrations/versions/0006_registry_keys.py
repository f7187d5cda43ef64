"""Incremental resolution: every entity's name keys (its name nodes and their blocks), so a
new document's names find the entities they must be compared with without reading the whole
registry. A registry from before this revision has no keys; the next resolution rebuilds it
once and fills them.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "registry_keys",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("entity_id", sa.String(40), primary_key=True),
    )
    op.create_index("ix_registry_keys_entity", "registry_keys", ["entity_id"])
    op.create_index("ix_registry_members_document", "registry_members", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_registry_members_document", "registry_members")
    op.drop_index("ix_registry_keys_entity", "registry_keys")
    op.drop_table("registry_keys")
