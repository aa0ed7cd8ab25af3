"""An injected lexicon is the one every English step reads: annotation (which sentences get a parse), attribution
(speech verbs), certainty (hedges) and the extractor's rules (its word sets), not only the trigger matcher. Each test
changes one word set of the shipped lexicon and shows the result change with it."""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Any

import pytest
import yaml

from frontwatch.annotate import annotate
from frontwatch.extract import Extractor
from frontwatch.extract.attribution import attribute, certainty_for, is_parsed
from frontwatch.model import Certainty, Document, document_id_for
from frontwatch.text.lexicon import Lexicon, lexicon_from_dict, load_lexicon


def _raw() -> dict[str, Any]:
    return yaml.safe_load(resources.files("frontwatch.text").joinpath("triggers.yaml").read_text("utf-8"))


def _lexicon(**changes: Any) -> Lexicon:
    """The shipped lexicon with some word lists replaced: top-level keys, or `group__key` for a key of a map."""
    raw = _raw()
    for key, words in changes.items():
        group, _, name = key.partition("__")
        if name:
            raw[group][name] = words
        else:
            raw[key] = words
    return lexicon_from_dict(raw)


def _document(text: str) -> Document:
    return Document(document_id_for(text), text, "t", "text", publisher="outlet.org", published=date(2021, 8, 21))


def test_the_shipped_lexicon_holds_the_word_sets_the_rules_read() -> None:
    words = load_lexicon().words
    for key in ("speech", "hedges", "denials", "deny_speech", "group_nouns", "actor_heads", "weapon_words",
                "protest_words", "expel_verbs"):
        assert words[key], key
    assert load_lexicon().anaphors and all(load_lexicon().anaphors)
    assert "no" in words["negations"]  # read as a word, not YAML's boolean


def test_a_word_set_defined_twice_is_refused() -> None:
    raw = _raw()
    raw["event_words"]["group_nouns"] = ["crowd"]
    with pytest.raises(ValueError, match="group_nouns"):
        lexicon_from_dict(raw)


def test_an_injected_lexicon_decides_which_sentences_annotate_parses(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The committee discussed the budget on Monday."
    ((_, shipped),) = list(annotate(nlp, [_document(text)]))
    assert not is_parsed(next(iter(shipped.sents)))  # no trigger, no reporting verb: not worth a parse
    more = _lexicon(parse_also=[*_raw()["parse_also"], "discuss"])
    ((_, injected),) = list(annotate(nlp, [_document(text)], lexicon=more))
    assert is_parsed(next(iter(injected.sents)))


def test_an_injected_lexicon_decides_who_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels captured the town on Monday, officials said."
    document = _document(text)
    doc = nlp(text)
    shipped = attribute(document, doc)[0].sources
    assert [s.name for s in shipped[1:]] == ["officials"]
    mute = _lexicon(speech=[w for w in _raw()["speech"] if w != "say"])
    injected = attribute(document, doc, mute)[0].sources
    assert [s.name for s in injected] == ["outlet.org"]  # "said" is no speech verb of this lexicon


def test_an_injected_lexicon_decides_what_hedges(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rebels supposedly captured the town.")
    sent = next(iter(doc.sents))
    trigger = next(t for t in sent if t.lemma_ == "capture")
    assert certainty_for(sent, trigger, Certainty.ASSERTED) == Certainty.ASSERTED
    hedging = _lexicon(hedges=[*_raw()["hedges"], "supposedly"])
    assert certainty_for(sent, trigger, Certainty.ASSERTED, hedging) == Certainty.HEDGED


def test_the_extractor_passes_its_lexicon_to_attribution_and_certainty(  # type: ignore[no-untyped-def]
        claims_of, actor_dictionary) -> None:
    text = "Rebels supposedly captured the town on Monday, officials said."
    [shipped] = claims_of(text)
    assert shipped.certainty == Certainty.REPORTED
    assert [s.name for s in shipped.sources[1:]] == ["officials"]
    changed = _lexicon(hedges=[*_raw()["hedges"], "supposedly"], speech=[w for w in _raw()["speech"] if w != "say"])
    [injected] = claims_of(text, ex=Extractor(actor_dictionary, lexicon=changed))
    assert injected.certainty == Certainty.HEDGED
    assert [s.name for s in injected.sources] == ["example.org"]  # the publisher only


def test_the_extractor_reads_its_rules_word_sets_from_its_lexicon(  # type: ignore[no-untyped-def]
        claims_of, actor_dictionary) -> None:
    # "killed two suspects in a shoot-out": fire exchanged makes a killing by police an armed clash (two armed
    # sides); with the word taken out of the injected lexicon, the same killing is one-sided, an attack
    text = "Police killed two suspects in a shoot-out near Garissa on Monday."
    [shipped] = claims_of(text, ["Garissa"])
    assert shipped.sub_event_type == "Armed clash"
    words = [w for w in _raw()["event_words"]["fire_exchanged"] if "shoot" not in w]
    changed = Extractor(actor_dictionary, lexicon=_lexicon(event_words__fire_exchanged=words))
    [injected] = claims_of(text, ["Garissa"], ex=changed)
    assert injected.sub_event_type == "Attack"
