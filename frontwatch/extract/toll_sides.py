"""Both sides' dead told apart in one sentence ("two rangers were killed, while five poachers died in the return
fire"; "two guards were killed by the raiders, while five raiders died"): ACLED codes a fight's toll as the dead of
both sides, so the two figures are summed, not weighed as two accounts of one toll (of which `acled_fatalities` keeps
the lowest). Only when each figure names its side and the sides differ: two figures of one side, or of people named
by no side, stay alternatives."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.extract.counts import _STATE_DEAD, _merge
from frontwatch.model import Count, CountKind, Span

# Who died, by side of a fight: state forces, those who bear arms against them or others, and the people they
# fall on. A generic word ("people", "victims", "others") names no side.
_ARMED = re.compile(r"\b(?:militants?|insurgents?|fighters?|rebels?|gunm[ae]n|attackers?|assailants?|raiders?|"
                    r"bandits?|militia(?:m[ae]n|s)?|robbers?|thie(?:f|ves)|poachers?|pirates?|criminals?|"
                    r"kidnappers?|gangsters?|rioters?|warriors?|jihadists?|extremists?)\b", re.I)
_PEOPLE = re.compile(r"\b(?:civilians?|residents?|villagers?|herders?|herdsm[ae]n|farmers?|traders?|children|women|"
                     r"students?|passengers?|pupils?|worshippers?|fishermen|guards?|shepherds?|pastoralists?)\b", re.I)

# "the robbers had killed a trader the week before": another, earlier killing
_EARLIER = re.compile(r"\bhad\b", re.I)


def _party(c: Count) -> str | None:
    """The side a killed figure's own words name, None for none or several."""
    text = c.span.text if c.span is not None else ""
    named = [side for side, words in (("state", _STATE_DEAD), ("armed", _ARMED), ("people", _PEOPLE))
             if words.search(text)]
    return named[0] if len(named) == 1 else None


def sides_summed(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts (`text` the sentence, `base` its offset in the document) with one killed figure of one side
    and one of another replaced by their sum; not when either is told in the past perfect (an earlier killing)."""
    killed = [c for c in counts if c.what == CountKind.KILLED and c.value and c.span is not None]
    if len(killed) != 2 or any(c.qualifier == "vague" for c in killed):
        return list(counts)
    a, b = sorted(killed, key=lambda c: c.span.start if c.span else 0)
    assert a.span is not None and b.span is not None
    if a.span.end > b.span.start or None in (_party(a), _party(b)) or _party(a) == _party(b) or \
            _EARLIER.search(a.span.text + " " + b.span.text):
        return list(counts)
    span = Span(a.span.start, b.span.end, text[a.span.start - base:b.span.end - base])
    both = _merge(a, b, span)
    return [both if c is a else c for c in counts if c is not b]
