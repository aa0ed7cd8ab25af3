"""Events: an index in listing order (newest first), so a page of `GET /events` needs no sort of the whole table.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_date_id", "events", ["event_date", "event_id"])


def downgrade() -> None:
    op.drop_index("ix_events_date_id", table_name="events")
