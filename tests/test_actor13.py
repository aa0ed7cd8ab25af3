"""Actor 1 / actor 2 and their ACLED inter codes (issue 15, the actor13 area), on invented sentences: whom an
accusation names as the doer of a deed ("a rights group accuses police of beating traders", "residents blamed
soldiers for shooting a boy") is its actor 1, not an unidentified armed group, and the accuser is no side of it; a
group named only as what forces were searching for ("during searches for X supporters") is no side of what they did
to others then."""

from __future__ import annotations

from frontwatch.model import Claim
from tests.fixtures.nlp import Run, lead


def _side_inters(c: Claim) -> tuple[int | None, int | None]:
    a1, a2 = c.actor("actor1"), c.actor("actor2")
    return (a1.inter if a1 else None, a2.inter if a2 else None)


# --- the accused is the doer -------------------------------------------------------------------------------------


def test_the_force_an_accusation_names_is_the_doer(run: Run) -> None:
    for text in ("A rights group accuses police of beating traders during a search for weapons in Lorvale.",
                 "Elders in Lorvale blamed soldiers for shooting a boy near the market."):
        c = lead(run(text, ["Lorvale"]))
        assert c.event_type == "Violence against civilians", (text, c.event_type)
        assert _side_inters(c) == (1, 7), (text, _side_inters(c))


# --- a group the forces were looking for is no side -----------------------------------------------------------------


def test_a_group_only_searched_for_is_no_side_of_the_beating(run: Run) -> None:
    # whom the police hit while looking for the group's backers are civilians: violence against civilians
    c = lead(run("Police in Lorvale beat several traders during a door-to-door hunt for al-Shabaab sympathisers.",
                 ["Lorvale"]))
    assert c.event_type == "Violence against civilians", (c.event_type, c.sub_event_type)
    assert _side_inters(c) == (1, 7), _side_inters(c)
    # the group the police fought stays their other side
    c = lead(run("Police pursued Al Shabaab fighters near Lorvale and killed two of them.", ["Lorvale"]))
    assert sorted(i for i in _side_inters(c) if i is not None) == [1, 2], _side_inters(c)


# --- a people's villagers who fight are its militia -------------------------------------------------------------


def test_a_peoples_villagers_who_fight_are_its_militia(run: Run) -> None:
    c = lead(run("Nuer villagers clashed with Dinka herders near Lorvale on Tuesday, leaving six dead.", ["Lorvale"]))
    assert c.event_type == "Battles", c.event_type
    names = {a.name.split(" (")[0] for a in (c.actor("actor1"), c.actor("actor2")) if a is not None}
    assert names == {"Nuer Ethnic Militia", "Dinka Ethnic Militia"}, names
    # a people's herders who were attacked stay the civilians hit
    c = lead(run("Nuer herders were attacked near Lorvale on Tuesday and three were killed.", ["Lorvale"]))
    assert _side_inters(c) == (3, 7), _side_inters(c)


# --- a nation's adjective paired with a people is a people ------------------------------------------------------


def test_a_nation_paired_with_a_people_in_a_fight_is_a_people(run: Run) -> None:
    for text in ("Clashes between Somali and Pokot herders left nine dead near Lorvale on Monday.",
                 "Fighting between Pokot and Somali herders near Lorvale left nine people dead."):
        c = lead(run(text, ["Lorvale"]))
        assert c.event_type == "Battles", (text, c.event_type)
        names = {a.name.split(" (")[0] for a in (c.actor("actor1"), c.actor("actor2")) if a is not None}
        assert names == {"Pokot Ethnic Militia", "Somali Ethnic Militia"}, (text, names)


# --- an -ing noun's doer is its "by" phrase ---------------------------------------------------------------------


def test_the_by_phrase_of_a_gerund_is_its_doer(run: Run) -> None:
    c = lead(run("Heavy shelling by Ugandan troops near Lorvale killed two herders and their animals.", ["Lorvale"]))
    assert c.event_type == "Explosions/Remote violence", c.event_type
    a1 = c.actor("actor1")
    assert a1 is not None and a1.inter in (1, 8) and "Uganda" in a1.name, a1


# --- off-duty state forces are civilians ------------------------------------------------------------------------


def test_an_off_duty_officer_who_is_attacked_is_a_civilian(run: Run) -> None:
    c = lead(run("Masked gunmen shot dead an off-duty police constable near a bar in Lorvale on Friday night.",
                 ["Lorvale"]))
    assert (c.event_type, c.sub_event_type) == ("Violence against civilians", "Attack"), c.sub_event_type
    assert _side_inters(c) == (3, 7), _side_inters(c)
    # on duty: two armed sides, a clash
    c = lead(run("Masked gunmen shot dead a police constable near a bar in Lorvale on Friday night.", ["Lorvale"]))
    assert 1 in _side_inters(c), _side_inters(c)
