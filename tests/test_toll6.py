"""toll6: fatalities on ACLED-style notes (issue 15). Every sentence here is invented; places and people in them are
made up or generic."""

from __future__ import annotations

from typing import Any


def _killed(nlp: Any, text: str) -> list[tuple[int | None, str | None]]:
    from frontwatch.extract.counts import find_counts

    return [(c.value, c.qualifier) for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


# --- a collective noun's figure is the number of its people --------------------------------------------------

def test_a_group_or_family_of_n_killed_is_n_dead(nlp: Any) -> None:
    assert _killed(nlp, "The mine went off under the patrol, killing a group of six rangers.") == [(6, "exact")]
    assert _killed(nlp, "A family of four was burnt to death when raiders torched their hut.") == [(4, "exact")]
    # a collective noun without a figure names an unknown number, not one person
    assert _killed(nlp, "Bandits killed a group of fishermen on the shore.") == []


# --- a qualified figure whose outcome lies beyond the regex's reach is read from the parse -------------------------

def test_a_qualified_figure_far_from_its_outcome_keeps_its_qualifier(nlp: Any) -> None:
    text = "At least 14 rangers and volunteer guards from the conservancy are feared dead after the night raid."
    assert _killed(nlp, text) == [(14, "at least")]
    # the figure's own outcome read by the regex stays: no killed count from the parse beside it
    assert _killed(nlp, "Roughly 40 herders were either killed or wounded in the raid.") == []


# --- a mob's beating told as a death whose victim was rescued is no death ------------------------------------------

def _tolls(claims_of: Any, text: str) -> list[int]:
    from datetime import date

    return sorted((c.fatalities_acled for c in claims_of(text, published=date(2014, 6, 3))), reverse=True)


def test_a_lynching_whose_victim_was_rescued_has_no_toll(claims_of: Any) -> None:
    text = ("A youth accused of stealing a phone was lynched by traders at a bus park. "
            "Officers on patrol saved him from the crowd and rescued him before his death.")
    assert _tolls(claims_of, text)[0] == 0
    # a rescue of other people leaves the lynching's dead
    text = ("A youth accused of stealing a phone was lynched by traders at a bus park. "
            "Officers on patrol rescued two other suspects from the crowd.")
    assert _tolls(claims_of, text)[0] == 1


# --- a toll told before the report's first event is that event's ------------------------------------------------

def test_bodies_found_before_the_event_is_told_are_its_toll(claims_of: Any) -> None:
    text = ("The bodies of four herders were recovered from a dry riverbed on Sunday. "
            "Elders blamed the attack on raiders from across the hills.")
    assert _tolls(claims_of, text)[0] == 4
    # across a paragraph break the figure is no toll of the event told after it
    text = ("The bodies of four herders were recovered from a dry riverbed on Sunday.\n\n"
            "In other news, raiders attacked a trading centre and looted shops.")
    assert _tolls(claims_of, text)[0] == 0


# --- the death a crowd protests over, told again elsewhere in its report, is no toll of the protest ---------------

def test_the_death_a_protest_is_over_is_not_its_toll_wherever_it_is_told(claims_of: Any) -> None:
    text = ("Nurses at a county hospital marched through the town in protest over the death of their colleague. "
            "They barricaded the main road with burning tyres and stones. "
            "Their colleague had died at home after weeks without pay, the union said.")
    assert _tolls(claims_of, text)[0] == 0
    # a death the protest itself brings (police fire on the crowd) stays its toll
    text = ("Nurses at a county hospital marched through the town in protest over the death of their colleague. "
            "Police fired live bullets at the crowd and one marcher died.")
    assert _tolls(claims_of, text)[0] == 1


# --- a toll's later rise is the figure of the claims that told fewer of the same dead -----------------------------

def test_a_later_rise_of_the_toll_updates_the_first_claims_figure(claims_of: Any) -> None:
    from datetime import date

    text = ("Gunmen hurled a grenade into a crowded tea room, killing two and injuring 14. "
            "By the weekend the death toll from the grenade attack had risen to five.")
    claims = claims_of(text, published=date(2014, 6, 3))
    first = [c.fatalities_acled for c in claims if c.sentence.start == 0 and c.event_type != "Strategic developments"]
    assert first and all(f == 5 for f in first)
    # across a paragraph break the rise is another report's, not this claim's
    claims = claims_of(text.replace(" By the", "\n\nBy the"), published=date(2014, 6, 3))
    assert next(c.fatalities_acled for c in claims if c.sentence.start == 0) == 2
