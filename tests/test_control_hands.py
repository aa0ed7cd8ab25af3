"""Changes of hands told in two steps or through a giver (docs/control.md): "forces withdrew from X and the Taliban
took control", "transferred / handed / ceded control of X to Y", a clash fused into a taking, and the map page's data
showing a holding's decay. Invented places and sentences."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.scope import with_scope
from frontwatch.fuse import ControlRules, control_timeline, fuse
from frontwatch.model import Actor, ActorRole, Certainty, Claim, ControlStatus, Event, EventStatus, Span
from tests.fuse_helpers import DISTRICT, claim, doc

TRANSFER = "Non-violent transfer of territory"
D0 = date(2021, 6, 1)


def test_transferring_handing_or_ceding_control_of_a_place_is_a_transfer_to_the_receiver(claims_of) -> None:
    for text in ("Afghan forces transferred control of Korvalo district to the Taliban on Sunday.",
                 "The army handed control of Korvalo district to the Taliban on Sunday.",
                 "Police ceded the Korvalo district centre to the Taliban on Sunday.",
                 "Police gave up the Korvalo district headquarters to the Taliban on Sunday.",
                 "The army relinquished control of Korvalo district to the Taliban on Sunday."):
        [c] = claims_of(text, ["Korvalo"])
        assert c.sub_event_type == TRANSFER, text
        assert c.control_change == "handed over", text
        assert c.actor("actor1") is not None and c.actor("actor1").name == "Taliban", text
        assert c.actor("actor2") is not None and c.actor("actor2").inter == 1, text  # the state force gave it
        assert c.scope in ("district", "centre"), text
    # the place itself changed hands in "control of X district", though "of" otherwise names where it happened
    [c] = claims_of("Afghan forces transferred control of Korvalo district to the Taliban on Sunday.", ["Korvalo"])
    assert c.scope == "district" and c.scope_span is not None and c.scope_span.text == "district"


def test_transferring_people_or_a_building_of_no_side_is_no_transfer_of_territory(claims_of) -> None:
    for text in ("The company transferred 200 workers to Korvalo on Sunday.",
                 "The ministry transferred control of the hospital to the health department on Sunday.",
                 "The government transferred the district commissioner of Korvalo to the capital on Sunday.",
                 "The county gave up its plan to build a road in Korvalo on Sunday."):
        assert all(c.sub_event_type != TRANSFER for c in claims_of(text, ["Korvalo"])), text


def test_a_taking_after_a_withdrawal_in_its_sentence_is_by_the_side_named_after_the_withdrawal() -> None:
    text = "Government forces withdrew from Korvalo district and the Taliban took control of it on Sunday."
    t, g = text.index("took"), text.index("Government forces")
    army = Actor("Military Forces of Afghanistan", 1)
    # as the parse gives it: the conjoined verb shares the first clause's subject
    took = Claim("c1", "d1", Span(0, len(text), text), "Strategic developments", TRANSFER, Span(t, t + 4, "took"),
                 actors=(ActorRole("actor1", army, Span(g, g + 17, "Government forces")),))
    fixed = with_scope(took, text, ActorDictionary.load())
    assert fixed.actor("actor1") is not None and fixed.actor("actor1").name == "Taliban"
    assert fixed.actor("actor2") == army and fixed.control_change is None
    # no withdrawal before the trigger: the roles stand
    text = "Government forces took control of Korvalo district after the Taliban left on Sunday."
    t = text.index("took")
    kept = with_scope(dataclasses.replace(took, sentence=Span(0, len(text), text), trigger=Span(t, t + 4, "took")),
                      text, ActorDictionary.load())
    assert kept.actor("actor1") == army


def _withdrawal_and_taking(d, n: int, certainty: Certainty = Certainty.ASSERTED) -> list[Claim]:
    army = Actor("Military Forces of Afghanistan", 1)
    left = dataclasses.replace(claim(d, n, sub="Change to group/activity", event_type="Strategic developments"),
                               actors=(ActorRole("actor1", army),), control_change="withdrawn", scope="district")
    took = dataclasses.replace(claim(d, n + 1, sub=TRANSFER, event_type="Strategic developments", holder="Taliban",
                                     certainty=certainty), actors=(ActorRole("actor1", Actor("Taliban", 2)),),
                               scope="district")
    return [left, took]


def test_a_withdrawal_fused_with_another_sides_taking_is_that_sides_taking() -> None:
    d = doc("Government forces withdrew from the district and the Taliban took control.", "a.org")
    result = fuse(_withdrawal_and_taking(d, 1), {d.document_id: d}, rules=ControlRules(decay_days=0))
    [e] = result.events  # one event of the day: the withdrawal and the taking
    assert e.sub_event_type == TRANSFER and e.control_change is None
    assert e.actor1 is not None and e.actor1.name == "Taliban"
    assert e.actor2 is not None and e.actor2.name == "Military Forces of Afghanistan"
    assert [(s.status, s.holder.name if s.holder else None) for s in result.control] == [
        (ControlStatus.HELD, "Taliban")]
    # a denied taking does not turn the withdrawal into one
    d2 = doc("Government forces withdrew from the district; the Taliban did not take it.", "b.org")
    result = fuse(_withdrawal_and_taking(d2, 1, Certainty.DENIED), {d2.document_id: d2},
                  rules=ControlRules(decay_days=0))
    assert all(s.status != ControlStatus.HELD for s in result.control)


def _event(n: int, actor1: Actor | None, sub: str, change: str | None = None, scope: str | None = "district",
           actor2: Actor | None = None) -> Event:
    return Event(f"e{n}", D0, D0, D0, 1, "Strategic developments", sub, actor1, actor2, DISTRICT,
                 EventStatus.REPORTED, 0.8, claim_ids=(f"c{n}",), scope=scope, control_change=change)


def test_on_one_day_a_side_leaves_before_another_takes_over_whatever_the_event_ids() -> None:
    army, taliban = Actor("Military Forces of Afghanistan", 1), Actor("Taliban", 2)
    for first, second in ((1, 2), (2, 1)):  # the withdrawal's id sorts before, then after, the taking's
        left = _event(first, army, "Change to group/activity", change="withdrawn")
        taken = _event(second, taliban, "Non-state actor overtakes territory")
        states = control_timeline([taken, left], rules=ControlRules(decay_days=0))
        assert [(s.status, s.holder.name if s.holder else None) for s in states][-1] == (
            ControlStatus.HELD, "Taliban"), (first, second)


def test_a_clash_fused_into_a_taking_does_not_make_its_first_side_the_taker() -> None:
    d = doc("Fighting broke out and al-Shabaab seized the village.", "c.org")
    clash = [dataclasses.replace(claim(d, n, sub="Armed clash", holder="Unidentified armed group"),
                                 actors=(ActorRole("actor1", Actor("Unidentified armed group", 3)),))
             for n in (1, 2)]
    taken = dataclasses.replace(claim(d, 3, holder="al-Shabaab"), scope="village",
                                actors=(ActorRole("actor1", Actor("al-Shabaab", 2)),))
    [e] = fuse([*clash, taken], {d.document_id: d}).events
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert e.actor1 is not None and e.actor1.name == "al-Shabaab"


def test_the_map_page_data_shows_a_holding_decayed_to_unknown_after_the_configured_time(tmp_path) -> None:
    from frontwatch.publish.map import map_data
    from frontwatch.store import Store

    d = doc("Rebels took the district.", "d.org", published=D0)
    taken = claim(d, 1, day=D0)
    result = fuse([taken], {d.document_id: d}, rules=ControlRules(decay_days=10))
    store = Store(f"sqlite:///{tmp_path}/fw.db")
    try:
        store.add_document(d, [taken])
        store.save_fusion(result.events, result.control, result.reliability)
        data = json.loads(json.dumps(map_data(store, None)))  # what the page is given: plain JSON
    finally:
        store.close()
    [unit] = [u for u in data["timelines"]["units"] if u["unit_code"] == DISTRICT.admin2_code]
    assert [(s["status"], s["since"], s["until"]) for s in unit["states"]] == [
        ("held", D0.isoformat(), (D0 + timedelta(days=10)).isoformat()),
        ("unknown", (D0 + timedelta(days=10)).isoformat(), None)]
    # rebels taking it from the Taliban hold for the side against them (docs/control.md, sides)
    assert unit["states"][0]["holder"]["name"] == "Anti-Taliban forces" and unit["states"][1]["holder"] is None


def test_a_place_handed_to_the_government_goes_to_the_report_countrys_forces(run) -> None:
    [c] = run("Taliban fighters handed over the Korvalo district centre to the government on Sunday.", ["Korvalo"],
              country="Afghanistan")
    assert c.sub_event_type == TRANSFER and c.control_change == "handed over"
    assert c.actor("actor1") is not None and c.actor("actor1").name == "Military Forces of Afghanistan"
    assert c.actor("actor2") is not None and c.actor("actor2").name == "Taliban"
    # the army leaving and troops taking control are one side: no taker found after the withdrawal
    [took] = [c for c in run("The army withdrew from Korvalo district and troops took control of it on Sunday.",
                             ["Korvalo"], country="Afghanistan") if c.control_change is None]
    assert took.actor("actor2") is None or took.actor("actor2").name != took.actor("actor1").name


def test_a_district_named_by_the_short_form_of_its_name_is_found_with_its_province(geoparser, gazetteer) -> None:
    """"X district" where the gazetteer names the district "X-e Y" (a Persian ezafe and a qualifier): reports use the
    short form. Every such district of the gazetteer whose short form names no other district, found by it."""
    import re as _re

    from frontwatch.geocode.keys import CONNECTIVES, strip_diacritics

    rows = gazetteer.con.execute("SELECT code, name FROM admin_units WHERE level = 2").fetchall()
    short: dict[str, list[str]] = {}
    for code, name in rows:
        words = [w for w in _re.split(r"[\s-]+", strip_diacritics(name)) if w]
        if len(words) >= 3 and words[1].lower() in CONNECTIVES and len(words[0]) >= 4:
            short.setdefault(words[0], []).append(code)
    # short forms that name nothing else in the gazetteer (no key of their own)
    cases = [(head, codes[0]) for head, codes in short.items() if len(codes) == 1 and not gazetteer.candidates(head)]
    assert len(cases) >= 5  # the gazetteer has such districts to test with
    for head, code in cases:
        province = gazetteer.admin_name(code.rsplit(".", 1)[0])
        found = {r["text"]: r["chosen"] for r in geoparser.explain(
            f"Fighters took control of {head} district in {province} province on Sunday.")}
        assert found.get(head) is not None and found[head].admin2_code == code, (head, code)
