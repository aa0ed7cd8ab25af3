"""toll5: fatalities on ACLED-style notes (issue 15). Every sentence here is invented; places and people in them are
made up or generic."""

from __future__ import annotations

from datetime import date
from typing import Any


def _killed(nlp: Any, text: str) -> list[int | None]:
    from frontwatch.extract.counts import find_counts

    return [c.value for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


def _tolls(claims_of: Any, text: str) -> list[int]:
    return sorted((c.fatalities_acled for c in claims_of(text, published=date(2013, 5, 9))), reverse=True)


# --- a toll told with what it is of, then its rise --------------------------------------------------------------

def test_a_toll_that_rises_after_words_of_what_it_is_of_gives_its_new_figure(nlp: Any) -> None:
    assert _killed(nlp, "By Friday the death toll from the market fire attack had climbed to eleven.") == [11]
    assert _killed(nlp, "The number of dead in the two villages rose to 23 on Monday.") == [23]


def test_a_rising_toll_is_the_events_toll_in_a_later_sentence(claims_of: Any) -> None:
    text = ("Gunmen threw an explosive into a crowded depot, killing three and injuring 20. "
            "Two days later the death toll from the explosion rose to seven.")
    assert _tolls(claims_of, text)[0] == 7


# --- a later figure of more dead adds to the toll; an update or a recount of the same dead does not ---------------

def test_a_later_figure_of_more_dead_adds_to_the_toll_and_the_same_dead_do_not(claims_of: Any) -> None:
    assert _tolls(claims_of, "Bandits shot dead two traders at a roadside kiosk. Three drivers were also killed.")[0] \
        == 5
    assert _tolls(claims_of, "Attackers stormed a farm and killed a watchman. Two more bodies were found nearby.")[0] \
        == 3
    # the same dead told again, a rising toll, and a figure of people missing are no more dead
    assert _tolls(claims_of, "Five herders and two guards were killed in a raid on a camp. "
                             "The two other dead were the guards.")[0] == 7
    assert _tolls(claims_of, "Four people were killed in clashes over grazing land. The toll later rose to six.")[0] \
        == 6
    assert _tolls(claims_of, "Gunmen killed three fishermen on the lake. Two others are missing, feared dead.")[0] \
        == 3


# --- a toll told over several days: the first day's share -------------------------------------------------------

def test_a_toll_told_over_several_days_is_split_over_them(claims_of: Any) -> None:
    text = ("Twelve people have died in fighting between two clans near the river. "
            "The fighting has flared on and off over the course of four days.")
    assert _tolls(claims_of, text)[0] == 3  # 12 over 4 days
    assert _tolls(claims_of, "Eleven were killed in clashes between herders over a 40 hour period.")[0] == 6  # 6 + 5
    # a search that went on "for" days tells how long it lasted, not a toll spread over them
    text = "Police killed nine gang members during a search for their leader that went on for three days."
    assert _tolls(claims_of, text)[0] == 9
