"""Counts: killed, injured, killed-or-injured, abducted, arrested — kept apart, with qualifiers — and ACLED's
conservative fatality figure.

Vague quantities follow the ACLED codebook: "dozens" → 12, "tens" → 10, "hundreds" → 100, "several"/"a few" → 3,
"many" → 10; a range (low/high) is kept beside the value where the words give one ("dozens": 24–99).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from frontwatch.model import Count, CountKind, Span

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# value (ACLED figure), low, high
VAGUE = {"dozens": (12, 24, 99), "scores": (20, 40, 99), "tens": (10, 20, 99), "hundreds": (100, 200, 999),
         "thousands": (1000, 2000, 9999), "several": (3, 3, 9), "a few": (3, 2, 5), "few": (3, 2, 5),
         "many": (10, 5, None), "a dozen": (12, 12, 12), "a handful of": (3, 2, 5), "numerous": (10, 5, None)}
QUALIFIERS = {"at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
              "roughly": "approximately", "about": "approximately", "around": "approximately",
              "some": "approximately", "nearly": "approximately", "almost": "approximately",
              "approximately": "approximately", "an estimated": "approximately", "close to": "approximately",
              "up to": "at most", "as many as": "at most", "at most": "at most", "fewer than": "at most",
              "less than": "at most"}

_NUM_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_NUMBER = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_NUM_WORD})(?:[-\s](?:{_NUM_WORD}))?(?:\s+hundred)?|"
           rf"{'|'.join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))})")
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
NUM = re.compile(rf"\b(?:({_QUAL})\s+)?({_NUMBER})\b", re.I)

KILLED = r"(?:killed|dead|died|slain|lost\s+their\s+lives|executed|shot\s+dead|perished|fatalities|deaths|bodies)"
INJURED = r"(?:injured|wounded|hurt|injuries)"
OUTCOMES: list[tuple[CountKind, re.Pattern[str]]] = [
    (CountKind.KILLED_OR_INJURED, re.compile(
        rf"^(?:\w+\s+){{0,4}}?(?:(?:either|were|have\s+been|had\s+been|been|was)\s+)*(?:either\s+)?(?:{KILLED})\s+"
        rf"(?:or|and/or)\s+(?:{INJURED})|^(?:\w+\s+){{0,3}}?casualties", re.I)),
    (CountKind.KILLED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?(?:(?:were|have\s+been|had\s+been|been|was|are|is)\s+)?"
                                  rf"{KILLED}\b", re.I)),
    (CountKind.INJURED, re.compile(
        rf"^(?:[\w-]+\s+){{0,5}}?(?:(?:were|have\s+been|had\s+been|been|was)\s+)?{INJURED}\b", re.I)),
    (CountKind.ABDUCTED, re.compile(r"^(?:[\w-]+\s+){0,5}?(?:(?:were|have\s+been|had\s+been|been|was)\s+)?"
                                    r"(?:abducted|kidnapped|taken\s+hostage|seized\s+as\s+hostages|hostages)\b", re.I)),
    (CountKind.ARRESTED, re.compile(r"^(?:[\w-]+\s+){0,5}?(?:(?:were|have\s+been|had\s+been|been|was)\s+)?"
                                    r"(?:arrested|detained|taken\s+into\s+custody|captured\s+alive)\b", re.I)),
]
# "killing 6 civilians", "wounding at least 3"
BEFORE = re.compile(r"\b(killing|killed|wounding|wounded|injuring|injured|abducting|abducted|kidnapping|kidnapped|"
                    r"arresting|arrested|detaining|detained)\s+$", re.I)
BEFORE_KIND = {"kill": CountKind.KILLED, "woun": CountKind.INJURED, "inju": CountKind.INJURED,
               "abdu": CountKind.ABDUCTED, "kidn": CountKind.ABDUCTED, "arre": CountKind.ARRESTED,
               "deta": CountKind.ARRESTED}
# Nouns that are not people: "3 districts", "60 km", "40 years".
NOT_PEOPLE = re.compile(r"^\s*(?:districts?|provinces?|km|kilomet\w+|miles?|metres?|meters?|years?|months?|weeks?|"
                        r"days?|hours?|minutes?|percent|%|per\s+cent|times|vehicles?|houses?|homes?|buildings?|"
                        r"villages?|towns?|rockets?|missiles?|shells?|rounds|dollars?|\$|afghanis|tons?|tonnes?|"
                        r"kg|aircraft|planes?|trucks?|miles|am|pm|a\.m\.|p\.m\.|gmt)\b", re.I)
HEAVY = re.compile(r"\b(heavy|significant|severe|many|considerable)\s+(casualties|losses)\b", re.I)


def parse_number(words: str) -> tuple[int | None, int | None, int | None, bool]:
    """(value, low, high, vague) of a number expression."""
    w = words.lower().strip()
    if w in VAGUE:
        v, lo, hi = VAGUE[w]
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
    q = QUALIFIERS.get(qual.lower()) if qual else ("vague" if vague else "exact")
    if q == "at least" or q == "more than":
        high = None
    elif q == "approximately" and value is not None:
        low, high = round(value * 0.8), round(value * 1.2)
    elif q == "at most":
        low = 0 if not vague else low
    return Count(kind, value, low, high, q, span)


def find_counts(sent: Any) -> list[Count]:
    text: str = sent.text
    base: int = sent.start_char
    out: list[Count] = []
    for m in NUM.finditer(text):
        qual, number = m.group(1), m.group(2)
        if number.lower() in ("one",) and not qual:
            continue  # "one of the districts": too often not a count
        after = text[m.end():m.end() + 90]
        if NOT_PEOPLE.match(after):
            continue
        kind = None
        end = m.end()
        start = m.start()
        before = BEFORE.search(text[max(0, m.start() - 14):m.start()])
        if before:
            kind = BEFORE_KIND[before.group(1).lower()[:4]]
            start = m.start() - (len(text[max(0, m.start() - 14):m.start()]) - before.start())
        else:
            for k, pat in OUTCOMES:
                om = pat.match(after.lstrip())
                if om and not re.search(r"[.;:!?]", after[: om.end() + 1]):
                    kind = k
                    end = m.end() + (len(after) - len(after.lstrip())) + om.end()
                    break
        if kind is None:
            continue
        out.append(_count(kind, qual, number, Span(base + start, base + end, text[start:end])))
    for m in HEAVY.finditer(text):
        if not any(c.what == CountKind.KILLED_OR_INJURED for c in out):
            out.append(Count(CountKind.KILLED_OR_INJURED, None, None, None, "vague",
                             Span(base + m.start(), base + m.end(), m.group(0))))
    return out


def split_over_days(total: int, days: int) -> list[int]:
    """ACLED: a total over several days is split evenly, the remainder on the first day."""
    if days <= 1:
        return [total]
    share, rest = divmod(total, days)
    return [share + rest] + [share] * (days - 1)


def acled_fatalities(counts: Sequence[Count], days: int = 1) -> int:
    """ACLED-conservative: the lowest credible killed figure; casualties without a split count as 0."""
    killed = [c for c in counts if c.what == CountKind.KILLED and c.value is not None]
    if not killed:
        return 0
    # "more than 10" and "at least 10" are coded as 10: the stated figure is the lowest credible one.
    total = min(c.value or 0 for c in killed)
    return split_over_days(total, days)[0] if days > 1 else total
