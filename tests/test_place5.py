"""Place mechanisms of issue 15's fifth pass (`place5`): a unit named with its own unit word that the model reads as a
person ("X District"), a part of a unit or town named by a compass word ("X East constituency"), and the second of
two peoples qualifying the doers ("A and B herders").

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import places_named, typed_claims


def _admin1s(pipeline: Pipeline, text: str) -> set[str | None]:
    cs = typed_claims(pipeline, text, "KE")
    assert cs, text
    return {c.place.admin1 if c.place is not None else None for c in cs}


def test_a_unit_named_with_its_own_unit_word_is_a_place(pipeline: Pipeline) -> None:
    # "X District" read whole from the gazetteer: its own last word is the cue, whatever entity the model saw
    text = "Raiders attacked Ntimama Village, Ilkisin Division, Garissa District, and stole goats."
    place = places_named(pipeline, text, "KE").get("Garissa District")
    assert place is not None and place.country == "KE" and place.admin1 == "Garissa", text
    assert _admin1s(pipeline, text) == {"Garissa"}
    # its unit word is its own, not a cue the name before it shares as in a list ("A, B and C districts")
    text = "Herders fought over a well at Lagbogol Village, Garissa District."
    assert {n for n, p in places_named(pipeline, text, "KE").items() if p is None} <= {"Lagbogol Village"}


def test_a_compass_part_of_a_unit_places_the_event_in_it(pipeline: Pipeline) -> None:
    # "X West constituency", "X North": the part of X, read by the model as a person or an organisation
    for text, unit in [("A mob burned a suspected thief in Kibwezi Location, Kitui West constituency.", "Kitui"),
                       ("Teachers in Garissa North went on strike over unpaid allowances.", "Garissa")]:
        place = places_named(pipeline, text, "KE").get(unit)
        assert place is not None and place.country == "KE" and place.admin1 == unit, text
        assert _admin1s(pipeline, text) == {unit}, text



def test_the_second_people_of_a_pair_qualifying_doers_is_no_place(pipeline: Pipeline) -> None:
    # "A and B herders": B hangs from A in the parse, yet both name who the herders are, not where they fought
    text = "Gunfire between Borana and Samburu herders at a dam in Isiolo left four dead."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and {c.place.name if c.place is not None else None for c in cs} == {"Isiolo"}
