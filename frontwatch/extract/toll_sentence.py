"""What a sentence's toll says beyond its figures.

A toll revised within its own sentence ("… killing five (later found to be seven) guards", "four died, a figure
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


# The killer's own death told after the killing: "… shot dead two guards before turning the gun on himself", "… then
# killed himself". ACLED counts every death of the event, the attacker's too (as it does a suicide bomber).
KILLER_DEAD = re.compile(r"\b(?:before|then|and\s+then|after\s+which)\s+(?:he\s+|she\s+)?(?:turn(?:ed|ing|s)?\s+"
                         r"(?:the|his|her)\s+(?:gun|weapon|rifle|pistol)\s+on\s+(?:him|her)self|committ?(?:ed|ing|s)?\s+"
                         r"suicide|(?:kill|shoot|shot|hang)(?:ed|ing|s)?\s+(?:him|her)self|blow(?:ing|s)?\s+(?:him|her)self"
                         r"\s+up|blew\s+(?:him|her)self\s+up)\b", re.I)


def killer_dead(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts with the killer's own death (see `KILLER_DEAD`) added to the killed figure told before
    it, or told on its own when the sentence gives none."""
    m = KILLER_DEAD.search(text)
    if m is None:
        return list(counts)
    out = list(counts)
    at = base + m.start()
    told = [i for i, c in enumerate(out) if c.what == CountKind.KILLED and c.value and c.span is not None
            and c.span.start < at]
    if told:
        c = out[told[-1]]
        assert c.span is not None
        span = Span(c.span.start, base + m.end(), text[c.span.start - base:m.end()])
        out[told[-1]] = Count(c.what, (c.value or 0) + 1, c.low + 1 if c.low is not None else None,
                              c.high + 1 if c.high is not None else None, c.qualifier, span)
        return out
    return [*out, Count(CountKind.KILLED, 1, 1, 1, "exact", Span(at, base + m.end(), m.group(0)))]


def sentence_tolls(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts (`text` the sentence, `base` its offset in the document) with its revisions taken
    (`revised_tolls`) and the killer's own death added (`killer_dead`)."""
    return killer_dead(text, base, revised_tolls(text, base, counts))
