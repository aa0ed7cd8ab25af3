"""Persian text normalization that keeps every character traceable to the original text.

Rules match on the normalized form; spans must point into `Document.text`. So `normalize` returns the normalized
string together with, for each of its characters, the offset of the original character it came from: deleted
characters (diacritics, tatweel, bidi marks) leave no trace, replaced ones (ي→ی, ك→ک, ۵→5, ZWNJ→space) keep their
position. A ZWNJ becomes a plain space so that "طالبان‌ها", "طالبان ها" and the lexicon's spaced forms meet; words
written without it ("طالبانها") are matched by lexicon entries that allow an optional space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAP = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا",
    "\u200c": " ", "\u00a0": " ", "\u202f": " ", "٬": ",", "٫": ".",
}  # fmt: skip
for _i in range(10):
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits ۰-۹
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits ٠-٩
# Dropped: Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef), Quranic marks, tatweel, ZWJ,
# directional marks and isolates.
_DROP = re.compile(r"[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200D\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = index in the original of normalized char i; one extra entry at the end

    def start(self, i: int) -> int:
        """Original offset of normalized position `i` (a span's start)."""
        return self.offsets[i]

    def end(self, j: int) -> int:
        """Original offset just past normalized char `j - 1` (a span's end)."""
        return self.offsets[j - 1] + 1 if j > 0 else self.offsets[0]


def normalize_char(ch: str) -> str:
    return _MAP.get(ch, ch)


def normalize(text: str, base: int = 0) -> Normalized:
    """Normalized form of `text`; offsets are `base` + index into `text` (pass a paragraph's start as `base`)."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if _DROP.match(ch):
            continue
        chars.append(_MAP.get(ch, ch))
        offsets.append(base + i)
    offsets.append(base + len(text))
    return Normalized("".join(chars), tuple(offsets))


def normalize_text(text: str) -> str:
    """Just the normalized string (lexicon entries, aliases, gazetteer keys)."""
    return normalize(text).text


def to_ascii_digits(text: str) -> str:
    return "".join(_MAP.get(ch, ch) if ch.isdigit() else ch for ch in text)


_SENTENCE_END = re.compile(r"[.؟?!؛;]+(?=\s|$|[«»\"”])|\n+|:(?=\s*[«\"“])")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence offsets in `text[start:end]`: split on . ؟ ! ؛ and line breaks (and a colon before a quote).

    The Persian comma (،) does not end a sentence: it separates list items ("X، Y و Z") as often as
    clauses; clauses are split by the extractor.
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end() if not m.group().startswith("\n") else m.start()
        # a full stop between digits is a decimal point, not an end ("1.40")
        if m.group() == "." and 0 < m.start() < len(text) - 1 and text[m.start() - 1].isdigit() \
                and text[m.start() + 1].isdigit():
            continue
        _add(text, pos, stop, out)
        pos = m.end()
    _add(text, pos, end, out)
    return out


def _add(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s] in " \t\n\r«»\"“”":
        s += 1
    while e > s and text[e - 1] in " \t\n\r":
        e -= 1
    if e > s and any(ch.isalnum() for ch in text[s:e]):
        out.append((s, e))
