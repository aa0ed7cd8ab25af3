"""Place mechanisms of issue 15's eleventh pass (`place11`): where a clause names only the doers' home ("raiders from
X attacked herders ... near Y"), the sentence's own place is the event's; of two places joined by a hyphen ("the X-Y
border") neither locates the other, and the one named first is the event's, as of a road's ends; a short all-capital
alternate name of GeoNames (an airport's code) is no name of the place, so an ordinary word spelling it ("Gas", "Oil")
is no toponym.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer. The gazetteer test
needs an index built by this branch's code (`make` rebuilds `var/gazetteer.sqlite` when the build code changes)."""

from __future__ import annotations

from frontwatch.geocode.build_units import _keep_alt
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import claim_place_names as _places
from tests.fixtures.gazetteer import places_named


def test_the_doers_home_gives_way_to_the_sentences_place(pipeline: Pipeline) -> None:
    # the first verb's clause names only where the rustlers came from; the sentence says where they fought
    text = "Cattle rustlers from Marsabit attacked herders and fought police near Wajir town on Monday."
    assert _places(pipeline, text) == ["Wajir"], text
    text = "Armed men from Mandera stormed a shop and later traded fire with officers outside Garissa."
    assert _places(pipeline, text) == ["Garissa"], text
    # with no other place in the sentence, the doers' home stays the best place known
    text = "A gang of men from Kericho torched several huts overnight."
    assert _places(pipeline, text) == ["Kericho"], text


def test_the_sides_of_a_border_are_peers(pipeline: Pipeline) -> None:
    # the parser hangs the first name from the second; neither is the other's context: the first named, as for roads
    text = "A herder was shot dead near the Wajir-Garissa border on Friday."
    assert _places(pipeline, text) == ["Wajir"], text
    text = "Two men died in a clash along the Kisumu-Nandi border."
    assert _places(pipeline, text) == ["Kisumu"], text


def test_an_airport_code_is_no_name_of_its_town() -> None:
    # GeoNames lists airport codes among a town's alternate names; ordinary words spell many of them
    assert not _keep_alt("GAS", "Garissa")
    assert not _keep_alt("OYL", "Moyale")
    # the initials of the name are a name people write, and so is any spelled-out alternate
    assert _keep_alt("NYC", "New York City")
    assert _keep_alt("Gaarisa", "Garissa")


def test_an_ordinary_word_spelling_a_code_is_no_place(pipeline: Pipeline) -> None:
    text = "Pirates seized a tanker loaded with Liquefied Petroleum Gas some 80 nautical miles off Mombasa, Kenya."
    named = places_named(pipeline, text, "KE")
    assert "Gas" not in named or named["Gas"] is None, named
    assert named.get("Mombasa") is not None and named["Mombasa"].admin1 == "Mombasa", named
