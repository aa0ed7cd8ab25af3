"""Control, issue 16 (docs/control.md), session 5: more ways of telling a taking ("took the town of X", "took X from
Y", "lost X to Y"), the side a place was lost to as its taker, and a recapture by no side named from an armed group
as the state's. Invented sentences; the gazetteer's real places where a place must resolve."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontwatch.fuse.control import Admin2Units
from frontwatch.model import NOT_AN_EVENT, Place
from tests.fixtures.gazetteer import report

TAKE = "Non-state actor overtakes territory"
REGAIN = "Government regains territory"
TERRITORY = (TAKE, REGAIN, "Non-violent transfer of territory")


def _taken(claims):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.sub_event_type in TERRITORY and c.control_change is None]


# --- "take" with what was taken ------------------------------------------------------------------------------------


_NOT_TAKEN_WITH_TAKE = (
    "Gunmen took Jomo Kariuki from Korvalo and freed him a day later.",  # a person, not a place
    "Gunmen took three herders from Korvalo and released them a day later.",
    "Police took the injured from Korvalo to a hospital.",
    "Raiders took forty goats from Korvalo at night.",
    "Soldiers took part in a parade in Korvalo.",
)


@pytest.mark.parametrize(("text", "scope"), [
    ("Rebel fighters took the town of Korvalo on Friday after a short battle.", "centre"),
    ("The militants took Korvalo district headquarters at dawn.", "centre"),
])
def test_a_place_taken_with_take_is_a_taking_and_people_or_goods_taken_are_not(claims_of, text: str,
                                                                              scope: str | None) -> None:
    found = _taken(claims_of(text, ["Korvalo"]))
    assert found, text
    assert found[0].scope == scope, text
    assert [m.span.text for m in found[0].places] == ["Korvalo"], text
    for other in _NOT_TAKEN_WITH_TAKE:  # "take" with no ground taken, or with a part, stays no taking
        assert not _taken(claims_of(other, ["Korvalo"])), other


# --- "lost X to Y": the side after "to" took it ----------------------------------------------------------------------


def test_a_place_lost_to_a_side_is_taken_by_that_side(pipeline) -> None:
    text = "Government forces lost control of Khakrez district centre to the Taliban after two days of heavy fighting."
    [(_, claims)] = list(pipeline.process([report(text, "Afghanistan")]))
    [c] = _taken(c for c in claims if c.event_type != NOT_AN_EVENT)
    a1, a2 = c.actor("actor1"), c.actor("actor2")
    assert a1 is not None and a1.name == "Taliban"
    assert a2 is not None and a2.inter == 1  # the side that lost it
    assert c.sub_event_type == TAKE and c.scope == "centre"
    assert c.place is not None and c.place.admin2_code is not None


def test_a_place_said_lost_to_a_side_in_the_passive_is_that_sides_and_a_life_or_seat_lost_is_no_taking(
        claims_of) -> None:
    [c] = _taken(claims_of("Korvalo district was lost to the rebels on Monday.", ["Korvalo"]))
    a1 = c.actor("actor1")
    assert a1 is not None and a1.name != "State forces" and a1.inter != 1
    assert c.scope == "district"
    for text in ("The candidate lost the seat of Korvalo to a rival.",
                 "The army lost control of a lorry to the rebels near Korvalo.",  # control of no place
                 "A soldier lost his life to the rebels near Korvalo.",
                 "Commandos flew to Korvalo to win back the areas lost to the rebels."):  # ground lost before
        assert not _taken(claims_of(text, ["Korvalo"])), text


# --- a recapture by no side named, from an armed group -----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Khakrez district centre was retaken from the Taliban on Tuesday.",
    "Unnamed units regained control over Khakrez district after an operation against the Taliban.",
])
def test_a_recapture_from_an_armed_group_by_no_one_named_is_the_states(pipeline, text: str) -> None:
    [(_, claims)] = list(pipeline.process([report(text, "Afghanistan")]))
    [c] = _taken(c for c in claims if c.event_type != NOT_AN_EVENT)
    a1, a2 = c.actor("actor1"), c.actor("actor2")
    assert a1 is not None and a1.inter == 1 and "Afghanistan" in a1.name, text
    assert a2 is not None and a2.name == "Taliban", text
    assert c.sub_event_type == REGAIN, text


def test_a_recapture_by_a_named_side_keeps_its_taker(pipeline) -> None:
    """A named taker stands; the state's forces take a recapture only where no side is named."""
    text = "Al Shabaab fighters retook the town of Beledweyne from government troops on Friday."
    [(_, claims)] = list(pipeline.process([report(text, "Somalia")]))
    [c] = _taken(c for c in claims if c.event_type != NOT_AN_EVENT)
    a1 = c.actor("actor1")
    assert a1 is not None and a1.name == "al-Shabaab"
    unnamed = "Beledweyne was retaken from al-Shabaab on Friday."
    [(_, claims)] = list(pipeline.process([report(unnamed, "Somalia")]))
    [c] = _taken(c for c in claims if c.event_type != NOT_AN_EVENT)
    a1 = c.actor("actor1")
    assert a1 is not None and a1.inter == 1 and "Somalia" in a1.name


# --- a place that collapsed, came under a side's control, or a side forced out -----------------------------------


@pytest.mark.parametrize(("text", "scope", "taker"), [
    ("Korvalo district collapsed to the rebels late on Monday.", "district", "Rebels"),
    ("Korvalo district came under rebel control on Sunday.", "district", None),
    ("The town of Korvalo came under the control of the rebels after a long siege.", "centre", "Rebels"),
])
def test_a_place_that_collapsed_or_came_under_a_sides_control_was_taken(claims_of, text: str, scope: str,
                                                                       taker: str | None) -> None:
    found = _taken(claims_of(text, ["Korvalo"]))
    assert found, text
    assert found[0].scope == scope, text
    a1 = found[0].actor("actor1")
    assert a1 is None or a1.inter != 1, text  # never the state's
    if taker is not None:
        assert a1 is not None and a1.name == taker, text
    officer = "Korvalo town came under the control of a new mayor named by the regional government."
    assert all(c.actor("actor1") is None for c in _taken(claims_of(officer, ["Korvalo"]))), officer
    for other in ("A convoy came under fire near Korvalo as soldiers fought to regain control of the road.",
                  "A school building in Korvalo collapsed after heavy rain.",
                  "Talks on Korvalo collapsed on Monday."):
        assert not _taken(claims_of(other, ["Korvalo"])), other


def test_an_armed_side_forced_out_of_a_place_lost_it(claims_of) -> None:
    [c] = _taken(claims_of("The rebels forced government soldiers out of the Korvalo district headquarters.",
                           ["Korvalo"]))
    a1, a2 = c.actor("actor1"), c.actor("actor2")
    assert a1 is not None and a1.name == "Rebels"
    assert a2 is not None and a2.inter == 1
    assert c.scope == "centre"
    assert not _taken(claims_of("Police forced the hawkers out of the market in Korvalo.", ["Korvalo"]))


# --- a joint taking: the country's own forces first ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Wagner mercenaries and Malian soldiers seized the town of Niono from the jihadists.",
    "Chadian and Malian troops recaptured the town of Niono from the jihadists on Sunday.",
])
def test_a_joint_taking_with_the_countrys_own_forces_is_the_states(pipeline, text: str) -> None:
    [(_, claims)] = list(pipeline.process([report(text, "Mali")]))
    [c] = _taken(c for c in claims if c.event_type != NOT_AN_EVENT)
    a1 = c.actor("actor1")
    assert a1 is not None and a1.name == "Military Forces of Mali", text
    assert c.sub_event_type == REGAIN, text
    # foreign troops alone, or with the country's forces only named in another clause, stay the taker
    alone = "After Malian soldiers withdrew, Chadian troops took the town of Niono."
    [(_, claims)] = list(pipeline.process([report(alone, "Mali")]))
    takers = [c.actor("actor1") for c in _taken(c for c in claims if c.event_type != NOT_AN_EVENT)]
    assert takers and all(a is not None and a.name == "Military Forces of Chad" for a in takers)


# --- a town named after its district, the district's name with the country's word for it -------------------------


def test_a_town_gets_the_district_named_after_it_with_the_word_for_a_district(tmp_path: Path) -> None:
    """GeoNames names many admin2 units with the country's word for them ("Cercle de X", "X Cercle", "Degmada X"):
    the town X is their seat, whatever the distance to the unit's point (often far, or not at the seat)."""
    path = tmp_path / "g.sqlite"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature_class TEXT, feature_code TEXT,
          country TEXT, admin1_code TEXT, admin2_code TEXT, lat REAL, lon REAL, population INTEGER DEFAULT 0);
        CREATE TABLE admin_units (code TEXT PRIMARY KEY, level INTEGER NOT NULL, name TEXT NOT NULL, place_id INTEGER);
        INSERT INTO places VALUES (1, 'Cercle de Korvalo', 'A', 'ADM2', 'XX', 'XX.01', 'XX.01.7', 10.0, 40.0, 0);
        INSERT INTO places VALUES (2, 'Mirzan Cercle', 'A', 'ADM2', 'XX', 'XX.01', 'XX.01.8', 11.0, 41.0, 0);
        INSERT INTO places VALUES (3, 'Degmada Sarband', 'A', 'ADM2', 'XX', 'XX.01', 'XX.01.9', 12.0, 42.0, 0);
        INSERT INTO admin_units VALUES ('XX.01.7', 2, 'Cercle de Korvalo', 1);
        INSERT INTO admin_units VALUES ('XX.01.8', 2, 'Mirzan Cercle', 2);
        INSERT INTO admin_units VALUES ('XX.01.9', 2, 'Degmada Sarband', 3);
    """)
    db.commit()
    db.close()
    units = Admin2Units(path)

    def town(name: str) -> Place:  # about 100 km from every unit's point, nearer Mirzan's
        return Place(name, 9, "PPLA2", "XX", "Tavor", "XX.01", None, None, 11.6, 40.4, 1)

    assert units(town("Korvalo")) == ("XX.01.7", "Cercle de Korvalo")
    assert units(town("Mirzan")) == ("XX.01.8", "Mirzan Cercle")
    assert units(town("Sarband")) == ("XX.01.9", "Degmada Sarband")
    assert units(town("Tuluk")) is None  # no unit of its name, none within reach


# --- a country's forces by their acronyms ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "country", "force"), [
    ("ANSF recaptured Khakrez district centre after a two-day operation. Seven Taliban were killed.", "Afghanistan",
     "Military Forces of Afghanistan"),
    ("ANDSF units took back Khakrez district on Friday; four Taliban fighters died.", "Afghanistan",
     "Military Forces of Afghanistan"),
    ("FAMa retook the town of Niono from the jihadists on Monday.", "Mali", "Military Forces of Mali"),
])
def test_a_taking_by_a_countrys_forces_named_by_acronym_is_the_states(pipeline, text: str, country: str,
                                                                      force: str) -> None:
    """Not the one armed group the report names elsewhere (the taker of a taking by no side named)."""
    [(_, claims)] = list(pipeline.process([report(text, country)]))
    found = _taken(c for c in claims if c.event_type != NOT_AN_EVENT)
    assert found, text
    a1 = found[0].actor("actor1")
    assert a1 is not None and a1.name == force, text
    assert found[0].sub_event_type == REGAIN, text


# --- a place given up with no receiver after "to" ------------------------------------------------------------------


def test_a_place_given_up_went_to_the_one_armed_group_its_sentence_names(pipeline) -> None:
    text = "Taliban fighters now hold Khakrez district after the police surrendered the district headquarters."
    [(_, claims)] = list(pipeline.process([report(text, "Afghanistan")]))
    given = [c for c in claims if c.control_change == "handed over" and c.event_type != NOT_AN_EVENT]
    assert given
    a1, a2 = given[0].actor("actor1"), given[0].actor("actor2")
    assert a1 is not None and a1.name == "Taliban"
    assert a2 is not None and a2.inter == 1
    # no group named, or two: who received it is not said
    for other in ("The police surrendered the Khakrez district headquarters on Monday.",
                  "Officials surrendered Khakrez district headquarters once Taliban and Daesh fighters ringed it.",
                  "Clerks surrendered the district payroll files after Taliban threats in Khakrez."):
        [(_, claims)] = list(pipeline.process([report(other, "Afghanistan")]))
        given = [c for c in claims if c.control_change == "handed over" and c.event_type != NOT_AN_EVENT]
        assert given and all(c.actor("actor1") is None for c in given), other


# --- a tally of takings ----------------------------------------------------------------------------------------------


def test_a_tally_of_takings_is_placed_nowhere_by_a_name_of_another_sentence(pipeline) -> None:
    """ "have taken eight provincial capitals in a week" after a sentence naming the capital city: no holding of
    that city's province, whichever verb tells the tally."""
    from frontwatch.fuse import fuse

    for verb in ("taken", "captured"):
        text = ("The road runs from Kabul to the north. The rebels have " + verb + " eight provincial capitals in less "
                "than a week.")
        out = list(pipeline.process([report(text, "Afghanistan")]))
        taken = _taken(c for _, claims in out for c in claims if c.event_type != NOT_AN_EVENT)
        assert taken and all(not c.places for c in taken), text
        fused = fuse([c for _, claims in out for c in claims], {d.document_id: d for d, _ in out})
        assert not [s for s in fused.control if str(s.status) == "held"], text
