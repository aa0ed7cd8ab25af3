"""The dead told of a group counted under another fate ("gunmen abducted three traders and later killed them";
"five fishermen were seized; they were later found dead"; "police held 4 suspects, who were found dead in the
cells"): the figure is the group's, the death is told by a word that points back at it ("them", "they", "who",
"their bodies"), so the toll is the group's figure. Not a threat, an intent or a death that did not happen ("to
kill them", "feared dead", "nearly killed them"); not when the sentence already reads a toll of its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontwatch.model import Count, CountKind, Span

_DEED = (r"(?:killed|executed|murdered|beheaded|slaughtered|massacred|killing|executing|murdering|beheading|"
         r"slaughtering|massacring)")
_DEED_MANNER = r"(?:shot|stabbed|hacked|beat|stoned|burned|burnt|clubbed)"
_NOT_DONE = r"(?:not|never|nearly|almost|narrowly|feared|believed|thought|threatened|reportedly\s+not)"
# "… and (later) killed them", "… before killing them", "… then shot them dead", "… hacked them to death"
_THEM_KILLED = re.compile(
    rf"^[^.;:!?\d]{{0,100}}?\b(?:and|then|later|before|after|,)\s+(?:[a-z]+\s+){{0,2}}?"
    rf"(?:{_DEED}\s+(?:all\s+(?:of\s+)?|both\s+(?:of\s+)?)?them\b|{_DEED_MANNER}\s+them\s+(?:dead\b|to\s+death\b))",
    re.I)
# "…; they were later found dead", "…, who were killed in custody", "… and all of them were executed", "…; they
# were handed over to the army and later found dead"
_THEY_DIED = re.compile(
    r"^[^.;:!?\d]{0,100}?(?:[;,\-–]|\band\b)\s*(?:they|who|all\s+of\s+(?:them|whom)|both\s+of\s+(?:them|whom))\s+"
    r"(?:were|have\s+been|had\s+been|are)\s+(?:[^.;:!?\d]{0,60}?\band\s+)?(?:[a-z]+\s+){0,2}?(?:found\s+)?"
    r"(?:dead|killed|executed|murdered|beheaded|slain|shot\s+dead)\b", re.I)
_NOT_DONE_WORD = re.compile(rf"\b{_NOT_DONE}\b", re.I)
# "… and their bodies were found on Monday"
_THEIR_BODIES = re.compile(r"^[^.;:!?\d]{0,100}?\btheir\s+(?:bodies|corpses|remains)\s+(?:were|have\s+been|had\s+been)"
                           r"\s+(?:[a-z]+\s+){0,2}?(?:found|recovered|discovered|dumped)\b", re.I)
# the fates a group is counted under before its death is told ("abducted 3", "5 were detained")
_OTHER_FATES = (CountKind.ABDUCTED, CountKind.ARRESTED)


def fate_of_the_held(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts (`text` the sentence, `base` its offset) with a killed figure added for a group counted
    as abducted or arrested whose death the rest of the sentence tells by pointing back at it."""
    if any(c.what == CountKind.KILLED and c.value for c in counts):
        return list(counts)
    out = list(counts)
    for c in counts:
        if c.what not in _OTHER_FATES or not c.value or c.qualifier == "vague" or c.span is None:
            continue
        rest = text[c.span.end - base:]
        m = _THEM_KILLED.match(rest) or _THEY_DIED.match(rest) or _THEIR_BODIES.match(rest)
        if m is None or _NOT_DONE_WORD.search(m.group(0)):
            continue
        end = c.span.end + m.end()
        out.append(Count(CountKind.KILLED, c.value, c.low, c.high, c.qualifier,
                         Span(c.span.start, end, text[c.span.start - base:end - base])))
        break  # one group's fate: a second group would be another count of the same dead or another incident
    return out
