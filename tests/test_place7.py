"""Place mechanisms of issue 15's seventh pass (`place7`): a notable town of the report's country that the model reads
as a person is still a place after a preposition of a way or a position ("fired on X", "a bus bound for X"), and so
is a small populated place of that country after one ("a visit to X"); a name carrying its own local unit word
before a comma ("X Village, Y") lies in Y, so a namesake of X elsewhere gives way to Y, as does one whose unit word a
short aside follows ("X estate (a slum), Y").

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.geocode import Geoparser
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import report, typed_claims


def _places(pipeline: Pipeline, text: str) -> set[str | None]:
    cs = typed_claims(pipeline, text, "KE")
    assert cs, text
    return {c.place.name if c.place is not None else None for c in cs}


def test_a_notable_town_read_as_a_person_after_a_preposition_is_a_place(pipeline: Pipeline, geoparser: Geoparser
                                                                       ) -> None:
    # the model tags the lone town name as a person here; "on X" is where the shots went
    text = "Bandits opened fire on Kitui late on Sunday, wounding a herder."
    assert _places(pipeline, text) == {"Kitui"}, text
    # a name the gazetteer does not hold as a place of the country is no place, whatever preposition precedes it
    text = "The petition was handed to Otieno on Monday by the striking nurses."
    assert all(m.span.text != "Otieno" for m in geoparser.places(report(text, "KE"))), text


def test_a_village_named_with_its_unit_word_lies_in_the_town_after_the_comma(pipeline: Pipeline) -> None:
    # "X Village, Y": the gazetteer's X lies far from Y, a namesake; the village is in Y, the best point known
    text = "Herders clashed over a water point in Bondo Village, Wajir on Sunday."
    assert _places(pipeline, text) == {"Wajir"}, text


def test_a_small_town_of_the_country_at_a_ways_end_is_a_place(pipeline: Pipeline) -> None:
    # "a visit to X": a populated place of the report's country too small to be notable, the model's entity or not
    text = "Youths stoned the convoy of the governor during a visit to Kianyaga on Saturday."
    assert _places(pipeline, text) == {"Kianyaga"}, text


def test_a_short_aside_after_the_unit_word_keeps_the_containment(pipeline: Pipeline) -> None:
    # "X estate (an aside), Y": the parenthesis does not break "X estate, Y"; X's namesake far from Y gives way to Y
    text = "A thief was lynched by a mob in Bondo estate (a slum), Isiolo on Sunday."
    assert _places(pipeline, text) == {"Isiolo"}, text
