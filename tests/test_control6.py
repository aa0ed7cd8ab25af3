"""Control, issue 16 (docs/control.md), session 6: what real news says after a taking. "The fall of the regime" is
no place falling; a withdrawal told after the taking ("took X after Y pulled out") names the side that left, not
the taker; a part taken after the whole was entered ("entered the town and took parts of it") is an area of it, also
when the leaver's withdrawal is fused into the taking. Invented sentences; the gazetteer's real places where a place
must resolve."""

from __future__ import annotations

import pytest

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.gazetteer import report

TERRITORY = ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory")


def _taken(claims):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.sub_event_type in TERRITORY and c.control_change is None]


# --- "the fall of X": X a place -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Crowds in Korvalo marched on Friday, demanding the fall of the regime.",
    "Students in Korvalo chanted for the fall of the government until police dispersed them.",
])
def test_the_fall_of_a_regime_or_government_is_no_taking(claims_of, text: str) -> None:
    assert not _taken(claims_of(text, ["Korvalo"])), text
    # the fall of a place still is one
    place = "The fall of the town of Korvalo to the rebels came after a week of siege."
    assert _taken(claims_of(place, ["Korvalo"])), place


# --- "took X after Y pulled out": Y left, it did not take ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Clan fighters seized the town of Korvalo late on Monday after al-Shabaab militants pulled out.",
    "Local defence units took control of the town of Korvalo once the Taliban had withdrawn.",
])
def test_the_side_named_in_a_withdrawal_after_the_taking_is_not_its_taker(claims_of, text: str) -> None:
    [c] = _taken(claims_of(text, ["Korvalo"]))
    leaver = "al-Shabaab" if "Shabaab" in text else "Taliban"
    a1, a2 = c.actor("actor1"), c.actor("actor2")
    assert a1 is None or a1.name != leaver, text
    assert a2 is not None and a2.name == leaver, text
    # the side just before the withdrawal word left; a taker named in the taking's own clause keeps it
    kept = "The Taliban captured the town of Korvalo after government troops retreated overnight."
    [k] = _taken(claims_of(kept, ["Korvalo"]))
    assert (a := k.actor("actor1")) is not None and a.name == "Taliban", kept


# --- "entered the town and took parts of it": an area of it ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Rebel fighters entered the town of Korvalo before dawn and took control of parts of it.",
    "Insurgents stormed the city of Korvalo and seized several neighbourhoods of the city by noon.",
])
def test_a_part_taken_after_the_whole_was_entered_is_an_area_of_it(claims_of, text: str) -> None:
    taken = _taken(claims_of(text, ["Korvalo"]))
    assert taken, text
    assert all(c.scope == "village" for c in taken), text
    whole = "Rebel fighters entered the town of Korvalo before dawn and took control of it."
    assert {c.scope for c in _taken(claims_of(whole, ["Korvalo"]))} == {"centre"}, whole


def test_parts_taken_after_the_holder_withdrew_contest_the_district_not_hold_it(pipeline) -> None:
    """A withdrawal fused into the taking does not give the event the town's scope: what was taken is the part."""
    from frontwatch.fuse import fuse

    text = ("Rebel fighters entered the town of Kidal on Sunday and took control of parts of it after army units "
            "pulled out.")
    out = list(pipeline.process([report(text, "Mali")]))
    claims = [c for _, cs in out for c in cs if c.event_type != NOT_AN_EVENT]
    assert any(c.control_change == "withdrawn" for c in claims)
    fused = fuse(claims, {d.document_id: d for d, _ in out})
    taking = [e for e in fused.events if e.sub_event_type in TERRITORY]
    assert taking and all(e.scope == "village" for e in taking)
    assert not [s for s in fused.control if str(s.status) == "held"]
    assert [s for s in fused.control if str(s.status) == "contested"]
