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
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
    """One day of an event claim, with what the later stages need of the claim (read once, by `claim_days`)."""
    day: date
    low: date
    high: date
    share: float  # the share of the claim's counts that falls on this day
    unit: str
    root: int  # independent source root (a number: equal numbers, one root)
    source_names: tuple[str, ...]
    claim_id: str
    event_type: str
    sub_event_type: str
    certainty: Certainty
    precision: int  # ACLED time precision of this day (1: a day)
    place: Place  # the claim's event place
    actor1: Actor | None
    actor2: Actor | None
    counts: tuple[tuple[CountKind, float], ...]  # (killed / injured / killed or injured, figure × share)
    acled: int | None  # this day's ACLED fatalities (None: the claim gives none)


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
    canon = {doc_id: doc_id for doc_id in documents}
    if not documents:
        return canon
    # A text none of whose sampled shingles is in another text's sample has no candidate and is no candidate: it
    # is its own group. One pass in the mapping's order (texts read in the order they sit in memory, samples kept
    # as flat arrays) finds the few texts that share a sample; only those go through the search below, which then
    # gives the same groups as running it over every text, with an index of thousands of entries, not millions.
    keys = list(documents)
    values = array("q")
    sizes = array("q")
    for doc in documents.values():
        sample = [s for s in _shingles(doc.text) if s % SAMPLE == 0]
        values.extend(sample)
        sizes.append(len(sample))
    v = np.frombuffer(values, dtype=np.int64)
    owner = np.repeat(np.arange(len(keys)), np.frombuffer(sizes, dtype=np.int64))
    order = np.argsort(v, kind="stable")
    by_value = v[order]
    shared = np.zeros(len(v), dtype=bool)  # in value order: a value another text's sample has too
    shared[1:] |= by_value[1:] == by_value[:-1]
    shared[:-1] |= shared[1:].copy()
    ids = sorted(keys[p] for p in np.unique(owner[order[shared]]).tolist())
    index: dict[int, list[int]] = {}
    first: list[int] = []
    for i, doc_id in enumerate(ids):
        sh = _shingles(documents[doc_id].text)
        sample = [s for s in sh if s % SAMPLE == 0]
        candidates: Counter[int] = Counter()
        for s in sample:
            holders = index.get(s)
            if holders is not None and len(holders) <= COMMON_SHINGLE:
                candidates.update(holders)
        first.append(i)
        for j, common in candidates.most_common(3):
            if common < 0.5 * len(sample):
                break
            # Containment, not Jaccard: a copy with a new headline or an added line is still the same text.
            if containment(sh, _shingles(documents[ids[j]].text)) >= SYNDICATION_CONTAINMENT:
                first[i] = first[j]
                break
        if first[i] == i:  # a copy adds nothing new to match against: one entry per text, however often copied
            for s in sample:
                index.setdefault(s, []).append(i)
        canon[doc_id] = ids[first[i]]
    return canon


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
    return _claim_days(claims, documents)[0]


def _claim_days(claims: Iterable[Claim], documents: Mapping[str, Document]
                ) -> tuple[list[ClaimDay], dict[str, SourceKind], Counter[str]]:
    """The claim-days in cluster order (unit, event type, day, claim id: claims with equal ids in the order given),
    the kind of each source name (from the first claim, by id, that names it) and the number of claims naming
    each source.

    The claims are read once, in the order given: at a million claims a walk in id order jumps across the whole
    heap. What the later stages need of each claim is copied into one record; the claim-days are then made in
    cluster order from numpy's sort of small integer keys, so each cluster's claim-days (and copies of their ids)
    sit together in memory, and clustering and event building read memory in order instead of once per claim at
    random. Equal roots, name tuples, dates and the like are one shared object each."""
    canon = syndication_groups(documents)
    # Small vocabularies (units, types, dates, figures) apart from the large ones, so their look-ups stay in cache.
    values: dict[object, object] = {}
    roots: dict[str, int] = {}  # root -> its number: claim-days carry the number, a fresh int beside each
    outlet_roots: list[bool] = []  # per root number: the outlet's own voice
    claim_roots = array("q")
    claim_docs: list[str] = []
    name_tuples: dict[tuple[str, ...], list] = {}  # -> [the shared tuple, how many claims have it]
    # (document, unit, event type) -> the least origin root of its claims: within one report the outlet's own
    # summary rests on the sources it cites for the same event.
    origins: dict[tuple[str, str, str], str] = {}
    first_named: dict[str, tuple[str, int, int, SourceKind]] = {}  # name -> (claim id, input order, position, kind)
    id_hashes = array("q")  # per claim kept: hash of its id, to find repeated ids without a dict of every id
    unit_codes: dict[str, int] = {}
    type_codes: dict[str, int] = {}
    key_unit, key_type, key_day, n_days = array("q"), array("q"), array("q"), array("q")
    ids: list[str] = []
    records = []
    root, code = "", -1
    for seq, c in enumerate(claims):
        if c.event_type == NOT_AN_EVENT or not c.sub_event_type:
            continue
        place = event_place(c)
        unit = unit_of(place) if place else None
        if unit is None:
            continue
        this_root, names = _root(c, canon, documents)
        if this_root != root:  # a report's claims mostly share their root: no look-up for those
            root, code = this_root, roots.setdefault(this_root, len(roots))
            if code == len(outlet_roots):
                outlet_roots.append(root.startswith("outlet:"))
        claim_roots.append(code)
        claim_docs.append(c.document_id)
        named_by = name_tuples.get(names)
        if named_by is None:
            named_by = name_tuples[names] = [names, 0]
        names = named_by[0]
        named_by[1] += 1
        if not outlet_roots[code]:
            key = (c.document_id, unit, c.event_type)
            if key not in origins or root < origins[key]:
                origins[key] = root
        claim_id = c.claim_id
        for pos, s in enumerate(c.sources):
            named = first_named.get(s.name)
            if named is None or claim_id < named[0]:
                first_named[s.name] = (claim_id, seq, pos, s.kind)
        id_hashes.append(hash(claim_id))
        ids.append(claim_id)
        t = c.time
        if t:
            low, high = t.low, t.high
        else:
            doc = documents.get(c.document_id)
            low = high = doc.published if doc and doc.published else date.min
        low, high = values.setdefault(low, low), values.setdefault(high, high)
        days = (high - low).days + 1
        fatalities = c.fatalities_acled
        if t and not t.assumed and 1 < days <= MAX_SPLIT_DAYS:  # one claim-day per day, its figures split
            precision, first = 1, low
            counts = _day_counts(c, 1.0 / days, values)
            acled: list[int] | int | None = split_over_days(fatalities, days) if fatalities else None
        else:
            precision = 2 if t is None or t.assumed else 1 if t.low == t.high else t.precision
            first = low + timedelta(days=(days - 1) // 2)
            counts, acled, days = _day_counts(c, 1.0, values), fatalities or None, 1
        unit = values.setdefault(unit, unit)
        event_type = values.setdefault(c.event_type, c.event_type)
        key_unit.append(unit_codes.setdefault(unit, len(unit_codes)))
        key_type.append(type_codes.setdefault(event_type, len(type_codes)))
        key_day.append(first.toordinal())
        n_days.append(days)
        a1, a2 = c.actor("actor1"), c.actor("actor2")
        records.append((low, high, unit, names, event_type, values.setdefault(c.sub_event_type, c.sub_event_type),
                        c.certainty, precision, place, a1 and values.setdefault(a1, a1),
                        a2 and values.setdefault(a2, a2), counts, acled))
    if origins:  # in input order, while the claims' document ids are read in order
        for i, doc_id in enumerate(claim_docs):
            if outlet_roots[claim_roots[i]]:
                _, _, unit, _, event_type, *_ = records[i]
                origin = origins.get((doc_id, unit, event_type))
                if origin is not None:
                    claim_roots[i] = roots[origin]
    del claim_docs
    out: list[ClaimDay] = []
    # Every claim-day gets a fresh copy of its claim id and root number, made in cluster order next to it: event
    # building reads them all, and the claim's own id lies among the input's objects, one page per claim at a
    # million claims.
    for i, k, claim_id, root in zip(*_cluster_order(ids, claim_roots, unit_codes, type_codes, key_unit, key_type,
                                                    key_day, n_days), strict=True):
        low, high, unit, names, event_type, sub, certainty, precision, place, a1, a2, counts, acled = records[i]
        days = n_days[i]
        if days > 1:
            day = low + timedelta(days=k)
            out.append(ClaimDay(values.setdefault(day, day), low, high, 1.0 / days, unit, root, names, claim_id,
                                event_type, sub, certainty, 1, place, a1, a2, counts,
                                acled[k] if acled else None))  # type: ignore[index]
        else:
            day = low + timedelta(days=(high - low).days // 2)
            out.append(ClaimDay(values.setdefault(day, day), low, high, 1.0, unit, root, names, claim_id,
                                event_type, sub, certainty, precision, place, a1, a2, counts, acled))  # type: ignore[arg-type]
    kinds = {name: named[3] for name, named in sorted(first_named.items(), key=lambda kv: kv[1][:3])}
    # Claims per source name, a repeated claim id counted once (with the names of its last claim).
    candidates = _equal_hashes(id_hashes)
    last = {ids[i]: i for i in candidates}
    for i in candidates:
        if last[ids[i]] != i:
            _, _, _, names, *_ = records[i]
            name_tuples[names][1] -= 1
    claim_counts: Counter[str] = Counter()
    for names, n in name_tuples.values():
        for name in set(names):
            claim_counts[name] += n
    return out, kinds, claim_counts


def _cluster_order(ids: list[str], roots: array, unit_codes: Mapping[str, int], type_codes: Mapping[str, int],
                   key_unit: array, key_type: array, key_day: array, n_days: array
                   ) -> tuple[list[int], list[int], list[str], list[int]]:
    """The claim-days sorted by unit, event type, day and claim id (equal ids in input order): for each, its claim,
    which day of the claim it is, and new objects for its claim id and root number, made in that order.

    Arrays as small as they can be (32-bit, ids as ASCII bytes when they are): on a VM whose host takes back freed
    memory, every fresh page costs a fault, and these are the largest temporaries of fusion."""
    def ranks(codes: Mapping[str, int]) -> np.ndarray:
        rank = np.empty(len(codes), dtype=np.int32)
        rank[[codes[v] for v in sorted(codes)]] = np.arange(len(codes), dtype=np.int32)
        return rank

    if not ids:
        return [], [], [], []
    try:
        id_text = np.array(ids, dtype=np.bytes_)  # ASCII: byte order is the strings' order
        ascii_ids = True
    except UnicodeEncodeError:
        id_text, ascii_ids = np.array(ids, dtype=np.str_), False
    id_rank = np.empty(len(ids), dtype=np.int32)
    id_rank[np.argsort(id_text, kind="stable")] = np.arange(len(ids), dtype=np.int32)
    per_claim = np.frombuffer(n_days, dtype=np.int64)
    claim = np.repeat(np.arange(len(ids), dtype=np.int32), per_claim)  # one row per claim-day
    k = (np.arange(len(claim), dtype=np.int64) - np.repeat(np.cumsum(per_claim) - per_claim, per_claim)
         ).astype(np.int32)
    day = np.frombuffer(key_day, dtype=np.int64).astype(np.int32)[claim] + k
    unit = ranks(unit_codes)[np.frombuffer(key_unit, dtype=np.int64)][claim]
    event_type = ranks(type_codes)[np.frombuffer(key_type, dtype=np.int64)][claim]
    order = np.lexsort((id_rank[claim], day, event_type, unit))  # stable: equal keys keep the input order
    del day, unit, event_type, id_rank
    claim = claim[order]
    copies = id_text[claim].tolist()
    del id_text
    return (claim.tolist(), k[order].tolist(), [b.decode() for b in copies] if ascii_ids else copies,
            np.frombuffer(roots, dtype=np.int64)[claim].tolist())


def _equal_hashes(hashes: array) -> list[int]:
    """Positions, in order, of the hashes that occur more than once: the only keys that can be equal. Sorting the
    hashes finds them without a dict of every key."""
    h = np.frombuffer(hashes, dtype=np.int64)
    by_hash = np.sort(h)
    repeated = by_hash[1:][by_hash[1:] == by_hash[:-1]]
    return np.flatnonzero(np.isin(h, repeated)).tolist()


FIGURES = (CountKind.KILLED, CountKind.INJURED, CountKind.KILLED_OR_INJURED)


def _day_counts(claim: Claim, share: float, values: dict[object, object]) -> tuple[tuple[CountKind, float], ...]:
    """The claim's casualty figures on one day; one shared tuple per distinct set of figures (there are few)."""
    out = []
    for cnt in claim.counts:
        v = cnt.value if cnt.value is not None else cnt.low
        if v is not None and cnt.what in FIGURES:
            out.append((cnt.what, v * share))
    counts = tuple(out)
    return values.setdefault(counts, counts) if counts else ()  # type: ignore[return-value]


def cluster(days: Sequence[ClaimDay], presorted: bool = False) -> list[list[ClaimDay]]:
    """Group claim-days by unit and event type, then by overlapping date windows. `presorted`: the claim-days
    are already in (unit, event type, day, claim id) order, as `claim_days` gives them."""
    clusters: list[list[ClaimDay]] = []
    for items in _blocks(days) if presorted else _sorted_blocks(days):
        # Precise claims anchor events; vague ones (a report's date, a week) join the nearest anchor in reach.
        groups: list[list[ClaimDay]] = []
        by_day: dict[date, list[ClaimDay]] = {}  # each group by its first day (one group per day)
        starts: list[date] = []  # those days, sorted: a window is found by bisection, not by a scan
        vague = []
        for cd in items:
            if cd.precision != 1:
                vague.append(cd)
            elif groups and (cd.day - groups[-1][-1].day).days <= 0:
                groups[-1].append(cd)
            else:
                groups.append([cd])
                by_day[cd.day] = groups[-1]
                starts.append(cd.day)
        for cd in vague:
            w = timedelta(days=WINDOW.get(cd.precision, 3))
            near = starts[bisect.bisect_left(starts, cd.day - w):bisect.bisect_right(starts, cd.day + w)]
            if near:
                by_day[min(near, key=lambda d: (abs((d - cd.day).days), d))].append(cd)
            else:
                groups.append([cd])
                by_day[cd.day] = groups[-1]
                bisect.insort(starts, cd.day)
        clusters.extend(groups)
    return clusters


def _sorted_blocks(days: Iterable[ClaimDay]) -> Iterator[list[ClaimDay]]:
    blocks: dict[tuple[str, str], list[ClaimDay]] = defaultdict(list)
    for cd in days:
        blocks[(cd.unit, cd.event_type)].append(cd)
    for key in sorted(blocks):
        yield sorted(blocks[key], key=lambda cd: (cd.day, cd.claim_id))


def _blocks(days: Iterable[ClaimDay]) -> Iterator[list[ClaimDay]]:
    """Runs of one unit and event type (units and types are shared objects: compared by identity first)."""
    block: list[ClaimDay] = []
    for cd in days:
        if block and (cd.unit != block[0].unit or cd.event_type != block[0].event_type):
            yield block
            block = []
        block.append(cd)
    if block:
        yield block


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
    never make an event of an actor against itself. For territory, actor2 is only ever "from whom"."""
    a1 = _majority_actor(cd.actor1 for cd in cds)
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
    return a1, min(counts.items(), key=lambda kv: (-kv[1], kv[0].name))[0]


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
    """(support, denial) probabilities from independent roots, each root as reliable as its best source."""
    support: dict[int, float] = {}
    deny: dict[int, float] = {}
    for cd in cds:
        r = max((rel.get(n, 0.5) for n in cd.source_names), default=0.5) * CERTAINTY_WEIGHT[cd.certainty]
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
    # Integers go into flat arrays, not lists of int objects: at a million claims those are millions of objects.
    entry_name = array("q")
    cd_entries = array("q")  # entries per claim-day
    cd_group = array("q")
    cd_weight: list[float] = []
    cd_share: list[float] = []
    cd_denies: list[bool] = []
    group_cluster = array("q")
    group_denies: list[bool] = []
    name_ids: dict[tuple[str, ...], tuple[int, ...]] = {}  # per distinct tuple of names: their slots
    for k, cds in enumerate(clusters):
        groups: dict[tuple[int, bool], int] = {}
        for cd in cds:
            denies = cd.certainty == Certainty.DENIED
            g = groups.get((cd.root, denies))
            if g is None:
                g = groups[(cd.root, denies)] = len(group_cluster)
                group_cluster.append(k)
                group_denies.append(denies)
            cd_group.append(g)
            cd_weight.append(CERTAINTY_WEIGHT[cd.certainty])
            cd_share.append(cd.share)
            cd_denies.append(denies)
            ids = name_ids.get(cd.source_names)
            if ids is None:
                ids = name_ids[cd.source_names] = tuple(
                    index.get(n, unknown) for n in (dict.fromkeys(cd.source_names) or ("",)))
            entry_name.extend(ids)
            cd_entries.append(len(ids))
    if not cd_group:
        return {n: float(prior[i]) for i, n in enumerate(names)}
    e_cd = np.repeat(np.arange(len(cd_group)), np.frombuffer(cd_entries, dtype=np.int64))
    e_name = np.frombuffer(entry_name, dtype=np.int64)
    c_group, c_weight = np.frombuffer(cd_group, dtype=np.int64), np.array(cd_weight)
    c_share, c_denies = np.array(cd_share), np.array(cd_denies)
    g_cluster, g_denies = np.frombuffer(group_cluster, dtype=np.int64), np.array(group_denies)
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
    supporting = [cd for cd in cds if cd.certainty != Certainty.DENIED] or list(cds)
    subs = [cd.sub_event_type for cd in supporting if cd.sub_event_type]
    sub = min(subs, key=lambda s: (ORDER.get(s, 99), s))  # ACLED: the higher sub-type in precedence wins
    place = min((cd.place for cd in supporting),
                key=lambda p: ((p.geo_precision or 3), p.feature_code != "ADM2", p.gazetteer_id or 0))
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
    days, kinds, claim_counts = _claim_days(claims, documents)
    clusters = cluster(days, presorted=True)
    del days
    if reliability is None:
        rel = truth_discovery(clusters, kinds)
    else:
        rel = {n: reliability.get(n, PRIORS.get(k, 0.5)) for n, k in kinds.items()}
    events: list[Event] = []
    is_territory: list[bool] = []
    # Each cluster's claim-days are freed once its event is built (popped, in cluster order, from the reversed
    # list): they were made in cluster order, so whole blocks of memory come free and hold the next events,
    # instead of the events taking fresh memory.
    clusters.reverse()
    while clusters:
        cds = clusters.pop()
        events.append(build_event(cds, rel))
        is_territory.append(any(cd.sub_event_type in TERRITORY_SUB_TYPES for cd in cds))
    # Events in (event id, claim ids) order. numpy sorts the ids as one block of bytes; sorting the strings
    # themselves chases a pointer per comparison, across the whole heap at a million claims. Event ids are ASCII
    # hex digits, so their byte order is their string order.
    ids = np.array([e.event_id for e in events], dtype="S")
    order = np.argsort(ids, kind="stable")
    by_id = ids[order]
    ties = np.flatnonzero(by_id[1:] == by_id[:-1]).tolist()
    order = order.tolist()
    for start, end in _runs(ties):
        # Two events on one unit, day and type (a vague claim too far from any anchor): in claim-id order, the
        # second and later renamed, so the ids stay stable.
        order[start:end] = same = sorted(order[start:end], key=lambda i: events[i].claim_ids)
        for k, i in enumerate(same[1:], 2):
            events[i] = replace(events[i], event_id=stable_id(events[i].event_id, k))
    # Control reads the events in the order they were built (unit by unit, near each other in memory); its result
    # does not depend on that order.
    control = control_timeline(events, {e.event_id for e, t in zip(events, is_territory, strict=True) if t})
    ranked = [events[i] for i in order]
    if ties:  # renamed ids take their own places
        ranked.sort(key=lambda e: e.event_id)
    reliab = tuple(sorted(
        (SourceReliability(n, kinds[n], round(rel[n], 4), claim_counts[n]) for n in kinds),
        key=lambda r: (-r.reliability, r.name)))
    return Fusion(tuple(ranked), tuple(control), reliab)


def _runs(ties: list[int]) -> list[tuple[int, int]]:
    """Runs of equal neighbours as (start, end) slices, from the positions i where item i + 1 equals item i."""
    runs: list[tuple[int, int]] = []
    for i in ties:
        if runs and runs[-1][1] == i + 1:
            runs[-1] = (runs[-1][0], i + 2)
        else:
            runs.append((i, i + 2))
    return runs


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
