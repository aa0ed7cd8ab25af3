"""annotate: rule-based sentences (a headline never runs into its paragraph), the parser only where an event can be,
spaCy's own lemmas through the cached lemmatizer, and a parse of chosen sentences that matches the full pipeline's."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from frontwatch.annotate import MODEL_PACKAGE, SENTENCES, annotate
from frontwatch.model import Document, document_id_for

TEXTS = [
    "Rebels recapture key areas from the army\n\nThe towns were seized during fierce fighting on Monday. "
    "The weather was mild. Prices rose in the market.",
    "Officials said the talks would resume next week. Nothing else happened.\nA new paragraph starts here!",
    "The bridge reopened after repairs. Gunmen attacked a convoy near the border, killing four soldiers.",
]


def _docs(texts: list[str]) -> list[Document]:
    return [Document(document_id_for(t), t, f"t{i}", "text") for i, t in enumerate(texts)]


def test_headline_and_paragraphs_are_their_own_sentences(nlp: Language) -> None:
    ((_, doc),) = list(annotate(nlp, _docs(TEXTS[:1])))
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Rebels recapture key areas from the army"
    assert sents[1].startswith("The towns were seized")
    assert len(sents) == 4


def test_only_event_sentences_are_parsed(nlp: Language) -> None:
    pairs = list(annotate(nlp, _docs(TEXTS)))
    assert [d.origin for d, _ in pairs] == ["t0", "t1", "t2"]  # order and pairing kept
    _, doc = pairs[0]
    parsed = set(doc._.fw_parsed)
    sents = list(doc.sents)
    assert sents[0].start in parsed and sents[1].start in parsed
    assert sents[2].start not in parsed and sents[3].start not in parsed
    seized = next(t for t in sents[1] if t.text == "seized")
    assert {c.dep_ for c in seized.children} >= {"nsubjpass", "auxpass"}
    # an unparsed sentence carries a flat tree rooted at its first token
    assert all(t.head.i == sents[2].start for t in sents[2])
    _, doc2 = pairs[2]
    attack = next(t for t in doc2 if t.text == "attacked")
    assert any(c.dep_ == "nsubj" and c.text == "Gunmen" for c in attack.children)


def _attrs(doc) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph), t.dep_, str(t.head.i), t.ent_type_) for t in doc]


def test_array_components_give_spacys_own_annotations(nlp: Language, shared_data: Path) -> None:
    """The array attribute ruler and cached lemmatizer change nothing: same POS, morphology, lemmas, tags, parse."""
    stock = spacy.load(MODEL_PACKAGE, exclude=["senter"])
    stock.add_pipe(SENTENCES, first=True)  # the same sentence rules, spaCy's own components otherwise
    with gzip.open(shared_data / "geoparse-dev" / "trnews.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(25), fh, strict=False)]
    texts += [*TEXTS, "The militants weren't killed; gonna be better days, ain't it, said the Taliban's leaders."]
    irregular = stock.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    expected_all = [_repaired(_repair_parse(d), irregular) for d in stock.pipe(texts)]
    assert expected_all == _attrs_all(d for _, d in annotate(nlp, _docs(texts), parse="all"))
    with stock.select_pipes(disable=["parser"]):
        expected = [[a[:5] + a[7:] for a in _repaired(d, irregular)] for d in stock.pipe(texts)]
    got = [[a[:5] + a[7:] for a in _attrs(d)] for _, d in annotate(nlp, _docs(texts), parse="none")]
    assert got == expected


def _repaired(doc, irregular) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """spaCy's annotations but for the one deliberate change: an irregular past form tagged as a present verb gets
    its lemma from spaCy's own table of irregular verbs."""
    out = []
    for a, t in zip(_attrs(doc), doc, strict=True):
        if t.pos_ == "VERB" and t.lemma_ == t.lower_ and irregular.get(t.lower_, [t.lower_])[0] != t.lower_:
            a = (a[0], irregular[t.lower_][0], *a[2:])
        out.append(a)
    return out


def _repair_parse(doc):  # type: ignore[no-untyped-def]
    from frontwatch.annotate import _repair

    _repair(doc)
    return doc


@pytest.mark.parametrize("parse", ["auto", "all"])
def test_a_participle_with_an_object_is_the_reported_clause_not_a_relative(nlp: Language, parse: str) -> None:
    text = "Armed bandits abducted at least 30 villagers in a raid on the village, police said on Friday."
    ((_, doc),) = list(annotate(nlp, _docs([text]), parse=parse))
    by = {t.text: t for t in doc}
    assert by["abducted"].dep_ == "ccomp" and by["abducted"].head.text == "said"
    assert by["bandits"].dep_ == "nsubj" and by["bandits"].head.text == "abducted"
    assert [c.text for c in by["said"].children if c.dep_ == "nsubj"] == ["police"]
    # a real passive relative keeps its reading
    ((_, doc2),) = list(annotate(nlp, _docs(["Villagers abducted last week were freed, police said."]), parse=parse))
    assert next(t for t in doc2 if t.text == "abducted").dep_ != "ccomp"


def test_a_past_form_tagged_present_still_gets_its_lemma(nlp: Language) -> None:
    ((_, doc),) = list(annotate(nlp, _docs(["Islamic Emirate forces retook the district from rebels."]), parse="all"))
    assert next(t for t in doc if t.text == "retook").lemma_ == "retake"


def _attrs_all(docs) -> list[list[tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [_attrs(d) for d in docs]


def test_partial_parse_matches_the_full_parse(nlp: Language) -> None:
    docs = _docs(TEXTS)
    auto = [d for _, d in annotate(nlp, docs)]
    full = [d for _, d in annotate(nlp, docs, parse="all")]
    same = total = 0
    for a, f in zip(auto, full, strict=True):
        assert [s.start for s in a.sents] == [s.start for s in f.sents]
        for s in a.sents:
            if s.start in a._.fw_parsed:
                for t in s:
                    total += 1
                    same += t.head.i == f[t.i].head.i and t.dep_ == f[t.i].dep_
    assert total > 20
    assert same / total >= 0.95
