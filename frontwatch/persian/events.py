"""Persian events: clauses (split after a finite verb before "و" / "،"), the lexicon's triggers in each, the highest-
ranked one naming the clause's event; questions are no claims."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.model import PlaceMention
from frontwatch.persian.attribution import _Sentence
from frontwatch.persian.lexicon import Lexicon

# A finite verb ending a clause: the split points of a sentence ("… تصرف شدند و حدود ۶۰ …").
_VERB_END = re.compile(r"\w*(?:ند|است|اند|شد|بود|کرد|گرفت|افتاد|دارد|داد|رفت)")
_CLAUSE_SEP = re.compile(r"(?P<w>\w+)(?P<sep>\s*[،,]\s*(?:و\s+)?|\s+و\s+|\s*؛\s*)")


# "which areas were retaken and whether the fighting ended": a question, not a claim
_QUESTION = re.compile(r"(?<!\w)(?:آیا|کدام|چه\s+کسی|چگونه)(?!\w)")


@dataclass
class _Hit:
    category: str
    start: int
    end: int


@dataclass
class _Event:
    sent: int
    start: int  # clause offsets (normalized)
    end: int
    hit: _Hit
    hits: list[_Hit]


class PersianEvents:
    """The events of a sentence (`events`): one per clause that holds a trigger."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    # --- events --------------------------------------------------------------------------------------------

    def _clauses(self, nt: str, s: _Sentence) -> list[tuple[int, int]]:
        out = []
        pos = s.start
        for m in _CLAUSE_SEP.finditer(nt, s.start, s.end):
            if _VERB_END.fullmatch(m.group("w")):
                out.append((pos, m.end("w")))
                pos = m.end()
        out.append((pos, s.end))
        return [(a, b) for a, b in out if b > a]

    def _hits(self, text: str, base: int) -> list[_Hit]:
        found: list[_Hit] = []
        for cat, rx in self.lexicon.triggers:
            for m in rx.finditer(text):
                found.append(_Hit(cat, base + m.start(), base + m.end()))
        # Overlaps: the longer match wins ("حمله هوایی" over "حمله"), then the higher rank.
        cats = self.lexicon.categories
        found.sort(key=lambda h: (-(h.end - h.start), -cats[h.category][2], h.start))
        kept: list[_Hit] = []
        for h in found:
            if all(h.end <= k.start or h.start >= k.end for k in kept):
                kept.append(h)
        return sorted(kept, key=lambda h: h.start)

    def events(self, nt: str, i: int, s: _Sentence, places: list[PlaceMention]) -> list[_Event]:
        out = []
        cats = self.lexicon.categories
        for a, b in self._clauses(nt, s):
            hits = self._hits(nt[a:b], a)
            hits = [h for h in hits if not (self.lexicon.weak.fullmatch(nt[h.start : h.end]))] or [
                h for h in hits if any(a <= p.span.start < b for p in places)
            ]
            if not hits or _QUESTION.search(nt, a, b):
                continue
            best = max(hits, key=lambda h: (cats[h.category][2], -h.start))
            out.append(_Event(i, a, b, best, hits))
        return out
