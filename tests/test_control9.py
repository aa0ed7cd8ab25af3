"""Control, issue 16 (docs/control.md), session 9: more ways real news tells a change of hands. A taking told as what
a withdrawal "allowed" or "enabled" a side to do, or what a side "managed" to do, happened; a place left "in the
hands of" a side was given up to it (fused with the withdrawal, that side holds it); a place "controlled" told as a
change ("have controlled the town of X", "by controlling the area") was taken, a place controlled for years was not.
Invented places and sentences."""

from __future__ import annotations

import dataclasses

import pytest

from frontwatch.fuse import ControlRules, fuse
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
