"""Persian actors of an event: the actor dictionary's Persian aliases, their roles from the markers around them ("از X"
from whom, "به دست / توسط X" by whom, "بر / علیه X" against whom, "میان X و Y" between), and the report's main dyad."""

from __future__ import annotations

import dataclasses
import re

from frontwatch.model import (
    Actor,
    ActorRole,
    PlaceMention,
    Span,
)
from frontwatch.persian.attribution import _Sentence
from frontwatch.persian.events import _Event
from frontwatch.persian.numbers import NUMBER, VAGUE_RE

# Role markers before an actor (within its two preceding words).
_FROM = re.compile(r"(?:^|\s)از(?:\s+(?:دست|کنترل|تصرف|چنگ|نزد|سوی))?\s*$")
_BY = re.compile(r"(?:به\s+دست|توسط|از\s+سوی|از\s+طرف|از\s+جانب|به\s+وسیله)\s*$")


_AGAINST = re.compile(r"(?:^|\s)(?:بر|علیه|بالای|به|بر\s+ضد|ضد)\s*$")
_BETWEEN = re.compile(r"(?:^|\s)(?:میان|بین)\s*$")


_PASSIVE = re.compile(r"(?<!\w)(?:مورد\s+\w+\s+قرار|هدف\s+قرار)")


class PersianRoles:
    """Actor 1 and 2 of an event (`roles`) and the headline's dyad (`main_actors`)."""

    def __init__(self, actors: object) -> None:
        self.actors = actors

    # --- actors --------------------------------------------------------------------------------------------

    def _actors_in(self, nt: str, a: int, b: int, skip: list[tuple[int, int]]) -> list[tuple[ActorRole, str]]:
        """Actors of a clause with their marker: 'from', 'by', 'against', 'between' or '' (a subject)."""
        out = []
        for m in self.actors.find_all(nt[a:b]):  # type: ignore[attr-defined]
            s, e = a + m.start, a + m.end
            if any(x <= s < y for x, y in skip):
                continue  # a speaker ("سخنگوی طالبان"), not a party to the event
            before = nt[max(a, s - 20) : s]
            marker = ""
            if _BY.search(before):
                marker = "by"
            elif _FROM.search(before):
                marker = "from"
            elif _BETWEEN.search(before):
                marker = "between"
            elif _AGAINST.search(before):
                marker = "against"
            out.append((ActorRole("", m.actor, Span(s, e, nt[s:e])), marker))
        return out

    def roles(self, nt: str, ev: _Event, skip: list[tuple[int, int]]) -> tuple[ActorRole | None, ActorRole | None]:
        cat = ev.hit.category
        found = self._actors_in(nt, ev.start, ev.end, skip)
        generic = getattr(self.actors, "generic", frozenset())
        by = [r for r, mk in found if mk == "by"]
        frm = [r for r, mk in found if mk == "from"]
        against = [r for r, mk in found if mk == "against"]
        between = [r for r, mk in found if mk == "between"]
        subj = [r for r, mk in found if mk == ""]
        if cat in {"clash", "attack", "territory", "control", "airstrike", "shelling", "ied", "suicide"}:
            # "۱۱ تن کشته شدند" inside a battle clause: counted people are its victims, not a party
            counted = [r for r in subj if r.span is not None and r.actor.inter == 7 and re.search(
                rf"(?:{NUMBER}|{VAGUE_RE.pattern})\s*$", nt[max(ev.start, r.span.start - 20) : r.span.start])]
            subj = [r for r in subj if r not in counted]
            against = against + counted  # the counted victims are the ones it was done to
        a1: ActorRole | None
        a2: ActorRole | None
        if cat in {"territory", "control"}:
            # "سقوط" (fall) is intransitive: its taker is only ever "به دست / توسط X"
            intransitive = nt.startswith("سقوط", ev.hit.start)
            a1 = (by or ([] if intransitive else subj) or [None])[0]
            a2 = next((r for r in frm if a1 is None or r.actor.name != a1.actor.name), None)
        elif cat in {"kill", "injure", "abduct", "arrest"}:
            # the victims are the clause's subject; "by X" / "X killed …" with a named group: the perpetrator
            # Persian tolls are passive ("X کشته شدند"): the subject is the victims; the perpetrator needs "by"
            a1 = (by or [None])[0]
            named = [r for r in subj if r.actor.name not in generic]
            a2 = next((r for r in named + subj if a1 is None or r.actor.name != a1.actor.name), None)
        else:
            ordered = (between + subj) if between else (by + subj)
            a1 = ordered[0] if ordered else None
            rest = [r for r in (ordered[1:] + against + frm) if a1 is None or r.actor.name != a1.actor.name]
            a2 = rest[0] if rest else None
            if _PASSIVE.search(nt, ev.start, ev.end) and not by and a1 is not None and not between:
                a1, a2 = None, a1  # "X مورد حمله قرار گرفت": X was attacked
        if cat == "protest" and (a1 is None or a1.actor.inter == 7):
            a1 = ActorRole("actor1", Actor("Protesters", 6), a1.span if a1 else None)
        return (
            dataclasses.replace(a1, role="actor1") if a1 else None,
            dataclasses.replace(a2, role="actor2") if a2 else None,
        )

    def main_actors(
        self, nt: str, events: list[_Event], sents: list[_Sentence], places: list[PlaceMention]
    ) -> tuple[ActorRole | None, ActorRole | None] | None:
        """The dyad of the headline or lead (the first three sentences): who took what from whom."""
        for ev in events:
            if ev.sent > 2:
                break
            if ev.hit.category not in {"territory", "clash", "attack"}:
                continue
            a1, a2 = self.roles(nt, ev, sents[ev.sent].speaker_spans)
            if a1 is not None:
                return a1, a2
        return None
