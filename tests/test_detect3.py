"""Notes that yield no event at all (issue 15, `detect3` area), on invented sentences: an occasion named only as when
or why violence happened is no reason to call it none, and how sure the trained classifier must be to drop a killing
or an attack that says whom it harmed."""

from __future__ import annotations

import pytest
from spacy.language import Language

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf, assert_kept_unless_very_sure


def _subs(claims_of: ClaimsOf, text: str, **kw: object) -> list[str | None]:
    return [c.sub_event_type for c in claims_of(text, **kw) if c.event_type != NOT_AN_EVENT]


# --- an occasion is not the event's own kind (triggers.is_nonevent) ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Supporters of two candidates beat up three youths during a by-election in the county.",
    "Two people were killed in a clash thought to be linked to the coming elections.",
    "Herders attacked a trader over the price of cattle at the market.",
])
def test_an_occasion_named_as_when_or_why_violence_happened_does_not_make_it_no_event(claims_of: ClaimsOf,
                                                                                      text: str) -> None:
    assert _subs(claims_of, text)


def test_a_grievance_named_in_an_in_protest_phrase_does_not_make_a_blockade_no_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Lorry drivers blocked the highway in protest of higher fuel prices.")


@pytest.mark.parametrize("text", [
    "A man was killed in a road accident after the election.",  # the accident is the harm's cause, wherever told
    "The candidate won a bitter electoral battle for the seat.",  # the election is the battle itself
    "Two players were injured when fans clashed after the football match.",  # a sports page's clash
])
def test_a_cause_of_harm_or_an_occasion_that_is_the_event_itself_stays_no_event(claims_of: ClaimsOf,
                                                                                 text: str) -> None:
    assert _subs(claims_of, text) == []


# --- whom a killing or an attack harmed (event_typing._people_harmed) ----------------------------------------------


def _trigger(nlp: Language, text: str, lemma: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp(text) if t.lemma_.lower() == lemma)


@pytest.mark.parametrize(("text", "lemma", "attack", "harmed"), [
    ("Four suspects killed in the estate.", "kill", False, True),  # a headline's subject is the one harmed
    ("The guard was injured in the night.", "injure", False, True),
    ("The villagers killed in the raid were buried on Monday.", "kill", False, True),
    ("Raiders attacked three homesteads before dawn.", "attack", True, True),
    ("The attack on the convoy began at noon.", "attack", True, True),
    ("Gunmen attacked at dawn.", "attack", True, False),  # an attacker, nobody struck named
    ("The rumours killed the deal.", "kill", False, True),  # a noun object: the classifier still decides
])
def test_people_harmed_reads_the_object_passive_subject_or_on_phrase(nlp: Language, text: str, lemma: str,
                                                                     attack: bool, harmed: bool) -> None:
    from frontwatch.extract.event_typing import _people_harmed

    assert _people_harmed(_trigger(nlp, text, lemma), attack=attack) is harmed


def test_a_killing_that_names_its_victims_needs_a_very_sure_classifier_to_be_no_event(
        claims_of: ClaimsOf, case_trained, actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    """A killing or a wounding with its victims counted or named, though neither side is an actor the dictionary
    knows, is dropped by the classifier's "no event" only as surely as a fight told with its toll."""
    from frontwatch.extract import Extractor
    from frontwatch.extract.event_typing import MODEL_NOT_EVENT, MODEL_NOT_EVENT_ARMED

    checked = 0
    for text in ["Two suspected carjackers killed at the estate.", "Three herders shot dead near the river.",
                 "One watchman injured as a gang broke into the store.", "A trader was killed at his shop."]:
        label, prob = case_trained.predict([text])[0]
        if label != NOT_AN_EVENT or not MODEL_NOT_EVENT <= prob < MODEL_NOT_EVENT_ARMED:
            continue
        checked += 1
        assert _subs(claims_of, text, ex=Extractor(actor_dictionary, case_trained)), (text, prob)
    if not checked:
        pytest.skip("this classifier sends none of the sentences between the two thresholds")


def test_a_death_toll_without_a_killing_word_stays_with_the_classifier(claims_of: ClaimsOf, trained,
                                                                       actor_dictionary) -> None:
    """No killing word, no victims read: a disease's toll is left to the ordinary threshold."""
    from frontwatch.extract import Extractor

    text = "The district has been hard hit by the outbreak, with 2,100 cases reported and 57 people dead."
    assert _subs(claims_of, text, ex=Extractor(actor_dictionary, trained)) == []


# --- words of terse notes (text/triggers.yaml) ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Youths beat two journalists at the market.",  # beating people
    "Raiders attacked a hamlet and drove away the cattle after a fierce fight with herders.",  # cattle are no ground
    "Four people died following an inter-clan conflict over water.",
    "Fresh violence in the valley left three people dead.",
    "Violence among rival party supporters caused two deaths.",
])
def test_terse_notes_words_of_harm_are_events(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text)


@pytest.mark.parametrize("text", [
    "The home side beat the visitors 2-0 on Sunday.",
    "Two elderly patients died in the hospital after a long illness.",
    "The minister condemned violence against women and called for the death penalty for rapists.",
])
def test_their_namesakes_outside_conflict_are_not(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text) == []


def test_driving_out_fighters_still_takes_ground(claims_of: ClaimsOf) -> None:
    assert "Government regains territory" in _subs(claims_of, "The army drove the rebels out of the town.")


# --- a headline's verb of fighting before state forces (background._fights_forces) ---------------------------------


@pytest.mark.parametrize("text", [
    "Gunmen of a secessionist movement attack police officers; both sides suffer casualties",
    "Suspected members of the group attack policeman and kill him in a forest.",
])
def test_a_headline_attack_on_police_is_no_kind_of_police(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text)


@pytest.mark.parametrize("text", [
    "The new attack helicopter was shown at the fair.",  # a kind of helicopter: no force named
    "A Kenyan attack police unit was formed last year.",  # a nationality before: a kind of police
])
def test_a_kind_named_by_a_fighting_word_stays_a_kind(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text) == []


def test_an_attack_told_with_its_wounded_needs_a_very_sure_classifier_to_be_no_event(
        claims_of: ClaimsOf, case_trained, actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    """An attack or a fight whose sentence tells people wounded ("leaving five injured") is dropped by the
    classifier's "no event" only as surely as one told with its dead."""
    assert_kept_unless_very_sure(claims_of, case_trained, actor_dictionary, [
        "A gang raided a farm at night and injured four workers.", "Robbers raided a shop and injured the owner.",
        "Five people were seriously injured during a raid on the village.",
        "An attack by unknown men left a shopkeeper badly hurt."])


@pytest.mark.parametrize(("text", "told"), [
    ("Rival supporters attacked party agents, leaving five injured.", True),
    ("Two groups clashed at the bus park and several people were wounded.", True),
    ("Two groups clashed at the bus park.", False),
    ("Traders protested over injuries caused by the new rules.", False),  # a grievance, not a toll
])
def test_wounded_told_beside_an_attack_or_a_fight(nlp: Language, text: str, told: bool) -> None:
    from frontwatch.extract.event_typing import Typer
    from frontwatch.text.lexicon import load_lexicon

    sent = next(iter(nlp(text).sents))
    assert Typer(load_lexicon())._deaths([sent], hurt=True) is told
    assert Typer(load_lexicon())._deaths([sent]) is False  # nobody killed in any of them


# --- a terse note's verb the tagger read as a noun (triggers._verbless_headline_verb) -------------------------------


@pytest.mark.parametrize("text", [
    "Unknown attackers from the north shoot a soldier",
    "Villagers stone alleged burglar to death",
])
def test_a_verbless_parse_of_a_terse_note_still_finds_its_verb(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text)


@pytest.mark.parametrize("text", [
    "The shoot ended early because of rain",  # a verb's noun with a verb at the root
    "A stone wall collapsed on the road",
    "Photo shoot",  # no object after it
])
def test_nouns_spelt_like_those_verbs_stay_nouns(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text) == []


# --- an accident a crowd protests is its grievance (background._protested, triggers.is_nonevent) --------------------


@pytest.mark.parametrize("text", [
    "Women of the village blocked the road to protest frequent traffic accidents.",
    "Students rioted after a road accident injured their classmate.",
])
def test_an_accident_a_crowd_protests_is_its_grievance(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text)


def test_an_accidents_own_toll_stays_no_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Three people were killed in a road accident on the highway.") == []
    # the riot is an event; the injury the accident caused is not
    assert _subs(claims_of, "Students rioted after a road accident injured their classmate.") == [
        "Violent demonstration"]


# --- more words of terse notes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Police fired shots at an armed gang that tried to stop a truck.",
    "Soldiers chased the fighters across the border after heavy gunfire.",
    "Rowdy youths disrupted a meeting called by the senator.",
    "Continued ethnic violence in the valley.",
    "Clan violence flared again near the border.",
])
def test_more_words_of_terse_notes_are_events(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text)


@pytest.mark.parametrize("text", [
    "Heavy rain disrupted the meeting.",  # no crowd disrupted it
    "Domestic violence cases rose last year.",  # violence that names no sides
    "The report warns that sectarian violence could return if talks fail.",  # a hypothetical
])
def test_their_neighbours_outside_conflict_are_not(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text) == []


@pytest.mark.parametrize(("text", "clash"), [
    ("Traders in the market heard gunfire through the night, a resident told a local radio station.", False),
    ("Residents said the sound of gunfire kept them awake.", False),
    ("Soldiers chased the fighters across the border after heavy gunfire.", True),  # the gunfire is told as fighting
])
def test_gunfire_heard_is_evidence_not_an_incident(claims_of: ClaimsOf, text: str, clash: bool) -> None:
    # what a witness heard backs the incident told elsewhere; told as an event of its own it made a second battle
    assert ("Armed clash" in _subs(claims_of, text)) is clash
