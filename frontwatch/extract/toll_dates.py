"""Figures that are part of a date, never a count of people: the day before or after its month ("Dec. 10",
"10 December", "10 Dec."), and a year told as a time ("in 2016", "since 2015"). Ordinals ("the 10th") never read as
a figure. Without this a day beside a toll reads as more dead ("the blasts of 10 December killed 44" gives 10 + 44).
"""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
# "on 2 May 5 people were killed": the day told before its month, the figure after is a count
_MONTH_BEFORE = re.compile(rf"(?<!\d\s)\b{_MONTH}[a-z]*\.?\s+$", re.I)
# "may" is also a modal ("5 may have died"): read as a month only where no verb follows it
# (the whole name or its abbreviation only: "3 marchers", "2 junior officers" are people)
_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
               r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_AFTER = re.compile(rf"^\s+(?:{_MONTH_NAME}\b\.?|may\b(?!\s+(?:not\s+|also\s+|well\s+|still\s+)?"
                          r"(?:have|be|been|die|rise|reach|climb|increase|grow|exceed|top)\b))", re.I)
_YEAR_CUE = re.compile(r"\b(?:in|since|until|till|year|early|late|mid|during|before|after)\s+$", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")


def in_a_date(text: str, start: int, end: int) -> bool:
    """Is the figure at text[start:end] the day or the year of a date?"""
    before = text[max(0, start - 12):start]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text[end:end + 16]):
        return True
    return bool(_YEAR.fullmatch(text[start:end]) and _YEAR_CUE.search(before))
