"""The store, on SQLite and on a real PostgreSQL server (every test runs on both)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontwatch.model import (
    Actor,
    ControlState,
    ControlStatus,
    Document,
    Event,
    EventStatus,
    Place,
    Reject,
    SourceKind,
    SourceReliability,
    document_id_for,
)
from frontwatch.store import HEAD, EventFilter, Store
from tests.test_model import make_claim

ROOT = Path(__file__).resolve().parents[1]


def doc(text: str = "Rebels took the district.", **kw: object) -> Document:
    return Document(document_id_for(text), text, "a.txt", "text", title="T", publisher="example.org",
                    published=date(2021, 8, 21), language="en", removed_lines=("READ MORE: x",),
                    metadata=(("author", "A. N. Other"),), **kw)  # type: ignore[arg-type]


def event(i: int, day: date, lat: float, lon: float, status: EventStatus = EventStatus.REPORTED,
          sub: str = "Armed clash", actor: str = "Taliban", sources: tuple[str, ...] = ("example.org",),
          confidence: float = 0.5, unit: str = "AF.03.1302") -> Event:
    place = Place("P", 1, "PPLA2", "AF", "Baghlan", "AF.03", "D", unit, lat, lon, 1)
    return Event(f"e{i}", day, day, day, 1, "Battles", sub, Actor(actor, 2), Actor("Rebels", 2), place, status,
                 confidence, fatalities=i, claim_ids=(f"c{i}",), sources=sources)


def test_fresh_database_is_at_head(store: Store) -> None:
    assert store.revision() == HEAD
    assert store.counts() == {"documents": 0, "rejects": 0, "claims": 0, "events": 0, "control_states": 0,
                              "sources": 0}


def test_document_and_claims_round_trip_and_re_add_writes_nothing(store: Store) -> None:
    d = doc()
    claim = replace(make_claim(), document_id=d.document_id)
    assert store.add_document(d, [claim]) is True
    assert store.add_document(d, [replace(claim, claim_id="other")]) is False
    assert store.document(d.document_id) == d
    assert store.document(d.document_id[:8]) == d
    assert store.claims() == [claim]
    assert store.claims(document_id="nope") == []
    assert store.counts()["claims"] == 1


def test_pending_documents_and_set_claims(store: Store) -> None:
    d = doc("Pending report text.")
    store.add_document(d, None)
    assert store.pending_documents() == [d]
    claim = replace(make_claim(), document_id=d.document_id)
    store.set_claims(d.document_id, [claim])
    assert store.pending_documents() == []
    assert store.claims(document_id=d.document_id) == [claim]


def test_ambiguous_prefix_is_an_error(store: Store) -> None:
    from frontwatch.errors import StoreError

    for i in range(40):  # 40 ids: two of them share a first hex digit for sure
        store.add_document(doc(f"report {i}"))
    with pytest.raises(StoreError):
        store.document("")


def test_rejects_round_trip(store: Store) -> None:
    store.add_reject(Reject("bad.bin", "binary", "binary content"))
    [r] = store.rejects()
    assert (r.origin, r.reason, r.detail) == ("bad.bin", "binary", "binary content")
    assert r.at is not None


def test_event_filters(store: Store) -> None:
    events = [
        event(1, date(2021, 8, 10), 35.9, 68.7, EventStatus.CONFIRMED, "Non-state actor overtakes territory",
              confidence=0.9, unit="AF.03.1301"),
        event(2, date(2021, 8, 20), 35.6, 69.5, EventStatus.CONTESTED, actor="Resistance", sources=("x.org",)),
        event(3, date(2021, 8, 21), 34.5, 69.2, EventStatus.REPORTED, confidence=0.2, unit="AF.13.101"),
    ]
    store.save_fusion(events, [], [SourceReliability("example.org", SourceKind.OUTLET, 0.7, 3)])
    assert [e.event_id for e in store.events()] == ["e3", "e2", "e1"]  # newest first
    assert store.event("e2") == events[1]
    assert {e.event_id for e in store.events(EventFilter(bbox=(68.0, 35.0, 70.0, 36.0)))} == {"e1", "e2"}
    assert {e.event_id for e in store.events(EventFilter(date_from=date(2021, 8, 15)))} == {"e2", "e3"}
    assert {e.event_id for e in store.events(EventFilter(date_to=date(2021, 8, 15)))} == {"e1"}
    overtakes = EventFilter(sub_event_type="Non-state actor overtakes territory")
    assert [e.event_id for e in store.events(overtakes)] == ["e1"]
    assert [e.event_id for e in store.events(EventFilter(event_type="Battles"))] == ["e3", "e2", "e1"]
    assert [e.event_id for e in store.events(EventFilter(status="contested"))] == ["e2"]
    assert [e.event_id for e in store.events(EventFilter(actor="resist"))] == ["e2"]
    assert [e.event_id for e in store.events(EventFilter(source="x.org"))] == ["e2"]
    assert [e.event_id for e in store.events(EventFilter(min_confidence=0.8))] == ["e1"]
    assert [e.event_id for e in store.events(limit=1, offset=1)] == ["e2"]
    assert store.reliability() == [SourceReliability("example.org", SourceKind.OUTLET, 0.7, 3)]


def _state(unit: str, holder: str, since: date, until: date | None) -> ControlState:
    return ControlState(unit, "D", 2, "Baghlan", Actor(holder, 2), ControlStatus.HELD, since, until, 0.8,
                        EventStatus.REPORTED, ("c",))


def test_control_as_of_picks_the_state_valid_that_day(store: Store) -> None:
    states = [_state("AF.03.1302", "Rebels", date(2021, 8, 20), date(2021, 8, 23)),
              _state("AF.03.1302", "Taliban", date(2021, 8, 23), None),
              _state("AF.03.1301", "Taliban", date(2021, 8, 10), None)]
    store.save_fusion([], states, [])
    on_21 = {s.unit_code: s.holder.name for s in store.control(date(2021, 8, 21)) if s.holder}
    assert on_21 == {"AF.03.1302": "Rebels", "AF.03.1301": "Taliban"}
    on_24 = {s.unit_code: s.holder.name for s in store.control(date(2021, 8, 24)) if s.holder}
    assert on_24["AF.03.1302"] == "Taliban"
    assert store.control(date(2021, 8, 1)) == []
    assert [s.holder.name for s in store.control_timeline("AF.03.1302") if s.holder] == ["Rebels", "Taliban"]
    assert store.control(date(2021, 8, 21), admin1="baghlan") and not store.control(date(2021, 8, 21), admin1="Kabul")


def test_save_fusion_with_units_replaces_only_those(store: Store) -> None:
    store.save_fusion([event(1, date(2021, 8, 1), 1, 1, unit="A"), event(2, date(2021, 8, 1), 1, 1, unit="B")],
                      [_state("A", "X", date(2021, 8, 1), None), _state("B", "Y", date(2021, 8, 1), None)],
                      [SourceReliability("s", SourceKind.OUTLET, 0.5, 1)])
    store.save_fusion([event(3, date(2021, 8, 2), 1, 1, unit="A")], [_state("A", "Z", date(2021, 8, 2), None)],
                      None, units={"A"})
    assert {e.event_id for e in store.events()} == {"e2", "e3"}
    assert {s.holder.name for s in store.control() if s.holder} == {"Y", "Z"}
    assert len(store.reliability()) == 1  # None keeps the stored estimates


def test_concurrent_writers_store_each_document_once(store_url: str, tmp_path: Path) -> None:
    Store(store_url).close()  # migrate first: the race under test is on documents, not on schema creation
    script = tmp_path / "writer.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from frontwatch.store import Store
        from frontwatch.model import Document, document_id_for
        lo, hi = int(sys.argv[1]), int(sys.argv[2])
        s = Store({store_url!r})
        stored = 0
        for i in range(lo, hi):
            text = f"report number {{i}} about fighting"
            stored += s.add_document(Document(document_id_for(text), text, f"r{{i}}.txt", "text"), [])
        print(stored)
    """))
    procs = [subprocess.Popen([sys.executable, str(script), lo, hi], stdout=subprocess.PIPE, text=True)
             for lo, hi in (("0", "50"), ("25", "75"))]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert sum(int(o.strip()) for o in outs) == 75  # the 25 shared documents were stored by exactly one writer
    s = Store(store_url)
    assert s.counts()["documents"] == 75
    s.close()


def test_db_info_command_prints_the_revision(store_url: str) -> None:
    Store(store_url).close()  # `db info` reads a database; it never creates one
    out = subprocess.run([sys.executable, "-m", "frontwatch", "db", "info", "--db", store_url], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert HEAD in out.stdout


def test_unreachable_database_exits_3_with_a_hint() -> None:
    out = subprocess.run([sys.executable, "-m", "frontwatch", "db", "info", "--db", "postgresql://127.0.0.1:9/x"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 3
    assert "hint" in out.stderr


def test_every_field_round_trips(store: Store) -> None:
    from frontwatch.model import Count, CountKind

    d = doc("A report with every field set.", url="https://example.org/a")
    base = replace(make_claim(), document_id=d.document_id)
    claim = replace(base, claim_id="c-full", fatalities_acled=3, confidence=0.42, method="rules:v2",
                    counts=(*base.counts, Count(CountKind.KILLED, 3, None, None, "at least")))
    bare = replace(base, claim_id="c-bare", sub_event_type=None, trigger=None, actors=(), places=(), time=None,
                   counts=(), sources=())
    assert store.add_document(d, [claim, bare])
    assert store.document(d.document_id) == d
    assert sorted(store.claims(d.document_id), key=lambda c: c.claim_id) == [bare, claim]
    assert store.claims(claim_ids=["c-full"]) == [claim]
    full_event = replace(event(7, date(2021, 8, 22), 35.1, 69.1), fatalities_low=1, fatalities_best=2,
                         fatalities_high=5, injured=4, killed_or_injured=9, contradicting_claim_ids=("c9",),
                         source_scale="National", notes="n", actor2=None)
    state = replace(_state("AF.03.1302", "Rebels", date(2021, 8, 20), date(2021, 8, 23)),
                    contradicting_claim_ids=("c2",), evidence=None, holder=None, status=ControlStatus.UNKNOWN)
    store.save_fusion([full_event], [state], [SourceReliability("x", SourceKind.SOCIAL_MEDIA, 0.25, 2)])
    assert store.events() == [full_event]
    assert store.event(full_event.event_id) == full_event
    assert store.control_timeline("AF.03.1302") == [state]
    assert store.reliability() == [SourceReliability("x", SourceKind.SOCIAL_MEDIA, 0.25, 2)]


def test_documents_in_ingestion_order_and_limit(store: Store) -> None:
    docs = [doc(f"report {i} text") for i in (3, 1, 2)]
    for d in docs:
        store.add_document(d)
    assert store.documents() == docs
    assert store.documents(limit=2) == docs[:2]
    assert store.has_document(docs[0].document_id) and not store.has_document("0" * 32)
    assert store.document("zzz") is None
