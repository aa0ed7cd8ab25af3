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
        happening = [c for c in v.children if c.dep_ == "dobj" and v.lemma_.lower() in _GRIEVANCE_VERBS
                     and _happening(c)]
        for c in v.children:
            # the parser hangs a happening's place from the verb ("protest the jailing of editors | in Y"): a
            # preposition after such an object is the object's
            if (c.dep_ == "dobj" and v.lemma_.lower() in _GRIEVANCE_VERBS) or (
                    c.dep_ == "prep" and c.lower_ in _GRIEVANCE_PREPS) or (
                    c.dep_ == "prep" and any(d.right_edge.i + 1 == c.i for d in happening)):
                out.update(range(c.left_edge.i, c.right_edge.i + 1))
    return out


# Nouns of a happening (what was done to people somewhere), by their own word or their ending.
_HAPPENING_NOUNS = frozenset({"arrest", "attack", "death", "murder", "raid", "shooting", "assault", "abduction"})


def _happening(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in _HAPPENING_NOUNS or lemma.endswith(("ment", "tion", "sion", "ing")))


# A march's way: the verb or noun of going whose "to" / "into" names where the protest was held ("youths from X
# marched to Y", "a walk from X to Y county"); its "from" stays an origin.
_MOTION_LEMMAS = frozenset({"march", "walk", "trek", "proceed", "head", "go", "move", "parade", "procession",
                            "stream", "troop", "converge", "storm"})
_DESTINATION_PREPS = frozenset({"to", "into", "onto"})


def _destination(toks: list[Token], trigger: Token, roads: frozenset[str] | set[str]) -> bool:
    """Whether the place is where a protest's march went: under "to" / "into" of a motion word that is the trigger,
    its head or its child, with a protest on that line ("marched to Y to protest"). A flight's or a journey's end
    ("fled from X to Y") has no protest and stays a route, and so do a road's ends ("marched to the X-Y highway")."""
    cur = _root_of(toks)
    for _ in range(3):  # "to the Y county offices": the name qualifies the noun the preposition governs
        if cur.dep_ not in {"compound", "amod", "nmod", "poss"} or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.dep_ != "pobj" or cur.head.lower_ not in _DESTINATION_PREPS or cur.lemma_.lower() in roads:
        return False
    mover = cur.head.head
    if mover.lemma_.lower() not in _MOTION_LEMMAS:
        return False
    # the trigger's own word, its head or child, or a sibling ("held a walk to Y to protest")
    near = {trigger.i, trigger.head.i, *(c.i for c in trigger.children), *(c.i for c in trigger.head.children)}
    protest = {trigger.lemma_.lower(), mover.lemma_.lower()} & _PROTEST_LEMMAS or any(
        t.lemma_.lower() in _PROTEST_LEMMAS for c in mover.children if c.dep_ in {"advcl", "xcomp", "prep"}
        for t in (c, *c.children))  # "marched to Y to protest", "walked to Y in protest"
    return mover.i in near and bool(protest)


# Verbs that convey people elsewhere after the event ("those detained were transferred to Y for questioning", "the
# wounded were flown to Y"): their "to" names where the people were taken, never where the event happened.
_CONVEY_LEMMAS = frozenset({"transfer", "extradite", "deport", "repatriate", "airlift", "fly", "ferry", "send",
                            "relocate", "remand"})


def _conveyed_to(toks: list[Token], trigger: Token | None) -> bool:
    """Whether the place is the goal of a verb conveying people ("were transferred to Y") other than the trigger."""
    cur = _root_of(toks)
    if cur.dep_ != "pobj" or cur.head.lower_ not in _DESTINATION_PREPS:
        return False
    verb = cur.head.head
    return verb.lemma_.lower() in _CONVEY_LEMMAS and (trigger is None or verb.i != trigger.i) and verb.pos_ == "VERB"


def _doers_origin(toks: list[Token]) -> bool:
    """Whether the place is where people named by a noun came from ("raiders from X", "militia from X and Y"): the
    doers' origin, not where they acted; a verb's "from" ("fled from X", "abducted from X") is not."""
    cur = _root_of(toks)
    for _ in range(4):  # "from X and Y": the later names hang from the first
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    return (cur.dep_ == "pobj" and cur.head.lower_ == "from" and cur.head.dep_ == "prep"
            and cur.head.head.pos_ in {"NOUN", "PROPN", "PRON"})
