"""Control, issue 16 (docs/control.md), session 7: district control on real news text. A town the language model reads
as a person right after a verb of taking ground is the ground taken (a person taken stays a person); a distance joined
to its unit ("30km from X") makes X a landmark; a facility of a place ("the airport of X", "the port of X") is a post
of it, not the place. Invented sentences; the gazetteer's real places where a
place must resolve."""

from __future__ import annotations

import pytest

TERRITORY = ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory")


def _taken(claims):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.sub_event_type in TERRITORY and c.control_change is None]


def _names(geoparser, nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.text for m in geoparser.recognize(text, nlp(text))}


# --- a town read as a person after a verb of taking ground ----------------------------------------------------------


@pytest.mark.parametrize(("text", "town"), [
    ("The rebels seized Bossaso after a short battle.", "Bossaso"),
    ("Jihadist fighters recaptured Tadmur on Sunday.", "Tadmur"),
])
def test_a_town_the_model_reads_as_a_person_after_a_taking_verb_is_a_place(geoparser, nlp, text: str,
                                                                            town: str) -> None:  # type: ignore[no-untyped-def]
    assert town in _names(geoparser, nlp, text), text
    # a person captured stays a person: what follows the name tells it
    for person in ("Soldiers captured Ahmed, who had led the cell.", "Troops captured Hassan alive on the road."):
        assert not _names(geoparser, nlp, person) & {"Ahmed", "Hassan"}, person


# --- "30km from X": X a landmark ------------------------------------------------------------------------------------


def test_a_distance_joined_to_its_unit_makes_the_place_a_landmark(claims_of) -> None:
    text = "Rebels seized Delmoro, 30km from Korvalo, on Monday."
    taken = _taken(claims_of(text, ["Korvalo"]))
    assert taken and {c.scope for c in taken} == {"village"}, text


# --- a facility of a place ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Insurgents captured the airport of Korvalo on Sunday after a night of fighting.",
    "Government forces retook the port of Korvalo from the rebels on Monday.",
])
def test_a_facility_of_a_place_taken_is_a_post_not_the_place(claims_of, text: str) -> None:
    taken = _taken(claims_of(text, ["Korvalo"]))
    assert taken and {c.scope for c in taken} == {"post"}, text
    city = "Government forces retook the port city of Korvalo from the rebels on Monday."
    assert {c.scope for c in _taken(claims_of(city, ["Korvalo"]))} == {"city"}, city


# --- ground gained by an armed side ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Government troops gained territory north of Korvalo after two days of heavy clashes.",
    "Rebel fighters gained ground in the western part of Korvalo overnight.",
])
def test_ground_gained_by_an_armed_side_is_an_area_taken(claims_of, text: str) -> None:
    taken = _taken(claims_of(text, ["Korvalo"]))
    assert taken and {c.scope for c in taken} == {"village"}, text
    # a party gaining ground in the polls takes nothing
    vote = "The opposition party gained ground in Korvalo ahead of the vote."
    assert not _taken(claims_of(vote, ["Korvalo"])), vote


# --- a hand-over verb gives up what is its object, not a place noun further on in its clause --------------------------


@pytest.mark.parametrize("text", [
    "The two suspects surrendered and sat on the ground near the camp gate in Korvalo until police arrived.",
    "Four fighters surrendered at the police post in Korvalo with their rifles.",
])
def test_a_place_noun_further_on_in_the_clause_of_a_surrender_is_not_given_up(claims_of, text: str) -> None:
    claims = claims_of(text, ["Korvalo"])
    assert not [c for c in claims if c.sub_event_type == "Non-violent transfer of territory"], text
    given = "Police surrendered the district headquarters of Korvalo to the rebels on Sunday."
    assert [c for c in claims_of(given, ["Korvalo"]) if c.sub_event_type == "Non-violent transfer of territory"], given


# --- "captured a town …, and pushed into a quarter of X": an unnamed place taken ------------------------------------


def test_an_unnamed_town_taken_far_from_the_place_named_is_not_that_place(claims_of) -> None:
    text = ("Government troops captured a small town and two villages on Sunday, boosting their hold on the main road, "
            "and then pushed deeper into a rebel-held quarter of Korvalo.")
    taken = _taken(claims_of(text, ["Korvalo"]))
    assert taken and {c.scope for c in taken} == {"village"}, text
    named = "Government troops captured the town of Korvalo on Sunday after a week of fighting."
    assert {c.scope for c in _taken(claims_of(named, ["Korvalo"]))} == {"centre"}, named

