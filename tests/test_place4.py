"""Place mechanisms of issue 15's fourth pass (`place4`): a news outlet named after a town, a town the model reads as
a person after "the X area of", a place named only in a source's phrase, the doers' own town, and a protest's
grievance.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import places_named, typed_claims


def _places(pipeline: Pipeline, text: str) -> set[str | None]:
    cs = typed_claims(pipeline, text, "KE")
    assert cs, text
    return {c.place.name if c.place is not None else None for c in cs}


def test_an_outlet_named_after_a_town_is_not_a_place(pipeline: Pipeline) -> None:
    # "told the X Daily": the outlet's name, not where anything happened
    for text, outlet in [("Two robbers were shot dead by police, an officer told the Nakuru Daily.", "Nakuru"),
                         ("Gunmen killed a chief near Wajir, the Nairobi News said.", "Nairobi"),
                         ("Protesters burned tyres in Nyeri, the Kisumu Times reported.", "Kisumu")]:
        assert outlet not in places_named(pipeline, text, "KE"), text
        assert outlet not in _places(pipeline, text), text
    assert _places(pipeline, "Gunmen killed a chief near Wajir, the Nairobi News said.") == {"Wajir"}
    # a demonym before an outlet word still names its country ("Kenyan TV channels")
    assert "Kenyan" in places_named(pipeline, "Several Kenyan TV channels showed police shooting in Thika.", "KE")
    # the town itself, written before a lower-case word, stays a place
    assert "Nakuru" in places_named(pipeline, "Police in Nakuru said the news spread fast.", "KE")


def test_a_town_after_a_local_area_of_is_a_place(pipeline: Pipeline) -> None:
    # "the X area of Y", "X estate in Y": Y is a place even where the model reads the lone name as a person
    for text in ("A mob in the Bondeni area of Kitui killed a suspected robber.",
                 "Residents of Kiamaiko estate in Kitui lynched a man."):
        place = places_named(pipeline, text, "KE").get("Kitui")
        assert place is not None and place.country == "KE" and place.admin1 == "Kitui", text
        assert _places(pipeline, text) == {"Kitui"}, text


def test_a_place_named_only_by_the_source_is_the_last_resort(pipeline: Pipeline) -> None:
    # the speaker's town is the only place the report names: better than none
    text = ("A radio reporter in Nakuru town said he was abducted outside his home by men who questioned him"
            " about his stories.")
    assert _places(pipeline, text) == {"Nakuru"}
    # but never before a place the report gives the event
    assert _places(pipeline, "Gunmen shot dead a chief in Wajir, the county commissioner in Garissa said.") == {
        "Wajir"}


def test_the_doers_own_town_is_where_they_acted(pipeline: Pipeline) -> None:
    # both places only say where people are from: the subject's, who acted, is where it happened
    text = "Hundreds of Machakos youths blocked the main street, accusing a Nairobi tycoon of grabbing a school's land."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.admin1 == "Machakos" for c in cs)
    # a place of the sentence that is no one's home still wins over the doers' town
    assert _places(pipeline, "Some 500 Wajir teachers marched over insecurity at the union offices in Nakuru.") == {
        "Nakuru"}
    # a victim's home town alone stays the last resort
    assert _places(pipeline, "A Garissa teacher was shot dead by gunmen.") == {"Garissa"}


def test_a_protest_s_grievance_is_not_where_it_was(pipeline: Pipeline) -> None:
    for text, town in [
        ("Teachers and nurses gathered before the Tanzanian High Commission in Nairobi to protest the detention"
         " of three unionists in Dodoma.", "Nairobi"),
        ("Hundreds took to the streets in the Eastleigh neighbourhood of Nairobi to protest against the deadly raid"
         " on Wajir market.", "Nairobi"),
    ]:
        cs = [c for c in typed_claims(pipeline, text, "KE") if c.event_type == "Protests"]
        assert cs and all(c.place is not None and c.place.name == town for c in cs), text
    # a grievance's place is still the protest's when the sentence names no other
    assert _places(pipeline, "Residents protested over the killing of a boda boda rider in Kitale.") == {"Kitale"}


def test_the_object_of_an_attack_is_a_town_of_the_report_s_country(pipeline: Pipeline) -> None:
    # "gunmen raid X": the model reads a lone X as a person, or not at all; the country's town it is
    for text, town in [("About a dozen suspected gunmen raid Witu, torching homes.", "Witu"),
                       ("Bandits attacked Sotik overnight.", "Sotik"),
                       ("Raiders struck Kakuma before dawn, stealing goats.", "Kakuma")]:
        assert _places(pipeline, text) == {town}, text
    # a person attacked is no place: the country holds no town of that name
    assert places_named(pipeline, "Youths attacked Kamau with clubs.", "KE") == {}


def test_a_bare_province_named_like_its_seat_is_the_town_in_its_own_country_s_report(pipeline: Pipeline) -> None:
    # "in X" in a report about X's country is the seat town, even where the town holds a small share of the
    # province's people (precision 1, as ACLED codes it); "X county" stays the unit
    text = "Traders rioted in Kwale over new levies."
    place = places_named(pipeline, text, "KE")["Kwale"]
    assert place is not None and place.feature_code == "PPLA" and place.admin1 == "Kwale"
    cs = typed_claims(pipeline, text, "KE")
    assert cs and all(c.place is not None and c.place.geo_precision == 1 for c in cs)
    [unit] = places_named(pipeline, "Traders rioted in Kwale county over new levies.", "KE").values()
    assert unit is not None and unit.feature_code == "ADM1"
    # without the report's country the share rule of any report holds: the province
    bare = places_named(pipeline, text)["Kwale"]
    assert bare is not None and bare.feature_code == "ADM1"
