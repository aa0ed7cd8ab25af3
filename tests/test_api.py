"""REST API over a real SQLite store filled with real model objects: schemas, filters, errors, token gate, limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from frontwatch.config import Settings
from frontwatch.publish import schemas as s
from frontwatch.publish.api import create_app
from tests.publish_fixtures import HANDOVER_UNIT, Corpus, build_corpus, fill_store

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, corpus: Corpus) -> Iterator[Any]:
    from frontwatch.store import Store

    st = Store(f"sqlite:///{tmp_path_factory.mktemp('api')}/api.db")
    fill_store(st, corpus)
    yield st
    st.close()


def _settings(tmp: Path) -> Settings:
    # No gazetteer at this path: the app must work without one (no polygons, seats unknown).
    return Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp / "no-gazetteer.sqlite")


@pytest.fixture(scope="module")
def client(store: Any, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    app = create_app(_settings(tmp_path_factory.mktemp("s")), store=store, token=TOKEN, max_body=4_000)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def readonly(store: Any, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(_settings(tmp_path_factory.mktemp("r")), store=store), raise_server_exceptions=False)


def ok(response: Any, model: type[BaseModel], content_type: str = "application/json") -> Any:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(content_type)
    return model.model_validate(response.json())


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "hint"}
    s.ErrorBody.model_validate(body)
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


# --- schemas: every route's response validates against its declared model --------------------------------


def test_openapi_documents_every_route_with_its_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for route in ("/events", "/events/{event_id}", "/claims", "/documents/{document_id}", "/control",
                  "/control/timeline", "/sources", "/healthz", "/boundaries"):
        assert "get" in paths[route], route
    assert "post" in paths["/documents"]
    schemas = spec["components"]["schemas"]
    for name in ("EventsPage", "EventFeatureCollection", "EventDetail", "ClaimsPage", "DocumentOut",
                 "ControlCollection", "Timelines", "Sources", "Health", "ErrorBody", "IngestResult"):
        assert name in schemas, name
    # The events route documents both of its formats and the error shape.
    ev = paths["/events"]["get"]["responses"]
    assert "application/geo+json" in ev["200"]["content"]
    assert ev["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    assert paths["/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"]["text"]


def test_events_json_and_geojson(client: TestClient, corpus: Corpus) -> None:
    page = ok(client.get("/events"), s.EventsPage)
    assert {e.event_id for e in page.items} == {e.event_id for e in corpus.events}
    assert page.next is None and page.count == len(corpus.events)
    fc = ok(client.get("/events", params={"f": "geojson"}), s.EventFeatureCollection, "application/geo+json")
    hesar = next(f for f in fc.features if f.id == "ev-hesar")
    assert hesar.geometry is not None and hesar.geometry.coordinates == (69.47134, 35.61794)  # lon, lat
    assert hesar.properties.actor1 == "Anti-Taliban resistance" and hesar.properties.unit_code == HANDOVER_UNIT
    by_accept = client.get("/events", headers={"Accept": "application/geo+json"})
    ok(by_accept, s.EventFeatureCollection, "application/geo+json")
    assert ok(client.get("/events", headers={"Accept": "application/json"}), s.EventsPage).count == 4


def test_event_detail_quotes_each_claim_with_its_source_chain(client: TestClient, corpus: Corpus) -> None:
    detail = ok(client.get("/events/ev-hesar"), s.EventDetail)
    assert detail.status == "reported" and detail.place.admin2_code == HANDOVER_UNIT
    (ev,) = detail.evidence
    doc = corpus.documents[0]
    assert ev.stance == "supporting"
    assert ev.quote == doc.text.split("\n")[1]  # the sentence, verbatim
    assert ev.source_chains == [["example.org", "Panjshir Province (Twitter)"]]
    assert ev.document is not None and ev.document.publisher == "example.org"
    assert ev.document.links.self.endswith(f"/documents/{doc.document_id}")
    assert ev.claim.trigger is not None and ev.claim.trigger.text == "took back"


def test_hostile_text_is_returned_verbatim_as_json(client: TestClient) -> None:
    detail = ok(client.get("/events/ev-hostile"), s.EventDetail)
    assert "<script>" in detail.evidence[0].quote  # data, not markup: the API does not rewrite it
    assert detail.actor1 is not None and detail.actor1.name.startswith("<img")


def test_claims_by_document_and_by_event(client: TestClient, corpus: Corpus) -> None:
    doc = corpus.documents[0]
    page = ok(client.get("/claims", params={"document_id": doc.document_id}), s.ClaimsPage)
    assert {c.claim_id for c in page.items} == {"claim-khumri", "claim-hesar", "claim-salah"}
    page = ok(client.get("/claims", params={"event_id": "ev-hostile"}), s.ClaimsPage)
    assert [c.claim_id for c in page.items] == ["claim-hostile"]
    assert page.items[0].counts[0].value == 3
    first = ok(client.get("/claims", params={"limit": 2}), s.ClaimsPage)
    assert first.count == 2 and first.next is not None
    rest = ok(client.get(first.next), s.ClaimsPage)
    assert {c.claim_id for c in first.items} | {c.claim_id for c in rest.items} == {
        c.claim_id for c in corpus.all_claims
    }


def test_document_spans_point_into_its_text(client: TestClient, corpus: Corpus) -> None:
    doc = corpus.documents[0]
    out = ok(client.get(f"/documents/{doc.document_id}"), s.DocumentOut)
    assert out.text == doc.text and out.publisher == "example.org"
    assert len(out.claims) == 3
    fields = set()
    for claim in out.claims:
        for span in claim.spans:
            assert out.text[span.start : span.end] == span.text
            fields.add(span.field)
    assert {"sentence", "trigger", "actor1", "actor2", "place", "time", "source"} <= fields
    # An id prefix works too.
    assert ok(client.get(f"/documents/{doc.document_id[:10]}"), s.DocumentOut).document_id == doc.document_id


def test_control_before_and_after_the_handover(client: TestClient) -> None:
    def holder(as_of: str) -> str | None:
        fc = ok(client.get("/control", params={"as_of": as_of}), s.ControlCollection, "application/geo+json")
        feats = {f.id: f for f in fc.features}
        st = feats[HANDOVER_UNIT].properties
        return st.holder.name if st.holder else None

    assert holder("2021-08-15") == "Taliban"
    assert holder("2021-08-21") == "Anti-Taliban resistance"
    fc = ok(client.get("/control", params={"as_of": "2021-08-21"}), s.ControlCollection, "application/geo+json")
    salah = next(f for f in fc.features if f.id == "AF.03.1312")
    assert salah.properties.status == "contested" and salah.properties.evidence == "contested"
    before = ok(client.get("/control", params={"as_of": "2021-08-01"}), s.ControlCollection, "application/geo+json")
    assert before.features == []


def test_timelines_and_sources_and_health(client: TestClient) -> None:
    tl = ok(client.get("/control/timeline"), s.Timelines)
    hesar = next(u for u in tl.units if u.unit_code == HANDOVER_UNIT)
    assert [st.holder.name for st in hesar.states if st.holder] == ["Taliban", "Anti-Taliban resistance"]
    assert str(tl.first_date) == "2021-08-10"
    one = ok(client.get("/control/timeline", params={"unit": HANDOVER_UNIT}), s.Timelines)
    assert [u.unit_code for u in one.units] == [HANDOVER_UNIT]
    assert_error(client.get("/control/timeline", params={"unit": "XX.99"}), 404, "not_found")
    sources = ok(client.get("/sources"), s.Sources)
    assert {x.name for x in sources.items} == {"example.org", "Panjshir Province"}
    health = ok(client.get("/healthz"), s.Health)
    assert health.ingest is True and health.gazetteer is False
    bounds = ok(client.get("/boundaries"), s.BoundaryCollection, "application/geo+json")
    assert bounds.features == []  # no gazetteer given


# --- filters and pagination -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"bbox": "69.4,35.5,69.6,35.7"}, {"ev-hesar"}),
        ({"bbox": "60,29,75,39"}, {"ev-khumri", "ev-hesar", "ev-salah", "ev-hostile"}),
        ({"bbox": "10,10,11,11"}, set()),
        ({"date_from": "2021-08-20", "date_to": "2021-08-21"}, {"ev-hesar", "ev-salah"}),
        ({"date_to": "2021-08-10"}, {"ev-khumri"}),
        ({"event_type": "Violence against civilians"}, {"ev-hostile"}),
        ({"sub_event_type": "Armed clash"}, {"ev-salah"}),
        ({"status": "contested"}, {"ev-salah"}),
        ({"actor": "Taliban"}, {"ev-khumri", "ev-hesar"}),
        ({"source": "Panjshir Province"}, {"ev-hesar"}),
        ({"min_confidence": 0.55}, {"ev-khumri", "ev-hesar"}),
        ({"bbox": "68,35,70,36", "date_from": "2021-08-11", "status": "reported"}, {"ev-hesar", "ev-hostile"}),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, Any], expected: set[str]) -> None:
    page = ok(client.get("/events", params=params), s.EventsPage)
    assert {e.event_id for e in page.items} == expected


def test_pagination_follows_next_links_without_gaps_or_repeats(client: TestClient, corpus: Corpus) -> None:
    seen: list[str] = []
    url: str | None = "/events?limit=1&f=geojson"
    pages = 0
    while url:
        fc = ok(client.get(url), s.EventFeatureCollection, "application/geo+json")
        seen += [f.id for f in fc.features]
        url = fc.next
        pages += 1
        assert pages <= 10
    assert sorted(seen) == sorted(e.event_id for e in corpus.events) and pages == 4
    tail = ok(client.get("/events", params={"offset": 3, "limit": 5}), s.EventsPage)
    assert tail.count == 1 and tail.next is None


# --- errors: one shape everywhere -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "status", "code"),
    [
        ("get", "/events/no-such-event", 404, "not_found"),
        ("get", "/documents/ffffffffffffffff", 404, "not_found"),
        ("get", "/no/such/route", 404, "not_found"),
        ("get", "/events?bbox=1,2,3", 422, "invalid_request"),
        ("get", "/events?bbox=a,b,c,d", 422, "invalid_request"),
        ("get", "/events?bbox=10,10,5,5", 422, "invalid_request"),
        ("get", "/events?date_from=2021-13-45", 422, "invalid_request"),
        ("get", "/events?date_from=2021-08-22&date_to=2021-08-01", 422, "invalid_request"),
        ("get", "/events?limit=0", 422, "invalid_request"),
        ("get", "/events?limit=100000", 422, "invalid_request"),
        ("get", "/events?status=rumoured", 422, "invalid_request"),
        ("get", "/events?event_type=Picnic", 422, "invalid_request"),
        ("get", "/events?f=xml", 422, "invalid_request"),
        ("get", "/events?min_confidence=2", 422, "invalid_request"),
        ("get", "/control?as_of=yesterday", 422, "invalid_request"),
        ("get", "/documents/abc", 422, "invalid_request"),
        ("delete", "/events/ev-hesar", 405, "method_not_allowed"),
    ],
)
def test_errors_have_one_shape(client: TestClient, method: str, url: str, status: int, code: str) -> None:
    err = assert_error(getattr(client, method)(url), status, code)
    if status == 422:
        assert err["hint"]


def test_server_error_is_500_in_the_same_shape_without_internals(tmp_path: Path, corpus: Corpus) -> None:
    from frontwatch.store import Store

    broken = Store(f"sqlite:///{tmp_path}/broken.db")
    fill_store(broken, corpus)
    broken.close()
    (tmp_path / "broken.db").unlink()
    (tmp_path / "broken.db").mkdir()  # the database file is now a directory: every query fails for real
    app = create_app(_settings(tmp_path), store=broken)
    response = TestClient(app, raise_server_exceptions=False).get("/events")
    err = assert_error(response, response.status_code)
    assert response.status_code in (500, 503)
    assert "Traceback" not in response.text and "sqlite" not in err["message"].lower()


# --- ingestion gate, size limit, CORS ---------------------------------------------------------------------


def test_post_refused_on_a_read_only_server(readonly: TestClient) -> None:
    r = readonly.post("/documents", json={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    err = assert_error(r, 403, "read_only")
    assert "--token" in err["hint"]


def test_post_needs_the_token(client: TestClient) -> None:
    assert_error(client.post("/documents", json={"text": "x"}), 401, "unauthorized")
    assert_error(client.post("/documents", json={"text": "x"}, headers={"Authorization": "Bearer wrong"}), 403,
                 "forbidden")
    assert_error(client.post("/documents", json={"text": "x"}, headers={"Authorization": TOKEN}), 401)


def test_post_size_limit(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    big = b'{"text": "' + b"a" * 5_000 + b'"}'
    assert_error(client.post("/documents", content=big, headers=auth), 413, "too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit must hold while streaming
        yield b'{"text": "'
        for _ in range(10):
            yield b"b" * 1_000
        yield b'"}'

    assert_error(client.post("/documents", content=chunks(), headers=auth), 413, "too_large")


def test_post_rejects_bad_bodies_in_the_error_shape(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_error(client.post("/documents", json={"title": "no text"}, headers=auth), 422, "invalid_request")
    assert_error(client.post("/documents", json={"text": "x", "evil": 1}, headers=auth), 422, "invalid_request")
    assert_error(client.post("/documents", content=b"{not json", headers={**auth, "Content-Type": "application/json"}),
                 422, "invalid_request")
    assert_error(client.post("/documents", content=b"plain", headers={**auth, "Content-Type": "text/plain"}), 415)


def test_cors_is_off_by_default(client: TestClient, store: Any, tmp_path: Path) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    assert "access-control-allow-origin" not in client.get("/events", headers=origin).headers
    pre = client.options("/events", headers={**origin, "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers
    opened = TestClient(create_app(_settings(tmp_path), store=store, cors_origins=["https://elsewhere.example"]))
    assert opened.get("/events", headers=origin).headers["access-control-allow-origin"] == "https://elsewhere.example"


def test_page_is_served_with_a_content_security_policy(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert 'src="static/fw-map.js"' in r.text and "FRONTWATCH_DATA" not in r.text
    assert client.get("/static/fw-map.js").status_code == 200
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
