"""`GET /events` at the store over a large table: every filter returns exactly what a scan would, and the bbox and
date filters are answered from an index, not a table scan. Latency itself is measured in bench/bench_api.py
(median and p95 over 100,000 events), never asserted in a timed test."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from frontwatch.model import Actor, Event, EventStatus, Place
from frontwatch.store import EventFilter, Store

SUBS = ("Armed clash", "Non-state actor overtakes territory", "Government regains territory")


@pytest.mark.slow
def test_event_pages_over_a_large_table_match_a_scan_and_use_indexes(tmp_path: Path) -> None:
    rng = random.Random(7)
    events = []
    for i in range(30_000):
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(1500))
        a1, a2 = f"AF.{i % 34:02d}", f"AF.{i % 34:02d}.{i % 400}"
        place = Place("P", i, "PPL", "AF", "A", a1, "B", a2, 29 + rng.random() * 9, 60 + rng.random() * 15, 1)
        events.append(Event(f"e{i:06d}", day, day, day, 1, "Battles", SUBS[i % 3], Actor("Taliban", 2),
                            Actor("Local militia", 3), place, list(EventStatus)[i % 4], rng.random(),
                            fatalities=i % 7, claim_ids=(f"c{i}",), sources=("a.example", "b.example")))
    with Store(f"sqlite:///{tmp_path}/perf.db") as store:
        store.save_fusion(events, [], [])
        queries = [
            {},
            {"bbox": (66.0, 33.0, 70.0, 36.0), "date_from": date(2020, 1, 1), "date_to": date(2020, 12, 31)},
            {"bbox": (68.0, 34.0, 68.3, 34.3)},
            {"date_from": date(2021, 3, 1), "date_to": date(2021, 3, 31)},
            {"event_type": "Battles", "status": "confirmed"},
            {"actor": "militia", "offset": 2000},
            {"min_confidence": 0.9, "sub_event_type": "Armed clash"},
        ]
        for kw in queries:
            offset = kw.get("offset", 0)
            page = store.events(EventFilter(**{k: v for k, v in kw.items() if k != "offset"}), 101, offset)
            expected = sorted((e for e in events if _matches(e, **kw)), key=lambda e: (e.event_date, e.event_id),
                              reverse=True)
            assert [e.event_id for e in page] == [e.event_id for e in expected[offset:offset + 101]], kw
            assert page, kw
        with store.engine.connect() as conn:
            plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT payload FROM events WHERE lat BETWEEN 33 AND 36 AND lon BETWEEN 66 AND 70"
                " AND event_date >= '2020-01-01' AND event_date <= '2020-12-31'"
                " ORDER BY event_date DESC, event_id DESC LIMIT 101"))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan


def _matches(e: Event, bbox: tuple[float, float, float, float] | None = None, date_from: date | None = None,
             date_to: date | None = None, event_type: str | None = None, sub_event_type: str | None = None,
             status: str | None = None, actor: str | None = None, min_confidence: float | None = None,
             offset: int = 0) -> bool:
    if bbox is not None:
        assert e.place is not None
        if not (bbox[1] <= e.place.lat <= bbox[3] and bbox[0] <= e.place.lon <= bbox[2]):
            return False
    if date_from is not None and e.event_date < date_from:
        return False
    if date_to is not None and e.event_date > date_to:
        return False
    if event_type and e.event_type != event_type:
        return False
    if sub_event_type and e.sub_event_type != sub_event_type:
        return False
    if status and str(e.status) != status and getattr(e.status, "value", None) != status:
        return False
    if actor:
        names = [a.name.lower() for a in (e.actor1, e.actor2) if a is not None]
        if not any(actor.lower() in n for n in names):
            return False
    return min_confidence is None or e.confidence >= min_confidence
