"""toll3: tolls and dates on ACLED-style notes (issue 15), and extraction work that grows linearly with a report's
length. Every sentence here is invented."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

from frontwatch.annotate import annotate
from frontwatch.model import Document, document_id_for

ROOT = Path(__file__).resolve().parents[1]


def _lines_run(pipeline: Any, text: str) -> int:
    """Lines of frontwatch's own code executed to geoparse and extract one report: a deterministic count of work,
    unlike wall-clock time on a shared machine."""
    doc = Document(document_id_for(text), text, "long.txt", "text", published=date(2021, 8, 24), language="en")
    ((d, sd),) = list(annotate(pipeline.nlp, [doc]))
    n = Counter[bool]()

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            n[True] += 1
        return local

    def glob(frame: FrameType, event: str, arg: Any) -> Any:
        return local if "/frontwatch/" in frame.f_code.co_filename else None

    sys.settrace(glob)
    try:
        pipeline.extractor.claims(d, sd, pipeline.geoparser.places(d, sd))
    finally:
        sys.settrace(None)
    return n[True]


def test_a_whole_reports_extraction_work_grows_linearly_with_its_length(pipeline: Any) -> None:
    # the examples' English reports joined into one long report, 2 and 8 times over: 4x the length must cost 4x the
    # work, not more (per-event scans of every place mention, actor match or earlier claim of the report made it
    # 4.6x)
    report = "\n\n".join(f.read_text("utf-8") for f in sorted((ROOT / "examples").glob("*.txt")))
    _lines_run(pipeline, report)  # lazy loading and per-sentence caches out of the way
    short = _lines_run(pipeline, "\n\n".join([report] * 2))
    long = _lines_run(pipeline, "\n\n".join([report] * 8))
    assert long / short <= 4.2, (short, long)


def _tolls(claims_of: Any, text: str) -> list[int]:
    return sorted((c.fatalities_acled for c in claims_of(text, published=date(2012, 3, 6))), reverse=True)


def test_a_headlines_present_tense_shoot_dead_and_gun_down_count_their_victims(claims_of: Any) -> None:
    assert _tolls(claims_of, "Police shoot dead 12 robbers.")[0] == 12
    assert _tolls(claims_of, "Gunmen gun down 3 traders.")[0] == 3


def test_a_figure_that_dies_in_a_headline_is_a_toll(claims_of: Any) -> None:
    assert _tolls(claims_of, "3 die in clashes between two clans over grazing land.")[0] == 3
    assert _tolls(claims_of, "Soldiers die in an ambush.") == [0]  # no figure, no one counted


def test_a_headlines_passive_without_auxiliary_counts_its_subject(claims_of: Any) -> None:
    # parsed as an active past with no object: the subject is who died
    assert _tolls(claims_of, "Farmer killed at his home by unknown men.")[0] == 1
    assert _tolls(claims_of, "Trader's guard shot and killed.")[0] == 1
    assert _tolls(claims_of, "The gunmen killed and fled.") == [0]  # a plural without a figure: unknown


def test_a_headlines_killing_verb_read_as_a_noun_still_kills_its_one_victim(claims_of: Any) -> None:
    assert _tolls(claims_of, "Angry residents lynch robber")[0] == 1
    assert _tolls(claims_of, "Residents lynch mob members.") == [0]  # the phrase goes on: not one person


def test_a_fatalities_label_gives_the_toll(claims_of: Any) -> None:
    assert _tolls(claims_of, "Clashes between herders and farmers. FATALITIES: 6")[0] == 6
    assert _tolls(claims_of, "Raid on a village. Fatalities:3 (estimate).")[0] == 3


def test_a_toll_read_by_an_arrest_goes_to_the_violent_event_of_its_sentence(claims_of: Any) -> None:
    claims = claims_of("Soldiers kill seven militants, wound two more and arrest several suspects during a patrol.",
                       published=date(2012, 3, 6))
    assert [c.fatalities_acled for c in claims if c.sub_event_type == "Arrests"] == [0]  # ACLED: arrests kill no one
    assert max(c.fatalities_acled for c in claims if c.sub_event_type != "Arrests") == 7


def test_a_preposition_before_an_animal_word_leaves_the_figure_a_toll(claims_of: Any) -> None:
    # "42 during cattle raid" counts people; "30 goats" does not, read by the pattern or by the parse
    assert _tolls(claims_of, "Bandits ambush a police patrol and kill 12 in livestock raid")[0] == 12
    assert _tolls(claims_of, "Raiders killed 30 goats in the night.") == [0]


def test_a_headlines_two_verb_passive_and_one_of_a_people_count_one(claims_of: Any) -> None:
    assert _tolls(claims_of, "1 vicar hauled out of his truck and killed in the unrest.")[0] == 1
    assert _tolls(claims_of, "Gunmen stormed the village and killed.") == [0]  # the subject did the killing


def test_a_singular_demonym_with_its_article_is_one_person(nlp: Any) -> None:
    from frontwatch.extract.counts import find_counts

    (sent,) = nlp("A Kenyan is dead and two tourists are injured.").sents
    assert [(c.what.value, c.value) for c in find_counts(sent)] == [("killed", 1), ("injured", 2)]
    (sent,) = nlp("Kenyans mourned the victims.").sents
    assert find_counts(sent) == []


def test_a_numbered_other_is_still_people(claims_of: Any) -> None:
    # the animal check of numbered nouns must not take "three others" for livestock
    assert _tolls(claims_of, "A village elder and three others were shot dead outside the town.")[0] == 4
