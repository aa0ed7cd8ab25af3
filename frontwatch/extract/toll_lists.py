"""Tolls listed one after another in one sentence, each figure with its own death ("7 burned to death in the granary/
4 killed by spears/ 2 shot dead", "2 died on the spot, 1 died later in the clinic"): each clause tells how or
when other people died, so ACLED codes their sum, not the lowest figure as if they were two accounts of one toll
(`acled_fatalities`). Only bare figures (or figures of one noun) that each open their own clause of dying, joined by
a list's separator after at most a short adjunct; a voice, a revision or a part between them keeps them apart."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.extract.counts import _merge
from frontwatch.model import Count, CountKind, Span

# the figure opens its own clause of dying: "6 killed", "two died", "3 were shot dead", "1 burned to death"
_OWN_DEATH = re.compile(r"^(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:(?:were|was|are|is|have|has|had|been)\s+)*"
                        r"(?:killed|died|dead|dies|perished|murdered|slain|shot\s+dead|gunned\s+down|"
                        r"(?:burn(?:ed|t)|hacked|stabbed|stoned|beaten|clubbed|slashed)\s+to\s+death)\b", re.I)
# what may stand between two such clauses: a short adjunct of the first (how, where or when they died), then the
# list's separator
_GAP = re.compile(r"^(?P<adjunct>[^,;/()\d]{0,40}?)\s*(?:/|,\s*and|,|;|\s-\s|\band\b)\s*$", re.I)
# words that make the second figure another account, a revision or a part of the first
_APART = re.compile(r"\b(?:or|according|said|says|say|reports?|reported|claims?|claimed|officials?|sources?|toll|"
                    r"rose|risen|later\s+(?:raised|revised)|of\s+(?:them|whom|these|those)|including|among|"
                    r"other\s+accounts?|while|whereas|but|though|although)\b", re.I)


def _after_figure(c: Count) -> bool:
    return c.span is not None and _OWN_DEATH.match(c.span.text) is not None


def listed_tolls(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts (`text` the sentence, `base` its offset) with each run of killed figures listed clause
    by clause merged into their sum. A smaller figure after one told with no adjunct ("5 killed, 3 died at the
    scene") may be a part of it: kept apart."""
    out: list[Count] = []
    for c in counts:
        prev = out[-1] if out else None
        if (prev is not None and prev.what == c.what == CountKind.KILLED and prev.span is not None
                and c.span is not None and prev.span.end <= c.span.start and prev.value and c.value
                and prev.qualifier == c.qualifier == "exact" and _after_figure(prev) and _after_figure(c)):
            gap = text[prev.span.end - base:c.span.start - base]
            # the rest of the second figure's clause: "…, 5 died according to the elders" is another account
            tail = re.match(r"[^,;/()]*", text[c.span.end - base:]).group(0)  # type: ignore[union-attr]
            m = _GAP.match(gap)
            if m is not None and not _APART.search(gap + " " + tail) and not (
                    not m.group("adjunct").strip() and c.value < prev.value):
                out[-1] = _merge(prev, c, Span(prev.span.start, c.span.end,
                                               text[prev.span.start - base:c.span.end - base]))
                continue
        out.append(c)
    return out
