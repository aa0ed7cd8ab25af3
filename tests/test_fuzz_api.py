"""Fuzz the API's query and path parameters (hypothesis): no value may answer 500 or leak a traceback.

Every GET route, every parameter, values drawn from numbers far beyond any bound, floats (nan, inf), dates real and
not, LIKE wildcards, any Unicode text and raw bytes (invalid UTF-8 included), percent-encoded as a client would send
them. Runs on SQLite, and on PostgreSQL when its server is installed (which refuses NUL and bytes SQLite accepts).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.config import Settings
from frontwatch.model import EVENT_TYPES, SUB_EVENT_TYPES
from frontwatch.publish.api import create_app
from frontwatch.store import Store
from tests.fixtures.store import _create_database
from tests.publish_fixtures import build_corpus, fill_store

EXAMPLES = {"sqlite": 150, "postgresql": 60}  # per route; the whole file stays well under a minute
# 405: an id holding `/` can land on another route (POST-only /documents/); still the client's error, not a crash.
ALLOWED = {200, 404, 405, 409, 422}

# Raw values: what ends up between `=` and `&` (or in a path segment), before percent-encoding.
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30]),
).map(str)
floats = st.floats(allow_nan=True, allow_infinity=True).map(repr) | st.sampled_from(["nan", "-inf", "1e309", "0x1p3"])
dates = st.dates().map(str) | st.sampled_from(["0000-00-00", "2021-02-30", "9999-12-31", "1-1-1", "2021-8-1"])
wild = st.text(alphabet="%_/\\*?[]^-'\";", max_size=12)
text = st.text(max_size=40)
raw = st.binary(max_size=40)
VALUES = st.one_of(numbers, floats, dates, wild, text, raw, st.sampled_from(["", "ev-hesar", "Taliban",
                                                                            "60,29,75,39", "json", "geojson"]))

# Each parameter gets values of its own kind two times in three (so that requests get past the type checks to the
# bounds and the database), anything the third time.
KIND = {"event_type": st.sampled_from(list(EVENT_TYPES)), "sub_event_type": st.sampled_from(sorted(SUB_EVENT_TYPES)),
        "status": st.sampled_from(["confirmed", "reported", "contested", "denied"]),
        "f": st.sampled_from(["json", "geojson"]),
        "limit": numbers, "offset": numbers, "level": numbers, "min_confidence": floats, "date_from": dates,
        "date_to": dates, "as_of": dates, "actor": wild | text, "source": wild | text, "admin1": wild | text,
        "unit": wild | text, "document_id": wild | text, "event_id": wild | text,
        "after": st.tuples(wild | text, wild | text).map(":".join),
        "bbox": st.lists(floats | numbers, min_size=3, max_size=5).map(",".join)}
ROUTES: dict[str, list[str]] = {
    "/events": ["bbox", "date_from", "date_to", "event_type", "sub_event_type", "status", "actor", "source",
                "min_confidence", "limit", "offset", "f"],
    "/claims": ["document_id", "event_id", "limit", "offset", "after"],
    "/control": ["as_of", "admin1"],
    "/control/timeline": ["unit"],
    "/boundaries": ["level"],
    "/sources": ["limit", "offset"],
    "/events/{id}": [],
    "/documents/{id}": [],
}


def _encode(value: str | bytes) -> str:
    data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return quote_from_bytes(data, safe="")


@st.composite
def requests(draw: st.DrawFn, route: str) -> str:
    if "{id}" in route:
        segment = draw(VALUES.filter(lambda v: len(v) > 0))
        return route.replace("{id}", _encode(segment))
    names = draw(st.lists(st.sampled_from(ROUTES[route]), max_size=3))
    pairs = [f"{_encode(n)}={_encode(draw(st.one_of(KIND.get(n, VALUES), KIND.get(n, VALUES), VALUES)))}"
             for n in names]
    return f"{route}?{'&'.join(pairs)}" if pairs else route


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzz_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    tmp = tmp_path_factory.mktemp("fuzz")
    if request.param == "sqlite":
        url = f"sqlite:///{tmp}/fuzz.db"
    else:
        url = _create_database(request.getfixturevalue("pg_server_url"))
    store = Store(url)
    fill_store(store, build_corpus())
    settings_ = Settings(db_url="sqlite:///unused.db", gazetteer_path=Path(tmp) / "no-gazetteer.sqlite")
    yield request.param, TestClient(create_app(settings_, store=store), raise_server_exceptions=False)
    store.close()


@pytest.mark.parametrize("route", list(ROUTES))
def test_no_parameter_value_answers_500(fuzz_client: tuple[str, TestClient], route: str) -> None:
    backend, client = fuzz_client
    sent: list[str] = []

    @settings(max_examples=EXAMPLES[backend], deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(requests(route))
    def check(url: str) -> None:
        sent.append(url)
        response = client.get(url)
        assert response.status_code in ALLOWED, (url, response.status_code, response.text[:300])
        assert "Traceback" not in response.text and 'File "' not in response.text, url
        if response.status_code != 200:
            body = response.json()
            assert set(body) == {"error"} and body["error"]["message"], (url, body)

    check()
    # Every example ran: hypothesis did not give up on the strategies (the figure the closing note reports).
    assert len(sent) >= EXAMPLES[backend], len(sent)
    print(f"{backend} {route}: {len(sent)} requests, {len(set(sent))} distinct")
