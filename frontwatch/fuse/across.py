"""One happening told by two reports under two violent types: merged into one cluster before events are built.

Fusion blocks claim-days by event type, so a bombing one report calls "an attack" (violence against civilians) and
another "bombings" (explosions) stays two events of one day and place. Within one report `extract/incidents.py`
already gives one incident one type; across reports nothing did. Two clusters are one happening when they come from
different reports (none shares a report: two events of one report are the reporter's own distinction), fall on the
same precise day, lie in the same unit (admin2, else admin1: the unit incremental fusion re-fuses, so a store
fused unit by unit merges as the whole corpus does; two towns of it more than `SAME_LOCATION_KM` apart stay
two places), have compatible violent types, and share a
death toll (the same figure of killed, > 0, or two figures of ten or more within a quarter of each other, as tolls
grow between reports): a shared toll is what ties two tellings of one happening together, where two different
attacks of one day and town seldom have the same number of dead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from frontwatch.fuse.days import SAME_LOCATION_KM, ClaimDay, _km
from frontwatch.model import TERRITORY_SUB_TYPES, Claim

# Violent types one happening can be told as; changes of hands, protests, riots and strategic developments are
# distinct kinds of happening. Earlier first: the type a merged happening keeps on a tie (the weapon is the most
# concrete thing a report says of it).
VIOLENT_TYPES = ("Explosions/Remote violence", "Battles", "Violence against civilians")


def _day(cds: Sequence[ClaimDay]) -> object | None:
    days = {cd.day for cd in cds if cd.precision == 1}
    return min(days) if days else None  # type: ignore[type-var]


def _tolls(cds: Sequence[ClaimDay]) -> set[int]:
    return {round(cd.acled) for cd in cds if cd.acled}


def _shared_toll(a: set[int], b: set[int]) -> bool:
    return bool(a & b) or any(min(x, y) >= 10 and min(x, y) >= 0.75 * max(x, y) for x in a for y in b)


def _apart(a: Sequence[ClaimDay], b: Sequence[ClaimDay]) -> bool:
    """Two towns of one unit farther apart than one ACLED location (fusion split them: two places)."""
    pa = next((cd.place for cd in a if cd.place.geo_precision == 1 and cd.place.lat is not None), None)
    pb = next((cd.place for cd in b if cd.place.geo_precision == 1 and cd.place.lat is not None), None)
    return bool(pa and pb and _km(pa.lat, pa.lon, pb.lat, pb.lon) > SAME_LOCATION_KM)  # type: ignore[arg-type]


def _one_happening(a: Sequence[ClaimDay], b: Sequence[ClaimDay], doc_of: Mapping[str, str]) -> bool:
    if a[0].event_type == b[0].event_type or not {a[0].event_type, b[0].event_type} <= set(VIOLENT_TYPES):
        return False
    day = _day(a)
    if day is None or day != _day(b) or not _shared_toll(_tolls(a), _tolls(b)):
        return False
    return not _apart(a, b) and not {doc_of.get(cd.claim_id) for cd in a} & {doc_of.get(cd.claim_id) for cd in b}


def _keeps(a: Sequence[ClaimDay], b: Sequence[ClaimDay]) -> bool:
    """Does `a`'s type win over `b`'s: the type more claims tell, then the more concrete one."""
    return (-len(a), VIOLENT_TYPES.index(a[0].event_type)) <= (-len(b), VIOLENT_TYPES.index(b[0].event_type))


def merge_across_reports(clusters: list[list[ClaimDay]], claims: Sequence[Claim]) -> list[list[ClaimDay]]:
    """The clusters with each pair told as one happening by different reports merged (see the module); the merged
    claim-days take the kept type, their own sub-type dropped (it belongs to the other type). Only clusters of one
    day and one unit with a toll are compared: a bucket holds a handful even at a corpus of millions of claims."""
    buckets: dict[tuple[object, str], list[int]] = {}
    for i, cds in enumerate(clusters):
        # a change of hands is its own happening (and control reads it): never merged into another type
        if (cds and cds[0].event_type in VIOLENT_TYPES and (day := _day(cds)) is not None and _tolls(cds)
                and not any(cd.sub_event_type in TERRITORY_SUB_TYPES for cd in cds)):
            buckets.setdefault((day, cds[0].unit), []).append(i)
    gone: set[int] = set()
    doc_of: dict[str, str] = {}
    for members in buckets.values():
        if len(members) > 1 and not doc_of:  # the claims' reports, read only when two clusters may be one
            doc_of = {c.claim_id: c.document_id for c in claims}
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if i in gone or j in gone or not _one_happening(clusters[i], clusters[j], doc_of):
                    continue
                keep, drop = (i, j) if _keeps(clusters[i], clusters[j]) else (j, i)
                kept = clusters[keep]
                clusters[keep] = [*kept, *(dataclasses.replace(cd, event_type=kept[0].event_type, sub_event_type="")
                                               for cd in clusters[drop])]
                gone.add(drop)
    return [cds for k, cds in enumerate(clusters) if k not in gone] if gone else clusters
