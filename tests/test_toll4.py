"""toll4: tolls and dates on ACLED-style notes (issue 15). Every sentence here is invented; places and people in them
are made up or generic."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest


def _killed(nlp: Any, text: str) -> list[int | None]:
    from frontwatch.extract.counts import find_counts

    return [c.value for s in nlp(text).sents for c in find_counts(s) if c.what.value == "killed"]


def _tolls(claims_of: Any, text: str) -> list[int]:
    return sorted((c.fatalities_acled for c in claims_of(text, published=date(2012, 3, 6))), reverse=True)


# --- a victim without a figure is one person, whichever way the parser reads the headline -----------------------

@pytest.mark.parametrize("text", [
    "Crowd lynches herdsman who had reportedly stolen a goat",  # the verb hung on its victim as a compound
    "Angry traders in the market lynch a suspected phone thief.",  # the victim's compound: the last noun is the person
    "Villagers stone alleged burglar to death",  # a way of killing with "to death" after the victim
])
def test_a_headlines_misread_killing_verb_kills_its_one_victim(nlp: Any, text: str) -> None:
    assert _killed(nlp, text) == [1]


def test_a_headlines_misread_verb_without_a_death_counts_no_one(nlp: Any) -> None:
    assert _killed(nlp, "Villagers stone the chief's office") == []  # no "to death": no one died
    assert _killed(nlp, "Crowd lynches gang members.") == []  # the phrase goes on to a plural: unknown number


def test_shot_dead_with_dead_hung_on_the_victim_kills_the_object(nlp: Any) -> None:
    assert _killed(nlp, "Soldiers shot dead wanted gang leader as he tried to flee his hideout.") == [1]


def test_an_article_makes_a_plural_tagged_victim_one(nlp: Any) -> None:
    assert _killed(nlp, "An armed gunmen is killed and a guard is hurt after the gang raided the depot.") == [1]


def test_a_headline_passive_before_a_semicolon_counts_its_subject(nlp: Any) -> None:
    assert _killed(nlp, "Woman killed during a quarrel over land; the place is not known.") == [1]


def test_found_killed_counts_who_was_found(nlp: Any) -> None:
    assert _killed(nlp, "Four herders found killed near a watering point; attackers unknown") == [4]
    assert _killed(nlp, "Rangers found two poachers killed near the river.") == [2]


def test_a_figure_the_parser_hangs_on_an_adjective_still_counts(nlp: Any) -> None:
    text = "Nine Somali traders travelling to the coast have been killed by bandits on the highway."
    assert _killed(nlp, text) == [9]


def test_a_written_figure_keeps_its_tens(nlp: Any) -> None:
    assert _killed(nlp, "Thirty two people died in the fire.") == [32]
    assert _killed(nlp, "Forty-three people died in the fire.") == [43]


def test_words_between_a_passives_auxiliary_and_its_verb_keep_the_subject(nlp: Any) -> None:
    assert _killed(nlp, "Three traders were late on Friday night shot dead near their shops by robbers.") == [3]


def test_a_second_verb_of_dying_shares_the_subject(nlp: Any) -> None:
    assert _killed(nlp, "1 market guard was hit by a stray bullet and died from his wounds.") == [1]


def test_a_way_of_killing_before_its_victims_reads_the_figure(nlp: Any) -> None:
    assert _killed(nlp, "A mob hacked to death three suspected cattle thieves at the market.") == [3]
    assert _killed(nlp, "Masked men were filmed executing four prisoners in a quarry.") == [4]


# --- dates: a note dated by its event -------------------------------------------------------------------------------

def _days(nlp: Any, extractor: Any, text: str, dated: date, event_dated: bool) -> list[tuple[date, bool]]:
    from frontwatch.annotate import annotate
    from frontwatch.model import Document, document_id_for

    meta = (("dated", "event"),) if event_dated else ()
    document = Document(document_id_for(text), text, "test", "text", published=dated, language="en", metadata=meta)
    ((_, doc),) = list(annotate(nlp, [document]))
    return sorted({(c.time.low, c.time.assumed) for c in extractor.claims(document, doc, []) if c.time is not None})


@pytest.mark.parametrize("text", [
    "Hundreds of traders yesterday marched to the county offices to protest new market fees.",
    "Gunmen last night shot dead a shopkeeper in the town centre.",
    "On Tuesday, youths stormed a farm and fought with police.",
    "Two herders were killed by raiders three days ago.",
])
def test_a_day_counted_from_the_report_is_the_notes_own_date_when_it_carries_its_events(
        nlp: Any, extractor: Any, text: str) -> None:
    day = date(2013, 5, 9)  # a Thursday
    assert _days(nlp, extractor, text, day, event_dated=True) == [(day, True)]  # not read: the event's date stands
    # a report's date: the same words count back from it
    assert all(d < day and not assumed for d, assumed in _days(nlp, extractor, text, day, event_dated=False))


def test_a_note_dated_by_its_event_still_reads_a_day_that_carries_its_date(nlp: Any, extractor: Any) -> None:
    text = "Raiders attacked a village on 07/05 and killed a herder."
    assert _days(nlp, extractor, text, date(2013, 5, 9), event_dated=True) == [(date(2013, 5, 7), False)]


# --- one person, a raised toll, a crowd's cause ---------------------------------------------------------------------

def test_two_titles_of_one_person_under_one_article_count_one(nlp: Any) -> None:
    assert _killed(nlp, "A respected trader and elder was stabbed to death outside his shop.") == [1]
    assert _killed(nlp, "A teacher and pupil were killed.") == [2]  # a plural verb: two people
    assert _killed(nlp, "A guard and his dog handler were killed.") == [2]  # each with its own determiner


def test_a_toll_raised_from_one_figure_to_another_is_the_later_figure(claims_of: Any) -> None:
    text = "Bandits ambushed a bus near the border. One death reported. A week on, their death toll was revised " \
           "from 1 to 5."
    assert _tolls(claims_of, text)[0] == 5


def test_a_death_a_crowd_acts_over_is_not_its_toll(claims_of: Any) -> None:
    assert _tolls(claims_of, "Angry youths burned tyres and blocked the road after a boda boda rider was found "
                             "murdered near the market.") == [0]
    assert _tolls(claims_of, "Traders rioted, protesting the killing of a hawker by council guards.")[0] == 0
    # the crowd's own dead stay its toll
    assert _tolls(claims_of, "Rioters clashed with police and two rioters were shot dead.")[0] == 2


# --- toll3's mechanisms on reworded sentences ---------------------------------------------------------------------

@pytest.mark.parametrize("text,n", [
    ("1 nurse pulled from a bus and killed near the market.", 1),  # the first verb read as a participle
    ("Trader chased into a field and stabbed to death.", 1),
    ("2 guards tied up and shot dead at the depot.", 2),
    ("Herdsman ambushed on the road and killed by raiders.", 1),
    ("A pastor abducted from his home and killed during the unrest.", 1),  # both participles modify the noun
    ("3 miners dragged out of their tents and killed overnight.", 3),
])
def test_a_headlines_passive_of_two_verbs_counts_its_subject(claims_of: Any, text: str, n: int) -> None:
    assert _tolls(claims_of, text)[0] == n


@pytest.mark.parametrize("text,n", [
    ("Soldiers shoot dead three bandits, injure two and detain several suspects in a swoop.", 3),
    ("Troops killed four militants and arrested six others in an overnight operation.", 4),
    ("Security forces kill two robbers and arrest three accomplices at a roadblock.", 2),
    ("Officers gun down six raiders, wound one and seize ten rifles near the river.", 6),
])
def test_a_killing_beside_arrests_keeps_its_toll_in_a_violent_event(claims_of: Any, text: str, n: int) -> None:
    # with no other violent event in the sentence, the killing is one of its own, not a toll the arrests would drop
    claims = claims_of(text, published=date(2012, 3, 6))
    assert all(c.fatalities_acled == 0 for c in claims if c.sub_event_type == "Arrests")
    assert max(c.fatalities_acled for c in claims if c.sub_event_type != "Arrests") == n


def test_a_couple_is_two_people(nlp: Any) -> None:
    assert _killed(nlp, "An elderly couple was hacked to death at their farm.") == [2]
    assert _killed(nlp, "Raiders killed a couple and their son.") == [3]


def test_the_day_of_a_clause_after_which_the_event_happens_is_not_its_day(nlp: Any, extractor: Any) -> None:
    text = "Nurses protested outside the hospital for a second day after two colleagues were shot by police on 14/06."
    days = _days(nlp, extractor, text, date(2013, 6, 16), event_dated=False)
    assert (date(2013, 6, 16), True) in days  # the strike: no day of its own, the report's
    assert (date(2013, 6, 14), False) in days  # the shooting keeps its own day


def test_a_killing_charged_to_someone_is_no_toll(nlp: Any) -> None:
    assert _killed(nlp, "The gang leader, accused of killing five traders, was arrested.") == []
    assert _killed(nlp, "The suspect is alleged to have killed three herders.") == []
    assert _killed(nlp, "The suspect killed three herders.") == [3]


def test_a_definite_event_noun_pointing_back_takes_the_events_toll(claims_of: Any) -> None:
    text = "Two gunmen shot and killed a police officer at a roadblock. Why the gang carried out the attack is unclear."
    claims = claims_of(text, published=date(2012, 3, 6))
    back = [c for c in claims if c.trigger is not None and text[c.trigger.start:c.trigger.end] == "attack"]
    assert back and all(c.fatalities_acled == 1 for c in back)
