"""Event detection and typing (issue 15, `fusion` area), on invented sentences: the harm words terse reports use,
crowds that throw stones or block roads, protests told through the act done, and non-event words that only
describe (a suspect's crime, a time, a name) instead of saying what happened."""

from __future__ import annotations

import pytest

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf


def _subs(claims_of: ClaimsOf, text: str) -> list[str | None]:
    return [c.sub_event_type for c in claims_of(text) if c.event_type != NOT_AN_EVENT]


@pytest.mark.parametrize(("text", "sub"), [
    # blade, club and fire: the harm is named, not a shooting
    ("Two farmers were hacked to death by unknown men at their homestead.", "Attack"),
    ("A trader was stabbed outside his shop by a gang.", "Attack"),
    ("The councillor was beaten up by rival supporters after the meeting.", "Attack"),
    ("A village elder was assassinated outside his house.", "Attack"),
    ("Gunmen gunned down a chief near the market.", "Attack"),
    ("Raiders burned an old woman to death in her hut.", "Attack"),
])
def test_harm_words_make_an_attack(claims_of: ClaimsOf, text: str, sub: str) -> None:
    assert sub in _subs(claims_of, text)


def test_livestock_taken_by_force_is_an_event(claims_of: ClaimsOf) -> None:
    # an attack or a clash by who was hit (the actors decide); stealing goods is no event
    claims = [c for c in claims_of("Armed raiders stole 200 goats from herders at the watering point.")
              if c.event_type != NOT_AN_EVENT]
    assert claims and claims[0].event_type in {"Violence against civilians", "Battles"}
    assert _subs(claims_of, "A clerk stole money from the county office.") == []


@pytest.mark.parametrize("text", [
    "Hackers hacked into the ministry's website on Monday.",
    "The home side beat the visitors in the final.",
])
def test_the_same_words_outside_violence_are_no_event(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text) == []


@pytest.mark.parametrize(("text", "type_"), [
    ("Youths threw stones at passing vehicles on the main road.", "Riots"),
    ("Students pelted the police with rocks outside the college.", "Riots"),
    ("Angry residents vandalised the offices of the water company.", None),  # property destruction or a riot
])
def test_stones_and_smashing_are_events(claims_of: ClaimsOf, text: str, type_: str | None) -> None:
    claims = [c for c in claims_of(text) if c.event_type != NOT_AN_EVENT]
    assert claims
    if type_ is not None:
        assert claims[0].event_type == type_


@pytest.mark.parametrize("text", [
    "Boda boda riders blocked the highway for two hours to protest the arrest of a colleague.",
    "Hundreds of workers took to the streets to protest against unpaid salaries.",
    "Nurses downed their tools over delayed promotions.",
])
def test_a_protest_told_through_the_act_done(claims_of: ClaimsOf, text: str) -> None:
    claims = [c for c in claims_of(text) if c.event_type != NOT_AN_EVENT]
    assert claims and claims[0].event_type in {"Protests", "Riots"}


def test_an_intended_protest_is_still_no_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "The union threatened to protest if the wages are not paid.") == []
    assert _subs(claims_of, "Traders will gather on Monday to protest the new levy.") == []


@pytest.mark.parametrize(("text", "type_"), [
    # a suspect's crime describes the victim: the lynching is the event
    ("A mob lynched a burglary suspect in the village.", "Riots"),
    ("Villagers killed a man suspected of robbery.", None),
    # a time setting, not a vote
    ("Post-election riots continued in the slums.", "Riots"),
    # violence named by its setting
    ("Four people were killed in election violence in the county.", "Violence against civilians"),
    # what a protest is against
    ("Clerics protested corruption at the land registry.", "Protests"),
])
def test_non_event_words_that_only_describe(claims_of: ClaimsOf, text: str, type_: str | None) -> None:
    claims = [c for c in claims_of(text) if c.event_type != NOT_AN_EVENT]
    assert claims
    if type_ is not None:
        assert claims[0].event_type == type_


@pytest.mark.parametrize("text", [
    "Two people died in a road accident on the highway.",
    "Police arrested a robbery suspect in the town.",  # no violence at all: still no conflict event
])
def test_accidents_and_crime_stay_no_event(claims_of: ClaimsOf, text: str) -> None:
    assert all(s in {None, "Arrests"} for s in _subs(claims_of, text))


def test_a_killing_with_a_side_named_needs_a_sure_classifier_to_be_no_event(claims_of: ClaimsOf, case_trained,
                                                                               actor_dictionary) -> None:
    """A classifier files some killings under crime; over a killing whose victim or doer is named it must be as sure
    as over a strong trigger (MODEL_NOT_EVENT_STRONG) to drop it. The snippets-only classifier puts this sentence
    between the two thresholds (`make setup`'s, whose gate now gives way to a main head sure of an event, says
    Attack outright)."""
    from frontwatch.extract import Extractor
    from frontwatch.extract.event_typing import MODEL_NOT_EVENT, MODEL_NOT_EVENT_STRONG

    classifier = case_trained
    text = "A trader was stabbed to death by unknown people."
    label, prob = classifier.predict([text])[0]
    if label != NOT_AN_EVENT or not MODEL_NOT_EVENT <= prob < MODEL_NOT_EVENT_STRONG:
        pytest.skip(f"this classifier says {label} @ {prob:.2f}: the case between the two thresholds is gone")
    claims = claims_of(text, ex=Extractor(actor_dictionary, classifier))
    assert [c.sub_event_type for c in claims if c.event_type != NOT_AN_EVENT] == ["Attack"]


def test_the_classifier_cannot_make_an_attack_on_civilians_of_an_attack_on_police(claims_of: ClaimsOf, case_trained,
                                                                                  actor_dictionary) -> None:
    """ACLED: violence against civilians harms unarmed people; gunmen killing police officers is an armed clash,
    whatever the n-grams (which read "gunmen kill" as an attack) say."""
    from frontwatch.extract import Extractor

    text = "Gunmen kill three police officers near the border."
    if case_trained.predict([text])[0][0] != "Attack":
        pytest.skip("this classifier no longer reads the sentence as an attack on civilians")
    claims = claims_of(text, ex=Extractor(actor_dictionary, case_trained))
    assert [(c.event_type, c.sub_event_type) for c in claims] == [("Battles", "Armed clash")]
    civilians = claims_of("Gunmen killed three villagers near the border.",
                          ex=Extractor(actor_dictionary, case_trained))
    assert [c.sub_event_type for c in civilians] == ["Attack"]
