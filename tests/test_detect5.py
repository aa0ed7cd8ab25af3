"""Detection and dates (issue 15, `detect5` area), on invented sentences: a multi-day incident told as one span of
days ("on 3 and 4 May"), read in a note dated by one of its days; a month that holds a note's own date; day/month
numbers whose written order makes an old date where the other order makes a recent one."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from frontwatch.extract.time import find_all, on_the_event_day
from frontwatch.model import NOT_AN_EVENT, Claim, Document, Span, TimeSpan, document_id_for
from tests.fixtures.nlp import ClaimsOf, toponym_mentions

# --- dates: spans of days, months, day/month order (extract/time.py) ----------------------------------------------


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Traders rioted on 3 and 4 May in the old town.", date(2021, 5, 3), date(2021, 5, 4)),
    ("Herders fought from 9 to 11 May over a well.", date(2021, 5, 9), date(2021, 5, 11)),
    ("Students clashed with guards on May 2-4, 2021.", date(2021, 5, 2), date(2021, 5, 4)),
    ("Drivers blocked roads on 06/05 and 07/05.", date(2021, 5, 6), date(2021, 5, 7)),
    ("Herders clashed on 3, 4 and 5 May near a dam.", date(2021, 5, 3), date(2021, 5, 5)),
])
def test_days_joined_by_and_or_to_are_one_span(text: str, low: date, high: date) -> None:
    (found,) = find_all(text, date(2021, 5, 20))
    assert found[2:4] == (low, high)


def test_days_far_apart_stay_two_dates() -> None:
    found = find_all("Shops were looted on 2 May and on 30 May.", date(2021, 6, 2))
    assert [f[2] for f in found] == [date(2021, 5, 2), date(2021, 5, 30)]


def _span(low: date, high: date, precision: int, text: str) -> TimeSpan:
    return TimeSpan(low, high, precision, Span(0, len(text), text))


def test_a_note_dated_by_one_day_of_a_span_takes_that_day() -> None:
    t = _span(date(2021, 5, 3), date(2021, 5, 4), 2, "on 3 and 4 May")
    got = on_the_event_day(t, date(2021, 5, 4))
    assert got is not None and (got.low, got.high, got.assumed) == (date(2021, 5, 4), date(2021, 5, 4), False)


def test_a_month_that_holds_the_notes_date_gives_the_notes_day() -> None:
    t = _span(date(2021, 3, 1), date(2021, 3, 31), 3, "in March")
    got = on_the_event_day(t, date(2021, 3, 17))
    assert got is not None and (got.low, got.high) == (date(2021, 3, 17),) * 2


def test_a_span_that_misses_the_notes_date_is_kept() -> None:
    t = _span(date(2021, 3, 1), date(2021, 3, 2), 2, "on 1 and 2 March")
    assert on_the_event_day(t, date(2021, 3, 9)) == t


@pytest.mark.parametrize(("published", "want"), [
    (date(2019, 6, 10), date(2019, 6, 8)),  # month first: a recent day, not August of the year before
    (date(2019, 8, 9), date(2019, 8, 6)),  # day first, the written order, when that is the recent one
])
def test_day_and_month_read_in_the_order_that_makes_a_recent_date(published: date, want: date) -> None:
    (found,) = find_all("Youths burned tyres on 06/08 near the depot.", published)
    assert found[2] == want


def test_a_full_date_read_in_the_order_that_makes_a_recent_date() -> None:
    (found,) = find_all("Gunmen raided a farm on 11/04/2019.", date(2019, 11, 6))
    assert found[2] == date(2019, 11, 4)


def _event_dated_claims(nlp: Language, extractor, text: str, day: date) -> list[Claim]:  # type: ignore[no-untyped-def]
    from frontwatch.annotate import annotate

    document = Document(document_id_for(text), text, "acled", "eval", None, None, None, day, "en",
                        metadata=(("dated", "event"),))
    ((_, doc),) = list(annotate(nlp, [document]))
    return [c for c in extractor.claims(document, doc, toponym_mentions(text, ()))
            if c.event_type != NOT_AN_EVENT]


@pytest.mark.parametrize("day", [date(2020, 9, 14), date(2020, 9, 15)])
def test_each_day_of_a_two_day_riot_note_is_dated_by_its_own_day(nlp: Language, extractor, day: date  # type: ignore[no-untyped-def]
                                                                   ) -> None:
    claims = _event_dated_claims(nlp, extractor, "Youths rioted on 14 and 15 September over a shortage of water.",
                                 day)
    assert claims and all(c.time is not None and (c.time.low, c.time.high) == (day, day) for c in claims)


# --- detection: harm and crowd acts in words the lexicon lacked (text/triggers.yaml) ---------------------------------


def _events(claims_of: ClaimsOf, text: str) -> list[Claim]:
    return [c for c in claims_of(text) if c.event_type != NOT_AN_EVENT]


@pytest.mark.parametrize(("text", "types"), [
    ("Pupils smashed the windows of the dining hall during the night.", {"Riots"}),
    ("Angry boarders shattered glass doors in the staff block.", {"Riots"}),
    ("Hundreds of hawkers took to the streets of the town centre on Friday.", {"Protests", "Riots"}),
    ("A suspected thief died after an act of mob justice at the bus stage.", {"Riots"}),
    ("Two rival camps were involved in a brawl outside the tallying hall.", {"Riots"}),
    ("Twenty shops were razed at the trading centre overnight.",
     {"Strategic developments", "Violence against civilians"}),
    ("Attackers destroyed a church and two homes in the settlement.",
     {"Strategic developments", "Violence against civilians"}),
    ("Dozens of families fled after fresh conflict between two clans over a borehole.",
     {"Battles", "Riots", "Violence against civilians"}),
])
def test_acts_of_violence_the_lexicon_lacked_are_events(claims_of: ClaimsOf, text: str, types: set[str]) -> None:
    got = {c.event_type for c in _events(claims_of, text)}
    assert got and got <= types, got


@pytest.mark.parametrize("text", [
    "Heavy rains destroyed homes and crops in the lowlands.",  # weather, not a side
    "The council destroyed its old records in a routine clean-up.",  # no property of the kind
    "Strong winds shattered the windows of the school hall.",  # the weather, not a crowd
])
def test_the_new_words_stay_quiet_without_violence(claims_of: ClaimsOf, text: str) -> None:
    assert _events(claims_of, text) == []


# --- detection: misspelt trigger words (text/typos.py) ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("Gunmen ambsuhed a lorry near the quarry.", "ambsuhed"),
    ("Armed men abudcted a teacher from the school.", "abudcted"),
    ("Traders held deomnstrations against a new levy.", "deomnstrations"),
    ("Militants masacred villagers at the well.", "masacred"),
])
def test_a_misspelt_trigger_word_still_reports_its_event(claims_of: ClaimsOf, text: str, word: str) -> None:
    # the lexicon reads the misspelt word itself (the classifier alone may guess an event from the rest)
    assert any(c.trigger is not None and c.trigger.text == word for c in _events(claims_of, text))


def test_slips_make_no_short_or_substituted_words() -> None:
    from frontwatch.text.lexicon import load_lexicon
    from frontwatch.text.typos import slips

    keys = load_lexicon().by_lemma()
    assert "arid" not in keys and "cashed" not in keys and "attacker" not in keys  # real words: no slips of triggers
    assert "attakced" in keys and "attacked" not in slips("attacked")


@pytest.mark.parametrize(("published", "want"), [
    (date(2022, 3, 11), date(2022, 3, 3)),  # a Friday report: the Thursday before was "yesterday", so the week before
    (date(2022, 3, 10), date(2022, 3, 3)),  # a Thursday report: the week before (as before)
    (date(2022, 3, 13), date(2022, 3, 10)),  # a Sunday report: three days back
])
def test_last_weekday_is_not_yesterday(published: date, want: date) -> None:
    (found,) = find_all("Gunmen raided a police post last Thursday.", published)
    assert found[2] == want


@pytest.mark.parametrize(("text", "subs"), [
    ("Armed men seized three nurses from the health centre at dawn.", {"Abduction/forced disappearance"}),
    ("An angry mob seized a man accused of stealing a goat and killed him.", {"Mob violence"}),
    ("Security officers rounded up dozens of hawkers in the old market.", {"Arrests"}),
    ("Detectives apprehended two men over the ambush plot.", {"Arrests"}),
    # a crowd's ransacking is its mob violence (typed by the sides); a gang's, property destroyed
    ("Angry youths ransacked the ward administrator's office.", {"Looting/property destruction", "Mob violence"}),
    ("A gang ransacked the offices of a local party.", {"Looting/property destruction", "Mob violence"}),
])
def test_seizing_people_arresting_and_ransacking_are_events(claims_of: ClaimsOf, text: str, subs: set[str]) -> None:
    got = {c.sub_event_type for c in _events(claims_of, text)}
    assert got and got <= subs, got


def test_a_crowd_burning_tyres_is_a_demonstration(claims_of: ClaimsOf) -> None:
    got = {c.event_type for c in _events(claims_of, "Boda boda riders burnt tyres on the bypass over harassment.")}
    assert got and got <= {"Protests", "Riots"}, got


@pytest.mark.parametrize("text", [
    "The panel will round up its hearings next week.",  # no people rounded up
    "Old tyres were burnt at the dump to clear space.",  # no crowd
])
def test_round_up_and_burnt_tyres_need_people_and_a_crowd(claims_of: ClaimsOf, text: str) -> None:
    assert _events(claims_of, text) == []
