"""What a sentence adds to the event told before it: a toll ("14 dead."), a casualty follow-up ("5 soldiers were
killed."), a claim of responsibility ("X claimed the attack"); and a sentence's toll clause moved to its event."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from frontwatch.extract.claims import NO_FATALITIES, _acled_fatalities, _find_counts
from frontwatch.extract.counts import more_dead
from frontwatch.model import (
    NOT_AN_EVENT,
    ActorRole,
    Claim,
    Count,
    CountKind,
)

# Nouns by which a sentence points back at the event just told ("… during the operation", "… for the attack").
_EVENT_NOUNS = (r"(?:military\s+)?(?:operations?|fighting|clash(?:es)?|attacks?|assault|offensive|battle|raid|ambush|"
                r"bombings?|blasts?|explosions?|killings?|abduction|kidnapping|strikes?|shelling|shooting|"
                r"clearing\s+operation)")


_BACK_REFERENCE_NOUN = re.compile(rf"\bfor\s+(?:the|this|that|these|those)\s+(?:\w+\s+)?{_EVENT_NOUNS}\b",
                                  re.IGNORECASE)


def _claimant(trigger: Token, claim_verbs: frozenset[str]) -> Token | None:
    """ "X claims drone attack", "X claimed responsibility for the bombing": X did it."""
    head = trigger.head
    if trigger.dep_ == "dobj" and head.lemma_.lower() == "claim":
        return _claiming(head, claim_verbs)
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsibility", "credit"):
        return _claiming(head.head.head, claim_verbs)
    return None


def _claiming(verb: Token, claim_verbs: frozenset[str]) -> Token | None:
    """The subject of a verb of claiming ("X claimed / took / admitted …")."""
    if verb.lemma_.lower() not in claim_verbs:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _with_actor1(claim: Claim, actor: ActorRole) -> Claim:
    unnamed = "actor1:unidentified-by-type" in claim.method.split()  # a default, not a name the text gave
    if (claim.actor("actor1") is not None and not unnamed) or claim.actor("actor2") == actor.actor:
        return claim
    roles = (dataclasses.replace(actor, role="actor1"), *(r for r in claim.actors if r.role != "actor1"))
    return dataclasses.replace(claim, actors=roles, method=claim.method + " actor1:claimed-next-sentence")


# "… killed during the operation": a definite event noun points back at the event just told.
_BACK_REFERENCE = re.compile(rf"\b(?:during|in|after|since|following)\s+(?:the|this|that)\s+{_EVENT_NOUNS}\b",
                             re.IGNORECASE)


def _casualty_follow_up(found: list[Claim], text: str, prev_end: int, start: int, end: int) -> bool:
    """A next sentence that only gives a toll, with no place or perpetrator of its own ("5 soldiers were killed.");
    across a paragraph break, or with arrests, only when it points back at the event ("… during the operation")."""
    if not found:
        return False
    back = _BACK_REFERENCE.search(text, start, end)
    if "\n\n" in text[prev_end:start] and back is None:
        return False
    tolls = {"category:kill", "category:injure"} | ({"category:arrest", "category:abduct"} if back else set())

    def pointer(c: Claim) -> bool:  # "the assault" that points back is that event, not another
        return back is not None and c.trigger is not None and back.start() <= c.trigger.start < back.end()

    told = [c for c in found if not pointer(c)]
    if not told:
        # "Two of the raiders died in the battle": the only event word is the pointer, so the sentence
        # tells the toll of the event before it, not an event of its own
        return all(not c.places or "place:report" in c.method.split() for c in found) and any(
            k.what in (CountKind.KILLED, CountKind.INJURED) and k.value is not None for c in found for k in c.counts)
    return bool(told) and all(
        c.trigger is not None
        and c.method.split(" ")[1] in tolls
        and (not c.places or "place:report" in c.method.split())  # a place of its own, not the report's
        and (c.actor("actor1") is None or _victim_as_agent(c)
             or {"actor1:unidentified-by-type", "actors:report"} & set(c.method.split()))  # no doer of its own
        and c.counts
        for c in told
    )


# A sentence that opens on another incident ("In a separate attack, …", "Meanwhile, …") or a bracketed aside
# ("(Police killed 4 others, coded separately)") tells its own toll.
_ANOTHER_INCIDENT = re.compile(r"^\s*\(|^\W*(?:in\s+(?:an\s*other|a\s+separate|a\s+different|a\s+second|a\s+similar)|"
                               r"separately|meanwhile|elsewhere|earlier|previously|last\s+(?:week|month|year)|"
                               r"(?:on|in)\s+\w+\s+(?:incident|attack))\b", re.IGNORECASE)


def _places_of(c: Claim) -> frozenset[object]:
    return frozenset(m.place.gazetteer_id or m.place.name for m in c.places if m.place is not None)


def _story_toll(found: list[Claim], previous: list[Claim], text: str, prev_end: int, start: int) -> bool:
    """ "Riots broke out over the results. Police intervened, killing 2.": a toll told by the next sentence of the
    same paragraph, as a killing with no place of its own (or the event's own place), is the toll of the event
    before it when that event has none yet — ACLED codes one event with the deaths. Not when the event before is
    non-violent (its toll would be lost), nor when the sentence opens on another incident."""
    if not found or not previous or "\n\n" in text[prev_end:start] or _ANOTHER_INCIDENT.match(text[start:start + 40]):
        return False
    lead = [c for c in previous if c.event_type != NOT_AN_EVENT]
    if not lead or any(c.sub_event_type in NO_FATALITIES for c in lead) or any(
            k.what == CountKind.KILLED for c in lead for k in c.counts):
        return False
    here = frozenset().union(*(_places_of(c) for c in lead))
    return all(
        c.sub_event_type not in NO_FATALITIES
        and any(k.what == CountKind.KILLED and k.value for k in c.counts)
        and (not c.places or "place:report" in c.method.split() or (_places_of(c) and _places_of(c) <= here))
        for c in found)


def _points_back_only(found: list[Claim], text: str, start: int, end: int) -> bool:
    """A sentence whose only events are a pointer back ("The attackers used rifles during the attack.") and that
    gives no toll or place of its own: it elaborates the event before it, which stays the one a later toll joins."""
    back = _BACK_REFERENCE.search(text, start, end)
    return back is not None and bool(found) and all(
        c.trigger is not None and back.start() <= c.trigger.start < back.end() and not c.counts
        and (not c.places or "place:report" in c.method.split()) for c in found)


def _victim_as_agent(c: Claim) -> bool:
    """ "Two civilians killed.": the parser reads the dead as the subject of an active "killed"; its actor 1 then
    lies inside the toll's own words."""
    a = next((r for r in c.actors if r.role == "actor1"), None)
    return a is not None and a.span is not None and any(
        k.span is not None and k.span.start <= a.span.start and a.span.end <= k.span.end for k in c.counts)


def _bare_toll(c: Claim) -> bool:
    """A claim that only tells a toll beside the sentence's event: a killing or wounding word with figures and no
    place (its "perpetrator" is often the parser's misreading of "…, five soldiers killed")."""
    return (c.trigger is not None and c.method.split(" ")[1] in ("category:kill", "category:injure")
            and not c.places and bool(c.counts))


def _tolls_to_event(found: list[Claim], sent_counts: Sequence[Count]) -> list[Claim]:
    """ "Militants attack forces in X on Monday, five soldiers killed, eight wounded": the toll clause of a sentence
    that also tells the event is that event's toll, not a second event without a place (which fusion drops). So is
    a toll outside every event's clause ("Four people are feared dead after raiders ambushed herders")."""
    tolls = [c for c in found if _bare_toll(c)]
    events = [c for c in found if c not in tolls and c.event_type != NOT_AN_EVENT]
    if tolls and events and all(c.event_type == "Strategic developments" for c in events):
        # "one robber shot dead by officers and four others detained": the killing is the incident and the arrests
        # its follow-up (ACLED's precedence), not a toll of the arrests
        return found
    violent = [c for c in events if c.sub_event_type not in NO_FATALITIES]
    if events and not violent:
        # "soldiers shoot dead three bandits and detain several suspects": the sentence's other events take no toll
        # (arrests), so a killing stays an event of its own rather than a toll the arrests would drop
        tolls = [c for c in tolls if c.sub_event_type in NO_FATALITIES or not any(
            k.what == CountKind.KILLED for k in c.counts)]
    # a figure held only by an event that takes no toll ("police kill six fighters and make several arrests", the
    # six read by the arrests) is still loose: the violent event of the sentence takes it
    told = {id(k) for c in found if c.sub_event_type not in NO_FATALITIES for k in c.counts}
    loose = [k for k in sent_counts if id(k) not in told and k.what == CountKind.KILLED and k.value is not None]
    if not violent or any(k.what == CountKind.KILLED for c in violent for k in c.counts):
        loose = []
    if not events:
        # "At least five are dead and dozens injured": a toll sentence whose only claim is the wounding's keeps the
        # dead the claim's clause left out (the claim is the toll the event before it, or fusion, takes)
        return _loose_dead_to_toll(found, sent_counts)
    first = violent[0] if violent else events[0]
    # "… were shot, a week after the gang stabbed 9 more": a killing told as days before is its own event
    tolls = [t for t in tolls if not _told_as_before(first, t)]
    extra = [k for t in tolls for k in t.counts] + loose
    if not extra:
        return found
    return [_with_counts(c, extra, "same-sentence") if c is first else c for c in found if c not in tolls]


def _loose_dead_to_toll(found: list[Claim], sent_counts: Sequence[Count]) -> list[Claim]:
    """The sentence's killed figures no claim holds, given to its first toll claim that holds none (see
    `_tolls_to_event`)."""
    held = {id(k) for c in found for k in c.counts}
    loose = [k for k in sent_counts if id(k) not in held and k.what == CountKind.KILLED and k.value is not None]
    first = next((c for c in found if _bare_toll(c) and c.sub_event_type not in NO_FATALITIES
                  and not any(k.what == CountKind.KILLED for k in c.counts)), None)
    if not loose or first is None:
        return found
    return [_with_counts(c, loose, "same-sentence") if c is first else c for c in found]


# "… were killed, a week after the gang shot 9 more": a later clause that dates its killing before the event
_DAYS_BEFORE = re.compile(r"\b(?:(?:days?|weeks?|months?|hours?|nights?)\s+(?:after|before|following|since)|"
                          r"(?:after|following|since)\s+(?:last|the\s+previous)\b)", re.IGNORECASE)


# A sentence that opens on a reaction to what was told before ("In revenge, …", "Following the attack, a militia …",
# "Responding to the calls, police …") tells a new incident of its own kind: ACLED codes the retaliation apart.
_RESPONSE = re.compile(
    r"\W*(?:in\s+(?:revenge|retaliation|reprisal|response)|responding\s+to|"
    r"(?:following|after)\s+(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:attacks?|raids?|killings?|ambush|"
    r"assault|incident|massacre|clash(?:es)?|bombings?|blasts?|explosions?))\b", re.IGNORECASE)


def _told_as_before(c: Claim, o: Claim) -> bool:
    """Is `o`'s event told after `c`'s in the sentence as one that happened days before it (see `_DAYS_BEFORE`)?
    Its toll is that earlier event's, not `c`'s. So is an event told by a later sentence that opens on a reaction
    to `c`'s ("Responding to the alarm, police …", `_RESPONSE`): an incident of its own, with a toll of its own."""
    if c.trigger is None or o.trigger is None or o.trigger.start <= c.trigger.start:
        return False
    if o.sentence.start > c.sentence.start and _RESPONSE.match(o.sentence.text):
        return True
    between = c.sentence.text[c.trigger.end - c.sentence.start:o.trigger.start - c.sentence.start]
    return bool(_DAYS_BEFORE.search(between))


def _one_toll_per_event(found: list[Claim]) -> list[Claim]:
    """ "Raiders attack herders in a revenge attack; at least 11 killed": claims of one sentence with one sub-type
    and no places that differ are one event (fusion would join them), so each carries the toll any of them read —
    whichever stands for the event then has it."""
    out = list(found)
    for i, c in enumerate(out):
        if c.sub_event_type in NO_FATALITIES or c.event_type == NOT_AN_EVENT:
            continue
        same = [o for o in out if o.sub_event_type == c.sub_event_type and o.fatalities_acled > c.fatalities_acled
                and (not o.places or not c.places or _places_of(o) == _places_of(c)) and not _told_as_before(c, o)]
        if same:
            best = max(same, key=lambda o: o.fatalities_acled)
            out[i] = _with_counts(c, [k for k in best.counts if k.what == CountKind.KILLED], "same-event")
    return _manner_lends_toll(out)


_HOW_DIED = re.compile(r"\s+(?:in|by|during|from|amid)\s+(?:(?:the|a|an|heavy|random|stray)\s+)*", re.IGNORECASE)


def _in_own_toll(o: Claim) -> bool:
    """Is `o`'s trigger a word of its own killed count or right after it ("a boy killed in gunfire": the gunfire is
    how he died)?"""
    if o.trigger is None:
        return False
    at, base = o.trigger.start, o.sentence.start
    return any(k.what == CountKind.KILLED and k.value and k.span is not None and k.span.start <= at and (
        at < k.span.end or _HOW_DIED.fullmatch(o.sentence.text[k.span.end - base:at - base]) is not None)
        for k in o.counts)


def _manner_lends_toll(found: list[Claim]) -> list[Claim]:
    """ "Gunmen attack a village, fire on a house; a boy killed in gunfire": a claim read from the words of a toll
    (how the dead died) tells the toll of the sentence's violent events that have none, whatever its sub-type."""
    lender = next((o for o in found if o.fatalities_acled and _in_own_toll(o)), None)
    if lender is None:
        return found
    dead = [k for k in lender.counts if k.what == CountKind.KILLED]
    return [_with_counts(c, dead, "same-sentence") if c is not lender and c.event_type != NOT_AN_EVENT
            # "… two days after gunmen killed four guards": a killing dated before the event is its own
            and c.sub_event_type not in NO_FATALITIES and not c.fatalities_acled and not _told_as_before(c, lender)
            else c for c in found]


_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:after|before|following|since|prior\s+to)\b", re.IGNORECASE)


def _elaborations_keep_the_toll(claims: list[Claim], text: str) -> list[Claim]:
    """ "2 killed in a bomb blast. A suicide bomber is suspected.": a later claim of the paragraph with the same
    sub-type, no toll and no place that differs elaborates the event already told with its toll, and carries it
    (fusion joins such claims into one event; the toll is not counted twice)."""
    out = list(claims)
    # An earlier claim can only lend its toll within one paragraph: claims are looked up by the paragraph break
    # after their sentence's end, so the work per claim stays within its paragraph (a scan of every earlier claim,
    # each slicing the text between them, made a long report's work grow with its square).
    breaks = [m.start() for m in re.finditer(r"(?=\n\n)", text)]
    by_break: dict[int, list[int]] = {}
    for i, c in enumerate(out):
        if not (c.sub_event_type in NO_FATALITIES or c.event_type == NOT_AN_EVENT or c.fatalities_acled or (
                c.trigger is not None and _EARLIER.search(text, c.sentence.start, c.trigger.start))):
            # no break between an earlier sentence's end and this one's start: both fall before the same break
            # "… gunned down a traffic officer. Why the attack happened is unclear.": a definite event noun
            # points back at the event told before, whatever sub-type each was read as
            back = c.trigger is not None and _DEFINITE.search(text, max(0, c.trigger.start - 8), c.trigger.start)
            told = [out[j] for j in by_break.get(bisect.bisect_right(breaks, c.sentence.start - 2), ())
                    if (out[j].sub_event_type == c.sub_event_type or (
                        back and out[j].sub_event_type not in NO_FATALITIES and out[j].event_type != NOT_AN_EVENT))
                    and out[j].fatalities_acled
                    and out[j].sentence.end <= c.sentence.start
                    and (not c.places or _places_of(out[j]) == _places_of(c))]
            if told:
                out[i] = _with_counts(c, [k for k in told[-1].counts if k.what == CountKind.KILLED], "same-event")
        by_break.setdefault(bisect.bisect_left(breaks, c.sentence.end), []).append(i)
    return out


def _replace_told(out: list[Claim], previous: list[Claim], changed: list[Claim]) -> list[Claim]:
    """`out` with the claims of `previous` replaced by `changed` (parallel to it). They were appended last or nearly
    so: `out` is searched from its end and no further than they are (a scan of the whole list per follow-up
    sentence grew with the square of a report's length)."""
    out = list(out)
    left = len(previous)
    for j in range(len(out) - 1, -1, -1):
        if left == 0:
            break
        if out[j] in previous:
            out[j] = changed[previous.index(out[j])]
            left -= 1
    return out


def _toll_only(sent: SpacySpan, text: str, prev_end: int) -> list[Count]:
    """The figures of a sentence without an event word that only tells a toll ("14 dead.", "Three deaths
    reported."), in the paragraph of the event before it (or pointing back at it: "… during the attack")."""
    counts = [c for c in _find_counts(sent) if c.what in (CountKind.KILLED, CountKind.INJURED) and c.value is not None]
    if not counts or ("\n\n" in text[prev_end:sent.start_char]
                      and _BACK_REFERENCE.search(text, sent.start_char, sent.end_char) is None):
        return []
    return counts


# A later figure told as another voice's or as disputed ("Al-Shabaab claims eight dead", "conflicting reports have
# eight deaths", "two others feared dead in an earlier report, not confirmed") is an alternative: ACLED keeps the
# lowest credible figure, not the larger one as an update.
_ALTERNATIVE = re.compile(
    r"\b(?:claim(?:s|ed|ing)?\b(?!\s+(?:the\s+)?lives)|conflicting|other\s+(?:reports?|sources?|accounts?)|"
    r"unconfirmed|not\s+(?:been\s+)?confirmed|(?:earlier|some|other)\s+reports?|"
    r"(?:sources?|reports?|accounts?)\s+(?:say|said|put|suggest)|as\s+(?:high|many)\s+as|"
    # another outlet's report ("a local radio station reports nine dead")
    r"(?:media|network|radio|station|agency|news|website|outlet|newspaper|daily|television|tv)\s+report(?:s|ed)?\b)",
    re.IGNORECASE)


def _same_figure(a: Count, b: Count) -> bool:
    """Are two counts one figure read twice: the same kind and numbers, from overlapping words (or words unknown)?"""
    return (a.what, a.value, a.low, a.high) == (b.what, b.value, b.low, b.high) and (
        a.span is None or b.span is None or (a.span.start < b.span.end and b.span.start < a.span.end))


def _with_counts(claim: Claim, told: Sequence[Count], how: str = "next-sentence", said: str = "") -> Claim:
    # the same figure read by two clauses of the follow-up ("30 killed and 12 arrested") counts once
    # (a figure equal to one told before from other words is other people: "3 of the injured died … 3 of the
    # gunmen were killed")
    have = list(claim.counts)
    extra: list[Count] = []
    for k in told:
        if not any(_same_figure(k, h) for h in have):
            have.append(k)
            extra.append(k)
    if not extra:
        return claim
    counts = claim.counts + tuple(extra)
    # one account's later figure for its event is a part or an update of its toll ("… the toll rose to six")
    fatalities = _acled_fatalities(extra)
    if claim.sub_event_type in NO_FATALITIES:
        fatalities = 0
    total = max(claim.fatalities_acled, fatalities)
    alternative = bool(fatalities and _ALTERNATIVE.search(said))
    if claim.fatalities_acled and alternative:
        total = claim.fatalities_acled  # `said`: the later sentence, as another account: the first figure stands
    elif said and fatalities and more_dead(extra, said, claim.counts):
        total = claim.fatalities_acled + fatalities  # "a guard was also killed": more dead, not an update
    return dataclasses.replace(
        claim,
        counts=counts,
        fatalities_acled=total,
        # an account's figure given to a claim without one: `toll_days.alternative_tolls` weighs it against the
        # paragraph's earlier toll
        method=claim.method + f" counts:{how}" + (" counts:alternative" if alternative and not claim.fatalities_acled
                                                   else ""),
    )
