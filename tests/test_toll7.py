"""toll7: fatalities on ACLED-style notes (issue 15). Every sentence here is invented; places and people in them are
made up or generic."""

from __future__ import annotations

from typing import Any


def _killed(nlp: Any, text: str) -> list[int | None]:
    from frontwatch.extract.counts import find_counts

    return [c.value for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


# --- each side's dead of a list are summed ---------------------------------------------------------------------------

def test_two_headline_passives_with_their_own_dead_are_summed(nlp: Any) -> None:
    # the second verb's own subject is its dead, not the first verb's again
    assert _killed(nlp, "Gunmen raided the hamlet. 3 herders killed and 1 gunman killed.") == [4]


def test_a_relative_clause_with_its_own_subject_describes_the_group(nlp: Any) -> None:
    # "they had detained" tells who the prisoners were, not a fate that sets them apart from the dead
    assert _killed(nlp, "The explosion killed 3 guards and 4 prisoners they had detained overnight.") == [7]
    # a group with an outcome of its own stays apart
    assert _killed(nlp, "The explosion killed 3 guards and 4 prisoners injured in the yard were moved.") != [7]


def _tolls(claims_of: Any, text: str) -> list[int]:
    from datetime import date

    return sorted((c.fatalities_acled for c in claims_of(text, published=date(2014, 6, 3))), reverse=True)


# --- a later sentence that points back at the event with "following the …" adds its more dead -----------------------

def test_more_bodies_found_following_the_raid_add_to_its_toll(claims_of: Any) -> None:
    text = ("Nine herders were killed in a dawn attack by rustlers. "
            "Three more bodies were recovered in the week following the raid.")
    assert _tolls(claims_of, text)[0] == 12


# --- another account's figure does not outbid the toll told first -------------------------------------------------

def test_another_accounts_figure_takes_the_lower_of_the_two(claims_of: Any) -> None:
    first = "Gunmen raided a hamlet at night, killing at least six herders. Elders said the gang torched several huts."
    assert _tolls(claims_of, first + " Other sources claim eleven deaths.")[0] == 6
    assert _tolls(claims_of, first + " A regional radio station reports nine dead.")[0] == 6
    # a lower figure of another account is the one ACLED keeps
    assert _tolls(claims_of, first + " Other sources claim four deaths.")[0] == 4


# --- a toll sentence whose only claim is the wounding's keeps its dead -------------------------------------------

def test_the_dead_beside_the_wounded_of_a_toll_sentence_are_its_toll(claims_of: Any) -> None:
    text = "Bandits ambushed a minibus on the ridge road. At least five are dead and dozens injured."
    assert _tolls(claims_of, text)[0] == 5


# --- a toll's rise told after a long account of what it is of --------------------------------------------------------

def test_a_toll_risen_after_a_long_description_is_read(nlp: Any) -> None:
    text = ("The death toll from a night raid by gunmen on a fishing camp beside the lake in the far north of "
            "the county has climbed to 13.")
    assert _killed(nlp, text) == [13]
    # a toll of something else told before the figure is no toll of people
    assert _killed(nlp, "The toll road built across the marsh in the north of the county reopened to 13 buses.") == []


# --- a passive split by an adverbial the parser takes for the participle's noun ------------------------------------

def test_victims_of_a_passive_split_by_a_time_adverbial(nlp: Any) -> None:
    assert _killed(nlp, "Eight traders were during the evening hours killed when gunmen stormed the market.") == [8]


# --- a killing dated days before the event in a later clause keeps its own toll -----------------------------------

def test_a_killing_told_as_days_before_lends_no_toll(claims_of: Any) -> None:
    from datetime import date

    text = "Three more herders have been killed by rustlers, four days after the gang executed 15 other villagers."
    claims = claims_of(text, published=date(2014, 6, 3))
    first = min((c for c in claims if c.trigger is not None), key=lambda c: c.trigger.start)
    assert first.fatalities_acled == 3


# --- the wounded told before who die later are more dead ------------------------------------------------------------

def test_the_wounded_who_die_later_add_to_the_toll(claims_of: Any) -> None:
    text = "Gunmen stormed a lodge, killing four guards and wounding ten. Two of the injured died the following day."
    assert _tolls(claims_of, text)[0] == 6
    text = "Gunmen stormed a lodge, killing four guards and wounding ten. A cook succumbed to his wounds in hospital."
    assert _tolls(claims_of, text)[0] == 5


# --- a claim read from the words of a toll lends it to the sentence's event ------------------------------------------

def test_the_manner_of_the_deaths_lends_its_toll_to_the_sentences_event(claims_of: Any) -> None:
    from datetime import date

    text = "Gunmen raid a quiet hamlet and shoot at the home of a ranger; his 9-year-old son killed in gunfire."
    claims = [c for c in claims_of(text, published=date(2014, 6, 3)) if c.sub_event_type == "Attack"]
    assert claims and all(c.fatalities_acled == 1 for c in claims)
