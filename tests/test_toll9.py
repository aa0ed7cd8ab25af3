"""toll9: fatalities on ACLED-style notes (issue 15). Every sentence here is invented; places and people in them are
made up or generic."""

from __future__ import annotations

from typing import Any


def _killed(nlp: Any, text: str) -> list[int | None]:
    from frontwatch.extract.counts import find_counts

    return [c.value for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


# --- a toll word misspelt by a slip of the hand is still read; a real word one slip away is not -----------------------

def test_a_misspelt_toll_word_still_gives_the_toll(nlp: Any) -> None:
    assert _killed(nlp, "Bandits raided the hamlet at dawn. 9 villagers killied, among them a teacher.") == [9]
    assert _killed(nlp, "Six traders were hacked to deat near the market.") == [6]
    assert _killed(nlp, "Two guards were shot and killled at the gate.") == [2]
    # "deed" is one letter from "dead", "filled" is not a slip of "killed" (a letter changed): both stay words
    assert _killed(nlp, "Three deeds were signed at the land office.") == []
    assert _killed(nlp, "Four sacks were filled with maize.") == []


# --- "found dead": the finding says how the dead were known, not a deed of theirs ----------------------------------

def test_people_found_dead_are_the_toll(nlp: Any) -> None:
    assert _killed(nlp, "A day after the clashes, 5 found dead in a ditch outside the village.") == [5]
    assert _killed(nlp, "Two herders discovered murdered near the borehole.") == [2]
    # the two officers found the bodies: the toll is the three bodies, not the finders
    assert _killed(nlp, "Two officers found three bodies in the riverbed.") == [3]


# --- a toll revised in its own sentence is the revised figure, not the lowest of the two ------------------------------

def test_a_toll_revised_within_its_sentence_is_the_revised_figure(nlp: Any) -> None:
    assert _killed(nlp, "A mine blast hit the patrol, killing four (later confirmed to be six) rangers.") == [6]
    assert _killed(nlp, "Gunmen shot dead 3 drivers on the highway, a figure the police later raised to 5.") == [5]
    assert _killed(nlp, "Two miners were killed in the raid; the toll has since risen to eight.") == [8]
    # a revision of another figure, or of no people, leaves the toll as it was
    assert _killed(nlp, "Two miners were killed; the number of injured later rose to 9.") == [2]
    assert _killed(nlp, "Two miners were killed and fuel prices later rose to 40 percent.") == [2]


# --- a note tells one happening: the claim that stands for it carries the toll its other claim read -----------------

def _lead(claims_of: Any, text: str) -> Any:
    from datetime import date

    return max(claims_of(text, published=date(2014, 6, 3)), key=lambda c: c.confidence)


def test_the_claim_standing_for_a_note_carries_its_toll(claims_of: Any) -> None:
    text = "Four guards were killed. Militants stormed the depot at dawn and exchanged fire with soldiers."
    assert _lead(claims_of, text).fatalities_acled == 4
    # two paragraphs are no note: each tells its own
    assert _lead(claims_of, text.replace(". ", ".\n\n")).fatalities_acled == 0


# --- the killer's own death told after the killing is a death of the event ------------------------------------------

def test_a_killer_who_turns_the_gun_on_himself_adds_his_death(nlp: Any) -> None:
    assert _killed(nlp, "A warder shot dead two inmates at the jail before turning the gun on himself.") == [3]
    assert _killed(nlp, "A guard shot a cashier at the depot before committing suicide.") == [1]
    # a suicide that is what a crowd acts over is no killing of this report
    assert _killed(nlp, "Pupils marched over the death of a classmate who committed suicide.") == []


# --- a killing the sentence tells as days before is no toll of its event ---------------------------------------------

def test_a_killing_told_as_days_before_is_not_the_sentences_toll(claims_of: Any) -> None:
    from datetime import date

    text = ("Seven more villagers have been killed by raiders in Lomarut, three days after the gang executed 14 other "
            "herders.")
    claims = claims_of(text, ["Lomarut"], published=date(2014, 6, 3))
    lead = [c for c in claims if c.trigger is not None and c.trigger.text == "killed"]
    assert lead and lead[0].fatalities_acled == 7
