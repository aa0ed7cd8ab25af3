"""One incident, one type: a report tells one attack in several words ("a car bomb … the blast … the attack"), and
each word's trigger types its claim on its own (suicide bomb, IED, armed clash). Within one report, violent claims
of one place and one day are one incident: they take the type of the first of them told (the report's lead), so
fusion makes one event of them instead of one per type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from frontwatch.model import TERRITORY_SUB_TYPES, Certainty, Claim

# Types that one violent incident's words may scatter over; protests, riots and strategic developments (an arrest
# after the attack) stay events of their own, and so do changes of hands (control reads them: a district taken after
# a day's fighting is two things).
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _key(claim: Claim, published: date | None) -> tuple[object, ...] | None:
    place = claim.place
    if (place is None or claim.event_type not in _VIOLENT or claim.certainty == Certainty.DENIED
            or claim.sub_event_type in TERRITORY_SUB_TYPES):
        return None
    t = claim.time
    day = (t.low, t.high) if t is not None else (published, published)
    return (place.gazetteer_id or place.name, *day)


def one_incident(claims: Sequence[Claim], published: date | None) -> list[Claim]:
    """`claims` (in text order) with the violent claims of one place and day typed as the first of them."""
    lead: dict[tuple[object, ...], Claim] = {}
    out = []
    for c in claims:
        key = _key(c, published)
        if key is None:
            out.append(c)
            continue
        first = lead.setdefault(key, c)
        if (first.event_type, first.sub_event_type) != (c.event_type, c.sub_event_type):
            c = dataclasses.replace(c, event_type=first.event_type, sub_event_type=first.sub_event_type,
                                    method=c.method + " type:incident-lead")
        out.append(c)
    return out
