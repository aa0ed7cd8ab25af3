"""Tolls and dates as ACLED codes them, on invented sentences: deaths told without a figure, killing words, lists
summed, the toll of a sentence (or of the sentence after it) given to its event, one location's toll kept whole,
one account's toll by its largest figure; dates read from the text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from frontwatch.extract.claims import claims_per_place
from frontwatch.extract.counts import acled_fatalities, find_counts
from frontwatch.extract.time import find_all, find_time
from frontwatch.fuse import fuse
from frontwatch.model import Count, CountKind, Document, Place, PlaceMention, Span, document_id_for
from tests.fixtures.nlp import ClaimsOf
from tests.fuse_helpers import claim, doc

K = CountKind.KILLED
PUB = date(2021, 8, 21)  # a Saturday


def _toll(nlp, text: str) -> int:  # type: ignore[no-untyped-def]
    return acled_fatalities([c for s in nlp(text).sents for c in find_counts(s)])


@pytest.mark.parametrize(("text", "dead"), [
    # one victim, named without a figure
    ("A trader is killed by a gang of robbers near the market.", 1),
    ("A shopkeeper was lynched by villagers over a stolen goat.", 1),
    ("Villagers lynch a suspected burglar in the settlement.", 1),
    ("Gunmen killed a police officer at a checkpoint.", 1),
    ("An elder was shot dead at his farm by raiders.", 1),
    ("A teacher is shot and killed by unknown assailants.", 1),
    ("The chief's bodyguard was gunned down outside the office.", 1),
    ("A herder died after he was attacked by a rival group.", 1),
    ("Raiders shot dead a boy and his father.", 2),
    ("A councillor was shot dead along with two bodyguards and a driver.", 4),
    ("The body of a woman was discovered in a maize field.", 1),
    ("A 30-year-old farmer was hacked to death.", 1),  # the age is no count
    # figures with a killing word
    ("Two suspected thieves were lynched by a mob.", 2),
    ("Villagers stoned three suspected robbers to death.", 3),
    ("Six people were hacked to death in the raid.", 6),
    ("Five herders are feared dead after the raid.", 5),
    ("One is killed and two others injured in a land clash.", 1),
    ("One dead, four injured in a clash over grazing land.", 1),
    ("Militants attacked the town, killing two police and injuring scores of civilians.", 2),
    ("A blast at a bus stop kills one soldier and injures two others.", 1),
    ("Bandits killed one of his bodyguards.", 1),
    ("The clash caused the death of one herder.", 1),
    # lists and sums
    ("4 soldiers, 1 policeman and 1 militiaman were killed in the ambush.", 6),
    ("3 insurgents and 1 soldier were killed in the exchange of fire.", 4),
    ("A police officer and two youths were killed at the market.", 3),
    ("4 policemen were killed and 3 were wounded.", 4),  # the killed count is kept
    ("At least 12 (other reports say 20) people were killed in the clashes.", 12),
    # no death
    ("No one was killed in the attack.", 0),
    ("Three people were injured in the blast.", 0),
    ("A mob attacked and nearly killed a suspected thief.", 0),
    ("The raiders threatened to kill the chief.", 0),
    ("Police arrested a man suspected of killing his neighbour.", 0),
    ("Two gunmen shot and killed a guard.", 1),  # the two are the killers
    ("Several of the herd were killed when a lorry hit them.", 0),
    ("Residents on 15/01 lynched two suspected robbers.", 2),  # the date is no count
])
def test_tolls(nlp, text: str, dead: int) -> None:  # type: ignore[no-untyped-def]
    assert _toll(nlp, text) == dead


def test_a_sentences_toll_goes_to_its_event(claims_of: ClaimsOf) -> None:
    # the toll clause would otherwise be a second event without a place, which fusion drops
    claims = claims_of("Militants attack soldiers in Lomarut on Monday, five soldiers killed, eight wounded.",
                       ["Lomarut"])
    placed = [c for c in claims if c.places]
    assert placed and placed[0].fatalities_acled == 5
    assert not [c for c in claims if not c.places and c.fatalities_acled]
    # a toll outside every event's clause is the event's
    (c, *_) = claims_of("Four people are feared dead after raiders ambushed herders at Lomarut.", ["Lomarut"])
    assert c.fatalities_acled == 4


def test_a_sentence_that_only_gives_a_toll_gives_the_event_before_it(claims_of: ClaimsOf) -> None:
    claims = claims_of("Militants attacked Lomarut town with grenades on Tuesday. Fourteen dead. Police are searching.",
                       ["Lomarut"])
    assert max(c.fatalities_acled for c in claims) == 14
    later = claims_of("Militants attacked Lomarut town with grenades on Tuesday.\n\nFourteen dead.", ["Lomarut"])
    assert max(c.fatalities_acled for c in later) == 0  # another paragraph, no pointer back: not that event's toll


def test_non_violent_sub_types_carry_no_fatalities(claims_of: ClaimsOf) -> None:
    claims = claims_of("Traders protested in Lomarut over the killing of two colleagues by robbers.", ["Lomarut"])
    protest = [c for c in claims if c.event_type == "Protests"]
    assert protest and all(c.fatalities_acled == 0 for c in protest)


def _mention(text: str, name: str, place: Place) -> PlaceMention:
    start = text.index(name)
    return PlaceMention(Span.of(text, start, start + len(name)), place, 1.0, "t")


def test_one_location_named_twice_keeps_its_whole_toll() -> None:
    text = "Six people were killed in Lomarut, Lamu County, and in Garsen."
    d = Document(document_id_for(text), text, "t", "text")
    town = Place("Lomarut", 1, "PPL", "KE", "Lamu", "KE.L", lat=-1.10, lon=41.20, geo_precision=1)
    county = Place("Lamu County", 2, "ADM1", "KE", "Lamu", "KE.L", lat=-2.10, lon=40.90, geo_precision=3)
    far = Place("Garsen", 3, "PPL", "KE", "Tana River", "KE.T", lat=-2.27, lon=40.12, geo_precision=1)
    near = Place("Lomarut East", 4, "PPL", "KE", "Lamu", "KE.L", lat=-1.12, lon=41.25, geo_precision=1)

    def tolls(places: list[tuple[str, Place]]) -> list[int]:
        mentions = [_mention(text, n, p) for n, p in places]
        return [c.fatalities_acled for c in claims_per_place(
            d, Span.of(text, 0, len(text)), Span.of(text, 16, 22), mentions, 6, 0.8, ["t"],
            event_type="Violence against civilians", sub_event_type="Attack")]

    assert tolls([("Lomarut", town), ("Lamu County", county)]) == [6, 6]  # a town and its county: one location
    assert tolls([("Lomarut", town), ("Lomarut", near)]) == [6, 6]  # points 6 km apart: one location
    assert tolls([("Lomarut", town), ("Garsen", far)]) == [3, 3]  # two locations share the toll


def test_one_accounts_figures_are_parts_or_updates_accounts_that_disagree_take_the_lowest() -> None:
    a = doc("Gunmen killed four worshippers. The toll later rose to six.", "a.org")
    first = claim(a, 1, sub="Attack", event_type="Violence against civilians", fatalities=4,
                  counts=(Count(K, 4),))
    update = claim(a, 2, sub="Attack", event_type="Violence against civilians", fatalities=6,
                   counts=(Count(K, 6),))
    [e] = fuse([first, update], {a.document_id: a}).events
    assert e.fatalities == 6
    b = doc("Officials said three worshippers were killed.", "b.org")
    other = claim(b, 1, sub="Attack", event_type="Violence against civilians", fatalities=3, counts=(Count(K, 3),))
    [e] = fuse([first, update, other], {a.document_id: a, b.document_id: b}).events
    assert e.fatalities == 3  # two accounts disagree: ACLED's lowest


@pytest.mark.parametrize(("text", "day"), [
    ("Militants attacked a police post on 28/12, killing two officers.", date(2021, 12, 28) - timedelta(days=365)),
    ("A trader was found dead (03/08) near the market.", date(2021, 8, 3)),
    ("Police shot two suspects on the evening of 19/08.", date(2021, 8, 19)),
    ("Raiders attacked the village overnight.", date(2021, 8, 21)),  # one day, the report's: not split over two
    ("Gunmen killed a chief on Thursday.", date(2021, 8, 19)),  # a weekday: the last one before the report
])
def test_dates_read_against_the_report(nlp, text: str, day: date) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    t = find_time(doc, next(iter(doc.sents)), PUB)
    assert t is not None and not t.assumed and (t.low, t.high) == (day, day)


def test_day_month_needs_a_date_word() -> None:
    assert find_all("Guards watch the camp 24/7.", PUB) == []
    assert find_all("on 12/28", PUB)[0][2] == date(2020, 12, 28)  # month first where the numbers say so


def test_an_elaborating_sentence_takes_the_narratives_day(claims_of: ClaimsOf) -> None:
    text = ("Militants attacked a police post in Lomarut on Thursday. "
            "The police also arrested two suspects in Lomarut.")
    claims = claims_of(text, ["Lomarut"], published=PUB)
    arrest = [c for c in claims if c.sub_event_type == "Arrests"]
    assert arrest and all(c.time is not None and (c.time.low, c.time.high) == (date(2021, 8, 19),) * 2
                          for c in arrest)
    alone = claims_of("The police arrested two suspects in Lomarut.", ["Lomarut"], published=PUB)
    assert all(c.time is not None and c.time.assumed for c in alone)  # nothing read: the report's day, flagged


def test_a_day_just_after_the_report_is_not_last_years() -> None:
    # two days after the report: a plan or a slip (dropped as an event day), never the same day a year before
    (found,) = find_all("A rally is called for on 23/08.", PUB)
    assert found[2] == date(2021, 8, 23)
    assert find_all("The clash of 30/12 left one dead.", date(2022, 1, 2))[0][2] == date(2021, 12, 30)


def test_the_day_of_another_happening_is_not_the_events(claims_of: ClaimsOf) -> None:
    text = "Traders held a protest in Lomarut over the murder of a colleague, which occurred on 12/08."
    claims = claims_of(text, ["Lomarut"], published=PUB)
    protest = [c for c in claims if c.event_type == "Protests"]
    assert protest and all(c.time is not None and c.time.assumed for c in protest)
    murder = [c for c in claims if c.trigger is not None and c.trigger.text == "murder"]
    assert all(c.time is not None and c.time.low == date(2021, 8, 12) for c in murder)  # its own clause's day
    text = "Residents protested in Lomarut following the killing of a youth by police on Thursday."
    protest = [c for c in claims_of(text, ["Lomarut"], published=PUB) if c.event_type == "Protests"]
    assert protest and all(c.time is not None and c.time.low != date(2021, 8, 19) for c in protest)


def test_a_toll_sentence_read_with_its_dead_as_agent_still_gives_the_event_before_it(claims_of: ClaimsOf) -> None:
    # "Two traders killed." parses as traders killing: its "actor 1" is the toll's own words
    claims = claims_of("Rioters looted shops and fought police in Lomarut town. Two traders killed.", ["Lomarut"])
    placed = [c for c in claims if c.places]
    assert placed and max(c.fatalities_acled for c in placed) == 2
