"""Time, counts, attribution and certainty on hand-written sentences (through the real English pipeline)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract.attribution import attribute, certainty_for
from frontwatch.extract.counts import acled_fatalities, find_counts, split_over_days
from frontwatch.extract.time import find_time
from frontwatch.model import Certainty, CountKind, Document, SourceKind, document_id_for

PUB = date(2021, 8, 21)  # a Saturday


def first_sent(nlp, text: str):
    doc = nlp(text)
    return doc, next(iter(doc.sents))


@pytest.mark.parametrize(("text", "low", "high", "precision"), [
    ("Taliban forces captured the city on August 10.", date(2021, 8, 10), date(2021, 8, 10), 1),
    ("The town fell on 10 August 2021.", date(2021, 8, 10), date(2021, 8, 10), 1),
    ("Fighting raged yesterday in the district.", date(2021, 8, 20), date(2021, 8, 20), 1),
    ("Rebels attacked a checkpoint on Saturday.", date(2021, 8, 21), date(2021, 8, 21), 1),
    ("Rebels attacked a checkpoint on Friday.", date(2021, 8, 20), date(2021, 8, 20), 1),
    ("Rebels attacked a checkpoint last Saturday.", date(2021, 8, 14), date(2021, 8, 14), 1),
    ("Twelve people have been killed since Sunday.", date(2021, 8, 15), date(2021, 8, 21), 2),
    ("The city fell last week.", date(2021, 8, 9), date(2021, 8, 15), 2),
    ("A post at 1.40pm GMT said the district was retaken.", date(2021, 8, 21), date(2021, 8, 21), 1),
    ("Clashes erupted earlier this month.", date(2021, 8, 1), date(2021, 8, 21), 3),
    ("Militants stormed the base two days ago.", date(2021, 8, 19), date(2021, 8, 19), 1),
    ("The district fell in December.", date(2020, 12, 1), date(2020, 12, 31), 3),
])
def test_relative_and_absolute_dates(nlp, text: str, low: date, high: date, precision: int) -> None:
    doc, sent = first_sent(nlp, text)
    t = find_time(doc, sent, PUB)
    assert t is not None and (t.low, t.high, t.precision) == (low, high, precision)
    assert not t.assumed and t.span is not None and text[t.span.start:t.span.end] == t.span.text


def test_no_date_is_flagged_not_invented(nlp) -> None:
    doc, sent = first_sent(nlp, "Rebels took the district.")
    t = find_time(doc, sent, PUB)
    assert t is not None and t.assumed and t.low == PUB and t.precision == 2 and t.span is None
    assert find_time(doc, sent, None) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Roughly 60 Taliban fighters were either killed or injured.",
     [(CountKind.KILLED_OR_INJURED, 60, "approximately")]),
    ("At least 12 people have been killed near the airport.", [(CountKind.KILLED, 12, "at least")]),
    ("Dozens of civilians were killed and 30 wounded.",
     [(CountKind.KILLED, 12, "vague"), (CountKind.INJURED, 30, "exact")]),
    ("The strike hit a village, killing six civilians.", [(CountKind.KILLED, 6, "exact")]),
    ("Gunmen abducted four aid workers on the road.", [(CountKind.ABDUCTED, 4, "exact")]),
    ("Police arrested twenty-one suspects.", [(CountKind.ARRESTED, 21, "exact")]),
    ("More than 100 protesters were detained.", [(CountKind.ARRESTED, 100, "more than")]),
    ("The Taliban suffered heavy casualties.", [(CountKind.KILLED_OR_INJURED, None, "vague")]),
    ("Three districts fell within 60 km of the city on August 31.", []),
])
def test_counts(nlp, text: str, expected: list) -> None:
    _, sent = first_sent(nlp, text)
    got = [(c.what, c.value, c.qualifier) for c in find_counts(sent)]
    assert got == expected


def test_acled_fatalities_rules(nlp) -> None:
    _, s1 = first_sent(nlp, "Roughly 60 fighters were killed or injured.")
    assert acled_fatalities(find_counts(s1)) == 0
    _, s2 = first_sent(nlp, "Dozens of people were killed.")
    assert acled_fatalities(find_counts(s2)) == 12
    _, s3 = first_sent(nlp, "At least 9 people were killed and 20 injured.")
    assert acled_fatalities(find_counts(s3)) == 9
    assert split_over_days(12, 7) == [6, 1, 1, 1, 1, 1, 1]
    assert split_over_days(10, 1) == [10]


def _attr(nlp, text: str, publisher: str = "outlet.org"):
    document = Document(document_id_for(text), text, "t", "text", publisher=publisher, published=PUB)
    doc = nlp(text)
    return doc, attribute(document, doc)


def test_attribution_chains(nlp) -> None:
    text = ("A Twitter account named after Valley Province shared events in both languages.\n\n"
            "A post at 1.40pm GMT said: “The district was taken back from the Taliban.\n\n"
            "“Local sources say the Taliban have been attacked from several areas.”\n\n"
            "Two towns were also recaptured including one by Indian TV news channel Frontier News.\n\n"
            "At least 12 people have been killed since Sunday, NATO and Taliban officials said.\n\n"
            "Some reports suggested the towns had not yet been captured.")
    doc, attrs = _attr(nlp, text)
    sents = list(doc.sents)
    by_start = {s.start_char: attrs[s.start_char] for s in sents}
    chains = {s.text[:20]: [(x.name, x.kind) for x in by_start[s.start_char].sources] for s in sents}
    assert chains["A post at 1.40pm GMT"][1] == ("Valley Province", SourceKind.SOCIAL_MEDIA)
    local = next(v for k, v in chains.items() if k.startswith("“Local sources"))
    assert ("Local sources", SourceKind.LOCAL) in local
    local_src = next(x for s in sents if s.text.startswith("“Local") for x in by_start[s.start_char].sources
                     if x.kind == SourceKind.LOCAL)
    assert local_src.chain == ("outlet.org", "Valley Province", "Local sources")
    def chain_of(fragment: str) -> list:
        return next(v for s in sents if fragment in s.text for v in [chains[s.text[:20]]])

    assert ("Frontier News", SourceKind.OUTLET) in chain_of("Frontier News")
    officials = chain_of("since Sunday")
    assert ("NATO officials", SourceKind.OFFICIAL) in officials
    assert ("Taliban officials", SourceKind.OFFICIAL) in officials
    some = next(s for s in sents if s.text.startswith("Some reports"))
    assert by_start[some.start_char].sources[1].kind == SourceKind.UNNAMED
    assert by_start[some.start_char].certainty == Certainty.HEDGED
    assert all(a.sources[0].name == "outlet.org" for a in attrs.values())  # the publisher is always the root


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Some reports suggested the towns had not yet been captured.", "captured", Certainty.DENIED),
    ("The spokesman denied that the district had fallen.", "fallen", Certainty.DENIED),
    ("Rebels reportedly seized the district.", "seized", Certainty.HEDGED),
    ("Rebels may have seized the district.", "seized", Certainty.HEDGED),
    ("Rebels seized the district, which had not been attacked for years.", "seized", Certainty.ASSERTED),
    ("Rebels seized the district.", "seized", Certainty.ASSERTED),
])
def test_certainty(nlp, text: str, trigger: str, expected: Certainty) -> None:
    doc, sent = first_sent(nlp, text)
    tok = next(t for t in doc if t.text == trigger)
    assert certainty_for(sent, tok, Certainty.ASSERTED) == expected
