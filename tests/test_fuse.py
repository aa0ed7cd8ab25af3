"""Fusion on hand-built claims: statuses, independence of relayed and syndicated sources, day splitting,
control hand-overs, order independence, and the exports' schemas."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date

from frontwatch.fuse import fuse, syndication_groups
from frontwatch.model import Certainty, Count, CountKind, EventStatus, Place, Source, SourceKind
from frontwatch.publish.exports import ACLED_COLUMNS, JSONL_KEYS, export_control, export_events
from tests.fuse_helpers import DISTRICT, OTHER, TAKE, claim, doc, post


def test_independent_outlets_confirm() -> None:
    a, b = doc("Rebels took the district, report A.", "a.org"), doc("The district fell to rebels, says B.", "b.org")
    [event] = fuse([claim(a, 1), claim(b, 1)], {a.document_id: a, b.document_id: b}).events
    assert event.status == EventStatus.CONFIRMED
    assert event.place.admin2_code == "AF.03.1302" and event.sub_event_type == TAKE
    assert set(event.sources) == {"a.org", "b.org"}


def test_two_outlets_relaying_one_post_are_one_source() -> None:
    a, b = doc("Outlet A relays the post.", "a.org"), doc("Outlet B relays the same post.", "b.org")
    claims = [claim(a, 1, certainty=Certainty.REPORTED, via=(post("Valley Front", "a.org"),)),
              claim(b, 1, certainty=Certainty.REPORTED, via=(post("Valley Front", "b.org"),))]
    [event] = fuse(claims, {a.document_id: a, b.document_id: b}).events
    assert event.status == EventStatus.REPORTED


def test_syndicated_copies_count_once() -> None:
    body = " ".join(f"Sentence {i} of the wire story about the fighting in the district." for i in range(12))
    a = doc("Wire headline\n" + body, "wire.org")
    b = doc("Another headline\n" + body + "\nProvided by a wire.", "b.org")
    assert syndication_groups({a.document_id: a, b.document_id: b})[b.document_id] == min(a.document_id,
                                                                                           b.document_id)
    [event] = fuse([claim(a, 1), claim(b, 1)], {a.document_id: a, b.document_id: b}).events
    assert event.status == EventStatus.REPORTED


def test_denial_makes_it_contested_and_denial_alone_denied() -> None:
    a, b = doc("Rebels retook the district.", "a.org"), doc("The Taliban denied losing it.", "b.org")
    docs = {a.document_id: a, b.document_id: b}
    denial = claim(b, 1, certainty=Certainty.DENIED,
                   via=(Source("Taliban spokesman", SourceKind.OFFICIAL, ("b.org", "Taliban spokesman")),))
    [contested] = fuse([claim(a, 1), denial], docs).events
    assert contested.status == EventStatus.CONTESTED
    assert contested.contradicting_claim_ids == (denial.claim_id,)
    assert "Contested" in contested.notes
    [denied] = fuse([denial], docs).events
    assert denied.status == EventStatus.DENIED


def test_two_holders_same_day_are_contested() -> None:
    a, b = doc("Rebels took the district.", "a.org"), doc("The Taliban took the district.", "b.org")
    [event] = fuse([claim(a, 1), claim(b, 1, holder="Taliban")], {a.document_id: a, b.document_id: b}).events
    assert event.status == EventStatus.CONTESTED


def test_multi_day_claim_is_split_per_day_with_acled_remainder() -> None:
    a = doc("At least 12 killed since Sunday.", "a.org")
    c = claim(a, 1, sub="Armed clash", day=date(2021, 8, 15), high=date(2021, 8, 21), fatalities=12,
              counts=(Count(CountKind.KILLED, 12, 12, None, "at least"),))
    events = sorted(fuse([c], {a.document_id: a}).events, key=lambda e: e.event_date)
    assert [e.event_date.day for e in events] == list(range(15, 22))
    assert [e.fatalities for e in events] == [6, 1, 1, 1, 1, 1, 1]  # 12 over 7 days, remainder on the first
    assert sum(e.fatalities for e in events) == 12


def test_figures_keep_killed_injured_and_casualties_apart() -> None:
    a, b = doc("Seven killed, 20 wounded.", "a.org"), doc("Nine killed, dozens of casualties.", "b.org")
    c1 = claim(a, 1, sub="Armed clash", fatalities=7, counts=(Count(CountKind.KILLED, 7), Count(CountKind.INJURED, 20)))
    c2 = claim(b, 1, sub="Armed clash", fatalities=9,
               counts=(Count(CountKind.KILLED, 9), Count(CountKind.KILLED_OR_INJURED, 12, 24, 99, "vague")))
    [e] = fuse([c1, c2], {a.document_id: a, b.document_id: b}).events
    assert (e.fatalities, e.fatalities_low, e.fatalities_best, e.fatalities_high) == (7, 7, 8, 9)
    assert e.injured == 20 and e.killed_or_injured == 12


def test_control_hand_over_over_time() -> None:
    a, b = doc("Rebels took the district on Friday.", "a.org"), doc("The Taliban retook it on Monday.", "b.org")
    claims = [claim(a, 1, day=date(2021, 8, 20)), claim(b, 1, day=date(2021, 8, 23), holder="Taliban")]
    states = fuse(claims, {a.document_id: a, b.document_id: b}).control
    assert [(s.holder.name, s.since, s.until) for s in states if s.holder] == [
        ("Rebels", date(2021, 8, 20), date(2021, 8, 23)), ("Taliban", date(2021, 8, 23), None)]
    assert all(s.unit_code == "AF.03.1302" and s.level == 2 for s in states)


def test_order_independence_and_reliability() -> None:
    docs = [doc(f"Report {i} about the districts.", f"outlet{i % 3}.org") for i in range(9)]
    claims = []
    for i, d in enumerate(docs):
        claims.append(claim(d, 1, place=DISTRICT if i % 2 else OTHER, day=date(2021, 8, 18 + i % 3),
                            certainty=Certainty.DENIED if i == 4 else Certainty.ASSERTED))
    by_id = {d.document_id: d for d in docs}
    first = fuse(claims, by_id)
    for seed in range(3):
        shuffled = claims[:]
        random.Random(seed).shuffle(shuffled)
        again = fuse(shuffled, dict(reversed(list(by_id.items()))))
        assert again == first
    assert {r.name for r in first.reliability} == {"outlet0.org", "outlet1.org", "outlet2.org"}
    assert all(0 < r.reliability < 1 for r in first.reliability)


def test_country_level_and_unresolved_places_make_no_event() -> None:
    a = doc("Fighting across the country.", "a.org")
    country = Place("Afghanistan", 1149361, "PCLI", "AF", lat=33.0, lon=66.0, geo_precision=3)
    assert fuse([claim(a, 1, place=country)], {a.document_id: a}).events == ()


def test_export_schemas() -> None:
    a, b = doc("Rebels took the district.", "a.org"), doc("Fighting in Deh Salah.", "b.org")
    result = fuse([claim(a, 1), claim(b, 1, place=OTHER, sub="Armed clash")], {a.document_id: a, b.document_id: b})
    out = io.StringIO()
    assert export_events(result.events, "jsonl", out) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(list(r) == JSONL_KEYS for r in rows)
    assert {r["admin2_code"] for r in rows} == {"AF.03.1302", "AF.03.1312"}
    out = io.StringIO()
    export_events(result.events, "csv", out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert reader.fieldnames[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert {r["sub_event_type"] for r in reader} == {TAKE, "Armed clash"}
    out = io.StringIO()
    export_events(result.events, "geojson", out)
    fc = json.loads(out.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    assert fc["features"][0]["geometry"]["type"] == "Point"
    out = io.StringIO()
    export_control(result.control, out)
    [state] = json.loads(out.getvalue())
    assert {"unit_code", "unit_name", "admin1", "holder", "status", "since", "confidence", "claim_ids"} <= set(state)
    assert state["unit_code"] == "AF.03.1302" and state["holder"] == "Rebels" and state["status"] == "held"
