"""Whole-article precision on invented reports: one incident told over several sentences is one event (its day, its
type, its arrests), and accidents are no conflict events."""

from __future__ import annotations

import re
from datetime import date

import pytest

from frontwatch.annotate import annotate
from frontwatch.model import NOT_AN_EVENT, Claim, Document, Place, PlaceMention, Span, document_id_for

PUB = date(2021, 8, 21)  # a Saturday
_PLACES = {"Lomarut": Place("Lomarut", 7, "PPL", "KE", "Rift", lat=1.0, lon=36.0),
           "Kerano": Place("Kerano", 8, "PPL", "KE", "Rift", lat=2.0, lon=37.0),
           "Norland": Place("Norland", 9, "PCLI", "NL", lat=52.0, lon=5.0)}


def _claims(nlp, extractor, text: str, published: date = PUB) -> list[Claim]:  # type: ignore[no-untyped-def]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", published, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    mentions = sorted((PlaceMention(Span.of(text, m.start(), m.end()), place, 1.0, "t")
                       for name, place in _PLACES.items() for m in re.finditer(name, text)),
                      key=lambda m: m.span.start)
    return [c for c in extractor.claims(document, doc, mentions) if c.event_type != NOT_AN_EVENT]


def test_a_reports_undated_sentences_take_the_day_of_its_incident(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the lead names no day; a later sentence does (the report's own day is the fallback of the others)
    text = ("Gunmen attacked a police post in Lomarut, killing two officers. "
            "The attack in Lomarut on Friday lasted an hour, witnesses said.")
    claims = _claims(nlp, extractor, text)
    violent = [c for c in claims if c.place is not None]
    assert len(violent) >= 2
    assert {c.time.low for c in violent if c.time} == {date(2021, 8, 20)}
    assert any("time:incident" in c.method for c in violent)
    assert len({(c.event_type, c.sub_event_type) for c in violent}) == 1


def test_a_week_old_incident_gathers_only_what_the_text_leaves_undated(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the bombing is told on its own day; the undated sentence about its town is about it …
    claims = _claims(nlp, extractor, "A bomb killed four people in Lomarut on 14 August. "
                                     "The bombing in Lomarut shocked the region.")
    assert {c.time.low for c in claims if c.time} == {date(2021, 8, 14)}
    # … but a new attack the text dates to the report's day stays on its day
    claims = _claims(nlp, extractor, "A bomb killed four people in Lomarut on 14 August. "
                                     "On Saturday, gunmen attacked a market in Lomarut.")
    assert {c.time.low for c in claims if c.time} == {date(2021, 8, 14), PUB}


def test_arrests_at_an_attacks_place_and_day_are_part_of_it(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A bomb killed four soldiers in Lomarut on Friday. Police arrested three suspects in Lomarut on Friday."
    assert not [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Arrests"]
    # elsewhere, or on another day, an arrest is news of its own
    text = "A bomb killed four soldiers in Lomarut on Friday. Police arrested three suspects in Kerano on Friday."
    assert [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Arrests"]
    text = "A bomb killed four soldiers in Lomarut on 10 August. Police arrested three suspects in Lomarut on Friday."
    assert [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Arrests"]


@pytest.mark.parametrize("text", [
    "At least two people died and 40 others were injured on Friday in a gas explosion at a restaurant in Lomarut.",
    "Three people were killed when a gas cylinder exploded at a hotel in Lomarut on Friday.",
    "Four people died in a road crash in Lomarut on Friday.",
])
def test_accidents_are_no_conflict_events(nlp, extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(nlp, extractor, text) == []


@pytest.mark.parametrize("text", [
    "Two protesters were killed by tear gas canisters in Lomarut on Friday.",
    "Militants killed 20 people in a nerve gas attack in Lomarut on Friday.",
    "Gunmen killed four people in Lomarut on Friday.",
])
def test_weapons_named_like_accidents_stay_events(nlp, extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _claims(nlp, extractor, text)


def test_a_sentence_placed_by_its_neighbour_takes_its_incidents_place(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the last sentence names no place: the nearest that does is a travel note, not the blast's town
    text = ("A bomb exploded at a market in Lomarut on Friday. The minister, who was visiting Kerano, cut short his "
            "trip. Hundreds of traders protested on Friday after the blast killed six people.")
    claims = _claims(nlp, extractor, text)
    assert claims and all(c.place is not None and c.place.name == "Lomarut" for c in claims)
    assert any("place:incident" in c.method for c in claims)


def test_a_plot_told_in_the_relative_clause_of_the_sentenced_is_no_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A Lomarut man who admitted to having plotted to kill a judge and then attack a police station in Lomarut "
            "was sentenced on Wednesday to 20 years in prison.")
    assert _claims(nlp, extractor, text) == []
    # the relative clause of an arrest or of an attacker is news
    assert _claims(nlp, extractor, "The gunmen who attacked the police station in Lomarut on Friday killed two "
                                   "officers.")


@pytest.mark.parametrize("text", [
    'More than 300 people marched in Lomarut on Saturday, chanting "justice now" and "stop the killing."',
    'Protesters in Lomarut carried banners reading "No more bombs" on Saturday.',
])
def test_an_event_word_in_a_crowds_slogan_is_no_event(nlp, extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    types = {c.event_type for c in _claims(nlp, extractor, text)}
    assert types == {"Protests"}


def test_a_quoted_witness_still_tells_the_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = '"They killed my brother," a witness in Lomarut said of the gunmen who attacked the village on Friday.'
    assert {c.event_type for c in _claims(nlp, extractor, text)} - {"Protests"}


def test_one_rally_is_one_event_whatever_places_its_phrase_names(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Organizers of a Lomarut rally in support of the people of Kerano thanked the council on Saturday."
    protests = [c for c in _claims(nlp, extractor, text) if c.event_type == "Protests"]
    assert [c.place.name for c in protests if c.place] == ["Lomarut"]
    # rallies (plural) in two towns are two events
    text = "Thousands joined rallies in Lomarut and Kerano on Saturday."
    protests = [c for c in _claims(nlp, extractor, text) if c.event_type == "Protests"]
    assert {c.place.name for c in protests if c.place} == {"Lomarut", "Kerano"}


def test_arrests_investigating_the_attack_are_no_event_of_their_own(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A bomb killed four soldiers in Lomarut on Friday. "
            "The bomber's brother was arrested in Kerano on Friday, police said.")
    assert not [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Arrests"]
    text = "A bomb killed four soldiers in Lomarut on Friday. Police arrested two traders in Kerano on Friday."
    assert [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Arrests"]


def test_a_period_of_protests_before_the_news_is_no_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    assert _claims(nlp, extractor, "The governor of Lomarut resigned on Friday after weeks of protests.") == []
    assert _claims(nlp, extractor, "Two days of protests in Lomarut left five people dead on Friday.")


def test_an_incident_recalled_by_its_month_only_is_background(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    pub = date(2021, 10, 13)
    text = "In mid-September, 30 people were killed in Lomarut when raiders attacked the village."
    assert _claims(nlp, extractor, text, pub) == []
    # a day of its own within the report's weeks, or last week, is still news of the report
    assert _claims(nlp, extractor, "Raiders killed 30 people in Lomarut on 20 September.", pub)
    assert _claims(nlp, extractor, "Last week, raiders killed 30 people in Lomarut.", pub)


def test_a_victims_home_country_is_not_the_incidents_place(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen attacked a police station in Lomarut on Friday. "
            "Two officers and a woman visiting from Norland were killed in the attack on Friday.")
    claims = _claims(nlp, extractor, text)
    assert claims and {c.place.name for c in claims if c.place} == {"Lomarut"}


def test_an_undated_sentence_after_a_recalled_incident_goes_on_recalling_it(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The law was first passed after gunmen killed 130 people in Lomarut on 13 November 2015. "
            "The gunmen struck in coordinated attacks at a stadium and three cafes in Lomarut.")
    assert _claims(nlp, extractor, text) == []
    # news that gives its own day after the recollection stays news
    text = ("The law was first passed after gunmen killed 130 people in Lomarut on 13 November 2015. "
            "On Friday, gunmen attacked a market in Lomarut.")
    assert {c.time.low for c in _claims(nlp, extractor, text) if c.time} == {date(2021, 8, 20)}


def test_a_bomb_defused_where_it_is_named_stays_the_news(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Army engineers defused a roadside bomb near Lomarut on Friday."
    assert [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Disrupted weapons use"]


def test_arrests_told_before_the_violence_are_the_news_not_its_aftermath(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested two traders in Lomarut on Friday. The arrests followed a shooting in Lomarut on Friday."
    assert [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Arrests"]
    # told after the attack, at its place and day, they are its aftermath
    text = "Gunmen shot dead two traders in Lomarut on Friday. Police arrested two men in Lomarut on Friday."
    assert not [c for c in _claims(nlp, extractor, text) if c.sub_event_type == "Arrests"]


def test_a_protest_in_a_list_of_towns_is_one_event_per_town(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Students of the teachers' college in Lomarut and Kerano protest the closure of their hostels."
    protests = [c for c in _claims(nlp, extractor, text) if c.event_type == "Protests"]
    assert {c.place.name for c in protests if c.place} == {"Lomarut", "Kerano"}
