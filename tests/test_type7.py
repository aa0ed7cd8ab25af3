"""What happened (issue 15, `type7` area), on invented sentences: a demonstration's intervention cues are read as a
reader would — a weapon's first word is no weapon without the rest of its name (a water company is no water cannon,
"cane growers" hold no canes), and a verb of stopping or barring tells force used on the crowd only when something is
stopped by a force or by someone unnamed, not when the crowd or traffic stops or the crowd blocks others;
violence a demonstration complains of, advocates against or urges others to stop is its grievance."""

from __future__ import annotations

from frontwatch.model import NOT_AN_EVENT
from tests.fixtures.nlp import ClaimsOf, lead


def _sub(claims_of: ClaimsOf, text: str) -> str | None:
    return lead([c for c in claims_of(text) if c.event_type != NOT_AN_EVENT]).sub_event_type


def test_a_weapons_first_word_alone_is_no_intervention(claims_of: ClaimsOf) -> None:
    for text in ("Cane growers marched to the mill to protest low prices.",
                 "Staff of the county water company demonstrated outside its offices over unpaid wages.",
                 "Tappers from the rubber estate demonstrated at the gate against unpaid wages."):
        assert _sub(claims_of, text) == "Peaceful protest", text
    # the weapon named in full still is one
    text = "Traders demonstrated against new levies and officers sprayed them with water cannon."
    assert _sub(claims_of, text) == "Protest with intervention"


def test_stopping_that_the_crowd_does_is_no_intervention(claims_of: ClaimsOf) -> None:
    for text in ("Matatu drivers protested against new fees and stopped along the highway for hours.",
                 "Protesting students blocked lecturers from entering the examination hall."):
        assert _sub(claims_of, text) == "Peaceful protest", text
    # a road the crowd blocks is its barricade, a riot's cue, as before
    assert _sub(claims_of, "Hawkers protested the levies and blocked the highway outside the market.") == (
        "Violent demonstration")
    # stopping done to the crowd, by the police or by someone unnamed, still is an intervention
    for text in ("Vendors demonstrated outside the municipal hall over fresh charges, but police stopped them.",
                 "Vendors demonstrated outside the municipal hall over fresh charges and were stopped at the gate."):
        assert _sub(claims_of, text) == "Protest with intervention", text


def test_violence_a_demonstration_complains_of_is_no_cue(claims_of: ClaimsOf) -> None:
    """What the crowd asked for or spoke against ("to complain about violence", "urging … to stop attacks") is its
    grievance, not its conduct."""
    for text in ("Nurses marched through the town to complain about violence against health workers.",
                 "A youth group marched through the estate urging neighbours to shun violence and reconcile.",
                 "Traders demonstrated and urged the county to stop attacks on hawkers.",
                 "Women campaigned against violence in a march through the market."):
        assert _sub(claims_of, text) == "Peaceful protest", text
    # violence the crowd itself did stays a riot
    assert _sub(claims_of, "Nurses marched through the town and burned tyres outside the hospital.") == (
        "Violent demonstration")

