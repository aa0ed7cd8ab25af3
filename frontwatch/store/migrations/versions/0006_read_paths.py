"""Read paths that stay cheap at 100k events: pre-serialised GeoJSON features, actor indexes, a source look-up.

- events.feature: each event's GeoJSON Feature as the API sends it (store.features), filled here for the events
  already stored;
- `(actor1, event_date, event_id)` and `(actor2, …)`: an actor filter matching few events reads only theirs;
- event_sources: one row per (event, source name), indexed by a hash of the name, filled from events.sources.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5_000


def source_key(name: str) -> str:
    # Frozen copy of store.features.source_key at this revision.
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _feature(event: dict[str, Any]) -> str:
    # Frozen copy of store.features.event_feature_json at this revision.
    place = event["place"]
    lat, lon = place.get("lat"), place.get("lon")
    a1, a2 = event.get("actor1"), event.get("actor2")
    props = {
        "event_id": event["event_id"], "event_date": event["event_date"], "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"], "actor1": a1["name"] if a1 else None,
        "actor2": a2["name"] if a2 else None, "status": event["status"], "confidence": event["confidence"],
        "fatalities": event["fatalities"], "place": place["name"], "admin1": place.get("admin1"),
        "admin2": place.get("admin2"), "unit_code": place.get("admin2_code") or place.get("admin1_code"),
        "geo_precision": place.get("geo_precision"), "time_precision": event["time_precision"],
        "sources": event["sources"],
    }
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    feature = {"type": "Feature", "id": event["event_id"], "geometry": geometry, "properties": props}
    return json.dumps(feature, ensure_ascii=False, separators=(",", ":"))


def upgrade() -> None:
    op.add_column("events", sa.Column("feature", sa.Text))
    op.create_index("ix_events_actor1", "events", ["actor1", "event_date", "event_id"])
    op.create_index("ix_events_actor2", "events", ["actor2", "event_date", "event_id"])
    op.create_table(
        "event_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_key", sa.String(32), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("event_date", sa.Date, nullable=False),
    )
    events = sa.table("events", sa.column("event_id", sa.String), sa.column("event_date", sa.Date),
                      sa.column("sources", sa.Text), sa.column("payload", sa.Text), sa.column("layout", sa.String),
                      sa.column("feature", sa.Text))
    sources = sa.table("event_sources", sa.column("source_key", sa.String), sa.column("source", sa.Text),
                       sa.column("event_id", sa.String), sa.column("event_date", sa.Date))
    conn = op.get_bind()
    last = ""
    while True:  # in batches by id (keyset): memory stays flat however many events are stored
        batch = conn.execute(sa.select(events.c.event_id, events.c.event_date, events.c.sources, events.c.payload)
                             .where(events.c.event_id > last).order_by(events.c.event_id).limit(BATCH)).all()
        if not batch:
            break
        last = batch[-1].event_id
        links = [{"source_key": source_key(name), "source": name, "event_id": r.event_id, "event_date": r.event_date}
                 for r in batch for name in dict.fromkeys(r.sources.split("\x1f")) if name]
        if links:
            conn.execute(sources.insert(), links)
        features = []
        for r in batch:
            try:  # a payload of an older layout gets its feature when fusion writes it again
                features.append({"k": r.event_id, "f": _feature(json.loads(r.payload))})
            except (KeyError, TypeError, ValueError):
                continue
        if features:
            conn.execute(sa.update(events).where(events.c.event_id == sa.bindparam("k"))
                         .values(feature=sa.bindparam("f")), features)
    op.create_index("ix_event_sources_key", "event_sources", ["source_key", "event_date", "event_id"])
    op.create_index("ix_event_sources_event", "event_sources", ["event_id"])


def downgrade() -> None:
    op.drop_table("event_sources")
    op.drop_index("ix_events_actor2", table_name="events")
    op.drop_index("ix_events_actor1", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("feature")
