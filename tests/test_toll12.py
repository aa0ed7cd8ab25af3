"""toll12: tolls read in one sentence (issue 15). Every sentence here is invented; places and people in them are
made up or generic."""

from __future__ import annotations

from typing import Any


def _killed(nlp: Any, text: str) -> list[int | None]:
    from frontwatch.extract.counts import find_counts

    return [c.value for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


def _toll(nlp: Any, text: str) -> int:
    from frontwatch.extract.counts import acled_fatalities, find_counts

    return acled_fatalities([c for s in nlp(text).sents for c in find_counts(s)])


# --- "gunned" without "down" is told of a killing -----------------------------------------------------------------

def test_gunned_alone_is_a_killing(nlp: Any) -> None:
    assert _killed(nlp, "One herder has been gunned and two others hurt near the dry well.") == [1]
    assert _killed(nlp, "Two shopkeepers were gunned outside the depot on Friday evening.") == [2]
    # "gunned down" stays one killing, not two
    assert _killed(nlp, "Three guards were gunned down at the gate.") == [3]


# --- both sides' dead in one sentence are the fight's toll -----------------------------------------------------------

def test_the_dead_of_two_sides_are_summed(nlp: Any) -> None:
    # state forces and the armed men they fought
    assert _toll(nlp, "Two rangers were killed in the ambush, while police said four poachers were shot dead.") == 6
    # armed raiders and the people they fell on
    assert _toll(nlp, "Three shepherds were killed by the raiders, while five raiders died in the return fire.") == 8
    # two accounts of the same soldiers' deaths: the lowest, not their sum
    assert _toll(nlp, "Two soldiers were killed, though the regiment said four soldiers died.") == 2
    # a generic word names no side: no sum
    assert _toll(nlp, "Two rangers were killed and, by another count, five people died.") == 2


# --- a part of the group told in apposition is already in its figure ------------------------------------------------

def test_a_part_told_after_the_group_is_not_added(nlp: Any) -> None:
    assert _toll(nlp, "Raiders killed four people, two of them children, and wounded six.") == 4
    assert _toll(nlp, "Troops shot dead three smugglers, two of them brothers, and arrested a fourth.") == 3
    # a bare figure after the verb, its part read by the patterns (not the parse)
    assert _toll(nlp, "The blast killed 9, 3 of them soldiers, and wounded 20.") == 9
    # an apposition that tells its own outcome is a count: the part who died
    assert _killed(nlp, "Gunmen attacked five traders, three of them were killed.") == [3]


# --- the noun a relative "who died" stands for is the dead ----------------------------------------------------------

def test_who_died_after_a_shooting_counts_the_shot(nlp: Any) -> None:
    assert _killed(nlp, "Bandits shot two cattle traders, who died on the way to the clinic.") == [2]
    assert _killed(nlp, "The crowd beat a pickpocket who died later in hospital.") == [1]
    # no death told, or an earlier one: none
    assert _killed(nlp, "Bandits shot two cattle traders, who were taken to the clinic.") == []
    assert _killed(nlp, "Youths marched over the arrest of a cousin who had died in a cell.") == []
