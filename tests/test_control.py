"""District control that means what it says (docs/control.md): the scope of a taking read from the text, the control
rules by scope, withdrawals and hand-overs, decay to unknown, and control held by sides."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

import pytest

from frontwatch.config import Settings
from frontwatch.errors import ConfigError
from frontwatch.extract.scope import detect_scope
from frontwatch.extract.sides import load_sides, sides_of
from frontwatch.fuse import ControlRules, control_timeline, fuse
from frontwatch.model import (
    Actor,
    Claim,
    ControlStatus,
    Event,
    EventStatus,
    Place,
    Span,
    to_dict,
)
from frontwatch.store.codec import decode
from tests.fuse_helpers import claim, doc

# Invented places: a district, a village in it, a provincial capital, a province.
DISTRICT = Place("Korvalo", 1, "ADM2", "AF", "Tavor", "AF.99", "Korvalo", "AF.99.01", 35.0, 69.0, 2)
VILLAGE = Place("Mirzan", 2, "PPL", "AF", "Tavor", "AF.99", "Korvalo", "AF.99.01", 35.1, 69.1, 1)
CAPITAL = Place("Sarband", 3, "PPLA", "AF", "Tavor", "AF.99", "Sarband", "AF.99.02", 35.2, 69.2, 1)
PROVINCE = Place("Tavor", 4, "ADM1", "AF", "Tavor", "AF.99", None, None, 35.3, 69.3, 3)
TAKE = "Non-state actor overtakes territory"
TALIBAN, ARMY = Actor("Taliban", 2), Actor("Military Forces of Afghanistan", 1)


def event(n: int, day: date, place: Place, actor1: Actor | None, scope: str | None, actor2: Actor | None = None,
          sub: str = TAKE, status: EventStatus = EventStatus.REPORTED, change: str | None = None) -> Event:
    return Event(f"e{n}", day, day, day, 1, "Battles", sub, actor1, actor2, place, status, 0.8,
                 claim_ids=(f"c{n}",), scope=scope, control_change=change)


D1 = date(2021, 6, 1)


def day(n: int) -> date:
    return D1 + timedelta(days=n)


# --- the scope read from the text ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "places", "scope", "words"), [
    ("Taliban fighters overran two security posts in Korvalo district on Sunday.", ["Korvalo"], "post",
     "security posts"),
    ("The Taliban captured a checkpoint in Korvalo on Sunday.", ["Korvalo"], "post", "checkpoint"),
    ("Militants captured the village of Mirzan on Monday.", ["Mirzan"], "village", "village"),
    ("Al-Shabaab militants took control of the town of Mirzan after troops withdrew.", ["Mirzan"], "centre", "town"),
    ("Government forces retook Korvalo district from the Taliban on Friday.", ["Korvalo"], "district", "district"),
    ("Rebels captured Sarband, the capital of Tavor province, on Sunday.", ["Sarband", "Tavor"], "capital",
     "capital"),
    ("The city fell to the Taliban on Sunday.", [], "city", "city"),
    ("The Taliban seized Tavor province on Sunday.", ["Tavor"], "province", "province"),
])
def test_scope_of_a_taking_is_read_from_the_text(claims_of, text: str, places: list[str], scope: str,
                                                 words: str) -> None:
    [c] = [c for c in claims_of(text, places) if c.sub_event_type and "territory" in c.sub_event_type]
    assert c.scope == scope
    assert c.scope_span is not None and c.scope_span.text == words
    assert text[c.scope_span.start:c.scope_span.end] == words  # the span quotes the report


def test_withdrawal_and_hand_over_are_marked(claims_of) -> None:
    [c] = claims_of("Government forces withdrew from Korvalo district on Sunday.", ["Korvalo"])
    assert c.control_change == "withdrawn" and c.scope == "district"
    [h] = claims_of("Police handed over Korvalo district to the Taliban on Sunday.", ["Korvalo"])
    assert h.control_change == "handed over"
    # the receiver is actor 1, the giver actor 2 (ACLED's coding of a transfer)
    assert h.actor("actor1") is not None and h.actor("actor1").name == "Taliban"
    assert h.actor("actor2") is not None and "Police" in h.actor("actor2").name
    [t] = claims_of("The Taliban captured Korvalo district on Sunday.", ["Korvalo"])
    assert t.control_change is None


def _at(text: str, trigger: str, place: str | None, sentence_from: str | None = None) -> str | None:
    """The scope read for a trigger and a place; `sentence_from`: the trigger's sentence starts there (default: the
    text is one sentence)."""
    from frontwatch.model import PlaceMention

    t = text.index(trigger)
    mention = None
    if place is not None:
        p = text.index(place)
        mention = PlaceMention(Span(p, p + len(place), place), None)
    lo = text.index(sentence_from) if sentence_from else 0
    found = detect_scope(text, Span(lo, len(text), text[lo:]), Span(t, t + len(trigger), trigger), mention)
    return found[0] if found else None


def test_scope_words_of_another_clause_or_naming_the_place_yield_to_the_object() -> None:
    # "In X district, … overran a checkpoint": the checkpoint was taken, not the district.
    assert _at("In Korvalo district, Taliban fighters overran a checkpoint.", "overran", "Korvalo") == "post"
    # the place far beyond the trigger: the trigger's own object says what was taken
    assert _at("Forces recaptured the areas of Mirzan and Sarband in the south-west of Korvalo district, some 50 km "
               "west of the capital of Tavor, after clashes.", "recaptured", "Tavor") == "village"
    # a scope word of a later clause is not the object
    assert _at("The Taliban captured Korvalo after clashes near a checkpoint.", "captured", "Korvalo") is None
    # a possessive is a modifier: "the district's police chief" is not the district; what was seized is something
    # in Korvalo (an object before a place named where it happened), not Korvalo
    assert _at("Rebels seized the district's police chief in Korvalo.", "seized", "Korvalo") == "village"
    # Persian: the scope noun before the name ("ولسوالی X"), the verb at the end; a provincial capital by apposition
    assert _at("نیروهای مقاومت ولسوالی کوروالو را از طالبان پس گرفتند", "گرفتند", "کوروالو") == "district"
    assert _at("طالبان شهر سربند، مرکز ولایت تاور را تصرف کردند", "تصرف", "سربند") == "capital"
    # a place named where it happened ("in X province") is not what was taken
    # (what was stormed lies inside it: an area of it, never the province)
    assert _at("Gunmen stormed a training centre in the restive Tavor province.", "stormed", "Tavor") == "village"
    assert _at("The Taliban seized Tavor province.", "seized", "Tavor") == "province"


def test_surrendering_a_place_is_a_transfer_of_it_and_surrendering_oneself_is_not(claims_of) -> None:
    [c] = claims_of("Local police surrendered the district headquarters of Korvalo to the Taliban without a fight.",
                    ["Korvalo"])
    assert c.sub_event_type == "Non-violent transfer of territory" and c.event_type == "Strategic developments"
    assert c.control_change == "handed over" and c.scope == "centre" and c.scope_span is not None
    assert c.scope_span.text == "district headquarters"
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Taliban"
    assert c.actor("actor2") is not None and "Police" in c.actor("actor2").name
    # passive, the giver after "by"
    [p] = claims_of("Korvalo district was handed over to the Taliban by the police on Sunday.", ["Korvalo"])
    assert p.actor("actor1") is not None and p.actor("actor1").name == "Taliban"
    assert p.actor("actor2") is not None and "Police" in p.actor("actor2").name
    # fighters who give themselves or their weapons up hand over no ground
    for text in ("Forty soldiers surrendered to the Taliban in Korvalo district.",
                 "Forty soldiers surrendered their weapons to the Taliban in Korvalo district."):
        assert all(c.sub_event_type != "Non-violent transfer of territory" for c in claims_of(text, ["Korvalo"]))


def test_a_side_that_withdrew_is_not_the_taker_and_a_deal_that_gives_up_a_place_is_a_transfer() -> None:
    # "withdrew" typed a transfer: the side that left is actor 2, and names no taker
    # (the classifier types it so; the claim is built here as it would come out of the roles)
    from frontwatch.extract.scope import with_scope
    from frontwatch.model import ActorRole

    text = "Government forces withdrew from Korvalo district on Sunday."
    t, a = text.index("withdrew"), text.index("Government forces")
    typed = Claim("c1", "d1", Span(0, len(text), text), "Strategic developments",
                  "Non-violent transfer of territory", Span(t, t + 8, "withdrew"),
                  actors=(ActorRole("actor1", ARMY, Span(a, a + 17, "Government forces")),))
    w = with_scope(typed, text)
    assert w.control_change == "withdrawn" and w.scope == "district"
    assert w.actor("actor1") is None and w.actor("actor2") == ARMY
    # a transfer that names only the giver releases the giver's holding; it never makes the giver hold
    taken = event(1, day(0), DISTRICT, TALIBAN, "district")
    left = event(2, day(3), DISTRICT, None, "district", TALIBAN, sub="Non-violent transfer of territory")
    assert _states([taken, left])["AF.99.01"] == [("Taliban", "held", day(0)), (None, "unknown", day(3))]
    # an agreement whose sentence hands over a place: a transfer to the receiver
    from frontwatch.extract.actors import ActorDictionary

    text = "Under an agreement with local elders, police gave up the district headquarters of Korvalo to the Taliban."
    g, p = text.index("agreement"), text.index("police")
    police = Actor("Police Forces of Afghanistan", 1)
    agreed = Claim("c2", "d1", Span(0, len(text), text), "Strategic developments", "Agreement",
                   Span(g, g + 9, "agreement"), actors=(ActorRole("actor1", police, Span(p, p + 6, "police")),))
    t = with_scope(agreed, text, ActorDictionary.load())
    assert t.sub_event_type == "Non-violent transfer of territory" and t.event_type == "Strategic developments"
    assert t.control_change == "handed over" and t.scope == "centre"
    assert t.actor("actor1") is not None and t.actor("actor1").name == "Taliban" and t.actor("actor2") == police
    # an agreement that gives up no place stays one
    text = "Under an agreement with local elders, police gave up their weapons."
    kept = with_scope(dataclasses.replace(agreed, sentence=Span(0, len(text), text)), text, ActorDictionary.load())
    assert kept.sub_event_type == "Agreement" and kept.control_change is None


def test_a_clash_in_a_capital_then_parts_of_it_taken_is_an_area_of_it() -> None:
    # the place named in an earlier sentence, where the fighting was; the taking's own object is a part of the city
    text = ("Heavy fighting broke out in Sarband city, the capital of Tavor province, on Monday. "
            "By dawn the rebels had captured parts of the city.")
    assert _at(text, "captured", "Sarband", sentence_from="By dawn") == "village"
    assert _at("Rebels seized a section of Sarband after a night of fighting.", "seized", "Sarband") == "village"


def test_a_place_named_as_a_landmark_is_not_what_was_taken() -> None:
    # "took X, between Y and Z", "north of Y", "near Y": an area by the named place, never the place itself
    text = "Government troops took control of Qarlo, between Sarband and Korvalo, on Monday."
    assert _at(text, "took", "Korvalo") == "village" and _at(text, "took", "Sarband") == "village"
    assert _at("A hill post north of Sarband fell to the rebels on Monday.", "fell", "Sarband") == "village"
    assert _at("Militants overran a base near the town of Mirzan.", "overran", "Mirzan") == "village"


def test_areas_in_a_district_of_a_province_are_an_area_and_an_object_in_a_named_place_is_inside_it() -> None:
    text = "Troops recaptured several areas in Korvalo district in the southern province of Tavor on Friday."
    assert _at(text, "recaptured", "Korvalo") == "village" and _at(text, "recaptured", "Tavor") == "village"
    # what the trigger took lies between it and a place named where it happened: something inside that place
    assert _at("Fighters won back Qarlo and two bridges in the restive Tavor province.", "won", "Tavor") == "village"
    assert _at("Gunmen stormed the community in Korvalo at dawn.", "stormed", "Korvalo") == "village"
    # no object: "took control in X" says nothing smaller than X (no scope word: the place's kind decides)
    assert _at("The Taliban took control in Korvalo district on Sunday.", "took", "Korvalo") is None
    assert _at("The Taliban took full control in Korvalo on Sunday.", "took", "Korvalo") is None


# --- the control rules by scope ------------------------------------------------------------------------------


def _states(events: list[Event], rules: ControlRules | None = None) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for s in control_timeline(events, rules=rules or ControlRules(decay_days=0)):
        out.setdefault(s.unit_code, []).append((s.holder.name if s.holder else None, s.status.value, s.since))
    return out


def test_a_district_centre_or_the_district_named_is_held_by_the_taker() -> None:
    for scope in ("centre", "district", None):
        assert _states([event(1, day(0), DISTRICT, TALIBAN, scope)]) == {
            "AF.99.01": [("Taliban", "held", day(0))]}, scope


def test_a_post_or_village_contests_the_district_and_keeps_its_holder() -> None:
    held = event(1, day(0), DISTRICT, ARMY, "district")
    post = event(2, day(3), DISTRICT, TALIBAN, "post")
    village = event(3, day(5), VILLAGE, TALIBAN, "village")
    assert _states([held, post, village])["AF.99.01"] == [
        ("State forces of Afghanistan", "held", day(0)),
        ("State forces of Afghanistan", "contested", day(3)),
        ("State forces of Afghanistan", "contested", day(5))]
    # a village by name only (no scope word) is no district either
    assert _states([event(4, day(0), VILLAGE, TALIBAN, None)])["AF.99.01"] == [(None, "contested", day(0))]


def test_a_province_is_held_only_with_its_capital_or_when_it_is_said_to_fall() -> None:
    # "took a district in Tavor province": which district is not said, the province does not move
    assert _states([event(1, day(0), PROVINCE, TALIBAN, "district")]) == {}
    assert _states([event(2, day(0), PROVINCE, TALIBAN, None)]) == {}
    # a post in the province: contested, never held
    assert _states([event(3, day(0), PROVINCE, TALIBAN, "post")])["AF.99"] == [(None, "contested", day(0))]
    # a town whose district the gazetteer does not know: somewhere in the province, contested, never held
    town = Place("Qarlo", 5, "PPLA", "AF", "Tavor", "AF.99", None, None, 35.4, 69.4, 1)
    for scope in (None, "centre", "district"):
        assert _states([event(13, day(0), town, TALIBAN, scope)]) == {"AF.99": [(None, "contested", day(0))]}
    # the province's capital, named as a place (PPLA): its district and the province
    taken = _states([event(4, day(0), CAPITAL, TALIBAN, "city")])
    assert taken["AF.99.02"] == [("Taliban", "held", day(0))] and taken["AF.99"] == [("Taliban", "held", day(0))]
    # … but a checkpoint in the capital takes neither
    assert "AF.99" not in _states([event(5, day(0), CAPITAL, TALIBAN, "post")])
    # the capital told as a town and as "the province's capital" on one day: one holding, both reports behind it
    both = _states([event(7, day(0), CAPITAL, TALIBAN, "city"), event(8, day(0), PROVINCE, TALIBAN, "capital")])
    assert both["AF.99"] == [("Taliban", "held", day(0))]
    [state] = [s for s in control_timeline([event(7, day(0), CAPITAL, TALIBAN, "city"),
                                            event(8, day(0), PROVINCE, TALIBAN, "capital")],
                                           rules=ControlRules(decay_days=0)) if s.level == 1]
    assert state.claim_ids == ("c7", "c8")
    # "the province fell", "X's capital fell" with only the province resolved
    for scope in ("province", "capital"):
        assert _states([event(6, day(0), PROVINCE, TALIBAN, scope)])["AF.99"] == [("Taliban", "held", day(0))]
    # "the coastal city of Y" resolved only to its province: any city, not the province's seat
    assert _states([event(9, day(0), PROVINCE, TALIBAN, "city")]) == {}
    # a provincial seat the text calls a town or a district centre, or its district named: the district is held,
    # the province is not (the text does not say the province's city fell)
    for scope in ("centre", "district"):
        town = _states([event(10, day(0), CAPITAL, TALIBAN, scope)])
        assert town == {"AF.99.02": [("Taliban", "held", day(0))]}, scope
    # areas of the capital or of the province: contested, nothing held
    areas = _states([event(11, day(0), CAPITAL, TALIBAN, "village"), event(12, day(0), PROVINCE, TALIBAN, "village")])
    assert areas == {"AF.99.02": [(None, "contested", day(0))], "AF.99": [(None, "contested", day(0))]}


def test_rioters_and_protesters_hold_no_ground() -> None:
    assert _states([event(1, day(0), DISTRICT, Actor("Rioters", 5), "district"),
                    event(2, day(1), DISTRICT, Actor("Protesters", 6), "post")]) == {}


def test_recapture_withdrawal_hand_over_and_denial_move_it_back() -> None:
    taken = event(1, day(0), DISTRICT, TALIBAN, "centre", ARMY)
    denied = event(2, day(2), DISTRICT, ARMY, "district", TALIBAN, sub="Government regains territory",
                   status=EventStatus.DENIED)
    retaken = event(3, day(4), DISTRICT, ARMY, "district", TALIBAN, sub="Government regains territory")
    left = event(4, day(6), DISTRICT, ARMY, "district", sub="Change to group/activity", change="withdrawn")
    # a hand-over as ACLED codes it: the receiver actor 1, the giver actor 2
    handed = event(5, day(8), DISTRICT, TALIBAN, "district", Actor("Police Forces of Afghanistan", 1),
                   sub="Non-violent transfer of territory", change="handed over")
    assert _states([taken, denied, retaken, left, handed])["AF.99.01"] == [
        ("Taliban", "held", day(0)),  # the denied recapture moves nothing
        ("State forces of Afghanistan", "held", day(4)),
        (None, "unknown", day(6)),  # the holder withdrew
        ("Taliban", "held", day(8))]  # police handed it over: the receiver holds it
    # a hand-over naming no receiver: the giver, if it held the district, leaves it to no one
    given_up = event(7, day(2), DISTRICT, None, "district", TALIBAN, sub="Non-violent transfer of territory",
                     change="handed over")
    assert _states([taken, given_up])["AF.99.01"] == [("Taliban", "held", day(0)), (None, "unknown", day(2))]
    # another side's withdrawal leaves the holder where it is
    other = event(6, day(3), DISTRICT, ARMY, "district", sub="Change to group/activity", change="withdrawn")
    assert _states([taken, other])["AF.99.01"] == [("Taliban", "held", day(0))]


def test_a_holding_nothing_confirms_decays_to_unknown_after_the_configured_time() -> None:
    taken = event(1, day(0), DISTRICT, TALIBAN, "district")
    again = event(2, day(20), DISTRICT, TALIBAN, "district")
    states = control_timeline([taken], rules=ControlRules(decay_days=30))
    assert [(s.status, s.since, s.until) for s in states] == [
        (ControlStatus.HELD, day(0), day(30)), (ControlStatus.UNKNOWN, day(30), None)]
    assert states[1].holder is None
    # a later report within the time confirms it: the decay counts from the last one
    states = control_timeline([taken, again], rules=ControlRules(decay_days=30))
    assert [(s.status, s.since, s.until) for s in states] == [
        (ControlStatus.HELD, day(0), day(20)), (ControlStatus.HELD, day(20), day(50)),
        (ControlStatus.UNKNOWN, day(50), None)]
    # configurable; 0: never
    assert control_timeline([taken], rules=ControlRules(decay_days=7))[0].until == day(7)
    assert [s.until for s in control_timeline([taken], rules=ControlRules(decay_days=0))] == [None]


def test_decay_is_a_setting() -> None:
    assert Settings.from_env({}).control_decay_days == 30
    assert Settings.from_env({"FRONTWATCH_CONTROL_DECAY_DAYS": "90"}).control_decay_days == 90
    assert ControlRules.from_settings(Settings(control_decay_days=5)).decay_days == 5
    with pytest.raises(ConfigError):
        Settings.from_env({"FRONTWATCH_CONTROL_DECAY_DAYS": "a month"})


# --- sides ---------------------------------------------------------------------------------------------------


def test_three_names_of_one_coalition_hold_as_one_side_and_events_keep_their_names() -> None:
    names = ["Resistance forces", "Anti-Taliban forces", "Rebels"]
    docs = [doc(f"{n} took the district on day {i}.", f"{i}.org") for i, n in enumerate(names)]
    places = [DISTRICT, Place("B", 5, "ADM2", "AF", "Tavor", "AF.99", "B", "AF.99.03", 35, 69, 2),
              Place("C", 6, "ADM2", "AF", "Tavor", "AF.99", "C", "AF.99.04", 35, 69, 2)]
    claims = [claim(d, 1, place=p, holder=n, day=day(i))
              for i, (d, p, n) in enumerate(zip(docs, places, names, strict=True))]
    result = fuse(claims, {d.document_id: d for d in docs}, rules=ControlRules(decay_days=0))
    assert {s.holder.name for s in result.control if s.holder} == {"Anti-Taliban forces"}
    assert sorted(e.actor1.name for e in result.events if e.actor1) == sorted(names)


def test_sides_from_the_dictionary() -> None:
    sides = load_sides()
    assert sides.side("Haqqani Network") == "Taliban"  # an entry's `side:`
    assert sides.side("Military Forces of Afghanistan") == sides.side("Police Forces of Afghanistan")
    assert sides.side("Rebels") == "Rebels"  # a generic group, no opponent known: its own name
    assert sides.side("Taliban", "Rebels") == "Taliban"  # a named group is never re-sided by whom it fights
    user = sides_of([{"name": "Group A", "side": "Coalition"}, {"name": "Group B", "side": "Coalition"}])
    assert user.side("Group A") == user.side("Group B") == "Coalition"


# --- storage ---------------------------------------------------------------------------------------------------


def test_claims_stored_before_scope_existed_still_read() -> None:
    c = Claim("c1", "d1", Span(0, 4, "Took"), "Battles", TAKE, None, scope="post", scope_span=Span(0, 4, "Took"))
    payload = to_dict(c)
    assert decode(Claim, json.dumps(payload)) == c
    old = {k: v for k, v in payload.items() if k not in ("scope", "scope_span", "control_change")}
    back = decode(Claim, json.dumps(old))
    assert back.scope is None and back.scope_span is None and back.control_change is None
    assert back.claim_id == "c1" and back.sub_event_type == TAKE
