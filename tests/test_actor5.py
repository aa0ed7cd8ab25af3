"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor5 area), on invented sentences: state forces a
headline fights ("X battle police", "a gunbattle between police and X") or hits in the present tense ("a gang kills
police") are the other side; state forces as the headline's doer of harm ("police raid a newsroom and abduct …"); a
blast's armed target outvotes the default victims of its other sentences' claims; the state forces who defuse or
seize weapons are the other side of a disrupted weapons use."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from frontwatch.extract import ActorDictionary
from frontwatch.fuse import fuse
from frontwatch.model import Actor, ActorRole, Claim, Document, Place, PlaceMention, Span, TimeSpan, document_id_for
from tests.fixtures.nlp import Run, lead, sides

# --- state forces a headline fights or hits ---------------------------------------------------------------------


def test_a_gang_that_battles_police_fought_the_police(run: Run) -> None:
    c = lead(run("Armed youths battle police at a market in Lorvale.", ["Lorvale"]))
    assert "Police Forces of Kenya" in sides(c)


def test_a_gunbattle_between_police_and_bandits_has_the_police_as_a_side(run: Run) -> None:
    c = lead(run("Two bandits were wounded in a gunbattle between police and the gang near Lorvale.", ["Lorvale"]))
    assert "Police Forces of Kenya" in sides(c)


def test_a_gang_that_kills_police_hit_the_police(run: Run) -> None:
    c = lead(run("Armed gang kills police guarding a bank in Lorvale.", ["Lorvale"]))
    assert "Police Forces of Kenya" in sides(c)
    assert c.actor("actor2") is not None and c.actor("actor2").inter == 1


# --- state forces as the headline's doer of harm ------------------------------------------------------------------


@pytest.mark.parametrize("headline", ["Police raid newspaper offices and abduct two editors",
                                      "Soldiers torch homes of herders near the border"])
def test_state_forces_who_raid_abduct_or_torch_are_the_doer(actor_dictionary: ActorDictionary, headline: str) -> None:
    found = actor_dictionary.state_doer(headline, 0, len(headline))
    assert found is not None and found.inter == 1


def test_the_gear_of_state_forces_worn_by_attackers_makes_no_doer(actor_dictionary: ActorDictionary) -> None:
    headline = "Soldiers torch homes of herders near the border"
    assert actor_dictionary.state_doer(headline, 0, len(headline)) is not None
    text = "The raiders who wore military fatigues torched homes of herders near the border."
    assert actor_dictionary.state_doer(text, 0, len(text)) is None
    assert actor_dictionary.state_acting(text, 0, len(text)) is None


def test_state_forces_fought_are_not_the_doer_of_harm(actor_dictionary: ActorDictionary) -> None:
    text = "Gunmen storm a village, battle police in a night attack"
    assert actor_dictionary.state_doer(text, 0, len(text)) is None
    found = actor_dictionary.state_target(text, 0, len(text))
    assert found is not None and found.name == "Police forces"


# --- the report's later word on who did it ----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "A bomb went off at a bus depot, killing two; al-Shabaab involvement is suspected.",
    "A trader was hacked to death at his stall, in what police think was the work of al-Shabaab.",
    "Masked men shot a chief dead, the perpetrators thought to be linked to al-Shabaab.",
    "Two men died when the device they carried blew up, and police suspect a connection with al-Shabaab.",
    "Four soldiers were hurt in twin al-Shabaab explosions at a checkpoint.",
])
def test_a_group_framed_as_the_doer_is_named(actor_dictionary: ActorDictionary, text: str) -> None:
    assert [a.name for a in actor_dictionary.named_armed_groups(text)] == ["al-Shabaab"]


def test_a_groups_blast_frames_it_a_history_of_its_blasts_does_not(actor_dictionary: ActorDictionary) -> None:
    assert actor_dictionary.named_armed_groups("Gunmen shot a chief; the town saw earlier al-Shabaab bombings.") == []
    # the one blast told is the group's
    text = "Four passengers died in the al-Shabaab bombing of a bus near the border."
    assert [a.name for a in actor_dictionary.named_armed_groups(text)] == ["al-Shabaab"]


def test_killings_attributed_to_an_unknown_sect_are_its_militias(run: Run) -> None:
    c = lead(run("Two traders were hacked to death in Lorvale. The killings were attributed to the Zanguru sect.",
                 ["Lorvale"]))
    assert sides(c) == ("Zanguru Militia", "Civilians")


def test_a_band_is_named_by_its_members_not_by_a_capital_nor_as_the_hit(actor_dictionary: ActorDictionary) -> None:
    from frontwatch.extract.actor_doers import framed_band

    assert framed_band(actor_dictionary, "A shopkeeper was beaten by Zanguru members.") == Actor("Zanguru Militia", 3)
    assert framed_band(actor_dictionary, "Gang members attacked a shop. Vigilante members then beat a man.") is None
    assert framed_band(actor_dictionary, "A man was beaten; the attack was blamed on Church members.") is None
    # the band as the ones hit or fought, not the doer
    assert framed_band(actor_dictionary, "A witness said police were killing Zanguru sect members.") is None
    assert framed_band(actor_dictionary, "Residents took up arms to combat Zanguru members.") is None


# --- disrupted weapons use: the state forces who stopped it -------------------------------------------------------


def test_police_who_defuse_a_bomb_are_its_other_side(run: Run) -> None:
    c = next(c for c in run("Police defused a bomb hidden under a bench at a bus stop in Lorvale.", ["Lorvale"])
             if c.sub_event_type == "Disrupted weapons use")
    assert set(sides(c)) == {"Unidentified armed group", "Police Forces of Kenya"}


def test_a_bomb_defused_by_police_has_the_police_as_its_other_side(run: Run) -> None:
    text = "A bomb was found under a bench at a bus stop in Lorvale. Police officers defused it before it went off."
    c = next(c for c in run(text, ["Lorvale"]) if c.sub_event_type == "Disrupted weapons use")
    assert set(sides(c)) == {"Unidentified armed group", "Police Forces of Kenya"}


# --- fusion: a blast's armed target over its other claims' default victims ------------------------------------------

PUB = date(2015, 3, 2)
TOWN = Place("Lorvale", 31, "PPL", "KE", "Lorvale", "KE.01", "Lorvale", "KE.01.1", 0.5, 37.5, 1)


def test_a_fused_blast_keeps_its_police_target_over_a_majority_of_default_civilians() -> None:
    text = "A roadside bomb targeting a police patrol went off in Lorvale. The blast wounded two. The bomb was big."
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    span = Span(0, len(text), text)
    day = TimeSpan(PUB, PUB, 1)
    bombers = ActorRole("actor1", Actor("Unidentified armed group", 3))

    def claim(i: str, other: Actor) -> Claim:
        return Claim(i, document.document_id, span, "Explosions/Remote violence", "Remote explosive/landmine/IED",
                     span, actors=(bombers, ActorRole("actor2", other)),
                     places=(PlaceMention(span, TOWN, 1.0, "t"),), time=day, confidence=0.6, method="t")

    # two sentences' claims give ACLED's default victims, one names the police the bomb was aimed at
    claims = [claim("a", Actor("Police Forces of Kenya", 1)), claim("b", Actor("Civilians", 7)),
              claim("c", Actor("Civilians", 7))]
    events = fuse(claims, {document.document_id: document}).events
    assert len(events) == 1
    assert events[0].actor2 == Actor("Police Forces of Kenya", 1)
    # not a fight nor a blast (an attack on civilians): the count decides, as before
    attack = [dataclasses.replace(c, event_type="Violence against civilians", sub_event_type="Attack") for c in claims]
    events = fuse(attack, {document.document_id: document}).events
    assert len(events) == 1
    assert events[0].actor2 == Actor("Civilians", 7)
