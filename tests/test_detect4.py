"""Notes that yield no event (issue 15, `detect4` area), on invented sentences: harm told in words the trigger
lexicon lacked, trigger words the tagger hid inside a name or read as a kind of police, and "on" in the lexicon's
needs (YAML 1.1 reads a bare `on` as true)."""

from __future__ import annotations

import pytest

from frontwatch.extract.triggers import load_lexicon
from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf


def _subs(claims_of: ClaimsOf, text: str, **kw: object) -> list[str | None]:
    return [c.sub_event_type for c in claims_of(text, **kw) if c.event_type != NOT_AN_EVENT]


# --- harm in words the lexicon lacked (text/triggers.yaml) ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Villagers set a suspected thief alight on Monday.",  # the tagger reads "alight" as the object
    "Residents set ablaze a motorcycle rider who had hit a child.",
    "The gang poured acid on three traders outside the market.",
    "Angry neighbours poured petrol on the man and set him on fire.",
])
def test_burning_or_acid_thrown_on_a_person_is_violence(claims_of: ClaimsOf, text: str) -> None:
    subs = _subs(claims_of, text)
    assert subs and all(s in {"Attack", "Mob violence"} for s in subs), subs


def test_setting_a_building_on_fire_is_an_event(claims_of: ClaimsOf) -> None:
    # "set … on fire" matched no trigger (the needs' `on` was read as true, and the object is the house, not "fire")
    subs = _subs(claims_of, "Youths set two houses on fire after the meeting.")
    assert subs and set(subs) <= {"Looting/property destruction", "Mob violence", "Violent demonstration"}, subs


def test_no_lexicon_need_is_a_yaml_boolean() -> None:
    lex = load_lexicon()
    for entry in lex.entries:
        for _, words in entry.needs:
            if isinstance(words, tuple):
                assert not any(isinstance(w, bool) for w in words), entry


def test_a_person_held_captive_is_an_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "A shopkeeper was held captive by armed men for two days.")


def test_the_economy_held_back_is_no_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Exports were held back by the strong currency.") == []


def test_charging_at_people_with_blades_is_a_fight(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "A gang of ten charged at police officers with machetes near the depot.")


def test_charged_at_a_court_is_no_fight(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "The two traders were charged at the city law courts with fraud.") == []


def test_arms_intercepted_on_the_road_are_disrupted_weapons_use(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Police intercepted a lorry carrying explosives near the border.") == [
        "Disrupted weapons use"]


def test_intercepting_a_phone_call_is_no_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Detectives intercepted a phone call between the two bankers.") == []


# --- trigger words the tagger hid (extract/triggers.py, extract/background.py) -------------------------------------


def test_a_lower_case_trigger_word_tagged_as_a_name_is_still_a_trigger(claims_of: ClaimsOf) -> None:
    # the small model tags "riot" here as a one-word PERSON; names are capitalised
    assert _subs(claims_of, "Opposition youths riot during the party primaries") == ["Violent demonstration"]


def test_a_capitalised_name_stays_a_name(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Mr Battle met the governor on Monday.") == []


def test_a_headline_whose_subject_the_tagger_read_as_the_verb_is_a_fight_not_a_kind_of_police(
        claims_of: ClaimsOf) -> None:
    # "sect" read as a verb, "battle" as the modifier of its object "police"
    assert _subs(claims_of, "Vigilante sect battle police and soldiers at the market") == ["Armed clash"]


def test_riot_police_inside_a_sentence_with_a_verb_are_still_a_kind_of_police(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "The riot police unit was moved to another station.") == []
