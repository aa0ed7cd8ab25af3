"""Place mechanisms of issue 15's sixth pass (`place6`): a county named after its seat town is coded at that town with
ACLED's precision 1 ("X county", seat X), where a county with a seat of another name keeps precision 2; and every
conjunct of an origin ("from X and Y") is an origin, not the event's place.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import typed_claims


def _precisions(pipeline: Pipeline, text: str) -> dict[str | None, int | None]:
    cs = typed_claims(pipeline, text, "KE")
    assert cs, text
    return {c.place.name if c.place is not None else None: c.place.geo_precision if c.place is not None else None
            for c in cs}


def test_a_county_named_after_its_seat_town_is_coded_at_the_town(pipeline: Pipeline) -> None:
    # "X county" whose seat is the town X: ACLED codes the town, precision 1 (same point, the seat's)
    for text, unit in [("Gunmen shot dead two traders at a livestock market in Wajir county on Friday.", "Wajir"),
                       ("Police dispersed hawkers protesting new levies in Kakamega County on Monday.", "Kakamega")]:
        assert _precisions(pipeline, text) == {unit: 1}, text
    # a county whose seat is another town stands for a place somewhere in it: precision 2
    text = "Gunmen shot dead two traders at a livestock market in Samburu county on Friday."
    assert _precisions(pipeline, text) == {"Samburu": 2}, text
    # "near X": the town's surroundings, precision 2 whatever the unit's seat is called
    text = "Gunmen shot dead two traders near Wajir town on Friday."
    assert _precisions(pipeline, text) == {"Wajir": 2}, text


def test_every_conjunct_of_an_origin_is_an_origin(pipeline: Pipeline) -> None:
    # "youths from X and Y marched through Z": Y hangs from X in the parse, where they came from too; Z is the place
    text = "Youths from Kisumu and Siaya marched through Homa Bay town to protest power cuts."
    cs = typed_claims(pipeline, text, "KE")
    assert cs and {c.place.name if c.place is not None else None for c in cs} == {"Homa Bay"}, text
    # a list of countries the backers came from stays for the country rule: no event at the dateline's town
    text = ("KAMPALA — Rebels pulled back from the hills east of the lake on Monday.\n\nThe rebel enclave shrank fast, "
            "ceding more ground to the army, backed by fighters from Uganda, Rwanda and Burundi.")
    assert all(c.place is None or c.place.name != "Kampala" for c in typed_claims(pipeline, text)), text
