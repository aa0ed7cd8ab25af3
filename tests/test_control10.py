"""Control, issue 16 (docs/control.md), session 9 (control10): more ways of telling a change of hands. Command of a
place "taken charge of" is a taking, not a charge laid by a court; a side "driven from" a place lost it to the side
that drove it; an armed side "leaving" a town or its stronghold withdrew from it. Invented places and sentences."""

from __future__ import annotations

import dataclasses

import pytest

from frontwatch.fuse import ControlRules, fuse
from frontwatch.model import Document, Place, PlaceMention, Span, document_id_for

TERRITORY = ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory")
MERVANT = Place("Mervant", 1, "PPLA2", "AF", "Tavor", "AF.99", "Mervant", "AF.99.01", 35.0, 69.0, 1)


def _territorial(claims):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.sub_event_type in TERRITORY]


def _placed(c):  # type: ignore[no-untyped-def]
    """The claim placed at Mervant (the invented town the gazetteer lacks), whatever its sentence linked."""
    mentions = c.places or (PlaceMention(Span(0, 7, "Mervant"), None),)
    return dataclasses.replace(c, places=tuple(dataclasses.replace(m, place=MERVANT) for m in mentions))


def _steps(claims, text: str) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    """The district's control steps (holder, status) after the report's claims (placed at Mervant) are fused."""
    report = Document(document_id_for(text), text, "t.txt", "text", publisher="example.org", published=None)
    result = fuse([_placed(c) for c in claims], {report.document_id: report}, rules=ControlRules(decay_days=0))
    return [(s.holder.name if s.holder else None, str(s.status)) for s in result.control if s.level == 2]


# --- command taken -------------------------------------------------------------------------------------------------


def test_a_place_taken_charge_of_is_taken_not_a_charge_laid(claims_of) -> None:
    text = "Taliban fighters took charge of the district centre of Mervant late on Friday."
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.scope == "centre"
    assert ("Taliban", "held") in _steps(claims, text)
    # a charge laid by a court is still no taking
    assert not _territorial(claims_of("A court in Mervant charged two men with theft on Friday.", ["Mervant"]))


# --- driven from a place --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Taliban were driven from the town of Mervant by army troops after a night of fighting.",
    "Army troops drove the insurgents from the town of Mervant after a night of fighting.",
])
def test_a_side_driven_from_a_place_lost_it_to_the_side_that_drove_it(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.sub_event_type == "Government regains territory", text
    assert taken.actor("actor1") is not None and taken.actor("actor1").inter == 1  # the army drove them out
    assert taken.actor("actor2") is not None and taken.actor("actor2").inter != 1
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"]


@pytest.mark.parametrize("text", [
    "Hundreds of families were driven from their homes in Mervant by the militants last week.",
    "The governor drove from the capital to the town of Mervant on Sunday to meet the troops.",
])
def test_people_driven_from_homes_or_a_drive_is_no_taking(claims_of, text: str) -> None:
    assert not _territorial(claims_of(text, ["Mervant"])), text


# --- an armed side leaving a place ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rebel fighters started leaving their final stronghold in the town of Mervant on Monday under a deal.",
    "The militants left the town of Mervant on Monday after elders brokered a truce.",
])
def test_an_armed_side_leaving_a_place_withdrew_from_it(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    left = [c for c in claims if c.control_change == "withdrawn"]
    assert left, text
    assert left[0].scope == "centre"
    assert (None, "unknown") in _steps(claims, text)


@pytest.mark.parametrize("text", [
    "Residents left the town of Mervant on Monday as the militants approached.",
    "The militants stormed the town of Mervant on Monday, leaving four dead.",
])
def test_residents_leaving_or_the_dead_left_behind_are_no_withdrawal(claims_of, text: str) -> None:
    assert not [c for c in claims_of(text, ["Mervant"]) if c.control_change == "withdrawn"], text


# --- a taking the other side left room for, told without fighting ---------------------------------------------------

TRANSFER = "Non-violent transfer of territory"


@pytest.mark.parametrize("text", [
    "The Taliban captured the town of Mervant on Monday after government troops pulled out of it.",
    "Army units withdrew from the town of Mervant and the Taliban seized it without resistance.",
])
def test_a_taking_after_the_other_side_left_without_fighting_is_a_transfer(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = [c for c in _territorial(claims) if c.control_change is None]
    assert taken.sub_event_type == TRANSFER, text
    assert taken.event_type == "Strategic developments"
    assert taken.actor("actor1") is not None and taken.actor("actor1").name == "Taliban"
    assert taken.actor("actor2") is not None and taken.actor("actor2").inter == 1  # the side that left
    assert ("Taliban", "held") in _steps(claims, text)


@pytest.mark.parametrize("text", [
    "The Taliban captured the town of Mervant after fierce clashes, and government troops pulled out of it.",
    "Army troops retook the town of Mervant on Monday after the rebels withdrew under air strikes.",
    "The Taliban captured the town of Mervant on Monday.",
])
def test_a_taking_fought_for_or_with_no_withdrawal_stays_a_taking(claims_of, text: str) -> None:
    taken = [c for c in _territorial(claims_of(text, ["Mervant"])) if c.control_change is None]
    assert taken and all(c.sub_event_type != TRANSFER for c in taken), text


# --- a verb split from its "re-" -------------------------------------------------------------------------------------


def test_control_re_established_is_a_taking_by_its_subject(claims_of) -> None:
    text = "Army troops re-established control over the town of Mervant on Thursday."
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.sub_event_type == "Government regains territory"
    assert taken.actor("actor1") is not None and taken.actor("actor1").inter == 1
    assert taken.scope == "centre"
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"]
    # a split participle of no territory word takes nothing
    assert not _territorial(claims_of("The council of Mervant re-elected its chairman on Thursday.", ["Mervant"]))


# --- a withdrawal a side was forced to make ---------------------------------------------------------------------------


def test_a_side_forced_to_withdraw_withdrew(claims_of) -> None:
    text = "Army troops were forced to pull out of the town of Mervant on Thursday."
    claims = claims_of(text, ["Mervant"])
    [left] = [c for c in claims if c.control_change == "withdrawn"]
    assert left.actor("actor1") is not None and left.actor("actor1").inter == 1  # the army left, not a patient
    # one that only vowed or planned to leave did not
    assert not [c for c in claims_of("Army troops vowed to pull out of the town of Mervant soon.", ["Mervant"])
                if c.control_change == "withdrawn"]
