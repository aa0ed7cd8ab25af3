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
5. Territory events build each unit's control timeline by the scope of each taking (docs/control.md): a side holds
   a district it took the centre of, contests one where it took a post or village, and a holding decays to unknown.

Everything is sorted by stable ids first, so the result does not depend on the order documents arrived in.
The choices (type and actor compatibility, status rules, how incremental runs treat reliability) are in
docs/fusion.md.
"""

from frontwatch.fuse.control import ControlRules, control_timeline
from frontwatch.fuse.days import MAX_SPLIT_DAYS, WINDOW, ClaimDay, claim_days, claim_unit, cluster, event_place, unit_of
from frontwatch.fuse.events import build_event, incompatible_holders
from frontwatch.fuse.fusion import Fusion, fuse, fuse_store
from frontwatch.fuse.syndication import SYNDICATION_CONTAINMENT, containment, syndication_groups
from frontwatch.fuse.truth import CERTAINTY_WEIGHT, PRIORS, truth_discovery

__all__ = [
    "CERTAINTY_WEIGHT",
    "MAX_SPLIT_DAYS",
    "PRIORS",
    "SYNDICATION_CONTAINMENT",
    "WINDOW",
    "ClaimDay",
    "ControlRules",
    "Fusion",
    "build_event",
    "claim_days",
    "claim_unit",
    "cluster",
    "containment",
    "control_timeline",
    "event_place",
    "fuse",
    "fuse_store",
    "incompatible_holders",
    "syndication_groups",
    "truth_discovery",
    "unit_of",
]
