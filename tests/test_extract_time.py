"""Time: relative and absolute dates normalized against a fixed published date (a Saturday), on real spaCy docs."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract.time import find_time

PUB = date(2021, 8, 21)  # a Saturday
MONDAY = date(2021, 8, 16)


def _first(nlp, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return doc, next(iter(doc.sents))


@pytest.mark.parametrize(("text", "low", "high", "precision"), [
    ("Taliban forces captured the city on August 10.", date(2021, 8, 10), date(2021, 8, 10), 1),
    ("The town fell on 10 August 2021.", date(2021, 8, 10), date(2021, 8, 10), 1),
    ("The base fell on Aug. 10, 2021.", date(2021, 8, 10), date(2021, 8, 10), 1),
    ("The base fell on 12/08/2021.", date(2021, 8, 12), date(2021, 8, 12), 1),
    ("On Sept. 3 the town fell.", date(2020, 9, 3), date(2020, 9, 3), 1),  # a later month is last year's
    ("Fighting raged yesterday in the district.", date(2021, 8, 20), date(2021, 8, 20), 1),
    ("Fighting raged today in the district.", PUB, PUB, 1),
    ("Rebels attacked a checkpoint on Saturday.", PUB, PUB, 1),  # the report's own weekday: that day
    ("Rebels attacked a checkpoint on Sunday.", date(2021, 8, 15), date(2021, 8, 15), 1),
    ("Rebels attacked a checkpoint Friday.", date(2021, 8, 20), date(2021, 8, 20), 1),
    ("Rebels attacked a checkpoint last Saturday.", date(2021, 8, 14), date(2021, 8, 14), 1),
    ("The town fell on Wednesday night.", date(2021, 8, 18), date(2021, 8, 18), 1),
    ("Twelve people have been killed since Sunday.", date(2021, 8, 15), PUB, 2),
    ("Twelve people have been killed since Friday.", date(2021, 8, 20), PUB, 2),
    ("Forty people have been killed since July 1.", date(2021, 7, 1), PUB, 3),
    ("The city fell last week.", date(2021, 8, 9), date(2021, 8, 15), 2),
    ("Fighting continued this week.", MONDAY, PUB, 2),
    ("The city fell over the weekend.", PUB, PUB, 2),
    ("A post at 1.40pm GMT said the district was retaken.", PUB, PUB, 1),
    ("Clashes erupted last month.", date(2021, 7, 1), date(2021, 7, 31), 3),
    ("Clashes erupted earlier this month.", date(2021, 8, 1), PUB, 3),
    ("In the past 24 hours, five soldiers died.", date(2021, 8, 20), PUB, 1),
    ("Over the past three days, five soldiers died.", date(2021, 8, 18), PUB, 2),
    ("Militants stormed the base two days ago.", date(2021, 8, 19), date(2021, 8, 19), 1),
    ("The district fell in December.", date(2020, 12, 1), date(2020, 12, 31), 3),
])
def test_dates(nlp, text: str, low: date, high: date, precision: int) -> None:
    doc, sent = _first(nlp, text)
    t = find_time(doc, sent, PUB)
    assert t is not None and (t.low, t.high, t.precision) == (low, high, precision), t
    assert not t.assumed and t.span is not None and text[t.span.start:t.span.end] == t.span.text


def test_weekday_edges_follow_the_published_weekday(nlp) -> None:
    doc, sent = _first(nlp, "Rebels attacked the post on Monday.")
    assert find_time(doc, sent, date(2021, 8, 16)).low == date(2021, 8, 16)  # a Monday report: that Monday
    assert find_time(doc, sent, date(2021, 8, 15)).low == date(2021, 8, 9)  # a Sunday report: the day before last
    doc2, sent2 = _first(nlp, "Ten were killed since Monday.")
    t = find_time(doc2, sent2, date(2021, 8, 16))  # "since Monday" on a Monday: the week before, not today
    assert (t.low, t.high) == (date(2021, 8, 9), date(2021, 8, 16))


def test_no_date_is_flagged_not_invented(nlp) -> None:
    doc, sent = _first(nlp, "Rebels took the district.")
    t = find_time(doc, sent, PUB)
    assert t is not None and t.assumed and (t.low, t.high, t.precision) == (PUB, PUB, 2) and t.span is None
    assert find_time(doc, sent, None) is None
    doc2, sent2 = _first(nlp, "The town fell on 10 August 2021.")
    t2 = find_time(doc2, sent2, None)  # a full date needs no report date
    assert t2 is not None and t2.low == date(2021, 8, 10) and not t2.assumed


def test_plans_and_ordinary_words_are_not_dates(nlp) -> None:
    for text in ("Rebels plan to attack the town next week.", "Protesters may march on the capital.",
                 "The 2019 attack is still remembered."):
        doc, sent = _first(nlp, text)
        t = find_time(doc, sent, PUB)
        assert t is not None and t.assumed, (text, t)


def test_the_expression_in_the_triggers_clause_wins(nlp) -> None:
    text = "Rebels attacked the post on Tuesday and the town fell on Thursday."
    doc, sent = _first(nlp, text)
    fell = next(t for t in doc if t.text == "fell")
    attacked = next(t for t in doc if t.text == "attacked")
    assert find_time(doc, sent, PUB, fell).low == date(2021, 8, 19)
    assert find_time(doc, sent, PUB, attacked).low == date(2021, 8, 17)
    text2 = "Officials said on Friday that the Taliban captured the city on August 10."
    doc2, sent2 = _first(nlp, text2)
    captured = next(t for t in doc2 if t.text == "captured")
    assert find_time(doc2, sent2, PUB, captured).low == date(2021, 8, 10)


def test_seed_sentences(nlp, shared_dir) -> None:  # type: ignore[no-untyped-def]
    text = (shared_dir / "examples" / "seed-article.txt").read_text("utf-8")
    doc = nlp(text)
    sents = list(doc.sents)

    def time_of(fragment: str, trigger: str):  # type: ignore[no-untyped-def]
        sent = next(s for s in sents if fragment in s.text)
        tok = next(t for t in sent if t.text == trigger)
        return find_time(doc, sent, PUB, tok)

    assert time_of("captured Pul-e-Khumri", "captured").low == date(2021, 8, 10)
    since = time_of("At least 12 people", "killed")
    assert (since.low, since.high, since.precision) == (date(2021, 8, 15), PUB, 2)
    post = time_of("A post at 1.40pm GMT", "taken")
    assert post.low == PUB and post.precision == 1 and not post.assumed
    seized = time_of("were all seized", "seized")
    assert seized.assumed and seized.low == PUB and seized.precision == 2
