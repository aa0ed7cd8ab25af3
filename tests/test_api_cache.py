"""What the read paths keep between requests (issue 13, item 7) is never stale and stays bounded.

Every list endpoint that serves from memory kept per write generation — the deep event pages (JSON and GeoJSON,
from the listing's ids), actor and source filters (names), deep claim offsets (sparse keys), `/sources` (every
item), `/control` and `/control?as_of` (timelines, picks per span of days, state rows), timeline pages — is asked
once to fill what it keeps, then the store is written by ANOTHER Store object (as `frontwatch run` in another
process would), and the next answer must be what an app over a store opened afresh answers. On SQLite and
PostgreSQL. Then the same answers with bounds small enough to overflow: still right, and within the bounds.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bench.bench_api import ACTORS, synthetic_events
from bench.bench_fusion import generate
from frontwatch.config import Settings
from frontwatch.model import Actor, ControlState, ControlStatus, Event, EventStatus, SourceKind, SourceReliability
from frontwatch.publish.api import create_app
from frontwatch.store import Store, reads
from frontwatch.store import events as store_events
from frontwatch.store.cache import GenerationReader, RowCache

ROOT = Path(__file__).resolve().parents[1]
UNITS = [f"AF.{k % 4 + 1:02d}.{2000 + k}" for k in range(9)]
DAY0 = date(2021, 1, 1)
PATHS = [
    "/events?offset=12&limit=7", "/events?offset=30&limit=5&f=geojson", "/events?actor=brigade",
    "/events?source=desk", "/claims?offset=23&limit=6", "/claims?offset=0&limit=5", "/sources",
    "/sources?offset=2&limit=3", "/control", "/control?as_of=2021-02-10",
    "/control?as_of=2021-03-01&admin1=province%201",
    "/control/timeline?limit=2&after=AF.02.2001", "/control/timeline?unit=AF.01.2000",
]


def _client(store: Store, tmp: Path) -> TestClient:
    settings = Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp / "no-gazetteer.sqlite")
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


def _fused(version: int) -> tuple[list[Event], list[ControlState], list[SourceReliability]]:
    """Fusion's output, different in every list at each `version`: other dates and confidences, actors and
    sources that appear or go, states handed on or ended, reliabilities reordered."""
    rnd = random.Random(version)
    events = []
    for i, e in enumerate(synthetic_events(60 + 7 * version, seed=11)):
        actor2 = Actor(f"Brigade {version}", 3) if i % (5 + version) == 0 else e.actor2
        sources = (f"Desk {version}",) if i % 4 == version % 4 else e.sources
        events.append(replace(e, event_date=e.event_date + timedelta(days=version), actor2=actor2, sources=sources,
                              confidence=round(rnd.random(), 3)))
    control = []
    for k, code in enumerate(UNITS):
        days = sorted(rnd.sample(range(0, 90), 4))
        for j, day in enumerate(days):
            since = DAY0 + timedelta(days=day)
            until = None if j == len(days) - 1 or rnd.random() < 0.5 else since + timedelta(days=rnd.randrange(1, 20))
            control.append(ControlState(code, f"District {k}", 2, f"Province {k % 4}", rnd.choice(ACTORS),
                                        ControlStatus.HELD, since, until, round(rnd.random(), 3),
                                        EventStatus.REPORTED, ()))
    reliability = [SourceReliability(f"outlet-{i}.example", SourceKind.OUTLET, round(rnd.random(), 4), i + version)
                   for i in range(6 + version)]
    return events, control, reliability


def _add_claims(store: Store, docs: list[Any], by_doc: dict[str, list[Any]]) -> None:
    for doc in docs:
        store.add_document(doc, by_doc.get(doc.document_id, []))


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The deep paths from the first pages on: the small store takes them as a large one would."""
    monkeypatch.setattr(store_events, "DEEP_OFFSET", 10)
    monkeypatch.setattr(reads, "CLAIM_STEP", 4)


def _answers(client: TestClient) -> dict[str, Any]:
    out = {}
    for path in PATHS:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text)
        out[path] = r.json()
    return out


def _fresh_answers(url: str, tmp: Path) -> dict[str, Any]:
    """What an app over a store opened now answers (nothing kept yet)."""
    fresh = Store(url)
    try:
        return _answers(_client(fresh, tmp))
    finally:
        fresh.close()


@pytest.mark.usefixtures("small_steps")
def test_every_kept_read_is_new_after_a_write_by_another_store(store_url: str, tmp_path: Path) -> None:
    claims, documents = generate(120)
    docs = list(documents.values())
    by_doc: dict[str, list[Any]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    server, writer = Store(store_url), Store(store_url)
    try:
        _add_claims(writer, docs[: len(docs) // 2], by_doc)
        writer.save_fusion(*_fused(1))
        client = _client(server, tmp_path)
        before = _answers(client)
        assert before == _fresh_answers(store_url, tmp_path)
        assert before["/events?actor=brigade"]["items"] and before["/events?source=desk"]["items"]
        assert before["/claims?offset=23&limit=6"]["items"] and before["/control?as_of=2021-02-10"]["features"]
        # The deep paths were taken: the listing's ids, the claims' keys, the timelines are kept.
        assert server._listing[1] and server._reads.claim_keys[1] and len(server._reads.states)
        assert _answers(client) == before  # and served again, unchanged while nothing is written

        writer.save_fusion(*_fused(2))  # every event, state and source changes
        _add_claims(writer, docs[len(docs) // 2:], by_doc)  # claims inserted before and after the kept keys
        after = _answers(client)
        assert after == _fresh_answers(store_url, tmp_path)
        changed = [p for p in PATHS if after[p] != before[p]]
        assert changed == PATHS, set(PATHS) - set(changed)  # each answer moved: none was served from before
    finally:
        server.close()
        writer.close()


@pytest.mark.usefixtures("small_steps")
def test_a_report_posted_to_the_api_is_in_the_next_answers(tmp_path: Path, pipeline: Any) -> None:
    """The other way to write: `POST /documents` on the server itself (its pipeline, then fusion)."""
    claims, documents = generate(60)
    by_doc: dict[str, list[Any]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    url = f"sqlite:///{tmp_path}/posted.db"
    store = Store(url)
    try:
        _add_claims(store, list(documents.values()), by_doc)
        store.save_fusion(*_fused(1))
        settings = Settings(db_url=url, gazetteer_path=tmp_path / "no-gazetteer.sqlite")
        client = TestClient(create_app(settings, store=store, token="t0ken", pipeline=pipeline))
        paths = ["/claims?offset=0&limit=1000", "/claims?offset=9&limit=1000", "/events?offset=12&limit=1000",
                 "/sources", "/control", "/control/timeline"]
        before = {p: client.get(p).json() for p in paths}
        text = (ROOT / "examples" / "wire-2021-08-10-baghlan-capital.txt").read_text(encoding="utf-8")
        r = client.post("/documents", json={"text": text, "published": "2021-08-10"},
                        headers={"Authorization": "Bearer t0ken"})
        assert r.status_code == 201 and r.json()["claims"] > 0, r.text
        after = {p: client.get(p).json() for p in paths}
        fresh = Store(url)
        try:
            fresh_client = _client(fresh, tmp_path)
            assert after == {p: fresh_client.get(p).json() for p in paths}
        finally:
            fresh.close()
        assert len(after["/claims?offset=9&limit=1000"]["items"]) > len(before["/claims?offset=9&limit=1000"]["items"])
        assert after["/events?offset=12&limit=1000"] != before["/events?offset=12&limit=1000"]  # fusion rewrote
    finally:
        store.close()


@pytest.mark.usefixtures("small_steps")
def test_the_kept_rows_stay_within_their_bounds_and_the_answers_stay_right(
        store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reads, "STATE_CACHE_BYTES", 3_000)  # a few states of the 36
    monkeypatch.setattr(reads, "PICKS", 3)
    monkeypatch.setattr(reads, "SOURCES_KEPT", 4)  # fewer than the sources: read by page in SQL
    writer = Store(store_url)
    writer.save_fusion(*_fused(3))
    server = Store(store_url)
    try:
        client = _client(server, tmp_path)
        expected = _fresh_answers(store_url, tmp_path)
        for k in range(12):  # many days: more picks and more states than the bounds hold
            day = (DAY0 + timedelta(days=7 * k)).isoformat()
            assert client.get("/control", params={"as_of": day}).status_code == 200
            assert len(server._reads.picks) <= 3
            assert server._reads.states.size <= 3_000
        assert 0 < len(server._reads.states) < 36
        assert server._reads.sources[1] is None
        assert _answers(client) == expected
    finally:
        server.close()
        writer.close()


def test_the_row_cache_keeps_one_generation_within_its_bytes() -> None:
    cache = RowCache(max_bytes=1_000, size=lambda row: len(row))
    loads: list[list[int]] = []

    def load(keys: list[int]) -> dict[int, str]:
        loads.append(keys)
        return {k: "x" * 300 for k in keys if k != 99}  # 99 does not exist

    assert set(cache.get_many("g.1", [1, 2, 99], load)) == {1, 2}
    assert set(cache.get_many("g.1", [1, 2], load)) == {1, 2} and loads == [[1, 2, 99]]  # kept
    cache.get_many("g.1", [3, 4], load)  # 4 × 300 bytes > 1,000: the first kept goes first
    assert cache.size <= 1_000 and len(cache) == 3
    cache.get_many("g.1", [1], load)
    assert loads[-1] == [1]
    cache.get_many("g.2", [2], load)  # a write: nothing of g.1 is served
    assert loads[-1] == [2] and len(cache) == 1


def test_the_generation_read_directly_follows_every_write(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/g.db"
    store, writer = Store(url), Store(url)
    try:
        reader = store._generation_reader
        assert isinstance(reader, GenerationReader)
        seen = {store.generation()}
        for version in (1, 2, 3):
            writer.save_fusion(*_fused(version))
            now = store.generation()
            assert now not in seen and now == writer.generation() == reader.read()
            seen.add(now)
    finally:
        store.close()
        writer.close()
    assert Store(f"sqlite:///{tmp_path}/g.db")._generation_reader is not None
    memory = Store("sqlite://")
    assert memory._generation_reader is None and memory.generation()  # in memory: the pooled way
    memory.close()


def test_small_reads_run_on_the_loop_and_large_ones_in_a_worker_thread() -> None:
    import asyncio
    import threading

    from frontwatch.publish.routes.deps import on_the_loop

    seen: list[int] = []

    @on_the_loop(lambda args: args["rows"] <= 10)
    def body(rows: int) -> int:
        seen.append(threading.get_ident())
        return rows

    async def main() -> int:
        assert await body(rows=3) == 3 and await body(rows=500) == 500
        return threading.get_ident()

    loop_thread = asyncio.run(main())
    assert seen[0] == loop_thread and seen[1] != loop_thread


@pytest.mark.usefixtures("small_steps")
def test_a_page_that_would_build_what_is_kept_goes_to_the_thread_pool(tmp_path: Path) -> None:
    """After a write, the first deep page builds the listing's ids (a scan of the index): not on the loop."""
    from frontwatch.publish.routes import claims as claim_routes
    from frontwatch.publish.routes import events as event_routes

    url = f"sqlite:///{tmp_path}/small.db"
    store = Store(url)
    try:
        store.save_fusion(*_fused(1))
        claims, documents = generate(40)
        _add_claims(store, list(documents.values())[:5], {c.document_id: [c] for c in claims})
        no_filter = {k: None for k in ("bbox", "date_from", "date_to", "event_type", "sub_event_type", "status",
                                       "actor", "source", "min_confidence")}
        deep = {"store": store, "limit": 100, "offset": 40, **no_filter}
        assert event_routes._small({**deep, "offset": 3})  # a first page: the index at once
        assert not event_routes._small(deep)  # the ids are not kept yet
        assert not event_routes._small({**deep, "offset": 3, "limit": 5_000})  # a large page
        client = _client(store, tmp_path)
        assert client.get("/events?offset=40").status_code == 200
        assert event_routes._small(deep)  # now kept for this generation
        assert not event_routes._small({**deep, "actor": "brigade", "offset": 0})  # names not read yet
        client.get("/events?actor=brigade")
        assert event_routes._small({**deep, "actor": "brigade", "offset": 0})
        store.save_fusion(*_fused(2))  # a write: built again, off the loop
        assert not event_routes._small(deep)
        page = {"store": store, "limit": 10, "offset": 8, "document_id": None, "event_id": None, "after": None}
        assert not claim_routes._small(page) and claim_routes._small({**page, "offset": 2})
        assert client.get("/claims?offset=8").status_code == 200
        assert claim_routes._small(page)
    finally:
        store.close()
