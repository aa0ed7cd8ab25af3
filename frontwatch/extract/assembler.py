"""The language-neutral claim assembler, and what a language brings to it (a `LanguagePack`).

One event becomes claims in one order, whatever the language: its roles (who did it to whom) → its places → its
ACLED type → the sides settled by that type → time (and whether it is background) → counts → sources → certainty →
one claim per place (`claims_per_place`). How each step reads the text is the language's: `ClaimSteps` is what a
language implements (English: `frontwatch.extract.assembly`, over a dependency parse; Persian:
`frontwatch.persian.extract`, over normalized text and role markers). What does not read the text is shared here:
`SharedSteps` (confidence, one claim per place with the report's country), `type_by_sides` (ACLED's type by the
sides' inter codes), `own_places` / `distinct_places` (a place that only locates another, a place named twice).
docs/languages.md says how to add a language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.claims import _acled_fatalities, claims_per_place, report_country_of
from frontwatch.extract.place_mentions import _contains
from frontwatch.extract.places import _WIDER_PENALTY
from frontwatch.model import ActorRole, Certainty, Claim, Count, Document, PlaceMention, Source, Span, TimeSpan

E = TypeVar("E", contravariant=True)  # a language's view of one event (its clause, trigger, sentence, context)


@dataclass(frozen=True)
class Sides:
    """Actor 1 and actor 2 of an event as its roles give them, and whether actor 1 is the lead's (borrowed)."""

    actor1: ActorRole | None
    actor2: ActorRole | None
    borrowed: bool = False
    role_places: tuple[Any, ...] = ()  # role words that name places (a language's tokens), for its place step


@dataclass(frozen=True)
class Typed:
    event_type: str
    sub_event_type: str | None
    confidence: float


class ClaimSteps(Protocol[E]):
    """The steps of assembly a language implements, in the order `assemble` calls them. `methods` is the claim's
    method list: a step appends the rules it applied."""

    def methods(self, event: E) -> list[str]: ...

    def sides(self, event: E, methods: list[str]) -> Sides | None:
        """None: no event after all (an unarmed side driven out, a movement without an armed party)."""

    def places(self, event: E, sides: Sides, methods: list[str]) -> tuple[list[PlaceMention], str]:
        """The event's places, and how they were found ("clause", or a wider reading a language may have)."""

    def type_of(self, event: E, sides: Sides, methods: list[str]) -> Typed: ...

    def settle(self, event: E, typed: Typed, sides: Sides, places: list[PlaceMention], methods: list[str]) -> Sides:
        """The sides as the type settles them (a demonstration's crowd, ACLED's defaults, foreign forces)."""

    def time(self, event: E) -> TimeSpan | None: ...

    def background(self, event: E, typed: Typed, time: TimeSpan | None, methods: list[str]) -> Typed:
        """No event (`NOT_AN_EVENT`) when the text tells it as background: recalled from long before, judged in
        court, plotted, hypothetical; else `typed` as it is."""

    def counts(self, event: E) -> tuple[Count, ...]: ...

    def sources(self, event: E) -> tuple[Source, ...]: ...

    def certainty(self, event: E) -> Certainty: ...

    def spans(self, event: E, sides: Sides) -> tuple[Span, Span, tuple[ActorRole, ...]]:
        """The sentence, the trigger and the actors, with spans over `Document.text`."""

    def confidence(self, event: E, typed: Typed, sides: Sides, places: list[PlaceMention], how: str) -> float: ...

    def per_place(self, event: E, sentence: Span, trigger: Span, places: list[PlaceMention], fatalities: int,
                  confidence: float, methods: list[str], **fields: Any) -> list[Claim]:
        """One claim per place (`claims_per_place` with the language's actor dictionary and report country)."""


class HasDocument(Protocol):
    @property
    def document(self) -> Document: ...


class SharedSteps:
    """The steps whose logic is the same in every language, over what the language's steps found (sides, places,
    counts), not over its text: a language's `ClaimSteps` inherit them. `actors` is the actor dictionary."""

    actors: Any

    def confidence(self, event: HasDocument, typed: Typed, sides: Sides, places: list[PlaceMention],
                   how: str) -> float:
        """The type's confidence, less for a borrowed actor 1, for no place, and for a place from a wider reading."""
        conf = typed.confidence
        if sides.borrowed:
            conf -= 0.15
        if not places:
            conf -= 0.1
        elif how in _WIDER_PENALTY:
            conf -= _WIDER_PENALTY[how]
        return conf

    def per_place(self, event: HasDocument, sentence: Span, trigger: Span, places: list[PlaceMention],
                  fatalities: int, confidence: float, methods: list[str], **fields: Any) -> list[Claim]:
        """One claim per place, unnamed state forces made the forces of the report's country."""
        actors = self.actors if isinstance(self.actors, ActorDictionary) else None
        country = actors.country_iso(report_country_of(event.document)) if actors is not None else None
        return claims_per_place(event.document, sentence, trigger, places, fatalities, confidence, methods, actors,
                                country, **fields)


# Trigger categories that tell of fighting, and ACLED's inter codes of armed parties (state, rebels, militias,
# external forces).
FIGHTING = frozenset({"clash", "attack", "kill", "injure", "shelling", "airstrike"})
ARMED = frozenset({1, 2, 3, 4, 8})


def type_by_sides(category: str, default: tuple[str, str | None], confidence: float, actor1: ActorRole | None,
                  actor2: ActorRole | None, fighting: bool, methods: list[str]) -> Typed:
    """ACLED's type by the trigger's category and the sides' inter codes, the rules no language words differently:
    a hand-over with fighting is a taking, its sub-type by who took it; an attack or killing of civilians (or of no
    one named, but an attack) is violence against civilians, of armed men a battle; rioters or protesters on either
    side make it a riot. A language refines it with its own cues (e.g. a protest met with force)."""
    event_type, sub = default
    inter1 = actor1.actor.inter if actor1 else None
    inter2 = actor2.actor.inter if actor2 else None
    if category == "control" and fighting:
        category = "territory"
        methods.append("control+fighting")
    if category == "territory":
        sub = "Government regains territory" if inter1 == 1 else "Non-state actor overtakes territory"
        methods.append(f"territory:actor1-inter={inter1}")
        return Typed("Battles", sub, confidence)
    if category in {"attack", "kill", "injure"}:
        if inter2 == 7 or (inter2 is None and category != "attack"):
            event_type, sub = "Violence against civilians", "Attack"
        elif inter2 in ARMED or (inter1 in ARMED and category == "attack"):
            event_type, sub = "Battles", "Armed clash"
        if inter1 in {5, 6} or inter2 == 6:
            event_type, sub = "Riots", "Violent demonstration"
    if category == "clash" and (inter1 in {5, 6} or inter2 in {5, 6}):
        event_type, sub = "Riots", "Violent demonstration"
    return Typed(event_type, sub, confidence)


def _locates(big: PlaceMention, small: PlaceMention) -> bool:
    """`big` only says where `small` is: its country, or the province or district it lies in."""
    b, s = big.place, small.place
    if b is not None and s is not None and b != s and (b.feature_code or "").startswith("PCL") and \
            s.country == b.country and not (s.feature_code or "").startswith("PCL"):
        return True
    return _contains(big, small)


def own_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """The clause's places less those that only locate another of them (a province beside its district)."""
    return [m for m in places if not any(_locates(m, o) for o in places if o is not m)]


def distinct_places(places: list[PlaceMention]) -> list[PlaceMention]:
    """One place named twice in a clause is one place (the first mention kept)."""
    seen: set[tuple[str | None, int | None]] = set()
    out = []
    for m in places:
        key = (m.place.admin2_code, m.place.gazetteer_id) if m.place else (m.span.text, None)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def assemble(steps: ClaimSteps[E], event: E) -> list[Claim]:
    """The claims of one event: roles → places → type → sides → time → counts → sources → certainty → claims."""
    methods = steps.methods(event)
    sides = steps.sides(event, methods)
    if sides is None:
        return []
    places, how = steps.places(event, sides, methods)
    typed = steps.type_of(event, sides, methods)
    sides = steps.settle(event, typed, sides, places, methods)
    time = steps.time(event)
    typed = steps.background(event, typed, time, methods)
    counts = steps.counts(event)
    fatalities = _acled_fatalities(counts) if counts else 0
    certainty = steps.certainty(event)
    sources = steps.sources(event)
    sentence, trigger, actors = steps.spans(event, sides)
    return steps.per_place(
        event, sentence, trigger, places, fatalities, steps.confidence(event, typed, sides, places, how), methods,
        event_type=typed.event_type, sub_event_type=typed.sub_event_type, actors=actors, time=time, counts=counts,
        sources=sources, certainty=certainty,
    )


@dataclass(frozen=True)
class LanguagePack:
    """What differs between languages: the lexicon (one YAML, the same keys in every language where they mean the
    same: categories, triggers, speech, hedge_speech, deny_speech, hedges, denials), the date finder, number
    reading, the toponym finder, the parse adapter (what turns a text into the sentences, clauses and roles the steps
    read), and the extractor: the language's `ClaimSteps`, driven by `assemble`."""

    code: str  # ISO 639-1, as `frontwatch.language` detects it
    lexicon: Callable[[], Any]  # loads the language's lexicon YAML (once)
    find_dates: Callable[[str, date], list[tuple[int, int, date, date, int]]]  # (start, end, low, high, precision)
    read_number: Callable[[str], int | None]  # "three", "۱۲", "سه" → 3, 12, 3
    toponyms: Callable[..., Any]  # the toponym finder
    parse: Callable[..., Any]  # the parse adapter
    extractor: Callable[..., Any]  # builds the language's extractor (its `ClaimSteps`)
