"""Attack or armed clash: who the other side was and whether it could fight. ACLED's armed clash takes two organised
armed sides; one armed side harming people named by no armed word (passengers, traders, a teacher) is an attack on
civilians, whatever the n-grams of police and gunfire make of it."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from frontwatch.extract.events import _Event

# Words that make whom a killing struck a side able to fight, besides the lexicon's armed victims, state forces and
# communities: a suspect or a member may be a gang's (the rules' "police shot dead two suspects" is a clash).
_FIGHTERS = frozenset({"suspect", "member", "fighter", "rebel", "soldier", "recruit", "combatant", "guard",
                       "reservist", "vigilante", "sect", "gang", "unit", "squad", "team"})
_STRIKES = frozenset({"kill", "injure", "attack"})
# "repulsed the attackers", "pushed them back", "fought off the raiders": the side struck, or forces who came, fought
_REPEL = frozenset({"repulse", "repel", "rebuff"})
_BACK = frozenset({"push", "beat", "drive", "fight", "fend", "force"})


def _gunned(trigger: Token) -> bool:
    """ "shot dead", "gunned down": a killing by gunfire names its weapon as surely as "a gunman" does."""
    lemma = trigger.lemma_.lower()
    return (lemma == "shoot" and any(c.lower_ == "dead" for c in trigger.children)) or (
        lemma == "gun" and any(c.lower_ == "down" for c in trigger.children))


def _two_sides(trigger: Token) -> bool:
    """Does a fight word name both its sides: a "between" phrase, on it or on the verb it is the subject of
    ("clashes broke out between two clans"), or coordinated subjects ("X and Y clans battle")?"""
    told = [trigger, trigger.head] if trigger.dep_ in {"nsubj", "nsubjpass"} else [trigger]
    if any(c.dep_ == "prep" and c.lower_ == "between" for t in told for c in t.children):
        return True
    # a headline's subject misread as the verb (its object the fight word) or as the fight word's modifier
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "compound")]
    if trigger.dep_ == "dobj" and trigger.head.tag_ in {"VB", "VBZ", "VBP"} and trigger.head.dep_ == "ROOT":
        heads.append(trigger.head)
    return any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for h in heads for c in h.children)


def unarmed_struck(event: _Event, words: Mapping[str, frozenset[str]]) -> bool:
    """Does a verb of killing, hurting or attacking name whom it struck (its object or passive subject, a noun or a
    name: "killing one passenger", "shot dead six people in a bar") by no word of a side able to fight, with no
    fight taken in beside it? A number or a pronoun alone ("killing three") may stand for soldiers: no answer."""
    hit = event.hit
    if hit.category not in _STRIKES or hit.token.pos_ != "VERB" or any(
            h.category == "clash" for h in event.absorbed):
        return False
    victims = [c for c in hit.token.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}]
    if not victims:
        return False
    named = {w.lemma_.lower() for v in victims for w in v.subtree} | {w.lower_ for v in victims for w in v.subtree}
    armed = words["armed_victims"] | words["force_heads"] | words["community_words"] | _FIGHTERS
    return not named & armed and not _resisted(hit.token.doc)


def _resisted(doc: Doc) -> bool:
    """Does the report tell the attack resisted ("troops drove the raiders back", "the guards repelled them")?
    ACLED then codes the fight as an armed clash, whatever the first sentence's victims were."""
    def back(t: Token) -> bool:  # "drove back the raiders", "fought back"; not "drove off with the cattle"
        return t.lemma_.lower() in _BACK and any(c.dep_ in {"prt", "advmod"} and c.lower_ in {"back", "off"}
                                                 for c in t.children) and (
            t.lemma_.lower() == "fight" or any(c.dep_ == "dobj" for c in t.children))
    return any(t.lemma_.lower() in _REPEL or t.lower_ in {"repulsed", "repelled"} or back(t) for t in doc)
