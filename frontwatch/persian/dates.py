"""Persian dates on normalized text: Solar Hijri (Dari and Iranian month names), Gregorian month names written in
Persian, and relative expressions, resolved against the report's published date.

This module only reads the Persian words; what relative expressions mean is the shared arithmetic of
frontwatch/extract/relative_dates.py, the English path's conventions: a weekday is the most recent one on or before
the report's date; "since X" is a range up to the report's date; "last week" is the previous Monday–Sunday week;
precision 1 a day, 2 a week, 3 a month. Calendar arithmetic is jdatetime's (a maintained Jalali implementation);
Dari month names are mapped to their month numbers first (dateparser gets them wrong, see PACKAGES.md).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import jdatetime

from frontwatch.extract import relative_dates as rd
from frontwatch.persian.numbers import NUMBER, parse_number

SOLAR_MONTHS = {
    # Dari (Afghanistan): the zodiac names
    "حمل": 1, "ثور": 2, "جوزا": 3, "جوزای": 3, "سرطان": 4, "اسد": 5, "سنبله": 6, "میزان": 7, "عقرب": 8, "قوس": 9,
    "جدی": 10, "دلو": 11, "حوت": 12,
    # Iranian
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6, "مهر": 7, "آبان": 8,
    "ابان": 8, "آذر": 9, "اذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}  # fmt: skip
GREGORIAN_MONTHS = {
    "جنوری": 1, "ژانویه": 1, "ژانویه ی": 1, "فبروری": 2, "فوریه": 2, "مارچ": 3, "مارس": 3, "اپریل": 4, "آوریل": 4,
    "آپریل": 4, "می": 5, "مه": 5, "جون": 6, "ژوئن": 6, "جولای": 7, "ژوئیه": 7, "جولای ": 7, "اگست": 8, "آگوست": 8,
    "اوت": 8, "آگست": 8, "سپتامبر": 9, "سپتمبر": 9, "اکتبر": 10, "اکتوبر": 10, "نوامبر": 11, "نومبر": 11,
    "دسامبر": 12, "دسمبر": 12,
}  # fmt: skip
# Python weekday (Monday 0) of each Persian weekday name; the week starts on Saturday (شنبه).
WEEKDAYS = {"شنبه": 5, "یکشنبه": 6, "یک شنبه": 6, "دوشنبه": 0, "دو شنبه": 0, "سه شنبه": 1, "سهشنبه": 1,
            "چهارشنبه": 2, "چهار شنبه": 2, "پنجشنبه": 3, "پنج شنبه": 3, "جمعه": 4}  # fmt: skip


def _alt(words: object) -> str:
    return "(?:" + "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True)) + ")"  # type: ignore[attr-defined]


_B, _E = r"(?<![\w])", r"(?![\w])"
_SM, _GM, _WD = _alt(SOLAR_MONTHS), _alt(GREGORIAN_MONTHS), _alt(WEEKDAYS)
_NUM = NUMBER
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "۲۹ اسد ۱۴۰۰", "29 ماه اسد سال 1400", "۱۰ اگست ۲۰۲۱", "2021/08/10"
    ("day_month", re.compile(rf"{_B}(\d{{1,2}}|{_NUM})(?:\s*(?:ام|م))?\s+(?:ماه\s+)?(?P<m>{_SM}|{_GM})"
                             rf"(?:\s+(?:سال\s+)?(?P<y>\d{{4}}))?(?:\s*(?:هجری\s+)?(?:خورشیدی|شمسی|میلادی))?{_E}")),
    ("iso", re.compile(r"(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")),
    ("month", re.compile(rf"{_B}(?:ماه|در\s+ماه|اواسط|اوایل|اواخر)\s+(?P<m>{_SM}|{_GM})"
                         rf"(?:\s+(?:سال\s+)?(?P<y>\d{{4}}))?{_E}")),
    ("since_wd", re.compile(rf"{_B}از\s+(?:روز\s+)?(?P<wd>{_WD})(?:\s+(?:گذشته|پیش))?\s+(?:به\s+این\s+سو|تاکنون|"
                            rf"تا\s+کنون|بدین\s+سو|به\s+اینسو){_E}")),
    # A counted span first: "۱۰ روز گذشته" is the past ten days, not "روز گذشته" (yesterday) after a number.
    ("days_ago", re.compile(rf"{_B}(?P<n>\d+|{_NUM})\s+روز\s+(?:پیش|قبل){_E}")),
    ("past_days", re.compile(rf"{_B}(?P<n>\d+|{_NUM})\s+روز\s+(?:گذشته|اخیر){_E}")),
    ("past_hours", re.compile(rf"{_B}(?P<n>\d+|{_NUM})\s+ساعت\s+(?:گذشته|اخیر){_E}")),
    ("day_before_yesterday", re.compile(rf"{_B}(?:پریروز|پری\s+روز|روز\s+پیش\s+از\s+دیروز){_E}")),
    ("yesterday", re.compile(rf"{_B}(?:دیروز|دیشب|شب\s+گذشته|روز\s+گذشته){_E}")),
    ("today", re.compile(rf"{_B}(?:امروز|امشب|صبح\s+امروز|بامداد\s+امروز|ساعاتی\s+پیش|لحظاتی\s+پیش){_E}")),
    ("last_week", re.compile(rf"{_B}هفته\s+(?:گذشته|پیش|قبل){_E}")),
    ("this_week", re.compile(rf"{_B}(?:این|همین)\s+هفته{_E}")),
    ("last_month", re.compile(rf"{_B}ماه\s+(?:گذشته|پیش|قبل){_E}")),
    # "ساعت ۱:۴۰ بعد از ظهر": a clock time with no day is the report's day, as in the English path
    ("clock", re.compile(rf"{_B}ساعت\s+\d{{1,2}}(?::\d{{2}})?{_E}")),
    ("wd", re.compile(rf"{_B}(?:روز\s+)?(?P<wd>{_WD})(?:\s+(?P<last>گذشته|پیش))?{_E}")),
]


def solar_to_gregorian(year: int, month: int, day: int) -> date:
    return jdatetime.date(year, month, day).togregorian()


def _solar_year(published: date) -> int:
    return jdatetime.date.fromgregorian(date=published).year


def _month_range(month: int, year: int | None, solar: bool, published: date) -> tuple[date, date] | None:
    try:
        if solar:
            y = year if year is not None else _solar_year(published)
            first = solar_to_gregorian(y, month, 1)
            if year is None and first > published:
                y -= 1
                first = solar_to_gregorian(y, month, 1)
            nxt = solar_to_gregorian(y + (month == 12), month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        y = year if year is not None else published.year - (month > published.month)
        first = date(y, month, 1)
        nxt = date(y + (month == 12), month % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], published: date) -> tuple[date, date, int] | None:
    g = m.groupdict()
    if kind == "day_month":
        day = parse_number(m.group(1))
        name = g["m"]
        solar = name in SOLAR_MONTHS
        month = SOLAR_MONTHS[name] if solar else GREGORIAN_MONTHS[name]
        year = int(g["y"]) if g.get("y") else None
        if day is None or not 1 <= day <= 31:
            return None
        if year is not None and solar and year >= 1700:
            year -= 621  # "۱۰ اسد ۲۰۲۱": Asad of the solar year that falls in 2021
        elif year is not None and not solar and year < 1700:
            return None  # a Gregorian month with a solar year is no date
        try:
            if solar:
                y = year if year is not None else _solar_year(published)
                d = solar_to_gregorian(y, month, day)
                if year is None and d > published + timedelta(days=1):
                    d = solar_to_gregorian(y - 1, month, day)
            else:
                y = year if year is not None else published.year
                d = date(y, month, day)
                if year is None and d > published + timedelta(days=1):
                    d = date(y - 1, month, day)
        except ValueError:
            return None
        return d, d, 1
    if kind == "iso":
        y, mo, d0 = (int(x) for x in m.groups())
        try:
            d = solar_to_gregorian(y, mo, d0) if y < 1700 else date(y, mo, d0)
        except ValueError:
            return None
        return d, d, 1
    if kind == "month":
        name = g["m"]
        solar = name in SOLAR_MONTHS
        rng = _month_range(SOLAR_MONTHS[name] if solar else GREGORIAN_MONTHS[name],
                           int(g["y"]) if g.get("y") else None, solar, published)
        return (rng[0], rng[1], 3) if rng else None
    if kind == "since_wd":
        return rd.since_weekday(published, WEEKDAYS[re.sub(r"\s+", " ", g["wd"])])
    if kind == "day_before_yesterday":
        return rd.days_before(published, 2)
    if kind == "yesterday":
        return rd.days_before(published, 1)
    if kind in ("today", "clock"):
        return published, published, 1
    if kind in ("days_ago", "past_days", "past_hours"):
        n = parse_number(g["n"]) or 1
        if kind == "days_ago":
            return rd.days_before(published, n)
        # "the past n hours": the days they reach back into (a Persian report's "24 hours" is one day, a week-scale
        # precision by length, where the English path reads them as the report's day)
        return rd.past_days(published, n if kind == "past_days" else max(0, (n - 1) // 24 + 1))
    if kind == "last_week":
        return rd.last_week(published)
    if kind == "this_week":
        return rd.this_week(published)
    if kind == "last_month":
        return rd.last_month(published)
    if kind == "wd":
        return rd.weekday(published, WEEKDAYS[re.sub(r"\s+", " ", g["wd"])], last=bool(g.get("last")))
    return None


def find_dates(text: str, published: date) -> list[tuple[int, int, date, date, int]]:
    """(start, end, low, high, precision) of every date expression in normalized `text`, left to right, no overlaps;
    dates after the report's day are plans, not events, and are left out."""
    found: list[tuple[int, int, date, date, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            r = _resolve(kind, m, published)
            if r is None or r[0] > published + timedelta(days=1):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), *r))
    return sorted(found)


def find_absolute(text: str) -> list[tuple[int, int, date, date, int]]:
    """Dates that carry their year (usable without a published date)."""
    out = []
    for kind in ("day_month", "iso"):
        for m in dict(PATTERNS)[kind].finditer(text):
            if kind == "day_month" and not m.group("y"):
                continue
            r = _resolve(kind, m, date(9999, 12, 31))
            if r:
                out.append((m.start(), m.end(), *r))
    return sorted(out)
