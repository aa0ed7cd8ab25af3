"""Control, issue 16 (docs/control.md), session 9: more ways real news tells a change of hands. A taking told as what
a withdrawal "allowed" or "enabled" a side to do, or what a side "managed" to do, happened; a place left "in the
hands of" a side was given up to it (fused with the withdrawal, that side holds it); a place "controlled" told as a
change ("have controlled the town of X", "by controlling the area") was taken, a place controlled for years was not.
Invented places and sentences."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from frontwatch.fuse import ControlRules, fuse
from frontwatch.fuse.control import Admin2Units
from frontwatch.model import Document, Place, PlaceMention, Span, document_id_for

TERRITORY = ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory")
TRANSFER = "Non-violent transfer of territory"
KORVALO = Place("Korvalo", 1, "PPLA2", "AF", "Tavor", "AF.99", "Korvalo", "AF.99.01", 35.0, 69.0, 1)


def _territorial(claims):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.sub_event_type in TERRITORY]


def _placed(c, place: Place = KORVALO):  # type: ignore[no-untyped-def]
    """The claim placed at `place` (the invented town the gazetteer lacks), whatever its sentence linked."""
    mentions = c.places or (PlaceMention(Span(0, 7, "Korvalo"), None),)
    return dataclasses.replace(c, places=tuple(dataclasses.replace(m, place=place) for m in mentions))


def _held(claims, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The sides holding a district after the report's claims (placed at Korvalo) are fused."""
    report = Document(document_id_for(text), text, "t.txt", "text", publisher="example.org", published=None)
    placed = [_placed(c) for c in claims]
    result = fuse(placed, {report.document_id: report}, rules=ControlRules(decay_days=0))
    return {s.holder.name for s in result.control if s.level == 2 and s.holder and str(s.status) == "held"}


# --- a taking a withdrawal allowed, or a side managed -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The soldiers pulled out of the town of Korvalo, which allowed the Taliban to seize it without a fight.",
    "Police retreated from Korvalo on Sunday, enabling the Taliban to capture the town.",
    "After two days of fighting the Taliban managed to capture the town of Korvalo.",
])
def test_a_taking_a_withdrawal_allowed_or_a_side_managed_happened(claims_of, text: str) -> None:
    taken = [c for c in _territorial(claims_of(text, ["Korvalo"])) if c.control_change is None]
    assert taken, text
    assert "Taliban" in _held(claims_of(text, ["Korvalo"]), text), text
    # only permitted, planned, refused or vowed: no taking happened
    for other in ("The elders plan to allow the Taliban to take the town of Korvalo next month.",
                  "The army did not allow the Taliban to seize the town of Korvalo.",
                  "The Taliban vowed to capture the town of Korvalo."):
        assert not [c for c in _territorial(claims_of(other, ["Korvalo"])) if c.control_change is None], other


# --- a place left in the hands of a side --------------------------------------------------------------------------


def test_a_place_left_in_the_hands_of_a_side_is_given_up_to_it(claims_of) -> None:
    text = "Army units withdrew from the town of Korvalo on Sunday, leaving it entirely in the hands of the Taliban."
    claims = claims_of(text, ["Korvalo"])
    [given] = [c for c in claims if c.control_change == "handed over"]
    assert given.sub_event_type == TRANSFER
    assert given.actor("actor1") is not None and given.actor("actor1").name == "Taliban"
    assert given.actor("actor2") is not None and given.actor("actor2").inter == 1  # the army gave it up
    # fused with the army's withdrawal, the town is the Taliban's, not back to unknown
    assert _held(claims, text) == {"Taliban"}
    # a matter left in the hands of a court gives up no place
    assert not _territorial(claims_of("The governor of Korvalo left the dispute in the hands of the courts on Sunday.",
                                      ["Korvalo"]))


# --- a place controlled, told as a change --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Government troops have controlled the town of Korvalo after the Taliban withdrew from it.",
    "The army scored a victory on Sunday by controlling the entire town of Korvalo.",
])
def test_a_place_controlled_told_as_a_change_was_taken(claims_of, text: str) -> None:
    taken = [c for c in _territorial(claims_of(text, ["Korvalo"])) if c.control_change is None]
    assert taken and all(c.actor("actor1") is not None and c.actor("actor1").inter == 1 for c in taken), text
    assert _held(claims_of(text, ["Korvalo"]), text), text
    # a place held for years, a crowd or a situation controlled: no taking
    for other in ("The Taliban have controlled the town of Korvalo since 2019, residents said.",
                  "The militants controlled the town of Korvalo for years.",
                  "Police controlled the crowd in Korvalo with tear gas.",
                  "Troops have controlled the situation in Korvalo, the army said."):
        assert not _territorial(claims_of(other, ["Korvalo"])), other


# --- control assumed, restored, extended or imposed; a place held after the other side fled ------------------------


@pytest.mark.parametrize(("text", "inter"), [
    ("The Taliban assumed control of Korvalo district on Sunday after a night of fighting.", 2),
    ("Afghan forces restored control over Korvalo district on Sunday.", 1),
    ("The Taliban extended their control over Korvalo district on Sunday.", 2),
    ("The Taliban imposed their control on Korvalo district on Sunday.", 2),
    ("The Taliban now hold Korvalo district after government forces fled on Sunday.", 2),
])
def test_control_assumed_restored_extended_or_held_after_a_flight_is_a_taking(claims_of, text: str, inter: int) -> None:
    taken = [c for c in _territorial(claims_of(text, ["Korvalo"])) if c.control_change is None]
    assert taken and taken[0].actor("actor1") is not None and taken[0].actor("actor1").inter == inter, text
    assert taken[0].scope == "district", text
    # office assumed, order restored: no ground
    for other in ("The new governor of Korvalo assumed office on Sunday.",
                  "Police restored order in Korvalo on Sunday after the riots.",
                  "The government extended the curfew in Korvalo district as troops deployed.",
                  "The Taliban now hold talks with elders in Korvalo after government forces withdrew."):
        assert not _territorial(claims_of(other, ["Korvalo"])), other


def test_posts_evacuated_by_an_armed_side_are_a_withdrawal_civilians_evacuated_are_not(claims_of) -> None:
    text = "Afghan forces evacuated their posts in Korvalo district on Sunday."
    [left] = [c for c in claims_of(text, ["Korvalo"]) if c.control_change == "withdrawn"]
    assert left.actor("actor1") is not None and left.actor("actor1").inter == 1 and left.scope == "post"
    for other in ("Troops evacuated dozens of civilians from Korvalo on Sunday as fighting raged.",
                  "The army evacuated the wounded soldiers from Korvalo on Sunday."):
        assert not [c for c in claims_of(other, ["Korvalo"]) if c.control_change == "withdrawn"], other


# --- a named town the gazetteer lacks, placed only by its province ------------------------------------------------


def _read(pipeline, text: str):  # type: ignore[no-untyped-def]
    """The whole pipeline's territory claims (places resolved in the gazetteer) of a report with no country given."""
    report = Document(document_id_for(text), text, "t.txt", "text", publisher="example.org",
                      published=date(2021, 6, 7))
    [(_, found)] = list(pipeline.process([report]))
    return report, [c for c in _territorial(found or []) if c.control_change is None]


@pytest.mark.parametrize("text", [
    "Al-Shabaab fighters captured the coastal town of Qorvaleh in Lower Juba region on Sunday.",
    "Government forces took full control of Qorvaleh town, in the southern province of Lower Juba, on Sunday.",
])
def test_a_named_town_the_gazetteer_lacks_contests_its_province_never_holds_it(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    report, found = _read(pipeline, text)
    assert found, text
    for taken in found:
        place = taken.place
        assert place is not None and place.name == "Qorvaleh" and place.feature_code == "PPL", text
        assert place.admin1 == "Lower Juba" and place.gazetteer_id is None, text
    states = fuse(found, {report.document_id: report}, rules=ControlRules(decay_days=0)).control
    moved = {(s.level, str(s.status)) for s in states if str(s.status) != "unknown"}
    assert moved == {(1, "contested")}, text  # somewhere in the province: contested, not held
    # a named town the gazetteer holds stays the gazetteer's
    _, kept = _read(pipeline, "Al-Shabaab fighters captured the town of Kismayo in Lower Juba region on Sunday.")
    assert kept and all(c.place is not None and c.place.gazetteer_id is not None for c in kept)
    # nor a name its clause resolved, in a claim of its own (the gazetteer holds the district in a neighbouring
    # province): the province named beside it gets no unlisted town
    _, kept = _read(pipeline, "Taliban fighters overran the Ghormach district centre in Faryab province on Sunday.")
    assert kept and all(c.place is not None and c.place.gazetteer_id is not None for c in kept)


def test_a_town_the_gazetteer_lacks_gets_a_district_by_its_name_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_control4 import _units_db

    units = Admin2Units(_units_db(tmp_path / "g.sqlite"))
    # the province's point stands for it (no gazetteer id): no nearest district, however near that point lies
    unlisted = Place("Sarband", None, "PPL", "XX", "Tavor", "XX.01", None, None, 10.9, 41.1, 3)
    assert units(unlisted) is None
    assert units(dataclasses.replace(unlisted, gazetteer_id=10)) == ("XX.01.8", "Mirzan")
    # named as a district of its province: that district
    assert units(dataclasses.replace(unlisted, name="Korvalo")) == ("XX.01.7", "Korvalo District")
