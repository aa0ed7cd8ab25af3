"""Solar Hijri (Dari and Iranian month names), Gregorian months in Persian and relative dates."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.persian.dates import find_dates, solar_to_gregorian
from frontwatch.persian.normalize import normalize

PUBLISHED = date(2021, 8, 21)  # a Saturday; 30 Asad 1400


def _one(text: str, published: date = PUBLISHED) -> tuple[date, date, int]:
    found = find_dates(normalize(text).text, published)
    assert len(found) == 1, found
    return found[0][2], found[0][3], found[0][4]


def test_29_asad_1400_is_20_august_2021() -> None:
    assert solar_to_gregorian(1400, 5, 29) == date(2021, 8, 20)
    text = normalize("روز جمعه، ۲۹ اسد ۱۴۰۰، گفت").text
    found = [f for f in find_dates(text, PUBLISHED) if "اسد" in text[f[0] : f[1]]]
    assert [(f[2], f[3], f[4]) for f in found] == [(date(2021, 8, 20), date(2021, 8, 20), 1)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("۲۹ مرداد ۱۴۰۰", date(2021, 8, 20)),  # Iranian name of the same month
        ("1 حمل 1400", date(2021, 3, 21)),
        ("۱۹ اسد", date(2021, 8, 10)),  # the year is the report's
        ("۱۰ اگست ۲۰۲۱", date(2021, 8, 10)),
        ("۱۰ اسد ۲۰۲۱", date(2021, 8, 1)),  # Asad of the solar year that falls in 2021
    ],
)
def test_explicit_dates(text: str, day: date) -> None:
    assert _one(text) == (day, day, 1)


def test_first_sonbola_after_the_report_and_before() -> None:
    assert _one("۱ سنبله ۱۴۰۰", date(2021, 8, 24))[0] == date(2021, 8, 23)
    assert find_dates(normalize("۱ سنبله ۱۴۰۰").text, PUBLISHED) == []  # 23 Aug is after a report of 21 Aug


def test_month_without_year_after_report_is_last_year() -> None:
    # 5 Hut (24 Feb) written in August 1400 is 5 Hut 1399 = 2021-02-23
    assert _one("۵ حوت")[0] == date(2021, 2, 23)


@pytest.mark.parametrize(
    ("text", "low", "high", "precision"),
    [
        ("دیروز", date(2021, 8, 20), date(2021, 8, 20), 1),
        ("امروز", date(2021, 8, 21), date(2021, 8, 21), 1),
        ("پریروز", date(2021, 8, 19), date(2021, 8, 19), 1),
        ("دو روز پیش", date(2021, 8, 19), date(2021, 8, 19), 1),
        ("۳ روز قبل", date(2021, 8, 18), date(2021, 8, 18), 1),
        ("هفته گذشته", date(2021, 8, 9), date(2021, 8, 15), 2),
        ("روز جمعه", date(2021, 8, 20), date(2021, 8, 20), 1),
        ("یکشنبه", date(2021, 8, 15), date(2021, 8, 15), 1),
        ("سه‌شنبه", date(2021, 8, 17), date(2021, 8, 17), 1),
        ("شنبه", date(2021, 8, 21), date(2021, 8, 21), 1),
        ("از روز یکشنبه به این سو", date(2021, 8, 15), date(2021, 8, 21), 2),
        ("ماه اسد", date(2021, 7, 23), date(2021, 8, 22), 3),
        # "the past 10 days" is a range up to the report's day, not "روز گذشته" (yesterday) after a number
        ("۱۰ روز گذشته", date(2021, 8, 11), date(2021, 8, 21), 3),
        ("در ده روز گذشته", date(2021, 8, 11), date(2021, 8, 21), 3),
        ("سه روز اخیر", date(2021, 8, 18), date(2021, 8, 21), 2),
        ("روز گذشته", date(2021, 8, 20), date(2021, 8, 20), 1),
    ],
)
def test_relative_dates(text: str, low: date, high: date, precision: int) -> None:
    assert _one(text) == (low, high, precision)


def test_future_dates_are_plans_not_events() -> None:
    assert find_dates(normalize("۱۰ سنبله ۱۴۰۰").text, PUBLISHED) == []


def test_month_names_that_are_words_need_a_day() -> None:
    assert find_dates(normalize("سرطان و میزان تیر").text, PUBLISHED) == []
