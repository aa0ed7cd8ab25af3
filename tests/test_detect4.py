"""Notes that yield no event, or fewer than their incidents (issue 15, `detect4` area), on invented sentences and
hand-built claims: harm told in words the trigger lexicon lacked, trigger words the tagger hid inside a name or read
as a kind of police, "on" in the lexicon's needs (YAML 1.1 reads a bare `on` as true), and one event per location
and day in fusion."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.language import Language
from spacy.tokens import Token

from frontwatch.extract.triggers import load_lexicon
from frontwatch.fuse import fuse
from frontwatch.model import NOT_AN_EVENT, Claim, Document, Place, Span
from tests.fixtures.nlp import ClaimsOf, assert_kept_unless_very_sure
from tests.fuse_helpers import claim, doc


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


@pytest.mark.parametrize("lemma", ["set", "pour", "fire"])
def test_the_word_on_in_a_need_is_read_as_a_word_not_as_true(lemma: str) -> None:
    preps = [words for e in load_lexicon().entries if e.lemma == lemma for key, words in e.needs if key == "prep"]
    assert any("on" in words for words in preps)
    assert not any(isinstance(w, bool) for words in preps for w in words)


def test_a_person_held_captive_is_an_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "A shopkeeper was held captive by armed men for two days.")


def test_the_economy_held_back_is_no_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Exports were held back by the strong currency.") == []


def test_charging_at_people_with_blades_is_a_fight(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "A group of eight youths charged at the officers with machetes near the depot.")


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


# --- one event per location and day (fuse/days._by_location) -------------------------------------------------------


def _town(name: str, gid: int, lat: float, lon: float, precision: int = 1, code: str = "PPL") -> Place:
    # invented towns of one invented county (no admin2: the county is the fusion unit)
    return Place(name, gid, code, "KE", "Upland", "KE.99", None, None, lat, lon, precision)


NORTH = _town("Northtown", 9000001, 0.0, 36.0)
NORTH_EDGE = _town("Northtown Market", 9000002, 0.05, 36.05)  # ~8 km away: the same ACLED location
SOUTH = _town("Southtown", 9000003, -0.6, 36.6)  # ~94 km away
COUNTY = _town("Upland", 9000004, -0.3, 36.3, precision=3, code="ADM1")
ATTACK = "Attack"


def _attack(d: Document, n: int, place: Place, fatalities: int = 0) -> Claim:
    return claim(d, n, place=place, sub=ATTACK, event_type="Violence against civilians", holder="Gunmen",
                 fatalities=fatalities)


def test_attacks_at_two_towns_of_one_county_on_one_day_are_two_events() -> None:
    d = doc("Gunmen attacked Northtown and Southtown, killing three.", "a.org")
    events = fuse([_attack(d, 1, NORTH, 2), _attack(d, 2, SOUTH, 1)], {d.document_id: d}).events
    assert sorted((e.place.name, e.fatalities) for e in events) == [("Northtown", 2), ("Southtown", 1)]
    assert len({e.event_id for e in events}) == 2


def test_one_attack_told_at_a_town_and_a_place_beside_it_is_one_event() -> None:
    a, b = doc("Gunmen attacked Northtown.", "a.org"), doc("Gunmen attacked Northtown Market.", "b.org")
    events = fuse([_attack(a, 1, NORTH), _attack(b, 1, NORTH_EDGE)], {a.document_id: a, b.document_id: b}).events
    assert len(events) == 1


def test_a_claim_placed_only_by_the_county_joins_the_town_most_reports_name() -> None:
    a, b, c = (doc("Gunmen attacked Northtown.", "a.org"), doc("Gunmen struck Northtown again.", "b.org"),
               doc("Gunmen attacked a village in Upland county.", "c.org"))
    s = doc("Gunmen attacked Southtown.", "s.org")
    docs = {x.document_id: x for x in (a, b, c, s)}
    events = fuse([_attack(a, 1, NORTH), _attack(b, 1, NORTH), _attack(c, 1, COUNTY), _attack(s, 1, SOUTH)],
                  docs).events
    by_place = {e.place.name: len(e.claim_ids) for e in events}
    assert by_place == {"Northtown": 3, "Southtown": 1}


def test_a_day_told_only_at_the_county_level_stays_one_event() -> None:
    a, b = doc("Gunmen attacked a village in Upland.", "a.org"), doc("Upland county saw an attack.", "b.org")
    events = fuse([_attack(a, 1, COUNTY), _attack(b, 1, COUNTY)], {a.document_id: a, b.document_id: b}).events
    assert len(events) == 1


# --- how sure the classifier must be to drop a fight with both sides named, or a killing by gunfire
# (extract/event_typing._two_sides, _gunned) -------------------------------------------------------------------------


def _token(nlp: Language, text: str, lemma: str) -> Token:
    return next(t for t in nlp(text) if t.lemma_.lower() == lemma)


@pytest.mark.parametrize(("text", "lemma", "sides"), [
    ("Fighting broke out between two rival gangs at the depot.", "fighting", True),  # the phrase is on the verb …
    ("Clashes between herders and farmers left the market empty.", "clash", True),
    ("Clash erupted between youths of two villages.", "clash", True),  # … of which the fight word is the subject
    ("Herders and farmers clashed near the dam.", "clash", True),
    ("Hill and valley clans battle over water", "battle", True),  # "clans" read as the verb, "battle" its object
    ("Farmers clashed with herders near the dam.", "clash", False),  # one side the subject, the other a "with"
    ("The herders clashed near the dam.", "clash", False),
])
def test_a_fight_word_names_both_sides_by_between_or_coordinated_subjects(nlp: Language, text: str, lemma: str,
                                                                          sides: bool) -> None:
    from frontwatch.extract.event_typing import _two_sides

    assert _two_sides(_token(nlp, text, lemma)) is sides


@pytest.mark.parametrize(("text", "gunned"), [
    ("A teacher was shot dead outside the school.", True),
    ("Unknown men gunned down a trader at the market.", True),
    ("The police shot two tyres of the car.", False),
    ("The crew shot a film at the lake.", False),
])
def test_shot_dead_and_gunned_down_name_a_gun(nlp: Language, text: str, gunned: bool) -> None:
    from frontwatch.extract.event_typing import _gunned

    lemma = "gun" if "gunned" in text else "shoot"
    assert _gunned(_token(nlp, text, lemma)) is gunned


def test_a_fight_with_both_sides_named_or_a_shooting_dead_needs_a_very_sure_classifier_to_be_no_event(
        claims_of: ClaimsOf, case_trained, actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    assert_kept_unless_very_sure(claims_of, case_trained, actor_dictionary, [
        "Hill and valley clans battle in the county town", "Clash ensued between rival party groups.",
        "A newly elected councillor was shot dead outside his home at night.",
        "A district officer was on Tuesday night shot dead by thugs in the estate."])


# --- an accident that only tells who the victim was (extract/background._describes_person) --------------------------


@pytest.mark.parametrize("text", [
    "A crowd of traders stoned a traffic officer who was trying to clear the road after an accident.",
    "Villagers set ablaze a lorry driver who had knocked down a child in a road accident.",
])
def test_an_accident_in_a_relative_clause_on_the_victim_does_not_make_the_harm_an_accident(claims_of: ClaimsOf,
                                                                                           text: str) -> None:
    assert _subs(claims_of, text)


@pytest.mark.parametrize("text", [
    "A bus driver who had drunk alcohol killed two pedestrians in a road accident.",
    "Three people were killed in a road accident on the highway.",
])
def test_an_accident_that_caused_the_harm_stays_an_accident(claims_of: ClaimsOf, text: str) -> None:
    assert _subs(claims_of, text) == []


# --- more words the lexicon or its context rules lacked ------------------------------------------------------------


def test_police_dispersing_a_group_of_people_is_a_protest_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Officers dispersed followers of the outlawed sect who had gathered outside the offices.")


def test_police_dispersing_fog_or_a_meeting_of_the_board_is_no_event(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "The morning sun dispersed the fog over the lake.") == []


def test_game_rangers_are_wildlife_guards_not_a_sports_page(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Highway bandits attack wildlife game rangers near the park")


def test_a_game_between_two_teams_is_still_a_sports_page(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "The visitors attacked from the start of the game.") == []


def test_a_fight_word_after_a_comma_before_police_is_a_headline_verb_not_a_kind_of_police(
        claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "Squatters on the farm reject eviction, fight police near the gate.")


def test_riot_police_listed_with_other_forces_stay_a_kind_of_police(claims_of: ClaimsOf) -> None:
    assert _subs(claims_of, "The riot police, the army and the navy paraded on Monday.") == []


# --- a retaliation told after the incident is an incident of its own (extract/incidents._RESPONSE) ---------------


def _told(d: Document, n: int, sentence: str, start: int, sub: str, event_type: str) -> Claim:
    c = claim(d, n, place=NORTH, sub=sub, event_type=event_type, holder="Bandits")
    return dataclasses.replace(c, sentence=Span(start, start + len(sentence), sentence))


def _one_incident_subs(second: str) -> list[str | None]:
    from frontwatch.extract.incidents import one_incident

    lead = "Bandits shot dead two herders near Northtown on Monday."
    d = doc(f"{lead} {second}", "a.org")
    claims = [_told(d, 1, lead, 0, "Attack", "Violence against civilians"),
              _told(d, 2, second, len(lead) + 1, "Armed clash", "Battles")]
    return [c.sub_event_type for c in one_incident(claims, d.published)]


def test_a_retaliation_keeps_its_own_type_instead_of_the_lead_incidents() -> None:
    assert _one_incident_subs("In retaliation, the herders' kinsmen fought the bandits for two hours.") == [
        "Attack", "Armed clash"]


def test_a_fight_told_after_an_attack_without_a_reaction_opener_takes_the_lead_incidents_type() -> None:
    assert _one_incident_subs("Gunfire was exchanged near the town for two hours.") == ["Attack", "Attack"]
