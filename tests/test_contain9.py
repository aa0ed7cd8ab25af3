"""Named containment of issue 15's ninth pass (`contain9`): every name of a list before its container ("the towns of
X and W in Y") lies in Y, not only the last; and a possessive owner holds the place after it ("Y's X district"), the
owner being recognised as a place itself. Containment only constrains: X takes its reading inside Y, else none.

Every sentence here is invented for the test; the places are real namesakes of the shared gazetteer."""

from __future__ import annotations

from frontwatch.geocode import Geoparser
from frontwatch.model import Document, Span


def _resolve(geoparser: Geoparser, text: str, *names: str) -> dict[str, tuple[str, str | None] | None]:
    """The given names' readings (country, province code), spans given so the recogniser plays no part."""
    spans = [Span(text.index(n), text.index(n) + len(n), n) for n in names]
    out = geoparser.resolve(Document("t", text, "test", "text"), spans)
    return {m.span.text: (m.place.country, m.place.admin1_code) if m.place else None for m in out}


def test_every_name_of_a_list_lies_in_the_container_after_it(geoparser: Geoparser) -> None:
    # the first name alone would be a capital abroad; "in Y" holds both names of the list
    text = "Looters broke into shops in the towns of Moscow and Lewiston in Idaho overnight."
    got = _resolve(geoparser, text, "Moscow", "Lewiston", "Idaho")
    assert got["Moscow"] == ("US", "US.ID"), got
    assert got["Lewiston"] == ("US", "US.ID"), got
    # a list with no container after it keeps its names' own readings
    text = "Looters broke into shops in Moscow and Lewiston overnight."
    assert _resolve(geoparser, text, "Moscow", "Lewiston")["Moscow"] != ("US", "US.ID"), text


def test_a_possessive_owner_holds_the_place_after_it(geoparser: Geoparser) -> None:
    # "Y's X area": the namesake abroad is not X; the owner holds no X, so X stays unplaced rather than abroad
    text = "Gunmen shot two guards in Jamaica's Moscow area on Friday."
    got = _resolve(geoparser, text, "Jamaica", "Moscow")
    assert got["Jamaica"] == ("JM", None), got
    assert got["Moscow"] is None, got
    # the owner holding X keeps it: containment constrains, it invents nothing
    text = "Gunmen shot two guards in Russia's Moscow region on Friday."
    assert _resolve(geoparser, text, "Russia", "Moscow")["Moscow"][0] == "RU", text  # type: ignore[index]
    # "Y's X border" is Y's edge with X: X keeps its own reading, not a namesake inside Y
    text = "Troops massed along Mexico's Texas border on Friday."
    assert _resolve(geoparser, text, "Mexico", "Texas")["Texas"] == ("US", "US.TX"), text


def test_a_possessive_owner_before_a_named_place_is_recognised(geoparser: Geoparser) -> None:
    # the owner's name is no whole capitalised chunk ("Y's X"), yet a unit owning a place named with its kind word
    text = "Gunmen shot two guards in Idaho's Moscow district on Friday."
    named = {r["text"]: r["chosen"] for r in geoparser.explain(text)}
    assert named.get("Idaho") is not None and named["Idaho"].country == "US", named
    # a person's possessive is no owner: a name the gazetteer holds as no unit or town of size
    text = "Guards stood outside Otieno's Moscow district office on Friday."
    assert "Otieno" not in {r["text"] for r in geoparser.explain(text)}, text

