"""Time: date expressions normalized against the report's published date, as a low/high range with ACLED precision.

Relative expressions ("yesterday", "on Saturday", "since Sunday", "last week") are resolved by rules here because
dateparser gets weekdays (the previous week's Saturday) and ranges (nothing for "since Sunday") wrong for past
reporting (see PACKAGES.md); dateparser reads the numeric forms ("12/08/2021") that rules would misorder.
Reporting is about the past: a weekday is the most recent one on or before the report's date, and dates after it
are plans, not events. No date in the text: the report's date with precision 2, flagged `assumed` — never an
invented day. Precision follows ACLED: 1 a day, 2 a week (or a range of up to 7 days), 3 a month.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract import relative_dates as rd
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
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "a": 1, "a couple of": 2, "a few": 3, "few": 3, "several": 4}
_NW = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few|few|several"

# Days joined into one span: "5-7 June", "on 14 and 15 June", "on 3, 4 and 5 May", "between March 3 and 5" (a
# multi-day incident).
_TO = r"\s*(?:-|–|to|and|&|until|till|through)\s*(?:the\s+)?"
_ORD = r"(?:st|nd|rd|th)?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dd_mon", re.compile(rf"\b(?:on\s+|between\s+|from\s+)?(?:the\s+)?(\d{{1,2}}){_ORD}(?:,\s*\d{{1,2}}{_ORD})*{_TO}"
                          rf"(\d{{1,2}}){_ORD}\s+"
                          rf"(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("mon_dd", re.compile(rf"\b(?:on\s+|between\s+|from\s+)?{_MON}\s+(\d{{1,2}}){_ORD}{_TO}(\d{{1,2}}){_ORD}"
                          rf"(?:,?\s+(\d{{4}}))?\b(?![:.]\d)", re.I)),
    ("mdy", re.compile(rf"\b(?:on\s+)?{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b(?![:.]\d)", re.I)),
    ("dmy", re.compile(rf"\b(?:on\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?\b",
                       re.I)),
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("numeric", re.compile(r"\b(?:on\s+)?\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")),
    # "on 28/12", "(21/01)": day/month without the year, as coders and many outlets write it; read with the report's
    # year (the most recent such day), only after a word that introduces a date, or in brackets
    ("dm", re.compile(r"(?:\b(?:on|of|since|dated|from|until|till|to|by|and)\s+(?:the\s+)?|\()(?<![\d/])"
                      r"(\d{1,2})/(\d{1,2})\b(?![/.]\d)", re.I)),
    ("since_wd", re.compile(rf"\bsince\s+(?:last\s+)?{_WD}\b", re.I)),
    ("weekend", re.compile(r"\b(?:(?:over|at|during|on)\s+the\s+|this\s+|last\s+)weekend\b", re.I)),
    ("wd", re.compile(rf"\b(?:on\s+|last\s+|early\s+on\s+|late\s+on\s+|early\s+|late\s+)?{_WD}{_PART}\b", re.I)),
    ("day_before_yesterday", re.compile(r"\bthe\s+day\s+before\s+yesterday\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b|\blast\s+night\b", re.I)),
    # "overnight Saturday" is Saturday's night: the weekday dates it, not the report
    ("overnight", re.compile(rf"\bovernight\b(?!\s+(?:on\s+|into\s+)?{_WD})", re.I)),
    ("today", re.compile(r"\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b", re.I)),
    ("past_hours", re.compile(r"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last|previous)\s+(\d{1,3})\s+hours\b",
                              re.I)),
    ("past_days", re.compile(rf"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last|previous)\s+({_NW})\s+days\b", re.I)),
    ("past_week", re.compile(r"\b(?:in\s+|over\s+|during\s+)?the\s+(?:past|last)\s+week\b", re.I)),
    ("days_ago", re.compile(rf"\b({_NW})\s+days?\s+(?:ago|earlier)\b", re.I)),
    ("last_week", re.compile(r"\blast\s+week\b|\bthe\s+previous\s+week\b", re.I)),
    ("this_week", re.compile(r"\b(?:earlier\s+)?this\s+week\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b|\bthe\s+previous\s+month\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I)),
    ("in_month", re.compile(
        rf"\b(?:in|since|during|throughout)\s+(?:early\s+|late\s+|mid-?)?{_MON}(?:,?\s+(\d{{4}}))?\b", re.I)),
    ("ordinal_day", re.compile(r"\bon\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Za-z])", re.I)),
    ("clock", re.compile(r"\b(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?:\s+(?:GMT|UTC|local\s+time))?"
                         r"|\bat\s+\d{1,2}[.:]\d{2}\s+(?:GMT|UTC|local\s+time)", re.I)),
]
_SINCE = re.compile(r"\bsince\s+$", re.I)
# Month names that are also ordinary words ("may", "march") only count capitalized.
_CAPITAL_ONLY = {"may", "march", "mar", "jan", "jun", "jul", "aug", "dec", "sep", "oct", "nov", "feb", "apr"}


def _month_year(month: int, day: int | None, published: date, year: str | None) -> int:
    if year:
        return int(year)
    # A month later than the report's is last year's ("in December", written in January).
    if month > published.month or (month == published.month and day is not None and day > published.day + 1):
        return published.year - 1
    return published.year


_precision = rd.precision


def _number(word: str) -> int:
    w = re.sub(r"\s+", " ", word.lower())
    return int(w) if w.isdigit() else NUMBER_WORDS.get(w, 2)


@cache
def _dateparser() -> Any:
    import dateparser.search  # imported on first use: it costs ~0.2 s

    return dateparser.search


def _numeric(expr: str, published: date) -> date | None:
    """"12/08/2021": day first (international reporting) unless the numbers say otherwise — dateparser reads it."""
    parts = [int(x) for x in re.findall(r"\d+", expr)]
    order = "YMD" if parts[0] > 31 else "MDY" if parts[1] > 12 else "DMY"
    found = _dateparser().search_dates(
        expr, languages=["en"],
        settings={"DATE_ORDER": order, "RELATIVE_BASE": datetime(published.year, published.month, published.day),
                  "PREFER_DATES_FROM": "past"})
    day = found[0][1].date() if found else None
    # a two-digit year is of the report's century: "20/3/08" in a report of 17/3/08 is 2008, not the 1908 that
    # preferring the past makes of a day just after the report's
    if day is not None and len(re.findall(r"\d+", expr)[-1]) == 2 and day.year <= published.year - 50:
        day = day.replace(year=day.year + 100)
    return day


def _day_span(kind: str, m: re.Match[str], published: date) -> tuple[date, date, int] | None:
    """ "5-7 June", "June 5 and 6": the first day to the last, in the month (and year) both share."""
    g = m.groups()
    d1, d2, mon, year = (g[0], g[1], g[2], g[3]) if kind == "dd_mon" else (g[1], g[2], g[0], g[3])
    word = m.group(0)[m.start(3 if kind == "dd_mon" else 1) - m.start():].split()[0]
    if mon.lower() in _CAPITAL_ONLY and not word[:1].isupper():
        return None
    month = MONTHS[mon.lower().rstrip(".")]
    first, last = int(d1), int(d2)
    y = _month_year(month, last, published, year)
    if not 1 <= first < last <= monthrange(y, month)[1]:
        return None
    low, high = date(y, month, first), date(y, month, last)
    return low, high, _precision(low, high)


# Within this many days of the report's, a day/month date is a recent one: "06/08" in a report of 9 June is
# June 8 written month first, not August 6 of the year before.
_RECENT = 31


def _latest(day: int, month: int, published: date) -> date | None:
    """The latest such day no more than a week after the report's: a day just after it is a plan (dropped later)
    or a slip, not last year's."""
    if not 1 <= month <= 12:
        return None
    y = max(yr for yr in (published.year - 1, published.year, published.year + 1)
            if date(yr, month, min(day, 28)) <= published + timedelta(days=7))
    return date(y, month, day) if 1 <= day <= monthrange(y, month)[1] else None


def _nearer_order(first: date, other: date | None, published: date) -> date:
    """Of two readings of an ambiguous day/month pair, the written order's unless only the other is recent."""
    def recent(d: date) -> bool:
        return -7 <= (published - d).days <= _RECENT

    return other if other is not None and not recent(first) and recent(other) else first


def _resolve(kind: str, m: re.Match[str], published: date) -> tuple[date, date, int] | None:
    g = m.groups()
    if kind in ("dd_mon", "mon_dd"):
        return _day_span(kind, m, published)
    if kind in ("mdy", "dmy", "in_month"):
        mon = g[0] if kind != "dmy" else g[1]
        word = m.group(0)[m.start(1 if kind != "dmy" else 2) - m.start():].split()[0]
        if mon.lower() in _CAPITAL_ONLY and not word[:1].isupper():
            return None
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
    if kind == "dm":
        day, month = int(g[0]), int(g[1])
        if month > 12 and day <= 12:
            day, month = month, day  # "12/28": month first, as the numbers say
        d0 = _latest(day, month, published)
        if d0 is None:
            return None
        if day <= 12 and day != month:
            d0 = _nearer_order(d0, _latest(month, day, published), published)
        return d0, d0, 1
    if kind == "numeric":
        d1 = _numeric(m.group(0), published)
        if d1 is not None and d1.day <= 12 and d1.day != d1.month:
            # the same numbers read in the other order, in the year written (both at most 12: a valid date)
            d1 = _nearer_order(d1, d1.replace(day=d1.month, month=d1.day), published)
        return (d1, d1, 1) if d1 else None
    if kind == "since_wd":
        return rd.since_weekday(published, WEEKDAYS.index(g[0].lower()))
    if kind == "weekend":
        # The most recent Saturday–Sunday on or before the report's date ("last weekend": the one before that
        # when the report itself is written at the weekend).
        back = (published.weekday() - 5) % 7
        if m.group(0).lower().startswith("last") and back <= 1:
            back += 7
        sat = published - timedelta(days=back)
        return sat, min(sat + timedelta(days=1), published), 2
    if kind == "wd":
        return rd.weekday(published, WEEKDAYS.index(g[0].lower()), last=m.group(0).lower().startswith("last "))
    if kind == "day_before_yesterday":
        return rd.days_before(published, 2)
    if kind == "yesterday":
        return rd.days_before(published, 1)
    if kind == "overnight":
        # the night just ended: one event on the report's day, not one split over two days
        return published, published, 1
    if kind in ("today", "clock"):
        return published, published, 1
    if kind == "past_hours":
        low = published - timedelta(days=max(1, int(g[0]) // 24))
        return low, published, 1 if int(g[0]) <= 24 else _precision(low, published)
    if kind == "past_days":
        return rd.past_days(published, _number(g[0]))
    if kind == "past_week":
        return published - timedelta(days=7), published, 2
    if kind == "days_ago":
        return rd.days_before(published, _number(g[0]))
    if kind == "last_week":
        return rd.last_week(published)
    if kind == "this_week":
        return rd.this_week(published)
    if kind == "last_month":
        return rd.last_month(published)
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
    if kind == "ordinal_day":
        d = int(g[0])
        ref = published if d <= published.day else published.replace(day=1) - timedelta(days=1)
        if d < 1 or d > monthrange(ref.year, ref.month)[1]:
            return None
        d0 = ref.replace(day=d)
        return d0, d0, 1
    return None


def find_all(text: str, published: date) -> list[tuple[int, int, date, date, int]]:
    """Every date expression in a text: (start, end, low, high, precision), in text order."""
    found: list[tuple[int, int, date, date, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            r = _resolve(kind, m, published)
            if r is None:
                continue
            start = m.start()
            low, high, prec = r
            since = _SINCE.search(text[max(0, start - 8):start])
            if since and kind in ("mdy", "dmy", "iso", "numeric", "dm", "ordinal_day", "yesterday",
                                  "day_before_yesterday"):
                # "since August 15": from that day to the report's
                start -= len(text[max(0, start - 8):start]) - since.start()
                high = max(high, published)
                prec = _precision(low, high)
            found.append((start, m.end(), low, high, prec))
            taken.append((start, m.end()))
    return _joined(sorted(found), text)


_JOIN = re.compile(rf"{_TO}(?:on\s+)?", re.I)


def _joined(found: list[tuple[int, int, date, date, int]], text: str) -> list[tuple[int, int, date, date, int]]:
    """Two days joined by "and" or "to" ("on 14/06 and 15/06", "from 3 May to 5 May") are one span of days, as
    a multi-day incident is told."""
    out: list[tuple[int, int, date, date, int]] = []
    for f in found:
        if out:
            s0, e0, low0, high0, p0 = out[-1]
            digit = re.search(r"\d", text[f[0]:f[1]])  # "and 15/06" matched with its "and"
            gap = text[e0:f[0] + (digit.start() if digit else 0)]
            if (p0 == 1 and f[4] == 1 and low0 == high0 and low0 < f[2] <= low0 + timedelta(days=6)
                    and _JOIN.fullmatch(gap)):
                out[-1] = (s0, f[1], low0, f[3], _precision(low0, f[3]))
                continue
        out.append(f)
    return out


def _governed(sent: SpacySpan, start: int, end: int, trigger: Token) -> bool:
    """Is the expression (sentence-relative chars) in the trigger's own clause: its head chain reaches the trigger
    before any other verb?"""
    base = sent.start_char
    toks = [t for t in sent if t.idx >= base + start and t.idx < base + end]
    if not toks:
        return False
    tok = min(toks, key=lambda t: len(list(t.ancestors)))
    for anc in tok.ancestors:
        if anc.i == trigger.i:
            return True
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("aux", "auxpass"):
            return False
    return False


_BACKGROUND_PREPS = {"following", "after", "over", "for", "with", "against", "since", "before"}


def _foreign(sent: SpacySpan, start: int, end: int, trigger: Token) -> bool:
    """Is the expression (sentence-relative chars) the time of another happening: inside a relative or
    participial clause that does not hold the trigger, or on a noun the trigger's clause mentions as background
    ("protests following the killing of a youth on Sunday")?"""
    base = sent.start_char
    toks = [t for t in sent if t.idx >= base + start and t.idx < base + end]
    if not toks:
        return False
    tok = min(toks, key=lambda t: len(list(t.ancestors)))
    chain = []
    for anc in tok.ancestors:
        if anc.i == trigger.i:
            if trigger.pos_ in ("NOUN", "PROPN"):
                return False  # inside an event noun's own phrase ("the murder of X, which occurred on 07/02")
            break
        chain.append(anc)

    def other(a: Token) -> bool:
        # a clause or background noun of its own, which does not hold the trigger ("an attack, which occurred on
        # 07/02" is the attack's own time)
        if trigger.i in {t.i for t in a.subtree}:
            return False
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in a.children):
            return True  # "… protested for a second day after colleagues were shot on 14/06": the earlier day
        if a.head.i == trigger.i:
            return False
        if _set_on_argument(a, trigger):
            return False
        return a.dep_ in ("relcl", "acl") or (a.pos_ == "NOUN" and a.dep_ == "pobj"
                                             and a.head.lower_ in _BACKGROUND_PREPS)

    return any(other(a) for a in chain)


# Verbs of setting a thing down: "a device, placed on 5 May, was found" dates the thing the event is about (a bomb
# laid, a mine planted), the nearest day the report gives for it, not a happening of its own.
_PLACING_LEMMAS = frozenset({"place", "plant", "leave", "hide", "lay", "set", "put", "bury", "install", "position",
                             "conceal", "stash"})


def _set_on_argument(a: Token, trigger: Token) -> bool:
    """A past participle of setting down on the subject or object of the trigger or of a verb joined to it ("the
    device, planted on 5 May, was found and troops defused it")."""
    noun = a.head
    if not (a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in _PLACING_LEMMAS
            and noun.dep_ in ("nsubj", "nsubjpass", "dobj")):
        return False
    verb = noun.head
    return verb.i == trigger.i or trigger in verb.conjuncts or (
        verb.head.i == trigger.head.i and verb.dep_ == trigger.dep_ and verb.i != verb.head.i)


# Expressions whose day is counted from the report's own day ("yesterday", "on Sunday", "three days ago", "last
# week"), unlike dates that carry their day ("on 12/03") or count from the story's ("two days earlier").
_REPORT_RELATIVE = re.compile(
    rf"\b(?:yesterday|today|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening|week|month)|ago|"
    rf"weekend|{_WD}|(?:past|last|previous)\s+(?:(?:{_NW})\s+)?(?:hours|days|week|month))\b", re.I)


def event_dated(metadata: tuple[tuple[str, str], ...]) -> bool:
    """Does the document carry its event's date rather than its report's (metadata `dated` = `event`, as an ACLED
    note carries the date its coder gave the event)?"""
    return any(k == "dated" and v == "event" for k, v in metadata)


def on_the_event_day(t: TimeSpan | None, day: date) -> TimeSpan | None:
    """A time read from a document dated by its event: an expression counted from the report's day cannot be
    resolved (the report's day is unknown; "yesterday" of a note dated 5 May is not 4 May), so the event's date
    stands, flagged `assumed` as a date not read from the text. Dates that carry their day are kept."""
    if t is None or t.assumed or t.span is None:
        return t
    if _REPORT_RELATIVE.search(t.span.text):
        return TimeSpan(day, day, 2, None, assumed=True)
    if t.low < t.high and t.low <= day <= t.high:
        # "on 14 and 15 June", "in October": a span of days or a month that holds the event's date; ACLED codes a
        # multi-day incident one row a day, each dated by its own day. Named as a day: the text's; else assumed.
        return TimeSpan(day, day, 1, t.span) if t.precision <= 2 else TimeSpan(day, day, t.precision, None,
                                                                                   assumed=True)
    return t


def _is_parsed(sent: SpacySpan) -> bool:
    parsed = getattr(sent.doc._, "fw_parsed", None) if sent.doc.has_extension("fw_parsed") else None
    return parsed is None or sent.start in parsed


def find_time(doc: Doc, sent: SpacySpan, published: date | None, trigger: Token | None = None) -> TimeSpan | None:
    """The time of the event a sentence (and its trigger) describes."""
    text = sent.text
    if published is None:
        # Without the report's date only dates that carry their year can be read.
        for kind in ("mdy", "dmy", "iso"):
            for m in dict(PATTERNS)[kind].finditer(text):
                year = m.group(1) if kind == "iso" else m.groups()[-1]
                r = _resolve(kind, m, date(int(year), 12, 31)) if year else None
                if r:
                    s0 = sent.start_char + m.start()
                    return TimeSpan(r[0], r[1], r[2], Span(s0, s0 + len(m.group(0)), m.group(0)))
        return None
    found = [f for f in find_all(text, published) if f[2] <= published + timedelta(days=1)]  # plans aren't events
    if not found:
        return TimeSpan(published, published, 2, None, assumed=True)
    if trigger is not None:
        t0 = trigger.idx - sent.start_char
        parsed = _is_parsed(sent)
        if parsed:
            # "… in connection with an attack on a church on 23/03", "… murder, which occurred on 07/02": the day of
            # another happening the sentence mentions is not this event's
            found = [f for f in found if not _foreign(sent, f[0], f[1], trigger)]
            if not found:
                return TimeSpan(published, published, 2, None, assumed=True)

        def rank(f: tuple[int, int, date, date, int]) -> tuple[int, int, int]:
            # The expression in the trigger's own clause first, then a precise one, then the nearest.
            own = 0 if parsed and _governed(sent, f[0], f[1], trigger) else 1
            return own, f[4] if f[4] > 1 else 0, min(abs(f[0] - t0), abs(f[1] - t0))

        best = min(found, key=rank)
    else:
        best = found[0]
    s, e, low, high, prec = best
    start = sent.start_char + s
    return TimeSpan(low, high, prec, Span(start, start + (e - s), text[s:e]))
