"""A march's place is where it went, not where it set out: "from X marched to Y" is held at Y; a flight's or a
journey's end is no protest's place, and an origin stays an origin.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import typed_claims


def _places(pipeline: Pipeline, text: str) -> list[str]:
    return [c.place.name for c in typed_claims(pipeline, text, "KE") if c.place is not None]


def test_a_march_is_placed_where_it_went_not_where_its_marchers_came_from(pipeline: Pipeline) -> None:
    assert _places(pipeline, "Youths from Kisumu marched to Kakamega to protest the killing of a trader.") == [
        "Kakamega"]
    # the guard: a journey with no protest on its line keeps its ends a route, as before
    assert _places(pipeline, "Bandits who travelled from Isiolo to Marsabit killed two herders.") != ["Marsabit"]
    # nor does a road's end the march went to
    assert _places(pipeline, "Angry pupils marched in a calm column to the Thika-Garissa highway in protest at "
                             "poor meals.") == ["Thika"]
    # and an origin of returning people is not where their protest was
    assert _places(pipeline, "Boda boda riders returning from Embu blocked the road in Meru to protest the death "
                             "of a colleague.") == ["Meru"]


def test_a_march_from_one_town_to_another_is_held_at_its_end(pipeline: Pipeline) -> None:
    assert _places(pipeline, "Hundreds of residents marched from Eldoret to Kitale on Monday to protest against "
                             "insecurity.") == ["Kitale"]


def test_a_walk_noun_with_a_protest_beside_it_takes_its_destination(pipeline: Pipeline) -> None:
    assert _places(pipeline, "Church members held a long walk from Malindi to Kwale to protest rising "
                             "insecurity.") == ["Kwale"]
