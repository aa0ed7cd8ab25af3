"""The event's place: which place a claim takes (its clause's, else its sentence's, else its report's), the report's
given country, a province named bare, the point an event is coded at, and the cue words of local units.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.model import Claim, Document, PlaceMention
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import places_named, report, typed_claims


def _method(c: Claim) -> str:
    return next(m for m in c.method.split() if m.startswith("place:"))


# --- which place a claim takes ------------------------------------------------------------------------------------


def test_a_noun_trigger_takes_the_place_of_the_phrase_around_it(pipeline: Pipeline) -> None:
    [c] = typed_claims(pipeline, "Market traders in Mbarara held a protest against the new levies.", "UG")
    assert c.place is not None and c.place.name == "Mbarara" and c.place.country == "UG"
    assert _method(c) == "place:sentence"


def test_a_clause_without_a_place_takes_the_report_s_place(pipeline: Pipeline) -> None:
    text = "Police arrested twelve suspects on Friday. The arrests followed a raid on a house in Soroti town."
    first = [c for c in typed_claims(pipeline, text, "UG") if c.sentence.text.startswith("Police")]
    assert first and all(c.place is not None and c.place.name == "Soroti" for c in first)
    assert {_method(c) for c in first} == {"place:report"}
    # a number word before people is not a place, whatever the gazetteer holds under it
    assert "Two" not in places_named(pipeline, "Two traders were shot dead near the market in Soroti town.", "UG")


def test_an_unknown_name_yields_to_the_known_place_that_holds_it(pipeline: Pipeline) -> None:
    # the district name is invented: the gazetteer cannot place it, so the town it lies in is the best point known
    [c] = typed_claims(pipeline, "A grenade exploded in the Zorvandi district of Jinja, wounding two traders.", "UG")
    assert [m.place.name for m in c.places if m.place] == ["Jinja"]


def test_the_ends_of_a_road_and_an_origin_do_not_place_the_event(pipeline: Pipeline) -> None:
    text = "Boda boda riders from Masaka blocked the Kampala-Jinja highway at Mukono, protesting over new fees."
    places = {c.place.name for c in typed_claims(pipeline, text, "UG") if c.place is not None}
    assert places == {"Mukono"}


def test_raiders_named_after_a_region_do_not_place_the_raid(pipeline: Pipeline, actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.text import load_lexicon

    assert {"raider", "militia", "herder"} <= load_lexicon().words["actor_heads"]  # "X raiders" names who, not where
    [c] = typed_claims(pipeline, "Arusha raiders attacked herders at Moshi, stealing cattle.", "TZ")
    assert c.place is not None and c.place.name == "Moshi"


# --- the report's country ---------------------------------------------------------------------------------------


def test_document_country_reads_a_code_or_a_name(pipeline: Pipeline) -> None:
    gp = pipeline.geoparser
    assert gp.document_country(report("x", "MW")) == "MW"
    assert gp.document_country(report("x", "Malawi")) == "MW"
    assert gp.document_country(report("x", "Ivory Coast")) == "CI"
    assert gp.document_country(report("x", "Atlantis")) is None  # not a country: no hint, no error
    assert gp.document_country(report("x")) is None


def test_the_given_country_picks_its_namesake(pipeline: Pipeline) -> None:
    text = "Youths rioted in Mwanza after a trader was shot."
    assert places_named(pipeline, text)["Mwanza"].country == "TZ"  # the larger namesake without a hint
    assert places_named(pipeline, text, "MW")["Mwanza"].country == "MW"


def test_a_place_abroad_needs_its_country_named(pipeline: Pipeline) -> None:
    assert places_named(pipeline, "Gunmen attacked a bus near Moshi.", "UG")["Moshi"] is None
    named = places_named(pipeline, "Gunmen attacked a bus near Moshi in Tanzania.", "UG")
    assert named["Moshi"] is not None and named["Moshi"].country == "TZ"


def test_the_eval_runs_each_note_with_its_row_country(pipeline: Pipeline) -> None:
    from frontwatch.evaluation import evaluate_acled
    from frontwatch.extract import ActorDictionary

    seen: list[Document] = []

    class Spy:
        def process(self, docs):  # type: ignore[no-untyped-def]
            docs = list(docs)
            seen.extend(docs)
            return pipeline.process(docs)

    row = {"notes": "Traders protested in Mwanza over new levies.", "event_date": "2015-03-04",
           "country": "Malawi", "event_type": "Protests", "sub_event_type": "Peaceful protest",
           "latitude": -15.6, "longitude": 34.5, "location": "Mwanza", "admin1": "Southern", "fatalities": 0}
    evaluate_acled([row], Spy(), ActorDictionary.load())
    assert [dict(d.metadata).get("country") for d in seen] == ["Malawi"]


# --- a province named bare, and where an event is coded ------------------------------------------------------------


def test_a_province_named_bare_is_its_seat_town(pipeline: Pipeline) -> None:
    assert places_named(pipeline, "Students rioted in Tabora on Monday.", "TZ")["Tabora"].feature_code == "PPLA"
    region = places_named(pipeline, "Students rioted in Tabora region on Monday.", "TZ")
    assert next(p for t, p in region.items() if t.startswith("Tabora")).feature_code == "ADM1"


def test_a_province_much_larger_than_its_seat_stays_the_province(pipeline: Pipeline) -> None:
    # the seat holds under a tenth of the province's people: the name is the province's
    assert places_named(pipeline, "Voters in Quebec went to the polls.")["Quebec"].feature_code == "ADM1"


def test_an_event_in_a_province_is_coded_at_its_seat(pipeline: Pipeline, gazetteer) -> None:  # type: ignore[no-untyped-def]
    [unit] = [c for c in gazetteer.candidates("Arusha") if c.feature_code == "ADM1"]
    place = gazetteer.to_place(unit)
    [coded] = pipeline.geoparser.event_places([PlaceMention(_span(), place, 1.0, "test")])
    seat = gazetteer.seat(place)
    assert seat is not None and seat.feature_code == "PPLA" and seat.name == "Arusha"
    assert (coded.place.lat, coded.place.lon) == (seat.lat, seat.lon) != (place.lat, place.lon)
    assert coded.place.feature_code == "ADM1" and coded.place.geo_precision == 3  # still the province, precision 3


def _span():  # type: ignore[no-untyped-def]
    from frontwatch.model import Span

    return Span(0, 6, "Arusha")


# --- cue words --------------------------------------------------------------------------------------------------


def test_county_names_a_first_order_unit_where_counties_are_provinces(pipeline: Pipeline) -> None:
    places = places_named(pipeline, "Gunmen attacked a police post in Nimba county.")
    p = next(p for t, p in places.items() if t.startswith("Nimba"))
    assert p is not None and p.country == "LR" and p.feature_code == "ADM1"


def test_a_compass_word_inside_a_longer_name_is_not_a_place(pipeline: Pipeline) -> None:
    places = places_named(pipeline, "Residents of Lira North district protested over land.", "UG")
    assert "North" not in places
    assert places["Lira"] is not None and places["Lira"].country == "UG"


def test_inhabitants_name_their_place(pipeline: Pipeline) -> None:
    places = places_named(pipeline, "Gulu residents protested over power cuts.", "UG")
    assert places["Gulu"] is not None and places["Gulu"].name == "Gulu"
    places = places_named(pipeline, "The residents of Arua marched to the district offices.", "UG")
    assert places["Arua"] is not None and places["Arua"].country == "UG"


def test_a_local_unit_word_cues_only_a_whole_name(pipeline: Pipeline) -> None:
    # "area" after the last word of a longer unknown name is no cue for that word alone
    places = places_named(pipeline, "Police raided the Kisanga Road area on Sunday.")
    assert "Road" not in places


# --- geo precision ----------------------------------------------------------------------------------------------


def test_precision_is_one_for_the_town_and_two_near_it(pipeline: Pipeline) -> None:
    [c] = typed_claims(pipeline, "Gunmen killed two herders in Moshi on Friday.", "TZ")
    assert c.place is not None and c.place.geo_precision == 1
    [c] = typed_claims(pipeline, "Gunmen killed two herders near Moshi on Friday.", "TZ")
    assert c.place is not None and c.place.name == "Moshi" and c.place.geo_precision == 2


def test_a_province_standing_for_a_smaller_place_is_precision_two(pipeline: Pipeline) -> None:
    # the village is invented: the event is part of the region, coded at its seat
    [c] = typed_claims(pipeline, "Raiders attacked Zorvandi village in Tabora region.", "TZ")
    assert c.place is not None and c.place.feature_code == "ADM1" and c.place.geo_precision == 2
    [c] = typed_claims(pipeline, "Raiders attacked villages in Tabora region.", "TZ")
    assert c.place is not None and c.place.feature_code == "ADM1" and c.place.geo_precision == 3


def test_a_json_line_carries_its_country() -> None:
    from frontwatch.ingest.readers import read_jsonl

    [doc] = list(read_jsonl('{"text": "Riots in the capital.", "country": "Malawi"}', "feed.jsonl", None))
    assert isinstance(doc, Document) and dict(doc.metadata)["country"] == "Malawi"
    [doc] = list(read_jsonl('{"text": "Riots in the capital."}', "feed.jsonl", None))
    assert isinstance(doc, Document) and "country" not in dict(doc.metadata)
