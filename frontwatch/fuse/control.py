"""Control timelines: each unit's holders over time, from its territory events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from frontwatch.model import TERRITORY_SUB_TYPES, ControlState, ControlStatus, Event, EventStatus


def control_timeline(events: Sequence[Event], territory: set[str] | None = None) -> list[ControlState]:
    """Each unit's holders over time from its territory events; a state holds until the next change.
    `territory`: ids of events that rest on territory claims even if their sub-type came out otherwise."""
    by_unit: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.sub_event_type in TERRITORY_SUB_TYPES or e.event_id in (territory or set()):
            unit = e.place.admin2_code or e.place.admin1_code
            if unit and e.status != EventStatus.DENIED:
                by_unit[unit].append(e)
    states: list[ControlState] = []
    for unit in sorted(by_unit):
        evs = sorted(by_unit[unit], key=lambda e: (e.event_date, e.event_id))
        for i, e in enumerate(evs):
            nxt = evs[i + 1].event_date if i + 1 < len(evs) else None
            states.append(ControlState(
                unit_code=unit,
                unit_name=(e.place.admin2 if unit == e.place.admin2_code else e.place.admin1) or e.place.name,
                level=2 if unit == e.place.admin2_code else 1,
                admin1=e.place.admin1,
                holder=e.actor1,
                status=ControlStatus.CONTESTED if e.status == EventStatus.CONTESTED else ControlStatus.HELD,
                since=e.event_date,
                until=nxt,
                confidence=e.confidence,
                evidence=e.status,
                claim_ids=e.claim_ids,
                contradicting_claim_ids=e.contradicting_claim_ids,
            ))
    return states
