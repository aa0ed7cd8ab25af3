"""Rejected inputs: each (input, reason) once, counted."""

from __future__ import annotations

from sqlalchemy import select

from frontwatch.model import Reject
from frontwatch.store import schema as t
from frontwatch.store.base import StoreBase, _now


class Rejects(StoreBase):
    def add_reject(self, reject: Reject) -> None:
        """Record a rejected input once per (input, reason): a re-run refreshes its detail and time (when it was
        last seen) and counts it, instead of adding the same line again (a unique index holds this, also for two
        writers at once)."""
        r = t.rejects.c
        at = reject.at or _now()
        stmt = self._insert(t.rejects).values(origin=reject.origin, reason=reject.reason, detail=reject.detail,
                                              at=at, origin_key=t.origin_key(reject.origin), seen=1)
        stmt = stmt.on_conflict_do_update(index_elements=["origin_key", "reason"],
                                          set_={"detail": stmt.excluded.detail, "at": stmt.excluded.at,
                                                "seen": r.seen + 1})
        with self.engine.begin() as conn:
            conn.execute(stmt)
            self._bump(conn)

    def rejects(self) -> list[Reject]:
        """Each (input, reason) once, in the order first rejected, with the latest detail and time."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.rejects).order_by(t.rejects.c.id)).all()
        return [Reject(row.origin, row.reason, row.detail, row.at, row.seen) for row in rows]
