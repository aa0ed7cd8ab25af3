"""A part of a group told after it in apposition ("raiders killed four people, two of them children, and wounded
six"; "eight died, three of whom were police"): the part is already in the group's figure, so it is no count of its
own (counted, it would join the group's list and add to the toll). Only a description: an apposition that tells an
outcome of its own ("…, two of them were killed") is a count."""

from __future__ import annotations

import re

# ", two of them children,", ", three of whom were police." — a noun (or "were" + noun) up to the clause's end
_APPOSED = re.compile(r"\s+of\s+(?:them|whom|those)\s+(?:(?:were|was|are|being)\s+)?"
                      r"((?:[\w'-]+\s+){0,3}?[\w'-]+)\s*(?:[,;.)]|\band\b|$)", re.I)
# words that make the apposition tell an outcome, not describe the part
_OUTCOME = re.compile(r"\b(?:killed|dead|died|wounded|injured|hurt|shot|abducted|kidnapped|arrested|missing|"
                      r"survived|escaped|rescued|hospitali[sz]ed|critical)\b", re.I)


def apposed_part(text: str, start: int, end: int) -> bool:
    """Is the figure text[start:end] the part of a group told in apposition after it (", two of them children")?"""
    if not text[:start].rstrip().endswith(","):
        return False
    m = _APPOSED.match(text, end)
    return m is not None and not _OUTCOME.search(m.group(1))
