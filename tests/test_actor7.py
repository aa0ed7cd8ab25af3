"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor7 area), on invented sentences: another
country's forces in a report about this one are external (inter 8) though no place of their clause resolved; hired
guards are ACLED's private security forces (inter 8), not civilians, while a state's guards stay its forces; the
government a crowd protests against is what the protest is about, not the force that acted on it."""

from __future__ import annotations

import pytest

from frontwatch.extract import ActorDictionary
from frontwatch.model import Actor
from tests.fixtures.nlp import Run, lead

# --- foreign state forces without a place ------------------------------------------------------------------------


def test_foreign_forces_in_a_report_about_another_country_are_external(run: Run) -> None:
    # the report is about Kenya (its sidecar's country): Ethiopia's forces are external, Kenya's stay state forces
    for people, country, inter in (("Ethiopian", "Ethiopia", 8), ("Kenyan", "Kenya", 1)):
        c = lead(run(f"{people} soldiers shot dead two herders who had crossed with their camels."))
        found = [a for a in (c.actor("actor1"), c.actor("actor2")) if a is not None and country in a.name]
        assert found and found[0].inter == inter, (people, c.actor("actor1"), c.actor("actor2"))


# --- private security forces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["a security guard", "two night guards", "the watchman"])
def test_hired_guards_are_private_security_forces(actor_dictionary: ActorDictionary, phrase: str) -> None:
    m = actor_dictionary.match(phrase)
    assert m is not None and (m.actor.name, m.actor.inter) == ("Private Security Forces", 8), m


def test_a_states_guards_stay_its_forces(actor_dictionary: ActorDictionary) -> None:
    for phrase in ("border guards", "prison guards", "the presidential guard"):
        m = actor_dictionary.match(phrase)
        assert m is not None and m.actor.inter == 1, (phrase, m)


def test_a_guard_shot_by_robbers_is_private_security(run: Run) -> None:
    c = lead(run("Robbers shot dead a security guard at a warehouse in Lorvale.", ["Lorvale"]))
    found = [a for a in (c.actor("actor1"), c.actor("actor2")) if a is not None and a.inter == 8]
    assert found and found[0].name == "Private Security Forces", (c.actor("actor1"), c.actor("actor2"))


# --- the government a crowd protests against ---------------------------------------------------------------------


def test_the_government_protested_against_is_not_the_force_that_intervened(actor_dictionary: ActorDictionary) -> None:
    text = "Hawkers protesting against the county government were dispersed by officers with tear gas."
    found = actor_dictionary.intervening_force(text)
    assert found is not None and found.name == "Police forces", found


def test_a_protest_against_the_government_has_the_police_as_its_other_side(run: Run) -> None:
    c = lead(run("Dozens of tenants protested against the government over evictions in Lorvale; the police "
                 "lobbed tear gas to break up the march.", ["Lorvale"]))
    assert c.event_type == "Protests"
    assert [a.name for a in (c.actor("actor1"), c.actor("actor2")) if a is not None and a.inter == 1] == [
        "Police Forces of Kenya"], (c.actor("actor1"), c.actor("actor2"))


# --- state forces another sentence shows fighting a named group ------------------------------------------------


def test_state_forces_that_repelled_a_named_group_are_its_other_side(actor_dictionary: ActorDictionary) -> None:
    for reply, inter in (("Troops beat back the gunmen within an hour.", 1),
                         ("Soldiers eventually repelled the raiders.", 1),
                         # police who only intervened are no side: the other side stays unnamed
                         ("Police intervened later.", 3)):
        text = f"Al-Shabaab gunmen struck two border villages near the river at dawn. {reply}"
        end = text.index(reply) - 1
        a1, a2 = actor_dictionary.doers(text, 0, end, "Battles", Actor("al-Shabaab", 2), None, "Armed clash")
        assert a1 == Actor("al-Shabaab", 2)
        assert a2 is not None and a2.inter == inter, (reply, a2)


def test_state_forces_a_fights_own_sentence_names_are_its_other_side(actor_dictionary: ActorDictionary) -> None:
    for text, inter in (("A shooting by masked gunmen leaves two police officers dead near the depot.", 1),
                        ("A shooting by masked gunmen left three traders and a soldier dead at the depot.", 1),
                        # the gear the gunmen wore names no side
                        ("A shooting by masked gunmen in police uniforms left a trader dead near the depot.", 3)):
        a1, a2 = actor_dictionary.doers(text, 0, len(text), "Battles", Actor("Unidentified armed group", 3), None,
                                        "Armed clash")
        assert a1 == Actor("Unidentified armed group", 3)
        assert a2 is not None and a2.inter == inter, (text, a2)
    # a taking's sides are read by the territory rules: the forces its sentence names are not made its other side
    text = "Rebels took the district after the soldiers there surrendered their weapons."
    assert actor_dictionary.doers(text, 0, len(text), "Battles", Actor("Rebels", 2), None,
                                  "Non-state actor overtakes territory") == (Actor("Rebels", 2), None)


# --- the force a riot fought ---------------------------------------------------------------------------------------


def test_the_force_a_riot_fought_comes_before_the_group_its_rioters_belong_to(run: Run) -> None:
    for text in ("Zanguru sect followers rioted in Lorvale, burning tyres, before police dispersed them with tear gas.",
                 "Students rioted in Lorvale, beating a watchman and fighting running battles with police."):
        riots = [c for c in run(text, ["Lorvale"]) if c.sub_event_type == "Violent demonstration"]
        assert riots, text
        assert (riots[0].actor("actor1").name, riots[0].actor("actor2").name) == (
            "Rioters", "Police Forces of Kenya"), (text, riots[0].actor("actor2"))
