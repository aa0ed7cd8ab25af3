"""Whole articles, session 11: a hard-wrapped text's line breaks inside a sentence do not split it; a facility name
matched through its kind words ("Town Hall" read as a town named Halle) names no town. Invented sentences."""

from __future__ import annotations

from datetime import date

from frontwatch.annotate import annotate
from frontwatch.extract.background import facility_namesakes
from frontwatch.extract.triggers import load_lexicon
from frontwatch.model import Document, Place, PlaceMention, Span, document_id_for

PUB = date(2021, 8, 21)

# Hard-wrapped at a fixed width, with the indentation some sources keep.
WRAPPED = ("Protesters gathered outside the ministry in Kerano on\n"
           "        Sunday, and the police fired tear gas at them when\n"
           "        they refused to leave the square.\n"
           "        The crowd came back on Monday and marched along the\n"
           "        river to the council offices.")


def _doc(nlp, text: str):  # type: ignore[no-untyped-def]
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en")
    ((_, doc),) = list(annotate(nlp, [document]))
    return doc


def _mention(text: str, name: str, place_name: str, country: str) -> PlaceMention:
    start = text.index(name)
    place = Place(place_name, 1, "PPL", country, lat=0.0, lon=0.0)
    return PlaceMention(Span.of(text, start, start + len(name)), place, 1.0, "t")


def test_a_hard_wrapped_sentence_is_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(nlp, WRAPPED)
    sents = [s.text.split() for s in doc.sents if s.text.strip()]
    assert len(sents) == 2
    assert sents[0][0] == "Protesters" and sents[0][-1] == "square."
    assert sents[1][0] == "The" and sents[1][-1] == "offices."
    # no end punctuation, but not wrapped either: a heading, then a line per paragraph keeps its breaks
    text = "Clashes in Kerano\nPolice fired tear gas at protesters on Sunday.\nThe crowd came back on Monday."
    sents = [s.text.strip() for s in _doc(nlp, text).sents if s.text.strip()]
    assert sents == ["Clashes in Kerano", "Police fired tear gas at protesters on Sunday.",
                     "The crowd came back on Monday."]


def test_a_wrapped_break_before_a_name_goes_on_when_the_line_does(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen opened fire on a bus near the market of\n"
            "    Kerano on Sunday, and the driver was wounded in\n"
            "    the attack, police said. Two passengers were\n"
            "    taken to hospital.")
    sents = [s.text for s in _doc(nlp, text).sents if s.text.strip()]
    assert len(sents) == 2 and sents[0].split()[-1] == "said."


def test_a_kind_word_facility_is_no_town(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Town Hall" read as a town whose name only echoes the head word: a building, wherever the town would be
    text = "Protesters hung a banner on the Town Hall in Kerano on Sunday."
    doc = _doc(nlp, text)
    places = [_mention(text, "Town Hall", "Hallen", "CA"), _mention(text, "Kerano", "Kerano", "CA")]
    kept = facility_namesakes(doc, places, load_lexicon().words)
    assert [m.span.text for m in kept] == ["Kerano"]
    # a facility named by its town's own word keeps the town
    text = "Protesters hung a banner on Kerano Hall on Sunday."
    doc = _doc(nlp, text)
    places = [_mention(text, "Kerano Hall", "Kerano", "CA")]
    assert [m.span.text for m in facility_namesakes(doc, places, load_lexicon().words)] == ["Kerano Hall"]


# An article (more than a note's four sentences) whose violence is a pattern its speakers report, not an incident.
PATTERN = ("Hundreds of people gathered in Kerano on Saturday to hear speakers from the relief committee. "
           "The committee asked the government to send more aid to the refugees. "
           "One speaker, a nurse, said there were credible accounts of widespread abuses against villagers, young "
           "men being rounded up and shot and girls abducted. "
           "Another speaker thanked the volunteers for their work. "
           "The committee will meet again next month.")


def test_violence_told_as_a_reported_pattern_is_no_incident(claims_of) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.model import NOT_AN_EVENT

    violent = [c for c in claims_of(PATTERN, ["Kerano"], published=PUB)
               if c.event_type in {"Violence against civilians", "Riots", "Battles"}]
    assert violent == []
    # told as what gunmen did, not as a pattern heard of, the same list stays events
    told = PATTERN.replace("there were credible accounts of widespread abuses against villagers",
                           "gunmen attacked the villagers")
    assert any(c.event_type not in {NOT_AN_EVENT, "Protests"} for c in claims_of(told, ["Kerano"], published=PUB))


def test_a_poisoning_done_to_people_is_an_attack(claims_of) -> None:  # type: ignore[no-untyped-def]
    text = "Two guards of the depot in Kerano died on Sunday after drinking tea poisoned with cyanide."
    attacks = [c for c in claims_of(text, ["Kerano"], published=PUB) if c.event_type == "Violence against civilians"]
    assert attacks and attacks[0].sub_event_type == "Attack" and attacks[0].fatalities_acled == 2
    # the noun of an illness is no act ("food poisoning")
    text = "Forty pupils in Kerano were taken to hospital with food poisoning on Sunday."
    assert all(c.event_type == "Not a conflict event" for c in claims_of(text, ["Kerano"], published=PUB))
    # nor a poisoning by a substance with no one behind it
    text = "Three children in Kerano died on Sunday after being poisoned by fumes from a farm chemical."
    assert not [c for c in claims_of(text, ["Kerano"], published=PUB) if c.event_type == "Violence against civilians"]


def test_civilians_burning_their_own_homes_is_no_riot(claims_of) -> None:  # type: ignore[no-untyped-def]
    from frontwatch.model import NOT_AN_EVENT

    text = "A relief worker in Kerano said on Monday that some villagers set fire to their houses before they fled."
    assert all(c.event_type == NOT_AN_EVENT for c in claims_of(text, ["Kerano"], published=PUB))
    # others' property burned is still violence
    text = "A relief worker in Kerano said on Monday that some villagers set fire to the chief's houses."
    assert any(c.event_type != NOT_AN_EVENT for c in claims_of(text, ["Kerano"], published=PUB))
    # a protest against the destruction of their own property is still a protest
    text = "Over 300 traders in Kerano protested against their eviction on Monday."
    assert any(c.event_type == "Protests" for c in claims_of(text, ["Kerano"], published=PUB))


# An article about a speaker whose "rally" was a conference: its people are an audience.
MEETING = ("A party leader filmed praising the governor while some attendees cheered at a weekend rally in Kerano "
           "will speak at the college next month, officials said on Wednesday. "
           "The college said it had not invited him. "
           "The party held its yearly meeting at a hotel last Saturday. "
           "A video showed the leader speaking from a stage. "
           "The college's students plan no event of their own.")


def test_a_rally_of_attendees_is_a_meeting_not_a_protest(claims_of) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in claims_of(MEETING, ["Kerano"], published=PUB) if c.event_type == "Protests"]
    # the same rally of a crowd stays a demonstration
    crowd = MEETING.replace("some attendees cheered", "hundreds of marchers chanted")
    assert [c for c in claims_of(crowd, ["Kerano"], published=PUB) if c.event_type == "Protests"]
