"""Place accuracy (issue 15, `place` area): which names are places, which place an event takes, its admin1 and its
ACLED geo precision.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer, chosen outside the
Kenyan development data."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import places_named, typed_claims

# --- recognition ----------------------------------------------------------------------------------------------------


def test_a_lone_name_read_as_a_person_is_a_place_where_a_place_stands(pipeline: Pipeline) -> None:
    # spaCy reads these towns as people; a lone name after an article, a locative preposition or "the X estate,"
    # is the town the given country holds
    found = places_named(pipeline, "Two men robbed a Masindi trader and shot him dead.", "UG")
    assert found.get("Masindi") is not None and found["Masindi"].country == "UG"
    [c] = typed_claims(pipeline, "Gunmen attacked a bus near Kitgum at dawn, killing two passengers.", "UG")
    assert c.place is not None and c.place.name == "Kitgum"
    [c] = typed_claims(pipeline, "A hawker was lynched by a mob in the Kanyogoga estate, Kitgum, on Monday.", "UG")
    assert c.place is not None and c.place.name == "Kitgum"


def test_a_person_s_full_name_is_not_a_place(pipeline: Pipeline) -> None:
    found = places_named(pipeline, "Police in Gulu arrested Peter Kitgum on Monday.", "UG")
    assert "Kitgum" not in found and found.get("Gulu") is not None


# --- attachment -----------------------------------------------------------------------------------------------------


def test_a_place_the_parse_makes_the_protester_still_places_the_protest(pipeline: Pipeline) -> None:
    # "Traders in X protest" is parsed as "the X protest": the actor is read from the place, which stays the place
    [c] = typed_claims(pipeline, "Traders in Lira protest for a third day.", "UG")
    assert c.place is not None and c.place.name == "Lira"
    [c] = typed_claims(pipeline, "Residents of Kanyogoga village in Hoima district protest against the new levies.",
                       "UG")
    assert c.place is not None and c.place.name == "Hoima"


def test_a_place_that_only_qualifies_a_noun_yields_to_the_event_s_place(pipeline: Pipeline) -> None:
    claims = typed_claims(pipeline,
                          "Students of Gulu University in Lira and Soroti protest the closure of their hostels.", "UG")
    assert sorted(c.place.name for c in claims if c.place is not None) == ["Lira", "Soroti"]
    [c] = typed_claims(pipeline, "Gulu traders protested in Lira over new market fees.", "UG")
    assert c.place is not None and c.place.name == "Lira"
    # with no other place, the qualifier is still the best place known
    [c] = typed_claims(pipeline, "Gulu traders protested over new market fees.", "UG")
    assert c.place is not None and c.place.name == "Gulu"
