"""Event triggers: a lexicon over lemmas plus dependency checks (particles, objects, prepositions, modifiers).

A trigger is a token that makes its clause report an event ("recaptured", "fighting", "airstrike"), with a category
that maps to an ACLED type and sub-type (`triggers.yaml`). `find_triggers` returns them per sentence with the token
that heads their clause: a noun carried by a light verb ("fighting is raging in X") has the verb's clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontwatch.annotate.components import english_lemmas
from frontwatch.extract.doc_words import doc_words
from frontwatch.extract.name_words import _NAME_TYPES, _headline_word, _lower_name_word, name_read_plural, plural_key

# The lexicon itself lives below annotate, which parses only the sentences that hold a trigger; re-exported here.
from frontwatch.text.lexicon import Lexicon, TriggerEntry
from frontwatch.text.lexicon import lexicon_from_dict as lexicon_from_dict
from frontwatch.text.lexicon import load_lexicon as load_lexicon

# Which category wins when two triggers report one event ("an airstrike killed 10": airstrike; "seized during
# fighting, with 60 killed": territory).
CATEGORY_RANK: dict[str, int] = {
    "territory": 100,
    "control": 95,
    "suicide": 90,
    "chemical": 89,
    "airstrike": 88,
    "shelling": 87,
    "ied": 86,
    "grenade": 85,
    "sexual": 80,
    "abduct": 79,
    "clash": 70,
    "attack": 65,
    "riot": 60,
    "mob": 59,
    "protest": 58,
    "arrest": 50,
    "agreement": 45,
    "disrupted": 44,
    "base": 43,
    "looting": 42,
    "change": 40,
    "kill": 30,
    "injure": 20,
    "crowd": 10,
}

_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod", "poss"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "obj", "attr", "oprd"}
_NOT_CAPTURE_PREPS = {
    "from",
    "off",
    "behind",
    "short",
    "below",
    "under",
    "over",
    "by",
    "out",
    "down",
    "apart",
    "through",
}


@dataclass(frozen=True, slots=True)
class TriggerHit:
    token: Token
    entry: TriggerEntry
    head: Token  # the token whose clause the event is in

    @property
    def category(self) -> str:
        return self.entry.category

    @property
    def rank(self) -> int:
        return CATEGORY_RANK.get(self.entry.category, 0)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _pos_ok(entry: TriggerEntry, tok: Token) -> bool:
    if not entry.pos:
        return tok.pos_ in {"VERB", "NOUN", "PROPN", "ADJ", "AUX"}
    pos = tok.pos_
    if pos == "PROPN":
        pos = "NOUN"
    if pos == "AUX" or _re_split(tok):
        pos = "VERB"
    return pos in entry.pos or (entry.pos == {"VERB"} and pos == "NOUN" and _verbless_headline_verb(tok))


def _verbless_headline_verb(tok: Token) -> bool:
    """A terse note's present-tense verb the tagger read as a noun in a parse with no verb at its root ("youths
    stone a thief", "gunmen shoot a soldier"): a bare singular form between its subject (a noun or a name) and its
    object."""
    sent = tok.sent
    if sent.root.pos_ in {"VERB", "AUX"} or tok.i <= sent.start or tok.i + 1 >= sent.end or tok.tag_ != "NN":
        return False
    before, after = tok.doc[tok.i - 1], tok.doc[tok.i + 1]
    return (tok.lower_ == _lemma(tok) and before.pos_ in {"NOUN", "PROPN"}
            and after.pos_ in {"DET", "NUM", "PROPN", "NOUN", "ADJ", "VERB", "PRON"})


def _objects(tok: Token) -> list[Token]:
    out = [c for c in tok.children if c.dep_ in _OBJECTS or (c.dep_ == "pobj" and tok.dep_ == "prep")]
    # "a cache of weapons", "two kg of explosives": the "of" phrase says what it is
    out += [p for o in list(out) for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return out


def _needs_ok(entry: TriggerEntry, tok: Token) -> bool:
    for key, words in entry.needs:
        if key == "particle":
            if not any(c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in words for c in tok.children):
                return False
        elif key == "object":
            objs = _objects(tok) + [c for c in tok.children if c.dep_ in {"compound", "amod"}]
            # Passive: "control was taken" — the subject plays the object; "weapons seized on a boat" — the noun.
            objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
            if (tok.tag_ == "VBN" or _re_split(tok)) and tok.dep_ in {"acl", "amod"}:
                objs.append(tok.head)
            if not any(_lemma(o) in words or o.lower_ in words for o in objs):
                return False
        elif key == "target":
            # something stormed: an object ("stormed the base"), a passive subject, or a way in ("stormed into")
            # "stormed and held the district centre": the object the verb shares with its conjunct
            if not (_objects(tok) or any(c.dep_ == "nsubjpass" for c in tok.children)
                    or any(c.dep_ == "prep" and c.lower_ in words for c in tok.children)
                    or any(c.dep_ == "conj" and c.pos_ == "VERB" and not _has_own_subject(c)
                           and any(_lemma(o) in _GROUND or (o.pos_ == "PROPN" and o.ent_type_ != "NORP")
                                   for o in _objects(c)) for c in tok.children)):
                return False
        elif key == "prep":
            if not any(c.dep_ in {"prep", "agent", "dative"} and c.lower_ in words for c in tok.children):
                return False
        elif key == "modifier":
            mods = {_lemma(c) for c in tok.children if c.dep_ in _MODIFIER_DEPS} | {
                c.lower_ for c in tok.children if c.dep_ in _MODIFIER_DEPS
            }
            if tok.i > tok.sent.start:
                prev = tok.doc[tok.i - 1]
                mods |= {_lemma(prev), prev.lower_}
            if not mods & set(words):
                return False
        elif key == "subject":
            subj = [c for c in tok.children if c.dep_ in _SUBJECTS]
            if tok.dep_ in {"acl", "amod"}:
                subj.append(tok.head)
            words_of = {_lemma(w) for s in subj for w in s.subtree if w.dep_ in _MODIFIER_DEPS | _SUBJECTS or w == s}
            if not words_of & set(words):
                return False
        elif key == "not_subject":
            # the doer, active ("the blast destroyed …") or passive ("… destroyed by fire")
            doers = [c for c in tok.children if c.dep_ in _SUBJECTS - {"nsubjpass"}]
            doers += [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if any(_lemma(d) in words for d in doers):
                return False
        elif key == "propn_subject":
            subj = [c for c in tok.children if c.dep_ in _SUBJECTS]
            if not any(c.pos_ == "PROPN" and c.ent_type_ != "NORP" for c in subj):
                return False
            # "fell ill", "fell from the plane", "fell behind" are no captures
            if any(c.dep_ in {"acomp", "attr", "oprd", "prt"} or c.lower_ in _NOT_CAPTURE_PREPS for c in tok.children):
                return False
        elif key == "of":
            # "cleared of militants", "cleared the town of militants": what the place was rid of
            ofs = [p for h in (tok, *_objects(tok)) for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]  # fmt: skip
            if not any(_lemma(p) in words or p.lower_ in words for p in ofs):
                return False
        elif key == "place_prep" and not _place_prep(tok, words):
            return False
        elif key in {"under", "in"} and not _prep_object(tok, key, words):
            # "came under Taliban control" ("came under fire" is no taking), "leaving it in the hands of X"
            return False
        elif key in {"aux", "going_on"} and not (
                _told_as_change(tok, words) if key == "aux" else _going_on(tok, words)):
            return False
        elif key == "sentence":
            if not any(_lemma(t) in words or t.lower_ in words for t in tok.sent if t.i != tok.i):
                return False
        elif key == "place_subject":
            subj = [c for c in tok.children if c.dep_ in _SUBJECTS]
            if subj and not any(_placeish(c) for c in subj):
                return False
        elif key == "place_of":
            # "of" under the verb, under its object ("control of X"), or under a preposition ("pulled out of X")
            ofs = [p for c in tok.children for g in ([c, *c.children] if c.dep_ == "prep" else [*c.children])
                   if g.dep_ == "prep"
                   and g.lower_ == "of" for p in g.children if p.dep_ == "pobj"]  # fmt: skip
            if ofs and not any(_placeish(p) or _lemma(p) in _GROUND for p in ofs):  # a place, or ground ("centre")
                return False
        elif key in {"possessor", "next"} and not (
                any(c.dep_ == "poss" for c in tok.children) if key == "possessor" else _next_in(tok, words)):
            return False
    if entry.not_object:
        objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        objs += [p for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if any(_lemma(o) in entry.not_object for o in objs):
            return False
    if entry.not_head:
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head  # "the sound of X"
        if head.i != tok.i and (_lemma(head) in entry.not_head or (
                head.dep_ in {"dobj", "nsubjpass"} and _lemma(head.head) in entry.not_head)):
            return False
    if entry.ground:
        taken = _taken(tok)
        if taken and not any(_is_ground(t) for t in taken):
            return False  # "seized counterfeit goods", "nationals were captured", "liberated the hostages"
    return True


def _going_on(tok: Token, verbs: Sequence[str]) -> bool:
    """ "religious violence spread to X": the noun is the subject of a verb of happening; not "violence goes on to
    worry …", a state told, nor violence named as a topic."""
    return tok.dep_ == "nsubj" and _lemma(tok.head) in verbs and not any(c.dep_ == "xcomp" for c in tok.head.children)


def _prep_object(tok: Token, prep: str, words: Sequence[str]) -> bool:
    """A `prep` phrase of the word whose object is among `words` ("came under [control]", "left in the [hands]")."""
    return any(c.dep_ == "prep" and c.lower_ == prep and any(_lemma(p) in words for p in c.children)
               for c in tok.children)


def _place_prep(tok: Token, preps: Sequence[str]) -> bool:
    """A `preps` phrase of the word whose object is a place or ground ("driven from the town", "from X"); not
    "driven from their homes", "drove from the capital to the coast" is no armed side's (the sentence need asks)."""
    return any(c.dep_ == "prep" and c.lower_ in preps and any(
        p.dep_ == "pobj" and p.ent_type_ != "PERSON" and (_placeish(p) or _lemma(p) in _GROUND) for p in c.children)
        for c in tok.children)


def _told_as_change(tok: Token, words: Sequence[str]) -> bool:
    """An auxiliary among `words` ("have controlled the town") or the preposition of a gerund ("by controlling the
    area"): a change, not a state; never with a duration ("have controlled it since 2015", "for years": held
    before)."""
    told = any(c.dep_ == "aux" and c.lower_ in words for c in tok.children) or (
        tok.dep_ == "pcomp" and tok.head.lower_ in words)
    return told and not any(c.dep_ == "prep" and c.lower_ in {"since", "for"} for c in tok.children)


def _has_own_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


def _next_in(tok: Token, words: Sequence[str]) -> bool:
    return tok.i + 1 < tok.sent.end and tok.doc[tok.i + 1].lower_ in words


def _taken(tok: Token) -> list[Token]:
    """What a word of taking took: its object, its passive subject, the noun its participle describes ("weapons
    seized on a boat"), or a noun's "of" phrase ("the capture of X"); with the words coordinated with them."""
    heads = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if tok.tag_ == "VBN" and tok.dep_ in {"acl", "amod"} and tok.head.pos_ in {"NOUN", "PROPN"}:
        heads.append(tok.head)
    if tok.pos_ in {"NOUN", "PROPN"}:
        heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]  # fmt: skip
    out = []
    for h in heads:
        out.append(h)
        out.extend(c for c in h.children if c.dep_ == "conj")
    return out


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes ("the post, which the Taliban then occupied",
    "the town, which fell to X"); any other word for itself."""
    if tok.tag_ in {"WDT", "WP"} and tok.lower_ in {"which", "that", "who"}:
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is not None and clause.head.pos_ in {"NOUN", "PROPN"}:
            return clause.head
    return tok


def _is_ground(tok: Token) -> bool:
    tok = _antecedent(tok)
    if tok.pos_ in {"PRON", "NUM"}:
        return True  # nothing to tell by
    if tok.pos_ == "PROPN":
        return tok.ent_type_ != "NORP"  # not PERSON: the small model tags many unknown towns as people
    if _lemma(tok) in _GROUND or tok.lower_ in _GROUND or _lemma(tok) in _SHARES:
        return True
    # "parts of the city", "the centre of Aleppo", "areas in the north"
    return any(_placeish(p) and p.ent_type_ != "PERSON" for c in tok.children if c.dep_ == "prep"
               and c.lower_ in {"of", "in"} for p in c.children if p.dep_ == "pobj")  # fmt: skip


# How much of a place was taken: "seized most of", "captured parts of", "took control"
_SHARES = frozenset({"most", "much", "part", "half", "rest", "all", "some", "control", "remainder", "majority"})


PLACE_NOUNS = frozenset(
    {"city", "town", "district", "province", "capital", "village", "base", "garrison", "stronghold", "post",
     "checkpoint", "area", "region", "territory", "county", "state", "airport", "port", "border", "crossing", "road",
     "highway", "valley", "hill", "mountain", "neighbourhood", "neighborhood", "suburb", "camp", "bridge", "dam",
     "field", "oilfield", "position", "outpost", "headquarters", "building", "compound", "palace", "prison",
     "fort", "fortress", "castle", "citadel"}
)  # fmt: skip
# More ground a force can take; not in PLACE_NOUNS, which also decides what can "fall" (a market, a seat, a line can)
_GROUND = PLACE_NOUNS | frozenset(
    {"hilltop", "ridge", "peak", "pass", "island", "coast", "frontline", "zone", "outskirts", "quarter", "barracks",
     "fort", "fortress", "citadel", "station", "facility", "refinery", "plant", "junction", "settlement", "hamlet",
     "enclave", "pocket", "corridor", "airbase", "airfield", "runway", "centre", "center", "municipality",
     "locality", "commune", "governorate", "sector", "heights", "bastion", "township", "countryside", "street",
     "square", "harbour", "harbor", "ground", "land", "front", "line", "height", "site"}
)  # fmt: skip
# Verbs of intent: what follows them has not happened ("plotted to attack", "vowed to retake")
_PROTEST_ACTS = frozenset({"protest", "demonstrate"})
_ACCUSED = frozenset({"suspect", "accuse", "charge", "convict", "sentence", "indict"})
_INTENT = frozenset(
    {"plot", "plan", "try", "attempt", "threaten", "vow", "want", "intend", "aim", "seek", "hope", "prepare",
     "decide", "pledge", "promise", "urge", "call", "order", "conspire", "expect", "warn", "need", "fail",
     "refuse", "able", "enough", "going", "would", "could", "discuss", "negotiate", "propose", "consider",
     "debate"}
)  # fmt: skip


def _placeish(tok: Token) -> bool:
    tok = _antecedent(tok)
    return tok.pos_ in {"PROPN", "PRON"} or _lemma(tok) in PLACE_NOUNS


def unrealized(tok: Token) -> bool:
    """An infinitive of intent or purpose ("plotted to attack", "formed to fight for"), or the object of a plan
    ("suspected of planning attacks"): no event happened."""
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    spans = {_lemma(c) for c in tok.children if c.dep_ == "npadvmod"}
    if tok.dep_ == "advcl" and marks & {"after", "since", "before"} and spans & {"year", "month", "week", "decade"}:
        return True  # "… more than a year after it fell to X": background, not this report's event
    if tok.pos_ == "NOUN":
        if tok.dep_ in {"dobj", "pobj"} and _lemma(tok.head) in _INTENT:
            return True
        if any(c.dep_ in {"compound", "amod"} and _lemma(c) in _INTENT for c in tok.children):
            return True  # "planning attacks" read as one noun phrase
        if tok.dep_ == "pobj" and _lemma(tok.head.head) in _ACCUSED:
            return True  # "suspected of / charged with attacks": an accusation, not an event of this report
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return False
    head = tok.head
    if _lemma(tok) in _PROTEST_ACTS and tok.dep_ in {"advcl", "xcomp"} and head.pos_ == "VERB" and not (
            _lemma(head) in _INTENT or any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in head.children)):
        return False  # "blocked the road / took to the streets to protest …": the act done was the protest
    if tok.dep_ == "xcomp" and _lemma(head) in {"begin", "start", "continue", "resume", "keep"}:
        return False
    return tok.dep_ in {"xcomp", "advcl", "acl", "relcl", "ccomp"} or _lemma(head) in _INTENT


# Verbs that tell their infinitive happened when they did ("a withdrawal that allowed X to seize it", "managed to
# retake the town"): no intent, unlike "vowed to retake".
_ENABLING = frozenset({"allow", "enable", "manage", "help", "permit"})
_FORCED = frozenset({"force", "compel", "oblige"})
_LEAVING = frozenset({"withdraw", "pull", "vacate", "abandon", "evacuate", "leave"})


def _enabled_taking(lex: Lexicon, tok: Token) -> bool:
    """A taking of ground told as the infinitive of a realized, past enabling verb ("withdrew, which allowed X to
    seize it", "enabling X to capture the town", "managed to retake X"); not a plan ("plan to allow X to take"), a
    denial ("did not allow X to take it") or a modal ("could help X to take it"). Territory words only: what other
    events a permission tells ("allowed protesters to march") is left as it was."""
    head = tok.head
    # "rebels were reported / are said to have seized X": a perfect infinitive of a passive verb of saying tells a
    # taking already made ("claim to have retaken X" is the side's own claim, told as such elsewhere)
    perfect = (any(c.dep_ == "aux" and c.lower_ in {"have", "'ve"} for c in tok.children) and tok.tag_ == "VBN"
               and any(c.dep_ == "auxpass" for c in head.children))
    if perfect and tok.dep_ in {"xcomp", "ccomp"} and _lemma(head) not in _INTENT and not any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in head.children):
        entry = match_token(lex, tok)
        return entry is not None and entry.category in {"territory", "control"}
    # "troops were forced to withdraw from X": a withdrawal made, not planned
    forced = _lemma(head) in _FORCED and any(c.dep_ == "auxpass" for c in head.children)
    if tok.dep_ not in {"xcomp", "ccomp", "advcl"} or head.i == tok.i or not (_lemma(head) in _ENABLING or forced):
        return False
    if head.tag_ not in {"VBD", "VBN", "VBG"} or unrealized(head):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in head.children):
        return False
    entry = match_token(lex, tok)
    return entry is not None and (entry.category in {"territory", "control"} or (forced and _lemma(tok) in _LEAVING))


def _loss_reversed(lex: Lexicon, tok: Token) -> bool:
    """ "Y recaptured X, hours after it was seized by Z": the taking told after a recapture is the loss it reverses,
    told before it; read as this report's event, fused on the same day, it would leave the place contested."""
    kids = {(c.dep_, c.lower_) for c in tok.children}  # the same place: "after it was seized", "after Z took it"
    if tok.dep_ != "advcl" or _lemma(tok.head) not in {"recapture", "retake", "regain", "reclaim"} or not (
            ("mark", "after") in kids and kids & {("nsubjpass", "it"), ("dobj", "it")}):
        return False
    entry = match_token(lex, tok)
    return entry is not None and entry.category in {"territory", "control"}


def warning_shots(tok: Token) -> bool:
    """ "Police shot / fired into the air": shots that hit no one, no killing (a crowd's dispersal, at most)."""
    return _lemma(tok) in {"shoot", "fire"} and any(
        c.dep_ == "prep" and c.lower_ in {"in", "into"} and any(_lemma(g) == "air" for g in c.children)
        for c in tok.children)


def _re_split(tok: Token) -> bool:
    """A verb's participle the tokenizer split from its "re-" and the tagger read as an adjective of its object
    ("re-established control": "re", "-", "established")."""
    doc = tok.doc
    return (tok.i >= 2 and tok.pos_ == "ADJ" and tok.lower_.endswith("ed") and doc[tok.i - 1].text == "-"
            and doc[tok.i - 2].lower_ == "re" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_)


def match_token(lex: Lexicon, tok: Token) -> TriggerEntry | None:
    index = lex.by_lemma()
    lemma = _lemma(tok)
    keys = (lemma,) if tok.lower_ == lemma else (lemma, tok.lower_)
    if (plural := name_read_plural(tok, index)) is not None:  # "Killings" read as a name, its form its lemma
        keys = (*keys, plural)
    if _re_split(tok):  # the verb's lemma: "established" -> "establish", "secured" -> "secure"
        keys = (*keys, tok.lower_[:-2], tok.lower_[:-1])
    slips = lex.slips()
    if any(k in slips for k in keys) and _real_word(lemma, tok.lower_):
        # a slip of the hand that is a real English word is that word ("selling" is no "shelling")
        keys = tuple(k for k in keys if k not in slips)
    candidates = [e for k in keys for e in index.get(k, [])]
    for entry in sorted(candidates, key=lambda e: e.index):
        if _pos_ok(entry, tok) and _needs_ok(entry, tok):
            return entry
    return None


def _real_word(lemma: str, form: str) -> bool:
    """Whether the lemmatizer's word index knows the word or the lemma it read (a typo's lemma is no word)."""
    words = english_lemmas()
    return lemma in words or form in words


def clause_head(lex: Lexicon, tok: Token) -> Token:
    """The token whose clause a trigger's event is in: a light verb carrying a nominal trigger, else itself."""
    if _re_split(tok):
        return tok.doc[tok.i - 2]  # "troops re-established control": the subject hangs from the "re"
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in _SUBJECTS | _OBJECTS:
        head = tok.head
        if head.pos_ in {"VERB", "AUX"} and (_lemma(head) in lex.light_verbs or head.lower_ in lex.light_verbs):
            return head
    return tok


def find_triggers(lex: Lexicon, sent: Span) -> list[TriggerHit]:
    hits = []
    for tok in _indexed_tokens(lex, sent):
        if tok.is_punct or tok.is_space:
            continue
        # inside a name ("March 24", "Operation Storm") or not a happening
        if tok.ent_type_ in _NAME_TYPES and not _headline_word(lex, tok) and not _lower_name_word(tok):
            continue
        if (unrealized(tok) and not _enabled_taking(lex, tok)) or warning_shots(tok) or _loss_reversed(lex, tok):
            continue
        entry = match_token(lex, tok)
        if entry is not None:
            hits.append(TriggerHit(tok, entry, clause_head(lex, tok)))
    # "poll violence went on with night clashes": the cover word yields to an event word that tells what it was
    told = [h for h in hits if not any(key == "going_on" for key, _ in h.entry.needs)]
    return told or hits


def _indexed_tokens(lex: Lexicon, sent: Span) -> list[Token]:
    """The sentence's tokens whose lower-case lemma or form has an entry in the lexicon's index: `match_token` finds
    none for any other, so the checks before it need not run there. Read from the document's word lists, a Token
    made only for these (most words of a sentence are no trigger's)."""
    index = lex.by_lemma()
    own = doc_words(sent.doc)
    doc = sent.doc
    return [doc[i] for i in range(sent.start, sent.end) if own.lemmas[i] in index or own.lowers[i] in index
            or (i >= sent.start + 2 and own.lowers[i - 2] == "re" and own.lowers[i - 1] == "-")  # "re-established"
            or plural_key(own.lowers[i], own.lemmas[i], index) is not None]  # "Killings" read as a name


def is_nonevent(lex: Lexicon, hit: TriggerHit, clause: set[int]) -> bool:
    """Disasters, accidents, disease, crime and metaphor ("legal battle") are not conflict events."""
    doc = hit.token.doc
    if any(_lemma(c) in lex.nonevent_modifiers for c in hit.token.children if c.dep_ in _MODIFIER_DEPS):
        return True
    if _weapon_as_modifier(lex, hit.token):
        return True
    # only a non-event word of the clause can make it one (the test at the end): without one, no walk of the parse
    own = doc_words(doc)
    if not any(own.lemmas[i] in lex.nonevent_words or own.lowers[i] in lex.nonevent_words
               for i in clause if i != hit.token.i):
        return False
    grievance: set[int] = set()
    if hit.category in _CROWD_CATEGORIES:
        # "protested against rising prices / corruption / the election result": what a protest is about does not
        # make it a non-event
        grievance = {t.i for i in clause if doc[i].dep_ == "prep" and doc[i].lower_ in _GRIEVANCE_PREPS
                     for t in doc[i].subtree}
        # "protested corruption at the courts": what is protested is the grievance too
        grievance |= {t.i for c in hit.token.children if c.dep_ == "dobj" for t in c.subtree}
        # "blocked the road to protest accidents", "… demanding lower prices": what a verb of protest names
        grievance |= {t.i for c in hit.token.children if c.dep_ in {"advcl", "xcomp", "conj"}
                      and _lemma(c) in _PROTEST_VERBS for t in c.subtree}
        # "blocked the road in protest of higher prices": so is what an "in protest" phrase names
        grievance |= {t.i for i in clause if doc[i].dep_ == "prep" and doc[i].lower_ in {"in", "as"}
                      and any(_lemma(c) in _PROTEST_NOUNS for c in doc[i].children) for t in doc[i].subtree}
    # "killed in a clash ahead of the elections", "beaten up during a by-election": an occasion (an election, a
    # court case, prices) named only as when or why the violence happened is no reason to call it none; a cause of
    # harm (an accident, a flood, a disease) is, wherever it is said
    occasions = lex.words.get("nonevent_occasions", frozenset())
    occasion = {t.i for i in clause if (doc[i].dep_ == "prep" and doc[i].lower_ in _OCCASION_PREPS)
                or (_lemma(doc[i]) in _LINK_WORDS and doc[i].pos_ in {"VERB", "ADJ"})
                for t in doc[i].subtree if t.i != hit.token.i} if occasions else set()
    # "a by-election", which the tokenizer splits ("by", "-", "election") and the parser reads as an agent
    occasion |= {i for i in clause if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "by"}
    return any(
        doc[i].pos_ in {"NOUN", "PROPN"}
        and (_lemma(doc[i]) in lex.nonevent_words or doc[i].lower_ in lex.nonevent_words)
        and not _describes_only(doc[i])
        and not (i in occasion and (_lemma(doc[i]) in occasions or doc[i].lower_ in occasions))
        for i in clause
        if i != hit.token.i and i not in grievance
    )


def _describes_only(tok: Token) -> bool:
    """A non-event word that only describes, not what happened: a time ("post-election riots"), a person ("a
    robbery suspect", "a man suspected of robbery"), the setting of violence ("election violence") or a name
    ("the Law Courts", "the Electoral Commission")."""
    if tok.ent_type_ in {"ORG", "FAC"}:
        return True
    doc = tok.doc
    before = doc[max(tok.sent.start, tok.i - 2):tok.i]
    if before and (before[-1].lower_ in _TIME_PREFIXES or (
            len(before) == 2 and before[-1].text == "-" and before[0].lower_ in _TIME_PREFIXES)):
        return True
    if tok.dep_ in {"compound", "amod", "nmod"} and _lemma(tok.head) in _DESCRIBED_HEADS:
        return True
    if tok.dep_ == "compound" and (tok.head.pos_ == "PROPN" or _lemma(tok.head) in _NAMED_GROUNDS):
        return True  # part of a place's name or kind ("a game reserve", "the Football Club grounds")
    # the occasion of the event ("during the elections", "in the lead-up to the election", "during a match"), not
    # what happened (a robbery or an accident it happened in still is)
    for a, _ in zip([tok, *tok.ancestors], range(4) if _lemma(tok) in _SETTINGS else (), strict=False):
        if a.dep_ == "prep" and (a.lower_ in _SETTING_PREPS or any(
                c.lower_ in _SETTING_NOUNS for c in a.head.subtree if c.i < a.i)):
            return True
    return tok.dep_ == "pobj" and _lemma(tok.head.head) in _ACCUSED


_TIME_PREFIXES = frozenset({"post", "pre"})
_NAMED_GROUNDS = frozenset({"reserve", "park", "ground", "grounds", "field", "stadium", "club", "estate", "centre",
                            "center", "area", "village", "office", "offices"})
_SETTING_PREPS = frozenset({"during", "ahead", "amid", "amidst", "before"})
_SETTINGS = frozenset({"election", "electoral", "match", "game", "tournament", "league", "cup"})
_SETTING_NOUNS = frozenset({"lead-up", "run-up", "build-up", "eve", "lead", "run"})
# Nouns a non-event word may describe without making the event a crime, an accident or a vote: people named by
# what they are suspected of or stand for, and violence named by its setting.
_DESCRIBED_HEADS = frozenset({"suspect", "baron", "dealer", "trafficker", "smuggler", "peddler", "kingpin", "robber",
                              "thief", "gang", "official", "candidate", "aspirant", "agent", "supporter", "violence",
                              "clash", "riot", "unrest", "chaos", "skirmish", "fighting",
                              "ranger", "warden"})  # "game rangers": wildlife guards, no sport


def _weapon_as_modifier(lex: Lexicon, tok: Token) -> bool:
    """A weapon named as what a test, a programme or a sale is about ("missile tests", "nuclear and missile
    development programmes", "a rocket launch"): no attack."""
    if tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return False
    cur = tok
    for _ in range(3):
        while cur.dep_ == "conj" and cur.head is not cur:
            cur = cur.head
        if cur.dep_ not in {"compound", "amod", "nmod", "npadvmod"}:
            return False
        cur = cur.head
        if _lemma(cur) in lex.nonevent_heads:
            return True
    return False


_CROWD_CATEGORIES = frozenset({"protest", "crowd", "riot", "mob"})
_GRIEVANCE_PREPS = frozenset({"against", "over", "about", "for", "after", "following"})
_PROTEST_NOUNS = frozenset({"protest", "demonstration", "solidarity", "opposition"})
_PROTEST_VERBS = frozenset({"protest", "demand", "denounce", "condemn", "oppose", "demonstrate"})
# Prepositions and participles whose phrase tells a violent act's occasion or motive, not what the act was.
_OCCASION_PREPS = frozenset({"during", "ahead", "before", "after", "following", "over", "amid", "amidst", "for"})
_LINK_WORDS = frozenset({"link", "linked", "relate", "related", "connect", "connected", "tie", "tied"})
