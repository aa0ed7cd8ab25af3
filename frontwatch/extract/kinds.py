"""Event words that only name a kind of thing ("riot police", "assault rifle", "anti-riot officers"): no happening,
unless a headline uses them as its verb ("militia attacks vehicle", "clans battle police")."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

Words = Mapping[str, frozenset[str]]  # the lexicon's word sets


def _headline_verb(trigger: Token, sent: SpacySpan) -> bool:
    """A headline's verb the tagger read as a noun modifying its object ("militia attacks vehicle", "sect battle
    police"): a verb's form ("attacks" for "attack"), or a sentence with no verb where a noun (its subject) comes
    just before. A kind ("riot police", "assault rifle") is named by the bare noun inside a sentence with a verb."""
    if trigger.lower_ != trigger.lemma_.lower() and trigger.lower_.endswith("s"):
        return True
    before = trigger.doc[trigger.i - 1] if trigger.i > sent.start else None
    return (before is not None and before.pos_ in {"NOUN", "PROPN"} and before.dep_ != "compound"
            and not any(t.pos_ in {"VERB", "AUX"} for t in sent))


def _fights_forces(trigger: Token, words: Words) -> bool:
    """A headline's "(the group) attack police", "(clans) battle police", which the tagger reads as a kind of police:
    a verb of fighting right after its subject, a name or a noun that is no place or nationality ("Kenyan attack
    police" is no headline), before state forces."""
    before = trigger.doc[trigger.i - 1] if trigger.i > trigger.sent.start else None
    # the subject may itself be misread as the verb ("sect battle police": "sect" a present-tense verb whose object
    # is "battle police"); a plain noun's form, the fight word its object's modifier
    misread = (before is not None and before.tag_ in {"VB", "VBZ", "VBP"} and before.dep_ == "ROOT"
               and trigger.dep_ == "compound" and trigger.head.head.i == before.i)
    # or the verb comes after a comma, its object left hanging as a list item ("raiders, believed to be X, attack
    # police and an army post"; "squatters reject eviction, fight police")
    misread = misread or (before is not None and before.text == "," and trigger.tag_ == "NN"
                          and trigger.dep_ == "compound" and trigger.head.dep_ in {"conj", "appos"})
    return (before is not None and trigger.lemma_.lower() in words["fight_verbs"]
            and trigger.head.lemma_.lower() in words["force_heads"] and (before.pos_ in {"NOUN", "PROPN"} or misread)
            and before.ent_type_ not in {"GPE", "NORP", "LOC"})


def names_a_kind(trigger: Token, sent: SpacySpan, words: Words) -> bool:
    """An event word that only names a kind of its head noun ("riot police", "assault rifle"), not a happening."""
    # the tagger reads the word after a hyphenated prefix as an adjective ("anti-riot police"): a kind all the same
    return (trigger.dep_ in {"compound", "amod"} and trigger.head.lemma_.lower() in words["kind_of_heads"]
            and not _headline_verb(trigger, sent) and not _fights_forces(trigger, words))


# a crowd's own acts, besides the lexicon's protest words (what a crowd protests over sits under one: background.py)
CROWD_ACTS = frozenset({"protest", "demonstrate", "riot", "block", "barricade", "demand"})
_CROWD_ACTS_TOLD = CROWD_ACTS | {"march"}


def intervenes_on_crowd(trigger: Token, sent: SpacySpan, words: Words) -> bool:
    """A kind of force named by a crowd word ("anti-riot police") that intervenes after a crowd's act told before
    it ("traders try to block the road; anti-riot police intervene"): the sentence tells the crowd's event, which
    the crowd word stands for where no other event word does."""
    force = trigger.head
    verb = force.head
    if force.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() not in words["intervention"]:
        return False
    start = min(t.i for t in force.subtree)
    return any(t.lemma_.lower() in _CROWD_ACTS_TOLD | words["protest_words"] for t in sent if t.i < start)
