"""Detection mechanisms of issue 15's eleventh pass (`detect11`): a clause that names several places makes one event
per place, which fusion keeps apart however near the places lie (ACLED codes one event per named location), and
places counted one by one ("one in X and one in Y") take their own tolls; an
accident told as what someone was doing when harmed ("shot as he was helping the hurt after a crash") does not make
the violence an accident; a toll told of a period of fighting ("killed following two days of clashes") is the toll
of that fighting, not a period before the event.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.fuse import fuse
from frontwatch.model import NOT_AN_EVENT
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import report, typed_claims


def _events(pipeline: Pipeline, text: str) -> list:  # type: ignore[type-arg]
    doc = report(text, "KE")
    [(_, claims)] = list(pipeline.process([doc]))
    return list(fuse([c for c in claims or [] if c.sub_event_type], {doc.document_id: doc}).events)


def _types(pipeline: Pipeline, text: str) -> list[str]:
    return sorted(c.sub_event_type for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT)


# --- several places of one clause: one event each, kept apart by fusion (extract/claims.py, fuse/days.py) ----------


def test_near_places_of_one_list_stay_separate_events(pipeline: Pipeline) -> None:
    # two towns within ACLED's town scale of each other, named as one list: two events, not one merged by distance
    text = "Traders in Voi and Mwatate held demonstrations over market fees on Friday."
    events = _events(pipeline, text)
    assert sorted(e.place.name for e in events if e.place is not None) == ["Mwatate", "Voi"], events
    # a town and another report's sentence on the same town stay one event
    text = "Traders in Voi held demonstrations over market fees on Friday. The traders in Voi town sang songs."
    assert len(_events(pipeline, text)) == 1, text


def test_a_list_of_places_stays_whole_beside_another_place_of_the_sentence(pipeline: Pipeline) -> None:
    # the subject's "in X and Y" list, with another place named later: both listed towns, not only the nearest
    text = ("Hawkers in both Makutano and Kapenguria towns of West Pokot demonstrated over levies, blocking a "
            "highway outside Makutano.")
    assert sorted(e.place.name for e in _events(pipeline, text) if e.place is not None) == [
        "Kapenguria", "Makutano"], text
    # one rally named with where its people came from stays one event
    text = "A rally in Nairobi drew supporters from Nakuru and Eldoret on Sunday."
    assert len(_events(pipeline, text)) == 1, text


def test_counts_given_place_by_place_make_one_event_each_with_its_own_toll(pipeline: Pipeline) -> None:
    # two near towns, each with its own count: one event per town, each with its count, not the whole toll twice
    text = "Rival supporters clashed on Sunday and two people died, one in Kisii and one in Nyamira."
    events = _events(pipeline, text)
    assert sorted((e.place.name, e.fatalities) for e in events if e.place is not None) == [
        ("Kisii", 1), ("Nyamira", 1)], events
    # counts that do not add up to the toll told leave the toll as it was read
    text = "Rival supporters clashed on Sunday and four people died, one in Kisii and one in Nyamira."
    assert sorted(e.fatalities for e in _events(pipeline, text)) != [1, 1], text


# --- an accident that tells what someone was doing (extract/background.py) -----------------------------------------


def test_an_accident_in_what_the_victim_was_doing_is_no_accident_of_the_event(pipeline: Pipeline) -> None:
    text = "A paramedic was shot dead by police as he was helping passengers after a bus accident."
    assert _types(pipeline, text) == ["Attack"], text
    # the parser may hang the relative clause on the headline's verb: the same reading
    text = "Mob of hawkers stone county officer who was trying to remove stalls after an accident"
    assert _types(pipeline, text) == ["Mob violence"], text
    # a crash that did the harm is still an accident
    text = "Two passengers died in a bus accident as police were escorting the convoy near Nakuru."
    assert _types(pipeline, text) == [], text


# --- a toll told of a period of fighting (extract/background.py) ---------------------------------------------------


def test_a_toll_told_of_days_of_fighting_is_that_fightings(pipeline: Pipeline) -> None:
    text = "At least eight herders are killed following three days of clan fighting near Garissa."
    assert _types(pipeline, text) == ["Armed clash"], text
    # but the period before something else stays a period before
    text = "The curfew was lifted in Garissa after three days of clan fighting."
    assert _types(pipeline, text) == [], text


# --- an allegation of state forces' abuse (extract/background.py) --------------------------------------------------


def test_an_allegation_against_state_forces_tells_the_event(pipeline: Pipeline) -> None:
    text = "Traders accuse police of assaulting hawkers in Nakuru market."
    assert _types(pipeline, text) == ["Attack"], text
    # a charge brought against a person stays no event of the report
    text = "Prosecutors accused the man of assaulting hawkers in Nakuru market."
    assert _types(pipeline, text) == [], text
