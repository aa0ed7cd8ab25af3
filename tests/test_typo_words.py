"""A slip of the hand that is itself a real English word is that word (text/typos.py, extract/triggers.py): "selling"
is one letter from "shelling" but the lemmatizer's word index knows it, so a market report holds no shelling."""

from __future__ import annotations

import pytest
from spacy.language import Language

from frontwatch.extract.triggers import find_triggers
from frontwatch.text.lexicon import load_lexicon


def _triggers(nlp: Language, text: str) -> list[tuple[str, str]]:
    lex = load_lexicon()
    return [(h.token.text, h.entry.lemma) for sent in nlp(text).sents for h in find_triggers(lex, sent)]


@pytest.mark.parametrize("text", [
    "Vendors were selling onions at the bus park of Korimbo on Friday.",  # a verb: lemma "sell"
    "The selling of fuel in jerrycans was banned in Korimbo on Friday.",  # a noun: "selling" is a word itself
])
def test_a_real_word_one_slip_from_a_trigger_is_no_trigger(nlp: Language, text: str) -> None:
    assert "selling" in load_lexicon().slips()  # the slip is there: the guard, not the table, keeps it quiet
    assert _triggers(nlp, text) == []


@pytest.mark.parametrize(("text", "word"), [
    ("Heavy shellling hit the outskirts of Korimbo on Friday.", "shellling"),
    ("Gunmen ambsuhed a lorry near the quarry of Korimbo.", "ambsuhed"),
])
def test_a_slip_that_is_no_word_still_reads_as_its_trigger(nlp: Language, text: str, word: str) -> None:
    assert word in [w for w, _ in _triggers(nlp, text)]
