"""A force named by an event word ("anti-riot police", "riot police") is a kind of force, not a riot: the tagger
reads the word after a hyphenated prefix as an adjective, which the kind-of rule now takes like a compound, and a
kind of force never names its clause's event over the deed told with it. A force that beats people does violence.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

import pytest

from frontwatch.model import NOT_AN_EVENT
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import typed_claims


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    return [(c.event_type, c.sub_event_type) for c in typed_claims(pipeline, text, "KE")
            if c.event_type != NOT_AN_EVENT]


def test_a_hyphenated_riot_force_that_beats_reporters_is_told_by_the_deed(pipeline: Pipeline) -> None:
    # the event word is the force's deed, not the kind of force (the classifier may still weigh the sentence's words)
    text = "On Monday, anti-riot police beat three reporters filming an eviction in Eldoret town."
    claims = [c for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT]
    assert [c.trigger.text for c in claims if c.trigger is not None] == ["beat"], claims


def test_a_hyphenated_riot_force_alone_is_no_riot(pipeline: Pipeline) -> None:
    text = "Anti-riot police were stationed outside the county offices in Eldoret town on Monday."
    assert all(t != "Riots" for t, _ in _events(pipeline, text))


@pytest.mark.parametrize("text", [
    "Soldiers beat two fishermen at a landing beach near Kisumu on Friday.",
    "Prison warders beat an inmate's relatives at the gate of the prison in Naivasha on Friday.",
])
def test_a_force_that_beats_people_does_violence(pipeline: Pipeline, text: str) -> None:
    claims = [c for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT]
    # read from the lexicon (the word "beat"), not left to the classifier's guess at the sentence
    assert [(c.trigger.text if c.trigger else None, c.sub_event_type) for c in claims] == [("beat", "Attack")]


@pytest.mark.parametrize("text", [
    "Soldiers stabbed and injured a herder near Lodwar on Monday.",
    "On Monday, officers beat and kicked two reporters near Eldoret town.",
])
def test_the_object_coordinated_verbs_share_is_who_was_harmed(pipeline: Pipeline, text: str) -> None:
    # "stabbed and injured a herder": the first verb has no object of its own, yet it is no headline's reduced
    # passive whose subject was harmed; the herder is, and a herder is a civilian (no armed clash)
    claims = [c for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT and c.trigger]
    assert claims and all(c.event_type != "Battles" for c in claims), claims
    assert all(a.actor.inter == 7 for c in claims for a in c.actors if a.role == "actor2"), claims


def test_a_shared_object_decides_whether_the_harmed_side_is_armed(pipeline: Pipeline) -> None:
    # the same words, the shared object's side alone tells an attack on civilians from a clash
    assert _events(pipeline, "Police shot and wounded two traders in Eldoret town on Monday.") == [
        ("Violence against civilians", "Attack")]
    assert ("Battles", "Armed clash") in _events(pipeline, "Gunmen shot and killed two policemen in Eldoret town.")


def test_the_force_in_a_clause_on_a_word_is_no_victim(pipeline: Pipeline) -> None:
    # the parser hangs "beaten" on "complaints": the soldiers inside the clause on that word beat, not were beaten
    text = "Complaints that the soldiers had harassed, beaten and robbed several herders near Lodwar."
    claims = [c for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT]
    assert [(c.trigger.text if c.trigger else None, c.event_type) for c in claims] == [
        ("beaten", "Violence against civilians")], claims


def test_a_lone_riot_force_tells_a_crowd_event_only_when_it_intervenes_after_a_crowd_act(pipeline: Pipeline) -> None:
    # no other event word: the crowd word of the force stands for the crowd it intervened on, not for one it
    # only stood by
    text = "Traders try to block the county officials from entering the market in Eldoret; anti-riot police intervene"
    assert {t for t, _ in _events(pipeline, text)} & {"Riots", "Protests"}, _events(pipeline, text)
    text = "Anti-riot police stood by in Eldoret town as traders met the county officials on Monday."
    assert not _events(pipeline, text)
