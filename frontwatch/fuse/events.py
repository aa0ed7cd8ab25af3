"""One event from a cluster of claim-days: its sub-type, place, day, actors, figures, status and confidence."""

from __future__ import annotations

import dataclasses
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from frontwatch.fuse.days import FIGURES, ClaimDay
from frontwatch.fuse.truth import CERTAINTY_WEIGHT
from frontwatch.model import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    TERRITORY_SUB_TYPES,
    Actor,
    Certainty,
    Claim,
    CountKind,
    Event,
    EventStatus,
    stable_id,
)

ORDER = {sub: i for i, sub in enumerate(SUB_EVENT_TYPES)}  # ACLED precedence within a type


def _majority_actor(actors: Iterable[Actor | None]) -> Actor | None:
    # Counted by value (name and inter code); the winner is returned as one of the claims' own equal objects, not
    # a new one per event.
    counts: Counter[Actor] = Counter(a for a in actors if a)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0].name))[0]



# ACLED inter codes of parties that hold no ground: rioters, protesters, civilians.
UNARMED_INTER = frozenset({5, 6, 7})


def _actor_pair(cds: Sequence[ClaimDay], territory: bool) -> tuple[Actor | None, Actor | None]:
    """actor1 by majority; actor2 the most named *other* party, so reports that name the two sides in either order
    never make an event of an actor against itself. For territory, actor1 is the taker its territory claims name
    (a clash fused into the same day may name its sides the other way round), and actor2 only ever "from whom"."""
    takers = [cd.actor1 for cd in cds if cd.sub_event_type in TERRITORY_SUB_TYPES] if territory else []
    a1 = _majority_actor(takers) or _majority_actor(cd.actor1 for cd in cds)
    counts: Counter[Actor] = Counter()
    for cd in cds:
        # Territory is taken from an armed party: a casualty report fused into the same day names victims
        # (civilians, protesters), not whom the place was taken from.
        if territory and cd.sub_event_type not in TERRITORY_SUB_TYPES:
            continue
        for a, weight in ((cd.actor2, 2), (cd.actor1, 1)):
            if weight == 1 and territory:  # actor1: the one who took it
                continue
            if territory and a is not None and a.inter in UNARMED_INTER:
                continue
            if a and (a1 is None or a.name != a1.name):
                counts[a] += weight
    if not counts:
        return a1, None
    # a fight or a blast between an armed party and civilians: the armed one, however few claims name it ("gunmen
    # shot a policeman … the attack" names the policeman, the anaphor's claims only ACLED's default victims; "blasts
    # targeting police … the explosions": the police, whom the other sentences' claims leave unnamed). Civilians
    # hurt in a fight are no side of it. Elsewhere (an attack on civilians) by count, then name, as before.
    fight = all(cd.sub_event_type in _ARMED_TARGETS for cd in cds)
    return a1, min(counts.items(), key=lambda kv: (fight and kv[0].inter == 7, -kv[1], kv[0].name))[0]


_FIGHTS = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})
# sub-types whose other side, where a claim names an armed one, is that armed party rather than civilians
_ARMED_TARGETS = _FIGHTS | frozenset(EVENT_TYPES["Explosions/Remote violence"])


def _figures(cds: Sequence[ClaimDay]) -> dict[str, int | None]:
    figures: dict[CountKind, list[float]] = {kind: [] for kind in FIGURES}
    by_root: dict[int, float] = {}
    for cd in cds:
        if cd.certainty == Certainty.DENIED:
            continue
        for what, v in cd.counts:
            figures[what].append(v)
        if cd.acled is not None:
            # ACLED: a total over several days is split evenly, the remainder on the first day (`cd.acled` is
            # this day's share). One account's clauses about one event are parts or updates of its toll ("four
            # were shot … the toll rose to six"): its largest; accounts that disagree: the lowest of theirs.
            by_root[cd.root] = max(by_root.get(cd.root, 0), cd.acled)
    acled = list(by_root.values())
    killed, injured, koi = figures.values()

    def lo(xs: list[float]) -> int | None:
        return math.floor(min(xs)) if xs else None

    return {
        "fatalities": lo(acled) or 0,
        "fatalities_low": lo(killed),
        "fatalities_best": round(statistics.median(killed)) if killed else None,
        "fatalities_high": math.ceil(max(killed)) if killed else None,
        "injured": lo(injured),
        "killed_or_injured": lo(koi),
    }


def _confidence(cds: Sequence[ClaimDay], rel: Mapping[str, float]) -> tuple[float, float]:
    """(support, denial) probabilities from independent roots, each root as reliable as its best source; a claim
    that is a weaker reading of a sentence read as several events counts as sure as it is beside the surest one:
    both rest on the same sources, so "police scattered the marchers" read surely as a protest outranks its weak
    second reading as a clash."""
    support: dict[int, float] = {}
    deny: dict[int, float] = {}
    for cd in cds:
        r = (max((rel.get(n, 0.5) for n in cd.source_names), default=0.5) * CERTAINTY_WEIGHT[cd.certainty]
             * min(1.0, max(0.0, cd.reading)))
        target = deny if cd.certainty == Certainty.DENIED else support
        target[cd.root] = max(target.get(cd.root, 0.0), r)
    p_support = 1 - math.prod(1 - r for r in support.values())
    p_deny = 1 - math.prod(1 - r for r in deny.values())
    return p_support, p_deny


def incompatible_holders(claims: Iterable[Claim]) -> bool:
    """Do territory claims name holders that cannot both be right? X and Y clash when one claim has the place
    taken from the other's holder ("X took it from Y" against "Y took it"), or when neither names who lost it and
    the names differ. Two names for one side ("rebels", "anti-Taliban fighters", both taking it from the same
    group) are not a contradiction."""
    return _clash((c.sub_event_type, c.actor("actor1"), c.actor("actor2")) for c in claims)


def _clash(claimed: Iterable[tuple[str | None, Actor | None, Actor | None]]) -> bool:
    """`incompatible_holders` on (sub-event type, actor1, actor2) triples."""
    outcomes = {(a1.name, a2.name if a2 else None) for sub, a1, a2 in claimed if sub in TERRITORY_SUB_TYPES and a1}
    for x, lost_x in outcomes:
        for y, lost_y in outcomes:
            if x != y and (lost_x == y or lost_y == x or (lost_x is None and lost_y is None)):
                return True
    return False


def _status(cds: Sequence[ClaimDay]) -> EventStatus:
    supporting = [cd for cd in cds if cd.certainty != Certainty.DENIED]
    denying = len(supporting) < len(cds)
    if supporting and (denying or _clash((cd.sub_event_type, cd.actor1, cd.actor2) for cd in supporting)):
        return EventStatus.CONTESTED
    if not supporting:
        return EventStatus.DENIED
    firm_roots = {cd.root for cd in supporting if cd.certainty != Certainty.HEDGED}
    return EventStatus.CONFIRMED if len(firm_roots) >= 2 else EventStatus.REPORTED


def build_event(cds: Sequence[ClaimDay], rel: Mapping[str, float]) -> Event:
    supporting = [cd for cd in cds if cd.certainty != Certainty.DENIED] or list(cds)
    subs = [cd.sub_event_type for cd in supporting if cd.sub_event_type]
    sub = min(subs, key=lambda s: (ORDER.get(s, 99), s))  # ACLED: the higher sub-type in precedence wins
    # a town before a county of the same precision (a county coded at its seat town has precision 1)
    place = min((cd.place for cd in supporting),
                key=lambda p: ((p.geo_precision or 3), (p.feature_code or "").startswith("ADM1"),
                               p.feature_code != "ADM2", p.gazetteer_id or 0))
    prec = min(cd.precision for cd in cds)
    day = min(cd.day for cd in cds if cd.precision == 1) if prec == 1 else sorted(cd.day for cd in cds)[len(cds) // 2]
    status = _status(cds)
    p_support, p_deny = _confidence(cds, rel)
    confidence = p_support * (1 - p_deny) if status != EventStatus.DENIED else p_deny
    if status == EventStatus.CONTESTED:
        confidence = p_support * (1 - p_deny / 2)
    sources = sorted({n for cd in cds for n in cd.source_names})
    figures = _figures(cds)
    notes = []
    if status == EventStatus.CONTESTED:
        notes.append("Contested: " + "; ".join(
            f"{'denied' if cd.certainty == Certainty.DENIED else cd.certainty} by "
            f"{' → '.join(cd.source_names) or 'unknown'}" for cd in cds))
    actors = _actor_pair(supporting, sub in TERRITORY_SUB_TYPES)
    return Event(
        event_id=stable_id(supporting[0].unit, day, cds[0].event_type),
        event_date=day,
        date_low=min(cd.low for cd in cds),
        date_high=max(cd.high for cd in cds),
        time_precision=prec,
        event_type=cds[0].event_type,
        sub_event_type=sub,
        actor1=actors[0],
        actor2=actors[1],
        place=place,
        status=status,
        confidence=round(confidence, 4),
        claim_ids=tuple(sorted({cd.claim_id for cd in cds if cd.certainty != Certainty.DENIED})),
        contradicting_claim_ids=tuple(sorted({cd.claim_id for cd in cds if cd.certainty == Certainty.DENIED})),
        sources=tuple(sources),
        source_scale=None,
        notes=" ".join(notes),
        **figures,  # type: ignore[arg-type]
    )


# Scopes smallest first (frontwatch/extract/scope.py); among equally many claims, the broadest scope wins.
_SCOPE_RANK = {s: i for i, s in enumerate(("post", "village", "centre", "district", "city", "capital", "province"))}


def with_scope(event: Event, scopes: Mapping[str, tuple[str | None, str | None]],
               cds: Sequence[ClaimDay] = ()) -> Event:
    """The event with the scope its supporting claims give most often, and the control change most of them give
    ("withdrawn" only when the event is not a taking). `scopes`: claim id → (scope, control change). `cds`: the
    event's claim-days; a withdrawal fused with another side's taking ("forces withdrew from X and the Taliban took
    control") is that side's taking from the side that left."""
    found = [scopes[i] for i in event.claim_ids if i in scopes]
    if not found:
        return event
    counts = Counter(s for s, _ in found if s)
    scope = max(counts, key=lambda s: (counts[s], _SCOPE_RANK.get(s, -1))) if counts else None
    changes = Counter(c for _, c in found if c)
    change = max(changes, key=lambda c: (changes[c], c)) if changes else None
    if change == "withdrawn":
        taking = _taking_after_withdrawal(cds, scopes)
        if taking is not None:
            sub, taker, leaver = taking
            # what was taken is what the takings say ("took parts of it"), not the place the leaver left
            taken = Counter(s for s, c in found if s and c is None)
            scope = max(taken, key=lambda s: (taken[s], _SCOPE_RANK.get(s, -1))) if taken else scope
            return dataclasses.replace(event, sub_event_type=sub, actor1=taker, actor2=leaver, scope=scope,
                                       control_change=None)
    if change == "withdrawn" and event.sub_event_type in TERRITORY_SUB_TYPES:
        change = None  # a taking told with a withdrawal fused into it stays a taking
    return dataclasses.replace(event, scope=scope, control_change=change)


def _taking_after_withdrawal(cds: Sequence[ClaimDay], scopes: Mapping[str, tuple[str | None, str | None]]
                             ) -> tuple[str, Actor, Actor | None] | None:
    """(sub-type, taker, leaver) when the event's claims tell a withdrawal and a taking of the place by a side
    other than the one that withdrew (both affirmed); None otherwise."""
    supporting = [cd for cd in cds if cd.certainty != Certainty.DENIED]
    left = [cd.actor1 for cd in supporting if scopes.get(cd.claim_id, (None, None))[1] == "withdrawn"]
    leaver = _majority_actor(left)
    # a hand-over to a receiver told with the withdrawal ("withdrew, leaving it in the hands of Y") is Y's taking
    takings = [cd for cd in supporting if cd.sub_event_type in TERRITORY_SUB_TYPES and cd.actor1 is not None
               and scopes.get(cd.claim_id, (None, None))[1] in (None, "handed over")
               and (leaver is None or cd.actor1.name != leaver.name)]
    taker = _majority_actor(cd.actor1 for cd in takings)
    if taker is None:
        return None
    sub = min((cd.sub_event_type for cd in takings if cd.actor1 == taker), key=lambda s: (ORDER.get(s, 99), s))
    return sub, taker, leaver
