"""A name after a verb of taking ground is a place, also in a report whose country is not given (a news snippet)."""

from __future__ import annotations


def _names(geoparser, nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.text for m in geoparser.recognize(text, nlp(text))}


def test_a_town_regained_or_retaken_is_a_place_without_the_reports_country(geoparser, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Insurgent fighters regained Marka late on Monday after the garrison withdrew."
    assert "Marka" in _names(geoparser, nlp, text)
    text = "After a week of fighting the army retook Shoqra from the separatists."
    assert "Shoqra" in _names(geoparser, nlp, text)


def test_a_person_captured_is_not_a_place(geoparser, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Soldiers captured Abubakar Hassan, a commander of the group, near the river."
    names = _names(geoparser, nlp, text)
    assert "Hassan" not in names and "Abubakar Hassan" not in names
