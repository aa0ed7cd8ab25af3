"""Time: date expressions normalized against the report's published date, as a low/high range with ACLED precision.

dateparser handles absolute dates; relative expressions ("yesterday", "on Saturday", "since Sunday", "last week")
are resolved here because dateparser gets weekdays and ranges wrong for past reporting (see PACKAGES.md).
No date in the text: the report's date with precision 2, flagged `assumed` — never an invented day.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from frontwatch.model import Span, TimeSpan

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|" \
       r"jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_WD = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "a": 1, "a couple of": 2, "several": 3}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?:on\s+)?{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("dmy", re.compile(rf"\b(?:on\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?\b",
                       re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("since_wd", re.compile(rf"\bsince\s+(?:last\s+)?{_WD}\b", re.I)),
    ("wd", re.compile(rf"\b(?:on\s+|last\s+|early\s+on\s+|late\s+on\s+|early\s+|late\s+)?{_WD}(?:\s+(?:night|morning|"
                      r"evening|afternoon))?\b", re.I)),
    ("day_before_yesterday", re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b|\blast\s+night\b", re.I)),
    ("today", re.compile(r"\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b|\bearlier\s+today\b",
                         re.I)),
    ("past_hours", re.compile(r"\b(?:in\s+|over\s+)?the\s+(?:past|last)\s+(24|48|72)\s+hours\b", re.I)),
    ("days_ago", re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)\s+days?\s+ago\b",
                            re.I)),
    ("last_week", re.compile(r"\blast\s+week\b|\bthe\s+previous\s+week\b", re.I)),
    ("this_week", re.compile(r"\b(?:earlier\s+)?this\s+week\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|during)\s+(?:early\s+|late\s+|mid-?)?{_MON}(?:\s+(\d{{4}}))?\b", re.I)),
    ("clock", re.compile(r"\b(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s+(?:GMT|UTC|local time))?",
                         re.I)),
]


def _month_year(month: int, day: int | None, published: date, year: str | None) -> int:
    if year:
        return int(year)
    # A month later than the report's is last year's ("in December", written in January).
    if month > published.month or (month == published.month and day is not None and day > published.day + 1):
        return published.year - 1
    return published.year


def _resolve(kind: str, m: re.Match[str], published: date) -> tuple[date, date, int] | None:
    g = m.groups()
    if kind == "mdy" or kind == "dmy":
        mon, day = (g[0], g[1]) if kind == "mdy" else (g[1], g[0])
        month = MONTHS[mon.lower().rstrip(".")]
        d = int(day)
        y = _month_year(month, d, published, g[2])
        if d < 1 or d > monthrange(y, month)[1]:
            return None
        return date(y, month, d), date(y, month, d), 1
    if kind == "iso":
        try:
            d0 = date(int(g[0]), int(g[1]), int(g[2]))
        except ValueError:
            return None
        return d0, d0, 1
    if kind == "since_wd":
        target = WEEKDAYS.index(g[0].lower())
        back = (published.weekday() - target) % 7 or 7
        low = published - timedelta(days=back)
        return low, published, 2 if back > 1 else 1
    if kind == "wd":
        target = WEEKDAYS.index(g[0].lower())
        # Reporting is about the past: the most recent such day on or before the report's date.
        back = (published.weekday() - target) % 7
        if m.group(0).lower().startswith("last ") and back == 0:
            back = 7
        d0 = published - timedelta(days=back)
        return d0, d0, 1
    if kind == "day_before_yesterday":
        d0 = published - timedelta(days=2)
        return d0, d0, 1
    if kind == "yesterday":
        d0 = published - timedelta(days=1)
        return d0, d0, 1
    if kind in ("today", "clock"):
        return published, published, 1
    if kind == "past_hours":
        return published - timedelta(days=int(g[0]) // 24), published, 1
    if kind == "days_ago":
        n = int(g[0]) if g[0].isdigit() else NUMBER_WORDS.get(g[0].lower(), 2)
        d0 = published - timedelta(days=n)
        return d0, d0, 1
    if kind == "last_week":
        monday = published - timedelta(days=published.weekday() + 7)
        return monday, monday + timedelta(days=6), 2
    if kind == "this_week":
        return published - timedelta(days=published.weekday()), published, 2
    if kind == "last_month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), first, 3
    if kind == "this_month":
        return published.replace(day=1), published, 3
    if kind == "in_month":
        month = MONTHS[g[0].lower().rstrip(".")]
        y = _month_year(month, None, published, g[1])
        low = date(y, month, 1)
        high = date(y, month, monthrange(y, month)[1])
        if y == published.year and month == published.month:
            high = published
        return low, high, 3
    return None


def find_all(text: str, published: date) -> list[tuple[int, int, date, date, int]]:
    found: list[tuple[int, int, date, date, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            r = _resolve(kind, m, published)
            if r:
                found.append((m.start(), m.end(), *r))
                taken.append((m.start(), m.end()))
    return sorted(found)


def find_time(doc: Any, sent: Any, published: date | None, trigger: Any = None) -> TimeSpan | None:
    """The time of the event a sentence (and its trigger) describes."""
    if published is None:
        # Without the report's date only absolute dates can be read.
        published_guess = None
        for kind in ("mdy", "dmy", "iso"):
            pat = dict(PATTERNS)[kind]
            for m in pat.finditer(sent.text):
                if m.groups()[-1] or kind == "iso":
                    r = _resolve(kind, m, date(int(m.groups()[-1] if kind != "iso" else m.group(1)), 12, 31))
                    if r:
                        s0 = sent.start_char + m.start()
                        return TimeSpan(r[0], r[1], r[2], Span(s0, s0 + len(m.group(0)), m.group(0)))
        return published_guess
    text = sent.text
    found = find_all(text, published)
    found = [f for f in found if f[2] <= published + timedelta(days=1)]  # future plans are not events
    if not found:
        return TimeSpan(published, published, 2, None, assumed=True)
    if trigger is not None:
        t0 = trigger.idx - sent.start_char
        # Prefer a precise expression; among those, the one nearest the trigger.
        best = min(found, key=lambda f: (f[4] if f[4] > 1 else 0, min(abs(f[0] - t0), abs(f[1] - t0))))
    else:
        best = found[0]
    s, e, low, high, prec = best
    start = sent.start_char + s
    return TimeSpan(low, high, prec, Span(start, start + (e - s), text[s:e]))
