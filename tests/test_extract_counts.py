"""Counts: kinds kept apart, qualifiers, written and vague numbers, non-people numbers, and ACLED's fatality rules."""

from __future__ import annotations

import pytest

from frontwatch.extract.counts import acled_fatalities, find_counts, split_over_days
from frontwatch.model import Count, CountKind

K, INJ, KI, AB, AR = (CountKind.KILLED, CountKind.INJURED, CountKind.KILLED_OR_INJURED, CountKind.ABDUCTED,
                    CountKind.ARRESTED)


def _counts(nlp, text: str) -> list[Count]:  # type: ignore[no-untyped-def]
    return find_counts(next(iter(nlp(text).sents)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Roughly 60 Taliban fighters were either killed or injured.", [(KI, 60, "approximately")]),
    ("At least 12 people have been killed near the airport.", [(K, 12, "at least")]),
    ("More than 100 protesters were detained.", [(AR, 100, "more than")]),
    ("Over 40 people were wounded.", [(INJ, 40, "more than")]),
    ("Some 15 people were hurt.", [(INJ, 15, "approximately")]),
    ("Nearly 50 were killed.", [(K, 50, "approximately")]),
    ("Up to 30 people were kidnapped.", [(AB, 30, "at most")]),
    ("About 40 people were taken hostage.", [(AB, 40, "approximately")]),
    ("Sixty people were killed.", [(K, 60, "exact")]),
    ("Twenty-one people died.", [(K, 21, "exact")]),
    ("1,200 people were arrested.", [(AR, 1200, "exact")]),
    ("A dozen soldiers were wounded.", [(INJ, 12, "approximately")]),
    ("Dozens of civilians were killed and 30 wounded.", [(K, 12, "vague"), (INJ, 30, "exact")]),
    ("Several civilians were killed.", [(K, 3, "vague")]),
    ("Tens of people were killed.", [(K, 10, "vague")]),
    ("Hundreds of protesters were detained.", [(AR, 100, "vague")]),
    ("The strike hit a village, killing six civilians.", [(K, 6, "exact")]),
    ("Gunmen killed two police officers and wounded three civilians.", [(K, 2, "exact"), (INJ, 3, "exact")]),
    ("Gunmen abducted four aid workers on the road.", [(AB, 4, "exact")]),
    ("Police arrested twenty-one suspects.", [(AR, 21, "exact")]),
    ("Unidentified gunmen shot dead 2 civilians in the city.", [(K, 2, "exact")]),
    ("Police gunned down two suspects.", [(K, 2, "exact")]),
    ("The attack caused 20 casualties.", [(KI, 20, "exact")]),
    ("Nearly 50 dead and wounded were taken to hospital.", [(KI, 50, "approximately")]),
    ("The Taliban suffered heavy casualties.", [(KI, None, "vague")]),
    ("The death toll rose to 45.", [(K, 45, "exact")]),
    ("Between 10 and 15 people were killed.", [(K, 10, "approximately")]),
    # groups under one outcome are summed; a subset is not counted twice
    ("Ten soldiers and three civilians were killed.", [(K, 13, "exact")]),
    ("Gunmen killed 7 soldiers and 3 civilians in the attack.", [(K, 10, "exact")]),
    ("Five people, including two children, were killed.", [(K, 5, "exact")]),
    ("The attack killed 12 people, including 5 children.", [(K, 12, "exact")]),
    # numbers that are not people
    ("Three districts fell within 60 km of the city on August 31.", []),
    ("A 12-year-old boy was killed.", [(K, 1, "exact")]),  # the age is no count; the boy is one dead
    ("Fighting over 40 years killed thousands.", [(K, 1000, "vague")]),  # the years are no count
    ("The convoy of 12 vehicles was attacked.", []),
])
def test_counts(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    got = [(c.what, c.value, c.qualifier) for c in _counts(nlp, text)]
    assert got == expected


def test_ranges_and_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Roughly 60 Taliban fighters were either killed or injured."
    (c,) = _counts(nlp, text)
    assert (c.low, c.high) == (48, 72) and c.span is not None and text[c.span.start:c.span.end] == c.span.text
    (least,) = _counts(nlp, "At least 12 people have been killed.")
    assert (least.low, least.high) == (12, None)  # open above
    (most,) = _counts(nlp, "Up to 30 people were kidnapped.")
    assert (most.low, most.high) == (0, 30)
    (dozens,) = _counts(nlp, "Dozens were killed.")
    assert (dozens.value, dozens.low, dozens.high) == (12, 24, 99)  # ACLED figure 12; the words allow 24–99
    (rng,) = _counts(nlp, "Between 10 and 15 people were killed.")
    assert (rng.low, rng.high) == (10, 15)


def test_span_offsets_are_document_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The town fell.\n\nAt least 9 people were killed."
    doc = nlp(text)
    sent = list(doc.sents)[-1]
    (c,) = find_counts(sent)
    assert c.span is not None and text[c.span.start:c.span.end] == c.span.text and c.span.start > 10


def test_acled_fatalities(nlp) -> None:  # type: ignore[no-untyped-def]
    assert acled_fatalities(_counts(nlp, "Roughly 60 fighters were killed or injured.")) == 0  # casualties → 0
    assert acled_fatalities(_counts(nlp, "The Taliban suffered heavy casualties.")) == 0
    assert acled_fatalities(_counts(nlp, "Dozens of people were killed.")) == 12
    assert acled_fatalities(_counts(nlp, "Several people were killed.")) == 3
    assert acled_fatalities(_counts(nlp, "Hundreds were killed.")) == 100
    assert acled_fatalities(_counts(nlp, "At least 9 people were killed and 20 injured.")) == 9  # injuries apart
    assert acled_fatalities(_counts(nlp, "More than 10 people were killed.")) == 10
    assert acled_fatalities(_counts(nlp, "Between 10 and 15 people were killed.")) == 10  # the low end
    assert acled_fatalities(_counts(nlp, "Ten soldiers and three civilians were killed.")) == 13
    assert acled_fatalities(_counts(nlp, "Police detained 40 protesters.")) == 0
    # two reports of one event that disagree: the lowest
    assert acled_fatalities([Count(K, 20, 20, 20, "exact"), Count(K, 14, 14, None, "at least")]) == 14
    # a total over several days: the first day's share
    assert acled_fatalities(_counts(nlp, "At least 12 people have been killed."), days=7) == 6


def test_split_over_days() -> None:
    assert split_over_days(12, 7) == [6, 1, 1, 1, 1, 1, 1]
    assert split_over_days(10, 3) == [4, 3, 3]
    assert split_over_days(10, 1) == [10]
    assert sum(split_over_days(101, 4)) == 101


def test_seed_sentences(nlp, shared_dir) -> None:  # type: ignore[no-untyped-def]
    text = (shared_dir / "examples" / "seed-article.txt").read_text("utf-8")
    by_sent = {s.text[:30]: find_counts(s) for s in nlp(text).sents}
    opening = next(v for k, v in by_sent.items() if k.startswith("The Banu"))
    assert [(c.what, c.value, c.qualifier) for c in opening] == [(KI, 60, "approximately")]
    assert acled_fatalities(opening) == 0
    airport = next(v for k, v in by_sent.items() if k.startswith("At least 12"))
    assert [(c.what, c.value, c.qualifier) for c in airport] == [(K, 12, "at least")]
    # "the August 31 deadline", "1.40pm", "several areas", "two people falling" are no counts of harm
    for k, v in by_sent.items():
        if not (k.startswith("The Banu") or k.startswith("At least 12")):
            assert all(c.what == KI and c.value is None for c in v), (k, v)
