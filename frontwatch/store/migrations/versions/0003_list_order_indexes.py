"""Indexes in listing order, so a page of `GET /claims`, `/sources` or a filtered `/events` reads only its rows.

- claims `(document_id, claim_id)` replaces the index on `document_id` alone (it serves the same look-ups);
- sources `(reliability DESC, name)`;
- events: `(event_date, event_id)` grows into `ix_events_listing`, which also holds every filtered column, so a
  filter that scans (a rare actor, a status) reads the index and not the events' payloads. The indexes on
  `status` and `(event_type, sub_event_type)` go: with them the planner fetched every matching row to sort it.

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

# Frozen copy of schema.LISTING_COLUMNS at this revision.
LISTING_COLUMNS = ["event_date", "event_id", "status", "event_type", "sub_event_type", "confidence", "actor1",
                   "actor2"]


def upgrade() -> None:
    op.create_index("ix_claims_document_claim", "claims", ["document_id", "claim_id"])
    op.drop_index("ix_claims_document_id", table_name="claims")
    op.create_index("ix_sources_rank", "source_reliability", [sa.text("reliability DESC"), "name"])
    op.create_index("ix_events_listing", "events", LISTING_COLUMNS)
    op.drop_index("ix_events_date_id", table_name="events")
    op.drop_index("ix_events_status", table_name="events")
    op.drop_index("ix_events_type", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_type", "events", ["event_type", "sub_event_type"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_index("ix_events_date_id", "events", ["event_date", "event_id"])
    op.drop_index("ix_events_listing", table_name="events")
    op.drop_index("ix_sources_rank", table_name="source_reliability")
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.drop_index("ix_claims_document_claim", table_name="claims")
