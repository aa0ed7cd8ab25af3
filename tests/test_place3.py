"""Place attachment and recognition mechanisms of issue 15's third pass (`place3`): names the model reads as people
though they head a town's facility, the place nearest the trigger outside the doers' phrase, "in X, Y", roads named
"superhighway", glued Arabic articles, compass-named units abroad, the words of an unknown village name, holidays,
a person's home town, and a town inside the clause's county.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import places_named, typed_claims


def test_a_name_heading_a_local_facility_is_the_town(pipeline: Pipeline) -> None:
    # spaCy reads these lone names as people; a police station, a farm, a camp or a market is named after a town
    for text, town in [("Arsonists set fire to Garissa police station overnight.", "Garissa"),
                       ("Rioters stormed Yala rice farm and beat the labourers.", "Yala"),
                       ("Gunmen raided Kakuma refugee camp and demanded cash.", "Kakuma"),
                       ("Traders in Gatundu Market protested, accusing the county government.", "Gatundu")]:
        place = places_named(pipeline, text, "KE").get(town)
        assert place is not None and place.country == "KE", text
        cs = typed_claims(pipeline, text, "KE")
        assert cs and all(c.place is not None and c.place.name == town for c in cs), text


def test_a_person_s_name_before_a_common_noun_stays_a_person(pipeline: Pipeline) -> None:
    # a first and last name is a person even when the surname is a facility word
    assert places_named(pipeline, "Mary Market was attacked by robbers at her home.", "KE") == {}


def test_the_doers_home_yields_to_where_they_acted(pipeline: Pipeline) -> None:
    # the clause of "protest" names no place; of the sentence's two towns, the subject's only says who they are
    text = "Youths attached to a housing project in Kisumu on Monday staged a demo in Nakuru centre to protest cuts."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.name == "Nakuru" for c in cs)


def test_a_town_then_its_county_seat_after_a_comma_is_one_place(pipeline: Pipeline) -> None:
    # "in X, Y": Y says where X is, even where the gazetteer files X under a neighbouring county
    cs = typed_claims(pipeline, "A suspected burglar was beaten to death by a crowd in Mariakani, Mombasa.", "KE")
    assert cs and {c.place.name for c in cs if c.place is not None} == {"Mariakani"}
    # a list is not that: "in X, Y and Z"
    assert {"Mariakani", "Mombasa", "Nairobi"} <= set(
        places_named(pipeline, "Protests were held in Mariakani, Mombasa and Nairobi over fuel prices.", "KE"))


def test_a_road_named_superhighway_is_a_road(pipeline: Pipeline) -> None:
    text = "Police lobbed tear gas at marchers who had barricaded Thika Superhighway in Nairobi."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.name == "Nairobi" for c in cs)


def test_an_arabic_article_written_together_with_its_name(pipeline: Pipeline) -> None:
    # "Elwak" is how many reports spell El Wak; only a place whose own name has the article matches
    place = places_named(pipeline, "Gunmen struck a police camp. The camp lies in Elwak town in Mandera District",
                         "KE").get("Elwak")
    assert place is not None and place.name == "El Wak" and place.admin1 == "Mandera"


def test_a_glued_article_never_matches_a_name_without_it(gazetteer) -> None:  # type: ignore[no-untyped-def]
    assert gazetteer.glued_article("Elwak") and all(c.name.lower().startswith("el") for c in
                                                     gazetteer.glued_article("Elwak"))
    # "Eldoret" is in the index whole; "Elbasan" too: the fallback only ever reads names with a separate article
    assert all(c.name.lower().startswith(("el ", "el-")) for c in gazetteer.glued_article("Eldoret"))


def test_a_compass_named_unit_the_country_lacks_is_no_namesake_abroad(pipeline: Pipeline) -> None:
    # a former province of the report's country: not Saudi Arabia's, and the town in it keeps its own reading
    found = places_named(pipeline, "Isiolo town residents in Eastern Province marched against kidnappings.", "KE")
    assert found["Eastern Province"] is None
    assert found["Isiolo"] is not None and found["Isiolo"].country == "KE"


def test_the_words_of_an_unknown_village_name_are_not_towns(pipeline: Pipeline) -> None:
    # "Bora" alone reads as a Kenyan town; "Bora Moyo village" is one local name the index lacks
    found = places_named(pipeline, "One man was hacked to death in an attack on Bora Moyo village of Kipini.", "KE")
    assert "Bora" not in found and found["Kipini"] is not None
    # a compass word makes a unit of the name ("X South sub-county"), which keeps its town
    found = places_named(pipeline, "Students at a college in Mbeere South sub county rioted over meals.", "KE")
    assert any(p is not None for p in found.values())


def test_a_holiday_named_after_something_is_not_a_place(pipeline: Pipeline) -> None:
    text = "Police in Kisumu fired tear gas at marchers commemorating Saba Saba day."
    assert "Saba Saba" not in places_named(pipeline, text, "KE")
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.name == "Kisumu" for c in cs)


def test_a_person_s_home_town_is_not_where_the_event_was(pipeline: Pipeline) -> None:
    text = "Scores of Eldoret students marched on the county offices to denounce a Nakuru pastor accused of fraud."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.name == "Eldoret" for c in cs)
    # alone, the home town is still the best place known (the last resort)
    [c] = typed_claims(pipeline, "A Mombasa businessman was shot dead by gunmen.", "KE")
    assert c.place is not None and c.place.name == "Mombasa"
    # residents are where they live
    cs = typed_claims(pipeline, "Travellers were stranded at the Isebania border crossing when Migori residents"
                      " blocked the road over a killing.", "KE")
    assert cs and all(c.place is not None and c.place.admin1 == "Migori" for c in cs)


def test_a_town_inside_the_clause_s_county_is_the_event_s_place(pipeline: Pipeline) -> None:
    text = ("Scores of Voi residents barricaded the highway with rocks over the state of the roads"
            " in Taita Taveta County.")
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.name == "Voi" and c.place.geo_precision == 1 for c in cs)
    # where the sentence names no town inside it, the county stays
    cs = typed_claims(pipeline, "Hundreds of traders protested against new levies in Taita Taveta County.", "KE")
    assert cs and all(c.place is not None and c.place.feature_code == "ADM1" for c in cs)
