"""Language packs and the one claim assembler: what each language brings (lexicon, dates, numbers, toponyms, parse,
extractor), the lexicon keys every language shares, and `assemble` driving a language's steps — shown with the
smallest language there is, a line format, as docs/languages.md describes adding one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import pytest
import yaml

from frontwatch.extract import ENGLISH, Extractor, Sides, Typed, assemble
from frontwatch.extract.claims import claims_per_place
from frontwatch.model import (
    NOT_AN_EVENT,
    Actor,
    ActorRole,
    Certainty,
    Claim,
    Count,
    CountKind,
    Document,
    PlaceMention,
    Source,
    SourceKind,
    Span,
    TimeSpan,
    document_id_for,
)
from frontwatch.persian import PERSIAN, PersianExtractor

SHARED_KEYS = {"categories", "triggers", "speech", "hedge_speech", "deny_speech", "hedges", "denials"}
PUB = date(2021, 8, 18)


@pytest.mark.parametrize(("package", "name"), [("frontwatch.text", "triggers.yaml"),
                                               ("frontwatch.persian", "lexicon.yaml")])
def test_every_lexicon_has_the_shared_keys(package: str, name: str) -> None:
    raw = yaml.safe_load(resources.files(package).joinpath(name).read_text("utf-8"))
    assert raw.keys() >= SHARED_KEYS
    assert all(raw[k] for k in SHARED_KEYS)


@pytest.mark.parametrize(("pack", "three", "yesterday"), [(ENGLISH, "three", "yesterday"),
                                                         (PERSIAN, "سه", "دیروز")])
def test_a_pack_reads_its_own_numbers_and_dates(pack, three: str, yesterday: str) -> None:  # type: ignore[no-untyped-def]
    assert pack.read_number(three) == 3
    [(_, _, low, high, precision)] = pack.find_dates(yesterday, PUB)
    assert (low, high, precision) == (date(2021, 8, 17), date(2021, 8, 17), 1)
    assert pack.lexicon().categories


def test_the_packs_name_their_extractors() -> None:
    assert (ENGLISH.code, ENGLISH.extractor) == ("en", Extractor)
    assert (PERSIAN.code, PERSIAN.extractor) == ("fa", PersianExtractor)


# --- a language of one line per event: "ATTACK <place> BY <actor> <n> KILLED" -----------------------------------

_LINE = re.compile(
    r"(?P<cat>ATTACK|MOVE) (?P<place>\w+)(?: BY (?P<actor>\w+))?(?: (?P<n>\d+) KILLED)?(?P<past> LONG AGO)?")


@dataclass(frozen=True)
class _Line:
    document: Document
    match: re.Match[str]


class _LineSteps:
    """Every step of `ClaimSteps`, reading the line format."""

    def methods(self, event: _Line) -> list[str]:
        return ["line:lexicon", f"category:{event.match['cat'].lower()}"]

    def sides(self, event: _Line, methods: list[str]) -> Sides | None:
        if event.match["cat"] == "MOVE":
            return None  # a movement is no event
        who = event.match["actor"]
        return Sides(ActorRole("actor1", Actor(who, 2)) if who else None, None)

    def places(self, event: _Line, sides: Sides, methods: list[str]) -> tuple[list[PlaceMention], str]:
        text = event.document.text
        methods.append("place:clause")
        return [PlaceMention(Span.of(text, event.match.start("place"), event.match.end("place")), None, None, "t")], \
            "clause"

    def type_of(self, event: _Line, sides: Sides, methods: list[str]) -> Typed:
        return Typed("Battles", "Armed clash", 0.8)

    def settle(self, event: _Line, typed: Typed, sides: Sides, places: list[PlaceMention],
               methods: list[str]) -> Sides:
        if sides.actor1 is None:
            methods.append("actor1:unidentified-by-type")
            return Sides(ActorRole("actor1", Actor("Unidentified armed group", 3)), sides.actor2)
        return sides

    def time(self, event: _Line) -> TimeSpan | None:
        return TimeSpan(PUB, PUB, 2, None, assumed=True)

    def background(self, event: _Line, typed: Typed, time: TimeSpan | None, methods: list[str]) -> Typed:
        if not event.match["past"]:
            return typed
        methods.append("background:past")
        return Typed(NOT_AN_EVENT, None, typed.confidence)

    def counts(self, event: _Line) -> tuple[Count, ...]:
        n = event.match["n"]
        return (Count(CountKind.KILLED, int(n), int(n), int(n), "exact", None),) if n else ()

    def sources(self, event: _Line) -> tuple[Source, ...]:
        return (Source("outlet.org", SourceKind.OUTLET, ("outlet.org",)),)

    def certainty(self, event: _Line) -> Certainty:
        return Certainty.ASSERTED

    def spans(self, event: _Line, sides: Sides) -> tuple[Span, Span, tuple[ActorRole, ...]]:
        text = event.document.text
        return (Span.of(text, event.match.start(), event.match.end()),
                Span.of(text, event.match.start("cat"), event.match.end("cat")),
                tuple(a for a in (sides.actor1, sides.actor2) if a is not None))

    def confidence(self, event: _Line, typed: Typed, sides: Sides, places: list[PlaceMention], how: str) -> float:
        return typed.confidence

    def per_place(self, event: _Line, sentence: Span, trigger: Span, places: list[PlaceMention], fatalities: int,
                  confidence: float, methods: list[str], **fields: Any) -> list[Claim]:
        return claims_per_place(event.document, sentence, trigger, places, fatalities, confidence, methods, **fields)


def _assembled(text: str) -> list[Claim]:
    document = Document(document_id_for(text), text, "t", "text", publisher="outlet.org", published=PUB)
    return [c for m in _LINE.finditer(text) for c in assemble(_LineSteps(), _Line(document, m))]


def test_assemble_drives_a_languages_steps_into_claims() -> None:
    [claim] = _assembled("ATTACK Anytown BY Rebels 4 KILLED")
    assert claim.places[0].span.text == "Anytown"
    assert claim.actor("actor1") == Actor("Rebels", 2)
    assert claim.fatalities_acled == 4  # the counts' ACLED fatalities, by the shared rule
    assert claim.method == "line:lexicon category:attack place:clause"
    assert (claim.event_type, claim.sub_event_type, claim.certainty) == ("Battles", "Armed clash", Certainty.ASSERTED)


def test_assemble_lets_the_type_settle_the_sides_and_drops_a_non_event() -> None:
    [claim] = _assembled("ATTACK Anytown")
    assert claim.actor("actor1") == Actor("Unidentified armed group", 3)
    assert claim.method.endswith("actor1:unidentified-by-type")
    assert _assembled("MOVE Anytown BY Rebels") == []


def test_assemble_makes_a_background_event_no_event_of_the_reports_day() -> None:
    [claim] = _assembled("ATTACK Anytown BY Rebels 4 KILLED LONG AGO")
    assert claim.event_type == NOT_AN_EVENT
    assert claim.method.endswith("background:past")
    assert claim.fatalities_acled == 4  # still the claim it was: only the type says it is no event of the day
