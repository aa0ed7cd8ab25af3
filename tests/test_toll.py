"""Tolls as ACLED codes them, mechanism by mechanism (issue 15), on invented sentences: verbs that tell what befell
the dead, headline passives, the cause of "leaves N dead", groups with their own outcome, lives claimed, groups of
one sentence summed, and a toll sentence that points back at the event before it."""

from __future__ import annotations

import pytest

from frontwatch.extract.counts import acled_fatalities, find_counts
from frontwatch.model import CountKind
from tests.fixtures.nlp import ClaimsOf


def _toll(nlp, text: str) -> int:  # type: ignore[no-untyped-def]
    return acled_fatalities([c for s in nlp(text).sents for c in find_counts(s)])


@pytest.mark.parametrize(("text", "dead"), [
    # a verb between the figure and its outcome that is no deed of theirs
    ("Three people lost their lives when the bus was attacked.", 3),
    ("One civilian confirmed killed and four injured in the shelling.", 1),
    ("One speared to death in a fight over pasture.", 1),
    ("Two guards stabbed the watchman to death.", 1),  # a deed with its object: the two are the killers
    # a headline's passive without its auxiliary, and a participle the parser hangs on "was"
    ("Raiders storm a hamlet; 12-year-old girl killed in the crossfire.", 1),
    ("A fisherman was on Tuesday killed by bandits.", 1),
    ("Police intervened, killing one of the looters.", 1),
    # "leaves N dead": the subject is the cause, not a dead person
    ("Feud between families leaves 3 dead", 3),
    ("A dispute over water left two herders dead.", 2),
    # a conjunct with its own outcome is another group
    ("Seven guards injured and one driver killed in the ambush.", 1),
    # lives claimed
    ("The raid claimed 9 lives.", 9),
    ("The bandits claimed two attacks on the road.", 0),
    # groups of one sentence named apart are summed
    ("2 bandits killed and 3 herders killed in the exchange.", 5),
    ("A farmer was killed with an arrow, 2 others were killed later.", 3),
    ("One suspect was shot dead, two more were killed as they fled.", 3),
    # alternatives stay apart: the lowest credible figure
    ("At least 6 (some accounts say 9) people were killed.", 6),
    ("Four people were killed, or seven by another count.", 4),
])
def test_toll_mechanisms(nlp, text: str, dead: int) -> None:  # type: ignore[no-untyped-def]
    assert _toll(nlp, text) == dead


def test_a_headline_passive_is_not_an_active_deed(nlp) -> None:  # type: ignore[no-untyped-def]
    # "killed" with an object is the deed of its subject: the subject is no victim
    counts = [c for s in nlp("Unknown gunmen killed a shopkeeper.").sents for c in find_counts(s)]
    assert [(c.what, c.value) for c in counts] == [(CountKind.KILLED, 1)]


def test_a_toll_pointing_back_at_the_battle_is_its_toll(claims_of: ClaimsOf) -> None:
    text = "Police fought gunmen near Lomarut market. Three of the gunmen were killed in the battle."
    claims = claims_of(text, ["Lomarut"])
    placed = [c for c in claims if c.places]
    assert placed and max(c.fatalities_acled for c in placed) == 3
    # the pointer's own claim is folded into the event, not left as a placeless second event with the toll
    assert not [c for c in claims if not c.places and c.fatalities_acled]


def test_an_elaborating_sentence_does_not_take_the_toll_from_the_event(claims_of: ClaimsOf) -> None:
    text = ("Militants attacked a police post in Lomarut on Monday. The militants used rifles during the attack. "
            "Five officers were killed in the attack.")
    claims = claims_of(text, ["Lomarut"])
    placed = [c for c in claims if c.places]
    assert placed and max(c.fatalities_acled for c in placed) == 5


@pytest.mark.parametrize(("text", "dead"), [
    # a running total is no event's toll
    ("The insurgency has killed more than 3,000 people since it began.", 0),
    ("At least 150 people have been killed so far this year in the county.", 0),
    ("Since the start of the revolt, 900 people have died.", 0),
    ("Two rangers were killed on Friday, bringing the number of rangers killed this year to 31.", 2),
    # the period words alone do not make a total: the count must be told in the perfect
    ("Three people were killed and no arrests have been made so far.", 3),
    ("Gunmen have killed four people in the village since Monday.", 4),
    # a figure wounded before a killing word is a count of the wounded (the guard and the raider are both sides'
    # dead: 2, not the four wounded)
    ("The raid left one guard dead and four people wounded before police shot and killed a raider.", 2),
])
def test_running_totals_and_wounded_figures(nlp, text: str, dead: int) -> None:  # type: ignore[no-untyped-def]
    assert _toll(nlp, text) == dead


def test_a_killing_told_next_in_the_paragraph_is_the_events_toll(claims_of: ClaimsOf) -> None:
    text = "Youths rioted in Lomarut over the election results. Police intervened, killing two of them."
    claims = claims_of(text, ["Lomarut"])
    riot = [c for c in claims if c.sub_event_type == "Violent demonstration"]
    assert riot and riot[0].fatalities_acled == 2
    # a sentence that opens on another incident keeps its own toll
    text = ("Youths rioted in Lomarut over the election results. In a separate incident, police killed two "
            "suspected robbers.")
    riot = [c for c in claims_of(text, ["Lomarut"]) if c.sub_event_type == "Violent demonstration"]
    assert riot and riot[0].fatalities_acled == 0
    # a non-violent event before it does not take (and lose) the toll
    text = "Traders protested peacefully in Lomarut. Police shot dead two of the traders."
    protest = [c for c in claims_of(text, ["Lomarut"]) if c.event_type == "Protests"]
    assert all(c.fatalities_acled == 0 for c in protest)
    assert any(c.fatalities_acled == 2 for c in claims_of(text, ["Lomarut"]))


def test_another_happenings_toll_is_not_added(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Four more herders have been killed by raiders, a week after the raiders killed 12 other herders."
    assert _toll(nlp, text) == 4


def test_claims_of_one_event_carry_its_toll(claims_of: ClaimsOf) -> None:
    # one sentence, one sub-type, no places that differ: each claim has the toll; a later sentence of the paragraph
    # elaborating the same event keeps the toll it was told with
    text = "Police battle gunmen during a raid; four gunmen killed in the battle. The raid was planned for weeks."
    claims = [c for c in claims_of(text) if c.sub_event_type == "Armed clash"]
    first = [c for c in claims if c.sentence.start == 0]
    later = [c for c in claims if c.sentence.start > 0]
    assert len(first) >= 2 and all(c.fatalities_acled == 4 for c in first)
    assert later and all(c.fatalities_acled == 4 for c in later)
    # another paragraph is not the same telling
    claims = [c for c in claims_of(text.replace("battle. The", "battle.\n\nThe")) if c.sentence.start > 60]
    assert all(c.fatalities_acled == 0 for c in claims)


def test_a_happening_told_as_background_or_an_aside_keeps_its_own_toll(claims_of: ClaimsOf) -> None:
    text = ("A mob attacked a trader in Lomarut and killed him. The attack came after youths staged a violent "
            "demonstration in Lomarut.")
    later = {c.trigger.text: c.fatalities_acled for c in claims_of(text, ["Lomarut"])
             if c.sentence.start > 50 and c.trigger is not None}
    assert later.get("demonstration") == 0  # the earlier happening
    assert later.get("attack", 1) == 1  # the pointer back is the killing itself
    text = "Youths rioted in Lomarut over the results. (Police killed three suspects elsewhere, told apart.)"
    riot = [c for c in claims_of(text, ["Lomarut"]) if c.sub_event_type == "Violent demonstration"]
    assert riot and all(c.fatalities_acled == 0 for c in riot)


def test_a_later_figure_from_another_voice_is_an_alternative_not_an_update(claims_of: ClaimsOf) -> None:
    def toll(text: str) -> int:
        return max(c.fatalities_acled for c in claims_of(text, ["Lomarut"]))

    # another voice or a disputed figure: the lowest credible one
    assert toll("A bomb hit a patrol near Lomarut; one soldier was killed. The militants claim six dead.") == 1
    assert toll("Gunmen attacked a bus near Lomarut, killing three. Conflicting reports have seven deaths.") == 3
    # one account's later figure is an update
    assert toll("Gunmen attacked a bus near Lomarut, killing three. The toll rose to seven.") == 7
