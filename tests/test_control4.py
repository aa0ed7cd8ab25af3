"""Control, issue 16 (docs/control.md), session 4: a taking told in a relative clause, a fall beside a surrender that
the classifier would make an agreement, more ways of telling a taking ("stormed and held", "cleared of militants",
"caught two posts"), the taker named as "fighters loyal to X" or by a generic word in a report whose sentence names
the group as a doer, a taking denied by a back-reference ("… denied the claim"), and districts outside Afghanistan
from the gazetteer's admin2 units where GeoNames gives a town none. Invented sentences; the gazetteer's real places
where a place must resolve."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from frontwatch.fuse import ControlRules, control_timeline, fuse
from frontwatch.fuse.control import Admin2Units
from frontwatch.model import NOT_AN_EVENT, SUB_EVENT_TYPES, Certainty, Event, EventStatus, Place
from tests.fixtures.gazetteer import report

TAKE = "Non-state actor overtakes territory"
REGAIN = "Government regains territory"
TERRITORY = (TAKE, REGAIN, "Non-violent transfer of territory")


def _taken(claims):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.sub_event_type in TERRITORY and c.control_change is None]


# --- a relative clause carries the taking ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "scope"), [
    ("Militants attacked a checkpoint in Korvalo district, which the militants then occupied.", "post"),
    ("Rebels besieged the district centre of Korvalo, which fell to the rebels after two days of fighting.",
     "centre"),
    ("Rebels shelled the town of Korvalo, which fell to them on Sunday.", "centre"),
])
def test_a_taking_told_in_a_relative_clause_has_the_scope_of_what_the_pronoun_stands_for(claims_of, text: str,
                                                                                        scope: str) -> None:
    found = _taken(claims_of(text, ["Korvalo"]))
    assert found, text
    assert found[0].scope == scope, text
    assert [m.span.text for m in found[0].places] == ["Korvalo"], text


def test_a_relative_clause_that_takes_nothing_is_no_taking(claims_of) -> None:
    for text in ("Militants attacked a checkpoint in Korvalo district, which the army had built in May.",
                 "Rebels shelled the town of Korvalo, which lies on the main road."):
        assert not _taken(claims_of(text, ["Korvalo"])), text


def test_a_relative_clause_places_the_taking_at_the_phrase_it_describes(pipeline) -> None:
    """ "a post in X district of Y province, which …": the district, not the province that only locates it."""
    text = ("Taliban fighters attacked a security post in Nahrin district of Baghlan province, which the Taliban "
            "then occupied on Monday.")
    [(_, claims)] = list(pipeline.process([report(text, "Afghanistan")]))
    [c] = _taken(c for c in claims if c.event_type != NOT_AN_EVENT)
    assert c.place is not None and c.place.admin2_code is not None and c.scope == "post"


# --- a fall beside a surrender ------------------------------------------------------------------------------------


def test_a_place_that_fell_stays_a_change_of_hands_whatever_the_classifier_reads(claims_of, trained,
                                                                                actor_dictionary) -> None:
    """The classifier reads "surrendered" in the sentence as an agreement; the fall of the district it tells is a
    territorial change, which the n-grams may not make an agreement (that moves no control)."""
    from frontwatch.extract import Extractor

    text = "Police in Korvalo district surrendered to the militants and the district fell on Sunday."
    label, prob = trained.predict([text])[0]
    if label in TERRITORY or SUB_EVENT_TYPES.get(label) != "Strategic developments" or prob < 0.5:
        pytest.skip(f"this classifier reads {label}@{prob:.2f}: not a development that could retype the fall")
    found = claims_of(text, ["Korvalo"], ex=Extractor(actor_dictionary, trained))
    fell = [c for c in found if c.trigger is not None and c.trigger.text == "fell"]
    assert fell and fell[0].sub_event_type in TERRITORY


# --- ways of telling a taking --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sub"), [
    ("Militants stormed and held the Korvalo district centre on Sunday.", TAKE),
    ("The Korvalo district centre was cleared of militants by army troops on Sunday.", REGAIN),
    ("Army troops cleared the Korvalo district centre of insurgents on Sunday.", REGAIN),
    ("Rebels caught two army posts by surprise in Korvalo district on Sunday.", TAKE),
])
def test_more_ways_of_telling_a_taking(claims_of, text: str, sub: str) -> None:
    found = _taken(claims_of(text, ["Korvalo"]))
    assert found and found[0].sub_event_type == sub, text


@pytest.mark.parametrize("text", [
    "The official was cleared of corruption charges in Korvalo on Sunday.",
    "Police caught the suspect in Korvalo on Sunday.",
    "Protesters stormed out and held a rally in Korvalo on Sunday.",
])
def test_their_namesakes_take_no_ground(claims_of, text: str) -> None:
    assert not _taken(claims_of(text, ["Korvalo"])), text


# --- who took it ---------------------------------------------------------------------------------------------------


def test_fighters_loyal_to_a_group_are_that_group(claims_of) -> None:
    [c] = _taken(claims_of("Fighters loyal to the Taliban captured the Korvalo district centre on Sunday.",
                           ["Korvalo"]))
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Taliban"


def test_a_generic_taker_is_the_group_its_sentence_names_as_the_doer(claims_of) -> None:
    text = "The Taliban attacked the district centre of Korvalo, which fell to the insurgents after heavy fighting."
    [c] = _taken(claims_of(text, ["Korvalo"]))
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Taliban"
    # named as the side the place was taken from, the group stays the other side
    text = "Resistance fighters retook the Korvalo district centre from the Taliban on Sunday."
    assert all(c.actor("actor1") is None or c.actor("actor1").name != "Taliban"
               for c in _taken(claims_of(text, ["Korvalo"])))


# --- claimed and denied --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The rebels said they captured the Korvalo district centre on Sunday, but the army denied the claim.",
    "Rebels captured the Korvalo district centre on Sunday. Army officials rejected the reports.",
    "Rebels captured the Korvalo district centre on Sunday. Officials said the claims were false.",
])
def test_a_taking_denied_by_a_back_reference_is_contested_not_held(claims_of, text: str) -> None:
    found = _taken(claims_of(text, ["Korvalo"]))
    assert {c.certainty == Certainty.DENIED for c in found} == {True, False}, text
    place = Place("Korvalo", 1, "ADM2", "AF", "Tavor", "AF.99", "Korvalo", "AF.99.01", 35.0, 69.0, 2)
    claims = [c if c.place else _placed(c, place) for c in found]
    result = fuse(claims, {claims[0].document_id: report(text)})
    statuses = {str(s.status) for s in result.control if s.level == 2 and s.status != "unknown"}
    assert statuses == {"contested"}, text


def test_a_taking_confirmed_is_held(claims_of) -> None:
    text = "Rebels captured the Korvalo district centre on Sunday. Army officials confirmed the reports."
    found = _taken(claims_of(text, ["Korvalo"]))
    assert found and all(c.certainty != Certainty.DENIED for c in found)


def _placed(c, place: Place):  # type: ignore[no-untyped-def]
    import dataclasses

    return dataclasses.replace(c, places=tuple(dataclasses.replace(m, place=place) for m in c.places))


# --- districts outside Afghanistan ---------------------------------------------------------------------------------


def _units_db(path: Path) -> Path:
    """A gazetteer's admin units: an invented province with two districts, each with its GeoNames point."""
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature_class TEXT, feature_code TEXT,
          country TEXT, admin1_code TEXT, admin2_code TEXT, lat REAL, lon REAL, population INTEGER DEFAULT 0);
        CREATE TABLE admin_units (code TEXT PRIMARY KEY, level INTEGER NOT NULL, name TEXT NOT NULL, place_id INTEGER);
        INSERT INTO places VALUES (1, 'Tavor', 'A', 'ADM1', 'XX', 'XX.01', NULL, 10.0, 40.0, 0);
        INSERT INTO places VALUES (2, 'Korvalo District', 'A', 'ADM2', 'XX', 'XX.01', 'XX.01.7', 10.0, 40.0, 0);
        INSERT INTO places VALUES (3, 'Mirzan', 'A', 'ADM2', 'XX', 'XX.01', 'XX.01.8', 11.0, 41.0, 0);
        INSERT INTO admin_units VALUES ('XX.01', 1, 'Tavor', 1);
        INSERT INTO admin_units VALUES ('XX.01.7', 2, 'Korvalo District', 2);
        INSERT INTO admin_units VALUES ('XX.01.8', 2, 'Mirzan', 3);
    """)
    db.commit()
    db.close()
    return path


def test_a_town_without_a_district_gets_the_district_named_as_it_or_the_nearest(tmp_path: Path) -> None:
    units = Admin2Units(_units_db(tmp_path / "g.sqlite"))
    town = Place("Korvalo", 9, "PPL", "XX", "Tavor", "XX.01", None, None, 12.0, 43.0, 1)
    assert units(town) == ("XX.01.7", "Korvalo District")  # by name, wherever its point
    near = Place("Sarband", 10, "PPL", "XX", "Tavor", "XX.01", None, None, 10.9, 41.1, 1)
    assert units(near) == ("XX.01.8", "Mirzan")  # ~15 km from Mirzan's point
    far = Place("Sarband", 10, "PPL", "XX", "Tavor", "XX.01", None, None, 12.5, 42.5, 1)
    assert units(far) is None
    # a province or a town the gazetteer already places in a district: nothing to find
    assert units(Place("Tavor", 1, "ADM1", "XX", "Tavor", "XX.01", None, None, 10.0, 40.0, 3)) is None
    assert units(Place("Korvalo", 9, "PPL", "XX", "Tavor", "XX.01", "Korvalo District", "XX.01.7", 10, 40, 1)) is None


def test_such_a_town_taken_moves_its_district_not_its_province(tmp_path: Path) -> None:
    rules = ControlRules(admin2=Admin2Units(_units_db(tmp_path / "g.sqlite")))
    town = Place("Korvalo", 9, "PPLA2", "XX", "Tavor", "XX.01", None, None, 10.05, 40.0, 1)
    day = date(2021, 6, 1)
    from frontwatch.model import Actor

    taken = Event("e1", day, day, day, 1, "Battles", TAKE, Actor("Al Shabaab", 2), None, town,
                  EventStatus.REPORTED, 0.8, claim_ids=("c1",), scope="centre")
    states = control_timeline([taken], rules=rules)
    held = [s for s in states if s.level == 2 and str(s.status) == "held"]
    assert held and held[0].unit_code == "XX.01.7"
    assert not [s for s in states if s.level == 1 and str(s.status) == "held"]  # not the province's capital
    # without the units, the province only (contested), as before
    assert {s.level for s in control_timeline([taken])} == {1}


def test_a_town_named_as_its_province_or_a_seat_found_by_approximation_takes_no_more(tmp_path: Path) -> None:
    """A town bearing its province's name ("a village in X", X also the county) may be the province as the text
    names it: province level, contested, as without the units. An approximated district's seat taken by name holds
    that district, not the province (only "capital" or "province" said takes it)."""
    from frontwatch.model import Actor

    rules = ControlRules(admin2=Admin2Units(_units_db(tmp_path / "g.sqlite")))
    day = date(2021, 6, 1)

    def taken(place: Place, scope: str | None) -> list:  # type: ignore[type-arg]
        e = Event("e1", day, day, day, 1, "Battles", TAKE, Actor("Al Shabaab", 2), None, place,
                  EventStatus.REPORTED, 0.8, claim_ids=("c1",), scope=scope)
        return [(s.level, str(s.status)) for s in control_timeline([e], rules=rules) if str(s.status) != "unknown"]

    namesake = Place("Tavor", 11, "PPLA", "XX", "Tavor", "XX.01", None, None, 10.05, 40.0, 1)
    assert taken(namesake, "village") == [(1, "contested")]
    assert taken(namesake, None) == [(1, "contested")]
    assert taken(namesake, "centre") == [(2, "held")]  # "the town of X": the town, in its district
    seat = Place("Sarband", 12, "PPLA", "XX", "Tavor", "XX.01", None, None, 10.05, 40.0, 1)
    assert taken(seat, None) == [(2, "held")]
    assert sorted(taken(seat, "capital")) == [(1, "held"), (2, "held")]


@pytest.mark.parametrize(("text", "country", "side"), [
    ("Al Shabaab fighters captured the town of Bulo Burde in Hiraan region on Monday.", "Somalia", "al-Shabaab"),
    ("Syrian government forces captured the town of Saraqib in Idlib province on Monday.", "Syria",
     "State forces of Syria"),
])
def test_a_town_taken_outside_afghanistan_moves_a_district(pipeline, gazetteer_path: Path, text: str, country: str,
                                                          side: str) -> None:
    [(d, claims)] = list(pipeline.process([report(text, country)]))
    claims = [c for c in claims or [] if c.event_type != NOT_AN_EVENT and c.sub_event_type]
    rules = ControlRules(admin2=Admin2Units(gazetteer_path))
    result = fuse(claims, {d.document_id: d}, rules=rules)
    held = [s for s in result.control if s.level == 2 and str(s.status) == "held"]
    assert held and held[0].holder is not None and held[0].holder.name == side, text
    assert not [s for s in result.control if s.level == 1 and str(s.status) == "held"], text


@pytest.mark.parametrize("text", [
    "Militants seized Korvalo LGA on Sunday.",
    "Militants took control of Korvalo cercle on Sunday.",
    "Militants overran Korvalo woreda on Sunday.",
])
def test_other_countries_words_for_a_district_name_a_district(text: str) -> None:
    from frontwatch.extract.scope import detect_scope
    from frontwatch.model import PlaceMention, Span

    p = text.index("Korvalo")
    mention = PlaceMention(Span(p, p + 7, "Korvalo"), None, None, "test:gold")
    t = len("Militants ")
    found = detect_scope(text, Span(0, len(text), text), Span(t, text.index(" ", t), text[t:text.index(" ", t)]),
                         mention)
    assert found is not None and found[0] == "district", text


def test_a_name_the_geoparser_cut_short_keeps_its_scope_word() -> None:
    """ "[Bulo] Burde town": the mention lacks the name's second word; the scope word after it is still the place's."""
    from frontwatch.extract.scope import detect_scope
    from frontwatch.model import PlaceMention, Span

    text = "Militants took control of Korvalo Minor town on Sunday."
    p = text.index("Korvalo")
    mention = PlaceMention(Span(p, p + 7, "Korvalo"), None, None, "test:gold")
    t = text.index("took")
    found = detect_scope(text, Span(0, len(text), text), Span(t, t + 4, "took"), mention)
    assert found is not None and found[0] == "centre"
    # a lower-case word between is no part of the name: "Korvalo's old town" names a part of it, "Korvalo and the
    # town of Mirzan" another place
    text = "Militants took control of Korvalo and the town on Sunday."
    found = detect_scope(text, Span(0, len(text), text), Span(t, t + 4, "took"), mention)
    assert found is None or found[0] != "centre"
