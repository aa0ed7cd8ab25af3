"""An event's confidence weighs how surely the extractor read its sentence: of the events one report tells (all
resting on the same sources), the surer reading ranks first instead of a hash picking among equal confidences."""

from __future__ import annotations

import dataclasses
from datetime import date

from frontwatch.evaluation.acled import system_answers
from frontwatch.fuse import fuse
from frontwatch.model import Claim, Span
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


def test_only_the_weaker_reading_of_a_sentence_loses_and_the_lead_keeps_its_place() -> None:
    protest, clash, d = _two_readings(0.85, 0.55)
    docs = {d.document_id: d}
    even = {e.event_type: e.confidence for e in fuse([protest, dataclasses.replace(clash, confidence=0.85)],
                                                     docs).events}
    events = {e.event_type: e.confidence for e in fuse([protest, clash], docs).events}
    # the sentence's surest reading keeps the confidence it has beside an equally sure one; the weaker one loses
    assert events["Protests"] == even["Protests"] == even["Battles"]
    assert events["Battles"] < even["Battles"]
    # A later sentence read more surely than the first does not outrank it: each is its own sentence's best reading,
    # so the report's lead incident still comes first.
    text = "Gunmen shot two herders near the wells. Days later their kin marched to demand an inquiry."
    r = doc(text, "weekly.org")
    lead = dataclasses.replace(claim(r, 1, sub="Attack", event_type="Violence against civilians"), confidence=0.6)
    later = dataclasses.replace(claim(r, 2, sub="Peaceful protest", event_type="Protests"), confidence=0.9,
                                sentence=Span(40, len(text), text[40:]))
    assert system_answers(r, [later, lead])[0].event_type == "Violence against civilians"
