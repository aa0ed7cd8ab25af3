"""Fused events read back: filtered and paged in SQL, a deep page of the whole listing through ids in memory."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from frontwatch.model import Event
from frontwatch.store import reads
from frontwatch.store import schema as t
from frontwatch.store.base import Row, StoreBase
from frontwatch.store.codec import decode

# From this offset on, a page of the unfiltered event listing is found through the ids kept in memory.
DEEP_OFFSET = 1_000


@dataclass(frozen=True)
class EventFilter:
    """Which events a listing keeps (the API's and the Python API's query); None or empty: no constraint. `actor`
    and `source` match a substring, ignoring case."""

    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    date_from: date | None = None
    date_to: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    status: str | None = None
    actor: str | None = None
    source: str | None = None
    min_confidence: float | None = None

    def constrains(self) -> bool:
        """Whether any field narrows the listing (a falsy string does not, as in the query)."""
        return any(v is not None for v in (self.bbox, self.date_from, self.date_to, self.min_confidence)) or any(
            (self.event_type, self.sub_event_type, self.status, self.actor, self.source))


EVERY_EVENT = EventFilter()


class Events(StoreBase):
    _listing_lock: threading.Lock
    _listing: tuple[str, tuple[str, ...]]  # (generation, event ids in listing order)

    def events(self, where: EventFilter = EVERY_EVENT, limit: int | None = None, offset: int = 0) -> list[Event]:
        """Events, newest first (then by id), filtered and paged in SQL."""
        return [decode(Event, p) for p in self.event_payloads(where, limit, offset)]

    def event_payloads(self, where: EventFilter = EVERY_EVENT, limit: int | None = None,
                       offset: int = 0) -> list[str]:
        """What `events` returns, as the stored JSON (the API validates it straight into its response models)."""
        q = self._event_query((t.events.c.payload,), where, limit, offset)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q)]

    def event_rows(self, where: EventFilter = EVERY_EVENT, limit: int | None = None, offset: int = 0,
                   feature: bool = False) -> list[Row]:
        """What `event_payloads` returns, each with its layout; `feature=True`: the stored GeoJSON Features instead
        of the payloads (None for an event stored without one).

        A deep page of the whole listing (no filter) is found in the listing's ids kept in memory for the current
        write generation, then fetched by id: an offset costs a slice instead of a walk of the index up to it.
        """
        if not where.constrains() and limit is not None and offset >= DEEP_OFFSET:
            rows = self._listing_page(offset, limit, feature)
            if rows is not None:
                return rows
        c = t.events.c
        body = c.feature if feature else c.payload
        if offset:
            # The page's ids first, from the listing index (SQLite would read each skipped row's payload to skip
            # it), then their rows.
            q = self._event_query((c.event_id,), where, limit, offset)
            with self.engine.connect() as conn:
                ids = [r[0] for r in conn.execute(q)]
            found = self._rows_by_id(ids, feature)
            return [found[i] for i in ids if i in found]
        q = self._event_query((body, c.layout), where, limit, offset)
        with self.engine.connect() as conn:
            return [(r[0], r[1]) for r in conn.execute(q)]

    def _listing_page(self, offset: int, limit: int, feature: bool = False) -> list[Row] | None:
        """A page of the unfiltered listing through the in-memory id list; None when a write came in between (the
        caller reads it the plain way then)."""
        c = t.events.c
        before = self.generation()
        with self._listing_lock:
            if self._listing[0] != before:
                with self.engine.connect() as conn:
                    ids = conn.execute(select(c.event_id).order_by(c.event_date.desc(), c.event_id.desc()))
                    self._listing = (before, tuple(r[0] for r in ids))
            ids = self._listing[1][offset:offset + limit]
        if not ids:
            return []
        found = self._rows_by_id(list(ids), feature)
        # The list may be newer than `before` (read after it), never older; a write since then voids the page.
        if len(found) != len(ids) or self.generation() != before:
            return None
        return [found[i] for i in ids]

    def _rows_by_id(self, ids: list[str], feature: bool) -> dict[str, Row]:
        """The stored payloads (or features) and layouts of these events, by id: on SQLite through the plain
        connection (store/cache.py), else in one query with the ids as one parameter."""
        if not ids:
            return {}
        column = "feature" if feature else "payload"
        raw = self._generation_reader.connection() if self._generation_reader is not None else None
        if raw is not None:
            return {r[0]: (r[1], r[2]) for r in raw.execute(
                f"SELECT event_id, {column}, layout FROM events WHERE event_id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),))}
        c = t.events.c
        with self.engine.connect() as conn:
            return {r[0]: (r[1], r[2]) for r in conn.execute(
                select(c.event_id, c.feature if feature else c.payload, c.layout).where(
                    reads.in_list(self, c.event_id, ids)))}

    def _event_query(self, columns: Sequence[Any], where: EventFilter, limit: int | None, offset: int) -> Any:
        c = t.events.c
        q = select(*columns)
        if where.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = where.bbox
            q = q.where(c.lat.between(min_lat, max_lat), c.lon.between(min_lon, max_lon))
        if where.date_from is not None:
            q = q.where(c.event_date >= where.date_from)
        if where.date_to is not None:
            q = q.where(c.event_date <= where.date_to)
        if where.event_type:
            q = q.where(c.event_type == where.event_type)
        if where.sub_event_type:
            q = q.where(c.sub_event_type == where.sub_event_type)
        if where.status:
            q = q.where(c.status == where.status)
        q = reads.filter_names(self, q, where.actor, where.source)
        if where.min_confidence is not None:
            q = q.where(c.confidence >= where.min_confidence)
        q = q.order_by(c.event_date.desc(), c.event_id.desc()).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        return q

    def count_events(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.events)).scalar_one()

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.events.c.payload).where(t.events.c.event_id == event_id)).first()
        return decode(Event, row[0]) if row else None
