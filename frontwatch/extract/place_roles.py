"""Which role a place plays for the event's doers and a protest's grievance: the doers' own town ("X youths blocked the
road") and what a protest is about ("to protest the jailing of editors in Y"), read from the parse around the trigger
(split from places.py)."""

from __future__ import annotations

from spacy.tokens import Token


def _root_of(toks: list[Token]) -> Token:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head == t:
            return t
    return toks[0]


# A protest's grievance ("marched in X to protest the jailing of editors in Y", "rallied to condemn the attack on Y"):
# the object of these verbs, or what a protest is "against" / "over", says what it is about, not where it was.
_PROTEST_LEMMAS = frozenset({"protest", "demonstrate", "demonstration", "demo", "march", "rally", "strike", "riot",
                             "picket", "boycott", "condemn", "denounce", "decry", "oppose", "mourn"})
_GRIEVANCE_VERBS = frozenset({"protest", "condemn", "denounce", "decry", "oppose", "mourn", "demand"})
_GRIEVANCE_PREPS = frozenset({"against", "over", "about"})


def _doers_home(toks: list[Token], trigger: Token) -> bool:
    """A place qualifying the active subject of the event's verb ("hundreds of X youths blocked ..."): the doers
    act where they are; a victim's ("a X man was shot") or another person's home says nothing of the place."""
    cur = _root_of(toks).head
    for _ in range(6):
        if cur.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            return cur.dep_ == "nsubj" and not (cur.left_edge.i <= trigger.i <= cur.right_edge.i)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _grievance(trigger: Token) -> set[int]:
    """The tokens naming a protest's grievance: the object of "protest" / "condemn" (the trigger's own or that of an
    infinitive stating its purpose), and what it is against or over."""
    if trigger.lemma_.lower() not in _PROTEST_LEMMAS:
        return set()
    verbs = [trigger, *(c for c in trigger.children
                        if c.dep_ in {"advcl", "xcomp", "acl", "relcl"} and c.lemma_.lower() in _GRIEVANCE_VERBS)]
    out: set[int] = set()
    for v in verbs:
        for c in v.children:
            if (c.dep_ == "dobj" and v.lemma_.lower() in _GRIEVANCE_VERBS) or (
                    c.dep_ == "prep" and c.lower_ in _GRIEVANCE_PREPS):
                out.update(range(c.left_edge.i, c.right_edge.i + 1))
    return out
