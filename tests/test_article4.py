"""Whole articles (issue 15, session 4): sentences of an invented article that tell an epidemic's toll, a plan, a
running total or the aftermath of an older happening are no event of the report's day; the same grammar told as an
incident stays one. Places, names and figures are invented."""

from __future__ import annotations

from datetime import date

from frontwatch.annotate import annotate
from frontwatch.model import Document, Place, document_id_for
from tests.fixtures.articles import TownArticles

PUB = date(2021, 3, 20)
LOMARUT = Place("Lomarut", 31, "PPLA", "IN", "Lomarut", "IN.34", "Lomarut", "IN.34.1", 25.0, 85.0, 1)

_READ = TownArticles(LOMARUT, PUB)
_claims, _events, _why = _READ.claims, _READ.events, _READ.why


# --- an epidemic's toll ----------------------------------------------------------------------------------------------

def test_deaths_told_with_a_disease_are_no_event(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    for text in ("Some 900 people have been killed across the plains near Lomarut, as waterborne diseases spread "
                 "through the camps.",
                 "Lomarut has also been badly affected, with 2,130 cases reported and 47 people dead."):
        assert _events(nlp, extractor, text) == [], text
        assert "no-actor" in _why(nlp, keeping, text), text


def test_a_name_the_report_calls_a_disease_kills_no_one(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Health teams in Lomarut are tracing contacts of the Tavesh virus. Because Tavesh kills slowly, a "
            "patient has time to infect others.")
    assert _events(nlp, extractor, text) == []


def test_killings_without_a_disease_stay_events(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the same death words with an actor, or cases counted in twos (incidents, not an epidemic's statistics)
    for text in ("Gunmen killed 12 people in Lomarut on Friday.",
                 "In two separate cases, bandits killed four herders near Lomarut on Friday."):
        assert _events(nlp, extractor, text), text


# --- plans, running totals, aftermaths -------------------------------------------------------------------------------

def test_every_verb_of_a_listed_plan_is_planned(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Prosecutors in Lomarut said the man planned to stab a mayor at his office, film the killing for his " \
           "followers, and escape."
    assert _events(nlp, extractor, text) == []


def test_a_running_total_of_the_year_is_no_incident(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    text = "Gang violence around Lomarut has resulted in 1,800 deaths in the first four months of this year."
    assert _events(nlp, extractor, text) == []
    assert "running-total" in _why(nlp, keeping, text)


def test_the_aftermath_of_an_older_month_is_no_news_of_the_day(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    # published in March: "the November vote" ended months before, and the sentence gives no day of its own
    text = "Reprisal killings and fighting following the November vote have driven thousands from Lomarut."
    assert _events(nlp, extractor, text) == []
    assert "aftermath" in _why(nlp, keeping, text)


def test_an_aftermath_with_its_own_day_or_a_recent_month_stays_news(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    for text, published in (
            ("Fighting following the November vote killed three people in Lomarut on Friday.", PUB),
            ("Reprisal killings following the February vote have driven thousands from Lomarut.", PUB),
            ("Rebels attacked Lomarut, the third such attack this year.", PUB)):
        assert _events(nlp, extractor, text, published), text


# --- a city named bare: the namesake in the country the text names ---------------------------------------------------

def _resolved_places(geoparser, nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    return {m.span.text: (m.place.country if m.place else None) for m in geoparser.places(document, doc)}


def test_a_city_named_bare_is_in_the_country_the_text_names(geoparser, nlp) -> None:  # type: ignore[no-untyped-def]
    # a local station's dateline and its viewers' home province vote for a small namesake at home; the text says
    # the family is abroad, in the country whose capital bears the name
    text = ("HAMILTON, Ontario (CHCH) - A Hamilton family visiting France is safe. A gunman opened fire on police "
            "in Paris on Thursday night, their son said at his home in Hamilton. They will fly back to Ontario "
            "next week.")
    assert _resolved_places(geoparser, nlp, text).get("Paris") == "FR"


def test_a_country_named_does_not_turn_its_own_name_into_a_province(geoparser, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gang violence in Mexico killed 12 people in Veracruz on Friday, officials in Mexico said."
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    mexico = [m.place for m in geoparser.places(document, doc) if m.span.text == "Mexico"]
    assert mexico and all(p is not None and p.feature_code == "PCLI" for p in mexico)


def test_a_city_named_only_inside_an_institution_is_a_place(geoparser, nlp) -> None:  # type: ignore[no-untyped-def]
    # the model reads "<city> City Hall" and "a <city> court" as organisations; the city they begin with is where
    # they stand, when it is a capital or a large city
    places = _resolved_places(geoparser, nlp, "Riot police blocked marchers from the square in front of Manila City "
                                              "Hall on Sunday.")
    assert any(name.startswith("Manila") and country == "PH" for name, country in places.items()), places
    places = _resolved_places(geoparser, nlp, "A Lyon court jailed two activists on Friday.")
    assert places.get("Lyon") == "FR", places


def test_overnight_before_a_weekday_is_that_weekdays_night(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # PUB is a Saturday: "overnight Thursday" is two days before it, bare "overnight" the report's own day
    told = _events(nlp, extractor, "Rioters fought police in Lomarut overnight Thursday.")
    assert told and {c.time.low for c in told if c.time} == {date(2021, 3, 18)}
    bare = _events(nlp, extractor, "Rioters fought police in Lomarut overnight.")
    assert bare and {c.time.low for c in bare if c.time} == {PUB}


def test_any_or_every_event_of_a_kind_is_a_rule_not_an_incident(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Police broke up a march in Lomarut on Friday. Any rally held after dark without a permit is treated as "
            "unlawful.")
    events = _events(nlp, extractor, text)
    assert events and all("Any rally" not in c.sentence.text for c in events), [c.sentence.text for c in events]


def test_an_event_noun_under_no_did_not_happen(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    text = "Police fired tear gas at protesters in Lomarut on Friday, but no major clashes occurred."
    events = _events(nlp, extractor, text)
    assert events and all(c.event_type != "Battles" for c in events), [(c.event_type, c.trigger) for c in events]
    assert "negated" in _why(nlp, keeping, text)
