"""What lets the API answer a list page cheaply and cache it safely.

- `store_state`: one row, the database's write generation (every write transaction of the store adds one) and a
  random epoch (a database made again from scratch never repeats an ETag of the old one);
- `layout` on events, claims and control states: the fingerprint of the dataclass layout the payload was written
  in; a row in the current layout is sent as stored, others are validated into the response model first;
- control states `(unit_code, since, id)`: the latest state of a unit is one index seek (PostgreSQL's index does
  not carry the id otherwise; SQLite's always did, as its rowid); `since` and `until` alone: the first and last
  day of all timelines are index ends, not a scan;
- `ix_events_listing` also holds `lat` and `lon`: a bounding box is tested in the index, and only the events inside
  it are read (they were each read to test it).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copy of schema.LISTING_COLUMNS at this revision.
LISTING_COLUMNS = ["event_date", "event_id", "status", "event_type", "sub_event_type", "confidence", "actor1",
                   "actor2", "lat", "lon"]


def upgrade() -> None:
    state = op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("generation", sa.BigInteger, nullable=False),
        sa.Column("epoch", sa.String(32), nullable=False),
    )
    op.bulk_insert(state, [{"id": 1, "generation": 0, "epoch": secrets.token_hex(8)}])
    for table in ("events", "claims", "control_states"):
        op.add_column(table, sa.Column("layout", sa.String(16)))
    op.create_index("ix_control_unit_since_id", "control_states", ["unit_code", "since", "id"])
    op.drop_index("ix_control_unit_since", table_name="control_states")
    op.create_index("ix_control_since", "control_states", ["since"])
    op.create_index("ix_control_until", "control_states", ["until"])
    op.drop_index("ix_events_listing", table_name="events")
    op.create_index("ix_events_listing", "events", LISTING_COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_events_listing", table_name="events")
    op.create_index("ix_events_listing", "events", LISTING_COLUMNS[:-2])
    op.drop_index("ix_control_until", table_name="control_states")
    op.drop_index("ix_control_since", table_name="control_states")
    op.create_index("ix_control_unit_since", "control_states", ["unit_code", "since"])
    op.drop_index("ix_control_unit_since_id", table_name="control_states")
    for table in ("events", "claims", "control_states"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("layout")
    op.drop_table("store_state")
