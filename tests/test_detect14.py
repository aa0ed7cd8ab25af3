"""Detection mechanisms of issue 15's fourteenth pass (`detect14`): a short note that places its event only in the
month just before its own date ("sometime during February" in a note of mid-March) tells the event it is about in
the rough month it knows, not a recall (an article's month without its day stays one); "they" doing a deed where the
sentence before names a community's people in the plural first ("Villagers caught a thief. They beat him …") are
those people, whose deed is mob justice, not ordinary crime; violence of an election or a faith told as the subject
of a verb of going on ("post-poll violence resumed", "election violence erupted again") is an event of its own,
not violence named as a topic.

Every sentence here is invented for the test; the places are real ones of the shared gazetteer."""

from __future__ import annotations

from datetime import date

from frontwatch.model import NOT_AN_EVENT, Span, TimeSpan
from frontwatch.pipeline import Pipeline
from tests.fixtures.gazetteer import typed_claims


def _types(pipeline: Pipeline, text: str) -> set[str]:
    return {c.sub_event_type for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT}


# --- the month just before a short note's (extract/hedges.py, background.py) --------------------------------------


def _types_on(pipeline: Pipeline, text: str, published: date) -> set[str]:
    """The event types of `text` read as a short report of `published` (a week or more into its month)."""
    from frontwatch.model import Document, document_id_for

    doc = Document(document_id_for(text), text, "test", "text", published=published, language="en",
                   metadata=(("country", "KE"),))
    [(_, claims)] = list(pipeline.process([doc]))
    return {c.sub_event_type for c in claims or [] if c.sub_event_type and c.event_type != NOT_AN_EVENT}


def test_a_note_placing_its_event_in_the_month_before_reports_it(pipeline: Pipeline) -> None:
    text = "Cattle rustlers shot dead four herders near Lodwar sometime during February."
    assert _types_on(pipeline, text, date(2015, 3, 18)) == {"Attack"}, text


def test_a_month_further_back_is_still_a_recall(pipeline: Pipeline) -> None:
    # January ended more than the recent window before the report: dated before, as it was
    text = "Cattle rustlers shot dead four herders near Lodwar sometime during January."
    assert not _types_on(pipeline, text, date(2015, 3, 18)), text


def test_an_article_month_without_its_day_stays_a_recall(pipeline: Pipeline) -> None:
    # a whole article (more sentences than a note) that tells an incident only by last month recalls it
    text = ("Elders in Turkana met the county commissioner on Tuesday to discuss grazing rights. They asked for "
            "more water points along the river. The commissioner promised new boreholes by the end of the year. "
            "Herders have long complained about dry wells. Cattle rustlers shot dead four herders near Lodwar "
            "sometime during February. The elders also raised school fees. Officials said the talks would go on.")
    assert "Attack" not in _types_on(pipeline, text, date(2015, 3, 18)), text


def test_only_the_whole_month_just_before_counts() -> None:
    from frontwatch.extract.hedges import last_month

    published = date(2015, 3, 4)
    feb = TimeSpan(date(2015, 2, 1), date(2015, 2, 28), 3, None)
    assert last_month(feb, published)
    assert not last_month(TimeSpan(date(2015, 1, 1), date(2015, 1, 31), 3, None), published)
    assert not last_month(TimeSpan(date(2015, 2, 1), date(2015, 2, 28), 3, None, assumed=True), published)
    assert not last_month(TimeSpan(date(2015, 2, 9), date(2015, 2, 15), 2, None), published)  # a week, not the month
    # a part of the month remembered ("in mid-February") is a recall, not a note's rough month
    mid = TimeSpan(date(2015, 2, 1), date(2015, 2, 28), 3, Span(0, 16, "In mid-February"))
    assert not last_month(mid, published)
    # across a year: December before a January report
    assert last_month(TimeSpan(date(2014, 12, 1), date(2014, 12, 31), 3, None), date(2015, 1, 20))


# --- "they" who are the community's people of the sentence before (extract/crime.py) ------------------------------


def test_they_after_villagers_who_caught_a_suspect_are_a_mob(pipeline: Pipeline) -> None:
    text = "Villagers near Nyeri caught a suspected burglar at dawn. They beat him with clubs until he died."
    assert _types(pipeline, text), text


def test_they_after_a_pair_of_people_stay_ordinary_crime(pipeline: Pipeline) -> None:
    text = "Two brothers caught a suspected burglar near Nyeri at dawn. They beat him with clubs until he died."
    assert not _types(pipeline, text), text


def test_the_crowd_must_come_first_in_the_sentence_before(pipeline: Pipeline) -> None:
    from frontwatch.extract.crime import _crowd_before

    doc = pipeline.nlp("Burglars robbed residents near Nyeri at dawn. They stabbed a guard.")
    second = list(doc.sents)[1]
    assert not _crowd_before(second)
    doc = pipeline.nlp("Residents near Nyeri caught two burglars at dawn. They stabbed one.")
    assert _crowd_before(list(doc.sents)[1])


# --- violence of a contest told as going on (extract/triggers.py, text/triggers.yaml) ------------------------------


def test_election_violence_told_as_going_on_is_an_event(pipeline: Pipeline) -> None:
    # the event is the lexicon's, told by "violence" itself (not a guess of the classifier's over the sentence)
    for text in ("Post-election violence erupted again in Kisumu on Monday.",
                 "Post-poll violence continued near Kisumu."):
        claims = [c for c in typed_claims(pipeline, text, "KE") if c.event_type != NOT_AN_EVENT]
        assert [c.trigger.text for c in claims if c.trigger is not None] == ["violence"], (text, claims)


def test_violence_named_as_a_topic_or_a_state_is_none(pipeline: Pipeline) -> None:
    from frontwatch.extract.triggers import find_triggers

    for text in ("Bishops spoke against election violence in Kisumu.",
                 "Post-poll violence continues to worry investors in Kisumu."):
        doc = pipeline.nlp(text)
        assert not [h for h in find_triggers(pipeline.extractor.lexicon, next(iter(doc.sents)))
                    if h.token.lower_ == "violence"], text


def test_violence_going_on_yields_to_the_event_word_that_tells_it(pipeline: Pipeline) -> None:
    from frontwatch.extract.triggers import find_triggers

    text = "Post-election violence continued near Kisumu with night clashes between rival youths."
    doc = pipeline.nlp(text)
    hits = find_triggers(pipeline.extractor.lexicon, next(iter(doc.sents)))
    assert "violence" not in {h.token.lower_ for h in hits} and hits, (text, hits)
