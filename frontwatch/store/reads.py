"""Read paths that stay cheap however large the store: what they keep in memory for the current write generation.

- Actor and source filters are substring matches over names. The names that exist are few (hundreds), the events
  many: the filter first picks the matching names in memory (case-insensitive, `%` and `_` literal), then finds
  events by exact name. A filter that matches no name reads nothing; one that matches few events reads them through
  the actor indexes or `event_sources` (and sorts those few); one that matches many walks the listing in order and
  stops at the page, as before.
- `GET /control` on a day: each unit's states (dates and ids only) are kept in memory, so the state that holds on
  any day is found by a binary search per unit; the picks are kept per span of days in which no state begins or
  ends (every day of a span has the same answer), and the states' rows are kept by id (`state_rows`, bounded in
  bytes), which timeline pages read too.
- A deep `offset` into the unfiltered claims listing starts from a sparse key (every `CLAIM_STEP`-th claim's
  `(document_id, claim_id)`), so it walks at most `CLAIM_STEP` index entries instead of `offset`.

Every cached item is keyed on `Store.generation()`, read before the item is built: an item is never older than the
generation it is filed under, and a write makes the next request build it again.
"""

from __future__ import annotations

import bisect
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, any_, bindparam, false, func, literal_column, or_, select, tuple_
from sqlalchemy.dialects.postgresql import ARRAY

from frontwatch.store import schema as t
from frontwatch.store.cache import RowCache
from frontwatch.store.features import source_key

if TYPE_CHECKING:
    from frontwatch.store import Store

# At most this many events (by the names' counts): the filter reads them by name and sorts them; more, and it walks
# the listing, where that many matches come early.
RARE = 2_000
CLAIM_STEP = 1_000
# Control state rows kept in memory (payloads of ~400 bytes: about 100,000 states); `GET /control?as_of` reads one
# state per unit, a timeline page every state of a few units, so the same rows come back on every day asked.
STATE_CACHE_BYTES = 48 * 2**20
PICKS = 4_096
SOURCES_KEPT = 50_000  # sources kept as JSON in memory (outlets, agencies, officials: hundreds); more, read by page


StateRow = tuple[str, str | None, str, int, str | None]  # payload, layout, unit code, level, admin1


@dataclass
class ReadState:
    """One Store's per-generation caches (each behind the lock; built on first use)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    names: dict[str, tuple[str, dict[str, int]]] = field(default_factory=dict)  # kind -> (generation, name -> n)
    claim_keys: tuple[str, list[tuple[str, str]]] = ("", [])
    timelines: tuple[str, dict[str, UnitStates]] = ("", {})  # by unit code, in code order
    states: RowCache = field(default_factory=lambda: RowCache(STATE_CACHE_BYTES, _state_size))  # rows by id
    # Every day a state begins or ends, sorted (the states that hold are the same from one to the next), and the
    # ids picked per (span between two such days, admin1), oldest out first beyond PICKS.
    changes: list[int] = field(default_factory=list)
    picks: OrderedDict[tuple[int | None, str | None], list[int]] = field(default_factory=OrderedDict)
    sources: tuple[str, list[str] | None] = ("", None)  # every source as the API's JSON item, in listing order


def _state_size(row: StateRow) -> int:
    return len(row[0]) + 200  # the payload and the tuple's overhead


@dataclass(frozen=True)
class UnitStates:
    """One unit's control states in (since, id) order: what picking the state of a day needs."""

    since: tuple[int, ...]  # date.toordinal(): a binary search over ints, not over dates
    ids: tuple[int, ...]
    until: tuple[int | None, ...]
    admin1: tuple[str | None, ...]  # lower-cased


def _names(store: Store, kind: str) -> dict[str, int]:
    """Every actor (or source) name with how many events carry it (an actor as actor1 and actor2 counts twice)."""
    generation = store.generation()
    state: ReadState = store._reads
    with state.lock:
        cached = state.names.get(kind)
        if cached is not None and cached[0] == generation:
            return cached[1]
        counts: dict[str, int] = {}
        with store.engine.connect() as conn:
            if kind == "actor":
                c = t.events.c
                queries = [select(col, func.count()).where(col.is_not(None)).group_by(col)
                           for col in (c.actor1, c.actor2)]
            else:
                s = t.event_sources.c
                queries = [select(s.source, func.count()).group_by(s.source)]
            for q in queries:
                for name, n in conn.execute(q):
                    counts[name] = counts.get(name, 0) + n
        state.names[kind] = (generation, counts)
        return counts


def matching(names: dict[str, int], needle: str) -> list[str]:
    """The names holding `needle`, case-insensitively (Unicode case, on every database)."""
    folded = needle.casefold()
    return sorted(n for n in names if folded in n.casefold())


def filter_names(store: Store, q: Any, actor: str | None, source: str | None) -> Any:
    """`q` (a select over events) with the actor and source filters applied by name."""
    c = t.events.c
    if actor:
        counts = _names(store, "actor")
        found = matching(counts, actor)
        if not found:
            return q.where(false())
        if sum(counts[n] for n in found) <= RARE:
            ids = select(c.event_id).where(c.actor1.in_(found)).union(select(c.event_id).where(c.actor2.in_(found)))
            q = q.where(c.event_id.in_(ids))
        else:  # an expression, not the column: the planner keeps walking the listing index, in order
            q = q.where(or_(func.coalesce(c.actor1, "").in_(found), func.coalesce(c.actor2, "").in_(found)))
    if source:
        counts = _names(store, "source")
        found = matching(counts, source)
        if not found:
            return q.where(false())
        if sum(counts[n] for n in found) <= RARE:
            s = t.event_sources.c
            q = q.where(c.event_id.in_(select(s.event_id).where(s.source_key.in_([source_key(n) for n in found]),
                                                                 s.source.in_(found))))
        else:  # each name whole, between the separators of the joined column
            joined = "\x1f" + c.sources + "\x1f"
            q = q.where(or_(*(joined.contains(f"\x1f{n}\x1f", autoescape=True) for n in found)))
    return q


def _timelines(store: Store) -> dict[str, UnitStates]:
    generation = store.generation()
    state: ReadState = store._reads
    with state.lock:
        if state.timelines[0] != generation:
            c = t.control_states.c
            by_unit: dict[str, list[Any]] = {}
            # The states' rows too, kept by id while they fit (what /control and timeline pages send).
            kept_rows: list[tuple[int, StateRow]] = []
            size = 0
            with store.engine.connect() as conn:
                for row in conn.execute(select(c.unit_code, c.since, c.id, c.until, c.admin1, c.payload, c.layout,
                                               c.level).order_by(c.unit_code, c.since, c.id)):
                    by_unit.setdefault(row[0], []).append(row[:5])
                    if size <= STATE_CACHE_BYTES:
                        kept = (row[5], row[6], row[0], row[7], row[4])
                        size += _state_size(kept)
                        kept_rows.append((row[2], kept))
            state.states.fill(generation, kept_rows)
            timelines = {  # built in code order: iterating it needs no sort
                unit: UnitStates(tuple(r[1].toordinal() for r in rows), tuple(r[2] for r in rows),
                                 tuple(r[3].toordinal() if r[3] is not None else None for r in rows),
                                 tuple(r[4].lower() if r[4] is not None else None for r in rows))
                for unit, rows in by_unit.items()}
            days = {d for u in timelines.values() for d in u.since}
            days.update(d for u in timelines.values() for d in u.until if d is not None)
            state.timelines, state.changes = (generation, timelines), sorted(days)
            state.picks.clear()
        return state.timelines[1]


def control_ids(store: Store, as_of: date | None, admin1: str | None) -> list[int]:
    """The id of each unit's state on `as_of` (default: its latest), in unit-code order: of the states that began
    on or before the day and had not ended by it, the one that began last (the last stored among one day's).
    `admin1`: only states in that admin1 (name or code, any case)."""
    wanted = admin1.lower() if admin1 else None
    day = as_of.toordinal() if as_of is not None else None
    timelines = _timelines(store)
    state: ReadState = store._reads
    with state.lock:
        # Between two days on which some state begins or ends, every day has the same answer: one entry for them.
        key = (None if day is None else bisect.bisect_right(state.changes, day), wanted)
        if state.timelines[1] is timelines and key in state.picks:
            return state.picks[key]
    out = []
    for states in timelines.values():
        k = len(states.ids) if day is None else bisect.bisect_right(states.since, day)  # states begun by the day
        for i in range(k - 1, -1, -1):
            if wanted is not None and states.admin1[i] != wanted:
                continue
            end = states.until[i]
            if day is not None and end is not None and end <= day:
                continue
            out.append(states.ids[i])
            break
    with state.lock:
        if state.timelines[1] is timelines:  # not rebuilt for a newer generation meanwhile
            state.picks[key] = out
            while len(state.picks) > PICKS:
                state.picks.popitem(last=False)
    return out


def in_list(store: Store, column: Any, values: list[Any]) -> ColumnElement[bool]:
    """`column IN values` as one bound parameter (a JSON array on SQLite, an array on PostgreSQL): a page's hundreds
    of ids cost one parameter to bind, not hundreds of placeholders to render."""
    if store.dialect == "sqlite":
        return column.in_(select(literal_column("value")).select_from(
            func.json_each(bindparam(None, json.dumps(values), unique=True))))
    return column == any_(bindparam(None, values, type_=ARRAY(column.type), unique=True))


def unit_codes(store: Store, after: str | None = None, limit: int | None = None) -> list[str]:
    """The units that have a control timeline, in code order: those after `after`, at most `limit`."""
    codes = list(_timelines(store))
    if after is not None:
        codes = codes[bisect.bisect_right(codes, after):]
    return codes if limit is None else codes[:limit]


def state_rows(store: Store, ids: list[int]) -> list[StateRow]:
    """The control states of these ids that exist, in the order given: from the rows kept for the current write
    generation, the others read in one query (and kept)."""
    if not ids:
        return []
    generation = store.generation()

    def load(missing: list[int]) -> dict[int, StateRow]:
        c = t.control_states.c
        q = select(c.id, c.payload, c.layout, c.unit_code, c.level, c.admin1).where(in_list(store, c.id, missing))
        with store.engine.connect() as conn:
            return {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in conn.execute(q)}

    found = store._reads.states.get_many(generation, ids, load)
    return [found[i] for i in ids if i in found]


def timeline_rows(store: Store, units: list[str]) -> list[StateRow]:
    """The states of these units (given in code order) as stored, in (unit code, since, id) order: (payload,
    layout, unit code, level, admin1)."""
    timelines = _timelines(store)
    return state_rows(store, [i for u in units if u in timelines for i in timelines[u].ids])


def source_items(store: Store, limit: int, offset: int) -> list[str] | None:
    """A page of `GET /sources`' items as JSON (name, kind, reliability, claims), most reliable first; from every
    source's item kept for the current write generation, or None when there are more than SOURCES_KEPT (the
    caller reads the page in SQL)."""
    generation = store.generation()
    state: ReadState = store._reads
    with state.lock:
        if state.sources[0] != generation:
            items: list[str] | None = []
            for r in store.reliability(limit=SOURCES_KEPT + 1):
                items.append(json.dumps({"name": r.name, "kind": str(r.kind), "reliability": r.reliability,
                                         "claims": r.claims}, ensure_ascii=False, separators=(",", ":")))
            state.sources = (generation, items if len(items) <= SOURCES_KEPT else None)
        kept = state.sources[1]
    return None if kept is None else kept[offset:offset + limit]


def claim_start(store: Store, offset: int) -> tuple[tuple[str, str] | None, int, str]:
    """Where a page of the unfiltered claims listing at `offset` starts: (a key to read after, the offset left
    after it, the generation the key is of)."""
    generation = store.generation()
    state: ReadState = store._reads
    with state.lock:
        if state.claim_keys[0] != generation:
            c = t.claims.c
            numbered = select(c.document_id, c.claim_id, func.row_number().over(
                order_by=(c.document_id, c.claim_id)).label("n")).subquery()
            q = select(numbered.c.document_id, numbered.c.claim_id).where(numbered.c.n % CLAIM_STEP == 0) \
                .order_by(numbered.c.n)
            with store.engine.connect() as conn:
                state.claim_keys = (generation, [(r[0], r[1]) for r in conn.execute(q)])
        keys = state.claim_keys[1]
    j = min(offset // CLAIM_STEP, len(keys))
    if j == 0:
        return None, offset, generation
    return keys[j - 1], offset - j * CLAIM_STEP, generation


def warm(store: Store, *kinds: str) -> bool:
    """Whether what these reads keep is built for the current write generation: "listing" (the events' ids),
    "actor" / "source" (names), "claim_keys", "timelines", "sources". A read that finds it so scans no table."""
    generation = store.generation()
    state: ReadState = store._reads
    for kind in kinds:
        if kind == "listing":
            kept = store._listing[0]
        elif kind in ("actor", "source"):
            kept = state.names.get(kind, ("", {}))[0]
        else:
            kept = getattr(state, kind)[0]
        if kept != generation:
            return False
    return True


def claim_page_query(q: Any, key: tuple[str, str] | None) -> Any:
    c = t.claims.c
    return q if key is None else q.where(tuple_(c.document_id, c.claim_id) > tuple_(*key))


__all__ = ["CLAIM_STEP", "RARE", "ReadState", "claim_start", "control_ids", "filter_names", "in_list", "matching",
           "source_items", "state_rows", "timeline_rows", "unit_codes", "warm"]
