"""One relative-date arithmetic for every language (frontwatch/extract/relative_dates.py): the English and Persian
date finders read their own words and agree on what they mean."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract import relative_dates as rd
from frontwatch.extract.time import find_all
from frontwatch.persian.dates import find_dates
from frontwatch.persian.normalize import normalize_text

PUB = date(2021, 8, 18)  # a Wednesday


@pytest.mark.parametrize(("english", "persian"), [
    ("yesterday", "دیروز"),
    ("the day before yesterday", "پریروز"),
    ("three days ago", "سه روز پیش"),
    ("last week", "هفته گذشته"),
    ("this week", "این هفته"),
    ("last month", "ماه گذشته"),
    ("on Monday", "روز دوشنبه"),
    ("since Monday", "از روز دوشنبه تاکنون"),
    ("in the past 10 days", "۱۰ روز اخیر"),
])
def test_english_and_persian_read_a_relative_date_alike(english: str, persian: str) -> None:
    [(_, _, *en)] = find_all(english, PUB)
    [(_, _, *fa)] = find_dates(normalize_text(persian), PUB)
    assert en == fa


def test_the_shared_arithmetic() -> None:
    assert rd.weekday(PUB, 2) == (PUB, PUB, 1)  # "Wednesday", said on a Wednesday: that day
    assert rd.weekday(PUB, 2, last=True) == (date(2021, 8, 11),) * 2 + (1,)  # "last Wednesday": the week before
    assert rd.since_weekday(PUB, 2) == (date(2021, 8, 11), PUB, 2)
    assert rd.last_week(PUB) == (date(2021, 8, 9), date(2021, 8, 15), 2)
    assert rd.last_month(PUB) == (date(2021, 7, 1), date(2021, 7, 31), 3)
    assert rd.past_days(PUB, 30) == (date(2021, 7, 19), PUB, 3)
