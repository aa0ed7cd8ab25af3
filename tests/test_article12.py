"""Whole articles, session 12: a date on a participle that set the device down is the date of its find; a compass
word before a known city names that city wherever it stands; a dateline without a dash is read. Invented
sentences."""

from __future__ import annotations

import re
from datetime import date

from frontwatch.annotate import annotate
from frontwatch.model import NOT_AN_EVENT, Claim, Document, Place, PlaceMention, Span, document_id_for

DAY = date(2021, 3, 14)


def _claims(nlp, extractor, text: str, names: dict[str, str]) -> list[Claim]:  # type: ignore[no-untyped-def]
    """The claims of `text` with each name of `names` resolved to a town of the country given."""
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", DAY, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    mentions = [PlaceMention(Span.of(text, m.start(), m.end()), Place(n, 1, "PPL", cc, lat=1.0, lon=1.0), 1.0, "t")
                for n, cc in names.items() for m in re.finditer(re.escape(n), text)]
    events = extractor.claims(document, doc, sorted(mentions, key=lambda p: p.span.start))
    return [c for c in events if c.event_type != NOT_AN_EVENT]


def test_a_day_on_the_participle_of_a_planted_device_dates_the_find(nlp, extractor) -> None:  # type: ignore[no-untyped-def]
    # the device's own participle gives the only day the sentence holds: the report's day is no better guess
    text = ("The other device by the post office in Kesto, hidden on 2 March, was spotted by a cleaner and "
            "army experts defused it, a spokesman said.")
    found = _claims(nlp, extractor, text, {"Kesto": "DE"})
    assert found and all(c.place is not None for c in found)
    assert {c.time.low for c in found if c.time is not None} == {date(2021, 3, 2)}


def test_a_compass_part_of_a_known_city_names_it_wherever_it_stands(nlp, geoparser) -> None:  # type: ignore[no-untyped-def]
    # the city after "for" / "of" with a compass adjective: the model may miss it, the part tells the place
    text = ("A truce agreed for southern Donetsk broke down within hours on Tuesday. The siege of eastern Taiz "
            "went on under shelling.")
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", DAY, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    found = {m.span.text: m.place.country for m in geoparser.places(document, doc) if m.place is not None}
    assert found.get("Donetsk") == "UA" and found.get("Taiz") == "YE"


def test_a_dateline_without_a_dash_is_read(nlp, geoparser) -> None:  # type: ignore[no-untyped-def]
    # a city in capitals, a comma and its state, then the first sentence: no dash, still the report's dateline
    text = "DENVER, Colorado Police fired tear gas at a crowd outside the courthouse on Sunday, witnesses said."
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", DAY, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    assert [s.text.split()[0] for s in doc.sents if s.text.strip()][:2] == ["DENVER,", "Police"]
    places = geoparser.places(document, doc)
    assert any(m.span.start == 0 and m.place is not None and m.place.country == "US" for m in places)
    # a headline in capitals with no state after it is no dateline
    plain = "PROTEST Police fired tear gas at a crowd on Sunday."
    assert [s.text for s in _doc_sents(nlp, plain)] == [plain]


def _doc_sents(nlp, text: str) -> list:  # type: ignore[no-untyped-def]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", DAY, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    return [s for s in doc.sents if s.text.strip()]
