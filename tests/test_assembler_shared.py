"""The assembler's shared steps (extract/assembler.py): what every language pack gets without reading its text."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract.assembler import (
    SharedSteps,
    Sides,
    Typed,
    distinct_places,
    own_places,
    type_by_sides,
)
from frontwatch.extract.assembly import Extractor
from frontwatch.model import Actor, ActorRole, Document, Place, PlaceMention, Span
from frontwatch.persian.extract import PersianExtractor

STATE, REBELS, CIVILIANS, RIOTERS = (Actor("State", 1), Actor("Rebels", 2), Actor("Villagers", 7),
                                     Actor("Rioters", 5))


def _role(actor: Actor | None, role: str) -> ActorRole | None:
    return ActorRole(role, actor) if actor is not None else None


@pytest.mark.parametrize(
    ("category", "a1", "a2", "fighting", "expected"),
    [
        ("territory", REBELS, STATE, False, ("Battles", "Non-state actor overtakes territory")),
        ("territory", STATE, REBELS, False, ("Battles", "Government regains territory")),
        ("control", REBELS, STATE, True, ("Battles", "Non-state actor overtakes territory")),
        ("control", REBELS, STATE, False, ("Strategic developments", "Non-violent transfer of territory")),
        ("attack", REBELS, CIVILIANS, False, ("Violence against civilians", "Attack")),
        ("kill", None, None, False, ("Violence against civilians", "Attack")),
        ("attack", REBELS, STATE, False, ("Battles", "Armed clash")),
        ("attack", REBELS, None, False, ("Battles", "Armed clash")),
        ("attack", RIOTERS, STATE, False, ("Riots", "Violent demonstration")),
        ("clash", STATE, RIOTERS, False, ("Riots", "Violent demonstration")),
        ("clash", STATE, REBELS, False, ("Battles", "Armed clash")),
    ],
)
def test_type_by_sides(category: str, a1: Actor | None, a2: Actor | None, fighting: bool,
                       expected: tuple[str, str]) -> None:
    default = {"territory": ("Battles", "Non-state actor overtakes territory"),
               "control": ("Strategic developments", "Non-violent transfer of territory"),
               "clash": ("Battles", "Armed clash"), "attack": ("Battles", "Armed clash"),
               }.get(category, ("Violence against civilians", "Attack"))
    methods: list[str] = []
    typed = type_by_sides(category, default, 0.8, _role(a1, "actor1"), _role(a2, "actor2"), fighting, methods)
    assert (typed.event_type, typed.sub_event_type) == expected
    assert typed.confidence == 0.8
    assert ("control+fighting" in methods) == (category == "control" and fighting)


def _mention(start: int, name: str, code: str, a1: str, a2: str | None = None, country: str = "AF",
             gid: int = 0) -> PlaceMention:
    return PlaceMention(Span(start, start + len(name), name),
                        Place(name, gid, code, country, "P", a1, "D" if a2 else None, a2))


def test_own_places_drop_the_units_that_only_locate_another_place() -> None:
    country = _mention(0, "Land", "PCLI", None, country="AF")  # type: ignore[arg-type]
    province = _mention(10, "Prov", "ADM1", "AF.03", gid=1)
    district = _mention(20, "Dist", "ADM2", "AF.03", "AF.03.1306", gid=2)
    town = _mention(30, "Town", "PPL", "AF.03", "AF.03.1306", gid=3)
    other = _mention(40, "Far", "PPL", "AF.05", "AF.05.0501", gid=4)
    assert own_places([country, province, district, town]) == [town]
    assert own_places([province, other]) == [province, other]  # a province beside a place outside it is a place
    assert own_places([district]) == [district]


def test_distinct_places_keep_the_first_mention_of_a_place() -> None:
    a = _mention(0, "Town", "PPL", "AF.03", "AF.03.1306", gid=3)
    again = _mention(50, "Town", "PPL", "AF.03", "AF.03.1306", gid=3)
    b = _mention(20, "Other", "PPL", "AF.03", "AF.03.1306", gid=9)
    assert distinct_places([a, b, again]) == [a, b]


class _Event:
    def __init__(self, document: Document) -> None:
        self.document = document


@pytest.mark.parametrize(
    ("borrowed", "places", "how", "expected"),
    [(False, True, "clause", 0.8), (True, True, "clause", 0.65), (False, False, "clause", 0.7),
     (False, True, "sentence", 0.77), (False, True, "report", 0.74), (True, False, "clause", 0.55)],
)
def test_shared_confidence(borrowed: bool, places: bool, how: str, expected: float) -> None:
    steps = SharedSteps()
    event = _Event(Document("d", "x", "test", "text", published=date(2021, 8, 20)))
    mention = [_mention(0, "Town", "PPL", "AF.03", "AF.03.1306")] if places else []
    conf = steps.confidence(event, Typed("Battles", "Armed clash", 0.8), Sides(None, None, borrowed), mention, how)
    assert conf == pytest.approx(expected)


def test_both_language_extractors_take_the_shared_steps() -> None:
    # One rule for both: neither language may answer confidence or per-place claims its own way.
    for cls in (Extractor, PersianExtractor):
        assert issubclass(cls, SharedSteps)
        assert cls.confidence is SharedSteps.confidence and cls.per_place is SharedSteps.per_place
