"""Control, issue 16 (docs/control.md), session 10 (control11): changes of hands told on real news text. The one a
passive verb names does the infinitive that complements it ("were allowed to take X"); a taking told as a perfect
infinitive ("are reported to have seized X") happened; a castle or fort taken is a position taken; control or charge
of a place "assumed" is a taking. Invented places and sentences."""

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


# --- the infinitive of a passive verb -------------------------------------------------------------------------------


def test_the_one_a_passive_verb_names_does_its_infinitive(claims_of) -> None:
    text = "Army troops were allowed to take the district centre of Mervant on Friday, a police officer said."
    claims = claims_of(text, ["Mervant"])
    taken = [c for c in _territorial(claims) if c.control_change is None]
    assert [c.actor("actor1").inter if c.actor("actor1") else None for c in taken] == [1]
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"]
    # an order is no act: its infinitive did not happen
    order = "Taliban fighters were ordered to seize the district centre of Mervant before the winter."
    assert not _territorial(claims_of(order, ["Mervant"]))


# --- a perfect infinitive -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Taliban fighters are reported to have seized the district centre of Mervant on Thursday night.",
    "The Taliban were believed to have captured the district centre of Mervant by Sunday morning.",
])
def test_a_taking_told_as_a_perfect_infinitive_happened(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.actor("actor1") is not None and taken.actor("actor1").name == "Taliban", text
    assert ("Taliban", "held") in _steps(claims, text)


    # hoped for, not shown, or the side's own claim: no taking read from the infinitive
    for other in ("Taliban commanders hope to have seized the district centre of Mervant before the spring.",
                  "The Taliban could not be shown to have captured the district centre of Mervant, officials said.",
                  "Taliban fighters claim to have seized the district centre of Mervant"):
        assert ("Taliban", "held") not in _steps(claims_of(other, ["Mervant"]), other), other


# --- a castle or fort -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Tribal fighters pushed east of Mervant overnight and have taken the control of an old castle.",
    "Militia fighters took control of the ancient citadel of Mervant after a day of heavy fighting.",
])
def test_a_castle_or_fort_taken_is_a_position_never_the_district(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.scope in {"post", "village"}, text
    steps = _steps(claims, text)
    assert any(status == "contested" for _, status in steps), text
    assert not any(status == "held" for _, status in steps), text


# --- charge assumed -------------------------------------------------------------------------------------------------


def test_charge_of_a_place_assumed_is_a_taking(claims_of) -> None:
    text = "Army units assumed charge of the town of Mervant on Monday after the militants had fled."
    claims = claims_of(text, ["Mervant"])
    [taken] = _territorial(claims)
    assert taken.sub_event_type == "Government regains territory"
    assert [h for h, status in _steps(claims, text) if status == "held"] == ["State forces"]
    # a command or an office assumed is no ground taken
    for other in ("The new general assumed charge of the brigade in Mervant on Monday.",
                  "A new governor assumed charge of the office in Mervant on Monday."):
        assert not _territorial(claims_of(other, ["Mervant"])), other


# --- the ground a taking is placed by -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("Government troops took a hamlet in the countryside of Homs on Monday after a week of shelling.", "Homs"),
    ("Rebel fighters captured an army base 30 miles from Herat on Monday, residents said.", "Herat"),
])
def test_a_city_the_taking_is_placed_by_is_a_place_whatever_the_model_read(geoparser, nlp, text: str,
                                                                           name: str) -> None:
    assert name in {m.text for m in geoparser.recognize(text, nlp(text))}, text
    # a person's name after the same words stays no place
    other = "Rebel fighters captured an army base 30 miles from Abubakar Hassan's farm on Monday."
    assert not {m.text for m in geoparser.recognize(other, nlp(other))} & {"Abubakar Hassan", "Hassan"}


# --- a road named by the towns it joins -----------------------------------------------------------------------------


def test_a_road_named_by_a_town_is_taken_not_the_town(claims_of) -> None:
    text = "Army troops seized control of the main Mervant-Dalbek highway on Tuesday after the rebels fled."
    claims = claims_of(text, ["Mervant", "Dalbek"])
    [taken] = [c for c in _territorial(claims) if c.control_change is None]
    assert taken.scope == "post"
    steps = _steps(claims, text)
    assert any(status == "contested" for _, status in steps) and not any(status == "held" for _, status in steps)


# --- the loss a recapture reverses ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Taliban fighters recaptured the district centre of Mervant on Friday, hours after it was seized by army troops.",
    "Taliban fighters retook the district centre of Mervant, two days after army commandos had captured it.",
])
def test_the_loss_a_recapture_reverses_was_before_it(claims_of, text: str) -> None:
    claims = claims_of(text, ["Mervant"])
    assert [c.actor("actor1").name for c in _territorial(claims) if c.actor("actor1")] == ["Taliban"], text
    assert _steps(claims, text)[-1] == ("Taliban", "held"), text
    # a taking of something else after which the town was retaken stays its own
    other = "Taliban fighters recaptured the district centre of Mervant after they seized two army posts nearby."
    assert len(_territorial(claims_of(other, ["Mervant"]))) == 2
