"""Control, issue 16 (docs/control.md), session 11 (control13): changes of hands told on real news text. A taking
"for the first time since" a year is today's, not background; a road taken along its whole length is a strip of
ground, not the town that names it. Invented places and sentences."""

from __future__ import annotations

import pytest

# the invented town and its helpers are test_control10's: one copy of them
from tests.test_control10 import _steps, _territorial

# --- "for the first time since YEAR" ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Army troops seized the district centre of Mervant on Tuesday for the first time since 2014, a spokesman said.",
    "Army troops recaptured the district centre of Mervant on Friday, the first time since 2013 that they held it.",
])
def test_a_taking_for_the_first_time_since_a_year_is_today_s(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.actor("actor1") is not None and taken.actor("actor1").inter == 1, text
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"], text


def test_a_taking_dated_to_a_past_year_stays_background(claims_of) -> None:
    text = "Army troops seized the district centre of Mervant in 2014, a spokesman recalled on Tuesday."
    assert not _territorial(claims_of(text, ["Mervant"]))


# --- a road along its length ----------------------------------------------------------------------------------------


def test_a_road_taken_along_its_whole_length_is_a_strip_not_the_town(claims_of) -> None:
    text = "Rebel fighters seized control of the entire length of the main Mervant-Kolbar road on Monday."
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.scope == "post"
    steps = _steps(claims, text)
    assert any(status == "contested" for _, status in steps)
    assert not any(status == "held" for _, status in steps)


# --- ground or territory taken --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Army troops launched a counterattack in Mervant on Monday and much ground was regained after a rebel raid.",
    "Heavy fighting raged in Mervant overnight. Taliban fighters seized new territory on Monday, elders said.",
])
def test_ground_or_territory_taken_is_an_area_never_the_town(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.scope == "village", text
    steps = _steps(claims, text)
    assert any(status == "contested" for _, status in steps), text
    assert not any(status == "held" for _, status in steps), text


def test_the_territory_of_a_place_is_the_place(claims_of) -> None:
    text = "Army troops regained control of the territory of Mervant district on Monday."
    [taken] = _territorial(claims_of(text, ["Mervant"]))
    assert taken.scope == "district"


# --- a taker the parse lost -----------------------------------------------------------------------------------------


def test_a_taking_with_no_taker_read_is_by_the_one_armed_side_named_before_it(claims_of) -> None:
    text = ("Eritrean soldiers wielding rifles march across the border, and reportedly take over the district centre "
            "of Mervant.")
    [taken] = _territorial(claims_of(text, ["Mervant"]))
    assert taken.actor("actor1") is not None and taken.actor("actor1").name == "Military Forces of Eritrea"
    # a voice, or the side that left, is no taker
    for other in ("Police officials said the district centre of Mervant was taken over on Monday.",
                  "After army troops withdrew, the district centre of Mervant was taken over on Monday."):
        [taken] = _territorial(claims_of(other, ["Mervant"]))
        assert taken.actor("actor1") is None, other


# --- a withdrawal agreed with the other side ------------------------------------------------------------------------


def test_a_withdrawal_under_a_deal_with_a_side_hands_the_place_to_it(claims_of) -> None:
    text = "Rebel fighters began leaving the town of Mervant on Monday under an evacuation deal with the government."
    claims = claims_of(text, ["Mervant"])
    [given] = _territorial(claims)
    assert given.sub_event_type == "Non-violent transfer of territory"
    assert given.actor("actor1") is not None and given.actor("actor1").inter == 1
    assert given.actor("actor2") is not None and given.actor("actor2").name == "Rebels"
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"]
    # a deal that failed, or one with elders, hands the place to no side
    for other in ("Rebel fighters withdrew from Mervant on Monday after a deal with the army collapsed.",
                  "Army troops withdrew from Mervant on Monday under an agreement with the elders."):
        assert not _territorial(claims_of(other, ["Mervant"])), other
