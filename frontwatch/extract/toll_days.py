"""A toll told over a stretch of days ("12 dead … over the course of four days", "killed over a 40-hour period"):
ACLED splits it evenly over the days, the remainder on the first, so a claim dated one day carries that day's share.
Read with the whole document too: a mob's beating told as a death whose victim was rescued is no toll, and a toll
told before the report's first event ("Three bodies were found …") is that event's; a protest's death that is the
cause its crowd acts over is none of its toll.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from frontwatch.extract.claims import NO_FATALITIES
from frontwatch.extract.counts import _DIGITS, _WRITTEN, a_crowds_cause_told, find_counts, parse_number, survived
from frontwatch.extract.follow_ups import _EARLIER, _places_of, _told_as_before, _with_counts
from frontwatch.extract.told import NOTE_SENTENCES
from frontwatch.model import NOT_AN_EVENT, Claim, Count, CountKind, split_over_days

# "over the course of four days", "over a 40-hour period", "over a three-day raid" (not "for two days": a search that
# went on for days tells how long it lasted, not a toll spread over them)
_OVER_DAYS = re.compile(rf"\bover\s+(?:the\s+(?:course|span|space)\s+of\s+|a\s+(?:period\s+of\s+)?)?"
                        rf"({_DIGITS}|{_WRITTEN})[\s-]+(days?|hours?)\b", re.I)
MAX_TOLL_DAYS = 14  # a longer stretch is no day-by-day toll (fusion's own limit for a range of days)


def toll_days(text: str, start: int, end: int) -> int:
    """Over how many days the toll of the sentence text[start:end] was told, read in its paragraph (1 when it
    says no stretch: "… over the course of four days" is 4, "over a 40-hour period" 2)."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    m = _OVER_DAYS.search(text, left + 1 if left >= 0 else 0, right if right >= 0 else len(text))
    if m is None:
        return 1
    n = parse_number(m.group(1))[0] or 1
    days = n if m.group(2).lower().startswith("day") else -(-n // 24)
    return days if 1 < days <= MAX_TOLL_DAYS else 1


def tolls_over_days(claims: Sequence[Claim], text: str) -> list[Claim]:
    """Each claim dated one day (or by the report) whose paragraph tells its toll over several days, with the first
    day's share (a claim whose own time spans the days is split by fusion, day by day); a claim whose only dead
    survived (`counts.survived`) with none."""
    out = []
    for c in _risen_tolls(_alternative_tolls(note_toll(claims, text), text), text):
        if c.fatalities_acled and not any(k.what == CountKind.KILLED and k.value and not survived(text, k)
                                          for k in c.counts):
            # "a man was lynched … rescued by police before death": the only dead told lived
            c = dataclasses.replace(c, fatalities_acled=0, method=c.method + " counts:survived")
        if c.fatalities_acled and c.event_type in ("Protests", "Riots") and not any(
                k.what == CountKind.KILLED and k.value and not a_crowds_cause_told(text, k) for k in c.counts):
            # "students protested over the death of their colleague … their colleague died of neglect": the cause
            c = dataclasses.replace(c, fatalities_acled=0, method=c.method + " counts:crowds-cause")
        t = c.time
        days = toll_days(text, c.sentence.start, c.sentence.end) if c.fatalities_acled else 1
        if days > 1 and (t is None or t.assumed or t.low == t.high):
            c = dataclasses.replace(c, fatalities_acled=split_over_days(c.fatalities_acled, days)[0],
                                    method=c.method + f" counts:over-{days}-days")
        out.append(c)
    return out


def _alternative_tolls(claims: Sequence[Claim], text: str) -> list[Claim]:
    """A figure told as another account's ("Other sources claim 15 deaths", `follow_ups._ALTERNATIVE`) that went to a
    claim without a toll of its own does not outbid the toll the paragraph told before it for its event: both take
    the lower of the two (ACLED codes the lowest credible figure of conflicting reports)."""
    out = list(claims)
    for i, c in enumerate(out):
        if not c.fatalities_acled or "counts:alternative" not in c.method.split():
            continue
        told = [j for j, e in enumerate(out) if e.sentence.end <= c.sentence.start and e.fatalities_acled
                and e.event_type != NOT_AN_EVENT and "counts:alternative" not in e.method.split()
                and "\n\n" not in text[e.sentence.end:c.sentence.start]]
        if not told:
            continue
        j = told[-1]
        low = min(out[j].fatalities_acled, c.fatalities_acled)
        out[i] = dataclasses.replace(c, fatalities_acled=low, method=c.method + " counts:lowest-account")
        out[j] = dataclasses.replace(out[j], fatalities_acled=low)
    return out


# "the toll of the ambush had risen to eight", "the number of dead has climbed to 9": a later figure of the same dead
_RISEN = re.compile(r"\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed)|death\s+count)\b.{0,60}?\b"
                    r"(?:rose|risen|climbed|jumped|increased|revised)\b", re.I | re.S)


def _risen_tolls(claims: Sequence[Claim], text: str) -> list[Claim]:
    """A toll's rise told by a later claim of the paragraph ("… killing two. By Monday the toll of the grenade attack
    had risen to five.") is the figure of the earlier claims of that type that told fewer dead (ACLED codes the revised
    figure), where fusion could not join them (no place to fuse by)."""
    out = list(claims)
    for r in claims:
        risen = max((k.value for k in r.counts if k.what == CountKind.KILLED and k.value and k.span is not None
                     and _RISEN.search(k.span.text)), default=0)
        if not risen:
            continue
        for i, e in enumerate(out):
            if (e.sentence.end <= r.sentence.start and e.event_type == r.event_type
                    and 0 < e.fatalities_acled < risen and "\n\n" not in text[e.sentence.end:r.sentence.start]):
                out[i] = dataclasses.replace(e, fatalities_acled=risen, method=e.method + " counts:toll-rose")
    return out


def toll_before(sent: SpacySpan, text: str, before: list[Count]) -> list[Count]:
    """The dead told by a sentence with no event word before any event of the report ("Three bodies were found in a
    forest. The motive of the attack is not known."), kept for the event its paragraph tells next; `before`, the
    toll kept so far, gives way to a later one and lapses at a paragraph break."""
    told = [c for c in find_counts(sent) if c.what == CountKind.KILLED and c.value]
    if told:
        return told
    return [] if "\n\n" in text[before[-1].span.end if before and before[-1].span else 0:sent.start_char] else before


def event_after_toll(found: list[Claim], before: Sequence[Count], text: str, start: int) -> list[Claim]:
    """The report's first event, told after its toll in the same paragraph, carries that toll when it tells none
    of its own (ACLED codes the dead found with the attack that killed them)."""
    end = max((c.span.end for c in before if c.span is not None), default=start)
    if "\n\n" in text[end:start]:
        return found
    first = next((c for c in found if c.event_type != NOT_AN_EVENT and c.sub_event_type not in NO_FATALITIES), None)
    if first is None or any(k.what == CountKind.KILLED for k in first.counts):
        return found
    return [_with_counts(c, before, "toll-before") if c is first else c for c in found]


# "… the site of the blast which killed two days earlier": deaths of an earlier incident, not of the note's
_EARLIER_DEATHS = re.compile(r"\b(?:earlier|previously|ago|last\s+(?:week|month|year)|"
                             r"(?:days?|weeks?|months?)\s+before)\b", re.I)


def _in_brackets(text: str, c: Claim) -> bool:
    """Is one of the claim's killed figures told in brackets, an aside ("(police later killed two others)")?"""
    return any(k.span is not None and text.count("(", c.sentence.start, k.span.start) >
               text.count(")", c.sentence.start, k.span.start) for k in c.counts if k.what == CountKind.KILLED)


# a note that tells another incident apart ("In a separate incident, …") is no one happening
_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|elsewhere|meanwhile|unrelated|another\s+(?:incident|attack))\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'(A-Z0-9]|\s*$)")


def note_toll(claims: Sequence[Claim], text: str) -> list[Claim]:
    """A note (one paragraph of at most `NOTE_SENTENCES` sentences) tells one happening: its violent claims without a
    toll carry the one toll its other claims read ("Riots broke out over the count. Three were shot dead by police."
    gives the riot its three), when they are of the same day and name no other place, so the claim that stands for
    the note has it. Not when the note reads several tolls (several incidents, or accounts to weigh)."""
    if "\n\n" in text.strip() or len(_SENTENCE_END.findall(text.strip())) > NOTE_SENTENCES or _SEPARATE.search(text):
        return list(claims)
    violent = [c for c in claims if c.event_type != NOT_AN_EVENT and c.sub_event_type not in NO_FATALITIES]
    lenders = [c for c in violent if c.fatalities_acled]
    if len({c.fatalities_acled for c in lenders}) != 1 or any(
            _EARLIER_DEATHS.search(c.sentence.text) or _in_brackets(text, c) for c in lenders):
        return list(claims)
    lender = lenders[0]
    dead = [k for k in lender.counts if k.what == CountKind.KILLED]

    def one_happening(c: Claim) -> bool:
        t, u = c.time, lender.time
        same_day = t is None or u is None or t.assumed or u.assumed or (t.low, t.high) == (u.low, u.high)
        here, there = _places_of(c), _places_of(lender)
        # "The attack came after youths rioted": a happening told as the one before, not the same one
        before = c.trigger is not None and _EARLIER.search(text, c.sentence.start, c.trigger.start)
        return same_day and (not here or not there or here == there) and not before \
            and not _told_as_before(c, lender) and not _told_as_before(lender, c)

    return [_with_counts(c, dead, "same-note") if c in violent and not c.fatalities_acled and one_happening(c)
            else c for c in claims]
