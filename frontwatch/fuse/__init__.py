"""Stage: fuse — claims from many reports become one event per real happening, reconciled, and a control
timeline per district.

1. Event claims with a place below country level are split into claim-days (a multi-day claim is one per day,
   its counts split by ACLED's rule) and blocked by unit (admin2, else admin1) and event type.
2. Within a block, claim-days with a precise day anchor one event per day; vaguely dated ones join the nearest
   event within their window (widened by time precision). Statuses: confirmed / reported / contested / denied.
3. Each event's sources are reduced to independent roots: a relayed account is its origin; within one report the
   outlet's own unattributed statement rests on the sources it cites; syndicated copies of one text count once.
4. Truth discovery (TruthFinder-style) estimates each source's reliability from agreement across the corpus,
   starting from priors per source kind; event confidence combines the reliability of supporting and denying roots.
5. Territory events build each unit's control timeline: a holder from a capture, held until the next change.

Everything is sorted by stable ids first, so the result does not depend on the order documents arrived in.
The choices (type and actor compatibility, status rules, how incremental runs treat reliability) are in
docs/fusion.md.
"""

from __future__ import annotations

import bisect
import gc
import math
import re
import statistics
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np

from frontwatch.extract.counts import split_over_days
from frontwatch.model import (
    NOT_AN_EVENT,
    SUB_EVENT_TYPES,
    TERRITORY_SUB_TYPES,
    Actor,
    Certainty,
    Claim,
    ControlState,
    ControlStatus,
    CountKind,
    Document,
    Event,
    EventStatus,
    Place,
    SourceKind,
    SourceReliability,
    stable_id,
)

if TYPE_CHECKING:
    from frontwatch.store import Store

PRIORS = {
    SourceKind.OFFICIAL: 0.7,
    SourceKind.OUTLET: 0.65,
    SourceKind.LOCAL: 0.55,
    SourceKind.SOCIAL_MEDIA: 0.5,
    SourceKind.UNNAMED: 0.4,
}
CERTAINTY_WEIGHT = {Certainty.ASSERTED: 1.0, Certainty.REPORTED: 0.9, Certainty.HEDGED: 0.5, Certainty.DENIED: 1.0}
WINDOW = {1: 1, 2: 3, 3: 15}  # days a claim's range is widened by, per ACLED time precision
MAX_SPLIT_DAYS = 14  # a longer range is one event on its middle day (ACLED precision 2/3), not one per day
NON_EVENT_FEATURES = {"PCLI", "CONT", None}
SYNDICATION_CONTAINMENT = 0.8
# A shingle in more reports than this is boilerplate (a sign-off, a standard line): it says nothing about copying,
# and skipping it keeps the candidate search linear in the corpus size.
COMMON_SHINGLE = 50
SAMPLE = 4  # index one shingle in four (by value) to find copy candidates
MIN_SHINGLES = 20  # shorter texts are too short to call copies of each other
ORDER = {sub: i for i, sub in enumerate(SUB_EVENT_TYPES)}  # ACLED precedence within a type


@dataclass(frozen=True)
class Fusion:
    events: tuple[Event, ...]
    control: tuple[ControlState, ...]
    reliability: tuple[SourceReliability, ...]


@dataclass(frozen=True, slots=True)
class ClaimDay:
    claim: Claim
    day: date
    low: date
    high: date
    share: float  # the share of the claim's counts that falls on this day
    unit: str
    root: str  # independent source root
    source_names: tuple[str, ...]
    index: int = 0  # which day of a multi-day claim
    days: int = 1


def unit_of(place: Place) -> str | None:
    return place.admin2_code or place.admin1_code or (f"gn:{place.gazetteer_id}" if place.gazetteer_id else None)


def event_place(claim: Claim) -> Place | None:
    """The most specific resolved place of the claim that can be an event location."""
    best = None
    for m in claim.places:
        p = m.place
        if p is None or p.feature_code in NON_EVENT_FEATURES or "demonym" in m.method:
            continue
        if best is None or (p.geo_precision or 3) < (best.geo_precision or 3):
            best = p
    return best


def _shingles(text: str, k: int = 5) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    # crc32, not hash(): the same sample in every process, so which copies are found does not vary between runs.
    return {zlib.crc32(" ".join(words[i:i + k]).encode()) for i in range(max(1, len(words) - k + 1))}


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller shingle set found in the other (0 for texts too short to judge)."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller >= MIN_SHINGLES else 0.0


def syndication_groups(documents: Mapping[str, Document]) -> dict[str, str]:
    """Map each document to the first (by id) near-duplicate of it: syndicated copies count once.

    Candidates come from an index of a fixed 1-in-`SAMPLE` sample of shingles (the same shingles in every text,
    so copies share their samples), then the full shingle sets of the few candidates decide; only texts that are
    not copies enter the index. Memory and time stay linear in the corpus."""
    ids = sorted(documents)
    index: dict[int, list[int]] = {}
    canon: list[int] = []
    for i, doc_id in enumerate(ids):
        sh = _shingles(documents[doc_id].text)
        sample = [s for s in sh if s % SAMPLE == 0]
        candidates: Counter[int] = Counter()
        for s in sample:
            holders = index.get(s)
            if holders is not None and len(holders) <= COMMON_SHINGLE:
                candidates.update(holders)
        canon.append(i)
        for j, common in candidates.most_common(3):
            if common < 0.5 * len(sample):
                break
            # Containment, not Jaccard: a copy with a new headline or an added line is still the same text.
            if containment(sh, _shingles(documents[ids[j]].text)) >= SYNDICATION_CONTAINMENT:
                canon[i] = canon[j]
                break
        if canon[i] == i:  # a copy adds nothing new to match against: one entry per text, however often copied
            for s in sample:
                index.setdefault(s, []).append(i)
    return {doc_id: ids[canon[i]] for i, doc_id in enumerate(ids)}


def _root(claim: Claim, canon: Mapping[str, str], documents: Mapping[str, Document]) -> tuple[str, tuple[str, ...]]:
    names = tuple(s.name for s in claim.sources)
    cited = [s for s in claim.sources if len(s.chain) > 1]
    if cited:
        origin = cited[-1].origin
        if not re.search(r"\b[A-Z]", origin[1:]):
            # "officials", "local elders": a generic speaker is only the same speaker within one text.
            return f"origin:{canon.get(claim.document_id, claim.document_id)}:{origin.lower()}", names
        return f"origin:{origin.lower()}", names
    # The outlet's own voice: one root per syndicated text group.
    group = canon.get(claim.document_id, claim.document_id)
    # Copies of one text are one voice, whoever republished them.
    return f"outlet:{group}", names


def claim_days(claims: Iterable[Claim], documents: Mapping[str, Document]) -> list[ClaimDay]:
    canon = syndication_groups(documents)
    out: list[ClaimDay] = []
    by_doc_event: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    prepared = []
    for c in sorted(claims, key=lambda c: c.claim_id):
        if c.event_type == NOT_AN_EVENT or not c.sub_event_type:
            continue
        place = event_place(c)
        unit = unit_of(place) if place else None
        if unit is None:
            continue
        root, names = _root(c, canon, documents)
        by_doc_event[(c.document_id, unit, c.event_type)].add(root)
        prepared.append((c, unit, root, names))
    for c, unit, root, names in prepared:
        roots = by_doc_event[(c.document_id, unit, c.event_type)]
        if root.startswith("outlet:") and any(r.startswith("origin:") for r in roots):
            # Within one report the outlet's own summary rests on the sources it cites for the same event.
            root = sorted(r for r in roots if r.startswith("origin:"))[0]
        doc = documents.get(c.document_id)
        t = c.time
        low = t.low if t else (doc.published if doc and doc.published else date.min)
        high = t.high if t else low
        days = (high - low).days + 1
        if t and not t.assumed and 1 < days <= MAX_SPLIT_DAYS:
            for k in range(days):
                out.append(ClaimDay(c, low + timedelta(days=k), low, high, 1.0 / days, unit, root, names, k, days))
        else:
            mid = low + timedelta(days=(days - 1) // 2)
            out.append(ClaimDay(c, mid, low, high, 1.0, unit, root, names))
    return out


def _precision(cd: ClaimDay) -> int:
    t = cd.claim.time
    if t is None or t.assumed:
        return 2
    return 1 if t.low == t.high or cd.share < 1.0 else t.precision


def cluster(days: Sequence[ClaimDay]) -> list[list[ClaimDay]]:
    """Group claim-days by unit and event type, then by overlapping date windows."""
    blocks: dict[tuple[str, str], list[ClaimDay]] = defaultdict(list)
    for cd in days:
        blocks[(cd.unit, cd.claim.event_type)].append(cd)
    clusters: list[list[ClaimDay]] = []
    for key in sorted(blocks):
        items = sorted(blocks[key], key=lambda cd: (cd.day, cd.claim.claim_id))
        # Precise claims anchor events; vague ones (a report's date, a week) join the nearest anchor in reach.
        anchors = [cd for cd in items if _precision(cd) == 1]
        groups: list[list[ClaimDay]] = []
        by_day: dict[date, list[ClaimDay]] = {}  # each group by its first day (one group per day)
        starts: list[date] = []  # those days, sorted: a window is found by bisection, not by a scan
        for cd in anchors:
            if groups and (cd.day - groups[-1][-1].day).days <= 0:
                groups[-1].append(cd)
            else:
                groups.append([cd])
                by_day[cd.day] = groups[-1]
                starts.append(cd.day)
        for cd in items:
            if _precision(cd) == 1:
                continue
            w = timedelta(days=WINDOW.get(_precision(cd), 3))
            near = starts[bisect.bisect_left(starts, cd.day - w):bisect.bisect_right(starts, cd.day + w)]
            if near:
                by_day[min(near, key=lambda d: (abs((d - cd.day).days), d))].append(cd)
            else:
                groups.append([cd])
                by_day[cd.day] = groups[-1]
                bisect.insort(starts, cd.day)
        clusters.extend(groups)
    return clusters


def _majority_actor(cds: Sequence[ClaimDay], role: str) -> Actor | None:
    counts: Counter[tuple[str, int | None]] = Counter()
    for cd in cds:
        a = cd.claim.actor(role)
        if a:
            counts[(a.name, a.inter)] += 1
    if not counts:
        return None
    (name, inter), _ = min(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return Actor(name, inter)


# ACLED inter codes of parties that hold no ground: rioters, protesters, civilians.
UNARMED_INTER = frozenset({5, 6, 7})


def _actor_pair(cds: Sequence[ClaimDay], territory: bool) -> tuple[Actor | None, Actor | None]:
    """actor1 by majority; actor2 the most named *other* party, so reports that name the two sides in either order
    never make an event of an actor against itself. For territory, actor2 is only ever "from whom"."""
    a1 = _majority_actor(cds, "actor1")
    counts: Counter[tuple[str, int | None]] = Counter()
    for cd in cds:
        # Territory is taken from an armed party: a casualty report fused into the same day names victims
        # (civilians, protesters), not whom the place was taken from.
        if territory and cd.claim.sub_event_type not in TERRITORY_SUB_TYPES:
            continue
        for role, weight in (("actor2", 2), ("actor1", 1)):
            if role == "actor1" and territory:
                continue
            a = cd.claim.actor(role)
            if territory and a is not None and a.inter in UNARMED_INTER:
                continue
            if a and (a1 is None or a.name != a1.name):
                counts[(a.name, a.inter)] += weight
    if not counts:
        return a1, None
    (name, inter), _ = min(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return a1, Actor(name, inter)


def _figures(cds: Sequence[ClaimDay]) -> dict[str, int | None]:
    killed: list[float] = []
    injured: list[float] = []
    koi: list[float] = []
    acled: list[float] = []
    for cd in cds:
        if cd.claim.certainty == Certainty.DENIED:
            continue
        for cnt in cd.claim.counts:
            v = cnt.value if cnt.value is not None else cnt.low
            if v is None:
                continue
            {CountKind.KILLED: killed, CountKind.INJURED: injured, CountKind.KILLED_OR_INJURED: koi}.get(
                cnt.what, []
            ).append(v * cd.share)
        if cd.claim.fatalities_acled:
            # ACLED: a total over several days is split evenly, the remainder on the first day.
            acled.append(split_over_days(cd.claim.fatalities_acled, cd.days)[cd.index])

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


def _source_kinds(claims: Iterable[Claim]) -> dict[str, SourceKind]:
    kinds: dict[str, SourceKind] = {}
    for c in claims:
        for s in c.sources:
            kinds.setdefault(s.name, s.kind)
    return kinds


def _confidence(cds: Sequence[ClaimDay], rel: Mapping[str, float]) -> tuple[float, float]:
    """(support, denial) probabilities from independent roots, each root as reliable as its best source."""
    support: dict[str, float] = {}
    deny: dict[str, float] = {}
    for cd in cds:
        r = max((rel.get(n, 0.5) for n in cd.source_names), default=0.5) * CERTAINTY_WEIGHT[cd.claim.certainty]
        target = deny if cd.claim.certainty == Certainty.DENIED else support
        target[cd.root] = max(target.get(cd.root, 0.0), r)
    p_support = 1 - math.prod(1 - r for r in support.values())
    p_deny = 1 - math.prod(1 - r for r in deny.values())
    return p_support, p_deny


def incompatible_holders(claims: Iterable[Claim]) -> bool:
    """Do territory claims name holders that cannot both be right? X and Y clash when one claim has the place
    taken from the other's holder ("X took it from Y" against "Y took it"), or when neither names who lost it and
    the names differ. Two names for one side ("rebels", "anti-Taliban fighters", both taking it from the same
    group) are not a contradiction."""
    outcomes = {(a1.name, a2.name if (a2 := c.actor("actor2")) else None)
                for c in claims if c.sub_event_type in TERRITORY_SUB_TYPES and (a1 := c.actor("actor1"))}
    for x, lost_x in outcomes:
        for y, lost_y in outcomes:
            if x != y and (lost_x == y or lost_y == x or (lost_x is None and lost_y is None)):
                return True
    return False


def _status(cds: Sequence[ClaimDay]) -> EventStatus:
    supporting = [cd for cd in cds if cd.claim.certainty != Certainty.DENIED]
    denying = [cd for cd in cds if cd.claim.certainty == Certainty.DENIED]
    if supporting and (denying or incompatible_holders(cd.claim for cd in supporting)):
        return EventStatus.CONTESTED
    if not supporting:
        return EventStatus.DENIED
    firm_roots = {cd.root for cd in supporting if cd.claim.certainty != Certainty.HEDGED}
    return EventStatus.CONFIRMED if len(firm_roots) >= 2 else EventStatus.REPORTED


def truth_discovery(clusters: Sequence[Sequence[ClaimDay]], kinds: Mapping[str, SourceKind], iterations: int = 8
                    ) -> dict[str, float]:
    """TruthFinder-style: a source is as reliable as the events it backs turn out to be, smoothed towards the prior
    of its kind (a pseudo-count of 2), so a source seen once stays near its prior.

    Each round: an event's truth is the odds of its independent supporting roots against its denying ones given
    the current reliabilities; a source's new reliability is the mean agreement of its claims with those truths.
    Arrays, not dicts: a million claims take seconds, and the time grows with the corpus, not faster."""
    names = list(kinds)
    index = {n: i for i, n in enumerate(names)}
    prior = np.array([PRIORS.get(kinds[n], 0.5) for n in names] + [0.5])  # the last slot: a name kinds lacks
    unknown = len(names)
    # Flatten once. Per claim-day: its cluster's (root, denies) group, weight and share; per (claim-day, source
    # name) entry: the name. A claim split over several days votes once in all: each day weighs its share.
    entry_cd: list[int] = []
    entry_name: list[int] = []
    cd_group: list[int] = []
    cd_weight: list[float] = []
    cd_share: list[float] = []
    cd_denies: list[bool] = []
    group_cluster: list[int] = []
    group_denies: list[bool] = []
    for k, cds in enumerate(clusters):
        groups: dict[tuple[str, bool], int] = {}
        for cd in cds:
            denies = cd.claim.certainty == Certainty.DENIED
            g = groups.get((cd.root, denies))
            if g is None:
                g = groups[(cd.root, denies)] = len(group_cluster)
                group_cluster.append(k)
                group_denies.append(denies)
            i = len(cd_group)
            cd_group.append(g)
            cd_weight.append(CERTAINTY_WEIGHT[cd.claim.certainty])
            cd_share.append(cd.share)
            cd_denies.append(denies)
            source_names = tuple(dict.fromkeys(cd.source_names)) or ("",)
            for n in source_names:
                entry_cd.append(i)
                entry_name.append(index.get(n, unknown))
    if not cd_group:
        return {n: float(prior[i]) for i, n in enumerate(names)}
    e_cd, e_name = np.array(entry_cd), np.array(entry_name)
    c_group, c_weight = np.array(cd_group), np.array(cd_weight)
    c_share, c_denies = np.array(cd_share), np.array(cd_denies)
    g_cluster, g_denies = np.array(group_cluster), np.array(group_denies)
    n_groups, n_clusters = len(group_cluster), len(clusters)
    starts = np.flatnonzero(np.r_[True, e_cd[1:] != e_cd[:-1]])  # entries are grouped by claim-day, in order
    rel = prior.copy()
    for _ in range(iterations):
        rel[unknown] = 0.5
        r = np.maximum.reduceat(rel[e_name], starts) * c_weight  # each claim-day as reliable as its best source
        best = np.zeros(n_groups)
        np.maximum.at(best, c_group, r)  # each independent root as reliable as its best claim
        log_not = np.log1p(-np.minimum(best, 1 - 1e-12))
        not_support = np.zeros(n_clusters)
        not_deny = np.zeros(n_clusters)
        np.add.at(not_support, g_cluster[~g_denies], log_not[~g_denies])
        np.add.at(not_deny, g_cluster[g_denies], log_not[g_denies])
        p_support, p_deny = 1 - np.exp(not_support), 1 - np.exp(not_deny)
        truth = p_support * (1 - p_deny) / np.maximum(1e-9, p_support * (1 - p_deny) + p_deny * (1 - p_support))
        t_cd = truth[g_cluster[c_group]]
        agree = np.where(c_denies, 1 - t_cd, t_cd) * c_share
        total = np.zeros(len(names) + 1)
        seen = np.zeros(len(names) + 1)
        np.add.at(total, e_name, agree[e_cd])
        np.add.at(seen, e_name, c_share[e_cd])
        rel = (2 * prior + total) / (2 + seen)
    return {n: float(rel[i]) for i, n in enumerate(names)}


def build_event(cds: Sequence[ClaimDay], rel: Mapping[str, float]) -> Event:
    supporting = [cd for cd in cds if cd.claim.certainty != Certainty.DENIED] or list(cds)
    subs = [cd.claim.sub_event_type for cd in supporting if cd.claim.sub_event_type]
    sub = min(subs, key=lambda s: (ORDER.get(s, 99), s))  # ACLED: the higher sub-type in precedence wins
    place = min((event_place(cd.claim) for cd in supporting),
                key=lambda p: ((p.geo_precision or 3), p.feature_code != "ADM2", p.gazetteer_id or 0))  # type: ignore[union-attr]
    day = min(cd.day for cd in cds if _precision(cd) == 1) if any(_precision(cd) == 1 for cd in cds) else \
        sorted(cd.day for cd in cds)[len(cds) // 2]
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
            f"{'denied' if cd.claim.certainty == Certainty.DENIED else cd.claim.certainty} by "
            f"{' → '.join(cd.source_names) or 'unknown'}" for cd in cds))
    prec = min(_precision(cd) for cd in cds)
    actors = _actor_pair(supporting, sub in TERRITORY_SUB_TYPES)
    return Event(
        event_id=stable_id(supporting[0].unit, day, cds[0].claim.event_type),
        event_date=day,
        date_low=min(cd.low for cd in cds),
        date_high=max(cd.high for cd in cds),
        time_precision=prec,
        event_type=cds[0].claim.event_type,
        sub_event_type=sub,
        actor1=actors[0],
        actor2=actors[1],
        place=place,  # type: ignore[arg-type]
        status=status,
        confidence=round(confidence, 4),
        claim_ids=tuple(sorted({cd.claim.claim_id for cd in cds if cd.claim.certainty != Certainty.DENIED})),
        contradicting_claim_ids=tuple(sorted({cd.claim.claim_id for cd in cds
                                              if cd.claim.certainty == Certainty.DENIED})),
        sources=tuple(sources),
        source_scale=None,
        notes=" ".join(notes),
        **figures,  # type: ignore[arg-type]
    )


def control_timeline(events: Sequence[Event], territory: set[str] | None = None) -> list[ControlState]:
    """Each unit's holders over time from its territory events; a state holds until the next change.
    `territory`: ids of events that rest on territory claims even if their sub-type came out otherwise."""
    by_unit: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.sub_event_type in TERRITORY_SUB_TYPES or e.event_id in (territory or set()):
            unit = e.place.admin2_code or e.place.admin1_code
            if unit and e.status != EventStatus.DENIED:
                by_unit[unit].append(e)
    states: list[ControlState] = []
    for unit in sorted(by_unit):
        evs = sorted(by_unit[unit], key=lambda e: (e.event_date, e.event_id))
        for i, e in enumerate(evs):
            nxt = evs[i + 1].event_date if i + 1 < len(evs) else None
            states.append(ControlState(
                unit_code=unit,
                unit_name=(e.place.admin2 if unit == e.place.admin2_code else e.place.admin1) or e.place.name,
                level=2 if unit == e.place.admin2_code else 1,
                admin1=e.place.admin1,
                holder=e.actor1,
                status=ControlStatus.CONTESTED if e.status == EventStatus.CONTESTED else ControlStatus.HELD,
                since=e.event_date,
                until=nxt,
                confidence=e.confidence,
                evidence=e.status,
                claim_ids=e.claim_ids,
                contradicting_claim_ids=e.contradicting_claim_ids,
            ))
    return states


def fuse(claims: Sequence[Claim], documents: Mapping[str, Document],
         reliability: Mapping[str, float] | None = None) -> Fusion:
    """Events, control timelines and source reliability from claims (pure; the same whatever the input order).

    `reliability`: fixed estimates to use instead of running truth discovery (incremental fusion); sources it does
    not know start at their kind's prior."""
    # Fusion builds millions of small acyclic objects: the cycle collector would rescan the growing heap again and
    # again (time superlinear in the corpus) to find nothing; reference counting frees them all the same.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _fuse(claims, documents, reliability)
    finally:
        if collecting:
            gc.enable()


def _fuse(claims: Sequence[Claim], documents: Mapping[str, Document],
          reliability: Mapping[str, float] | None) -> Fusion:
    days = claim_days(claims, documents)
    clusters = cluster(days)
    kinds = _source_kinds(cd.claim for cd in days)
    if reliability is None:
        rel = truth_discovery(clusters, kinds)
    else:
        rel = {n: reliability.get(n, PRIORS.get(k, 0.5)) for n, k in kinds.items()}
    built = sorted(((build_event(cds, rel), any(cd.claim.sub_event_type in TERRITORY_SUB_TYPES for cd in cds))
                    for cds in clusters), key=lambda b: (b[0].event_id, b[0].claim_ids))
    events: list[Event] = []
    territory: set[str] = set()
    seen: Counter[str] = Counter()
    for e, is_territory in built:
        # Two events on one unit, day and type (a vague claim too far from any anchor): the id stays stable.
        seen[e.event_id] += 1
        if seen[e.event_id] > 1:
            e = replace(e, event_id=stable_id(e.event_id, seen[e.event_id]))
        events.append(e)
        if is_territory:
            territory.add(e.event_id)
    control = control_timeline(events, territory)
    claim_counts = Counter(n for c in {cd.claim.claim_id: cd for cd in days}.values() for n in set(c.source_names))
    reliab = tuple(sorted(
        (SourceReliability(n, kinds[n], round(rel[n], 4), claim_counts[n]) for n in kinds),
        key=lambda r: (-r.reliability, r.name)))
    return Fusion(tuple(sorted(events, key=lambda e: e.event_id)), tuple(control), reliab)


def claim_unit(claim: Claim) -> str | None:
    """The unit a claim is fused in: its event place's admin2 code, else admin1 code (None: no event place)."""
    place = event_place(claim)
    return unit_of(place) if place else None


def fuse_store(store: Store, units: Iterable[str] | None = None, document_ids: Sequence[str] | None = None
               ) -> Fusion:
    """Fuse what is stored and save it.

    With neither argument: the whole corpus, source reliability re-estimated (`frontwatch fuse`). With `units`
    (admin2 / admin1 codes) or `document_ids` (then the units those documents' claims touch), only those units'
    claims are fused and only those units' events and control states replaced. Reliability is a global estimate:
    an incremental run reuses the last full run's figures (new sources start at their kind's prior) and leaves them
    stored as they were; a full run refreshes them."""
    if units is None and document_ids is None:
        claims = store.claims()
        documents = {d.document_id: d for d in store.documents()}
        result = fuse(claims, documents)
        store.save_fusion(result.events, result.control, result.reliability)
        return result
    wanted = set(units or ())
    if document_ids is not None:
        wanted |= {u for c in store.claims_for_documents(document_ids) if (u := claim_unit(c))}
    if not wanted:
        return Fusion((), (), ())
    # The store indexes a claim by its first resolved place; fetching by province as well catches claims whose
    # event place is a district of it while their first place is the province.
    provinces = {u.rsplit(".", 1)[0] for u in wanted if u.count(".") >= 2}
    claims = [c for c in store.claims_in_units(sorted(wanted | provinces)) if claim_unit(c) in wanted]
    documents = {i: d for i in sorted({c.document_id for c in claims}) if (d := store.document(i)) is not None}
    rel = {r.name: r.reliability for r in store.reliability()}
    result = fuse(claims, documents, reliability=rel)
    store.save_fusion(result.events, result.control, None, units=wanted)
    return result
