"""The language-neutral claim assembler, and what a language brings to it (a `LanguagePack`).

One event becomes claims in one order, whatever the language: its roles (who did it to whom) → its places → its
ACLED type → the sides settled by that type → time (and whether it is background) → counts → sources → certainty →
one claim per place (`claims_per_place`). How each step reads the text is the language's: `ClaimSteps` is what a
language implements (English: `frontwatch.extract.assembly`, over a dependency parse; Persian:
`frontwatch.persian.extract`, over normalized text and role markers). docs/languages.md says how to add one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from frontwatch.extract.claims import _acled_fatalities
from frontwatch.model import ActorRole, Certainty, Claim, Count, PlaceMention, Source, Span, TimeSpan

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
