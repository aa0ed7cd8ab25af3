"""Whole articles (issue 15, session 6): precision of events read from whole news reports. Places, names and figures
are invented."""

from __future__ import annotations

from datetime import date

from tests.fixtures.articles import VELMORA, TownArticles

PUB = date(2021, 3, 20)

_READ = TownArticles(VELMORA, PUB)
_claims, _events, _why = _READ.claims, _READ.events, _READ.why


# --- an act urged, wished or vowed is not yet done -------------------------------------------------------------------

_URGED = ("A recruiter in Velmora urged the young trainee to carry out a deadly attack on a market, the court heard "
          "on Friday.")


def test_an_attack_someone_was_urged_to_carry_out_is_no_event(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, extractor, _URGED) == []
    assert "trial-or-plot" in _why(nlp, keeping, _URGED)
    # the same act told as done is news, and one told after a wish of talks is not under it
    done = "The young trainee carried out a deadly attack on a market in Velmora on Friday, police said."
    assert any(c.event_type != "Strategic developments" for c in _events(nlp, extractor, done))
    after = "The minister in Velmora wants to hold talks after the attack on the garrison on Friday."
    assert _events(nlp, extractor, after)


def test_a_vow_to_launch_an_offensive_is_no_event(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The rebel commander vowed on Friday to launch a fresh offensive on the garrison in Velmora."
    assert _events(nlp, extractor, text) == []


def test_a_call_to_march_is_no_protest(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Organisers in Velmora called on their supporters to stage a march on parliament."
    assert _events(nlp, extractor, text) == []


# --- an epidemic's report quoting a minister is still an epidemic's ---------------------------------------------------

_FLU = ("A new outbreak of bird flu was confirmed on a poultry farm near Velmora on Friday, the agriculture minister "
        "said. The strain killed more than 300 hens before the farm was put under quarantine. Tests for infection in "
        "nearby flocks continue, and a second outbreak is feared.")


def test_an_outbreak_report_quoting_a_minister_has_no_event(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, extractor, _FLU) == []
    assert "no-actor" in _why(nlp, keeping, _FLU)
    # violence told in it is read as usual: soldiers firing on farmers is no one's illness
    shot = _FLU + " Soldiers shot dead a farmer who resisted the cull in Velmora on Saturday."
    assert _events(nlp, extractor, shot)


# --- a report that rules out foul play tells an accident --------------------------------------------------------------

_HUNT = ("A hunter was shot in the head in a forest near Velmora on Sunday, state police said. No foul play is "
         "suspected; the coroner said his own rifle went off as he climbed a fence.")


def test_a_shooting_with_no_foul_play_is_no_event(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, extractor, _HUNT) == []
    assert "accident" in _why(nlp, keeping, _HUNT)
    # a report that also tells of an armed group's doing is read as usual
    armed = _HUNT + " In a separate incident, militants shot a shepherd near Velmora on Monday."
    assert _events(nlp, extractor, armed)


# --- "demonstrate" with an object is "show" ---------------------------------------------------------------------------

_SHOWN = ("A Velmora widow says her husband was murdered, and police said on Monday they will open a homicide "
          "inquiry. \"We hope they have evidence which they can demonstrate in court,\" the family lawyer said.")


def test_demonstrating_evidence_is_no_protest_nor_word_of_conflict(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    # the verb shows something: no protest, and the report stays a crime report (its killing no event)
    assert _events(nlp, extractor, _SHOWN) == []
    assert {"figurative", "crime"} <= _why(nlp, keeping, _SHOWN)


def test_demonstrating_that_is_no_protest_but_students_who_demonstrated_are(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    shown = "The new report demonstrated that teachers in Velmora were underpaid, union leaders said on Monday."
    assert _events(nlp, extractor, shown) == []
    marched = "Police in Velmora arrested twenty students who demonstrated outside parliament on Monday."
    assert any(c.event_type == "Protests" for c in _events(nlp, extractor, marched))
    # a noun the parser hangs past "against" is no object shown, nor a clause without "that"
    against = "Hundreds of nurses demonstrate against health ministry managers in Velmora"
    assert any(c.event_type == "Protests" for c in _events(nlp, extractor, against))
    unpaid = "Dozens of cleaners demonstrated at the Velmora town office complaining they were owed wages."
    assert any(c.event_type == "Protests" for c in _events(nlp, extractor, unpaid))


# --- "wound up" is the past of "wind up" -----------------------------------------------------------------------------


def test_wound_up_somewhere_is_no_injury(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A Velmora traveller wound up on a flight to the wrong city on Friday after a mix-up at the gate, the "
            "airline said.")
    assert _events(nlp, extractor, text) == []
    # "up to" a number is no particle: the wounding stays
    assert _events(nlp, extractor, "Gunmen wound up to ten villagers in Velmora on Friday.")


# --- one ill man's attack is no political violence -------------------------------------------------------------------

_ILL = ("A man who attacked shoppers with a knife in a Velmora supermarket on Tuesday had a history of mental illness, "
        "his family said. Three people were hurt before staff restrained him.")


def test_a_knife_attack_told_with_the_doer_s_mental_illness_is_no_event(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    assert _events(nlp, extractor, _ILL) == []
    assert "crime" in _why(nlp, keeping, _ILL)
    # police shooting such a man is still state forces' violence (ACLED codes it)
    shot = _ILL.replace("before staff restrained him", "before police shot him dead in Velmora")
    assert _events(nlp, extractor, shot)
