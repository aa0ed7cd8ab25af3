"""Event words a whole article uses without telling an incident: what is paused ("a lull in the fighting"), what is
yet to come ("the strike will begin on Monday"), and what a quote says as a saying, advice or a view ("you fight
your battles", "I believe he was murdered"). Called by `background.background_reason`."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.doc_words import doc_text

# A report of up to this many sentences is a note (or a wire) about its event; a longer one is an article, most of
# whose sentences tell no event of its own.
NOTE_SENTENCES = 4


def told_as_article(doc: Doc) -> bool:
    """Whether the report is a whole article (set by the extractor: more than NOTE_SENTENCES sentences, and not a
    coded note dated by its event, which is about that event whatever its length)."""
    return bool(doc.user_data.get("fw_article", False))

# Nouns of a pause in what they govern ("a lull in the fighting", "a halt to the shelling", "a respite from attacks").
_PAUSES = frozenset({"lull", "pause", "halt", "cessation", "suspension", "respite", "let-up", "letup"})


# Nouns and gerunds of lifting what they govern ("the lifting of the siege", "conditions including lifting the
# siege"): the state to be lifted, a demand or a goal, is no incident of the report's day. Not "end": "a bloody end
# to the battle" tells the battle going on.
_ENDINGS = frozenset({"lifting", "lift", "removal"})


def paused(trigger: Token) -> bool:
    """Whether the event word is what a pause noun is a pause in, of, to or from, or what a lifting noun or gerund
    lifts ("the lifting of the siege", "including lifting the siege"; not a finite verb: "troops lifted the siege")."""
    tok = trigger
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "dobj" and head.tag_ == "VBG" and head.lemma_.lower() in _ENDINGS and head.dep_ in {
            "pcomp", "pobj", "nsubj", "dobj"}:
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "of", "to", "from"}:
        return False
    prep = tok.head
    # the parser may hang the preposition on the verb ("describe a lull | in the fighting"): the noun just before it
    before = prep.doc[prep.i - 1].lemma_.lower() if prep.i > 0 else ""
    return (prep.head.lemma_.lower() in _PAUSES or before in _PAUSES
            or (prep.head.pos_ == "NOUN" and prep.head.lower_ in _ENDINGS))


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Verbs an event noun is the subject of when told as happening ("the strike will begin", "a march will take place",
# "a rally will be held"): with a future auxiliary, the event is to come. Not other verbs: "the attack will not
# deter us" tells an attack that happened.
_OCCUR_VERBS = frozenset({"be", "begin", "start", "take", "happen", "occur", "hold", "go", "continue", "resume"})


def future(trigger: Token) -> bool:
    """Whether the event is told in the future: a verb with "will"/"shall" ("will be seized", "will attack"; the
    first verb's for a verb joined to it), or an event noun subject of an occurrence verb with it."""
    verb = trigger
    if trigger.pos_ == "NOUN":
        if trigger.dep_ not in {"nsubj", "nsubjpass"} or trigger.head.lemma_.lower() not in _OCCUR_VERBS:
            return False
        verb = trigger.head
    elif trigger.pos_ != "VERB":
        return False
    while verb.dep_ == "conj" and verb.head.i != verb.i and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        verb = verb.head  # "will enter and seize": the first verb's auxiliary
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children)


def _in_quote(trigger: Token) -> bool:
    """Whether the word sits inside a quotation: after an opening curly mark, or an odd number of straight double
    marks, counted from its paragraph's start (a quote may run over several sentences)."""
    text = doc_text(trigger.doc)  # `Doc.text` joins every token each time: per claim, a long report's square
    start = text.rfind("\n", 0, trigger.idx) + 1
    before = text[start:trigger.idx]
    curly = max(before.rfind("“"), before.rfind("”"))
    if curly >= 0:
        return before[curly] == "“"
    return before.count('"') % 2 == 1


# Verbs of one's own opinion ("I believe", "I hope"): what they govern, said by the speaker in a quote, is a view.
_OPINION_VERBS = frozenset({"believe", "think", "hope", "feel", "fear", "suspect", "guess", "doubt", "wish"})


def quoted_generic(trigger: Token, sent: SpacySpan) -> bool:
    """Whether the event word sits inside a quote and in a clause said to "you" (generic or the listener: "you
    fight your battles"), an imperative ("fly with the crows and get shot"), or under the speaker's own opinion
    ("I believe my father was murdered"): a saying, advice or a view, no incident told."""
    if not _in_quote(trigger):
        return False
    if any(a.lemma_.lower() in _OPINION_VERBS and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in a.children)
           for a in trigger.ancestors):
        return True
    clause = trigger
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
        clause = clause.head
    while clause.dep_ in {"conj", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if any(c.lower_ == "you" for c in subjects):
        return True
    # an imperative: a bare verb opening the quote or its sentence, with no subject and no auxiliary
    first = next((t for t in sent if not t.is_punct), None)
    opens = first is not None and clause.i == first.i
    opens = opens or (clause.i > 0 and clause.doc[clause.i - 1].text in {'"', "“"})
    return (clause.tag_ == "VB" and not subjects and opens
            and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children))



# Adjectives that make violence a pattern, not an incident ("widespread atrocities", "systematic abuses"), and the
# nouns of hearsay that report one ("reports of", "accounts of", "allegations of").
_PATTERN_WORDS = frozenset({"widespread", "systematic", "rampant", "pervasive", "endemic"})
_HEARSAY = frozenset({"report", "account", "allegation", "claim", "evidence", "story", "testimony"})


def told_as_pattern(trigger: Token) -> bool:
    """Whether the event word tells a pattern the text only hears of: "reports of widespread abuses" and what the
    sentence goes on to list of them after it ("…, men being lined up and shot"). Read from the words, not the
    parse of the list (a parser hangs such a list anywhere)."""
    sent = trigger.sent
    for a in sent:
        if a.i > trigger.i:
            return False
        noun = a.head
        if a.lower_ not in _PATTERN_WORDS or a.dep_ != "amod" or noun.i > trigger.i:
            continue
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in _HEARSAY:
            return True
    return False


# A "rally" whose people are an audience ("attendees", "delegates") is a meeting or a conference: no demonstration.
_GATHERING_WORDS = frozenset({"rally", "gathering"})
_AUDIENCE = frozenset({"attendee", "attendees", "delegate", "delegates", "audience", "keynote", "panellist",
                       "panelist", "panellists", "panelists"})


def told_as_meeting(trigger: Token) -> bool:
    """Whether a gathering word names a meeting: its sentence calls its people an audience ("some attendees made
    salutes at a weekend rally", "delegates at the party's rally voted"), as a conference's are, not a crowd's."""
    return (trigger.pos_ == "NOUN" and trigger.lemma_.lower() in _GATHERING_WORDS
            and any(t.lower_ in _AUDIENCE for t in trigger.sent))
