"""Control states read back: each unit's state on a day, timelines, the span of days."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from frontwatch.model import ControlState
from frontwatch.store import reads
from frontwatch.store import schema as t
from frontwatch.store.base import StoreBase
from frontwatch.store.codec import decode


class Control(StoreBase):
    def control(self, as_of: date | None = None, admin1: str | None = None) -> list[ControlState]:
        """Each unit's state on `as_of` (default: its latest state), in unit-code order.

        The latest state of each unit (greatest `since`, then the last stored) is picked in SQL, so only one state
        per unit is read and decoded, however long the timelines.
        """
        return [decode(ControlState, p) for p in self.control_payloads(as_of, admin1)]

    def control_payloads(self, as_of: date | None = None, admin1: str | None = None) -> list[str]:
        """What `control` returns, as the stored JSON."""
        return [r[0] for r in self.control_rows(as_of, admin1)]

    def control_rows(self, as_of: date | None = None, admin1: str | None = None) -> list[tuple[str, str | None, str,
                                                                                             int]]:
        """What `control_payloads` returns, each with its layout, unit code and level.

        Each unit's state of the day is picked in memory (`reads.control_ids`: a binary search per unit in the
        timelines' dates, kept per write generation); the picked rows come from `reads.state_rows` (kept per
        generation too, read once).
        """
        ids = reads.control_ids(self, as_of, admin1)
        return [(p, lay, code, level) for p, lay, code, level, _ in reads.state_rows(self, ids)]

    def control_timeline(self, unit_code: str | None = None) -> list[ControlState]:
        """Control states in (unit code, since) order, the last stored last among states of one day."""
        return [decode(ControlState, p) for p in self.control_timeline_payloads(unit_code)]

    def control_timeline_payloads(self, unit_code: str | None = None) -> list[str]:
        """What `control_timeline` returns, as the stored JSON."""
        c = t.control_states.c
        q = select(c.payload).order_by(c.unit_code, c.since, c.id)
        if unit_code is not None:
            q = q.where(c.unit_code == unit_code)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q)]

    def control_dates(self) -> tuple[date | None, date | None]:
        """The first and last day any control state names (its `since`, or its `until`)."""
        c = t.control_states.c
        # One aggregate per subquery: each is then an end of its index, not a scan of the table.
        ends = (select(func.min(c.since)).scalar_subquery(), select(func.max(c.since)).scalar_subquery(),
                select(func.max(c.until)).scalar_subquery())
        with self.engine.connect() as conn:
            first, last_since, last_until = conn.execute(select(*ends)).one()
        lasts = [d for d in (last_since, last_until) if d is not None]
        return first, max(lasts, default=None)
