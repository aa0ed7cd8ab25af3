"""Events in a sentence: each trigger's clause, triggers folded into the event that takes them in ("killed by
shelling"), verbs of one subject joined, tolls of accidents dropped, and the event only the classifier saw."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.kinds import names_a_kind
from frontwatch.extract.sentences import _char_ranges, _doc_text, _has_subject, _is_ancestor
from frontwatch.extract.triggers import Lexicon, TriggerEntry, TriggerHit

# Clauses below these are their own events, not part of the trigger's ("X was taken and fighting rages in Y").
_OUTCOMES = {"kill", "injure"}  # categories that name what an event did, not what it was
_SUBCLAUSE_DEPS = {"conj", "ccomp", "parataxis", "advcl", "relcl", "xcomp", "acl"}


_ARMED = {1, 2, 3, 4, 8}


# The lexicon category a sub-type the classifier names on its own stands for (actor roles, place rules); the others
# take the category whose default sub-type it is.
_MODEL_CATEGORY = {
    "Government regains territory": "territory",
    "Protest with intervention": "protest",
    "Excessive force against protesters": "protest",
    "Other": "model",
}


@dataclass
class _Event:
    hit: TriggerHit
    clause: set[int]  # token indices
    absorbed: list[TriggerHit] = field(default_factory=list)


def _indirect_question(hit: TriggerHit) -> bool:
    """ "uncertainty about which areas had been recaptured", "whether the fighting had finished": not a claim."""
    head = hit.head
    heads = [head, hit.token.head] if hit.token.dep_ in {"nsubj", "nsubjpass"} else [head]
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for h in heads for c in h.children):
        return True
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(d.lower_ in {"which", "what", "whichever"} and d.dep_ == "det" for s in subjects for d in s.children)


def _places_in(doc: Doc, clause: set[int], mention_starts: Sequence[int]) -> bool:
    """Does a place mention start inside the clause? `mention_starts` sorted: a bisection per token range, not a
    scan of every mention of the document (a long document has hundreds)."""
    for a, b in _char_ranges(doc, clause):
        k = bisect.bisect_left(mention_starts, a)
        if k < len(mention_starts) and mention_starts[k] < b:
            return True
    return False


class EventFinder:
    """The events of a sentence from its trigger hits (`events`), or from the classifier alone (`model_event`)."""

    def __init__(self, actors: ActorDictionary, lexicon: Lexicon) -> None:
        self.actors = actors
        self.lexicon = lexicon
        self.words = lexicon.words


    def model_event(self, sent: SpacySpan, label: str) -> _Event:
        """An event no trigger named, typed by the classifier: the whole sentence is its clause."""
        defaults = {sub: cat for cat, (_, sub) in reversed(self.lexicon.categories.items())}
        category = _MODEL_CATEGORY.get(label) or defaults.get(label, "model")
        entry = TriggerEntry(-1, "<model>", frozenset(), frozenset(), category, (), frozenset())
        root = sent.root
        return _Event(TriggerHit(root, entry, root), {t.i for t in sent if not t.is_space})

    @staticmethod
    def _clause(hit: TriggerHit, heads: set[int]) -> set[int]:
        root = hit.head
        keep: set[int] = set()
        stack = [root]
        while stack:
            t = stack.pop()
            keep.add(t.i)
            for c in t.children:
                if c.is_space:
                    continue
                own_clause = c.dep_ in _SUBCLAUSE_DEPS and (
                    c.i in heads or any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                )
                if own_clause and c.i != hit.token.i:
                    continue
                stack.append(c)
        keep.add(hit.token.i)
        return keep

    def events(self, sent: SpacySpan, hits: list[TriggerHit], mention_starts: Sequence[int] = ()) -> list[_Event]:
        # "without a fight", "whether the fighting had finished": no event
        hits = [h for h in hits if not _indirect_question(h) and h.token.head.lower_ != "without"]
        # "riot police beat two reporters": the kind of force is no event of its own and must not name the
        # clause's event over the deed (alone, it stays, to be read as no event)
        kinds = [h for h in hits if names_a_kind(h.token, sent, self.lexicon.words)]
        if kinds and len(kinds) < len(hits):
            hits = [h for h in hits if h not in kinds]
        heads = {h.head.i for h in hits} | {h.token.i for h in hits}
        events = [_Event(h, self._clause(h, heads - {h.head.i, h.token.i})) for h in hits]
        alive = list(events)
        # A trigger inside another's clause is part of that event and the higher category names it; so is a
        # subject-less one below it ("seized …, with 60 fighters killed").
        for a in events:
            subtree = {t.i for t in a.hit.head.subtree}
            for b in events:
                if a is b or b not in alive or a not in alive:
                    continue
                below = b.hit.token.i in a.clause or (b.hit.token.i in subtree and not _has_subject(b.hit.head))
                # "… were killed and dozens injured when a suicide bomber targeted a mosque"
                bh = b.hit.head
                when = bh.dep_ == "advcl" and (
                    bh.head.i == a.hit.token.i or (a.hit.token.dep_ == "conj" and a.hit.token.head.i == bh.head.i)
                    or (bh.head.dep_ == "conj" and bh.head.head.i == a.hit.token.i)
                ) and any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "after") for c in bh.children)
                if ((b.hit.token.i in a.clause and not _has_subject(b.hit.token)) or when) and (
                        a.hit.category in _OUTCOMES and b.hit.rank > a.hit.rank):
                    # "killed by shelling", "wounded in an airstrike": the toll is the outcome, the weapon names
                    # the event
                    b.absorbed.append(a.hit)
                    b.clause |= a.clause
                    alive.remove(a)
                    continue
                if below and (
                    a.hit.rank > b.hit.rank or (a.hit.rank == b.hit.rank and _is_ancestor(a.hit.head, b.hit.token))
                ):
                    a.absorbed.append(b.hit)
                    a.clause |= b.clause
                    alive.remove(b)
        # "One was killed and two injured in an attack": a toll coordinated with one the attack took in is its toll too
        for a in list(alive):
            if a.hit.category not in _OUTCOMES:
                continue
            for b in alive:
                if b is a or b.hit.rank <= a.hit.rank:
                    continue
                if any(h.category in _OUTCOMES and a.hit.token.i in {h.token.head.i, *(c.i for c in h.token.children
                                                                          if c.dep_ == "conj")}
                       for h in b.absorbed):
                    b.absorbed.append(a.hit)
                    b.clause |= a.clause
                    alive.remove(a)
                    break
        # Verbs sharing one subject ("protesters set fire to a station in X and clashed with police") are one event
        # when one of them names no place of its own.
        for a in list(alive):
            for b in list(alive):
                if a is b or a not in alive or b not in alive or a.hit.rank < b.hit.rank:
                    continue
                pair = {a.hit.token.i, b.hit.token.i}
                linked = (b.hit.token.dep_ == "conj" and b.hit.token.head.i in pair) or (
                    a.hit.token.dep_ == "conj" and a.hit.token.head.i in pair
                )
                lower = b if b.hit.token.dep_ == "conj" else a
                if not linked or _has_subject(lower.hit.token):
                    continue
                if _places_in(sent.doc, a.clause, mention_starts) and _places_in(sent.doc, b.clause, mention_starts):
                    continue
                a.absorbed.append(b.hit)
                a.clause |= b.clause
                alive.remove(b)
        return [e for e in alive if not self._accident_toll(e, sent, heads)]

    def _accident_toll(self, event: _Event, sent: SpacySpan, heads: set[int]) -> bool:
        """ "A bus plunged into a ravine, killing 14": a toll hung on a happening no trigger names, with no weapon
        and no armed party anywhere in the sentence, is an accident's, not a conflict event's."""
        tok = event.hit.token
        if event.hit.category not in _OUTCOMES or tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.head.i in heads:
            return False
        told = list(tok.head.subtree)  # what happened, without who reports it ("…, police said")
        if {t.lemma_.lower() for t in told} & (self.words["weapon_words"] | self.words["violence_words"]):
            return False
        text = _doc_text(sent.doc)[told[0].idx : told[-1].idx + len(told[-1].text)]
        return not any(m.actor.inter in _ARMED for m in self.actors.find_all(text))
