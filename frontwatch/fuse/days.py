"""Claim-days and clusters: each event claim becomes one record per day (its counts split by ACLED's rule), and
claim-days of one unit and event type are grouped by overlapping date windows, one cluster per event.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from frontwatch.fuse.syndication import _root, syndication_groups
from frontwatch.model import (
    NOT_AN_EVENT,
    Actor,
    Certainty,
    Claim,
    CountKind,
    Document,
    Place,
    SourceKind,
    split_over_days,
)

WINDOW = {1: 1, 2: 3, 3: 15}  # days a claim's range is widened by, per ACLED time precision
MAX_SPLIT_DAYS = 14  # a longer range is one event on its middle day (ACLED precision 2/3), not one per day
NON_EVENT_FEATURES = {"PCLI", "CONT", None}


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
    # (document, sentence, trigger) of a claim made for one of a clause's several places, else None
    listed: tuple[str, int, int] | None = None
    # Claim.confidence over the surest reading of the same sentence (1.0: the sentence's best reading). A sentence
    # read as two events rests on the same sources for both: this tells its surer reading from its weaker one.
    reading: float = 1.0


def unit_of(place: Place) -> str | None:
    return place.admin2_code or place.admin1_code or (f"gn:{place.gazetteer_id}" if place.gazetteer_id else None)


def event_place(claim: Claim) -> Place | None:
    """The most specific resolved place of the claim that can be an event location."""
    best = None
    for m in claim.places:
        p = m.place
        if p is None or p.feature_code in NON_EVENT_FEATURES or "demonym" in m.method:
            continue
        # a town before a county of the same precision (one coded at its seat town, precision 1)
        if best is None or ((p.geo_precision or 3), (p.feature_code or "").startswith("ADM1")) < (
                (best.geo_precision or 3), (best.feature_code or "").startswith("ADM1")):
            best = p
    return best


def claim_unit(claim: Claim) -> str | None:
    """The unit a claim is fused in: its event place's admin2 code, else admin1 code (None: no event place)."""
    place = event_place(claim)
    return unit_of(place) if place else None


def claim_days(claims: Iterable[Claim], documents: Mapping[str, Document]) -> list[ClaimDay]:
    return _claim_days(claims, documents)[0]


def _claim_days(claims: Iterable[Claim], documents: Mapping[str, Document]
                ) -> tuple[list[ClaimDay], dict[str, SourceKind], Counter[str], int]:
    """The claim-days in cluster order (unit, event type, day, claim id: claims with equal ids in the order given),
    the kind of each source name (from the first claim, by id, that names it), the number of claims naming
    each source, and the number of event claims left out for want of any date.

    A claim with no date of its own from a report with no published date has no day: it stays a claim (listed by
    `frontwatch claims`) but makes no event, instead of being filed under an invented day.

    The claims are read once, in the order given: at a million claims a walk in id order jumps across the whole
    heap. What the later stages need of each claim is copied into one record; the claim-days are then made in
    cluster order from numpy's sort of small integer keys, so each cluster's claim-days (and copies of their ids)
    sit together in memory, and clustering and event building read memory in order instead of once per claim at
    random. Equal roots, name tuples, dates and the like are one shared object each."""
    r = _read_claims(claims, documents)
    _root_outlets_on_origins(r)
    out = _emit_days(r)
    kinds, claim_counts = _source_counts(r)
    return out, kinds, claim_counts, r.undated


@dataclass(slots=True)
class _Reading:
    """What one pass over the claims gathers for the later steps of `_claim_days` (a work area, not pipeline data:
    the steps fill and rewrite it in place)."""
    values: dict[object, object]  # small vocabularies (units, types, dates, figures): one shared object each
    roots: dict[str, int]  # root -> its number: claim-days carry the number, a fresh int beside each
    outlet_roots: list[bool]  # per root number: the outlet's own voice
    claim_roots: array  # per claim kept: its root number
    claim_docs: list[str]  # per claim kept: its document id
    name_tuples: dict[tuple[str, ...], list]  # -> [the shared tuple, how many claims have it]
    # (document, unit, event type) -> the least origin root of its claims: within one report the outlet's own
    # summary rests on the sources it cites for the same event.
    origins: dict[tuple[str, str, str], str]
    first_named: dict[str, tuple[str, int, int, SourceKind]]  # name -> (claim id, input order, position, kind)
    id_hashes: array  # per claim kept: hash of its id, to find repeated ids without a dict of every id
    unit_codes: dict[str, int]
    type_codes: dict[str, int]
    key_unit: array
    key_type: array
    key_day: array
    n_days: array
    ids: list[str]
    records: list[tuple]
    undated: int
    sentence_best: array  # per sentence with an event claim: the highest confidence of its event claims
    claim_reading: array  # per claim kept: its confidence (flat arrays, not a tuple per claim in the records)
    claim_sentence: array  # per claim kept: its sentence's slot in sentence_best


def _read_claims(claims: Iterable[Claim], documents: Mapping[str, Document]) -> _Reading:
    """Step 1 of `_claim_days`: one pass over the claims, in the order given, copying what the later steps need of
    each event claim with a place and a day into one record (locals in the loop: it runs once per claim)."""
    canon = syndication_groups(documents)
    # Small vocabularies (units, types, dates, figures) apart from the large ones, so their look-ups stay in cache.
    values: dict[object, object] = {}
    roots: dict[str, int] = {}
    outlet_roots: list[bool] = []
    claim_roots = array("q")
    claim_docs: list[str] = []
    name_tuples: dict[tuple[str, ...], list] = {}
    origins: dict[tuple[str, str, str], str] = {}
    first_named: dict[str, tuple[str, int, int, SourceKind]] = {}
    id_hashes = array("q")
    unit_codes: dict[str, int] = {}
    type_codes: dict[str, int] = {}
    key_unit, key_type, key_day, n_days = array("q"), array("q"), array("q"), array("q")
    ids: list[str] = []
    records = []
    root, code = "", -1
    undated = 0
    sentences: dict[tuple[str, int], int] = {}  # (document, sentence start) -> its slot in sentence_best
    sentence_best, claim_reading, claim_sentence = array("d"), array("d"), array("q")
    for seq, c in enumerate(claims):
        if c.event_type == NOT_AN_EVENT or not c.sub_event_type:
            continue
        # every event reading of the sentence counts, placed or not: a surer reading elsewhere still outranks it
        sentence = sentences.get((c.document_id, c.sentence.start))
        if sentence is None:
            sentence = sentences[(c.document_id, c.sentence.start)] = len(sentence_best)
            sentence_best.append(c.confidence)
        elif c.confidence > sentence_best[sentence]:
            sentence_best[sentence] = c.confidence
        place = event_place(c)
        unit = unit_of(place) if place else None
        if unit is None:
            continue
        t = c.time
        if t:
            low, high = t.low, t.high
        else:
            doc = documents.get(c.document_id)
            if doc is None or doc.published is None:
                undated += 1
                continue
            low = high = doc.published
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
                        a2 and values.setdefault(a2, a2), counts, acled, _listed(c)))
        claim_reading.append(c.confidence)
        claim_sentence.append(sentence)
    return _Reading(values, roots, outlet_roots, claim_roots, claim_docs, name_tuples, origins, first_named,
                    id_hashes, unit_codes, type_codes, key_unit, key_type, key_day, n_days, ids, records, undated,
                    sentence_best, claim_reading, claim_sentence)


# `extract.claims.LISTED`: the claim is one of a clause's several places (fusion does not import the extractor)
_LISTED = "place:listed"


def _listed(c: Claim) -> tuple[str, int, int] | None:
    """The clause a claim shares with its sibling places ("in X, Y and Z"), where it is one of several."""
    if _LISTED not in c.method or c.trigger is None:
        return None
    return (c.document_id, c.sentence.start, c.trigger.start)


def _root_outlets_on_origins(r: _Reading) -> None:
    """Step 2: an outlet's own claim rests on the least origin root its report cites for the same unit and type."""
    if r.origins:  # in input order, while the claims' document ids are read in order
        outlet_roots, claim_roots, records, origins, roots = (r.outlet_roots, r.claim_roots, r.records, r.origins,
                                                              r.roots)
        for i, doc_id in enumerate(r.claim_docs):
            if outlet_roots[claim_roots[i]]:
                _, _, unit, _, event_type, *_ = records[i]
                origin = origins.get((doc_id, unit, event_type))
                if origin is not None:
                    claim_roots[i] = roots[origin]
    r.claim_docs = []


def _emit_days(r: _Reading) -> list[ClaimDay]:
    """Step 3: the claim-days in cluster order, a claim split over its days taking its share of each day."""
    records, n_days, values = r.records, r.n_days, r.values
    out: list[ClaimDay] = []
    # Every claim-day gets a fresh copy of its claim id and root number, made in cluster order next to it: event
    # building reads them all, and the claim's own id lies among the input's objects, one page per claim at a
    # million claims.
    for i, k, claim_id, root in zip(*_cluster_order(r.ids, r.claim_roots, r.unit_codes, r.type_codes, r.key_unit,
                                                    r.key_type, r.key_day, n_days), strict=True):
        low, high, unit, names, event_type, sub, certainty, precision, place, a1, a2, counts, acled, listed = records[i]
        own, best = r.claim_reading[i], r.sentence_best[r.claim_sentence[i]]
        reading = values.setdefault(own / best, own / best) if best > 0 and own < best else 1.0
        days = n_days[i]
        if days > 1:
            day = low + timedelta(days=k)
            out.append(ClaimDay(values.setdefault(day, day), low, high, 1.0 / days, unit, root, names, claim_id,
                                event_type, sub, certainty, 1, place, a1, a2, counts,
                                acled[k] if acled else None, listed, reading))  # type: ignore[index]
        else:
            day = low + timedelta(days=(high - low).days // 2)
            out.append(ClaimDay(values.setdefault(day, day), low, high, 1.0, unit, root, names, claim_id,
                                event_type, sub, certainty, precision, place, a1, a2, counts, acled,  # type: ignore[arg-type]
                                listed, reading))
    return out


def _source_counts(r: _Reading) -> tuple[dict[str, SourceKind], Counter[str]]:
    """Step 4: the kind of each source name (from the first claim, by id, naming it) and the claims naming each
    source, a repeated claim id counted once (with the names of its last claim)."""
    kinds = {name: named[3] for name, named in sorted(r.first_named.items(), key=lambda kv: kv[1][:3])}
    ids, records, name_tuples = r.ids, r.records, r.name_tuples
    candidates = _equal_hashes(r.id_hashes)
    last = {ids[i]: i for i in candidates}
    for i in candidates:
        if last[ids[i]] != i:
            _, _, _, names, *_ = records[i]
            name_tuples[names][1] -= 1
    claim_counts: Counter[str] = Counter()
    for names, n in name_tuples.values():
        for name in set(names):
            claim_counts[name] += n
    return kinds, claim_counts


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
            w = WINDOW.get(cd.precision, 3)
            near = starts[bisect.bisect_left(starts, _shift(cd.day, -w)):bisect.bisect_right(starts, _shift(cd.day, w))]
            if near:
                by_day[min(near, key=lambda d: (abs((d - cd.day).days), d))].append(cd)
            else:
                groups.append([cd])
                by_day[cd.day] = groups[-1]
                bisect.insort(starts, cd.day)
        for g in groups:
            clusters.extend(_by_location(g))
    return clusters


# Towns this close are one ACLED location (its town scale, geo_precision 1): `extract.claims.SAME_LOCATION_KM`.
SAME_LOCATION_KM = 25.0


def _by_location(group: list[ClaimDay]) -> list[list[ClaimDay]]:
    """One day's claim-days of a unit and type, one cluster per location: ACLED codes one event per location and
    day, so attacks in two towns of a county ("in X and Y", or two reports of one day) are two events, while one
    incident told twice (the same town, or a town and the county around it) stays one. Towns (geo_precision 1)
    within `SAME_LOCATION_KM` of the first of a cluster are its location; claims placed only by a wider unit join
    the cluster most claims tell."""
    if len(group) < 2:
        return [group]
    seeds: list[tuple[float, float]] = []
    parts: list[list[ClaimDay]] = []
    wide: list[ClaimDay] = []
    for cd in group:
        p = cd.place
        if p.geo_precision != 1 or p.lat is None or p.lon is None:
            wide.append(cd)
            continue
        # a place named beside another in one clause ("in X and Y") is a location of its own however near
        k = next((i for i, (lat, lon) in enumerate(seeds)
                  if ((lat, lon) == (p.lat, p.lon) or _km(lat, lon, p.lat, p.lon) <= SAME_LOCATION_KM)
                  and not _sibling_in(parts[i], cd)), None)
        if k is None:
            seeds.append((p.lat, p.lon))
            parts.append([cd])
        else:
            parts[k].append(cd)
    if len(parts) < 2:
        return [group]
    if wide:
        max(parts, key=len).extend(wide)  # the first of the largest: `max` keeps the first of equals
    return parts


def _sibling_in(part: list[ClaimDay], cd: ClaimDay) -> bool:
    """Whether the cluster holds another place of the claim-day's own clause (the same trigger, another point)."""
    return cd.listed is not None and any(
        o.listed == cd.listed and (o.place.lat, o.place.lon) != (cd.place.lat, cd.place.lon) for o in part)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _shift(day: date, days: int) -> date:
    """`day` moved by `days`, held within the calendar: a claim dated in year 1 or 9999 must not stop fusion."""
    return date.fromordinal(min(max(day.toordinal() + days, 1), date.max.toordinal()))


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
