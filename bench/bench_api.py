"""API latency under load: every list endpoint over a store of N events and M claims (default 100,000 / 1,000,000).

The real server (`frontwatch serve`, uvicorn, one process) on a loopback port, over a synthetic SQLite store; a
client with `--concurrency` (default 8) keep-alive connections, each sending its next request as soon as the last
one is answered. For each endpoint: p50 / p95 / p99 of the wall time per request (server + client + loopback) and
the server's CPU time per request (steadier than wall time on a shared machine), then the p95 over a mix of all of
them in random order. Pages are at random offsets over the whole table, so deep pages count as much as the first
one. Target: p95 ≤ 50 ms for every list endpoint, at concurrency 8. The machine's load average is reported at the
start and the end: a run on a busy machine shows it.

The store is built in bulk: claims and documents are a few thousand real payloads (bench/bench_fusion.py's
generator) written again under fresh ids, by `executemany`; events, control timelines and sources go through
`Store.save_fusion`.

    python bench/bench_api.py [--events 100000] [--claims 1000000] [--requests 400] [--concurrency 8]
                              [--db var/bench-api.db] [--workers N] [--write-results bench/results.md]

`run(...) -> list[dict]` gives the rows for the suite's table (bench/run.py).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontwatch.model import (  # noqa: E402
    EVENT_TYPES,
    Actor,
    Claim,
    ControlState,
    ControlStatus,
    Event,
    EventStatus,
    Place,
    SourceKind,
    SourceReliability,
    stable_id,
    to_dict,
)
from frontwatch.store.codec import layout  # noqa: E402

BOX = (60.5, 29.4, 75.0, 38.5)  # Afghanistan, roughly
START, DAYS = date(2019, 1, 1), 4 * 365
ACTORS = [Actor("Taliban", 2), Actor("Military Forces of Afghanistan", 1), Actor("Islamic State", 2),
          Actor("Police Forces of Afghanistan", 1), Actor("Unidentified Armed Group", 3)]
SOURCES = ("example-news.org", "wire-service.net", "daily-observer.com")
CLAIMS_PER_DOCUMENT = 5
UNITS = 400  # districts, about Afghanistan's count
STATES_PER_EVENT = 0.28  # what fusion makes at scale (bench/bench_fusion.py: 158,014 states for 564,815 events)


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
            sources=(rnd.choice(SOURCES),),
        ))
    return out


# --- a large store, fast ---------------------------------------------------------------------------------------


def claim_id(i: int) -> str:
    return stable_id("bench-claim", i)


def document_id(j: int) -> str:
    return stable_id("bench-document", j)[:24] + f"{j:08x}"  # 32 characters, like `document_id_for`


@dataclass(frozen=True)
class BenchStore:
    url: str
    events: int
    claims: int
    documents: int
    control_states: int
    sources: int
    event_ids: list[str]
    unit_codes: list[str]
    build_s: dict[str, float]


def build_store(path: Path, n_events: int, n_claims: int, seed: int = 7) -> BenchStore:
    """A SQLite store with `n_events` events, each backed by `n_claims / n_events` claims of its own."""
    from bench.bench_fusion import generate
    from frontwatch.store import Store

    url = f"sqlite:///{path}"
    store = Store(url)
    timings: dict[str, float] = {}
    n_docs = -(-n_claims // CLAIMS_PER_DOCUMENT)
    # A few thousand real claims and reports as payload templates: the rows are those, under fresh ids.
    templates, docs = generate(max(1, min(n_claims, 5000)), seed=seed)
    doc_templates = list(docs.values())
    claim_tpl = []
    for c in templates:
        d = to_dict(c)
        d["claim_id"], d["document_id"] = "@C@", "@D@"
        place = c.place
        claim_tpl.append((json.dumps(d, ensure_ascii=False, separators=(",", ":")), c.event_type,
                          c.sub_event_type, str(c.certainty), place.admin1_code if place else None,
                          place.admin2_code if place else None, c.time.low.isoformat() if c.time else None,
                          c.time.high.isoformat() if c.time else None))
    doc_tpl = []
    for d in doc_templates:
        dd = to_dict(d)
        dd["document_id"] = "@D@"
        doc_tpl.append((json.dumps(dd, ensure_ascii=False, separators=(",", ":")), d))
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    doc_sql = ("INSERT INTO documents (document_id, origin, format, title, url, publisher, published, language, "
               "ingested_at, extracted_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    claim_sql = ("INSERT INTO claims (claim_id, document_id, event_type, sub_event_type, certainty, admin1_code, "
                 "admin2_code, date_low, date_high, payload, layout) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    claim_layout = layout(Claim)  # what Store.add_document records: the payloads are today's Claim
    chunk = 50_000
    t0 = time.perf_counter()
    store.close()
    # Straight to SQLite's executemany (the bench's store is SQLite) in one transaction, with no journal, a page
    # cache that holds the indexes, and the claims' secondary indexes built once at the end (sorted, not row by
    # row); the same CREATE INDEX statements the migrations left in the schema.
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' "
                           "AND sql IS NOT NULL").fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("BEGIN")
    for lo in range(0, n_docs, chunk):
        rows: list[tuple[Any, ...]] = []
        for j in range(lo, min(n_docs, lo + chunk)):
            payload, d = doc_tpl[j % len(doc_tpl)]
            did = document_id(j)
            rows.append((did, d.origin, d.format, d.title, d.url, d.publisher,
                         d.published.isoformat() if d.published else None, d.language, now, now,
                         payload.replace("@D@", did)))
        conn.executemany(doc_sql, rows)
    timings["documents"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for lo in range(0, n_claims, chunk):
        rows = []
        for i in range(lo, min(n_claims, lo + chunk)):
            payload, typ, sub, cert, a1, a2, low, high = claim_tpl[i % len(claim_tpl)]
            cid, did = claim_id(i), document_id(i // CLAIMS_PER_DOCUMENT)
            rows.append((cid, did, typ, sub, cert, a1, a2, low, high,
                         payload.replace("@C@", cid).replace("@D@", did), claim_layout))
        conn.executemany(claim_sql, rows)
    conn.execute("COMMIT")
    for _name, sql in indexes:
        conn.execute(sql)
    conn.close()
    timings["claims"] = time.perf_counter() - t0
    store = Store(url)
    t0 = time.perf_counter()
    per_event = max(1, n_claims // max(1, n_events))
    events = [replace(e, claim_ids=tuple(claim_id(k) for k in range(i * per_event, (i + 1) * per_event)))
              for i, e in enumerate(synthetic_events(n_events, seed))]
    event_ids = [e.event_id for e in events]
    # The events' districts (synthetic_events: the first 100 of these codes) and more, as many as Afghanistan's.
    units = [(f"AF.{k % 34 + 1:02d}.{1000 + k}", f"District {k}", f"Province {k % 34}") for k in range(UNITS)]
    per_unit = max(1, min(DAYS, round(STATES_PER_EVENT * n_events / UNITS)))
    rnd = random.Random(seed)
    control: list[ControlState] = []
    for code, name, admin1 in units:
        days = sorted(rnd.sample(range(DAYS), per_unit))
        for k, day in enumerate(days):
            until = START + timedelta(days=days[k + 1]) if k + 1 < len(days) else None
            control.append(ControlState(code, name, 2, admin1, rnd.choice(ACTORS), ControlStatus.HELD,
                                        START + timedelta(days=day), until, round(rnd.random(), 3),
                                        EventStatus.REPORTED, (claim_id(rnd.randrange(n_claims)),)))
    names = [*SOURCES, *(f"outlet-{i}.example" for i in range(max(20, n_claims // 2000)))]
    reliability = [SourceReliability(name, rnd.choice(list(SourceKind)), round(rnd.random(), 4),
                                     rnd.randrange(1, 5000)) for name in names]
    store.save_fusion(events, control, reliability)
    timings["events"] = time.perf_counter() - t0
    del events
    store.close()
    return BenchStore(url, n_events, n_claims, n_docs, len(control), len(reliability), event_ids,
                      [u[0] for u in units], timings)


def open_store(path: Path, n_events: int, n_claims: int) -> BenchStore | None:
    """A store `build_store` made earlier at `path` with these sizes (None if there is none, or it differs): the
    store is deterministic, so its ids are derived again rather than read back."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "claims", "documents", "control_states", "source_reliability")}
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if counts["events"] != n_events or counts["claims"] != n_claims:
        return None
    from frontwatch.store import Store

    Store(f"sqlite:///{path}").close()  # migrated to the head revision
    conn = sqlite3.connect(path)
    try:  # built before payload layouts were recorded (revision 0004), or as they changed: this code's classes
        for table, cls in (("claims", Claim), ("events", Event), ("control_states", ControlState)):
            conn.execute(f"UPDATE {table} SET layout = ? WHERE layout IS NULL OR layout != ?", (layout(cls),) * 2)
        conn.commit()
    finally:
        conn.close()
    units = [f"AF.{k % 34 + 1:02d}.{1000 + k}" for k in range(UNITS)]
    return BenchStore(f"sqlite:///{path}", n_events, n_claims, counts["documents"], counts["control_states"],
                      counts["source_reliability"], [stable_id("bench", i) for i in range(n_events)], units, {})


# --- the server and the load ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


class Server:
    """`frontwatch serve` over the store in a child process (so the client's threads don't share its GIL)."""

    def __init__(self, url: str, tmp: Path, workers: int = 1) -> None:
        self.port = _free_port()
        extra = ["--workers", str(workers)] if workers > 1 else []
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        # No gazetteer: /control answers points-or-nothing, not district polygons (the store is what is measured).
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "frontwatch", "serve", "--db", url, "--host", "127.0.0.1", "--port",
             str(self.port), "--gazetteer", str(tmp / "no-gazetteer.sqlite"), "--quiet", *extra],
            env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise RuntimeError(f"the server stopped: {err}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not start within 60 s")

    def cpu_s(self) -> float:
        """CPU time the server process has used (user + system): the cost of requests whatever else the machine
        runs, where wall-clock latency also counts the waits for a core."""
        total, todo = 0, [self.proc.pid]
        while todo:  # the server and its worker processes (--workers)
            pid = todo.pop()
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo += [int(c) for c in (task / "children").read_text().split()]
            except (FileNotFoundError, ProcessLookupError):
                continue
            total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


Result = tuple[str, float, int]  # kind, milliseconds, HTTP status


def load(port: int, requests: list[tuple[str, str]], concurrency: int) -> list[Result]:
    """Send `requests` ((kind, path) pairs) over `concurrency` keep-alive connections, each one request at a time."""
    todo = iter(requests)
    lock = threading.Lock()
    results: list[Result] = []

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            while True:
                with lock:
                    item = next(todo, None)
                if item is None:
                    return
                kind, path = item
                t = time.perf_counter()
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    results.append((kind, ms, response.status))
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return results


# Measured and reported, without the list-endpoint target: detail routes, and the two ways to make a list endpoint
# read its whole index (a deep offset instead of the next links' cursor; a filter no row matches).
INFO = {"/events/{id} (detail, with its claims' evidence)", "/documents/{id} (detail)"}


def endpoints(bench: BenchStore, rnd: random.Random) -> dict[str, Callable[[], str]]:
    """Each list endpoint (and the two detail ones) with random parameters: a path per call."""

    def day() -> date:
        return START + timedelta(days=rnd.randrange(DAYS))

    def q(path: str, **params: Any) -> str:
        return f"{path}?{urlencode(params)}" if params else path

    def bbox_dates() -> str:
        lon, lat = rnd.uniform(BOX[0], BOX[2] - 1), rnd.uniform(BOX[1], BOX[3] - 1)
        d0 = START + timedelta(days=rnd.randrange(DAYS - 30))
        return q("/events", bbox=f"{lon:.3f},{lat:.3f},{lon + 1:.3f},{lat + 1:.3f}", date_from=d0.isoformat(),
                 date_to=(d0 + timedelta(days=30)).isoformat())

    def cursor() -> str:
        i = rnd.randrange(bench.claims)
        return f"{document_id(i // CLAIMS_PER_DOCUMENT)}:{claim_id(i)}"

    words = ["taliban", "police", "islamic state", "military forces", "armed group"]
    types = list(EVENT_TYPES)
    deep = 100  # a page of 100, anywhere in the table
    return {
        "/events?offset=random (100 a page)": lambda: q("/events", offset=rnd.randrange(max(1, bench.events - deep))),
        "/events?f=geojson&offset=random": lambda: q("/events", f="geojson",
                                                     offset=rnd.randrange(max(1, bench.events - deep))),
        "/events?bbox=1°×1°&date_from..date_to (30 days)": bbox_dates,
        "/events?actor=…": lambda: q("/events", actor=rnd.choice(words)),
        "/events?actor=(matches no name)": lambda: q(
            "/events", actor=f"no such actor {rnd.randrange(10**6)}"),
        "/events?source=…": lambda: q("/events", source=rnd.choice(SOURCES)),
        "/events?event_type=…&status=…&min_confidence=0.5": lambda: q(
            "/events", event_type=rnd.choice(types), status=rnd.choice([s.value for s in EventStatus]),
            min_confidence=0.5),
        "/claims?after=random (100 a page, anywhere: how next links reach it)": lambda: q("/claims", after=cursor()),
        "/claims?offset=random (deep offsets: from sparse keys)": lambda: q(
            "/claims", offset=rnd.randrange(max(1, bench.claims - deep))),
        "/claims?document_id=…": lambda: q("/claims", document_id=document_id(rnd.randrange(bench.documents))),
        "/claims?event_id=…": lambda: q("/claims", event_id=rnd.choice(bench.event_ids)),
        "/sources (all, one page)": lambda: "/sources",
        "/sources?offset=random&limit=100": lambda: q("/sources", limit=100, offset=rnd.randrange(bench.sources)),
        "/control (latest state of each unit)": lambda: "/control",
        "/control?as_of=…": lambda: q("/control", as_of=day().isoformat()),
        "/control/timeline?unit=…": lambda: q("/control/timeline", unit=rnd.choice(bench.unit_codes)),
        "/control/timeline?limit=5&after=… (a page of units, ~130 kB)": lambda: q(
            "/control/timeline", limit=5, after=rnd.choice(bench.unit_codes)),
        "/events/{id} (detail, with its claims' evidence)": lambda: f"/events/{rnd.choice(bench.event_ids)}",
        "/documents/{id} (detail)": lambda: f"/documents/{document_id(rnd.randrange(bench.documents))}",
    }


def run(n_events: int = 100_000, n_claims: int = 1_000_000, requests: int = 400, concurrency: int = 8,
        seed: int = 11, db: Path | None = None, workers: int = 1) -> list[dict[str, Any]]:
    """`db`: keep the store at this path and reuse it on the next run with the same sizes (it takes minutes to
    build at the issue's scale); default a temporary one."""
    rows: list[dict[str, Any]] = []
    load_start = os.getloadavg()
    started = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = (db or tmp / "bench-api.db").resolve()  # the server runs in another folder
        t = time.perf_counter()
        bench = open_store(path, n_events, n_claims)
        if bench is None:
            path.unlink(missing_ok=True)
            bench = build_store(path, n_events, n_claims)
        build_s = time.perf_counter() - t
        size_mb = path.stat().st_size / 2**20
        rows.append({"figure": "store: events / claims / reports / control states / sources",
                     "value": f"{bench.events:,} / {bench.claims:,} / {bench.documents:,} / "
                              f"{bench.control_states:,} / {bench.sources:,} (SQLite, {size_mb:,.0f} MB)"})
        if bench.build_s:
            rows.append({"figure": "store built in (claims and reports by executemany, the rest by the store)",
                         "value": f"{build_s:.1f} s (reports {bench.build_s['documents']:.1f}, claims "
                                  f"{bench.build_s['claims']:.1f}, events + control + sources "
                                  f"{bench.build_s['events']:.1f})"})
        rnd = random.Random(seed)
        kinds = endpoints(bench, rnd)
        server = Server(bench.url, tmp, workers)
        try:
            warm = [(k, f()) for _ in range(5) for k, f in kinds.items()]
            bad = [r for r in load(server.port, warm, concurrency) if r[2] != 200]
            if bad:
                raise RuntimeError(f"requests failed while warming up: {bad[:5]}")
            results: list[Result] = []
            cpu: dict[str, float] = {}
            for kind, make in kinds.items():
                before = server.cpu_s()
                results += load(server.port, [(kind, make()) for _ in range(requests)], concurrency)
                cpu[kind] = (server.cpu_s() - before) / requests * 1000
            listed = [k for k in kinds if k not in INFO]
            mixed = load(server.port, [(k, kinds[k]()) for k in rnd.choices(listed, k=requests * 2)], concurrency)
            mixed_all = load(server.port, [(k, kinds[k]()) for k in rnd.choices(list(kinds), k=requests * 2)],
                             concurrency)
            bulk = {}
            for name, path in (("/control/timeline (every unit's whole timeline: the map's load)", "/control/timeline"),
                               ("/events?f=geojson&limit=5000 (one map page of markers)",
                                "/events?f=geojson&limit=5000")):
                times = [ms for _, ms, _ in load(server.port, [(name, path)] * 5, 1)]
                bulk[name] = statistics.median(times)
        finally:
            server.stop()
    failed = [r for r in results + mixed + mixed_all if r[2] != 200]
    if failed:
        raise RuntimeError(f"{len(failed)} requests failed, e.g. {failed[:3]}")
    worst = 0.0
    for kind in kinds:
        ms = [m for k, m, _ in results if k == kind]
        p95 = _percentile(ms, 0.95)
        listing = kind not in INFO
        if listing:
            worst = max(worst, p95)
        rows.append({"figure": f"GET {kind}: p50 / p95 / p99 (server CPU per request)",
                     "value": f"{statistics.median(ms):.1f} / {p95:.1f} / {_percentile(ms, 0.99):.1f} ms "
                              f"({cpu[kind]:.1f} ms)",
                     "target": "p95 ≤ 50 ms" if listing else "",
                     "endpoint": kind, "p50": statistics.median(ms), "p95": p95, "p99": _percentile(ms, 0.99),
                     "cpu_ms": cpu[kind]})
    for label, runs, target in (("the list endpoints with a target", mixed, "p95 ≤ 50 ms"),
                                ("every route above", mixed_all, "")):
        mixed_ms = [m for _, m, _ in runs]
        rows.append({"figure": f"mixed: {label}, in random order ({len(mixed_ms):,} requests): p50 / p95 / p99",
                     "value": f"{statistics.median(mixed_ms):.1f} / {_percentile(mixed_ms, 0.95):.1f} / "
                              f"{_percentile(mixed_ms, 0.99):.1f} ms",
                     "target": target, "mixed": label, "p50": statistics.median(mixed_ms),
                     "p95": _percentile(mixed_ms, 0.95), "p99": _percentile(mixed_ms, 0.99)})
    rows.append({"figure": "slowest list endpoint's p95 (rows with a target)", "value": f"{worst:.1f} ms",
                 "target": "≤ 50 ms"})
    rows.append({"figure": "requests per endpoint / concurrency", "value": f"{requests} / {concurrency}"})
    load_end = os.getloadavg()
    rows.append({"figure": f"machine load (1 / 5 / 15-minute averages, {os.cpu_count()} cores) at the start / end",
                 "value": f"{' / '.join(f'{x:.1f}' for x in load_start)} — {' / '.join(f'{x:.1f}' for x in load_end)}",
                 "load": (load_start, load_end), "when": (started, datetime.now(UTC))})
    for name, ms in bulk.items():
        rows.append({"figure": f"GET {name}, alone, median of 5", "value": f"{ms:.0f} ms"})
    return rows


MARK_START, MARK_END = "<!-- bench_api: start -->", "<!-- bench_api: end -->"


def results_markdown(rows: list[dict[str, Any]], command: str) -> str:
    """The run as a markdown section (what `--write-results` puts into bench/results.md)."""
    load = next(r for r in rows if "load" in r)
    (l0, l1), (t0, t1) = load["load"], load["when"]
    cores = os.cpu_count() or 1
    busy = max(l0[0], l1[0]) > cores
    out = [f"### Latest run: {t0:%Y-%m-%d %H:%M}–{t1:%H:%M} UTC", "", f"`{command}`", "",
           f"Machine load (1-minute average) {l0[0]:.1f} at the start, {l1[0]:.1f} at the end, on {cores} cores"
           + (": **busy — the wall times count waits for a core; the server CPU per request is the steadier "
              "figure.**" if busy else "."), "",
           "| endpoint | p50 ms | p95 ms | p99 ms | server CPU ms / request | target |", "|---|---|---|---|---|---|"]
    for r in rows:
        if "endpoint" in r:
            out.append(f"| {r['endpoint']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['cpu_ms']:.1f} | "
                       f"{r['target']} |")
    for r in rows:
        if "mixed" in r:
            out.append(f"| mixed: {r['mixed']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | | {r['target']} |")
    out += ["", "| figure | value |", "|---|---|"]
    out += [f"| {r['figure']} | {r['value']} |" for r in rows
            if "endpoint" not in r and "mixed" not in r and "load" not in r]
    return "\n".join(out) + "\n"


def write_results(path: Path, section: str) -> None:
    """Put `section` between the bench_api markers of `path` (after the API heading, the first time)."""
    text = path.read_text(encoding="utf-8")
    block = f"{MARK_START}\n{section}{MARK_END}\n"
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        text = head + block + rest.split(MARK_END, 1)[1].lstrip("\n")
    else:
        heading = "## API (real server, concurrency 8)\n"
        at = text.find(heading)
        at = len(text) if at < 0 else at + len(heading)
        text = text[:at] + "\n" + block + text[at:]
    path.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint (each mix sends 2× as many)")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--db", type=Path, help="keep the store here and reuse it (e.g. var/bench-api.db)")
    ap.add_argument("--workers", type=int, default=1, help="server worker processes (frontwatch serve --workers)")
    ap.add_argument("--write-results", type=Path, metavar="MD",
                    help="also write the run as the latest-run section of this file (e.g. bench/results.md)")
    args = ap.parse_args()
    rows = run(args.events, args.claims, args.requests, args.concurrency, db=args.db, workers=args.workers)
    for row in rows:
        print(f"{row['figure']:<80} {row['value']:<48} {row.get('target', '')}")
    if args.write_results:
        command = "python " + " ".join([os.path.relpath(__file__, ROOT), *sys.argv[1:]])
        write_results(args.write_results, results_markdown(rows, command))


if __name__ == "__main__":
    main()
