"""A toll revised within its own sentence ("… killing five (later found to be seven) guards", "four died, a figure
the police later raised to six", "three were killed; the toll has since risen to eight"): the revised figure is the
toll, as a later sentence's rise already is (ACLED: figures are revised as better reports arrive). The figure before
the revision is no alternative account to take the lowest of: the same account corrected it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.extract.counts import _DIGITS, _WRITTEN, NOT_PEOPLE, parse_number
from frontwatch.model import Count, CountKind, Span

_LATER = r"(?:later|since|subsequently|eventually|afterwards|then)"
_REVISE = r"(?:revised|raised|determined|confirmed|found|put|updated|adjusted|corrected|rose|risen|climbed|increased|" \
          r"jumped|reached)"
# the revision is told as later, or of the toll itself ("the toll has risen to"): "raised to" alone is no revision
REVISED = re.compile(
    rf"\b(?:{_LATER}\s+(?:been\s+)?{_REVISE}|(?:toll|figure|number|count|tally)\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"(?:has\s+|had\s+|was\s+|is\s+)?(?:been\s+)?{_REVISE})(?:\s+up(?:wards)?)?\s+to\s+(?:be\s+|at\s+)?"
    rf"({_DIGITS}|{_WRITTEN})\b", re.I)

_OTHER_FIGURE = re.compile(r"\b(?:injur\w*|wound\w*|hurt|arrest\w*|detain\w*|abduct\w*|kidnap\w*|missing|"
                           r"displaced|hostages?)\b", re.I)


def revised_tolls(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts (`text` the sentence, `base` its offset in the document) with a killed figure that a
    later revision in the sentence corrects (see `REVISED`) replaced by the revised one."""
    out = list(counts)
    for m in REVISED.finditer(text):
        if NOT_PEOPLE.match(text[m.end():m.end() + 20]) or _OTHER_FIGURE.search(text, max(0, m.start() - 30),
                                                                               m.end()):
            continue  # "raised to 40 percent", "the number of injured later rose to 9": no toll's revision
        at = base + m.start()
        earlier = [c for c in out if c.what == CountKind.KILLED and c.value and c.span is not None
                   and c.span.start < at]  # its span may reach over the revision: a group read on to its figure
        if not earlier:
            continue
        value = parse_number(m.group(1))[0]
        if not value:
            continue
        start = earlier[0].span.start if earlier[0].span is not None else at
        span = Span(start, base + m.end(), text[start - base:m.end()])
        revised = Count(CountKind.KILLED, value, value, value, "exact", span)
        # the corrected figures, and the revision if it was read on its own already, give way to the revision
        out = [c for c in out if c not in earlier and not (
            c.what == CountKind.KILLED and c.span is not None and at <= c.span.start < base + m.end())]
        out.append(revised)
    return sorted(out, key=lambda c: c.span.start if c.span is not None else 0)
