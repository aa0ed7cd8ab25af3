"""Fusion against a real store (SQLite and a throwaway PostgreSQL): the full run, the incremental run by units and
by documents, and order independence of arrival."""

from __future__ import annotations

import random
from datetime import date

from frontwatch.fuse import fuse, fuse_store
from frontwatch.model import Certainty, ControlStatus, EventStatus
from frontwatch.store import Store
from tests.fuse_helpers import FAR, OTHER, claim, doc, spokesman


def _corpus():
    a = doc("Rebels took Pul-e Hisar district on Friday, report A says.", "a.org")
    b = doc("The district of Pul-e Hisar fell to rebels, B reports.", "b.org")
    c = doc("Rebels captured Deh Salah, C reports.", "c.org")
    d = doc("The Taliban denied losing Deh Salah.", "d.org")
    e = doc("Fighting in Nahrin, E reports.", "e.org")
    claims = {
        a.document_id: [claim(a, 1)],
        b.document_id: [claim(b, 1)],
        c.document_id: [claim(c, 1, place=OTHER)],
        d.document_id: [claim(d, 1, place=OTHER, certainty=Certainty.DENIED, via=(spokesman("d.org"),))],
        e.document_id: [claim(e, 1, place=FAR, sub="Armed clash")],
    }
    return [a, b, c, d, e], claims


def _snapshot(store: Store) -> tuple:
    events = sorted((e.event_id, e.status, e.claim_ids, e.contradicting_claim_ids, e.event_date)
                    for e in store.events())
    control = sorted((s.unit_code, s.holder.name if s.holder else "", s.status, s.since, s.claim_ids)
                     for s in store.control_timeline())
    return events, control


def test_full_run_saves_events_control_and_reliability(store: Store) -> None:
    docs, claims = _corpus()
    for d in docs:
        store.add_document(d, claims[d.document_id])
    result = fuse_store(store)
    assert {e.event_id for e in store.events()} == {e.event_id for e in result.events}
    by_unit = {e.place.admin2_code: e for e in store.events()}
    assert by_unit["AF.03.1302"].status == EventStatus.CONFIRMED
    assert by_unit["AF.03.1312"].status == EventStatus.CONTESTED
    assert by_unit["AF.03.1310"].status == EventStatus.REPORTED
    control = {s.unit_code: s for s in store.control(date(2021, 8, 21))}
    assert control["AF.03.1302"].status == ControlStatus.HELD
    assert control["AF.03.1302"].holder.name == "Anti-Taliban forces"
    assert control["AF.03.1312"].status == ControlStatus.CONTESTED
    assert "AF.03.1310" not in control  # a clash moves no line
    assert {r.name for r in store.reliability()} == {"a.org", "b.org", "c.org", "d.org", "e.org",
                                                     "Taliban spokesman"}


def test_incremental_by_documents_matches_a_full_run(store: Store, tmp_path) -> None:
    docs, claims = _corpus()
    first, late = docs[:3] + docs[4:], docs[3]
    for d in first:
        store.add_document(d, claims[d.document_id])
    fuse_store(store)
    untouched = [e for e in store.events() if e.place.admin2_code != "AF.03.1312"]
    store.add_document(late, claims[late.document_id])
    partial = fuse_store(store, document_ids=[late.document_id])
    # Only the unit the new report touches was re-fused, and it now carries the denial.
    assert {e.place.admin2_code for e in partial.events} == {"AF.03.1312"}
    [contested] = [e for e in store.events() if e.place.admin2_code == "AF.03.1312"]
    assert contested.status == EventStatus.CONTESTED
    assert [e for e in store.events() if e.place.admin2_code != "AF.03.1312"] == untouched

    incremental = _snapshot(store)
    full = Store(f"sqlite:///{tmp_path}/full.db")
    for d in docs:
        full.add_document(d, claims[d.document_id])
    fuse_store(full)
    assert _snapshot(full) == incremental
    full.close()


def test_incremental_by_units_keeps_reliability_and_other_units(store: Store) -> None:
    docs, claims = _corpus()
    for d in docs:
        store.add_document(d, claims[d.document_id])
    fuse_store(store)
    before_rel = store.reliability()
    before = _snapshot(store)
    result = fuse_store(store, units={"AF.03.1302"})
    assert {e.place.admin2_code for e in result.events} == {"AF.03.1302"}
    assert store.reliability() == before_rel
    assert _snapshot(store) == before  # re-fusing a unit with nothing new changes nothing
    assert fuse_store(store, units=set()).events == ()


def test_arrival_order_does_not_matter(tmp_path) -> None:
    docs, claims = _corpus()
    snapshots = []
    for seed in range(3):
        order = docs[:]
        random.Random(seed).shuffle(order)
        s = Store(f"sqlite:///{tmp_path}/order{seed}.db")
        for d in order:
            s.add_document(d, list(reversed(claims[d.document_id])))
            fuse_store(s, document_ids=[d.document_id])  # fused as each report arrives
        incremental = _snapshot(s)
        fuse_store(s)
        assert _snapshot(s) == incremental
        snapshots.append(incremental)
        s.close()
    assert snapshots[0] == snapshots[1] == snapshots[2]
    everything = [c for cs in claims.values() for c in cs]
    assert len(fuse(everything, {d.document_id: d for d in docs}).events) == len(snapshots[0][0])
