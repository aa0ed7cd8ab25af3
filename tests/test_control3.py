"""Control, issue 16 (docs/control.md): the ways a change of hands is told that moved nothing before — a side that
"pulled out of" / "vacated" / "abandoned" a place, another side "moving in" after it, ground "cleared" of the side
that held it, a taking by "insurgents" in a report that names one armed group — and the evaluation's taker where a
row codes the losing security forces as actor 1. Invented places and sentences."""

from __future__ import annotations

from datetime import date

from frontwatch.evaluation.control import _Change, _gold_side, score_control
from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.scope import detect_scope
from frontwatch.extract.sides import load_sides
from frontwatch.model import Span

TAKE = "Non-state actor overtakes territory"
REGAIN = "Government regains territory"
TERRITORY = (TAKE, REGAIN, "Non-violent transfer of territory")


def test_pulling_out_vacating_or_abandoning_a_place_is_a_withdrawal(claims_of) -> None:
    for text, scope in (("Police pulled out of the Korvalo district centre on Sunday.", "centre"),
                        ("Government troops vacated the Korvalo district headquarters on Sunday.", "centre"),
                        ("Soldiers abandoned two checkpoints in Korvalo district on Sunday.", "post")):
        found = [c for c in claims_of(text, ["Korvalo"]) if c.control_change == "withdrawn"]
        assert found, text
        c = found[0]
        assert c.scope == scope, text
        assert c.actor("actor1") is not None and c.actor("actor1").inter == 1, text  # the side that left


def test_pulling_out_a_weapon_or_abandoning_a_plan_or_goods_is_no_withdrawal(claims_of) -> None:
    for text in ("The gunman pulled out a pistol in Korvalo on Sunday.",
                 "The county abandoned its plan to pave the road in Korvalo on Sunday.",
                 "Soldiers abandoned their vehicles in Korvalo after the ambush on Sunday.",
                 "The company pulled out of the Korvalo talks on Sunday."):
        assert all(c.control_change != "withdrawn" for c in claims_of(text, ["Korvalo"])), text


def test_a_side_moving_in_after_another_left_takes_the_place(claims_of) -> None:
    text = "Police vacated the Korvalo district centre and the Taliban moved in on Sunday."
    taken = [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type in TERRITORY and c.control_change is None]
    assert taken, text
    assert taken[0].actor("actor1") is not None and taken[0].actor("actor1").name == "Taliban"
    # no one left: moving in is no taking ("families moved in")
    text = "Hundreds of families moved in to the new Korvalo housing estate on Sunday."
    assert not [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type in TERRITORY], text


def test_clearing_ground_another_side_held_is_a_recapture(claims_of) -> None:
    text = "Army troops cleared the last areas held by the rebels in Korvalo district on Sunday."
    regained = [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type == REGAIN]
    assert regained, text
    assert regained[0].scope == "village"  # areas of it: contested, never held
    for text in ("Police cleared the area after the blast in Korvalo on Sunday.",
                 "Engineers cleared the road of mines near Korvalo on Sunday."):
        assert not [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type in TERRITORY], text


def test_a_taking_by_insurgents_is_by_the_one_armed_group_the_report_names(claims_of) -> None:
    text = ("Insurgents took over the Korvalo district centre on Sunday. A Taliban spokesman said the group's "
            "fighters now hold the town.")
    [c] = [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type == TAKE]
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Taliban"
    # two named groups: which one is not said, the generic word stays
    text = ("Insurgents took over the Korvalo district centre on Sunday. Both the Taliban and the Islamic State "
            "have fighters in the area.")
    [c] = [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type == TAKE]
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Rebels"
    # the one named group is the side the place was taken from, or the one denying: the generic taker stays
    for text in ("Resistance fighters retook the Korvalo district centre from the Taliban on Sunday.",
                 "A Taliban spokesman denied on Sunday that rebels had taken over the Korvalo district centre."):
        for c in claims_of(text, ["Korvalo"]):
            if c.sub_event_type == TAKE:
                assert c.actor("actor1") is None or c.actor("actor1").name != "Taliban", text


def test_out_of_a_district_centre_names_what_was_left_not_where() -> None:
    text = "Police pulled out of the Korvalo district centre on Sunday."
    from frontwatch.model import PlaceMention

    p = text.index("Korvalo")
    mention = PlaceMention(Span(p, p + 7, "Korvalo"), None, None, "test:gold")
    t = text.index("pulled")
    found = detect_scope(text, Span(0, len(text), text), Span(t, t + 6, "pulled"), mention)
    assert found is not None and found[0] == "centre"
    # "in X district of Y": where it happened, read as before
    text = "Police pulled out of two posts in Korvalo district of Y province on Sunday."
    p = text.index("Korvalo")
    mention = PlaceMention(Span(p, p + 7, "Korvalo"), None, None, "test:gold")
    found = detect_scope(text, Span(0, len(text), text), Span(t, t + 6, "pulled"), mention)
    assert found is not None and found[0] == "post"


def test_the_gold_taker_follows_the_sub_type_when_actor1_lost_the_place() -> None:
    actors, sides = ActorDictionary.load(), load_sides()
    row = {"sub_event_type": TAKE, "actor1": "Police Forces of Kenya (2013-)", "actor2": "Al Shabaab",
           "inter1": 1, "inter2": 2}
    assert _gold_side(row, actors, sides) == "al-Shabaab"
    # the usual coding stands
    assert _gold_side({**row, "actor1": "Al Shabaab", "actor2": "Police Forces of Kenya (2013-)",
                       "inter1": 2, "inter2": 1}, actors, sides) == "al-Shabaab"
    # a government regains: the state side, wherever it is coded
    regain = {**row, "sub_event_type": REGAIN, "actor1": "Al Shabaab", "actor2": "Military Forces of Kenya (2013-)",
              "inter1": 2, "inter2": 1}
    assert _gold_side(regain, actors, sides) == "State forces of Kenya"
    # a transfer says nothing of who gained: actor 1 as coded
    transfer = {**row, "sub_event_type": "Non-violent transfer of territory"}
    assert _gold_side(transfer, actors, sides) == "State forces of Kenya"
    # scored: a contested step by al-Shabaab at the row's point on its day is a hit
    step = _Change("Korvalo", 2, "contested", "al-Shabaab", False, date(2016, 7, 9), None)
    gold = {**row, "event_date": "2016-07-09", "admin2": "Korvalo", "latitude": 1.0, "longitude": 40.0}
    assert score_control([gold], [step], actors, sides)["recall"] == 1.0
    assert score_control([{**gold, "sub_event_type": "Non-violent transfer of territory"}], [step], actors,
                         sides)["recall"] == 0.0


def test_a_pronoun_taken_has_the_scope_of_what_it_stands_for() -> None:
    from frontwatch.model import PlaceMention

    text = "Militants attacked the village of Tamsi in Korvalo county and seized it after brief fighting."
    p, t = text.index("Korvalo"), text.index("seized")
    mention = PlaceMention(Span(p, p + 7, "Korvalo"), None, None, "test:gold")
    found = detect_scope(text, Span(0, len(text), text), Span(t, t + 6, "seized"), mention)
    assert found is not None and found[0] == "village"  # a village in the county, not the county
    # no pronoun: nothing is borrowed from the words before
    text = "Militants attacked the village of Tamsi in Korvalo county and seized weapons after brief fighting."
    t = text.index("seized")
    found = detect_scope(text, Span(0, len(text), text), Span(t, t + 6, "seized"), mention)
    assert found is None or found[0] != "village"


def test_ground_recovered_freed_or_brought_under_control_is_a_taking(claims_of) -> None:
    for text in ("Army units recovered control of two villages in Korvalo district from the rebels on Sunday.",
                 "Government troops freed several villages in Korvalo district from the rebels on Sunday.",
                 "Army units established control over an area of Korvalo district on Sunday."):
        found = [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type in TERRITORY]
        assert found and found[0].sub_event_type == REGAIN, text
    for text in ("Rescuers recovered the bodies of two miners in Korvalo on Sunday.",
                 "Police freed the hostages in Korvalo on Sunday.",
                 "The agency established a clinic in Korvalo on Sunday."):
        assert not [c for c in claims_of(text, ["Korvalo"]) if c.sub_event_type in TERRITORY], text
