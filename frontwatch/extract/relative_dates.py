"""Relative-date arithmetic shared by every language's date finder (English `time.py`, Persian `persian/dates.py`):
what "yesterday", "three days ago", "since Monday", "last week" mean against the report's published date. A
language's date finder only reads its words; the conventions are one: a weekday is the most recent one on or before
the report's day, "since X" runs up to the report's day, "last week" is the previous Monday–Sunday week, precision
1 a day, 2 a week, 3 a month."""

from __future__ import annotations

from datetime import date, timedelta

DateRange = tuple[date, date, int]  # low, high, precision


def precision(low: date, high: date) -> int:
    days = (high - low).days
    return 1 if days < 1 else 2 if days <= 7 else 3


def days_before(published: date, n: int) -> DateRange:
    """ "yesterday" (1), "the day before yesterday" (2), "n days ago"."""
    d = published - timedelta(days=n)
    return d, d, 1


def past_days(published: date, n: int) -> DateRange:
    """ "in the past n days": a range up to the report's day."""
    low = published - timedelta(days=n)
    return low, published, precision(low, published)


def weekday(published: date, target: int, last: bool = False) -> DateRange:
    """The most recent `target` weekday (Monday 0) on or before the report's day; "last <weekday>" on that very
    weekday or the day after is the week before ("last Thursday" in a Friday report: the day before was
    "yesterday", so the writer means the Thursday of the week before)."""
    back = (published.weekday() - target) % 7
    if last and back <= 1:
        back += 7
    d = published - timedelta(days=back)
    return d, d, 1


def since_weekday(published: date, target: int) -> DateRange:
    """ "since Monday": from the last such weekday before the report's day, up to it."""
    back = (published.weekday() - target) % 7 or 7
    low = published - timedelta(days=back)
    return low, published, precision(low, published)


def last_week(published: date) -> DateRange:
    monday = published - timedelta(days=published.weekday() + 7)
    return monday, monday + timedelta(days=6), 2


def this_week(published: date) -> DateRange:
    return published - timedelta(days=published.weekday()), published, 2


def last_month(published: date) -> DateRange:
    first = published.replace(day=1) - timedelta(days=1)
    return first.replace(day=1), first, 3
