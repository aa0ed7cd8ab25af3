"""Persian counts: a number (digits, words or a vague quantity) followed, within its clause, by an outcome word of the
lexicon ("کشته", "زخمی"), with its qualifier ("at least", "about")."""

from __future__ import annotations

import re

from frontwatch.model import (
    Count,
    CountKind,
    PlaceMention,
    Span,
)
from frontwatch.persian.events import _VERB_END
from frontwatch.persian.lexicon import Lexicon
from frontwatch.persian.normalize import Normalized
from frontwatch.persian.numbers import NUMBER, VAGUE_RE, parse_number, vague

_PARTICIPLES = {"گرفته", "شده", "کرده", "قرار", "بوده", "رفته", "داده"}


def _count(kind: CountKind, qual: str | None, number: str, span: Span) -> Count:
    v = vague(number)
    if v is not None:
        value, low, high, q = v
        return Count(kind, value, low, high, qual or q, span)
    value = parse_number(number)
    q = qual or "exact"
    low: int | None = value
    high: int | None = value
    if value is not None:
        if q in ("at least", "more than"):
            high = None
        elif q == "approximately":
            low, high = round(value * 0.8), round(value * 1.2)
        elif q == "at most":
            low = 0
    return Count(kind, value, low, high, q, span)


class PersianCounts:
    """The counts of a clause (`counts`)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    # --- counts --------------------------------------------------------------------------------------------

    def counts(
        self, nt: str, text: str, norm: Normalized, a: int, b: int, places: list[PlaceMention]
    ) -> list[Count]:
        lex = self.lexicon
        clause = nt[a:b]
        place_spans = [(p.span.start, p.span.end) for p in places]
        out: list[Count] = []
        number = re.compile(rf"(?<!\w)(?:{VAGUE_RE.pattern}|{NUMBER})(?!\w)")
        for m in number.finditer(clause):
            o0 = norm.start(a + m.start())
            if any(x <= o0 < y for x, y in place_spans):
                continue  # "ده" of a place name is not ten
            rest = clause[m.end() : m.end() + 80]
            outcome = None
            for words in range(0, 9):
                gap = re.match(rf"((?:\s+[^\s\d،,.]+){{{words}}})\s+", rest)
                if gap is None:
                    break
                gap_words = gap.group(1).split()
                if words and (re.search(rf"(?<!\w)(?:{NUMBER})(?!\w)", gap.group(1)) or any(
                        _VERB_END.fullmatch(w) or w in _PARTICIPLES for w in gap_words)):
                    break  # a number belongs to the outcome of its own clause
                tail = rest[gap.end() :]
                for kind, rx in lex.outcomes:
                    om = rx.match(tail)
                    if om:
                        outcome = (kind, gap.end() + om.end())
                        break
                if outcome:
                    break
            if outcome is None:
                continue
            qual = None
            head = clause[max(0, m.start() - 14) : m.start()]
            for q, rx in lex.qualifiers:
                qm = None
                for qm in rx.finditer(head):  # noqa: B007 (the last match is the one before the number)
                    pass
                if qm is not None and not head[qm.end() :].strip():
                    qual = (q, m.start() - len(head) + qm.start())
                    break
            start = qual[1] if qual else m.start()
            end = m.end() + outcome[1]
            span = Span.of(text, norm.start(a + start), norm.end(a + end))
            out.append(_count(CountKind(outcome[0]), qual[0] if qual else None, m.group(), span))
        # "تلفات سنگین" (heavy casualties): casualties, no figure
        if not out:
            for hm in re.finditer(r"(?<!\w)تلفات(?:\s+(?:سنگین|زیاد|هنگفت|جانی))?(?!\w)", clause):
                span = Span.of(text, norm.start(a + hm.start()), norm.end(a + hm.end()))
                out.append(Count(CountKind.KILLED_OR_INJURED, None, None, None, "vague", span))
        return out
