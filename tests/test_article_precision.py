"""Whole-article precision on invented sentences: background (incidents dated before the report's recent window,
past periods, trials and plots, hypotheticals, deaths no actor caused) is no event of the report's day, and a
toponym that heads a facility name abroad is not the event's town."""

from __future__ import annotations

import re
from datetime import date

import pytest

from frontwatch.annotate import annotate
from frontwatch.extract.background import facility_namesakes
from frontwatch.extract.triggers import load_lexicon
from frontwatch.model import NOT_AN_EVENT, Document, Place, PlaceMention, Span, document_id_for
from tests.fixtures.nlp import ClaimsOf

PUB = date(2021, 8, 21)


def _events(claims_of: ClaimsOf, text: str) -> list[str]:
    return [c.event_type for c in claims_of(text, ["Lomarut"], published=PUB) if c.event_type != NOT_AN_EVENT]


@pytest.mark.parametrize("text", [
    # dated by the text well before the report
    "Gunmen killed three traders in Lomarut on 2 May.",
    # a past period said of the incident's own clause
    "Last year, the council banned the fair and was met with angry protests in Lomarut.",
    "Militants attacked the police post in Lomarut two years ago.",
    # the matter of a trial or a plot
    "A man who plotted to attack a police station in Lomarut was sentenced on Wednesday to 20 years in prison.",
    # a hypothetical
    "The truce would stop rocket attacks on Lomarut, the envoy said.",
    # an event word that only names a kind of unit or weapon
    "A member of the riot police squad in Lomarut was promoted on Monday.",
    "The man bought an assault rifle in Lomarut.",
    # deaths no actor caused
    "An outbreak of cholera killed 40 people in Lomarut.",
    "Floods killed twelve people in Lomarut on Friday.",
])
def test_background_is_no_event_of_the_report(claims_of: ClaimsOf, text: str) -> None:
    assert _events(claims_of, text) == []


@pytest.mark.parametrize("text", [
    "Gunmen killed three traders in Lomarut on Thursday.",
    # a past period of another clause does not make the incident background
    "Traders protested in Lomarut on Monday against a tax introduced last year.",
    "Police arrested two men in Lomarut on Tuesday.",
    # the protesters are the accusers: their protest is the news
    "Hundreds of protesters in Lomarut accused the governor of corruption on Monday.",
    # a march marking an anniversary is held today
    "Police fired tear gas at protesters marching in Lomarut to mark the anniversary of the uprising.",
])
def test_the_reports_own_news_stays_an_event(claims_of: ClaimsOf, text: str) -> None:
    assert _events(claims_of, text)


def test_background_claims_are_kept_marked_when_asked(claims_of: ClaimsOf, actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.extract import Extractor

    keep = Extractor(actor_dictionary, keep_non_events=True)
    claims = claims_of("Gunmen killed three traders in Lomarut on 2 May.", ["Lomarut"], published=PUB, ex=keep)
    assert claims and all(c.event_type == NOT_AN_EVENT for c in claims)
    assert any("background:dated-before" in c.method for c in claims)


def _mention(text: str, name: str, country: str) -> PlaceMention:
    start = text.index(name)
    place = Place(name, 1, "PPL", country, lat=0.0, lon=0.0)
    return PlaceMention(Span.of(text, start, start + len(name)), place, 1.0, "t")


def _doc(nlp, text: str):  # type: ignore[no-untyped-def]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    return document, doc


def test_a_facility_named_after_a_foreign_namesake_is_not_the_town(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hundreds rallied at Marbury Park in Kerano on Sunday, and marched to the Saint Osric Church."
    _, doc = _doc(nlp, text)
    places = [_mention(text, "Marbury", "AU"), _mention(text, "Kerano", "CA"), _mention(text, "Saint Osric", "BB")]
    kept = facility_namesakes(doc, places, load_lexicon().words)
    assert [m.span.text for m in kept] == ["Kerano"]


def test_a_facility_named_after_a_town_of_the_report_keeps_its_town(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked Kerano Hospital on Sunday, police in Dallow said."
    _, doc = _doc(nlp, text)
    places = [_mention(text, "Kerano", "CA"), _mention(text, "Dallow", "CA")]
    assert [m.span.text for m in facility_namesakes(doc, places, load_lexicon().words)] == ["Kerano", "Dallow"]


def test_the_rally_is_placed_at_the_town_not_the_foreign_park(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "More than 500 people protested at Marbury Park in Kerano on Sunday."
    document, doc = _doc(nlp, text)
    claims = extractor.claims(document, doc, [_mention(text, "Marbury", "AU"), _mention(text, "Kerano", "CA")])
    protests = [c for c in claims if c.event_type == "Protests"]
    assert protests and all(c.place is not None and c.place.country == "CA" for c in protests)


def test_an_incident_told_days_before_the_main_clause_takes_its_own_day(claims_of: ClaimsOf) -> None:
    # a Saturday report: "a week after" the report's day, "two days after" the main clause's Sunday
    (c, *_) = [c for c in claims_of("It comes a week after 30 people were killed in a bombing in Lomarut.",
                                    ["Lomarut"], published=PUB) if c.fatalities_acled]
    assert c.time is not None and c.time.low == date(2021, 8, 14) and not c.time.assumed
    claims = claims_of("The blast on Sunday came two days after gunmen killed four guards in Lomarut.", ["Lomarut"],
                       published=PUB)
    killed = [c for c in claims if c.fatalities_acled == 4]
    assert killed and killed[0].time is not None and killed[0].time.low == date(2021, 8, 13)


def _resolved_claims(nlp, extractor, text: str):  # type: ignore[no-untyped-def]
    document, doc = _doc(nlp, text)
    place = Place("Lomarut", 7, "PPL", "KE", lat=1.0, lon=36.0)
    mentions = [PlaceMention(Span.of(text, m.start(), m.end()), place, 1.0, "t")
                for m in re.finditer("Lomarut", text)]
    return [c for c in extractor.claims(document, doc, mentions) if c.event_type != NOT_AN_EVENT and c.place]


def test_one_incidents_words_make_one_type(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A suicide car bomb killed 13 soldiers in Lomarut on Saturday. The blast in Lomarut destroyed their bus. "
            "Gunmen also attacked the Lomarut checkpoint on Saturday.")
    placed = _resolved_claims(nlp, extractor, text)
    assert len(placed) >= 2
    assert len({(c.event_type, c.sub_event_type) for c in placed}) == 1
    assert any("type:incident-lead" in c.method for c in placed)
    # a protest the same day in the same town stays a protest
    text2 = "A bomb killed two guards in Lomarut on Saturday. Hundreds of traders protested in Lomarut on Saturday."
    types = {c.event_type for c in _resolved_claims(nlp, extractor, text2)}
    assert "Protests" in types and types & {"Explosions/Remote violence", "Violence against civilians"}
