"""API reliability (issue 13, items 7, 8 and 10): list endpoints page in SQL, integer parameters are bounded, and
`%` / `_` are plain characters in filters and id prefixes, on SQLite and PostgreSQL. Real stores, real app."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from frontwatch.config import Settings
from frontwatch.model import Actor, Document
from frontwatch.publish import schemas as s
from frontwatch.publish.api import MAX_OFFSET, MAX_PAGE, create_app
from frontwatch.store import Store
from tests.publish_fixtures import Corpus, build_corpus, fill_store

ROOT = Path(__file__).resolve().parents[1]
HUGE = "9223372036854775808"  # 2**63: one past SQLite's and PostgreSQL's largest integer


def _app(store: Store, tmp: Path) -> TestClient:
    settings = Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp / "no-gazetteer.sqlite")
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    return body["error"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus()


# --- item 7: /claims (and the other lists) page in SQL ------------------------------------------------------


@pytest.fixture(scope="module")
def many_claims(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[Any]]]:
    """A store with 3,000 claims in 600 reports (the fusion bench's generator: real model objects)."""
    from bench.bench_fusion import generate
    from frontwatch.fuse import fuse

    claims, documents = generate(3000)
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('many')}/many.db")
    by_doc: dict[str, list[Any]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    for doc_id, doc in documents.items():
        store.add_document(doc, by_doc.get(doc_id, []))
    result = fuse(claims, documents)
    store.save_fusion(result.events, result.control, result.reliability)
    yield store, sorted(claims, key=lambda c: (c.document_id, c.claim_id))
    store.close()


class Statements:
    """The SQL the store sends (a listener on the real engine), to see how a request reads its rows."""

    def __init__(self, store: Store) -> None:
        self.seen: list[tuple[str, Any]] = []
        self.engine = store.engine
        event.listen(self.engine, "before_cursor_execute", self._record)
        # On SQLite some pages are read through the store's plain connection (store/cache.py): its statements
        # come with the parameters filled in, and None for parameters.
        self.plain = store._generation_reader
        if self.plain is not None:
            self.plain.trace(lambda sql: self.seen.append((sql, None)))

    def _record(self, _conn: Any, _cursor: Any, statement: str, params: Any, _context: Any, _many: bool) -> None:
        self.seen.append((statement, params))

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)
        if self.plain is not None:
            self.plain.trace(None)

    def on(self, table: str) -> list[tuple[str, Any]]:
        return [(st, p) for st, p in self.seen if f"FROM {table}" in st]


def test_claims_page_reads_only_the_page_and_matches_the_full_listing(
    many_claims: tuple[Store, list[Any]], tmp_path: Path
) -> None:
    store, ordered = many_claims
    client = _app(store, tmp_path)
    spy = Statements(store)
    try:
        page = client.get("/claims", params={"limit": 10, "offset": 1234})
    finally:
        spy.close()
    assert page.status_code == 200, page.text
    assert [c["claim_id"] for c in page.json()["items"]] == [c.claim_id for c in ordered[1234:1244]]
    statements = spy.on("claims")
    # The payloads are read by one statement, limited in SQL to the page and one more row (to know whether a next
    # page exists); the rows skipped to reach the offset are counted in the index only (no payload read for them).
    [(sql, params)] = [(st, p) for st, p in statements if "claims.payload" in st or "SELECT payload" in st]
    if params is None:  # the plain connection's statement, its parameters in it
        assert "LIMIT 11" in sql and "OFFSET" not in sql.upper(), sql
    else:
        assert "LIMIT" in sql.upper() and 11 in params and 1234 not in params and 234 not in params, (sql, params)
    # Same items as a slice of the whole listing, whatever the filters.
    doc_id = ordered[500].document_id
    of_doc = [c.claim_id for c in ordered if c.document_id == doc_id]
    body = client.get("/claims", params={"document_id": doc_id, "limit": 2, "offset": 1}).json()
    assert [c["claim_id"] for c in body["items"]] == of_doc[1:3]
    ev = store.events(limit=1)[0]
    wanted = set(ev.claim_ids) | set(ev.contradicting_claim_ids)
    body = client.get("/claims", params={"event_id": ev.event_id, "limit": MAX_PAGE}).json()
    assert [c["claim_id"] for c in body["items"]] == [c.claim_id for c in ordered if c.claim_id in wanted]


def test_claims_next_links_walk_every_claim_once_in_order(many_claims: tuple[Store, list[Any]], tmp_path: Path) -> None:
    store, ordered = many_claims
    client = _app(store, tmp_path)
    seen: list[str] = []
    url: str | None = "/claims?limit=700&offset=0"
    pages = 0
    while url:
        body = client.get(url).json()
        seen += [c["claim_id"] for c in body["items"]]
        url = body["next"]
        pages += 1
        if url:
            assert "after=" in url and "offset" not in url  # a cursor: the next page is one index seek away
    assert seen == [c.claim_id for c in ordered] and pages == 5
    err = _error(client.get("/claims", params={"after": "no-colon"}), 422)
    assert "after" in err["message"] and err["hint"]


def test_sources_and_control_are_paged_or_picked_in_sql(many_claims: tuple[Store, list[Any]], tmp_path: Path) -> None:
    store, _ = many_claims
    client = _app(store, tmp_path)
    everything = client.get("/sources", params={"limit": MAX_PAGE}).json()["items"]
    assert len(everything) > 20
    assert everything == sorted(everything, key=lambda r: (-r["reliability"], r["name"]))
    walked: list[dict[str, Any]] = []
    url: str | None = "/sources?limit=7"
    while url:
        body = s.Sources.model_validate(client.get(url).json())
        walked += [r.model_dump() for r in body.items]
        url = body.next
    assert walked == everything
    # /control: each unit's latest state, picked from the timelines' dates (one row per unit read), equal to
    # picking it in Python.
    timeline = store.control_timeline()
    latest = {st.unit_code: st for st in timeline}  # (unit, since, id) order: the last one wins
    client.get("/control", params={"as_of": "2001-01-01"})  # the timelines' dates are read once per generation
    spy = Statements(store)
    try:
        fc = client.get("/control").json()
    finally:
        spy.close()
    assert {f["id"]: f["properties"]["since"] for f in fc["features"]} == {
        u: st.since.isoformat() for u, st in latest.items()}
    assert len(timeline) > len(latest)  # some units changed hands: picking the latest is a real choice
    # No payload is read for the answer: the states' rows were kept by id with the timelines' dates, read once per
    # generation (before: one statement for the picked states, by id; before that one seek per unit in SQL, and a
    # window function over every state before that).
    assert not [(st, p) for st, p in spy.on("control_states") if "payload" in st]
    assert len(store._reads.states) == len(timeline)


# --- item 8: every integer parameter is bounded ----------------------------------------------------------------


@pytest.fixture(scope="module")
def client(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('api')}/api.db")
    fill_store(store, corpus)
    yield _app(store, tmp_path_factory.mktemp("s"))
    store.close()


@pytest.mark.parametrize(
    ("url", "param"),
    [
        (f"/events?offset={HUGE}", "offset"),
        (f"/claims?offset={HUGE}", "offset"),
        (f"/sources?offset={HUGE}", "offset"),
        (f"/events?limit={HUGE}", "limit"),
        (f"/claims?limit={HUGE}", "limit"),
        (f"/events?offset={MAX_OFFSET + 1}", "offset"),
        ("/events?offset=-1", "offset"),
        ("/claims?limit=0", "limit"),
        ("/events?offset=1e3", "offset"),
        (f"/boundaries?level={HUGE}", "level"),
        ("/boundaries?level=0", "level"),
    ],
)
def test_out_of_range_integers_are_422_naming_the_parameter(client: TestClient, url: str, param: str) -> None:
    err = _error(client.get(url), 422)
    assert err["code"] == "invalid_request" and err["message"].startswith(f"{param}:"), err
    assert err["hint"]


def test_the_largest_offset_allowed_is_an_empty_page(client: TestClient) -> None:
    for path in ("/events", "/claims", "/sources"):
        r = client.get(path, params={"offset": MAX_OFFSET})
        assert r.status_code == 200 and r.json()["items"] == [] and r.json()["next"] is None, (path, r.text)


def test_every_integer_query_parameter_has_both_bounds(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    checked = []
    for path, ops in spec["paths"].items():
        for op in ops.values():
            for p in op.get("parameters", []):
                schema = p.get("schema", {})
                types = [schema.get("type")] + [a.get("type") for a in schema.get("anyOf", [])]
                if "integer" in types:
                    assert "minimum" in schema and "maximum" in schema, (path, p["name"], schema)
                    checked.append((path, p["name"]))
    assert ("/events", "offset") in checked and ("/claims", "offset") in checked and ("/boundaries", "level") in checked


# --- item 10: `%` and `_` are characters, not wildcards -------------------------------------------------------------


@pytest.fixture
def wild(store: Store, corpus: Corpus, tmp_path: Path) -> TestClient:
    """The publish corpus (on SQLite and PostgreSQL) plus an event whose actor holds a literal underscore."""
    fill_store(store, corpus)
    odd = replace(corpus.events[0], event_id="ev-underscore", actor1=Actor("Brigade_7", 2), actor2=None,
                  sources=("wire_desk.example",))
    store.save_fusion([*corpus.events, odd], corpus.control, corpus.reliability)
    return _app(store, tmp_path)


def _ids(response: Any) -> set[str]:
    assert response.status_code == 200, response.text
    return {e["event_id"] for e in response.json()["items"]}


def test_like_wildcards_are_literal_in_actor_and_source(wild: TestClient) -> None:
    assert _ids(wild.get("/events", params={"actor": "_"})) == {"ev-underscore"}
    assert _ids(wild.get("/events", params={"actor": "e_7"})) == {"ev-underscore"}
    assert _ids(wild.get("/events", params={"actor": "%"})) == set()
    assert _ids(wild.get("/events", params={"actor": "T%n"})) == set()
    assert _ids(wild.get("/events", params={"actor": "/"})) == set()  # the escape character itself
    assert _ids(wild.get("/events", params={"source": "_"})) == {"ev-underscore"}
    assert _ids(wild.get("/events", params={"source": "%"})) == set()
    # Plain text still matches, ignoring case.
    assert _ids(wild.get("/events", params={"actor": "taliban"})) == {"ev-khumri", "ev-hesar"}
    assert _ids(wild.get("/events", params={"source": "PANJSHIR"})) == {"ev-hesar"}


def test_nul_in_a_parameter_is_422_not_a_database_error(wild: TestClient) -> None:
    # PostgreSQL refuses NUL in any string: before the check, this was a 500 there.
    for url in ("/events?actor=a%00b", "/events/ev%00x", "/claims?document_id=%00", "/control?admin1=%00"):
        err = _error(wild.get(url), 422)
        assert "NUL" in err["message"] and err["hint"]


def test_id_prefix_wildcards_are_literal_and_ambiguity_is_409(store: Store, tmp_path: Path) -> None:
    ids = ["abcdef0123456789abcdef0123456789", "abcdef0fedcba9876543210fedcba987", "0123456789abcdef0123456789abcdef"]
    for i, doc_id in enumerate(ids):
        store.add_document(Document(doc_id, f"report {i}", f"r{i}.txt", "text"), [])
    client = _app(store, tmp_path)
    # (No `%` before two hex digits: the test client decodes a path twice, a real server once.)
    for wildcard in ("%%%%%%", "______", "abcde_", "abcde%", "_bcdef", "0123456789abcde%"):
        assert store.document(wildcard) is None, wildcard
        _error(client.get(f"/documents/{wildcard.replace('%', '%25')}"), 404)
    assert client.get("/documents/0123456").json()["document_id"] == ids[2]
    err = _error(client.get("/documents/abcdef0"), 409)
    assert err["code"] == "ambiguous_id" and err["hint"]
    assert client.get(f"/documents/{ids[0]}").json()["document_id"] == ids[0]  # a whole id is never ambiguous


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=ROOT)


def test_show_takes_wildcards_literally_and_refuses_an_ambiguous_prefix(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/cli.db"
    with Store(db) as store:
        for i, doc_id in enumerate(["abcdef0123456789abcdef0123456789", "abcdef0fedcba9876543210fedcba987"]):
            store.add_document(Document(doc_id, f"report number {i}", f"r{i}.txt", "text"), [])
    wild = _cli("show", "_", "--db", db)
    assert wild.returncode == 2 and "no document" in wild.stderr, (wild.stdout, wild.stderr)
    ambiguous = _cli("show", "abcdef0", "--db", db)
    assert ambiguous.returncode == 2 and "more than one" in ambiguous.stderr, (ambiguous.stdout, ambiguous.stderr)
    one = _cli("show", "abcdef01", "--db", db)
    assert one.returncode == 0 and "report number 0" in one.stdout, one.stderr
