"""annotate: rule-based sentences (a headline never runs into its paragraph), the parser only where an event can be,
spaCy's own lemmas through the cached lemmatizer, and a parse of chosen sentences that matches the full pipeline's."""

from __future__ import annotations

import spacy
from spacy.language import Language

from frontwatch.annotate import MODEL_PACKAGE, annotate
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


def test_cached_lemmatizer_gives_spacys_lemmas(nlp: Language) -> None:
    stock = spacy.load(MODEL_PACKAGE, exclude=["senter"])
    texts = [*TEXTS, "The militants were killed while fleeing; better days are coming, said the Taliban's leaders."]
    with stock.select_pipes(disable=["parser"]):
        expected = [[(t.text, t.lemma_, t.pos_, t.tag_, t.ent_type_) for t in d] for d in stock.pipe(texts)]
    got = [
        [(t.text, t.lemma_, t.pos_, t.tag_, t.ent_type_) for t in d]
        for _, d in annotate(nlp, _docs(texts), parse="none")
    ]
    assert got == expected


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
