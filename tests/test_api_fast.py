"""The API's cheap paths (issue 13 item 7): stored JSON sent as is, the answer cache and its ETags keyed on the
write generation, deep pages of the event listing through the ids kept in memory, `serve --workers`.

Each cheap path is held to the answer of the plain one, and the cache to never answering from before a write.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from frontwatch.config import Settings
from frontwatch.model import Claim, ControlState, Event, Reject, to_dict
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.api import app_from_env, create_app
from frontwatch.publish.cache import ResponseCache
from frontwatch.store import DEEP_OFFSET, Store
from frontwatch.store import schema as t
from frontwatch.store.codec import layout
from tests.publish_fixtures import Corpus, build_corpus, fill_store

ROOT = Path(__file__).resolve().parents[1]


def _client(store: Store, tmp: Path) -> TestClient:
    settings = Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp / "no-gazetteer.sqlite")
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


@pytest.fixture
def filled(store: Store) -> tuple[Store, Corpus]:
    corpus = build_corpus()
    fill_store(store, corpus)
    return store, corpus


# --- the write generation ------------------------------------------------------------------------------------


def test_every_store_write_advances_the_generation_and_a_repeat_does_not(store: Store) -> None:
    corpus = build_corpus()
    seen = [store.generation()]

    def advanced() -> bool:
        seen.append(store.generation())
        return seen[-1] != seen[-2]

    doc = corpus.documents[0]
    assert store.add_document(doc, corpus.claims[doc.document_id]) and advanced()
    assert not store.add_document(doc, corpus.claims[doc.document_id]) and not advanced()  # nothing written
    store.set_claims(doc.document_id, corpus.claims[doc.document_id][:1])
    assert advanced()
    store.add_reject(Reject("a.txt", "empty", "no text"))
    assert advanced()
    store.add_reject(Reject("a.txt", "empty", "no text, again"))  # the detail is refreshed: a write
    assert advanced()
    store.save_fusion(corpus.events, corpus.control, corpus.reliability)
    assert advanced()
    assert len(set(seen)) == 6


# --- the answer cache and ETags ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/events", "/events?f=geojson", "/claims", "/control", "/control/timeline",
                                  "/sources"])
def test_a_cached_answer_is_never_served_after_a_write(filled: tuple[Store, Corpus], tmp_path: Path,
                                                       path: str) -> None:
    store, corpus = filled
    client = _client(store, tmp_path)
    first = client.get(path)
    etag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    again = client.get(path)
    assert again.content == first.content and again.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    # A write that changes every list: each event a day later and more confident, every state handed on.
    later = [replace(e, event_date=e.event_date + timedelta(days=1), confidence=0.99) for e in corpus.events]
    control = [replace(c, confidence=0.11) for c in corpus.control]
    reliability = [replace(r, reliability=0.01) for r in corpus.reliability]
    store.save_fusion(later, control, reliability)
    doc = replace(corpus.documents[0], document_id="f" * 32)
    store.add_document(doc, [replace(c, claim_id=f"new-{c.claim_id}", document_id=doc.document_id)
                             for c in corpus.claims[corpus.documents[0].document_id]])
    revalidated = client.get(path, headers={"If-None-Match": etag})
    assert revalidated.status_code == 200 and revalidated.headers["etag"] != etag
    assert revalidated.content != first.content
    fresh = TestClient(create_app(Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp_path / "none"),
                                  store=store))
    assert revalidated.json() == fresh.get(path).json()  # what an app with no cache answers


def test_the_etag_is_the_same_in_every_worker_and_new_with_a_new_database(filled: tuple[Store, Corpus],
                                                                             tmp_path: Path) -> None:
    store, corpus = filled
    one, two = _client(store, tmp_path), _client(store, tmp_path)  # two processes' apps: two caches
    etag = one.get("/events").headers["etag"]
    assert two.get("/events", headers={"If-None-Match": etag}).status_code == 304
    assert one.get("/events?limit=1").headers["etag"] != etag  # another request, another tag
    other = Store(f"sqlite:///{tmp_path}/other.db")  # the same content, made again from scratch
    fill_store(other, corpus)
    assert _client(other, tmp_path).get("/events", headers={"If-None-Match": etag}).status_code == 200
    other.close()


def test_errors_are_not_cached_nor_tagged(filled: tuple[Store, Corpus], tmp_path: Path) -> None:
    store, _ = filled
    client = _client(store, tmp_path)
    for _ in range(2):
        r = client.get("/events/no-such-event")
        assert r.status_code == 404 and "etag" not in r.headers and set(r.json()) == {"error"}


def test_the_cache_keeps_at_most_its_size_dropping_the_least_recently_used() -> None:
    from frontwatch.publish.cache import Entry

    cache = ResponseCache(max_total=100, max_entry=60)
    for k in (b"a", b"b", b"c"):
        cache.put(k, Entry("g.1", b'"x"', (), b"x" * 40))
    assert cache.get(b"a", "g.1") is None and cache.get(b"c", "g.1") is not None  # 120 bytes > 100: a went
    assert cache.get(b"c", "g.2") is None  # another generation: a miss
    cache.put(b"big", Entry("g.1", b'"y"', (), b"y" * 61))
    assert cache.get(b"big", "g.1") is None  # larger than one entry may be


# --- the stored JSON sent as is --------------------------------------------------------------------------------


def _validated(model: type[Any], cls: type, payloads: list[str]) -> list[dict[str, Any]]:
    return [m.model_dump(mode="json") for m in views.from_payloads(model, cls, payloads)]


def test_stored_payloads_are_what_the_response_models_would_send(filled: tuple[Store, Corpus],
                                                                   tmp_path: Path) -> None:
    store, _ = filled
    client = _client(store, tmp_path)
    events = client.get("/events").json()
    assert events["items"] == _validated(s.EventOut, Event, store.event_payloads())
    s.EventsPage.model_validate(events)
    geo = client.get("/events?f=geojson").json()
    models = views.from_payloads(s.EventOut, Event, store.event_payloads())
    assert geo["features"] == [views.event_feature(e).model_dump(mode="json") for e in models]
    assert any(f["geometry"] for f in geo["features"]) and any(f["properties"]["actor2"] for f in geo["features"])
    s.EventFeatureCollection.model_validate(geo)
    claims = client.get("/claims").json()
    assert claims["items"] == _validated(s.ClaimOut, Claim, store.claim_payloads(limit=100))
    s.ClaimsPage.model_validate(claims)
    control = client.get("/control").json()
    assert [f["properties"] for f in control["features"]] == _validated(s.ControlStateOut, ControlState,
                                                                        store.control_payloads())
    s.ControlCollection.model_validate(control)
    # A document's claims keep the layout of today's class, recorded when stored.
    assert {lay for _, lay in store.claim_rows()} == {layout(Claim)}


def test_a_row_from_an_older_version_is_validated_into_the_model(filled: tuple[Store, Corpus],
                                                                   tmp_path: Path) -> None:
    store, corpus = filled
    event = corpus.events[0]
    old = {k: v for k, v in to_dict(event).items() if k not in ("scope", "control_change", "notes")}
    import json

    with store.engine.begin() as conn:  # as a version without those fields (and without layouts) wrote it
        conn.execute(update(t.events).where(t.events.c.event_id == event.event_id)
                     .values(payload=json.dumps(old), layout=None))
    client = _client(store, tmp_path)
    items = {e["event_id"]: e for e in client.get("/events").json()["items"]}
    assert items[event.event_id]["notes"] == "" and items[event.event_id]["scope"] is None
    assert set(items[event.event_id]) == set(s.EventOut.model_fields)
    features = {f["id"]: f for f in client.get("/events?f=geojson").json()["features"]}
    assert features[event.event_id] == views.event_feature(event).model_dump(mode="json")


@dataclasses.dataclass(frozen=True)
class _Part:
    a: int


@dataclasses.dataclass(frozen=True)
class _Whole:
    part: _Part
    name: str


@dataclasses.dataclass(frozen=True)
class _PartGrown:  # _Part with one more field
    a: int
    b: int | None = None


@dataclasses.dataclass(frozen=True)
class _WholeGrown:
    part: _PartGrown
    name: str


@dataclasses.dataclass(frozen=True)
class _WholeRenamed:  # _Whole under another name: the same JSON
    part: _Part
    name: str


def test_the_layout_changes_with_any_field_of_the_class_or_of_its_parts() -> None:
    assert layout(_WholeGrown) != layout(_Whole)
    assert layout(_WholeRenamed) == layout(_Whole)
    assert len({layout(Event), layout(Claim), layout(ControlState)}) == 3


# --- deep pages of the event listing ---------------------------------------------------------------------------


def test_deep_listing_pages_equal_the_plain_query_and_follow_writes(store: Store) -> None:
    corpus = build_corpus()
    base = corpus.events[0]
    many = [replace(base, event_id=f"ev-{i:05d}", event_date=date(2021, 1, 1) + timedelta(days=i % 400))
            for i in range(DEEP_OFFSET + 300)]
    store.save_fusion(many, [], [])
    for offset in (DEEP_OFFSET, DEEP_OFFSET + 37, DEEP_OFFSET + 290, DEEP_OFFSET + 300, DEEP_OFFSET + 5000):
        assert [p for p, _ in store.event_rows(limit=25, offset=offset)] == store.event_payloads(limit=25,
                                                                                                  offset=offset)
    # After a write the kept ids are not used: the page is today's.
    fewer = [replace(e, event_date=e.event_date + timedelta(days=3)) for e in many[::2]] + many[1:40:2]
    store.save_fusion(fewer, [], [])
    page = store.event_rows(limit=25, offset=DEEP_OFFSET - 400)
    assert [p for p, _ in page] == store.event_payloads(limit=25, offset=DEEP_OFFSET - 400)
    assert store.event_rows(limit=25, offset=DEEP_OFFSET + 10) == []


# --- serve --workers -------------------------------------------------------------------------------------------


def test_app_from_env_reads_what_serve_sets(filled: tuple[Store, Corpus], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from frontwatch.cli.serve_cmds import serve_environment

    store, _ = filled
    cfg = Settings.from_env().with_(db_url=store.url, gazetteer_path=tmp_path / "none.sqlite")
    for key, value in serve_environment(cfg, "s3cret", 1234, ["https://a.example"]).items():
        monkeypatch.setenv(key, value)
    app = app_from_env()
    ctx = app.state.context
    assert (ctx.token, ctx.max_body, ctx.store.url) == ("s3cret", 1234, store.url)
    r = TestClient(app).get("/events", headers={"Origin": "https://a.example"})
    assert r.headers["access-control-allow-origin"] == "https://a.example"
    ctx.store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_with_two_workers_answers_from_both_processes(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    store = Store(f"sqlite:///{db}")
    fill_store(store, build_corpus())
    store.close()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "serve", "--db", str(db), "--port", str(port),
                             "--workers", "2", "--gazetteer", str(tmp_path / "none.sqlite")],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 90
        bodies: list[bytes] = []
        while time.time() < deadline and len(bodies) < 20:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/events", timeout=5) as r:
                    bodies.append(r.read())
            except OSError:
                time.sleep(0.3)
        assert len(bodies) == 20 and len(set(bodies)) == 1
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert out.count("Started server process") == 2, out
