"""Whole articles (issue 15, session 3): which sentences of an invented article report its incident, and how the
incident's several tellings become one event. Places and names are invented."""

from __future__ import annotations

import re
from datetime import date

from frontwatch.annotate import annotate
from frontwatch.extract.incidents import one_incident
from frontwatch.fuse import fuse
from frontwatch.model import NOT_AN_EVENT, Claim, Document, Place, PlaceMention, Span, document_id_for
from tests.fixtures.nlp import ClaimsOf

PUB = date(2021, 8, 21)  # a Saturday

# One name, two gazetteer entries: the town and the province named after it.
TOWN = Place("Varesk", 11, "PPLA", "TR", "Varesk", "TR.90", "Varesk", "TR.90.1", 39.0, 33.0, 1)
PROVINCE = Place("Varesk", 12, "ADM1", "TR", "Varesk", "TR.90", None, None, 39.2, 33.4, 3)
LOMARUT = Place("Lomarut", 31, "PPLA", "IN", "Lomarut", "IN.34", "Lomarut", "IN.34.1", 25.0, 85.0, 1)
OTHER = Place("Dallow", 13, "PPL", "TR", "Dallow", "TR.91", "Dallow", "TR.91.1", 41.0, 29.0, 1)


def _events(claims_of: ClaimsOf, text: str, places: tuple[str, ...] = ("Lomarut",)) -> list[Claim]:
    return [c for c in claims_of(text, list(places), published=PUB) if c.event_type != NOT_AN_EVENT]


def _resolved(nlp, extractor, text: str, where: dict[str, Place]) -> tuple[Document, list[Claim]]:  # type: ignore[no-untyped-def]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    mentions = sorted((PlaceMention(Span.of(text, m.start(), m.end()), place, 1.0, "t")
                       for name, place in where.items() for m in re.finditer(name, text)),
                      key=lambda p: p.span.start)
    return document, extractor.claims(document, doc, mentions)


# --- background: event words named as a kind, not told as an incident ----------------------------------------------

# An article names its town once; the sentences below take it from there (placed by the report, not their clause).
def _kept(nlp, extractor, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    _, claims = _resolved(nlp, extractor, text, {"Lomarut": LOMARUT})
    return [c for c in claims if c.event_type != NOT_AN_EVENT]


def test_event_nouns_named_as_a_kind_are_no_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Lomarut's mayor opened a new school on Saturday. The mayor, a supporter of lone-wolf attacks in his "
            "youth, now preaches peace. Thousands of families are fleeing from attacks on villages across the "
            "region. Convoys cannot reach the camps due to looting and banditry.")
    assert _kept(nlp, extractor, text) == []


def test_a_state_of_war_told_in_the_perfect_progressive_is_no_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Aid workers reached camps near Lomarut. In the hills the army has been fighting a rebellion."
    assert _kept(nlp, extractor, text) == []


def test_a_toll_over_separate_attacks_without_a_day_is_a_summary(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Lomarut opened its winter market on Saturday. The country has been hit hard this year: nine people "
            "were killed and dozens more injured in separate gun, bomb, knife and machete attacks.")
    assert _kept(nlp, extractor, text) == []


def test_a_note_that_names_no_place_keeps_its_event(claims_of: ClaimsOf) -> None:
    # a short note is all news: with no place anywhere, its event words are not read as a kind
    assert _events(claims_of, "Reports of attacks on civilians by armed youths, details not given.", ())


def test_told_incidents_stay_events(claims_of: ClaimsOf) -> None:
    # the same grammar with a day, a place of its own clause, an article, or a counting head: told, not a kind
    for text in ("Nine people were killed in separate attacks in Lomarut on Friday.",
                 "Hundreds fled from the attack on Lomarut on Friday.",
                 "Gunmen carried out a series of attacks in Lomarut on Friday.",
                 "Three people were killed in clashes in Lomarut.",
                 "The army fought rebels near Lomarut on Friday."):
        assert _events(claims_of, text), text


# --- one incident: a crowd event's dead are its toll ----------------------------------------------------------------

def test_a_killing_in_a_riots_sentence_is_the_riots_toll(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    for text in ("Protesters threw stones at police in Lomarut on Friday and one man was killed.",
                 "Police fired on rioters in Lomarut on Friday, killing one."):
        _, claims = _resolved(nlp, extractor, text, {"Lomarut": LOMARUT})
        events = [c for c in claims if c.event_type != NOT_AN_EVENT]
        assert events and {c.event_type for c in events} <= {"Riots", "Protests"}, [c.event_type for c in events]
        assert any(c.fatalities_acled == 1 for c in events)


def test_a_killing_told_in_its_own_sentence_stays_its_own_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Traders protested in Lomarut on Friday. Gunmen shot dead a teacher in Lomarut on Friday."
    _, claims = _resolved(nlp, extractor, text, {"Lomarut": LOMARUT})
    types = {c.event_type for c in claims}
    assert "Protests" in types and "Violence against civilians" in types


# --- one incident: a town and the province of its name --------------------------------------------------------------

def test_an_incident_told_at_a_town_and_at_its_namesake_province_is_one_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A gunman shot dead a judge in Varesk on Friday. "
            "The gunman was later killed in a shootout with police in Varesk province.")
    # the second sentence's Varesk read as the province entry, the first as the town
    starts = [m.start() for m in re.finditer("Varesk", text)]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    mentions = [PlaceMention(Span.of(text, starts[0], starts[0] + 6), TOWN, 1.0, "t"),
                PlaceMention(Span.of(text, starts[1], starts[1] + 6), PROVINCE, 1.0, "t")]
    claims = [c for c in extractor.claims(document, doc, mentions) if c.event_type != NOT_AN_EVENT]
    assert len(claims) >= 2
    assert {c.place for c in claims} == {TOWN}
    events = fuse(claims, {document.document_id: document}).events
    assert len(events) == 1 and events[0].place == TOWN


def test_one_incident_keeps_two_towns_two_incidents() -> None:
    # the mechanism is by name: another town's attack the same day stays its own
    span = Span(0, 1, "x")

    def claim(i: str, place: Place, kind: str) -> Claim:
        return Claim(i, "d", span, kind, "Attack" if kind == "Violence against civilians" else "Armed clash",
                     span, places=(PlaceMention(span, place, 1.0, "t"),), method="t")

    out = one_incident([claim("a", TOWN, "Violence against civilians"), claim("b", PROVINCE, "Battles"),
                        claim("c", OTHER, "Battles")], PUB)
    assert [c.place for c in out] == [TOWN, TOWN, OTHER]
    assert [c.event_type for c in out] == ["Violence against civilians", "Violence against civilians", "Battles"]


# --- a sentence with no place of its own: the day's main incident, not a side mention -------------------------------

def test_an_unplaced_sentence_joins_the_days_main_incident(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A bomb exploded at a church in Lomarut on Sunday, killing 20 worshippers. "
            "The blast in Lomarut destroyed the church's roof. "
            "Police in Lomarut sealed off the district after the blast. "
            "Police also defused a second bomb in Kerano on Sunday. "
            "Hundreds of demonstrators gathered outside the cathedral on Sunday to voice their anger.")
    lomarut = Place("Lomarut", 21, "PPLC", "EG", "Lomarut", "EG.11", "Lomarut", "EG.11.1", 30.0, 31.2, 1)
    kerano = Place("Kerano", 22, "PPL", "EG", "Kerano", "EG.12", "Kerano", "EG.12.1", 30.0, 31.1, 1)
    _, claims = _resolved(nlp, extractor, text, {"Lomarut": lomarut, "Kerano": kerano})
    protests = [c for c in claims if c.event_type == "Protests"]
    assert protests and all(c.place == lomarut for c in protests)


def test_a_back_reference_does_not_take_the_other_incidents_place(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A bomb exploded at a church in Lomarut on Sunday, killing 20 worshippers. "
            "Police in Lomarut sealed off the district. "
            "Sunday's explosion came just two days after two bombs killed six police officers in Kerano.")
    lomarut = Place("Lomarut", 21, "PPLC", "EG", "Lomarut", "EG.11", "Lomarut", "EG.11.1", 30.0, 31.2, 1)
    kerano = Place("Kerano", 22, "PPL", "EG", "Kerano", "EG.12", "Kerano", "EG.12.1", 30.0, 31.1, 1)
    _, claims = _resolved(nlp, extractor, text, {"Lomarut": lomarut, "Kerano": kerano})
    events = [c for c in claims if c.event_type != NOT_AN_EVENT and c.time is not None]
    sunday = {c.place for c in events if c.time is not None and c.time.low == date(2021, 8, 15)}
    friday = {c.place for c in events if c.time is not None and c.time.low == date(2021, 8, 13)}
    assert sunday == {lomarut} and friday == {kerano}, [(c.time, c.place, c.method) for c in events]


def test_a_ceasefire_told_breaking_down_is_no_agreement(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    for text in ("The ceasefire brokered for Lomarut collapsed on Friday.",
                 "The breakdown of the truce in Lomarut on Friday was blamed on both sides."):
        assert not [c for c in _kept(nlp, extractor, text) if c.sub_event_type == "Agreement"], text
    # an agreement told as made stays one
    assert [c for c in _kept(nlp, extractor, "The two sides signed a ceasefire in Lomarut on Friday.")
            if c.sub_event_type == "Agreement"]
