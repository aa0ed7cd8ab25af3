"""Rejects: one row per (input, reason), enforced by a unique index, with how often it was seen.

`origin_key` is the SHA-256 of the origin: the unique index is on it (and the reason), not on the origin itself,
because an origin may be a URL or path longer than PostgreSQL's B-tree entry limit (about 2.7 kB). Existing
repeats are folded into their first row, which keeps the latest detail and time and counts the repeats in `seen`.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def origin_key(origin: str) -> str:
    # Frozen copy of schema.origin_key at this revision.
    return hashlib.sha256(origin.encode("utf-8", "surrogatepass")).hexdigest()


def upgrade() -> None:
    op.add_column("rejects", sa.Column("origin_key", sa.String(64)))
    op.add_column("rejects", sa.Column("seen", sa.Integer, nullable=False, server_default="1"))
    rejects = sa.table("rejects", sa.column("id", sa.Integer), sa.column("origin", sa.Text),
                       sa.column("reason", sa.String), sa.column("detail", sa.Text), sa.column("at", sa.DateTime),
                       sa.column("origin_key", sa.String), sa.column("seen", sa.Integer))
    conn = op.get_bind()
    groups: dict[tuple[str, str], list[sa.Row]] = {}
    for row in conn.execute(sa.select(rejects).order_by(rejects.c.id)):
        groups.setdefault((row.origin, row.reason), []).append(row)
    for (origin, _), rows in groups.items():
        first, last = rows[0], rows[-1]
        conn.execute(sa.update(rejects).where(rejects.c.id == first.id).values(
            origin_key=origin_key(origin), detail=last.detail, at=last.at, seen=len(rows)))
        if len(rows) > 1:
            conn.execute(sa.delete(rejects).where(rejects.c.id.in_([r.id for r in rows[1:]])))
    with op.batch_alter_table("rejects") as batch:
        batch.alter_column("origin_key", existing_type=sa.String(64), nullable=False)
    op.create_index("ux_rejects_origin_reason", "rejects", ["origin_key", "reason"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_rejects_origin_reason", table_name="rejects")
    with op.batch_alter_table("rejects") as batch:
        batch.drop_column("seen")
        batch.drop_column("origin_key")
