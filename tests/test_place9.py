"""Place mechanisms of issue 15's ninth pass (`place9`): a country the clause names only as where the doers came from
does not bound the search for the event's place to that country ("two herders were found dead in X after raiders from
Y attacked them": the place is X, not the country Y); a town the model reads as a person is a place after a bearing or
"in Y,"; a town the gazetteer files under no province takes the province of its district or nearest coded neighbour;
a name set beside a road's name ("on X Road, Y") is where the road runs, not one of its ends.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import claim_place_names as _places
from tests.fixtures.gazetteer import places_named, typed_claims


def test_an_origin_country_does_not_bound_the_search_for_the_place(pipeline: Pipeline) -> None:
    # the attack's own clause names only the raiders' country; the sentence's county is where it happened
    text = "Two herders were found dead in Marsabit county after raiders from Ethiopia attacked them."
    assert _places(pipeline, text) == ["Marsabit"], text
    text = "Two herders lay dead in Marsabit on Sunday after cattle rustlers from Ethiopia ambushed them at a well."
    assert _places(pipeline, text) == ["Marsabit"], text
    # a border's sides bound nothing either: the protest was the county's traders'
    text = ("Stall owners rallied against a Kwale County Government scheme to resettle them close to the "
            "Kenya-Tanzania border.")
    assert _places(pipeline, text) == ["Kwale"], text
    # but with no other place, the country named stays the claim's (its country decides whose forces are external)
    text = "Raiders from Ethiopia attacked herders and stole their cattle."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(m.place is not None and m.place.country == "ET" for c in cs for m in c.places), [
        (c.sub_event_type, c.places) for c in cs]


def test_a_town_read_as_a_person_after_a_bearing_or_an_unknown_place_is_a_place(pipeline: Pipeline) -> None:
    # the model reads the town as a person's name; after a bearing or a distance, or after "in Y," (Y a name the
    # index lacks), a notable town of the report's country stands as a place
    text = "Bandits set fire to two shops roughly 60 km south west of Garissa overnight."
    assert _places(pipeline, text) == ["Garissa"], text
    text = "Troops shot six fighters close to the frontier post of Ruqayya, Garissa, on Tuesday."
    assert _places(pipeline, text) == ["Garissa"], text


def test_a_town_filed_under_no_province_takes_its_neighbours(pipeline: Pipeline) -> None:
    # GeoNames files this town under no admin1; the towns around it are in Parwan, so the event's admin1 is Parwan
    text = "A rocket struck a fuel depot near Bagram late on Tuesday, wounding three guards."
    place = places_named(pipeline, text, "AF").get("Bagram")
    assert place is not None and place.admin1 == "Parwan", place
    # a town filed under its province keeps it
    text = "A rocket struck a fuel depot near Charikar late on Tuesday, wounding three guards."
    place = places_named(pipeline, text, "AF").get("Charikar")
    assert place is not None and place.admin1 == "Parwan", place


def test_a_name_set_beside_a_roads_name_is_where_the_road_runs(pipeline: Pipeline) -> None:
    # "on X Road, Y": the road named after the town it leads to runs through Y, where the event was
    text = "Robbers attacked a motorist on Kisumu Road, Eldoret, late on Friday."
    assert _places(pipeline, text) == ["Eldoret"], text
    # a road's two ends stay a road's ends: one event, at the end named first
    text = "Youths blocked the Kisumu-Busia highway for hours on Monday."
    assert _places(pipeline, text) == ["Kisumu"], text
