"""What a sentence's toll says beyond its figures.

A toll revised within its own sentence ("… killing five (later found to be seven) guards", "four died, a figure
the police later raised to six", "three were killed; the toll has since risen to eight"): the revised figure is the
toll, as a later sentence's rise already is (ACLED: figures are revised as better reports arrive). The figure before
the revision is no alternative account to take the lowest of: the same account corrected it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from frontwatch.extract.counts import _DIGITS, _OUTCOME_WORD, _WRITTEN, ANIMALS, NOT_PEOPLE, parse_number
from frontwatch.extract.toll_dates import in_a_date
from frontwatch.extract.toll_fates import fate_of_the_held
from frontwatch.extract.toll_lists import listed_tolls
from frontwatch.extract.toll_sides import sides_summed
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


# A group added to a toll after its outcome by "plus", "+" or "/" ("5 killed in a bar plus 1 driver", "4 dead + 2
# guards"): the same outcome's dead, summed. The gap before it tells no other outcome or figure.
_PLUS = re.compile(rf"^([^\d.;:()/+]{{0,40}}?)\s*(?:\bplus\b|\+|/)\s*({_DIGITS}|{_WRITTEN})\b(?=\s+[a-z])", re.I)
# The group is a noun and its place, the list's end ("… plus 1 driver on the road"); a word of another kind after it
# may be a verb of its own ("/ 1,400 people displaced", "+ 1 bystander caught in …": another fact of a terse list).
# So is a group told as counted apart ("+ 2 civilians (coded separately)").
_GROUP_ENDS = re.compile(r"^\s+[a-z-]+(?:\s*(?:[,.;)]|$)|\s+(?:in|on|at|from|of|near|inside|outside|along|and|who|"
                         r"while|during|with|when|after)\b)", re.I)
_APART = re.compile(r"^[^.;]{0,40}?\bsep[ae]rate", re.I)


def listed_after(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts with a group joined to a killed figure after its outcome (see `_PLUS`) added to it."""
    out = list(counts)
    for i, c in enumerate(out):
        if c.what != CountKind.KILLED or c.value is None or c.span is None:
            continue
        after = text[c.span.end - base:]
        m = _PLUS.match(after)
        if m is None or _OUTCOME_WORD.search(m.group(1)):
            continue
        at = c.span.end - base + m.start(2)
        end = c.span.end - base + m.end(2)
        if in_a_date(text, at, end) or NOT_PEOPLE.match(text[end:end + 20]) or ANIMALS.match(text[end:end + 40]) \
                or _OUTCOME_WORD.match(text[end:end + 20].lstrip()) or not _GROUP_ENDS.match(text[end:end + 40]) \
                or _APART.match(text[end:end + 60]) or any(
                    k.span is not None and k.span.start <= base + at < k.span.end for k in out):
            continue  # "plus 2 injured": a figure of its own outcome; "plus 3 cows", a date: no people
        more = parse_number(m.group(2))[0]
        if not more:
            continue
        noun = re.match(r"^\s+[a-z-]+", text[end:end + 30], re.I)
        stop = end + (noun.end() if noun else 0)
        span = Span(c.span.start, base + stop, text[c.span.start - base:stop])
        out[i] = Count(c.what, c.value + more, c.low + more if c.low is not None else None,
                       c.high + more if c.high is not None else None, c.qualifier, span)
    return out


# Deaths an illness or a natural disaster caused ("an outbreak of flu which caused 89 deaths", "12 died of
# cholera", "floods killed 40"): a background told beside the violence, no toll of it (ACLED codes deaths of
# political violence only). Told as the killer right before the figure, or as the cause right after it.
_ILLNESS = (r"(?:flu|influenza|virus|outbreak|epidemic|pandemic|cholera|malaria|ebola|measles|meningitis|typhoid|"
            r"tuberculosis|disease|illness|floods?|flooding|landslides?|mudslides?|earthquakes?|lightning)")
_ILLNESS_KILLS = re.compile(rf"\b{_ILLNESS}\b[^.;:,]{{0,40}}?\b(?:which\s+|that\s+)?(?:has\s+|have\s+|had\s+)?"
                            r"(?:caused|killed|claimed|left)\s+(?:(?:at\s+least|more\s+than|over|some|about)\s+)?$",
                            re.I)
_DIED_OF_ILLNESS = re.compile(rf"^[^.;:,]{{0,30}}?\b(?:of|from)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,2}}?{_ILLNESS}\b",
                              re.I)


def not_of_illness(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts less the dead of an illness or a disaster (see `_ILLNESS`)."""
    out = []
    for c in counts:
        if c.what == CountKind.KILLED and c.span is not None:
            start, end = c.span.start - base, c.span.end - base
            figure = re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|several)\b",
                               text[start:end], re.I)
            at = start + (figure.start() if figure else 0)
            if _ILLNESS_KILLS.search(text, max(0, at - 80), at) or _DIED_OF_ILLNESS.match(text[end:end + 60]):
                continue
        out.append(c)
    return out


# The attacker killed after the attack's dead are told ("… left one officer dead before police shot and killed the
# gunman"): the attacker is one more dead of the event (ACLED counts every death of it), not another figure for the
# same dead.
_THE_DOER = re.compile(r"\b(?:the|an?)\s+(?:lone\s+|suspected\s+|armed\s+)?(?:attackers?|gunm[ae]n|assailants?|"
                       r"shooters?|bombers?|perpetrators?|hijackers?|knifem[ae]n)\b", re.I)


def doer_killed(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts with the attacker's death (see `_THE_DOER`) added to the killed figure told before it."""
    out = list(counts)
    killed = [c for c in out if c.what == CountKind.KILLED and c.value and c.span is not None]
    for first, doer in itertools.pairwise(killed):
        assert first.span is not None and doer.span is not None
        if (first.qualifier != "exact" or doer.qualifier != "exact" or not _THE_DOER.search(doer.span.text)
                or _THE_DOER.search(first.span.text) or first.span.end > doer.span.start):
            continue
        span = Span(first.span.start, doer.span.end, text[first.span.start - base:doer.span.end - base])
        summed = Count(CountKind.KILLED, (first.value or 0) + (doer.value or 0),
                       (first.value or 0) + (doer.value or 0), (first.value or 0) + (doer.value or 0), "exact", span)
        return [summed if c is first else c for c in out if c is not doer]
    return out


# A suicide attack told as what killed its victims ("a suicide car bomb killed 13 soldiers"): the bomber died too,
# and ACLED counts the attacker among the dead. Not when the figure or the sentence already holds the bomber.
_SUICIDE = re.compile(r"\ba\s+suicide\s+(?:car\s+|truck\s+|vest\s+)?(?:bomb|bomber|bombing|attack|attacker|blast)\b",
                      re.I)
_BOMBER_TOLD = re.compile(r"\b(?:bomber|attacker|assailant|including\s+the|him|her)\b|\bthemselves\b", re.I)


def suicide_bomber(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts with the suicide attacker (see `_SUICIDE`) added to the first killed figure after it."""
    m = _SUICIDE.search(text)
    if m is None or KILLER_DEAD.search(text):
        return list(counts)
    for i, c in enumerate(counts):
        if (c.what == CountKind.KILLED and c.value and c.span is not None and c.span.start >= base + m.end()
                and c.qualifier == "exact"):
            if _BOMBER_TOLD.search(text, c.span.start - base):
                return list(counts)
            one = Count(c.what, c.value + 1, c.value + 1, c.value + 1, c.qualifier, c.span)
            return [*counts[:i], one, *counts[i + 1:]]
    return list(counts)


def sentence_tolls(text: str, base: int, counts: Sequence[Count]) -> list[Count]:
    """The sentence's counts (`text` the sentence, `base` its offset in the document) with its revisions taken
    (`revised_tolls`), the killer's own death added (`killer_dead`), groups listed after the outcome summed
    (`listed_after`), the attacker's death added (`doer_killed`, `suicide_bomber`), the dead of an illness left out
    (`not_of_illness`), tolls listed clause by clause summed (`listed_tolls`), both sides' dead summed
    (`sides_summed`) and the death of a group held or abducted told by pointing back at it (`fate_of_the_held`)."""
    told = suicide_bomber(text, base, killer_dead(text, base, revised_tolls(text, base, counts)))
    told = not_of_illness(text, base, listed_after(text, base, doer_killed(text, base, told)))
    return fate_of_the_held(text, base, sides_summed(text, base, listed_tolls(text, base, told)))
