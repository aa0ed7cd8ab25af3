"""toll13: tolls of a note's event (issue 15). Every sentence here is invented; places and people in them are made
up or generic."""

from __future__ import annotations

from typing import Any


def _toll(nlp: Any, text: str) -> int:
    from frontwatch.extract.counts import acled_fatalities, find_counts

    return acled_fatalities([c for s in nlp(text).sents for c in find_counts(s)])


# --- tolls listed clause by clause, each with its own death, are summed ---------------------------------------------

def test_tolls_listed_by_how_they_died_are_summed(nlp: Any) -> None:
    assert _toll(nlp, "7 burned to death in the granary/ 4 killed by spears/ 2 shot dead near the well.") == 13
    assert _toll(nlp, "Two guards were ambushed on the ridge, 2 died on the spot, 1 died later in the clinic.") == 3
    assert _toll(nlp, "Raiders struck the camp at dawn - 5 killed/ 5 died in the fire/ sixty huts razed.") == 10
    # another voice's figure: an alternative, the lowest kept
    assert _toll(nlp, "3 died in the fighting, 5 died according to the elders of the hamlet.") == 3
    # a smaller figure after a bare total may be a part of it
    assert _toll(nlp, "9 killed, 4 died in the fire that followed the raid.") != 13


# --- a group counted as abducted or held whose death is told by pointing back at it -------------------------------

def test_the_dead_of_a_group_told_under_another_fate_are_its_figure(nlp: Any) -> None:
    assert _toll(nlp, "Gunmen abducted three ferrymen at the jetty and later killed them.") == 3
    assert _toll(nlp, "Five salt traders were kidnapped near the pass; they were later found dead.") == 5
    assert _toll(nlp, "The garrison detained 4 herders, who were handed to the militia and found dead days on.") == 4
    assert _toll(nlp, "Two cooks were abducted at the ford and their bodies were recovered on Sunday.") == 2
    # a threat, a death that did not happen, or another fate: no toll
    assert _toll(nlp, "Gunmen abducted three ferrymen at the jetty and threatened to kill them.") == 0
    assert _toll(nlp, "Five salt traders were kidnapped near the pass; they were later freed.") == 0
    assert _toll(nlp, "Five salt traders were kidnapped near the pass; they were not killed.") == 0
