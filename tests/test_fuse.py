"""Fusion on hand-built claims: statuses, independence of relayed and syndicated sources, day splitting,
control hand-overs, order independence, and the exports' schemas."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random
from datetime import date

from frontwatch.fuse import claim_days, cluster, fuse, syndication_groups
from frontwatch.model import (
    Actor,
    ActorRole,
    Certainty,
    ControlStatus,
    Count,
    CountKind,
    EventStatus,
    Place,
    Source,
    SourceKind,
    TimeSpan,
)
from frontwatch.publish.exports import ACLED_COLUMNS, JSONL_KEYS, export_control, export_events
from tests.fuse_helpers import DISTRICT, FAR, OTHER, TAKE, claim, doc, post, spokesman


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
    # Held by sides: the rebels who took it from the Taliban are the side against the Taliban; the last holding,
    # confirmed by nothing later, decays to unknown after the default 30 days (docs/control.md).
    assert [(s.holder.name, s.since, s.until) for s in states if s.holder] == [
        ("Anti-Taliban forces", date(2021, 8, 20), date(2021, 8, 23)),
        ("Taliban", date(2021, 8, 23), date(2021, 9, 22))]
    assert (states[-1].status, states[-1].holder, states[-1].since, states[-1].until) == (
        ControlStatus.UNKNOWN, None, date(2021, 9, 22), None)
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
    # the holding, then its decay to unknown 30 days on (docs/control.md); held by the side against the Taliban
    [state, decayed] = json.loads(out.getvalue())
    assert {"unit_code", "unit_name", "admin1", "holder", "status", "since", "confidence", "claim_ids"} <= set(state)
    assert state["unit_code"] == "AF.03.1302" and state["holder"] == "Anti-Taliban forces" and state["status"] == "held"
    assert decayed["status"] == "unknown" and decayed["holder"] is None


def test_two_names_for_one_side_are_not_a_contradiction() -> None:
    a, b = doc("Rebels took the district from the Taliban.", "a.org"), doc("Anti-Taliban fighters took it.", "b.org")
    [event] = fuse([claim(a, 1), claim(b, 1, holder="Anti-Taliban fighters")],
                   {a.document_id: a, b.document_id: b}).events
    assert event.status == EventStatus.CONFIRMED


def test_hedged_claims_weigh_less_and_do_not_confirm() -> None:
    a, b = doc("Reports suggest rebels may have taken it.", "a.org"), doc("Rebels possibly took it.", "b.org")
    c, d = doc("Rebels took the district.", "c.org"), doc("The district fell to rebels.", "d.org")
    hedged = fuse([claim(a, 1, certainty=Certainty.HEDGED), claim(b, 1, certainty=Certainty.HEDGED)],
                  {a.document_id: a, b.document_id: b}).events[0]
    firm = fuse([claim(c, 1), claim(d, 1)], {c.document_id: c, d.document_id: d}).events[0]
    assert hedged.status == EventStatus.REPORTED and firm.status == EventStatus.CONFIRMED
    assert hedged.confidence < firm.confidence


def test_generic_speakers_are_one_source_within_a_text_and_independent_across_texts() -> None:
    officials = Source("officials", SourceKind.OFFICIAL, ("a.org", "officials"))
    a = doc("Officials said rebels took the district. Officials also said it fell on Friday.", "a.org")
    b = doc("Local officials told B that rebels took the district.", "b.org")
    same_text = [claim(a, 1, certainty=Certainty.REPORTED, via=(officials,)),
                 claim(a, 2, certainty=Certainty.REPORTED, via=(officials,))]
    assert fuse(same_text, {a.document_id: a}).events[0].status == EventStatus.REPORTED
    other = claim(b, 1, certainty=Certainty.REPORTED,
                  via=(Source("officials", SourceKind.OFFICIAL, ("b.org", "officials")),))
    both = fuse([same_text[0], other], {a.document_id: a, b.document_id: b})
    assert both.events[0].status == EventStatus.CONFIRMED


def test_a_capture_and_the_fighting_for_it_are_one_event() -> None:
    a, b = doc("Rebels took the district.", "a.org"), doc("Heavy fighting in the district.", "b.org")
    [event] = fuse([claim(a, 1), claim(b, 1, sub="Armed clash")], {a.document_id: a, b.document_id: b}).events
    assert event.sub_event_type == TAKE  # ACLED precedence: the territory change is the event
    assert len(event.claim_ids) == 2


def test_undated_claim_joins_the_nearest_dated_event_and_a_distant_one_stays_apart() -> None:
    a = doc("Rebels took the district on Friday.", "a.org")
    b = doc("Rebels hold the district, B reports.", "b.org", published=date(2021, 8, 21))
    c = doc("Rebels took the district, C reports weeks later.", "c.org", published=date(2021, 9, 20))
    undated = dataclasses.replace(claim(b, 1), time=TimeSpan(date(2021, 8, 21), date(2021, 8, 21), 1, assumed=True))
    late = dataclasses.replace(claim(c, 1), time=TimeSpan(date(2021, 9, 20), date(2021, 9, 20), 1, assumed=True))
    events = fuse([claim(a, 1, day=date(2021, 8, 20)), undated, late],
                  {d.document_id: d for d in (a, b, c)}).events
    by_day = {e.event_date: e for e in events}
    assert set(by_day) == {date(2021, 8, 20), date(2021, 9, 20)}
    assert by_day[date(2021, 8, 20)].status == EventStatus.CONFIRMED
    assert by_day[date(2021, 8, 20)].time_precision == 1


def test_contested_capture_gives_contested_control_with_both_sides() -> None:
    a, b = doc("Rebels retook the district.", "a.org"), doc("The Taliban denied losing it.", "b.org")
    denial = claim(b, 1, certainty=Certainty.DENIED, via=(spokesman("b.org"),))
    [state, decayed] = fuse([claim(a, 1), denial], {a.document_id: a, b.document_id: b}).control
    assert state.status == ControlStatus.CONTESTED and state.evidence == EventStatus.CONTESTED
    assert state.holder and state.holder.name == "Anti-Taliban forces"  # the rebels' side: they took it from it
    assert decayed.status == ControlStatus.UNKNOWN
    assert state.claim_ids == (claim(a, 1).claim_id,) and state.contradicting_claim_ids == (denial.claim_id,)


def test_denied_capture_moves_no_line() -> None:
    b = doc("The Taliban denied losing the district.", "b.org")
    result = fuse([claim(b, 1, certainty=Certainty.DENIED, via=(spokesman("b.org"),))], {b.document_id: b})
    assert [e.status for e in result.events] == [EventStatus.DENIED] and result.control == ()


def test_truth_discovery_lowers_a_source_that_others_contradict() -> None:
    docs, claims = [], []
    for i in range(4):  # four outlets agree on four captures; one account denies each of them
        for j, place in enumerate((DISTRICT, OTHER, FAR, DISTRICT)):
            d = doc(f"Outlet {i} report {j}: rebels took it.", f"outlet{i}.org")
            docs.append(d)
            claims.append(claim(d, 1, place=place, day=date(2021, 8, 10 + 5 * j)))
    for j, place in enumerate((DISTRICT, OTHER, FAR, DISTRICT)):
        d = doc(f"Denial {j} relayed by x.org.", "x.org")
        docs.append(d)
        claims.append(claim(d, 1, place=place, day=date(2021, 8, 10 + 5 * j), certainty=Certainty.DENIED,
                            via=(post("Denier", "x.org"),)))
    rel = {r.name: r for r in fuse(claims, {d.document_id: d for d in docs}).reliability}
    assert rel["Denier"].reliability < 0.5 < rel["outlet0.org"].reliability
    assert rel["Denier"].claims == 4 and rel["outlet0.org"].claims == 4


def test_undated_claim_joins_the_nearest_of_several_events() -> None:
    a, b = doc("Rebels took the district on the 10th.", "a.org"), doc("Rebels took it again on the 14th.", "b.org")
    c = doc("Rebels hold the district, C reports.", "c.org", published=date(2021, 8, 13))
    vague = dataclasses.replace(claim(c, 1), time=TimeSpan(date(2021, 8, 13), date(2021, 8, 13), 1, assumed=True))
    events = fuse([claim(a, 1, day=date(2021, 8, 10)), claim(b, 1, day=date(2021, 8, 14)), vague],
                  {d.document_id: d for d in (a, b, c)}).events
    by_day = {e.event_date: e for e in events}
    assert set(by_day) == {date(2021, 8, 10), date(2021, 8, 14)}
    assert vague.claim_id in by_day[date(2021, 8, 14)].claim_ids
    assert by_day[date(2021, 8, 10)].status == EventStatus.REPORTED


def test_two_sides_named_in_either_order_never_make_an_actor_fight_itself() -> None:
    a, b, c = (doc(f"Rebels and Taliban clashed, report {x}.", f"{x}.org") for x in "abc")
    clash = "Armed clash"
    claims = [claim(a, 1, sub=clash, holder="Rebels"), claim(b, 1, sub=clash, holder="Rebels"),
              claim(c, 1, sub=clash, holder="Taliban")]
    # b's report names only one side: the other side must still come from the reports that name it first
    claims[1] = dataclasses.replace(claims[1], actors=claims[1].actors[:1])
    [event] = fuse(claims, {d.document_id: d for d in (a, b, c)}).events
    assert event.actor1 is not None and event.actor2 is not None
    assert {event.actor1.name, event.actor2.name} == {"Rebels", "Taliban"}


def test_territory_is_never_taken_from_the_victims_of_a_casualty_report_on_the_same_day() -> None:
    a, b, c = (doc(f"Report {x} on the district.", f"{x}.org") for x in "abc")
    take = claim(a, 1, holder="Taliban")
    victims = (ActorRole("actor2", Actor("Civilians", 7)),)
    clash = dataclasses.replace(claim(b, 1, sub="Armed clash"), actors=victims)
    clash2 = dataclasses.replace(claim(c, 1, sub="Armed clash"), actors=victims)
    [event] = fuse([take, clash, clash2], {d.document_id: d for d in (a, b, c)}).events
    assert event.sub_event_type == TAKE
    assert event.actor1 is not None and event.actor1.name == "Taliban"
    assert event.actor2 is not None and event.actor2.name == "Rebels"


def test_claim_days_come_in_cluster_order_and_presorted_clustering_matches_sorting() -> None:
    docs = [doc(f"Report {i} on the fighting.", f"outlet{i % 4}.org") for i in range(12)]
    claims = []
    for i, d in enumerate(docs):
        claims.append(claim(d, 1, place=(DISTRICT, OTHER, FAR)[i % 3], day=date(2021, 8, 10 + i % 5),
                            high=date(2021, 8, 12 + i % 5) if i % 4 == 0 else None,
                            event_type="Battles" if i % 2 else "Explosions/Remote violence",
                            sub=TAKE if i % 2 else "Air/drone strike"))
    claims.append(claims[5])  # a repeated claim id stays in input order among equals
    days = claim_days(claims, {d.document_id: d for d in docs})
    assert len(days) == len(claims) + 2 * 3  # three claims over three days each
    keys = [(cd.unit, cd.event_type, cd.day, cd.claim_id) for cd in days]
    assert keys == sorted(keys)
    assert [[cd.claim_id for cd in c] for c in cluster(days, presorted=True)] == [
        [cd.claim_id for cd in c] for c in cluster(random.Random(3).sample(days, len(days)))]


def test_claim_ids_beyond_ascii_keep_their_order() -> None:
    a, b = doc("First report on the district.", "a.org"), doc("Second report on the district.", "b.org")
    claims = [dataclasses.replace(claim(a, 1), claim_id="é-2"), dataclasses.replace(claim(b, 1), claim_id="z-1"),
              dataclasses.replace(claim(b, 2), claim_id="e-3")]
    days = claim_days(claims, {a.document_id: a, b.document_id: b})
    assert [cd.claim_id for cd in days] == ["e-3", "z-1", "é-2"]
    assert fuse(claims, {a.document_id: a, b.document_id: b}).events[0].claim_ids == ("e-3", "z-1", "é-2")
