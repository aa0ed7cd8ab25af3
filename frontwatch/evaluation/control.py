"""Control scoring: the timeline's changes of holder against the rows coded as territorial change (recall within
±2 days to the right side, precision of the changes, province-level holdings); and the CASE snippets' reading."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from frontwatch.evaluation.acled import _km, norm_name
from frontwatch.model import (
    NOT_AN_EVENT,
    TERRITORY_SUB_TYPES,
    Claim,
    Document,
    Event,
    Place,
    TimeSpan,
    document_id_for,
)

# --- control ------------------------------------------------------------------------------------------------------

CONTROL_DAYS = 2  # a change matches a row within this many days of its event_date
CONTROL_KM = 25.0  # … and a unit of the same name, or a change whose place lies this close to the row's point


@dataclass(frozen=True)
class _Change:
    """A step of the control timeline: a unit's new state and the event behind it."""

    unit_name: str
    level: int
    status: str  # held / contested / unknown
    side: str | None  # who holds it after the step (held) or who took something in it (contested)
    new_holder: bool  # held by a side other than the one before
    day: date
    place: Place | None
    scope: str | None = None  # the event's scope (frontwatch/extract/scope.py)
    event_id: str | None = None


def change_record(c: _Change) -> dict[str, Any]:
    """A step as one line of the --changes file: for reading the kinds of fault, not for scoring."""
    p = c.place
    return {"unit": c.unit_name, "level": c.level, "status": c.status, "side": c.side, "new_holder": c.new_holder,
            "day": c.day.isoformat(), "scope": c.scope, "event_id": c.event_id,
            "place": None if p is None else {"name": p.name, "feature_code": p.feature_code, "admin1": p.admin1,
                                             "admin2": p.admin2}}


def control_changes(events: Sequence[Event], states: Sequence[Any], sides: Any) -> list[_Change]:
    """The timeline's steps, each with the side behind it: the holder of a held state, the taker of a contested one
    (the event's actor 1, also the receiver of a hand-over)."""
    by_claim = {i: e for e in events for i in e.claim_ids}
    out: list[_Change] = []
    previous: dict[str, str | None] = {}
    for s in sorted(states, key=lambda s: (s.unit_code, s.since)):
        e = next((by_claim[i] for i in s.claim_ids if i in by_claim), None)
        if s.status == "held":
            side = s.holder.name if s.holder else None
        elif e is not None:
            side = sides.side(e.actor1.name) if e.actor1 is not None else None
        else:
            side = None
        held_before = previous.get(s.unit_code)
        new_holder = s.status == "held" and side != held_before
        previous[s.unit_code] = side if s.status == "held" else None if s.status == "unknown" else held_before
        out.append(_Change(s.unit_name, s.level, str(s.status), side, new_holder, s.since,
                           e.place if e is not None else None, e.scope if e is not None else None,
                           e.event_id if e is not None else None))
    return out


_TAKER_INTER = {"Non-state actor overtakes territory": (2, 3, 4), "Government regains territory": (1,)}


def _gold_side(row: dict[str, Any], actors: Any, sides: Any) -> str | None:
    """The side that took the place: actor 1, except where the sub-type names the taker's kind and only actor 2 is
    of that kind (a non-state actor overtakes, a government regains): some rows code the security forces that lost
    the place as actor 1, the group that took it as actor 2."""
    key = "actor1"
    kinds = _TAKER_INTER.get(str(row.get("sub_event_type")))
    if kinds is not None and row.get("actor2"):
        def inter(k: str) -> int | None:
            if isinstance(row.get(f"inter{k[-1]}"), int):
                return int(row[f"inter{k[-1]}"])
            m = actors.match(str(row.get(k) or ""))
            return m.actor.inter if m else None
        if inter("actor1") not in kinds and inter("actor2") in kinds:
            key = "actor2"
    m = actors.match(str(row.get(key) or ""))
    return sides.side(m.actor.name) if m else (str(row.get(key) or "") or None)


def _same_unit(change: _Change, row: dict[str, Any]) -> bool:
    """Same admin2 (admin1) name, or the step's place within 25 km of the row's point: for a province, its capital's
    point, where ACLED codes a province's fall (names are spelt differently: "Oruzgan" / "Uruzgan")."""
    gold = row.get("admin2") if change.level == 2 else row.get("admin1")
    if gold and norm_name(change.unit_name) == norm_name(gold):
        return True
    km = _km(row, change.place)
    return km is not None and km <= CONTROL_KM


def score_control(rows: Sequence[dict[str, Any]], changes: Sequence[_Change], actors: Any, sides: Any
                  ) -> dict[str, Any]:
    """Recall: territorial rows (ACLED's three sub-types) matched by a step of the right unit within ±2 days to the
    right side (held: the holder; contested: the taker); `recall_held`: by a new holding only. Precision: the
    timeline's new district holdings that match a territorial row (unit and days; `precision_side`: and side).
    `province_holdings`: new holdings of a whole province."""
    gold = [r for r in rows if r.get("sub_event_type") in TERRITORY_SUB_TYPES]

    def near(c: _Change, r: dict[str, Any]) -> bool:
        return abs((c.day - date.fromisoformat(str(r["event_date"])[:10])).days) <= CONTROL_DAYS and _same_unit(c, r)

    def same_side(c: _Change, r: dict[str, Any]) -> bool:
        want = _gold_side(r, actors, sides)
        return c.side is not None and want is not None and c.side.lower() == want.lower()

    steps = [c for c in changes if c.status in ("held", "contested")]
    held = [c for c in changes if c.new_holder and c.level == 2]
    hit = [any(near(c, r) and same_side(c, r) for c in steps) for r in gold]
    hit_held = [any(near(c, r) and same_side(c, r) for c in held) for r in gold]
    hit_unit = [any(near(c, r) for c in steps) for r in gold]
    true_held = [any(near(c, r) for r in gold) for c in held]
    true_side = [any(near(c, r) and same_side(c, r) for r in gold) for c in held]

    def share(xs: list[bool]) -> float | None:
        return round(sum(xs) / len(xs), 3) if xs else None

    return {
        "n": len(gold), "district_changes": len(held),
        "recall": share(hit), "recall_held": share(hit_held), "recall_any_side": share(hit_unit),
        "precision": share(true_held), "precision_side": share(true_side),
        "province_holdings": sum(1 for c in changes if c.new_holder and c.level == 1),
        # a province held where no territorial row of that province (or at its capital) lies within the days
        "province_holdings_unmatched": sum(1 for c in changes if c.new_holder and c.level == 1
                                           and not any(near(c, r) for r in gold)),
        "contested_steps": sum(1 for c in changes if c.status == "contested"),
    }


def evaluate_control(rows: Sequence[dict[str, Any]], pipeline: Any, actors: Any, rules: Any = None,
                     progress: Callable[[], None] | None = None, details: list[dict[str, Any]] | None = None
                     ) -> dict[str, Any]:
    """Every row's note fed as one report (dated by its event_date), fused into one control timeline, scored against
    the rows coded as territorial change (`score_control`). CASE-style snippets (no dates, no places) are scored
    by `evaluate_control_snippets` instead. `details`: filled with one record per territorial row (the kind of
    miss, `miss_kind`) and per new district or province holding (matched or not)."""
    from frontwatch.extract.sides import load_sides
    from frontwatch.fuse import fuse

    docs: dict[tuple[str, str], Document] = {}
    for r in rows:
        key = (str(r["notes"]), str(r["event_date"])[:10])
        if key not in docs:
            # the row's country is the report's given country, as in `evaluate_acled`; no other gold field is read
            docs[key] = Document(document_id_for(f"{key[1]} {key[0]}"), key[0], "acled", "eval",
                                 published=date.fromisoformat(key[1]),
                                 metadata=(("country", str(c)),) if (c := r.get("country")) else ())
    claims: list[Claim] = []
    for _, found in pipeline.process(docs.values()):
        claims.extend(c for c in found or [] if c.event_type != NOT_AN_EVENT and c.sub_event_type)
        if progress:
            progress()
    result = fuse(claims, {d.document_id: d for d in docs.values()}, rules=rules)
    sides = rules.sides if rules is not None else load_sides()
    changes = control_changes(result.events, result.control, sides)
    if details is not None:
        doc_of = {i: docs[(str(r["notes"]), str(r["event_date"])[:10])].document_id for i, r in enumerate(rows)}
        details.extend(control_details(rows, doc_of, claims, result.events, changes, actors, sides))
    return score_control(rows, changes, actors, sides)


def _claim_record(c: Claim) -> dict[str, Any]:
    p = c.place
    return {"sub_event_type": c.sub_event_type, "scope": c.scope, "control_change": c.control_change,
            "actor1": (a.name if (a := c.actor("actor1")) else None),
            "actor2": (a.name if (a := c.actor("actor2")) else None),
            "place": None if p is None else {"name": p.name, "feature_code": p.feature_code, "admin2": p.admin2}}


def control_details(rows: Sequence[dict[str, Any]], doc_of: dict[int, str], claims: Sequence[Claim],
                    events: Sequence[Event], changes: Sequence[_Change], actors: Any, sides: Any
                    ) -> list[dict[str, Any]]:
    """Why each territorial row was matched or missed (`miss_kind`), and whether each new holding matched a row: the
    kinds of fault, by field, without the notes' text. Row `index` is the line in the file (0-based)."""
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.document_id, []).append(c)
    events_of = {e.event_id: e for e in events}
    out: list[dict[str, Any]] = []
    territorial = [(i, r) for i, r in enumerate(rows) if r.get("sub_event_type") in TERRITORY_SUB_TYPES]
    for i, r in territorial:
        mine = by_doc.get(doc_of[i], [])
        ids = {c.claim_id for c in mine}
        steps = [c for c in changes if c.event_id in events_of and ids & set(events_of[c.event_id].claim_ids)
                 and c.status in ("held", "contested")]
        near = [c for c in steps if _same_unit(c, r)
                and abs((c.day - date.fromisoformat(str(r["event_date"])[:10])).days) <= CONTROL_DAYS]
        want = _gold_side(r, actors, sides)
        moving = [c for c in mine if c.sub_event_type in TERRITORY_SUB_TYPES or c.control_change]
        if any(c.side and want and c.side.lower() == want.lower() for c in near):
            kind = "hit"
        elif near:
            kind = "wrong side"
        elif steps:
            kind = "step in another unit"
        elif not moving:
            kind = "no territory claim"
        elif not any(c.place is not None and (c.place.admin2_code or c.place.admin1_code) for c in moving):
            kind = "territory claim without a place below the country"
        elif not any(c.place is not None and c.place.admin2_code for c in moving):
            kind = "territory claim placed at province level only"
        else:
            kind = "territory claim moved no unit"
        out.append({"index": i, "sub_event_type": r.get("sub_event_type"), "event_date": r.get("event_date"),
                    "admin2": r.get("admin2"), "gold_side": want, "miss_kind": kind,
                    "steps": [change_record(c) for c in steps], "claims": [_claim_record(c) for c in mine]})
    gold = [r for _, r in territorial]
    for c in changes:
        if c.new_holder:
            match = [r for r in gold if _same_unit(c, r)
                     and abs((c.day - date.fromisoformat(str(r["event_date"])[:10])).days) <= CONTROL_DAYS]
            out.append({"holding": change_record(c), "matched": bool(match)})
    return out


def evaluate_control_snippets(rows: Sequence[dict[str, Any]], pipeline: Any, rules: Any = None,
                              progress: Callable[[], None] | None = None,
                              details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """CASE-style snippets, each fused alone: of the territorial ones, the share that moves a unit at all
    (`moved`: held or contested) and that makes a new holding (`held`); of the others, the share that makes a new
    holding anyway (`false_held`); precision: the snippets making a new district holding that are territorial.
    Snippets carry no actors and no places: side and unit are not scored."""
    from frontwatch.extract.sides import load_sides
    from frontwatch.fuse import fuse

    sides = rules.sides if rules is not None else load_sides()
    # A snippet has no publication day. Read without one, so that no rule measured against the report's day (an
    # incident dated a month before it is background) judges the snippet's own dates against an invented day; its
    # undated claims are then fused on one day, any day serving as the snippet is fused alone.
    day = date(2021, 1, 1)
    docs = [Document(document_id_for(f"{i} {r['text']}"), str(r["text"]), "case", "eval", published=None)
            for i, r in enumerate(rows)]
    gold = [r.get("sub_event_type") in TERRITORY_SUB_TYPES for r in rows]
    moved, held, province = [], [], 0
    for (d, found), _ in zip(pipeline.process(docs), rows, strict=True):
        claims = [c if c.time is not None else replace(c, time=TimeSpan(day, day, 1, assumed=True))
                  for c in found or [] if c.event_type != NOT_AN_EVENT and c.sub_event_type]
        result = fuse(claims, {d.document_id: d}, rules=rules)
        changes = control_changes(result.events, result.control, sides)
        moved.append(any(c.status in ("held", "contested") for c in changes))
        held.append(any(c.new_holder and c.level == 2 for c in changes))
        province += sum(1 for c in changes if c.new_holder and c.level == 1)
        if details is not None and (gold[len(held) - 1] or changes):
            details.append({"index": len(held) - 1, "sub_event_type": rows[len(held) - 1].get("sub_event_type"),
                            "steps": [change_record(c) for c in changes],
                            "claims": [_claim_record(c) for c in claims]})
        if progress:
            progress()
    territorial = [i for i, g in enumerate(gold) if g]
    others = [i for i, g in enumerate(gold) if not g]
    made = [i for i, h in enumerate(held) if h]

    def share(xs: list[bool]) -> float | None:
        return round(sum(xs) / len(xs), 3) if xs else None

    return {
        "n": len(territorial), "n_other": len(others),
        "moved": share([moved[i] for i in territorial]), "held": share([held[i] for i in territorial]),
        "false_held": share([held[i] for i in others]), "precision": share([gold[i] for i in made]),
        "province_holdings": province,
    }
