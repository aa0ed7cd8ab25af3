"""Persian numbers: digits (already ASCII after `normalize`) and written numbers ("بیست و پنج", "دو هزار و پانصد").

Vague quantities ("ده‌ها", "صدها", "چندین") follow ACLED's reading of their English counterparts, as the English
count extractor does ("dozens" 12, "hundreds" 100, "several" 3).
"""

from __future__ import annotations

import re

UNITS = {
    "صفر": 0, "یک": 1, "یکی": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8,
    "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15, "پونزده": 15,
    "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50,
    "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300,
    "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}  # fmt: skip
SCALES = {"هزار": 1000, "میلیون": 1_000_000}
# value, low, high, qualifier
VAGUE: dict[str, tuple[int, int, int | None, str]] = {
    "ده ها": (12, 10, 99, "vague"), "دهها": (12, 10, 99, "vague"), "ده‌ها": (12, 10, 99, "vague"),
    "صدها": (100, 100, 999, "vague"), "صد ها": (100, 100, 999, "vague"), "هزاران": (1000, 1000, None, "vague"),
    "چندین": (3, 2, 9, "vague"), "چند": (3, 2, 9, "vague"), "شماری": (3, 2, 9, "vague"), "تعدادی": (3, 2, 9, "vague"),
    "دهها تن": (12, 10, 99, "vague"),
}  # fmt: skip
_WORDS = sorted([*UNITS, *SCALES], key=len, reverse=True)
_NUMWORD = "(?:" + "|".join(_WORDS) + ")"
# A written number: number words joined by "و" ("بیست و پنج"), or digits with thousands separators.
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMWORD}(?:\s+(?:و\s+)?{_NUMWORD})*)"
NUMBER_RE = re.compile(rf"(?<![\w]){NUMBER}(?![\w])")
VAGUE_RE = re.compile(r"(?<![\w])(?:" + "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True)) + r")(?![\w])")


def parse_number(text: str) -> int | None:
    """The value of digits or a written Persian number; None when it is neither."""
    s = text.strip().replace(",", "")
    if s.isdigit():
        return int(s)
    words = [w for w in re.split(r"\s+", s) if w and w != "و"]
    if not words or any(w not in UNITS and w not in SCALES for w in words):
        return None
    total = 0
    group = 0
    for w in words:
        if w in SCALES:
            total += max(group, 1) * SCALES[w]
            group = 0
        else:
            group += UNITS[w]
    return total + group


def vague(text: str) -> tuple[int, int, int | None, str] | None:
    return VAGUE.get(re.sub(r"\s+", " ", text.strip()))
