"""Place attachment and recognition mechanisms of issue 15's third pass (`place3`): names the model reads as people
though they head a town's facility, ...

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import places_named, typed_claims


def test_a_name_heading_a_local_facility_is_the_town(pipeline: Pipeline) -> None:
    # spaCy reads these lone names as people; a police station, a farm, a camp or a market is named after a town
    for text, town in [("Arsonists burn Garissa police station at night.", "Garissa"),
                       ("Rioters raided Yala rice farm and whipped the workers.", "Yala"),
                       ("Bandits attacked Kakuma refugee camp, demanding money.", "Kakuma"),
                       ("Traders in Gatundu Market protested, accusing the county government.", "Gatundu")]:
        place = places_named(pipeline, text, "KE").get(town)
        assert place is not None and place.country == "KE", text
        cs = typed_claims(pipeline, text, "KE")
        assert cs and all(c.place is not None and c.place.name == town for c in cs), text


def test_a_person_s_name_before_a_common_noun_stays_a_person(pipeline: Pipeline) -> None:
    # a first and last name is a person even when the surname is a facility word
    assert places_named(pipeline, "Mary Market was attacked by robbers at her home.", "KE") == {}
