"""Whole-article precision, session 9: invented reports and sentences, one test per mechanism."""

from __future__ import annotations

import re
from datetime import date

import pytest

from frontwatch.annotate import annotate
from frontwatch.extract.namesakes import namesakes_abroad
from frontwatch.fuse import fuse
from frontwatch.model import NOT_AN_EVENT, Claim, Count, CountKind, Document, Place, PlaceMention, Span, document_id_for
from tests.fuse_helpers import DISTRICT, FAR, claim, doc

DAY = date(2021, 8, 20)


def _killed(n: int) -> tuple[Count, ...]:
    return (Count(CountKind.KILLED, n, n),)


def _violent(d, n: int, event_type: str, sub: str, toll: int, place=DISTRICT):  # type: ignore[no-untyped-def]
    return claim(d, n, place=place, day=DAY, sub=sub, event_type=event_type, counts=_killed(toll), fatalities=toll)


def test_one_happening_two_reports_two_types_is_one_event() -> None:
    # one report calls it a bombing, the other an attack on civilians: same day, district and toll
    a = doc("A car bomb tore through the busy market of the district town, killing 31 people.", "Outlet A")
    b = doc("Gunmen's attack on shoppers at the district market left 31 dead, officials said.", "Outlet B")
    claims = [_violent(a, 1, "Explosions/Remote violence", "Remote explosive/landmine/IED", 31),
              _violent(b, 1, "Violence against civilians", "Attack", 31)]
    events = fuse(claims, {a.document_id: a, b.document_id: b}).events
    assert len(events) == 1
    assert events[0].event_type == "Explosions/Remote violence"
    assert events[0].fatalities == 31


def test_two_types_of_one_report_or_other_tolls_stay_apart() -> None:
    a = doc("A roadside bomb hit a convoy near the district town and gunmen then shot two farmers.", "Outlet A")
    b = doc("Soldiers and rebels exchanged fire for hours outside the town; four fighters died.", "Outlet B")
    c = doc("Far to the north a mortar round killed 31 in a village market.", "Outlet C")
    one_report = [_violent(a, 1, "Explosions/Remote violence", "Remote explosive/landmine/IED", 5),
                  _violent(a, 2, "Violence against civilians", "Attack", 5)]
    assert len(fuse(one_report, {a.document_id: a}).events) == 2
    other_toll = [_violent(a, 1, "Explosions/Remote violence", "Remote explosive/landmine/IED", 2),
                  _violent(b, 1, "Battles", "Armed clash", 4)]
    assert len(fuse(other_toll, {a.document_id: a, b.document_id: b}).events) == 2
    far_away = [_violent(a, 1, "Violence against civilians", "Attack", 31),
                _violent(c, 1, "Explosions/Remote violence", "Shelling/artillery/missile attack", 31, place=FAR)]
    assert len(fuse(far_away, {a.document_id: a, c.document_id: c}).events) == 2
    # a taking is its own happening, whatever toll it shares: control reads it
    taking = [_violent(a, 1, "Battles", "Non-state actor overtakes territory", 31),
              _violent(b, 1, "Violence against civilians", "Attack", 31),
              _violent(c, 2, "Violence against civilians", "Attack", 31)]
    events = fuse(taking, {d.document_id: d for d in (a, b, c)}).events
    assert sorted(e.sub_event_type for e in events) == ["Attack", "Non-state actor overtakes territory"]


def _claims(nlp, extractor, text: str, names: dict[str, str]) -> list[Claim]:  # type: ignore[no-untyped-def]
    """The claims of `text` with each name of `names` resolved to a town of the country given."""
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", DAY, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    mentions = [PlaceMention(Span.of(text, m.start(), m.end()), Place(n, 1, "PPL", cc, lat=1.0, lon=1.0), 1.0, "t")
                for n, cc in names.items() for m in re.finditer(re.escape(n), text)]
    return extractor.claims(document, doc, sorted(mentions, key=lambda p: p.span.start))


def test_where_detainees_were_taken_is_not_the_place_of_the_arrest(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Police detained four activists near the border on Saturday, officials said. Those held were to be "
            "transferred to Varnesse to be questioned by prosecutors.")
    arrests = [c for c in _claims(nlp, extractor, text, {"Varnesse": "FR"}) if c.event_type == "Strategic developments"]
    assert arrests
    assert all(c.place is None or c.place.name != "Varnesse" for c in arrests)


def test_a_place_the_event_happened_in_stays_its_place(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Police detained four activists in Varnesse on Saturday; they were transferred to a prison for questioning."
    arrests = [c for c in _claims(nlp, extractor, text, {"Varnesse": "FR"}) if c.event_type == "Strategic developments"]
    assert arrests and all(c.place is not None and c.place.name == "Varnesse" for c in arrests)


@pytest.mark.parametrize("text", [
    "The militia demanded the lifting of the blockade and siege on Dravo before any talks, its envoy said on Monday.",
    "Envoys set new terms on Monday, including lifting the army's yearlong siege of the hill villages near Dravo.",
])
def test_a_siege_to_be_lifted_is_no_battle_of_the_day(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c in claims_of(text, ["Dravo"]) if c.event_type == "Battles"] == []


def test_a_battle_said_to_near_its_end_is_still_told(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling resumed on Monday, raising fears of a bloody end to the battle for Dravo, residents said."
    assert [c for c in claims_of(text, ["Dravo"]) if c.event_type != NOT_AN_EVENT]


def _at(text: str, name: str, country: str, nth: int = 0) -> PlaceMention:
    start = [m.start() for m in re.finditer(re.escape(name), text)][nth]
    return PlaceMention(Span.of(text, start, start + len(name)), Place(name, 1, "PPL", country, lat=1.0, lon=1.0),
                        1.0, "t")


def test_a_town_said_to_lie_in_a_place_of_another_country_is_a_namesake(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the gazetteer knows only a namesake of Orvik abroad; the text sets Orvik (and an unknown Tessa) in Dravo
    text = ("Rebels shelled the hamlets of Orvik and Tessa in Dravo province on Monday, residents said. "
            "Families fled to Kesto.")
    places = [_at(text, "Orvik", "EG"), _at(text, "Dravo", "SY"), _at(text, "Kesto", "SY")]
    assert [m.span.text for m in namesakes_abroad(text, places)] == ["Dravo", "Kesto"]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", DAY, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    shelling = [c for c in extractor.claims(document, doc, places) if c.event_type != NOT_AN_EVENT]
    assert shelling and all(c.place is not None and c.place.country == "SY" for c in shelling)


def test_a_container_no_surer_than_the_town_it_holds_drops_nothing() -> None:
    # one name of each country: Dravo may be the namesake as well as Orvik, so the text gives no majority to trust
    text = "Rebels shelled the hamlet of Orvik in Dravo on Monday, residents said."
    places = [_at(text, "Orvik", "EG"), _at(text, "Dravo", "SY")]
    assert namesakes_abroad(text, places) == places
    text = "Rebels shelled Orvik in Dravo; Lanmere and Tarso were calm."
    places = [_at(text, "Orvik", "EG"), _at(text, "Dravo", "SY"), _at(text, "Lanmere", "EG"), _at(text, "Tarso", "EG")]
    assert namesakes_abroad(text, places) == places


def test_peers_of_two_countries_and_a_town_in_its_own_country_stay() -> None:
    text = "Protests spread from Orvik and Lanmere to Dravo, and a rally was held in Kesto in Dravo."
    places = [_at(text, "Orvik", "EG"), _at(text, "Lanmere", "FR"), _at(text, "Dravo", "SY"),
              _at(text, "Kesto", "SY"), _at(text, "Dravo", "SY", 1)]
    assert namesakes_abroad(text, places) == places
