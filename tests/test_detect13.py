"""Detection mechanisms of issue 15's thirteenth pass (`detect13`): a battle told as the response to others' attack
("Responding to the alarm, police fought them") is an incident of its own, not the lead that retypes the attack; a
modal that doubts the tie of an event to a cause ("… in a raid that could be linked to a feud") does not make the
event hypothetical; the date of a plan an event is about ("pushing for talks to be held in January") is not the
event's date, so does not make it background; state forces killing suspects, told as a participle the parser hangs on
the crime they stopped ("police disrupted a burglary killing two"), is their violence, not ordinary crime; a verbless
headline whose protest word modifies the plan it opposes ("union protest plans to privatise …") is a protest, not a
plot; a capitalised plural the tagger read as a name ("Killings reported …") is its event word; a two-digit year
of a day just after the report's ("05/03/15" in a report of 4 March 2015) is of the report's century, not a
century before.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from frontwatch.model import NOT_AN_EVENT
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import typed_claims


def _types(pipeline: Pipeline, text: str) -> set[str]:
    return {c.sub_event_type for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT}




# --- a battle told as the response to an attack (extract/incidents.py) ---------------------------------------------


def _claims(pipeline: Pipeline, text: str) -> list:  # type: ignore[type-arg]
    return [c for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT]


def test_a_battle_told_as_the_response_keeps_the_attack_apart(pipeline: Pipeline) -> None:
    text = ("Armed raiders stormed a village near Lokichogio on Sunday, killing two women. Responding to the alarm, "
            "police exchanged fire with the raiders near Lokichogio.")
    claims = _claims(pipeline, text)
    assert {c.sub_event_type for c in claims} == {"Attack", "Armed clash"}, claims
    # the response's battle has no toll of its own: the two dead are the attack's, not counted twice
    assert sorted((c.sub_event_type, c.fatalities_acled) for c in claims) == [("Armed clash", 0), ("Attack", 2)]


def test_a_battle_told_without_a_response_still_leads_the_incident(pipeline: Pipeline) -> None:
    # ACLED's precedence stays: state forces' battle at the attack's place and day is the incident's type
    text = ("Armed raiders stormed a village near Lokichogio on Sunday, killing two women. Police exchanged fire "
            "with the raiders near Lokichogio.")
    assert {c.sub_event_type for c in _claims(pipeline, text)} == {"Armed clash"}, text


# --- a hedge on an event's tie to a cause (extract/hedges.py, background.py) --------------------------------------


def test_a_doubted_link_to_a_cause_leaves_the_event(pipeline: Pipeline) -> None:
    text = "Night attack on herders near Garissa could be linked to a grazing feud."
    assert _types(pipeline, text) == {"Attack"}, text
    text = "The ambush of a bus near Garissa could be related to a clan feud, police said."
    assert _types(pipeline, text), text


def test_a_modal_on_the_event_itself_stays_hypothetical(pipeline: Pipeline) -> None:
    text = "Gunmen could raid villages near Garissa in a feud over grazing land, elders warned."
    assert not _types(pipeline, text), text


# --- the date of a plan the event is about (extract/hedges.py, background.py) -------------------------------------


def test_the_date_of_a_plan_an_event_is_about_is_not_its_date(pipeline: Pipeline) -> None:
    text = "Nurses demonstrated in Nakuru, pushing for pay talks to be held in January."
    assert _types(pipeline, text), text


def test_an_event_dated_long_before_the_report_stays_background(pipeline: Pipeline) -> None:
    text = "Nurses demonstrated in Nakuru in January, pushing for pay talks."
    assert not _types(pipeline, text), text


# --- state forces' killing told as a participle hung on the crime they stopped (extract/crime.py) ----------------


def test_forces_killing_suspects_while_stopping_a_crime_is_their_violence(pipeline: Pipeline) -> None:
    # the parser hangs "killing …" on the object ("a burglary"): its doer is still the police who disrupted it
    text = "Police disrupted a burglary killing two suspected thugs."
    assert _types(pipeline, text), text


def test_a_crime_told_with_a_killing_participle_stays_crime(pipeline: Pipeline) -> None:
    text = "Thieves carried out a robbery killing a shopkeeper."
    assert not _types(pipeline, text), text


# --- a verbless headline that protests a plan (extract/hedges.py, background.py) ---------------------------------


def test_a_headline_protesting_a_plan_is_a_protest(pipeline: Pipeline) -> None:
    # no finite verb: "protest" is the headline's verb, the plan (with its own infinitive) what is opposed
    text = "Dock workers union protest plans to privatise the port."
    assert _types(pipeline, text), text


def test_plans_for_a_protest_stay_a_plan(pipeline: Pipeline) -> None:
    for text in ("Teachers union protest plans for Monday.", "The union's protest plans were announced on Monday."):
        assert not _types(pipeline, text), text


# --- an event word's plural the tagger read as a name (extract/name_words.py, triggers.py) ------------------------


def test_a_capitalised_plural_read_as_a_name_is_its_event_word(pipeline: Pipeline) -> None:
    # "Killings" opening a terse note is tagged a proper noun whose lemma is its own form: the lexicon's "killing"
    text = "Killings reported near Garissa on Monday."
    claims = typed_claims(pipeline, text, "KE")
    assert [c.trigger.text for c in claims if c.trigger is not None] == ["Killings"], claims
    from frontwatch.extract.triggers import find_triggers

    doc = pipeline.nlp(text)
    assert [h.token.text for h in find_triggers(pipeline.extractor.lexicon, next(iter(doc.sents)))] == ["Killings"]


def test_a_name_that_only_ends_like_a_plural_is_no_event_word(pipeline: Pipeline) -> None:
    from frontwatch.extract.triggers import find_triggers

    for text in ("Princess visited Garissa on Monday.", "Dennis reported near Garissa on Monday."):
        doc = pipeline.nlp(text)
        assert not find_triggers(pipeline.extractor.lexicon, next(iter(doc.sents))), text


# --- a two-digit year is of the report's century (extract/time.py) ----------------------------------------------


def test_a_two_digit_year_of_a_day_after_the_report_stays_in_its_century(pipeline: Pipeline) -> None:
    from datetime import date

    from frontwatch.extract.time import _numeric

    assert _numeric("05/03/15", date(2015, 3, 4)) == date(2015, 3, 5)
    assert _numeric("05/03/97", date(2015, 3, 4)) == date(1997, 3, 5)  # a year of the last century stays there
    # the event is not dated a century before the report, so not made background
    text = "Gunmen killed four traders near Garissa (the mortuary count of 05/03/15 gave three)."
    assert _types(pipeline, text) == {"Attack"}, text
