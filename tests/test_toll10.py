"""toll10: tolls in whole articles and long notes (issue 15). Every sentence here is invented; places and people in
them are made up or generic."""

from __future__ import annotations

from datetime import date
from typing import Any


def _killed(nlp: Any, text: str) -> list[int | None]:
    from frontwatch.extract.counts import find_counts

    return [c.value for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


def _lead_toll(claims_of: Any, text: str) -> int:
    return max(claims_of(text, published=date(2015, 2, 9)), key=lambda c: c.confidence).fatalities_acled


# --- a figure that is part of a date is never a count of people ------------------------------------------------------

def test_the_day_of_a_date_is_no_count(nlp: Any) -> None:
    # the day told before its month ("9 March") sits right before the verb, where a toll's figure would
    assert _killed(nlp, "The car bombs of 9 March killed 31 people outside the depot.") == [31]
    assert _killed(nlp, "The raid of 4 Sept. left 7 herders dead at the wells.") == [7]
    # a day told before its month, then the toll's figure: the day is the date, the figure after it the toll
    assert _killed(nlp, "On 2 May 5 traders were killed on the ferry road.") == [5]
    # "may" as a verb after a figure is no month: the figure is still the toll
    assert _killed(nlp, "Officials said 6 may have been killed in the crossfire.") == [6]


def test_a_year_told_as_a_time_is_no_count(nlp: Any) -> None:
    assert _killed(nlp, "Since 2013 killed were mostly herders, the elders said.") == []


# --- a later sentence's toll joins the event, each group counted ------------------------------------------------------

def test_every_follow_up_toll_of_a_note_reaches_the_event(claims_of: Any) -> None:
    text = ("Militants raided an army outpost near the river and 2 soldiers were killed. 4 of the injured later died "
            "in hospital. 4 of the militants were killed in the fighting.")
    # the dead of wounds and the other side's dead are more dead: 2 + 4 + 4, though two figures are equal
    assert _lead_toll(claims_of, text) == 10


def test_the_other_sides_dead_told_with_of_the_add_to_the_toll(claims_of: Any) -> None:
    text = "Gunmen stormed a police post at night, 3 officers killed. 2 of the attackers were killed too."
    assert _lead_toll(claims_of, text) == 5
    # the same dead told again are no more dead
    again = "Gunmen stormed a police post at night, 3 officers killed. The 3 officers were buried on Sunday."
    assert _lead_toll(claims_of, again) == 3


# --- a group joined to a toll after its outcome by "plus", "+" or "/" is summed ---------------------------------------

def test_a_group_listed_after_the_outcome_is_added(nlp: Any) -> None:
    assert _killed(nlp, "4 killed at a roadside kiosk plus 2 guards.") == [6]
    assert _killed(nlp, "Attackers killed 3 people at the hotel + 1 cook.") == [4]
    assert _killed(nlp, "7 dead at the depot / 2 drivers.") == [9]
    # a figure with its own outcome, or of no people, is not added
    assert _killed(nlp, "4 killed at a roadside kiosk plus 2 injured.") == [4]
    assert _killed(nlp, "4 killed at a roadside kiosk plus 30 goats.") == [4]
    # a terse list of facts: the people after the slash were driven out, the bystander is counted apart
    assert _killed(nlp, "Raids went on: 3 killed/ a school torched/ 900 people uprooted from the valley.") == [3]
    assert _killed(nlp, "4 killed in the market plus 1 bystander caught in the crossfire (counted separately).") \
        == [4]


# --- deaths of an illness or a disaster told beside the violence are no toll of it ------------------------------------

def test_the_dead_of_an_illness_are_no_toll(nlp: Any) -> None:
    assert _killed(nlp, "A measles epidemic in the province which claimed 57 lives closed the schools.") == []
    assert _killed(nlp, "Last year 23 residents died of cholera in the camp.") == []
    # violence told beside a drought, or dead of gunshot wounds, are still the toll
    assert _killed(nlp, "Fighting over wells during the long drought killed 5 herders.") == [5]
    assert _killed(nlp, "3 marchers died from gunshot wounds.") == [3]


# --- a victim described by a participle is one of the dead, not another outcome ---------------------------------------

def test_a_victim_described_by_a_participle_is_counted(nlp: Any) -> None:
    assert _killed(nlp, "Raiders killed three herders and a boy walking home from school.") == [4]
    # a conjunct with an outcome of its own is another group
    assert _killed(nlp, "Eleven were hurt and one trader killed in the raid.") == [1]


# --- the attacker killed after the attack's dead are told is one more dead --------------------------------------------

def test_the_attacker_killed_at_the_end_adds_to_the_toll(nlp: Any) -> None:
    assert _killed(nlp, "The raid left two guards dead and one wounded before soldiers shot and killed the gunman.") \
        == [2 + 1]
    # the attacker as the killer is no more dead
    assert _killed(nlp, "The gunman killed 3 shoppers at the mall.") == [3]


# --- a suicide attack's toll holds its attacker -----------------------------------------------------------------------

def test_a_suicide_attack_counts_its_attacker(nlp: Any) -> None:
    assert _killed(nlp, "A suicide truck bomb outside the barracks killed 9 recruits, the ministry said.") == [10]
    # the attacker already in the figure, or told dead by the sentence itself, is not added again
    assert _killed(nlp, "A suicide bomber killed 6 people at the depot, including the bomber.") == [6]
    assert _killed(nlp, "A suicide bomber killed 4 guards at the depot before blowing himself up.") == [5]
