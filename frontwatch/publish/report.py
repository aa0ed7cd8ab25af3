"""The situation report printed by `frontwatch run` and `frontwatch report`: who holds each district and according
to whom, the latest events with their status, and the disputed claims side by side with their sources."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from frontwatch.model import TERRITORY_SUB_TYPES, Certainty, Claim, ControlState, ControlStatus, Event, EventStatus

if TYPE_CHECKING:
    from frontwatch.store import Store

STATUS_STYLE = {"confirmed": "green", "reported": "cyan", "contested": "yellow", "denied": "red", "held": "green",
                "unknown": "dim"}
QUOTE_CHARS = 200


def _cells(*values: str | Text) -> list[Text]:
    """Table cells as Text: names, quotes and sources come from the reports and must never be read as Rich
    markup (a `[/]` in a source name would crash the report)."""
    return [v if isinstance(v, Text) else Text(v) for v in values]


def _chain(claim: Claim) -> str:
    """Who says it, origin last: "news-outlet.example → a provincial office"; the outlet alone when it speaks itself."""
    cited = [s for s in claim.sources if len(s.chain) > 1]
    if cited:
        return "; ".join(" → ".join(s.chain) for s in cited)
    if claim.sources:
        return claim.sources[0].name
    return "unattributed"


def _few(names: Iterable[str], keep: int = 2) -> str:
    names = list(dict.fromkeys(n for n in names if n))
    if not names:
        return "—"
    return ", ".join(names[:keep]) + (f" +{len(names) - keep} more" if len(names) > keep else "")


def _stance(claim: Claim) -> str:
    if claim.certainty == Certainty.DENIED:
        return "denies"
    verb = "suggests" if claim.certainty == Certainty.HEDGED else "says"
    holder = claim.actor("actor1")
    if claim.sub_event_type in TERRITORY_SUB_TYPES and holder:
        return f"{verb} {holder.name} took it"
    return f"{verb}: {(claim.sub_event_type or claim.event_type).lower()}"


class _Quotes:
    """Claims and the sentences they were read from, fetched once per report."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.texts: dict[str, str] = {}

    def claims(self, ids: Sequence[str]) -> dict[str, Claim]:
        return {c.claim_id: c for c in self.store.claims(claim_ids=list(ids))} if ids else {}

    def sentence(self, claim: Claim) -> str:
        if claim.document_id not in self.texts:
            d = self.store.document(claim.document_id)
            self.texts[claim.document_id] = d.text if d else ""
        text = " ".join(self.texts[claim.document_id][claim.sentence.start:claim.sentence.end].split())
        return f"“{text[:QUOTE_CHARS]}{'…' if len(text) > QUOTE_CHARS else ''}”"


def _summary(events: Sequence[Event], control: Sequence[ControlState], as_of: date) -> Text:
    by_status = Counter(str(e.status) for e in events)
    text = Text(f"Situation as of {as_of.isoformat()}", style="bold")
    text.append(f"  —  {len(events)} events (", style="")
    for i, status in enumerate(EventStatus):
        text.append(", " if i else "")
        text.append(f"{by_status.get(str(status), 0)} {status}", style=STATUS_STYLE[str(status)])
    held = sum(1 for s in control if s.status == ControlStatus.HELD)
    text.append(f"); {held} units held, {len(control) - held} contested")
    return text


def _control_table(control: Sequence[ControlState], quotes: _Quotes) -> RenderableType:
    if not control:
        return Text("No district changed hands in the reports.", style="dim")
    claims = quotes.claims([i for s in control for i in s.claim_ids])
    t = Table(title="Control by district", title_justify="left")
    for col in ("district", "province", "holder", "status", "since", "conf.", "according to"):
        t.add_column(col, overflow="fold")
    for s in sorted(control, key=lambda s: (s.admin1 or "", s.level, s.unit_name)):
        name = s.unit_name if s.level == 2 else f"{s.unit_name} (province)"
        holder = s.holder.name if s.holder else "—"
        if s.status == ControlStatus.CONTESTED:
            holder = f"{holder} (claimed)"
            status = Text("contested", style=STATUS_STYLE["contested"])
        else:
            evidence = str(s.evidence) if s.evidence else "unknown"
            status = Text(f"{s.status}, {evidence}", style=STATUS_STYLE.get(evidence, ""))
        sources = _few(_chain(claims[i]) for i in s.claim_ids if i in claims)
        t.add_row(*_cells(name, s.admin1 or "", holder, status, s.since.isoformat(), f"{s.confidence:.2f}", sources))
    return t


def _events_table(events: Sequence[Event], total: int) -> Table:
    t = Table(title=f"Latest events ({len(events)} of {total})", title_justify="left")
    for col in ("date", "event", "place", "actors", "killed", "status", "conf.", "sources"):
        t.add_column(col, overflow="fold")
    for e in events:
        actors = " vs ".join(a.name for a in (e.actor1, e.actor2) if a) or "—"
        if e.fatalities:
            killed = str(e.fatalities)
            if e.fatalities_high and e.fatalities_high != e.fatalities:
                killed += f" (up to {e.fatalities_high})"
        elif e.killed_or_injured is not None:
            killed = f"0 ({e.killed_or_injured} killed or injured)"
        else:
            killed = "—"
        place = ", ".join(dict.fromkeys(x for x in (e.place.name, e.place.admin1) if x))
        t.add_row(*_cells(e.event_date.isoformat(), e.sub_event_type, place, actors, killed,
                          Text(str(e.status), style=STATUS_STYLE.get(str(e.status), "")), f"{e.confidence:.2f}",
                          _few(e.sources)))
    return t


def _disputed_table(contested: Sequence[Event], quotes: _Quotes) -> Table:
    t = Table(title="Disputed: who says what", title_justify="left")
    for col in ("event", "stance", "what was said", "source"):
        t.add_column(col, overflow="fold")
    for e in contested:
        claims = quotes.claims(list(e.claim_ids) + list(e.contradicting_claim_ids))
        # Those who say it happened first, then other reports about it, then denials.
        ordered = sorted(claims.values(), key=lambda c: (c.certainty == Certainty.DENIED,
                                                         c.sub_event_type not in TERRITORY_SUB_TYPES, c.claim_id))
        head = f"{e.place.name}, {e.event_date.isoformat()}\n{e.sub_event_type}"
        for k, c in enumerate(ordered):
            stance = Text(_stance(c), style="red" if c.certainty == Certainty.DENIED else "")
            t.add_row(*_cells(head if k == 0 else "", stance, quotes.sentence(c), _chain(c)),
                      end_section=k == len(ordered) - 1)
    return t


def situation_report(store: Store, as_of: date | None = None, latest: int = 12) -> Group:
    """Control on `as_of` (default: the latest event's day), the latest events up to it, the disputed ones."""
    all_events = store.events()
    if as_of is None:
        as_of = max((e.event_date for e in all_events), default=date.today())
    events = [e for e in all_events if e.event_date <= as_of]  # the store gives them newest first
    control = store.control(as_of)
    quotes = _Quotes(store)
    parts: list[RenderableType] = [_summary(events, control, as_of), _control_table(control, quotes)]
    if events:
        parts.append(_events_table(events[:latest], len(events)))
    else:
        parts.append(Text("No events yet: run `frontwatch run <reports>` or `frontwatch fuse`.", style="dim"))
    contested = [e for e in events if e.status == EventStatus.CONTESTED][:latest]
    if contested:
        parts.append(_disputed_table(contested, quotes))
    return Group(*parts)
