"""Counts: killed, injured, killed-or-injured, abducted, arrested — kept apart, with qualifiers — and ACLED's
conservative fatality figure.

Value, low and high: `value` is the figure ACLED would code, `low`/`high` the range the words allow (None: open).
Vague quantities follow the ACLED codebook for the value: "dozens" → 12 (range 24–99), "tens" → 10, "hundreds" →
100, "several"/"a few" → 3, "many"/"numerous" → 10; their qualifier is "vague". "Roughly/about/some N" is
"approximately" with a ±20 % range; "at least N"/"more than N" leave `high` open; "up to N" is "at most" (0–N).
Groups coordinated under one outcome ("ten soldiers and three civilians were killed", "killing 7 soldiers and 3
civilians") are one count, summed; a subset ("…, including two children,") is not counted again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from frontwatch.model import Count, CountKind, Span, split_over_days

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# value (ACLED figure), low, high, qualifier
VAGUE: dict[str, tuple[int, int | None, int | None, str]] = {
    "dozens": (12, 24, 99, "vague"), "scores": (20, 40, 99, "vague"), "tens": (10, 20, 99, "vague"),
    "hundreds": (100, 200, 999, "vague"), "thousands": (1000, 2000, 9999, "vague"),
    "several": (3, 3, 9, "vague"), "a few": (3, 2, 5, "vague"), "few": (3, 2, 5, "vague"),
    "many": (10, 5, None, "vague"), "numerous": (10, 5, None, "vague"), "a handful of": (3, 2, 5, "vague"),
    "a dozen": (12, 10, 14, "approximately"), "a couple of": (2, 2, 3, "approximately"),
}
QUALIFIERS = {"at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
              "in excess of": "more than",
              "roughly": "approximately", "about": "approximately", "around": "approximately",
              "some": "approximately", "nearly": "approximately", "almost": "approximately",
              "approximately": "approximately", "an estimated": "approximately", "close to": "approximately",
              "up to": "at most", "as many as": "at most", "at most": "at most", "fewer than": "at most",
              "less than": "at most", "no more than": "at most"}

_NUM_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_WRITTEN = rf"(?:{_NUM_WORD})(?:[-\s](?:{_NUM_WORD}))?(?:\s+hundred)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_NUMBER = rf"(?:{_DIGITS}|{_WRITTEN}|{'|'.join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))})"
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
# "between 10 and 15", "10 to 15", "10-15": a range, coded by its low end
RANGE = re.compile(rf"\b(?:between\s+({_DIGITS}|{_WRITTEN})\s+and\s+|({_DIGITS}|{_WRITTEN})\s+to\s+|"
                   rf"({_DIGITS})\s*[-–]\s*(?=\d))({_DIGITS}|{_WRITTEN})\b(?![-–]\w)", re.I)
NUM = re.compile(rf"\b(?:({_QUAL})\s+)?({_NUMBER})\b(?![-–]\w|\s*%|[.,:]\d)", re.I)

KILLED = r"(?:killed|dead|died|slain|lost\s+their\s+lives|executed|shot\s+dead|perished|fatalities|deaths|bodies)"
INJURED = r"(?:injured|wounded|hurt|injuries)"
_BE = r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been|reportedly|allegedly|all|either)\s+)*"
OUTCOMES: list[tuple[CountKind, re.Pattern[str]]] = [
    (CountKind.KILLED_OR_INJURED, re.compile(
        rf"^(?:[\w-]+\s+){{0,4}}?{_BE}(?:{KILLED})\s+(?:or|and/or)\s+(?:{INJURED})"
        rf"|^(?:[\w-]+\s+){{0,4}}?{_BE}(?:{KILLED}|killed)\s+and\s+(?:{INJURED})\b(?!\s+\d)"
        r"|^(?:[\w-]+\s+){0,3}?casualties", re.I)),
    (CountKind.KILLED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}{KILLED}\b", re.I)),
    (CountKind.INJURED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}{INJURED}\b", re.I)),
    (CountKind.ABDUCTED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}"
                                    r"(?:abducted|kidnapped|taken\s+hostage|seized\s+as\s+hostages|hostages)\b", re.I)),
    (CountKind.ARRESTED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}"
                                    r"(?:arrested|detained|taken\s+into\s+custody|captured\s+alive)\b", re.I)),
]
# "killing 6 civilians", "wounding at least 3", "the death toll rose to 45"
BEFORE = re.compile(r"\b(killing|killed|kills|kill|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|"
                    r"wounding|wounded|injuring|injured|abducting|abducted|"
                    r"kidnapping|kidnapped|arresting|arrested|detaining|detained|death\s+toll(?:\s+\w+){0,3}?\s+"
                    r"(?:to|at|of|reached|hit|is|was)|toll\s+(?:rose|climbed|stood)\s+(?:to|at))\s+$", re.I)
BEFORE_KIND = {"kill": CountKind.KILLED, "shot": CountKind.KILLED, "shoo": CountKind.KILLED, "gunn": CountKind.KILLED,
               "woun": CountKind.INJURED, "inju": CountKind.INJURED,
               "abdu": CountKind.ABDUCTED, "kidn": CountKind.ABDUCTED, "arre": CountKind.ARRESTED,
               "deta": CountKind.ARRESTED, "deat": CountKind.KILLED, "toll": CountKind.KILLED}
# Nouns that are not people: "3 districts", "60 km", "40 years".
NOT_PEOPLE = re.compile(r"^\s*(?:districts?|provinces?|km|kilomet\w+|miles?|metres?|meters?|years?|months?|weeks?|"
                        r"days?|hours?|minutes?|percent|%|per\s+cent|times|vehicles?|houses?|homes?|buildings?|"
                        r"villages?|towns?|cities|rockets?|missiles?|shells?|rounds|bullets|dollars?|\$|afghanis|"
                        r"tons?|tonnes?|kg|aircraft|planes?|trucks?|cars?|tanks?|drones?|bombs?|am|pm|a\.m\.|p\.m\.|"
                        r"gmt|utc|st|nd|rd|th)\b", re.I)
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)
_SUBSET = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|mostly|mainly)\s+$", re.I)
# A parenthetical subset between a number and its outcome: "Five people, including two children, were killed"
_ASIDE = re.compile(r",\s*(?:including|among\s+them|among\s+whom|mostly|mainly|most\s+of\s+them)\b[^,.;:]{0,60},")
_CONTINUE = re.compile(r"^\s+(?:[a-z-]+\s+){0,3}?(?:and|as\s+well\s+as|plus)\s+$|^\s+(?:[a-z-]+\s+){0,3}?,\s*$")
_OUTCOME_WORD = re.compile(rf"{KILLED}|{INJURED}|abduct|kidnap|arrest|detain|said|says", re.I)
HEAVY = re.compile(r"\b(heavy|significant|severe|many|considerable|scores\s+of|dozens\s+of)\s+(casualties|losses)\b",
                   re.I)


def parse_number(words: str) -> tuple[int | None, int | None, int | None, bool]:
    """(value, low, high, vague) of a number expression."""
    w = re.sub(r"\s+", " ", words.lower().strip())
    if w in VAGUE:
        v, lo, hi, _ = VAGUE[w]
        return v, lo, hi, True
    if re.fullmatch(r"[\d,]+", w):
        n = int(w.replace(",", ""))
        return n, n, n, False
    total = 0
    hundred = w.endswith("hundred")
    for part in re.split(r"[-\s]+", w.replace(" hundred", "")):
        total += UNITS.get(part, 0) + TENS.get(part, 0)
    if hundred:
        total *= 100
    return total, total, total, False


def _count(kind: CountKind, qual: str | None, number: str, span: Span) -> Count:
    value, low, high, vague = parse_number(number)
    q = QUALIFIERS.get(qual.lower()) if qual else (VAGUE[number.lower()][3] if vague else "exact")
    if q in ("at least", "more than"):
        high = None
    elif q == "approximately" and value is not None and not vague:
        low, high = round(value * 0.8), round(value * 1.2)
    elif q == "at most":
        low = 0
    return Count(kind, value, low, high, q, span)


def _merge(a: Count, b: Count, span: Span) -> Count:
    """Two groups under one outcome: their sum."""
    value = (a.value or 0) + (b.value or 0)
    low = a.low + b.low if a.low is not None and b.low is not None else None
    high = a.high + b.high if a.high is not None and b.high is not None else None
    qual = a.qualifier if a.qualifier != "exact" else b.qualifier
    return Count(a.what, value, low, high, qual, span)


def _outcome(after: str) -> tuple[CountKind, int] | None:
    """The outcome that follows a number (kind, end offset in `after`), skipping a subset aside."""
    lead = len(after) - len(after.lstrip())
    body = after.lstrip()
    aside = _ASIDE.search(body[:90])
    removed = 0
    if aside and not _OUTCOME_WORD.search(body[: aside.start()]):
        body = body[: aside.start()] + " " + body[aside.end():]
        removed = aside.end() - aside.start() - 1
    for kind, pat in OUTCOMES:
        om = pat.match(body)
        if om and not re.search(r"[.;:!?]", body[: om.end()]):
            return kind, lead + om.end() + (removed if aside and aside.start() < om.end() else 0)
    return None


def find_counts(sent: SpacySpan) -> list[Count]:
    """Counts of people killed, injured, killed or injured, abducted, arrested in one sentence."""
    text: str = sent.text
    base: int = sent.start_char
    out: list[Count] = []
    before_kind: list[bool] = []  # parallel to `out`: was the count introduced by its verb ("killing 6 …")?
    ranges = {m.start(): m for m in RANGE.finditer(text)
              if (parse_number(m.group(1) or m.group(2) or m.group(3))[0] or 0) < (parse_number(m.group(4))[0] or 0)}
    pos = 0
    while True:
        rm = None
        m = NUM.search(text, pos)
        nxt_range = min((s for s in ranges if s >= pos), default=None)
        if nxt_range is not None and (m is None or nxt_range <= m.start()):
            rm = ranges[nxt_range]
        if m is None and rm is None:
            break
        if rm is not None:
            lo_w, hi_w = rm.group(1) or rm.group(2) or rm.group(3), rm.group(4)
            start0, end0 = rm.start(), rm.end()
            qual, number = None, lo_w
        else:
            assert m is not None
            qual, number = m.group(1), m.group(2)
            start0, end0 = m.start(), m.end()
        pos = end0
        if number.lower() in ("one",) and not qual and rm is None:
            continue  # "one of the districts": too often not a count
        if NOT_PEOPLE.match(text[end0:end0 + 20]) or _MONTH_BEFORE.search(text[max(0, start0 - 12):start0]):
            continue
        if _SUBSET.search(text[max(0, start0 - 16):start0]):
            continue  # "killing 12, including 5 children": already in the total
        if rm is None and number.lower() == "some":
            continue
        kind: CountKind | None = None
        start, end = start0, end0
        window = text[max(0, start0 - 40):start0]
        before = BEFORE.search(window)
        introduced = False
        if before:
            kind = BEFORE_KIND[before.group(1).lower()[:4]]
            start = start0 - (len(window) - before.start())
            introduced = True
        else:
            found = _outcome(text[end0:end0 + 120])
            if found:
                kind, off = found
                end = end0 + off
        if kind is None and out and before_kind[-1] and out[-1].span is not None:
            # "killing 7 soldiers and 3 civilians": a second group under the same verb
            gap = text[out[-1].span.end - base:start0]
            prev_end = out[-1].span.end - base
            gap_full = text[prev_end:start0]
            if _CONTINUE.match(" " + gap.lstrip()) and not _OUTCOME_WORD.search(gap_full):
                noun = re.match(r"^\s+(?:[a-z-]+\s+){0,2}?[a-z-]+", text[end0:end0 + 40])
                new_end = end0 + (noun.end() if noun else 0)
                merged = _merge(out[-1], _count(out[-1].what, qual, number, Span(0, 0, "")),
                                Span(out[-1].span.start, base + new_end, text[out[-1].span.start - base:new_end]))
                out[-1] = merged
                continue
        if kind is None:
            continue
        if rm is not None:
            lo, _, _, _ = parse_number(lo_w)
            hi, _, _, _ = parse_number(hi_w)
            count = Count(kind, lo, lo, hi, "approximately", Span(base + start, base + end, text[start:end]))
        else:
            count = _count(kind, qual, number, Span(base + start, base + end, text[start:end]))
        if introduced:
            # extend the span over the group's noun so a following "and 3 civilians" can join it
            noun = re.match(r"^\s+(?:[a-z-]+\s+){0,2}?[a-z-]+(?=\s+and\b|\s*,|\s+as\s+well)", text[end:end + 40])
            if noun:
                end += noun.end()
                count = Count(count.what, count.value, count.low, count.high, count.qualifier,
                              Span(base + start, base + end, text[start:end]))
        prev = out[-1] if out else None
        if (prev is not None and prev.what == kind and prev.span is not None and count.span is not None
                and prev.span.start <= count.span.start and count.span.end <= prev.span.end):
            # "Ten soldiers and three civilians were killed": two groups, one outcome
            out[-1] = _merge(prev, count, prev.span)
            continue
        out.append(count)
        before_kind.append(introduced)
    for hm in HEAVY.finditer(text):
        if not any(c.what == CountKind.KILLED_OR_INJURED for c in out):
            out.append(Count(CountKind.KILLED_OR_INJURED, None, None, None, "vague",
                             Span(base + hm.start(), base + hm.end(), hm.group(0))))
    return out


def acled_fatalities(counts: Sequence[Count], days: int = 1) -> int:
    """ACLED-conservative: the lowest credible killed figure (figures for one event that disagree are alternatives;
    groups under one outcome were already summed by `find_counts`); casualties without a split count as 0. Over
    several days, the first day's share."""
    killed = [c for c in counts if c.what == CountKind.KILLED and c.value is not None]
    if not killed:
        return 0
    # "more than 10" and "at least 10" are coded as 10, a range by its low end: the lowest credible figure.
    total = min(c.value or 0 for c in killed)
    return split_over_days(total, days)[0]
