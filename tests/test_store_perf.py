"""`GET /events` budget at the store: a page over 100,000 events in SQLite, p95 under 50 ms."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from frontwatch.model import Actor, Event, EventStatus, Place
from frontwatch.store import Store

SUBS = ("Armed clash", "Non-state actor overtakes territory", "Government regains territory")


@pytest.mark.slow
def test_event_pages_over_100k_events_are_fast_in_sqlite(tmp_path: Path) -> None:
    rng = random.Random(7)
    events = []
    for i in range(100_000):
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
            times = []
            for _ in range(20):
                t0 = time.perf_counter()
                page = store.events(limit=101, **kw)
                times.append(time.perf_counter() - t0)
            assert page, kw
            p95 = sorted(times)[18]
            assert p95 < 0.050, f"{kw}: p95 {p95 * 1000:.1f} ms"
