"""The tables. Each row keeps the object's full JSON payload (exact round trip) plus the columns queries filter on."""

from __future__ import annotations

import hashlib

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()

# Not `sources`: unbounded text, and PostgreSQL refuses index rows over ~2.7 kB.
LISTING_COLUMNS = ("event_date", "event_id", "status", "event_type", "sub_event_type", "confidence", "actor1",
                   "actor2", "lat", "lon")

documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # ingestion order
    Column("document_id", String(64), nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("publisher", String(255)),
    Column("published", Date),
    Column("language", String(16)),
    Column("ingested_at", DateTime(timezone=False), nullable=False),
    Column("extracted_at", DateTime(timezone=False)),  # NULL: ingested, not yet extracted
    Column("payload", Text, nullable=False),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("detail", Text, nullable=False),
    Column("at", DateTime(timezone=False), nullable=False),  # when last seen
    Column("origin_key", String(64), nullable=False),  # origin_key(origin): origins can outgrow an index entry
    Column("seen", Integer, nullable=False, server_default="1"),  # how many times it was rejected
    Index("ux_rejects_origin_reason", "origin_key", "reason", unique=True),
)


def origin_key(origin: str) -> str:
    """What the rejects' unique index holds for an origin (a path or URL of any length)."""
    return hashlib.sha256(origin.encode("utf-8", "surrogatepass")).hexdigest()


claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(64), primary_key=True),
    Column("document_id", String(64), nullable=False),
    Column("event_type", String(64), nullable=False, index=True),
    Column("sub_event_type", String(64)),
    Column("certainty", String(16), nullable=False),
    Column("admin1_code", String(32), index=True),
    Column("admin2_code", String(32), index=True),
    Column("date_low", Date),
    Column("date_high", Date),
    Column("payload", Text, nullable=False),
    Column("layout", String(16)),  # codec.layout of the payload's class when written (NULL: before 0004)
    # Listing order of GET /claims, and a document's claims: a page reads only its rows, in order, never the table.
    Index("ix_claims_document_claim", "document_id", "claim_id"),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("event_date", Date, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("actor1", String(255)),
    Column("actor2", String(255)),
    Column("unit_code", String(32), index=True),  # admin2 code, else admin1 code, of the event's place
    Column("sources", Text, nullable=False),  # "\x1f"-joined source names, for the source filter
    Column("payload", Text, nullable=False),
    Column("layout", String(16)),
    Column("feature", Text),  # the event's GeoJSON Feature, pre-serialised (store.features; NULL: not yet made)
    Index("ix_events_date_lat_lon", "event_date", "lat", "lon"),
    # Listing order (a page needs no sort), holding the filtered columns: a filter that must look far for its rows
    # (a rare actor, a status) reads this index, not the events' payloads; only the page's rows are fetched.
    Index("ix_events_listing", *LISTING_COLUMNS),
    Index("ix_events_lat_lon", "lat", "lon"),
    # An actor filter that matches few events reads them here, in listing order, instead of the whole listing.
    Index("ix_events_actor1", "actor1", "event_date", "event_id"),
    Index("ix_events_actor2", "actor2", "event_date", "event_id"),
)

# One row per (event, source name): the source filter's look-up (events.sources is one joined string, and no index
# can find a name inside it). `source_key` is store.features.source_key(source): names may outgrow an index entry.
event_sources = Table(
    "event_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_key", String(32), nullable=False),
    Column("source", Text, nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("event_date", Date, nullable=False),
    Index("ix_event_sources_key", "source_key", "event_date", "event_id"),
    Index("ix_event_sources_event", "event_id"),
)

control_states = Table(
    "control_states",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("unit_code", String(32), nullable=False),
    Column("level", Integer, nullable=False),
    Column("admin1", String(255)),
    Column("since", Date, nullable=False),
    Column("until", Date),
    Column("status", String(16), nullable=False),
    Column("payload", Text, nullable=False),
    Column("layout", String(16)),
    Index("ix_control_unit_since_id", "unit_code", "since", "id"),  # a unit's latest state: one seek
    Index("ix_control_since", "since"),  # the first and last day of all timelines: index ends
    Index("ix_control_until", "until"),
)

# One row (id 1): the write generation, which every write transaction of the store advances (the API's response
# cache and ETags are keyed on it), and a random epoch, new with each database.
store_state = Table(
    "store_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("generation", BigInteger, nullable=False),
    Column("epoch", String(32), nullable=False),
)

source_reliability = Table(
    "source_reliability",
    metadata,
    Column("name", String(255), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("reliability", Float, nullable=False),
    Column("claims", Integer, nullable=False),
    Index("ix_sources_rank", text("reliability DESC"), "name"),  # listing order of GET /sources
)
