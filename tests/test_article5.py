"""Whole articles (issue 15, session 5): ordinary crime told in the words of the courts and the police desk is no
political violence (ACLED), while state forces' violence, a mob's, or an armed group's stays an event. Places, names
and figures are invented."""

from __future__ import annotations

from datetime import date

import pytest

from tests.fixtures.articles import VELMORA, TownArticles

PUB = date(2021, 3, 20)

_READ = TownArticles(VELMORA, PUB)
_claims, _events, _why = _READ.claims, _READ.events, _READ.why


# --- ordinary crime --------------------------------------------------------------------------------------------------

_CRIME = ("A 34-year-old baker faces a charge of attempted murder after a neighbour was stabbed on a Velmora street "
          "on Thursday evening. Officers arrested the baker at his flat an hour later. He was remanded without bail "
          "and will appear before a judge next month.")


def test_a_crime_report_s_stabbing_and_arrest_are_no_events(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, extractor, _CRIME) == []
    assert "crime" in _why(nlp, keeping, _CRIME)


def test_the_same_stabbing_by_an_armed_group_stays_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the words of conflict (here militiamen) make it violence ACLED codes, charges or not
    text = _CRIME.replace("a neighbour was stabbed", "militiamen stabbed a neighbour")
    assert any(c.event_type == "Violence against civilians" for c in _events(nlp, extractor, text))


def test_police_violence_in_a_crime_report_stays_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # ACLED codes state forces killing a suspect, however criminal the story around it
    text = ("Officers shot dead a robbery suspect outside a Velmora pawn shop on Thursday. Two of his accomplices "
            "face theft charges.")
    events = _events(nlp, extractor, text)
    assert events and all(c.event_type != "Strategic developments" for c in events)


def test_a_mob_beating_a_thief_stays_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A mob beat a man accused of theft to death at a Velmora market on Thursday."
    assert any(c.event_type == "Riots" for c in _events(nlp, extractor, text))


# --- mishaps and disasters -------------------------------------------------------------------------------------------

def test_a_road_or_falling_mishap_is_no_event(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    for text in ("On Sunday a cyclist was struck by a delivery van on a Velmora road and killed.",
                 "A jogger was killed and two others were hurt when an old pine tree fell on a Velmora footpath on "
                 "Sunday."):
        assert _events(nlp, extractor, text) == [], text
        assert "accident" in _why(nlp, keeping, text), text


def test_a_vehicle_of_the_forces_or_a_car_bomb_still_harms(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    for text in ("On Sunday a marcher was struck by a police truck in Velmora and killed.",
                 "On Sunday a car bomb killed four shoppers in Velmora."):
        assert _events(nlp, extractor, text), text


def test_a_disaster_told_in_a_relative_clause_kills_no_one(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The region is still reeling from a cyclone which struck Velmora on Monday and killed 300 people."
    assert _events(nlp, extractor, text) == []


def test_a_crime_said_not_to_be_one_leaves_the_killing_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A relief worker was shot dead in Velmora on Friday; the shooting was not tied to any robbery, police said."
    assert any(c.event_type == "Violence against civilians" for c in _events(nlp, extractor, text))


_OUTBREAK = ("Health officials confirmed four more infections in Velmora on Monday. The illness has killed 40 people "
             "in the district since the outbreak began, and a quarantine now covers two villages.")


def test_an_outbreak_report_with_no_violence_reports_no_event(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, extractor, _OUTBREAK) == []
    assert "no-actor" in _why(nlp, keeping, _OUTBREAK)


def test_an_attack_told_in_an_outbreak_report_stays_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = _OUTBREAK + " On Tuesday gunmen attacked a Velmora clinic and killed two nurses."
    assert any(c.event_type == "Violence against civilians" for c in _events(nlp, extractor, text))


def test_an_attack_on_a_vehicle_or_a_protest_over_a_road_death_stays(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    for text in ("On Sunday a militia ambushed a bus near Velmora, and the bus hit a roadside mine, killing three.",
                 "Drivers blocked the Velmora highway on Sunday to protest the death of a colleague hit by a truck."):
        assert _events(nlp, extractor, text), text


# --- figurative violence ---------------------------------------------------------------------------------------------

def test_an_attack_on_a_proposal_or_a_killed_deal_harms_no_one(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    for text in ("The Velmora mayor fiercely attacked the governor's plan to close two schools on Monday.",
                 "On Monday the council's vote in Velmora effectively killed the bridge deal."):
        assert _events(nlp, extractor, text) == [], text
        assert "figurative" in _why(nlp, keeping, text), text


def test_an_attack_on_people_or_a_post_stays_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday rebels attacked the army's post in Velmora and killed the guards."
    assert _events(nlp, extractor, text)


# --- arrests at a protest ----------------------------------------------------------------------------------------

def test_arrests_at_a_protest_are_its_intervention_not_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Several hundred marchers rallied in Velmora on Saturday against a new fuel levy. Police arrested about "
            "forty of the marchers in Velmora on Saturday.")
    events = _events(nlp, extractor, text)
    assert any(c.event_type == "Protests" for c in events)
    assert not any(c.sub_event_type == "Arrests" for c in events)


def test_arrests_told_before_a_protest_stay_the_news(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Police arrested an opposition leader in Velmora on Saturday. Hundreds of his supporters then marched in "
            "Velmora on Saturday to demand his release.")
    assert any(c.sub_event_type == "Arrests" for c in _events(nlp, extractor, text))


# --- what an arrest is for, what is allowed, what a stand is against -------------------------------------------

@pytest.mark.parametrize(("text", "why"), [
    ("Police in Velmora detained 30 people on Saturday for illegally occupying the main square.", "arrested-for"),
    ("On Monday the Velmora governor refused to allow further protests in the city.", "permitted"),
    ("The mayor praised the Velmora council's stand against the killing of migrants.", "stance"),
    ("A march against the new levy is scheduled for Saturday in Velmora.", "planned"),
    ("Protesters plan to rally outside the Velmora parliament on Sunday.", "planned"),
])
def test_an_event_word_that_names_no_happening_of_its_own(nlp, keeping, text, why) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(nlp, keeping, text)
    assert not any(c.event_type in {"Battles", "Protests", "Riots", "Violence against civilians"} for c in claims)
    assert why in _why(nlp, keeping, text)


def test_an_arrest_after_a_killing_leaves_the_killing_told(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Militiamen killed four herders near Velmora on Saturday; police later arrested two of them."
    assert any(c.event_type == "Violence against civilians" for c in _events(nlp, extractor, text))


def test_gunmen_in_the_plural_are_a_group_not_one_man_s_crime(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen shot dead five drinkers at a Velmora bar on Friday night, the state prosecutor's office said."
    assert any(c.event_type == "Violence against civilians" for c in _events(nlp, extractor, text))


def test_a_protest_held_after_a_plan_is_told_stays_an_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds of protesters who had planned the action for weeks marched through Velmora on Sunday."
    assert any(c.event_type == "Protests" for c in _events(nlp, extractor, text))


def test_a_headline_s_demonstrations_are_no_plan(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "plans" as the headline's verb: the demonstrations are its subject, not a plan's
    text = "Demonstrations outside Velmora city hall to oppose councillors plans to raise their pay"
    assert any(c.event_type == "Protests" for c in _events(nlp, extractor, text))


def test_an_arrest_for_sexual_violence_stays_an_event_in_a_crime_report(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Officers in Velmora arrested a 29-year-old man on Friday over the sexual assault of two women; he faces "
            "charges in court next week.")
    assert _events(nlp, extractor, text)
