"""Read paths that stay cheap at 100k events / 1M claims (issue 13, item 7), on SQLite and PostgreSQL: actor and
source filters by the names that exist, deep claim offsets from sparse keys, `/control` on any day picked from the
timelines' dates, `/control/timeline` paged by unit, GeoJSON features stored beside the events, migration 0006.

Each answer is compared with the same selection made in Python over everything the store holds."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text

from bench.bench_api import ACTORS, synthetic_events
from frontwatch.config import Settings, normalize_db_url
from frontwatch.model import Actor, ControlState, ControlStatus, Event, EventStatus, SourceKind, SourceReliability
from frontwatch.publish.api import create_app
from frontwatch.store import MIGRATIONS, EventFilter, Store, reads
from frontwatch.store.features import event_feature_json

UNITS = [f"AF.{k % 5 + 1:02d}.{1000 + k}" for k in range(12)]


def _client(store: Store, tmp: Path) -> TestClient:
    settings = Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp / "no-gazetteer.sqlite")
    return TestClient(create_app(settings, store=store), raise_server_exceptions=False)


def _events(n: int = 400) -> list[Event]:
    """Synthetic events (bench/bench_api.py's), some with a rare actor and rare or several sources."""
    rnd = random.Random(5)
    out = []
    for i, e in enumerate(synthetic_events(n, seed=3)):
        if i % 97 == 0:
            e = replace(e, actor2=Actor("Rare Brigade_7", 3))
        sources = e.sources + (("Rare Desk",) if i % 89 == 0 else ()) + (("wire-service.net",) if i % 3 else ())
        out.append(replace(e, sources=tuple(dict.fromkeys(sources)), confidence=round(rnd.random(), 3)))
    return out


def _control() -> list[ControlState]:
    """Several states per unit, some ended (`until`), some on the same day (the last stored wins)."""
    rnd = random.Random(9)
    out = []
    for k, code in enumerate(UNITS):
        days = sorted(rnd.sample(range(0, 400), 6))
        for j, day in enumerate(days):
            since = date(2020, 1, 1) + timedelta(days=day)
            until = None if j == len(days) - 1 or rnd.random() < 0.5 else since + timedelta(days=rnd.randrange(1, 60))
            out.append(ControlState(code, f"District {k}", 2, f"Province {k % 5}", rnd.choice(ACTORS),
                                    ControlStatus.HELD, since, until, 0.5, EventStatus.REPORTED, ()))
        if k % 4 == 0:  # a second state on the last day: the one stored last holds
            out.append(replace(out[-1], holder=Actor("Second", 1), confidence=0.7))
    return out


@pytest.fixture
def filled(store: Store) -> tuple[Store, list[Event], list[ControlState]]:
    events, control = _events(), _control()
    store.save_fusion(events, control, [SourceReliability("wire-service.net", SourceKind.OUTLET, 0.5, 3)])
    return store, events, control


def _listing(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.event_date, e.event_id), reverse=True)


@pytest.mark.parametrize("rare", [0, 10**9], ids=["walk-the-listing", "read-by-name"])
def test_actor_and_source_filters_match_names_case_insensitively_on_either_path(
        filled: tuple[Store, list[Event], list[ControlState]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        rare: int) -> None:
    """Both ways of reading a filter (walk the listing for a common name, read a rare name's events and sort them)
    give the page a Python filter over every event gives; `%` and `_` are characters."""
    store, events, _ = filled
    monkeypatch.setattr(reads, "RARE", rare)
    client = _client(store, tmp_path)

    def names(e: Event) -> list[str]:
        return [a.name for a in (e.actor1, e.actor2) if a]

    cases: list[tuple[dict[str, str], Any]] = [
        ({"actor": "taliban"}, lambda e: any("taliban" in n.lower() for n in names(e))),
        ({"actor": "BRIGADE_7"}, lambda e: any("brigade_7" in n.lower() for n in names(e))),
        ({"actor": "_"}, lambda e: any("_" in n for n in names(e))),
        ({"actor": "%"}, lambda e: False),
        ({"actor": "no such actor"}, lambda e: False),
        ({"source": "rare desk"}, lambda e: "Rare Desk" in e.sources),
        ({"source": "news"}, lambda e: any("news" in s for s in e.sources)),
        ({"source": "t-serv"}, lambda e: any("t-serv" in s for s in e.sources)),
        ({"source": "nowhere"}, lambda e: False),
        ({"actor": "police", "source": "observer"},
         lambda e: any("police" in n.lower() for n in names(e)) and any("observer" in s for s in e.sources)),
    ]
    for params, keep in cases:
        wanted = [e.event_id for e in _listing(events) if keep(e)]
        for limit, offset in ((1000, 0), (7, 3)):
            r = client.get("/events", params={**params, "limit": limit, "offset": offset})
            assert r.status_code == 200, r.text
            assert [i["event_id"] for i in r.json()["items"]] == wanted[offset:offset + limit], params
    assert any(keep(e) for e in events for _, keep in cases[:2])  # the cases select something


def test_a_deep_claims_offset_from_sparse_keys_is_the_slice_of_the_listing_also_after_a_write(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.bench_fusion import generate

    monkeypatch.setattr(reads, "CLAIM_STEP", 7)  # keys every 7 claims: the small store has many of them
    claims, documents = generate(300)
    docs = list(documents.values())
    by_doc: dict[str, list[Any]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    for doc in docs[:-5]:
        store.add_document(doc, by_doc.get(doc.document_id, []))

    def listing() -> list[str]:
        return [json.loads(p)["claim_id"] for p, _ in store._claim_rows(None, None, None, 0, None)]

    whole = listing()
    assert len(whole) > 100
    for offset in (0, 6, 7, 8, 13, 14, 99, len(whole) - 3, len(whole), len(whole) + 50):
        got = [json.loads(p)["claim_id"] for p, _ in store.claim_rows(limit=10, offset=offset)]
        assert got == whole[offset:offset + 10], offset
    for doc in docs[-5:]:  # a write: the keys are built again for the new generation
        store.add_document(doc, by_doc.get(doc.document_id, []))
    whole = listing()
    for offset in (7, 50, len(whole) - 10):
        got = [json.loads(p)["claim_id"] for p, _ in store.claim_rows(limit=10, offset=offset)]
        assert got == whole[offset:offset + 10], offset


def _state_on(states: list[ControlState], day: date | None, admin1: str | None = None) -> dict[str, str]:
    """Python's pick: per unit, of the states that began by `day` and had not ended, the one that began last, the
    last stored among one day's (the semantics the SQL pick had)."""
    out: dict[str, tuple[date, int, ControlState]] = {}
    for i, st in enumerate(states):
        if admin1 is not None and (st.admin1 or "").lower() != admin1.lower():
            continue
        if day is not None and (st.since > day or (st.until is not None and st.until <= day)):
            continue
        key = (st.since, i)
        if st.unit_code not in out or key > out[st.unit_code][:2]:
            out[st.unit_code] = (st.since, i, st)
    return {u: json.dumps([v[2].since.isoformat(), v[2].holder.name if v[2].holder else None, v[2].confidence])
            for u, v in out.items()}


def test_control_on_any_day_is_the_state_that_held_then(filled: tuple[Store, list[Event], list[ControlState]],
                                                        tmp_path: Path) -> None:
    store, _, control = filled
    client = _client(store, tmp_path)

    def got(params: dict[str, str]) -> dict[str, str]:
        r = client.get("/control", params=params)
        assert r.status_code == 200, r.text
        return {f["id"]: json.dumps([f["properties"]["since"], (f["properties"]["holder"] or {}).get("name"),
                                     f["properties"]["confidence"]]) for f in r.json()["features"]}

    assert got({}) == _state_on(control, None)
    days = sorted({d for st in control for d in (st.since, st.until) if d is not None})
    checked = 0
    for day in [days[0] - timedelta(days=1), *days[::3], *(d - timedelta(days=1) for d in days[1::5])]:
        expected = _state_on(control, day)
        assert got({"as_of": day.isoformat()}) == expected, day
        checked += bool(expected)
    assert checked > 10
    assert got({"admin1": "province 2", "as_of": days[len(days) // 2].isoformat()}) == _state_on(
        control, days[len(days) // 2], "Province 2")


def test_timeline_pages_by_unit_with_next_links_and_says_the_same_as_one_answer(
        filled: tuple[Store, list[Event], list[ControlState]], tmp_path: Path) -> None:
    store, _, control = filled
    client = _client(store, tmp_path)
    whole = client.get("/control/timeline").json()
    assert [u["unit_code"] for u in whole["units"]] == sorted(UNITS) and whole["next"] is None
    assert whole["first_date"] == min(st.since for st in control).isoformat()
    for unit in whole["units"]:
        stored = [st for st in control if st.unit_code == unit["unit_code"]]
        assert [st["since"] for st in unit["states"]] == sorted(st.since.isoformat() for st in stored)
    walked, url, pages = [], "/control/timeline?limit=5", 0
    while url:
        r = client.get(url)
        body = r.json()
        walked += body["units"]
        url, pages = body["next"], pages + 1
        assert (r.headers.get("link") == f'<{url}>; rel="next"') if url else "link" not in r.headers
        assert body["first_date"] == whole["first_date"] and body["last_date"] == whole["last_date"]
    assert walked == whole["units"] and pages == 3
    last = sorted(UNITS)[-1]  # a unit that is on no first page, asked alone with a limit
    assert client.get("/control/timeline", params={"unit": last, "limit": 1}).json()["units"] == whole["units"][-1:]
    assert client.get("/control/timeline", params={"limit": -1}).status_code == 422


def test_geojson_features_are_stored_with_the_events_and_sent_as_the_models_make_them(
        filled: tuple[Store, list[Event], list[ControlState]], tmp_path: Path) -> None:
    from frontwatch.publish import schemas as s
    from frontwatch.publish import views

    store, events, _ = filled
    client = _client(store, tmp_path)
    for offset in (0, 150):
        body = client.get("/events", params={"f": "geojson", "limit": 100, "offset": offset}).json()
        page = _listing(events)[offset:offset + 100]
        models = [json.loads(views.event_feature(s.EventOut.model_validate_json(
            json.dumps(json.loads(store_payload(store, e.event_id))))).model_dump_json()) for e in page]
        assert body["features"] == models and body["count"] == 100


def store_payload(store: Store, event_id: str) -> str:
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT payload FROM events WHERE event_id = :i"), {"i": event_id}).scalar_one()


def test_0006_fills_features_and_the_source_look_up_for_stored_events(store_url: str) -> None:
    """A database at 0005 holding events: after the upgrade each has its feature and one look-up row per source,
    and the actor indexes exist."""
    engine = create_engine(normalize_db_url(store_url))
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        events = _events(60)
        for e in events:
            row = Store._event_row(e)
            row.pop("feature")
            conn.execute(text(f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"),
                         row)
    engine.dispose()
    with Store(store_url) as store:
        with store.engine.connect() as conn:
            features = dict(conn.execute(text("SELECT event_id, feature FROM events")).all())
            links = conn.execute(text("SELECT event_id, source FROM event_sources")).all()
        assert features == {e.event_id: event_feature_json(store_payload(store, e.event_id)) for e in events}
        assert sorted(links) == sorted((e.event_id, src) for e in events for src in e.sources)
        names = {ix["name"] for ix in inspect(store.engine).get_indexes("events")}
        assert {"ix_events_actor1", "ix_events_actor2"} <= names
        rare = [e.event_id for e in _listing(events) if "Rare Desk" in e.sources]
        assert [e.event_id for e in store.events(EventFilter(source="rare desk"))] == rare and rare
