"""Control, issue 16 (docs/control.md), session 10 (control11): changes of hands told on real news text. The one a
passive verb names does the infinitive that complements it ("were allowed to take X"); a taking told as a perfect
infinitive ("are reported to have seized X") happened; a castle or fort taken is a position taken; control or charge
of a place "assumed" is a taking. Invented places and sentences."""

from __future__ import annotations

import pytest

# the invented town and its helpers are test_control10's: one copy of them
from tests.test_control10 import _steps, _territorial

# --- the infinitive of a passive verb -------------------------------------------------------------------------------


def test_the_one_a_passive_verb_names_does_its_infinitive(claims_of) -> None:
    text = "Army troops were allowed to take the district centre of Mervant on Friday, a police officer said."
    claims = claims_of(text, ["Mervant"])
    taken = [c for c in _territorial(claims) if c.control_change is None]
    assert [c.actor("actor1").inter if c.actor("actor1") else None for c in taken] == [1]
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"]
    # an order is no act: its infinitive did not happen
    order = "Taliban fighters were ordered to seize the district centre of Mervant before the winter."
    assert not _territorial(claims_of(order, ["Mervant"]))


# --- a perfect infinitive -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Taliban fighters are reported to have seized the district centre of Mervant on Thursday night.",
    "The Taliban were believed to have captured the district centre of Mervant by Sunday morning.",
])
def test_a_taking_told_as_a_perfect_infinitive_happened(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.actor("actor1") is not None and taken.actor("actor1").name == "Taliban", text
    assert ("Taliban", "held") in _steps(claims, text)


    # hoped for, not shown, or the side's own claim: no taking read from the infinitive
    for other in ("Taliban commanders hope to have seized the district centre of Mervant before the spring.",
                  "The Taliban could not be shown to have captured the district centre of Mervant, officials said.",
                  "Taliban fighters claim to have seized the district centre of Mervant"):
        assert ("Taliban", "held") not in _steps(claims_of(other, ["Mervant"]), other), other


# --- a castle or fort -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Tribal fighters pushed east of Mervant overnight and have taken the control of an old castle.",
    "Militia fighters took control of the ancient citadel of Mervant after a day of heavy fighting.",
])
def test_a_castle_or_fort_taken_is_a_position_never_the_district(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.scope in {"post", "village"}, text
    steps = _steps(claims, text)
    assert any(status == "contested" for _, status in steps), text
    assert not any(status == "held" for _, status in steps), text


# --- charge assumed -------------------------------------------------------------------------------------------------


def test_charge_of_a_place_assumed_is_a_taking(claims_of) -> None:
    text = "Army units assumed charge of the town of Mervant on Monday after the militants had fled."
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.sub_event_type == "Government regains territory"
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"]
    # a command or an office assumed is no ground taken
    for other in ("The new general assumed charge of the brigade in Mervant on Monday.",
                  "A new governor assumed charge of the office in Mervant on Monday."):
        assert not _territorial(claims_of(other, ["Mervant"])), other


# --- the ground a taking is placed by -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Government troops took a hamlet in the countryside of Homs on Monday after a week of shelling.", "Homs"),
    ("Rebel fighters captured an army base 30 miles from Herat on Monday, residents said.", "Herat"),
])
def test_a_city_the_taking_is_placed_by_is_a_place_whatever_the_model_read(geoparser, nlp, text: str,
                                                                           name: str) -> None:
    assert name in {m.text for m in geoparser.recognize(text, nlp(text))}, text
    # a person's name after the same words stays no place
    other = "Rebel fighters captured an army base 30 miles from Abubakar Hassan's farm on Monday."
    assert not {m.text for m in geoparser.recognize(other, nlp(other))} & {"Abubakar Hassan", "Hassan"}


# --- a road named by the towns it joins -----------------------------------------------------------------------------


def test_a_road_named_by_a_town_is_taken_not_the_town(claims_of) -> None:
    text = "Army troops seized control of the main Mervant-Dalbek highway on Tuesday after the rebels fled."
    claims = claims_of(text, ["Mervant", "Dalbek"])
    [taken] = [c for c in _territorial(claims) if c.control_change is None]
    assert taken.scope == "post"
    steps = _steps(claims, text)
    assert any(status == "contested" for _, status in steps) and not any(status == "held" for _, status in steps)


# --- the loss a recapture reverses ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Taliban fighters recaptured the district centre of Mervant on Friday, hours after it was seized by army troops.",
    "Taliban fighters retook the district centre of Mervant, two days after army commandos had captured it.",
])
def test_the_loss_a_recapture_reverses_was_before_it(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    assert [c.actor("actor1").name for c in _territorial(claims) if c.actor("actor1")] == ["Taliban"], text
    assert _steps(claims, text)[-1] == ("Taliban", "held"), text
    # a taking of something else after which the town was retaken stays its own
    other = "Taliban fighters recaptured the district centre of Mervant after they seized two army posts nearby."
    assert len(_territorial(claims_of(other, ["Mervant"]))) == 2
