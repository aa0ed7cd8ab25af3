"""Whole articles (issue 15, session 7): false alarms and precision of events read from whole news reports. Places,
names and figures are invented."""

from __future__ import annotations

import re
from datetime import date

from frontwatch.annotate import annotate
from frontwatch.extract import Extractor
from frontwatch.model import NOT_AN_EVENT, Claim, Document, PlaceMention, Span, document_id_for
from tests.fixtures.articles import VELMORA, TownArticles

PUB = date(2021, 3, 20)

_READ = TownArticles(VELMORA, PUB)
_claims, _events, _why = _READ.claims, _READ.events, _READ.why


class _SameSay:
    """A classifier that says the same label with the same probability of every text it reads."""

    def __init__(self, label: str, prob: float) -> None:
        self.label, self.prob = label, prob

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        return [(self.label, self.prob) for _ in texts]


# --- a sentence only the classifier reads as an event: a note's, not an article's ----------------------------------

# Sentences with no event word of the lexicon: only the classifier can make an event of them.
_QUIET = ["The market in Velmora stayed shut on Friday.", "Traders said they had never seen the square so empty.",
          "A bakery owner counted the days since his last delivery.", "The mayor spoke to reporters at noon.",
          "Buses ran on a reduced timetable across the district.", "Schools are due to reopen next month.",
          "Residents queued for bread outside the town hall."]


def test_a_sentence_only_the_classifier_reads_is_a_note_event_not_an_article_one(nlp, actor_dictionary) -> None:  # type: ignore[no-untyped-def]
    unsure = Extractor(actor_dictionary, _SameSay("Attack", 0.6))
    article = " ".join(_QUIET)
    # a short note (up to four sentences) is about its event: the classifier's reading at 0.6 is its event
    for n in (2, 4):
        assert [c.sub_event_type for c in _events(nlp, unsure, " ".join(_QUIET[:n]))] == ["Attack"]
    # in a seven-sentence article the surest sentence of many is not enough at 0.6 ...
    assert _events(nlp, unsure, article) == []
    # ... but a very sure reading still is
    sure = Extractor(actor_dictionary, _SameSay("Attack", 0.9))
    assert [c.sub_event_type for c in _events(nlp, sure, article)] == ["Attack"]
    # a coded note dated by its event is about that event whatever its length
    assert [c.sub_event_type for c in _note_events(nlp, unsure, article)] == ["Attack"]


def _note_events(nlp, extractor, text: str) -> list[Claim]:  # type: ignore[no-untyped-def]
    """The events of a text fed as a coded note (metadata `dated` = `event`), every "Velmora" its place."""
    document = Document(document_id_for(text), text, "test", "text", None, None, "example.org", PUB, "en",
                        metadata=(("dated", "event"),))
    ((_, doc),) = list(annotate(nlp, [document]))
    mentions = [PlaceMention(Span.of(text, m.start(), m.end()), VELMORA, 1.0, "t")
                for m in re.finditer("Velmora", text)]
    return [c for c in extractor.claims(document, doc, mentions) if c.event_type != NOT_AN_EVENT]



# --- what is paused, to come, or said as a saying is no incident -----------------------------------------------------

def test_a_lull_in_the_fighting_is_no_fighting(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    text = "Residents of Velmora describe a lull in the fighting that has let the market reopen."
    assert _events(nlp, extractor, text) == []
    assert "negated" in _why(nlp, keeping, text)
    told = "Residents of Velmora describe heavy fighting that has kept the market shut since Friday."
    assert _events(nlp, extractor, told)


def test_an_event_an_article_tells_in_the_future_is_not_yet_done(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    story = " ".join(_QUIET[1:5]) + " "  # an article's other sentences, none of them an event
    for text in ("Soldiers will storm the ridge above Velmora at dawn, the commander told reporters.",
                 "A protest will be held in Velmora on Saturday against the new water tax."):
        assert _events(nlp, extractor, story + text) == []
        assert "future" in _why(nlp, keeping, story + text)
        # a coded note is about its event: what it tells in the future is what was announced
        assert _events(nlp, extractor, text)
    # an attack that happened stays one, whatever it "will" not do
    done = "Rebels attacked the police post in Velmora on Friday, and officials said the attack will not stop the vote."
    assert _events(nlp, extractor, story + done)


def test_a_saying_in_quotes_is_no_incident(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    for text in ('"You fight the battles that you have to fight," the coach in Velmora said of the season ahead.',
                 '"Stay out of the woods near Velmora and get shot," the old farmer joked to the visitors.',
                 # a quote over two sentences, and the speaker's own view
                 'The farmer shrugged. "The hills are steep. Walk the ridge near Velmora and get shot." He laughed.',
                 '"I believe my brother was murdered in Velmora," his sister told the inquest.'):
        assert _events(nlp, extractor, text) == []
        assert "quoted-generic" in _why(nlp, keeping, text)
    # a witness telling what was done to them is news
    witness = '"We were attacked at night by men with rifles," a woman in Velmora said on Friday.'
    assert _events(nlp, extractor, witness)


# --- an article in the police desk's words is a crime story ----------------------------------------------------------

_STABBING = ("A man was stabbed outside a bar in Velmora late on Friday. Investigators said the suspect fled on foot. "
             "The victim was taken to hospital with wounds to his arm. Detectives have asked witnesses to come "
             "forward. The bar reopened on Saturday.")


def test_an_article_told_in_the_police_desk_words_is_a_crime_story(nlp, extractor, keeping) -> None:  # type: ignore[no-untyped-def]
    # no word of the courts ("charged", "jailed"), but an investigation of a suspect over five sentences
    text = _STABBING.replace("Detectives have asked", "Officers have asked")
    assert _events(nlp, extractor, text) == []
    assert "crime" in _why(nlp, keeping, text)
    # a note of two sentences in the same words is read as usual: a coded note is about an event
    note = " ".join(text.split(". ")[:2]) + "."
    assert _events(nlp, extractor, note)
    # and an article that speaks of an armed group is no crime story
    armed = text.replace("a man was stabbed", "a militant was stabbed").replace("A man was", "A militant was")
    assert _events(nlp, extractor, armed)
