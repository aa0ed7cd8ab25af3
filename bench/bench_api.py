"""API latency: `GET /events` with a bbox and a date range over N synthetic events in SQLite (default 100,000).

A real uvicorn server on a loopback port, a keep-alive HTTP client, random 1°×1° boxes and 30-day windows over
Afghanistan; median and p95 of the wall time per request (server + client + loopback). Target: p95 < 50 ms.

    python bench/bench_api.py [--events 100000] [--requests 300]

`run(n) -> list[dict]` gives the rows for the suite's table (bench/run.py).
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontwatch.config import Settings  # noqa: E402
from frontwatch.model import (  # noqa: E402
    EVENT_TYPES,
    Actor,
    Event,
    EventStatus,
    Place,
    stable_id,
)

BOX = (60.5, 29.4, 75.0, 38.5)  # Afghanistan, roughly
START, DAYS = date(2019, 1, 1), 4 * 365
ACTORS = [Actor("Taliban", 2), Actor("Military Forces of Afghanistan", 1), Actor("Islamic State", 2),
          Actor("Police Forces of Afghanistan", 1), Actor("Unidentified Armed Group", 3)]


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    rnd = random.Random(seed)
    subs = [(t, sub) for t, subs in EVENT_TYPES.items() for sub in subs]
    statuses = list(EventStatus)
    out = []
    for i in range(n):
        typ, sub = rnd.choice(subs)
        day = START + timedelta(days=rnd.randrange(DAYS))
        lon, lat = rnd.uniform(BOX[0], BOX[2]), rnd.uniform(BOX[1], BOX[3])
        a1 = rnd.randrange(100)
        admin1 = f"AF.{a1 % 34 + 1:02d}"
        place = Place(name=f"Place {a1}", feature_code="PPL", country="AF", admin1=f"Province {a1 % 34}",
                      admin1_code=admin1, admin2=f"District {a1}", admin2_code=f"{admin1}.{1000 + a1}",
                      lat=round(lat, 5), lon=round(lon, 5), geo_precision=rnd.choice((1, 1, 2, 3)))
        out.append(Event(
            event_id=stable_id("bench", i), event_date=day, date_low=day, date_high=day, time_precision=1,
            event_type=typ, sub_event_type=sub, actor1=rnd.choice(ACTORS), actor2=rnd.choice([None, *ACTORS]),
            place=place, status=rnd.choice(statuses), confidence=round(rnd.random(), 3),
            fatalities=rnd.choice((0, 0, 1, 2, 5)), claim_ids=(stable_id("claim", i),),
            sources=(rnd.choice(("example-news.org", "wire-service.net", "daily-observer.com")),),
        ))
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def run(n: int = 100_000, requests: int = 300, seed: int = 11) -> list[dict[str, Any]]:
    import httpx
    import uvicorn

    from frontwatch.publish.api import create_app
    from frontwatch.store import Store

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench-api.db")
        events = synthetic_events(n)
        t = time.perf_counter()
        store.save_fusion(events, [], [])
        load_s = time.perf_counter() - t
        del events
        settings = Settings(db_url=f"sqlite:///{tmp}/bench-api.db", gazetteer_path=Path(tmp) / "none.sqlite")
        app = create_app(settings, store=store)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                               access_log=False))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.time() + 30
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        rnd = random.Random(seed)
        base = f"http://127.0.0.1:{port}"

        def query() -> dict[str, str]:
            lon, lat = rnd.uniform(BOX[0], BOX[2] - 1), rnd.uniform(BOX[1], BOX[3] - 1)
            d0 = START + timedelta(days=rnd.randrange(DAYS - 30))
            return {"bbox": f"{lon:.3f},{lat:.3f},{lon + 1:.3f},{lat + 1:.3f}", "date_from": d0.isoformat(),
                    "date_to": (d0 + timedelta(days=30)).isoformat()}

        timings: dict[str, list[float]] = {"json": [], "geojson": []}
        found: list[int] = []
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                for _ in range(20):  # warm caches and the connection
                    client.get("/events", params=query()).raise_for_status()
                for i in range(requests):
                    fmt = "geojson" if i % 2 else "json"
                    params = {**query(), "f": fmt}
                    t = time.perf_counter()
                    r = client.get("/events", params=params)
                    timings[fmt].append((time.perf_counter() - t) * 1000)
                    r.raise_for_status()
                    body = r.json()
                    found.append(len(body["features"] if fmt == "geojson" else body["items"]))
                t = time.perf_counter()
                big = client.get("/events", params={"f": "geojson", "limit": 5000})
                page_ms = (time.perf_counter() - t) * 1000
                big.raise_for_status()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            store.close()
    both = timings["json"] + timings["geojson"]
    rows.append({"figure": "events in SQLite / bulk save", "value": f"{n:,} / {load_s:.1f} s"})
    rows.append({"figure": "GET /events bbox 1°×1° + 30 days: median", "value": f"{statistics.median(both):.1f} ms "
                 f"({statistics.mean(found):.1f} events per answer, {len(both)} requests)"})
    rows.append({"figure": "GET /events bbox + dates: p95", "value": f"{_percentile(both, 0.95):.1f} ms",
                 "target": "< 50 ms"})
    for fmt in ("json", "geojson"):
        rows.append({"figure": f"  p95 as {fmt}", "value": f"{_percentile(timings[fmt], 0.95):.1f} ms"})
    rows.append({"figure": "GET /events?f=geojson&limit=5000 (one map page of markers)", "value": f"{page_ms:.0f} ms"})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    args = ap.parse_args()
    for row in run(args.events, args.requests):
        print(f"{row['figure']:<62} {row['value']:<40} {row.get('target', '')}")


if __name__ == "__main__":
    main()
