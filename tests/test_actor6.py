"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor6 area), on invented sentences: state forces
placed by a participle phrase ("troops stationed near the border engaged …") are still the ones who fought; the
unnamed hands of election violence are partisans (an unidentified armed group), not a community's militia, however
"ethnic" the report calls it."""

from __future__ import annotations

import pytest

from frontwatch.extract import ActorDictionary
from tests.fixtures.nlp import Run, lead, sides

# --- state forces placed by a participle phrase ------------------------------------------------------------------


def test_state_forces_placed_by_a_participle_fought(run: Run) -> None:
    c = lead(run("Soldiers posted along the river battled gunmen near Lorvale, killing two of them.", ["Lorvale"]))
    assert c.sub_event_type == "Armed clash"
    assert any(name is not None and name.startswith("Military Forces of") for name in sides(c)), sides(c)


def test_a_placed_force_that_pursued_raiders_is_acting_one_that_speaks_is_not(
        actor_dictionary: ActorDictionary) -> None:
    for text in ("Police officers based at the county headquarters pursued the gang into the hills.",
                 "Kenyan troops camped along the frontier engage fighters in a dawn gunfight."):
        found = actor_dictionary.state_acting(text, 0, len(text))
        assert found is not None and found.inter == 1, text
    # the participle phrase must not carry a speaker across a clause
    text = "Police stationed in the town said the gang engaged residents at night."
    assert actor_dictionary.state_acting(text, 0, len(text)) is None


# --- election violence: partisans, not a community's militia -----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Two traders were hacked to death and their kiosks torched in post-election tribal violence in Lorvale.",
    "Youths attacked rival ethnic groups in Lorvale during election-related violence, killing four.",
])
def test_unnamed_hands_of_election_violence_are_unidentified(run: Run, text: str) -> None:
    c = next(c for c in run(text, ["Lorvale"]) if c.sub_event_type == "Attack")
    a1 = c.actor("actor1")
    assert a1 is not None and a1.name == "Unidentified armed group" and a1.inter == 3, sides(c)


def test_election_violence_unnamed_is_unidentified_a_feud_or_a_named_people_stays_communal(run: Run) -> None:
    text = "Armed men killed three herders near Lorvale and drove off 200 goats in a tribal feud."
    feud = next(c for c in run(text, ["Lorvale"]) if c.sub_event_type == "Attack")
    a1 = feud.actor("actor1")
    assert a1 is not None and a1.inter == 4, sides(feud)
    text = "Armed men killed three herders near Lorvale and drove off 200 goats in post-election tribal violence."
    vote = next(c for c in run(text, ["Lorvale"]) if c.sub_event_type == "Attack")
    a1 = vote.actor("actor1")
    assert a1 is not None and a1.inter == 3, sides(vote)
    named = next(c for c in run("Turkana raiders killed two men in Lorvale during post-election clashes.", ["Lorvale"])
                 if c.event_type in {"Violence against civilians", "Battles"})
    assert "Turkana Ethnic Militia (Kenya)" in sides(named), sides(named)


# --- an unknown group or militia: unidentified, not a people's militia -------------------------------------------


@pytest.mark.parametrize("text", [
    "Unknown militiamen from across the lake killed four fishermen near Lorvale.",
    "Update: Unknown Group burns huts near Lorvale.",
])
def test_an_unknown_militia_or_group_is_the_unidentified_armed_group(run: Run, text: str) -> None:
    c = lead(run(text, ["Lorvale"]))
    a1 = c.actor("actor1")
    assert a1 is not None and a1.name == "Unidentified armed group" and a1.inter == 3, sides(c)


# --- a fight whose sentence names no side: the state forces its paragraph shows fighting -------------------------


def test_state_forces_another_sentence_shows_fighting_are_the_side_of_an_unnamed_clash(run: Run) -> None:
    c = lead(run("Heavy fighting broke out in Lorvale at dawn, leaving three dead. Police officers later chased the "
                 "gang into the forest.", ["Lorvale"]))
    assert c.sub_event_type == "Armed clash"
    assert "Police Forces of Kenya" in sides(c), sides(c)
    # police who only intervened in a fight between others are no side of it
    c = lead(run("Two rival groups fought in the market of Lorvale with machetes. Police intervened.", ["Lorvale"]))
    assert not any(name is not None and "Forces" in name for name in sides(c)), sides(c)


# --- a group framed as the doer by one member and a headline's present tense ----------------------------------


def test_a_group_framed_by_one_member_and_a_present_tense_is_the_doer(actor_dictionary: ActorDictionary,
                                                                      run: Run) -> None:
    text = "A member of al-Shabaab shoots and kills a nurse outside a clinic in Lorvale."
    assert [a.name for a in actor_dictionary.named_armed_groups(text)] == ["al-Shabaab"]
    c = lead(run(text, ["Lorvale"]))
    assert c.actor("actor1") is not None and c.actor("actor1").name == "al-Shabaab", sides(c)
