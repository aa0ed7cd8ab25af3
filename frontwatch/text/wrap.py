"""Hard-wrapped text: some sources break their lines at a fixed width, so a line break falls inside a sentence
("… hung a banner on the façade of the\\n    Town Hall"). Such a break is a space to the reader, not a sentence end;
a blank line is still a paragraph, and a line that ends a sentence still ends it."""

from __future__ import annotations

import re

# A single line break (no blank line) with its indentation either side.
_BREAK = re.compile(r"[ \t]*\n[ \t]*(?=\S)")
# What ends a sentence or a heading at a line's end: end punctuation (a closing quote or bracket may follow), a colon.
_ENDS = re.compile(r"[.!?…:;][\"'”’)\]»]*$")
# A text is hard-wrapped when a third or more of its line breaks fall between two words of one sentence (the line
# before has no end punctuation, the one after goes on in lower case), at least this many.
_MIN_MID_SENTENCE = 2
# Before a capital, the line must visibly go on: it ends in a lower-case word ("on", "and", "the") or a comma; a line
# ending in a name may be a caption, a byline or a source ("Image copyright X", "said Mr Y").
_GOES_ON = re.compile(r"(?:\b[a-z][a-z'’-]*|,)$")


def _line_before(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    return text[start:at].strip()


def wrap_breaks(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each single line break of a hard-wrapped `text` that falls inside a sentence; none when
    the text is not hard-wrapped (a line per paragraph or per sentence keeps every break)."""
    breaks = []
    mid = 0
    for m in _BREAK.finditer(text):
        if text[max(0, m.start() - 1): m.start()] == "\n" or text[m.end(): m.end() + 1] == "\n":
            continue  # a blank line: a paragraph
        before = _line_before(text, m.start())
        if not before or _ENDS.search(before):
            continue
        after = text[m.end(): m.end() + 1]
        if after.islower():
            mid += 1
        if after.islower() or _GOES_ON.search(before):
            breaks.append((m.start(), m.end()))
    singles = sum(1 for m in _BREAK.finditer(text) if text[max(0, m.start() - 1): m.start()] != "\n")
    if mid < _MIN_MID_SENTENCE or 3 * mid < singles:
        return []
    return breaks
