"""Claims and sources: indexes in listing order, so a page of `GET /claims` or `GET /sources` reads only its rows.

`(document_id, claim_id)` replaces the index on `document_id` alone (it serves the same look-ups).

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
    op.create_index("ix_claims_document_claim", "claims", ["document_id", "claim_id"])
    op.drop_index("ix_claims_document_id", table_name="claims")
    op.create_index("ix_sources_rank", "source_reliability", [sa.text("reliability DESC"), "name"])


def downgrade() -> None:
    op.drop_index("ix_sources_rank", table_name="source_reliability")
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.drop_index("ix_claims_document_claim", table_name="claims")
