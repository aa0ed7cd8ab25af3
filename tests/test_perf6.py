"""Extraction's cost (issue 15): with parse="needs" a sentence gets the dependency parse for a need-gated trigger only
when the words the entry needs are in it, and the classifier's fast path gives sklearn's probabilities bit for bit."""

from __future__ import annotations

import pickle

import numpy as np
from spacy.language import Language

from frontwatch.annotate import annotate
from frontwatch.annotate.parse import ParseKeys, _chosen_sentences
from frontwatch.extract.classify import EventClassifier
from frontwatch.model import NOT_AN_EVENT, Document, document_id_for
from frontwatch.text.lexicon import lexicon_from_dict

# An invented lexicon: one plain trigger, two whose entries fire only with words they need.
RAW = {
    "categories": {"clash": ["Battles", "Armed clash"], "taking": ["Battles", "Non-state actor overtakes territory"],
                   "arrest": ["Strategic developments", "Arrests"]},
    "triggers": [
        {"lemma": "skirmish", "category": "clash", "pos": ["VERB", "NOUN"]},
        {"lemma": "come", "category": "taking", "pos": ["VERB"], "needs": {"under": ["control"]}},
        {"lemma": "round", "category": "arrest", "pos": ["VERB"],
         "needs": {"object": ["suspect", "villager"], "particle": ["up"]}},
    ],
}


def test_gated_keys_are_those_whose_every_entry_needs_words() -> None:
    raw = {**RAW, "triggers": [*RAW["triggers"],
                               {"lemma": "take", "category": "taking", "needs": {"particle": ["over"]}},
                               {"lemma": "take", "category": "taking", "needs": {"place_of": True}}]}
    gated = lexicon_from_dict(raw).gated_parse_keys()
    assert gated["come"] == ((frozenset({"control"}), frozenset({"under"})),)
    assert set(gated["round"][0]) == {frozenset({"suspect", "villager"}), frozenset({"up"})}
    assert "skirmish" not in gated  # a plain trigger asks for nothing
    assert "take" not in gated  # one of its entries needs no word: any sentence may fire it


def _parsed(nlp: Language, texts: list[str]) -> list[bool]:
    lex = lexicon_from_dict(RAW)
    docs = [Document(document_id_for(t), t, f"t{i}", "text") for i, t in enumerate(texts)]
    return [bool(doc._.fw_parsed) for _, doc in annotate(nlp, docs, parse="needs", lexicon=lex)]


def test_a_gated_key_without_its_needed_words_gets_no_parse(nlp: Language) -> None:
    """Only with parse="needs": the default parses them, since such a parse is read for other claims too."""
    texts = ["The lorry came back to the depot after dark.",  # "come" without "under" … "control"
             "Clerks rounded up the figures in the yearly ledger.",  # "up" but no needed object word
             "The hamlet came under their control last spring.",
             "Wardens rounded up nine villagers near the ford.",
             "Herders skirmished near the dry well."]
    assert _parsed(nlp, texts) == [False, False, True, True, True]
    lex = lexicon_from_dict(RAW)
    docs = [Document(document_id_for(t), t, f"t{i}", "text") for i, t in enumerate(texts)]
    assert all(doc._.fw_parsed for _, doc in annotate(nlp, docs, lexicon=lex))  # the default: main's choice


def test_the_chosen_sentences_of_one_document(nlp: Language) -> None:
    text = "The lorry came back to the depot. The hamlet came under their control. Clerks rounded up the sums."
    doc = next(iter(nlp.pipe([text])))
    keys = ParseKeys.of(lexicon_from_dict(RAW), nlp.vocab.strings)
    assert [s.text for s in _chosen_sentences(doc, keys)] == ["The hamlet came under their control."]
    assert _chosen_sentences(doc, keys.none()) == []


SNIPPETS = {
    "Armed clash": ["Soldiers and rebels traded fire near the border post for two hours.",
                    "Militants fought an army patrol in the hills until dawn.",
                    "Government troops battled insurgents outside the town."],
    "Peaceful protest": ["Hundreds of nurses marched peacefully to demand unpaid wages.",
                         "Traders held a sit-in outside the county offices over new fees.",
                         "Students demonstrated quietly against the closure of their college."],
    "Air/drone strike": ["An air strike hit a militant compound, the ministry said.",
                         "A drone strike destroyed a pickup carrying fighters.",
                         "Jets bombed insurgent positions in the valley overnight."],
    NOT_AN_EVENT: ["The council met on Tuesday to discuss the budget.",
                   "Rainfall this season was above the average.",
                   "The new bridge will open to traffic next month."],
}
PROBE = ["Rebels and soldiers fought for the bridge.", "Nurses marched to the ministry.", "A jet bombed a camp.",
         "", "  Σ ΟΔΟΣ\u00a0İZMİR\tcafé  — naïve ‘quotes’\n\n", "The budget council fought jets jets jets."]


def _classifier() -> EventClassifier:
    texts = [t for group in SNIPPETS.values() for t in group]
    labels = [label for label, group in SNIPPETS.items() for _ in group]
    # notes after the snippets teach which event only (the gate reads the snippets alone)
    notes = ["Fighters clashed with the army near a market.", "Teachers protested outside the ministry.",
             "A drone hit a house used by militants."]
    return EventClassifier.train(texts + notes, [*labels, "Armed clash", "Peaceful protest", "Air/drone strike"],
                                 gate_n=len(texts))


def test_the_classifiers_fast_path_gives_sklearns_probabilities_exactly() -> None:
    clf = _classifier()
    assert clf.gate is not None
    ref = clf.reference_proba(PROBE)
    for _ in range(2):  # the second call reads the words' n-gram columns from the cache
        fast = clf._fast_proba(PROBE)
        assert fast is not None and np.array_equal(fast, ref)
    classes = clf.model.classes_
    assert clf.predict(PROBE) == [(str(classes[i]), float(p[i])) for i, p in zip(ref.argmax(axis=1), ref, strict=True)]
    copy = pickle.loads(pickle.dumps(clf))  # a worker's copy rebuilds the fast path
    assert np.array_equal(copy._fast_proba(PROBE), ref)


def test_the_fast_path_on_the_shipped_classifier(trained: EventClassifier) -> None:
    probe = [*PROBE, "Police fired tear gas at protesters who blocked the highway with burning tyres.",
             "Two soldiers were killed when their truck hit a roadside bomb."]
    fast = trained._fast_proba(probe)
    assert fast is not None and np.array_equal(fast, trained.reference_proba(probe))


def test_the_key_lookup_is_np_isin() -> None:
    from frontwatch.annotate.parse import _member

    rng = np.random.default_rng(7)
    keys = np.unique(rng.integers(0, 2**64 - 1, 500, dtype=np.uint64, endpoint=True))
    values = np.concatenate([rng.choice(keys, 50), rng.integers(0, 2**64 - 1, 200, dtype=np.uint64, endpoint=True),
                             np.array([0, 2**64 - 1, keys[0], keys[-1]], dtype=np.uint64)])
    assert np.array_equal(_member(values, keys), np.isin(values, keys))
    assert _member(values, keys).sum() >= 52
    assert not _member(values, keys[:0]).any()
