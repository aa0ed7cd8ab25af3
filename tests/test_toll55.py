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
