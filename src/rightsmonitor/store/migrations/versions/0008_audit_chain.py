"""Tamper-evident audit log: each entry carries the hash of the one before and its own
(SHA-256 over the previous hash, time, user, action and detail), so that a changed, inserted
or removed entry breaks the chain (`rightsmonitor audit --verify`). Existing entries are
chained in id order.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from rightsmonitor.store.registry import audit_hash

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(64)))
    op.add_column("audit_log", sa.Column("hash", sa.String(64)))
    conn = op.get_bind()
    log = sa.Table("audit_log", sa.MetaData(), autoload_with=conn)
    prev = ""
    rows = conn.execute(
        sa.select(log.c.id, log.c.at, log.c.who, log.c.action, log.c.detail_json).order_by(log.c.id)
    ).all()
    for row_id, at, who, action, detail in rows:
        digest = audit_hash(prev, at, who, action, detail)
        conn.execute(sa.update(log).where(log.c.id == row_id).values(prev_hash=prev, hash=digest))
        prev = digest


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
