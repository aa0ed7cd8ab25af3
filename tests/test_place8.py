"""Place mechanisms of issue 15's eighth pass (`place8`): a subject whose own phrase names several places ("hawkers in
X and Y held demonstrations") makes one event per place, as a clause naming them does, where the clause itself names
none; the toll told once is not split between them. An origin ("youths from X and Y") stays no place of the event.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import claim_place_names as _places
from tests.fixtures.gazetteer import typed_claims


def test_the_places_of_a_subjects_own_phrase_make_one_event_each(pipeline: Pipeline) -> None:
    # the trigger is a noun ("held demonstrations"): the clause names no place, the subject's phrase names two
    text = "Hawkers in Kisumu and Nakuru held demonstrations against new county levies on Tuesday."
    assert _places(pipeline, text) == ["Kisumu", "Nakuru"], text
    # the subject of the verb the protest's infinitive hangs from
    text = "Journalists in Eldoret and Kisumu gathered to protest the arrest of a colleague."
    assert _places(pipeline, text) == ["Eldoret", "Kisumu"], text
    # but an origin list on the subject ("from X and Y") says where they came from; the event's own "in Z" decides
    text = "Hawkers from Kisumu and Nakuru held a demonstration in Eldoret on Tuesday."
    assert _places(pipeline, text) == ["Eldoret"], text
    # and with no place of its own, an origin list still makes no event per place
    text = "Youths from Kisumu and Nakuru held a demonstration on Tuesday."
    assert len(_places(pipeline, text)) == 1, text


def test_a_toll_told_once_is_not_split_between_the_subjects_places(pipeline: Pipeline) -> None:
    text = "Hawkers in Kisumu and Nakuru held riots on Monday, and police said four people died."
    riots = [c for c in typed_claims(pipeline, text, "KE") if c.sub_event_type == "Violent demonstration"]
    assert sorted(c.place.name for c in riots if c.place is not None) == ["Kisumu", "Nakuru"], text
    assert all(c.fatalities_acled == 4 for c in riots), [(c.place, c.fatalities_acled) for c in riots]


def test_residents_of_several_places_protest_in_each(pipeline: Pipeline) -> None:
    # "residents of X, Y and Z": the people of each place, as "X residents" are; one event per place
    text = "Residents of Voi, Mwatate and Wundanyi staged demonstrations against a land survey on Wednesday."
    assert _places(pipeline, text) == ["Mwatate", "Voi", "Wundanyi"], text
    # but "a resident of X" is one person's home: no event per place of a list beside it
    text = "A resident of Voi and her son staged a protest outside the court in Wundanyi on Monday."
    assert _places(pipeline, text) == ["Wundanyi"], text
