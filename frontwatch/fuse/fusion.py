"""Fusion end to end: claims → claim-days → clusters → reliability → events → control, and the store's run of it
(whole corpus, or only some units)."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from frontwatch.fuse.across import merge_across_reports
from frontwatch.fuse.control import ControlRules, control_timeline
from frontwatch.fuse.days import _claim_days, claim_unit, cluster
from frontwatch.fuse.events import build_event, with_scope
from frontwatch.fuse.truth import PRIORS, truth_discovery
from frontwatch.model import (
    TERRITORY_SUB_TYPES,
    Claim,
    ControlState,
    Document,
    Event,
    SourceReliability,
    stable_id,
)

if TYPE_CHECKING:
    from frontwatch.store import Store


@dataclass(frozen=True)
class Fusion:
    events: tuple[Event, ...]
    control: tuple[ControlState, ...]
    reliability: tuple[SourceReliability, ...]
    undated: int = 0  # event claims left out of events: no date in the text and none on their report


def fuse(claims: Sequence[Claim], documents: Mapping[str, Document],
         reliability: Mapping[str, float] | None = None, rules: ControlRules | None = None) -> Fusion:
    """Events, control timelines and source reliability from claims (pure; the same whatever the input order).

    `reliability`: fixed estimates to use instead of running truth discovery (incremental fusion); sources it does
    not know start at their kind's prior. `rules`: the control rules (docs/control.md), defaults if None."""
    # Fusion builds millions of small acyclic objects: the cycle collector would rescan the growing heap again and
    # again (time superlinear in the corpus) to find nothing; reference counting frees them all the same.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _fuse(claims, documents, reliability, rules)
    finally:
        if collecting:
            gc.enable()


def _fuse(claims: Sequence[Claim], documents: Mapping[str, Document],
          reliability: Mapping[str, float] | None, rules: ControlRules | None) -> Fusion:
    # The scope of each change of hands (few claims have one), carried into its event.
    scopes = {c.claim_id: (c.scope, c.control_change) for c in claims if c.scope or c.control_change}
    days, kinds, claim_counts, undated = _claim_days(claims, documents)
    # one happening two reports told under two violent types: one cluster (fuse/across.py)
    clusters = merge_across_reports(cluster(days, presorted=True), claims)
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
        events.append(with_scope(build_event(cds, rel), scopes, cds) if scopes else build_event(cds, rel))
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
    control = control_timeline(events, {e.event_id for e, t in zip(events, is_territory, strict=True) if t}, rules)
    ranked = [events[i] for i in order]
    if ties:  # renamed ids take their own places
        ranked.sort(key=lambda e: e.event_id)
    reliab = tuple(sorted(
        (SourceReliability(n, kinds[n], round(rel[n], 4), claim_counts[n]) for n in kinds),
        key=lambda r: (-r.reliability, r.name)))
    return Fusion(tuple(ranked), tuple(control), reliab, undated)


def _runs(ties: list[int]) -> list[tuple[int, int]]:
    """Runs of equal neighbours as (start, end) slices, from the positions i where item i + 1 equals item i."""
    runs: list[tuple[int, int]] = []
    for i in ties:
        if runs and runs[-1][1] == i + 1:
            runs[-1] = (runs[-1][0], i + 2)
        else:
            runs.append((i, i + 2))
    return runs


def fuse_store(store: Store, units: Iterable[str] | None = None, document_ids: Sequence[str] | None = None,
               rules: ControlRules | None = None) -> Fusion:
    """Fuse what is stored and save it.

    With neither argument: the whole corpus, source reliability re-estimated (`frontwatch fuse`). With `units`
    (admin2 / admin1 codes) or `document_ids` (then the units those documents' claims touch), only those units'
    claims are fused and only those units' events and control states replaced. Reliability is a global estimate:
    an incremental run reuses the last full run's figures (new sources start at their kind's prior) and leaves them
    stored as they were; a full run refreshes them."""
    if units is None and document_ids is None:
        claims = store.claims()
        documents = {d.document_id: d for d in store.documents()}
        result = fuse(claims, documents, rules=rules)
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
    result = fuse(claims, documents, reliability=rel, rules=rules)
    store.save_fusion(result.events, result.control, None, units=wanted)
    return result
