"""Control timelines: each unit's holders over time, from its territory events, by the rules of docs/control.md.

A taking moves a unit by its scope (frontwatch/extract/scope.py): a district centre, a town, the district named, a
city → the district is held by the taker's side; a post, base, village or area → the district is contested and keeps
its holder; a province is held only when its capital is taken, or the text says the province fell. A side that
withdraws gives the unit back to unknown; a hand-over gives it to its receiver (actor 1; the giver is actor 2), or
back to unknown when none is named; denied takings move nothing. A holding that no later report confirms
decays to unknown after `ControlRules.decay_days`.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path

from frontwatch.config import Settings
from frontwatch.extract.scope import HANDED_OVER, TRANSFER, WITHDRAWN
from frontwatch.extract.sides import Sides, load_sides
from frontwatch.fuse.events import UNARMED_INTER
from frontwatch.geocode.keys import name_key
from frontwatch.model import TERRITORY_SUB_TYPES, Actor, ControlState, ControlStatus, Event, EventStatus, Place

# Places that are a district or a town: taken by name without a scope word, they are held (a bare "captured X").
TOWN_FEATURES = frozenset({"ADM2", "ADM3", "PPLA", "PPLA2", "PPLA3", "PPLC", "PPLG"})
# Seats of a province: taking one takes the province.
CAPITAL_FEATURES = frozenset({"PPLA", "PPLC"})

HOLD, CONTEST, RELEASE = "hold", "contest", "release"
_DAY_ORDER = {RELEASE: 0, CONTEST: 1, HOLD: 2}


# A town the gazetteer gives no district (GeoNames leaves admin2 empty for most towns of Somalia, Syria, Mali …):
# the district of its province named as it is (a district named after its seat), else the one whose point is nearest
# within this distance (districts' GeoNames points mostly lie at their seats).
NEAREST_DISTRICT_KM = 30.0


# The word for a district around a unit's name in the gazetteer ("Degmada X", "X Cercle", "Cercle de X", "X District",
# "Markaz X", "Mudiriyat X"): the town it is named after bears the name alone ("X").
_UNIT_WORDS = re.compile(
    r"^(?:degmada|cercle\s+(?:de|d')|district\s+(?:de|du|of)|distrito\s+de|departement\s+de|département\s+de|"
    r"markaz|mintaqat|mudiriyat|muderiyat|nahiyat|wuleswali|woluswali)\s+|"
    r"\s+(?:district|cercle|lga|local\s+government\s+area|county|sub-county|subcounty|woreda|department|"
    r"département|prefecture|préfecture)$", re.I)


@dataclass(frozen=True)
class Admin2Units:
    """The district (GeoNames admin2: code, name) of a place that has a province but no district, from the
    gazetteer's admin units; where no boundary file gives the units (docs/control.md, Units)."""

    path: Path
    _units: dict[str, list[tuple[str, str, str, float | None, float | None]]] = field(
        default_factory=dict, compare=False, repr=False)

    def _of(self, admin1: str) -> list[tuple[str, str, str, float | None, float | None]]:
        if admin1 not in self._units:
            with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as db:
                rows = db.execute(
                    "SELECT a.code, a.name, p.lat, p.lon FROM admin_units a LEFT JOIN places p ON p.id = a.place_id"
                    " WHERE a.level = 2 AND a.code LIKE ? ORDER BY a.code", (admin1.replace("%", "") + ".%",)
                ).fetchall()
            self._units[admin1] = [(str(c), str(n), name_key(_UNIT_WORDS.sub("", str(n)).strip() or str(n)), la, lo)
                                   for c, n, la, lo in rows]
        return self._units[admin1]

    def __call__(self, place: Place) -> tuple[str, str] | None:
        feature = place.feature_code or ""
        if place.admin2_code or not place.admin1_code or not (feature.startswith("PPL") or feature == "ADM3"):
            return None  # a province, a country or a region is no town inside a district
        try:
            units = self._of(place.admin1_code)
        except sqlite3.Error:
            return None  # no gazetteer, or one without admin units: the province level stands
        key = name_key(place.name)
        named = [u for u in units if key and u[2] == key]
        if named:
            return named[0][0], named[0][1]
        if place.lat is None or place.lon is None or place.gazetteer_id is None:
            return None  # no point, or its province's (a town the gazetteer lacks): no nearest district
        near = [(_km(place.lat, place.lon, la, lo), c, n) for c, n, _, la, lo in units if la is not None
                and lo is not None]
        best = min(near, default=None)
        return (best[1], best[2]) if best is not None and best[0] <= NEAREST_DISTRICT_KM else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class ControlRules:
    """What each scope does to the unit (docs/control.md); `decay_days` ≤ 0: holdings never decay."""

    decay_days: int = 30
    holds: frozenset[str] = frozenset({"centre", "district", "city", "capital", "province"})
    contests: frozenset[str] = frozenset({"post", "village"})
    province_holds: frozenset[str] = frozenset({"capital", "province"})
    sides: Sides = field(default_factory=load_sides)
    # the district of a place the gazetteer gives none (`Admin2Units`); None: such a place moves its province only
    admin2: Callable[[Place], tuple[str, str] | None] | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> ControlRules:
        """The decay of the settings (FRONTWATCH_CONTROL_DECAY_DAYS), the sides of its actor dictionary and the
        districts of its gazetteer."""
        path = Path(settings.gazetteer_path)
        return cls(decay_days=settings.control_decay_days, sides=load_sides(settings.actors_path),
                   admin2=Admin2Units(path) if path.exists() else None)


@dataclass(frozen=True, slots=True)
class _Change:
    unit: str
    level: int
    name: str
    effect: str
    event: Event


def _changes(e: Event, rules: ControlRules) -> list[_Change]:
    """The units an event moves, and how."""
    p = e.place
    withdrawn = e.control_change == WITHDRAWN
    out: list[_Change] = []
    unit = rules.admin2(p) if rules.admin2 is not None and not _named_as_province(e) else None
    if unit is not None:
        p = replace(p, admin2_code=unit[0], admin2=unit[1])
    if p.admin2_code:
        if withdrawn:
            effect = RELEASE
        elif e.scope in rules.contests:
            effect = CONTEST
        elif e.scope in rules.holds or (e.scope is None and (p.feature_code or "ADM2") in TOWN_FEATURES):
            effect = HOLD
        else:  # a place by name only, not a district or town: a village
            effect = CONTEST
        out.append(_Change(p.admin2_code, 2, p.admin2 or p.name, effect, e))
        # the capital taken: called so, or a provincial seat taken by name or as a city; a seat called a town or a
        # district centre, or its district named, is not said to be the province's city
        capital = e.scope == "capital" or (p.feature_code in CAPITAL_FEATURES and e.scope in (None, "city")
                                           and unit is None)  # a district the gazetteer gave, not an approximation
        if p.admin1_code and effect == HOLD and (capital or e.scope == "province"):
            out.append(_Change(p.admin1_code, 1, p.admin1 or p.name, HOLD, e))
    elif p.admin1_code:
        # A province moves only when its capital or the province itself is said to be taken; "took a district in
        # X province" does not say which district, and moves nothing.
        if withdrawn:
            effect = RELEASE
        elif e.scope in rules.province_holds:
            effect = HOLD
        elif e.scope in rules.contests or (p.feature_code or "").startswith("PPL"):
            # a post or village, or a town whose district the gazetteer does not know: somewhere in the province
            effect = CONTEST
        else:
            return []
        out.append(_Change(p.admin1_code, 1, p.admin1 or p.name, effect, e))
    return out


def _named_as_province(e: Event) -> bool:
    """A town that bears its province's name ("X" town of "X" county, "X Area"), told without calling it a town or
    a city ("a village in X", "captured X"): the text may name the province, so it stays at province level."""
    p = e.place
    town, province = p.name.split(), (p.admin1 or "").split()
    return (bool(town) and len(province) >= len(town) and name_key(" ".join(province[:len(town)])) == name_key(p.name)
            and e.scope not in ("centre", "city"))


def control_timeline(events: Sequence[Event], territory: set[str] | None = None,
                     rules: ControlRules | None = None) -> list[ControlState]:
    """Each unit's holders over time from its territory events; a state holds until the next change or its decay.
    `territory`: ids of events that rest on territory claims even if their sub-type came out otherwise."""
    rules = rules or ControlRules()
    by_unit: dict[str, list[_Change]] = defaultdict(list)
    for e in events:
        moves = (e.sub_event_type in TERRITORY_SUB_TYPES or e.event_id in (territory or set())
                 or e.control_change == WITHDRAWN)
        if moves and e.status != EventStatus.DENIED:
            for c in _changes(e, rules):
                by_unit[c.unit].append(c)
    states: list[ControlState] = []
    for unit in sorted(by_unit):
        # On one day a side leaves before another takes over ("forces withdrew from X and the Taliban took
        # control"): releases first, then contests, then holdings, whatever the events' ids.
        changes = sorted(by_unit[unit], key=lambda c: (c.event.event_date, _DAY_ORDER[c.effect], c.event.event_id))
        states.extend(_decayed(_unit_states(changes, rules), rules.decay_days))
    return states


def _unit_states(changes: list[_Change], rules: ControlRules) -> list[ControlState]:
    out: list[ControlState] = []
    holder: Actor | None = None
    for c in changes:
        e = c.event
        base = ControlState(
            unit_code=c.unit, unit_name=c.name, level=c.level, admin1=e.place.admin1, holder=holder,
            status=ControlStatus.CONTESTED, since=e.event_date, until=None, confidence=e.confidence,
            evidence=e.status, claim_ids=e.claim_ids, contradicting_claim_ids=e.contradicting_claim_ids)
        # actor 1 takes the place; in a hand-over actor 2 gave it up (unknown when no receiver is named), as in a
        # transfer naming only who gave it up ("forces withdrew from X", typed a transfer)
        taker, other = e.actor1, e.actor2
        gave_up = e.control_change == HANDED_OVER or (
            e.sub_event_type == TRANSFER and taker is None and other is not None)
        if c.effect != RELEASE and taker is not None and taker.inter in UNARMED_INTER:
            continue  # rioters who storm an office, protesters who occupy a square hold no ground
        if c.effect == HOLD and taker is not None:
            opponent = other.name if other is not None else holder.name if holder is not None else None
            holder = Actor(rules.sides.side(taker.name, opponent), taker.inter)
            status = ControlStatus.CONTESTED if e.status == EventStatus.CONTESTED else ControlStatus.HELD
            state = replace(base, holder=holder, status=status)
        elif c.effect == RELEASE or (c.effect == HOLD and gave_up):
            gone = e.actor2 if gave_up else e.actor1  # who gave it up, who withdrew
            leaver = rules.sides.side(gone.name) if gone is not None else None
            if holder is not None and leaver is not None and leaver != holder.name:
                continue  # another side left: the holder stays
            holder = None
            state = replace(base, holder=None, status=ControlStatus.UNKNOWN)
        else:  # a post or village taken, or a taking without a taker: contested, the holder kept
            state = base
        if out and _same(out[-1], state):
            # one step told twice on a day (the capital as a town and as "the province's capital"): one state
            out[-1] = _merged(out[-1], state)
            continue
        if out:
            out[-1] = replace(out[-1], until=state.since)
        out.append(state)
    return out


def _same(a: ControlState, b: ControlState) -> bool:
    return (a.since, a.status, a.holder.name if a.holder else None) == (
        b.since, b.status, b.holder.name if b.holder else None)


def _merged(a: ControlState, b: ControlState) -> ControlState:
    best = a if a.confidence >= b.confidence else b
    return replace(best, claim_ids=tuple(sorted({*a.claim_ids, *b.claim_ids})),
                   contradicting_claim_ids=tuple(sorted({*a.contradicting_claim_ids, *b.contradicting_claim_ids})))


def _decayed(states: list[ControlState], decay_days: int) -> list[ControlState]:
    """Each holding that nothing confirms within `decay_days` ends then, followed by an unknown state."""
    if decay_days <= 0:
        return states
    span = timedelta(days=decay_days)
    out: list[ControlState] = []
    for s in states:
        if s.status == ControlStatus.UNKNOWN or (s.until is not None and s.until - s.since <= span):
            out.append(s)
            continue
        end = s.since + span
        out.append(replace(s, until=end))
        out.append(ControlState(
            unit_code=s.unit_code, unit_name=s.unit_name, level=s.level, admin1=s.admin1, holder=None,
            status=ControlStatus.UNKNOWN, since=end, until=s.until, confidence=0.0, evidence=None))
    return out


__all__ = ["CAPITAL_FEATURES", "TOWN_FEATURES", "Admin2Units", "ControlRules", "control_timeline"]
