"""The fused layer (derived data, replaced by fusion): writing it, source reliability, table counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select

from frontwatch.model import ControlState, Event, SourceKind, SourceReliability
from frontwatch.store import schema as t
from frontwatch.store.base import StoreBase, _dump
from frontwatch.store.codec import layout
from frontwatch.store.features import event_feature_json, source_key


class Fused(StoreBase):
    def save_fusion(
        self,
        events: Sequence[Event],
        control: Sequence[ControlState],
        reliability: Sequence[SourceReliability] | None,
        units: set[str] | None = None,
    ) -> None:
        """Replace the fused layer (all of it, or only `units`); `reliability=None` keeps the stored estimates."""
        with self.engine.begin() as conn:
            if units is None:
                conn.execute(delete(t.event_sources))
                conn.execute(delete(t.events))
                conn.execute(delete(t.control_states))
            else:
                keys = list(units)
                conn.execute(delete(t.event_sources).where(t.event_sources.c.event_id.in_(
                    select(t.events.c.event_id).where(t.events.c.unit_code.in_(keys)))))
                conn.execute(delete(t.events).where(t.events.c.unit_code.in_(keys)))
                conn.execute(delete(t.control_states).where(t.control_states.c.unit_code.in_(keys)))
            if reliability is not None:
                conn.execute(delete(t.source_reliability))
            if events:
                # In listing order (newest first): a page's rows then sit together in the table (a third less
                # read per page of /events at 100k events).
                rows = sorted((self._event_row(e) for e in events), key=lambda r: (r["event_date"], r["event_id"]),
                              reverse=True)
                conn.execute(t.events.insert(), rows)
                links = [{"source_key": source_key(name), "source": name, "event_id": e.event_id,
                          "event_date": e.event_date} for e in events for name in dict.fromkeys(e.sources) if name]
                if links:
                    conn.execute(t.event_sources.insert(), links)
            if control:
                conn.execute(
                    t.control_states.insert(),
                    [
                        {
                            "unit_code": s.unit_code,
                            "level": s.level,
                            "admin1": s.admin1,
                            "since": s.since,
                            "until": s.until,
                            "status": str(s.status),
                            "payload": _dump(s),
                            "layout": layout(ControlState),
                        }
                        for s in control
                    ],
                )
            if reliability:
                conn.execute(
                    t.source_reliability.insert(),
                    [{"name": r.name, "kind": str(r.kind), "reliability": r.reliability, "claims": r.claims}
                     for r in reliability],
                )
            self._bump(conn)

    @staticmethod
    def _event_row(e: Event) -> dict[str, Any]:
        payload = _dump(e)
        return {
            "event_id": e.event_id,
            "event_date": e.event_date,
            "lat": e.place.lat,
            "lon": e.place.lon,
            "event_type": e.event_type,
            "sub_event_type": e.sub_event_type,
            "status": str(e.status),
            "confidence": e.confidence,
            "actor1": e.actor1.name if e.actor1 else None,
            "actor2": e.actor2.name if e.actor2 else None,
            "unit_code": e.place.admin2_code or e.place.admin1_code,
            "sources": "\x1f".join(e.sources),
            "payload": payload,
            "layout": layout(Event),
            "feature": event_feature_json(payload),
        }

    def reliability(self, limit: int | None = None, offset: int = 0) -> list[SourceReliability]:
        """Sources, most reliable first (then by name, so pages neither overlap nor skip); paged in SQL."""
        c = t.source_reliability.c
        q = select(t.source_reliability).order_by(c.reliability.desc(), c.name)
        if offset:
            q = q.offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [SourceReliability(r.name, SourceKind(r.kind), r.reliability, r.claims) for r in conn.execute(q)]


    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("documents", t.documents),
                    ("rejects", t.rejects),
                    ("claims", t.claims),
                    ("events", t.events),
                    ("control_states", t.control_states),
                    ("sources", t.source_reliability),
                )
            }
