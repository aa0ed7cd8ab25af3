"""The situation report printed by `frontwatch run` and `frontwatch report`: who holds each district, the latest
events with their status, and the disputed claims side by side with their sources."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text

from frontwatch.model import Certainty, Claim, EventStatus

if TYPE_CHECKING:
    from frontwatch.store import Store

STATUS_STYLE = {"confirmed": "green", "reported": "cyan", "contested": "yellow", "denied": "red", "held": "green",
                "unknown": "dim"}


def _chain(claim: Claim) -> str:
    if not claim.sources:
        return "unattributed"
    return "; ".join(" → ".join(s.chain) if s.chain else s.name for s in claim.sources)


def situation_report(store: Store, as_of: date | None = None, latest: int = 12) -> Group:
    events = store.events()
    if as_of is None:
        as_of = max((e.event_date for e in events), default=date.today())
    parts: list[object] = [Text(f"Situation as of {as_of.isoformat()}", style="bold")]

    control = sorted(store.control(as_of), key=lambda s: (s.admin1 or "", s.unit_name))
    t = Table(title="Control by district", title_justify="left", expand=False)
    for col in ("district", "province", "holder", "status", "since", "confidence"):
        t.add_column(col)
    for s in control:
        status = f"{s.status}" + (f" ({s.evidence})" if s.evidence and s.status == "held" else "")
        t.add_row(s.unit_name, s.admin1 or "", s.holder.name if s.holder else "—",
                  Text(status, style=STATUS_STYLE.get(str(s.status), "")), s.since.isoformat(), f"{s.confidence:.2f}")
    parts.append(t if control else Text("No district changed hands in the reports.", style="dim"))

    recent = [e for e in events if e.event_date <= as_of][:latest]
    t = Table(title=f"Latest events ({len(recent)} of {len(events)})", title_justify="left")
    for col in ("date", "event", "place", "actors", "killed", "status", "conf.", "sources"):
        t.add_column(col)
    for e in recent:
        actors = " vs ".join(a.name for a in (e.actor1, e.actor2) if a) or "—"
        killed = str(e.fatalities) if e.fatalities else ("—" if e.killed_or_injured is None
                                                         else f"0 ({e.killed_or_injured} killed or injured)")
        t.add_row(e.event_date.isoformat(), e.sub_event_type, f"{e.place.name}, {e.place.admin1 or ''}", actors,
                  killed, Text(str(e.status), style=STATUS_STYLE.get(str(e.status), "")), f"{e.confidence:.2f}",
                  ", ".join(e.sources)[:60])
    parts.append(t)

    contested = [e for e in events if e.status == EventStatus.CONTESTED and e.event_date <= as_of]
    if contested:
        t = Table(title="Disputed", title_justify="left", show_lines=True)
        for col in ("event", "says so", "says otherwise"):
            t.add_column(col, overflow="fold")
        docs: dict[str, str] = {}

        def quote(c: Claim) -> str:
            if c.document_id not in docs:
                d = store.document(c.document_id)
                docs[c.document_id] = d.text if d else ""
            text = docs[c.document_id][c.sentence.start:c.sentence.end].strip()
            return f"“{text[:160]}” — {_chain(c)}"

        for e in contested[:latest]:
            ids = list(e.claim_ids) + list(e.contradicting_claim_ids)
            claims = {c.claim_id: c for c in store.claims(claim_ids=ids)}

            pro = [quote(claims[i]) for i in e.claim_ids if i in claims]
            con = [quote(claims[i]) for i in e.contradicting_claim_ids if i in claims
                   and claims[i].certainty == Certainty.DENIED]
            t.add_row(f"{e.place.name} {e.event_date}\n{e.sub_event_type}", "\n".join(pro[:3]),
                      "\n".join(con[:3]) or "incompatible outcomes")
        parts.append(t)
    return Group(*parts)
