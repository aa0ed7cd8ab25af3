"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor11 area), on invented sentences: civilians are
never a side of a fight (those who fight are a communal militia in a communal fight, else an unidentified armed group);
herders who do the violence are their community's armed men (a communal militia), wherever the report is from, and
stay civilians where they are hit; a militia named by a nation ("X militia" with X a nation's adjective, "militiamen
from X") is men of a people of it, an identity militia, not its army; a group's own activity (a deployment,
recruitment) is done by the armed actor its sentence names first, not as a speaker."""

from __future__ import annotations

from frontwatch.extract import ActorDictionary
from frontwatch.model import Actor, Claim
from tests.fixtures.nlp import Run, lead


def _inters(c: Claim) -> list[int | None]:
    return [a.inter for a in (c.actor("actor1"), c.actor("actor2")) if a is not None]


# --- civilians are no side of a fight -----------------------------------------------------------------------------


def test_villagers_who_fight_herders_are_a_communal_militia(run: Run) -> None:
    c = lead(run("Villagers of Lorvale fought with nomads over a borehole on Monday, leaving four people dead.",
                 ["Lorvale"]))
    assert c.event_type == "Battles", c.sub_event_type
    assert 7 not in _inters(c) and 4 in _inters(c), _inters(c)


def test_youths_in_a_street_fight_are_an_unidentified_armed_group(run: Run) -> None:
    c = lead(run("Youths in Lorvale fought running battles with a rival gang near the bus park.", ["Lorvale"]))
    assert c.event_type == "Battles", c.sub_event_type
    assert 7 not in _inters(c) and _inters(c)[0] == 3, _inters(c)


# --- herders as the doers -----------------------------------------------------------------------------------------


def test_herders_who_kill_are_a_communal_militia(run: Run) -> None:
    c = lead(run("A shopkeeper was speared to death by herdsmen outside Lorvale on Sunday night.", ["Lorvale"]))
    a1, a2 = c.actor("actor1"), c.actor("actor2")
    assert a1 is not None and a1.inter == 4, a1
    assert a2 is not None and a2.inter == 7, a2
    # herders who are hit stay civilians
    c = lead(run("Gunmen shot three herders dead near Lorvale and drove off their camels.", ["Lorvale"]))
    a2 = c.actor("actor2")
    assert a2 is not None and a2.inter == 7, a2


def test_armed_herders_are_the_reports_own_communal_militia(run: Run, actor_dictionary: ActorDictionary) -> None:
    # no West African people named: not that region's herders' militia
    m = actor_dictionary.match("armed herders")
    assert m is None or "Fulani" not in m.actor.name, m
    c = lead(run("Armed herders shot two traders dead at a market near Lorvale.", ["Lorvale"]))
    a1 = c.actor("actor1")
    assert a1 is not None and a1.inter == 4 and "Fulani" not in a1.name, a1



# --- a nation's militia is a people's -----------------------------------------------------------------------------


def test_a_militia_named_by_a_nation_is_an_identity_militia(run: Run) -> None:
    # not that nation's army, nor a political militia
    for text in ("Two fishermen were shot dead by Tanzanian militia on the lake near Lorvale.",
                 "Militiamen from Ethiopia raided Lorvale and killed a herder."):
        a1 = lead(run(text, ["Lorvale"])).actor("actor1")
        assert a1 is not None and a1.inter == 4, (text, a1)
    # a militia no nation names stays a militia (inter 3)
    a1 = lead(run("A pro-government militia shot two shepherds dead near Lorvale.", ["Lorvale"])).actor("actor1")
    assert a1 is not None and a1.inter == 3, a1
    # nor does a government's militia of that nation
    a1 = lead(run("A pro-government Tanzanian militia shot two shepherds dead near Lorvale.", ["Lorvale"])).actor(
        "actor1")
    assert a1 is not None and a1.inter == 3, a1


# --- a group's own activity -----------------------------------------------------------------------------------------


def test_a_groups_activity_is_done_by_the_armed_actor_its_sentence_names(actor_dictionary: ActorDictionary) -> None:
    def doer(text: str) -> tuple[str | None, int | None]:
        a1, _ = actor_dictionary.doers(text, 0, len(text), "Strategic developments", None, None,
                                       "Change to group/activity")
        return (a1.name, a1.inter) if a1 is not None else (None, None)

    assert doer("Reports say Shabaab is enlisting young men in coastal towns.") == ("al-Shabaab", 2)
    assert doer("Troops were moved to the border town to guard the crossing.")[1] == 1
    # reinforced security is the state's forces, though no force word is said
    assert doer("Security has been tightened along the border after two aid workers were abducted.")[1] == 1
    # a speaker is no doer
    assert doer("Police said residents were asked to stay calm.") == (None, None)


# --- the named group state forces fought ----------------------------------------------------------------------------


def test_the_one_named_group_of_the_report_is_the_unnamed_side_state_forces_fought(
        actor_dictionary: ActorDictionary) -> None:
    police, unnamed = Actor("Police forces", 1), Actor("Unidentified armed group", 3)
    text = "A Shabaab recruit slipped away from his guards. Officers traded fire with the runaway near the ferry."
    i = text.index("Officers")
    a1, a2 = actor_dictionary.doers(text, i, len(text), "Battles", police, unnamed, "Armed clash")
    assert {a1.name if a1 else None, a2.name if a2 else None} == {"Police forces", "al-Shabaab"}, (a1, a2)
    # two named groups in the report: which one is not said
    text = ("Shabaab and Islamic State recruits slipped away from their guards. Officers traded fire with the "
            "runaways near the ferry.")
    i = text.index("Officers")
    a1, a2 = actor_dictionary.doers(text, i, len(text), "Battles", police, unnamed, "Armed clash")
    assert a2 is not None and a2.name == "Unidentified armed group", (a1, a2)
