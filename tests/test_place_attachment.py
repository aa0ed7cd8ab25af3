"""Which place an event takes where its clause names none the map can use: names the gazetteer cannot place, a place
that only qualifies a noun, a people's name, and the ends of a road (issue 15, `place2`).

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import places_named, typed_claims


def _method(c: Claim) -> str:
    return next(m for m in c.method.split() if m.startswith("place:"))


def test_an_unplaceable_clause_place_yields_to_the_sentence_s_known_one(pipeline: Pipeline) -> None:
    # the village is invented: the clause names only it, so the county the sentence names locates the event
    text = "A suspect was snatched from police and beaten to death by a mob at Zorvandi, Kisumu county."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.admin1 == "Kisumu" for c in cs)


def test_a_place_that_only_qualifies_the_doers_is_the_last_resort(pipeline: Pipeline) -> None:
    [c] = typed_claims(pipeline, "Mombasa councillors rioted and threw chairs during a dispute over seats.", "KE")
    assert c.place is not None and c.place.name == "Mombasa" and _method(c) == "place:named"
    [c] = typed_claims(pipeline, "Nakuru police arrest three opposition officials and hold them overnight.", "KE")
    assert c.place is not None and c.place.name == "Nakuru"


def test_the_last_resort_loses_to_a_place_that_locates_the_event(pipeline: Pipeline) -> None:
    [c] = typed_claims(pipeline, "Mombasa councillors rioted in Kisumu over the allocation of seats.", "KE")
    assert c.place is not None and c.place.name == "Kisumu" and _method(c) == "place:clause"


def test_a_people_s_name_is_not_a_place(pipeline: Pipeline) -> None:
    cs = typed_claims(pipeline, "Armed youths attacked a village occupied by Kisii and Kikuyu people.", "KE")
    assert cs and all(c.place is None for c in cs)
    cs = typed_claims(pipeline, "Two men were injured when members of the Kikuyu and Maasai communities clashed.", "KE")
    assert cs and all(c.place is None for c in cs)


def test_a_road_named_by_its_ends_is_one_event_at_the_first_end(pipeline: Pipeline) -> None:
    assert {"Kitale", "Lodwar"} <= set(places_named(pipeline, "Youths blocked the Kitale-Lodwar road.", "KE"))
    [c] = typed_claims(pipeline, "Matatu drivers demonstrated against the poor state of the Voi-Taveta road.", "KE")
    assert c.place is not None and c.place.name == "Voi"
    # a name the gazetteer holds whole stays whole
    [c] = typed_claims(pipeline, "Police dispersed traders protesting in Taita-Taveta County.", "KE")
    assert c.place is not None and c.place.feature_code == "ADM1" and c.place.admin1 == "Taita Taveta"


def test_a_road_from_the_capital_is_placed_at_its_other_end(pipeline: Pipeline) -> None:
    [c] = typed_claims(pipeline, "Protesters blocked traffic on the Nairobi-Narok highway and burnt tyres.", "KE")
    assert c.place is not None and c.place.name == "Narok"


def test_a_local_unit_is_not_a_city_abroad(pipeline: Pipeline) -> None:
    # "Dallas" is a city of a million people abroad; "Dallas estate" in a Kenyan report is an estate of the town
    text = "A man was lynched by residents at Dallas estate in Embu town after breaking into a house."
    assert places_named(pipeline, text, "KE")["Dallas"] is None
    [c] = typed_claims(pipeline, text, "KE")
    assert c.place is not None and c.place.name == "Embu"


def test_a_county_is_coded_at_district_precision(pipeline: Pipeline) -> None:
    # a county whose seat is a town of another name (one named after its seat is the town: tests/test_place6.py)
    [c] = typed_claims(pipeline, "Police shot dead two robbers in Samburu county.", "KE")
    assert c.place is not None and c.place.feature_code == "ADM1" and c.place.geo_precision == 2


def test_a_place_named_inside_another_is_read_inside_it(pipeline: Pipeline) -> None:
    # "the X area of Y": a reading of X outside Y is a namesake; with none inside, Y is the point known
    named = places_named(pipeline, "Gunmen killed two people at a bar in the Majengo area of Mombasa.", "KE")
    assert named["Mombasa"] is not None and named["Mombasa"].admin1 == "Mombasa"
    assert named["Majengo"] is None or named["Majengo"].admin1 == "Mombasa"
    [c] = typed_claims(pipeline, "Gunmen killed two people at a bar in the Majengo area of Mombasa.", "KE")
    assert c.place is not None and c.place.admin1 == "Mombasa"
    # a list of peers is no containment: each keeps its own reading
    named = places_named(pipeline, "Protests were held in Mombasa, Kilifi and Kwale counties.", "KE")
    assert {p.admin1 for p in named.values() if p is not None} == {"Mombasa", "Kilifi", "Kwale"}


def test_a_town_inside_the_unit_the_preposition_governs_stays_the_place(pipeline: Pipeline) -> None:
    text = ("Police arrested two teenagers accused of plotting an attack on a school in Aschaffenburg, in "
            "north-western Bavaria.")
    cs = typed_claims(pipeline, text)
    assert cs and {c.place.name for c in cs if c.place} == {"Aschaffenburg"}
