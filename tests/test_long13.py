"""An event's confidence weighs how surely the extractor read its sentence: of the events one report tells (all
resting on the same sources), the surer reading ranks first instead of a hash picking among equal confidences."""

from __future__ import annotations

import dataclasses
from datetime import date

from frontwatch.evaluation.acled import system_answers
from frontwatch.fuse import fuse
from frontwatch.model import Claim, EventStatus
from tests.fuse_helpers import claim, doc

TEXT = "Guards scattered a crowd of traders marching on the town hall with batons."


def _two_readings(sure: float, weak: float) -> tuple[Claim, Claim, object]:
    """One sentence read twice: a protest met by force (`sure`) and a clash between armed groups (`weak`)."""
    d = doc(TEXT, "daily.org")
    protest = dataclasses.replace(claim(d, 1, sub="Protest with intervention", event_type="Protests"),
                                  confidence=sure)
    clash = dataclasses.replace(claim(d, 2, sub="Armed clash", event_type="Battles"), confidence=weak)
    return protest, clash, d


def test_the_surer_reading_of_one_sentence_has_the_higher_confidence() -> None:
    protest, clash, d = _two_readings(0.85, 0.55)
    events = {e.event_type: e for e in fuse([protest, clash], {d.document_id: d}).events}
    assert set(events) == {"Protests", "Battles"}
    assert events["Protests"].confidence > events["Battles"].confidence
    # the readings swapped: the reading decides, not the type
    protest, clash, d = _two_readings(0.5, 0.8)
    events = {e.event_type: e for e in fuse([protest, clash], {d.document_id: d}).events}
    assert events["Battles"].confidence > events["Protests"].confidence


def test_the_reports_first_answer_is_its_surer_reading_whichever_id_sorts_first() -> None:
    for sure, weak in ((0.85, 0.55), (0.55, 0.85)):
        protest, clash, d = _two_readings(sure, weak)
        d = dataclasses.replace(d, published=date(2021, 8, 21))
        best = system_answers(d, [protest, clash])[0]
        assert best.event_type == ("Protests" if sure > weak else "Battles")


def test_a_weak_reading_lowers_confidence_but_not_the_status() -> None:
    a, b = doc("Rebels took the district, says one daily.", "a.org"), doc("The district fell, says another.", "b.org")
    docs = {a.document_id: a, b.document_id: b}
    sure = fuse([claim(a, 1), claim(b, 1)], docs).events[0]
    weak = fuse([dataclasses.replace(claim(a, 1), confidence=0.5), dataclasses.replace(claim(b, 1), confidence=0.5)],
                docs).events[0]
    assert sure.status == weak.status == EventStatus.CONFIRMED
    assert weak.confidence < sure.confidence
