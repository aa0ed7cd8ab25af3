"""The crime-report gate (extract/crime.py) against what ACLED still codes in a report in the courts' words: a
community's people acting together (mob justice), a rush at people, and a raid whose planning is told after it."""

from __future__ import annotations

from tests.fixtures.nlp import Run


def _subs(claims_of: Run, text: str) -> set[str | None]:
    return {c.sub_event_type for c in claims_of(text)}


def test_villagers_killing_a_suspect_in_a_crime_report_is_mob_violence(claims_of: Run) -> None:
    # "burglar" makes it a crime report; the doers are a community's people in the plural: mob justice
    assert "Mob violence" in _subs(claims_of, "Neighbours and villagers beat an alleged burglar to death with sticks.")
    # one resident's stabbing in the same words stays ordinary crime
    assert not _subs(claims_of, "A resident stabbed his brother after a burglary, a detective said.")


def test_a_rush_at_people_is_no_charge_laid(claims_of: Run) -> None:
    assert _subs(claims_of, "Twelve youths charged at the guards with clubs outside the warehouse.")


def test_a_raid_planned_for_weeks_happened(claims_of: Run) -> None:
    text = "Soldiers raided a rebel camp and killed six fighters. The raid had been planned for months."
    later = [c for c in claims_of(text) if c.sentence.start > 0]
    assert later, "the raid's planning told after it is still the raid"
    assert not _subs(claims_of, "A march is scheduled for Saturday in the capital.")
