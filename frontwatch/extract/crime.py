"""Ordinary crime is not political violence (ACLED codes a killing, a stabbing or a shooting only where an armed or
organised group, state forces or a mob does it, or it has a political side).

A report told in the words of the criminal courts and the police desk ("charged with attempted murder", "found
guilty", "jailed for ten years", "a robbery") and in none of conflict's (armed groups, soldiers, mobs, crowds,
bombs, politics) is a crime report. In it an individual's violence is not an event, and neither are police arrests
(ordinary police work); state forces' own violence is (ACLED codes police killing or beating a suspect).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.doc_words import doc_text, doc_words
from frontwatch.extract.told import told_as_article

Words = Mapping[str, frozenset[str]]

# Words of the criminal courts and of crime reporting (lemmas, lower case).
_CRIME_CUES = frozenset({
    "charge", "homicide", "manslaughter", "guilty", "convict", "conviction", "jury", "juror", "prosecutor",
    "detective", "warrant", "robbery", "burglary", "burglar", "theft", "shoplifting", "trafficking", "parole",
    "bail", "acquit", "breathalyzer", "breathalyser", "jail", "imprison", "sentence",
})
# The police desk's words ("an investigation", "investigators", "the suspect"): a crime story's in an article, but in
# a coded note of a few sentences they tell who was attacked or arrested in an event ACLED codes ("a terror suspect
# found dead"), so they count only in an article (`told_as_article`).
# Forms, not lemmas: "suspected militants" names a group, "the suspect" a crime's doer.
_DESK_CUES = frozenset({"investigation", "investigations", "investigator", "investigators", "suspect", "suspects"})
# Words of conflict or politics: with one anywhere in the report, its violence may be an event and is read as usual.
_CONFLICT_WORDS = frozenset({
    # armed and organised groups, state's fighting forces
    "militant", "militia", "militiaman", "militiamen", "rebel", "insurgent", "insurgency", "terrorist",
    "terrorism", "terror", "jihadist", "jihadi", "extremist", "separatist", "islamist", "guerrilla", "army", "troop",
    "soldier", "military", "paramilitary", "gang", "gangster", "bandit", "raider", "rustler", "cartel",
    "gunmen", "hitmen",  # armed men in the plural are a group, not one man's crime
    # crowds
    "mob", "lynch", "lynching", "vigilante", "protest", "protester", "protestor", "demonstration", "demonstrator",
    "riot", "rioter", "clash", "crowd", "demonstrate", "rally",
    # communities at odds
    "ethnic", "clan", "tribal", "communal", "sectarian",
    # politics and its people
    "political", "politician", "election", "electoral", "opposition", "activist", "journalist", "dissident", "spy",
    "ambassador", "diplomat", "minister", "lawmaker", "legislator", "senator", "candidate", "regime",
    "assassination", "assassinate",
    # aid workers, whom armed groups attack
    "ngo", "humanitarian", "peacekeeper",
    # weapons of war
    "war", "ceasefire", "airstrike", "bomb", "bombing", "explosive", "grenade", "ied", "landmine", "shelling",
    "missile", "ambush",
})
# Of the words above, those of politics and aid: a health minister or an aid agency quoted on an outbreak tells no
# violence, so they do not keep a report from being an epidemic's (the armed and crowd words do).
_CIVIC_WORDS = frozenset({
    "political", "politician", "election", "electoral", "opposition", "activist", "journalist", "ambassador",
    "diplomat", "minister", "lawmaker", "legislator", "senator", "candidate", "ngo", "humanitarian",
})
# Arrest words: in a crime report an arrest is the police's ordinary work, not a politically significant arrest.
_ARREST = frozenset({"arrest", "detain", "detention", "apprehend", "nab"})


def _idiom(token: Token) -> bool:
    """ "in charge of", "without charge": no charge laid; "not linked to a robbery": said not to be crime."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if token.lower_ == "charge" and before in {"in", "without", "no"}:
        return True
    # "took / assumed charge of the town": command taken, no charge laid
    if token.lower_ == "charge" and token.dep_ == "dobj" and token.head.lemma_.lower() in {"take", "assume"}:
        return True
    # "charged at the officers with machetes": a rush at people, not a charge laid
    if token.lemma_.lower() == "charge" and token.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ in {"at", "towards", "toward", "into"} for c in token.children):
        return True
    return any(c.dep_ == "neg" for a in token.ancestors for c in a.children)


def _shows(token: Token) -> bool:
    """ "demonstrated the need", "demonstrated that …", "evidence which they can demonstrate": the verb with an
    object (a relative pronoun too) or a clause means to show, never to protest ("students who demonstrated")."""
    if token.lemma_.lower() != "demonstrate" or token.pos_ != "VERB":
        return False
    preps = [c.i for c in token.children if c.dep_ == "prep"]
    for c in token.children:
        # the object right after the verb or a relative pronoun before it; not a noun the parser hangs past a
        # preposition ("demonstrate against the ministry's officers")
        if c.dep_ == "dobj" and (c.i < token.i or not any(token.i < p < c.i for p in preps)):
            return True
        # a clause of what is shown ("that …", "how …"); not "demonstrated … protesting they were unpaid"
        if c.dep_ == "ccomp" and any(m.lower_ in {"that", "how", "whether"} for m in c.children
                                     if m.dep_ in {"mark", "advmod"}):
            return True
    return False


# A doer's mental illness, told as the story of the harm ("had a history of mental illness", "a psychiatric
# patient"): one person's act, not an armed or organised group's (with no word of conflict in the report).
_MENTAL = frozenset({"mentally", "psychiatric", "psychiatrist", "schizophrenia", "schizophrenic", "psychosis",
                     "psychotic"})
_MENTAL_HEADS = frozenset({"illness", "disorder", "breakdown", "condition", "problem", "issue"})
_MENTAL_FORMS = _MENTAL | {"mental"}


def _ill(token: Token) -> bool:
    low = token.lower_
    return low in _MENTAL or (low == "mental" and token.head.lemma_.lower() in _MENTAL_HEADS)


def crime_report(doc: Doc) -> bool:
    """Whether the report speaks the criminal courts' language and none of conflict's (read once per document)."""
    found = doc.user_data.get("fw_crime_report")
    if found is None:
        found = _crime_report(doc)
        doc.user_data["fw_crime_report"] = found
    return bool(found)


def _crime_report(doc: Doc) -> bool:
    # Read from the document's lemma and form arrays: a Token object per word, twice per report, was a fifth of
    # extraction's time (bench/cpu_stages.py). Tokens are made only for the few words that need their parse.
    words = doc_words(doc)
    lemmas, lowers = words.lemmas, words.lowers
    desk = _DESK_CUES if told_as_article(doc) else frozenset()
    cue_at = [i for i, (lemma, low) in enumerate(zip(lemmas, lowers, strict=True))
              if lemma in _CRIME_CUES or low in _MENTAL_FORMS or low in desk]
    if not any(((lemmas[i] in _CRIME_CUES or lowers[i] in desk) and not _idiom(doc[i])) or _ill(doc[i])
               for i in cue_at):
        return False
    # "demonstrate" with an object is "show" ("a basis they can demonstrate"), no word of protest
    shown = {i for i, lemma in enumerate(lemmas) if lemma == "demonstrate" and _shows(doc[i])}
    seen = {x for i, pair in enumerate(zip(lemmas, lowers, strict=True)) if i not in shown for x in pair}
    return not seen & _CONFLICT_WORDS


def _phrase(token: Token) -> list[Token]:
    """The token's phrase without the clauses inside it ("a man who called the police": not the police)."""
    out = [token]
    for c in token.children:
        if c.dep_ not in {"relcl", "acl", "advcl", "ccomp"}:
            out.extend(_phrase(c))
    return out


def _by_forces(trigger: Token, words: Words) -> bool:
    """Whether state forces do it: the trigger's subject or agent ("police shot …", "shot by an officer"), or a
    modifier of the event noun ("a police shooting"), names them."""
    heads = [trigger]
    if trigger.dep_ in {"conj", "xcomp", "advcl"} and trigger.head.i != trigger.i:
        heads.append(trigger.head)  # "officers chased and shot …": the first verb's subject
    elif trigger.dep_ == "acl" and trigger.tag_ == "VBG":
        # "police raided a den (in X) killing three": the parser hangs the "…, killing" adjunct on the object (or a
        # place after it); its doer is the subject of the verb the object belongs to
        obj = trigger.head
        while obj.dep_ in {"pobj", "prep"} and obj.head.i != obj.i:
            obj = obj.head
        if obj.dep_ == "dobj" and obj.head.pos_ == "VERB":
            heads.append(obj.head)
    for h in heads:
        for c in h.children:
            doer = c.dep_ in {"nsubj", "agent", "compound", "amod", "poss"} or (c.dep_ == "prep" and c.lower_ == "by")
            if doer and any(t.lemma_.lower() in words["force_heads"] for t in _phrase(c)):
                return True
    return False


def ordinary_crime(doc: Doc, trigger: Token, words: Words) -> bool:
    """Whether the event word tells ordinary crime or the police's ordinary work in a crime report: anything but
    state forces' own violence."""
    if not crime_report(doc):
        return False
    # sexual violence is coded whoever does it, and so are arrests for it (CASE and ACLED keep it apart from
    # ordinary crime)
    if any(t.lower_ in words["sexual_words"] for t in trigger.sent):
        return False
    if trigger.lemma_.lower() in _ARREST:
        return not _many(trigger)
    return not _by_forces(trigger, words) and not _by_crowd(trigger)


# A community's people in the plural: what they do together to a suspect is mob justice, which ACLED codes (mob
# violence), not one man's crime ("villagers beat a suspected thief"; not "a resident stabbed his neighbour").
_COLLECTIVE = frozenset({"villager", "resident", "youth", "local", "neighbour", "neighbor", "villagers", "residents",
                         "youths", "locals", "neighbours", "neighbors"})


def _by_crowd(trigger: Token) -> bool:
    """Whether the doers are a community's people in the plural: a plural collective noun before the event word in
    its sentence (as its subject, or the first noun of a terse headline the parser reads without a verb) or after
    "by" ("beaten by residents")."""
    for t in trigger.sent:
        if t.lemma_.lower() not in _COLLECTIVE and t.lower_ not in _COLLECTIVE:
            continue
        if t.tag_ not in {"NNS", "NNPS"} and not t.lower_.endswith("s"):
            continue
        if t.i < trigger.i and t.dep_ not in {"pobj", "dobj"}:
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "by":
            return True
    return any(t.lower_ == "they" and t.dep_ == "nsubj" and t.i < trigger.i and _crowd_before(t.sent)
               for t in trigger.sent)


def _crowd_before(sent: SpacySpan) -> bool:
    """Whether the sentence before names a community's people in the plural first among its plural nouns (out of a
    prepositional phrase; its parse may be broken): "they" doing the next one's deed are them ("Residents caught the
    suspect. They beat him …"), whose deed is mob justice too; not "Thugs robbed residents. They …"."""
    if sent.start == 0:
        return False
    before = sent.doc[sent.start - 1].sent
    first = next((t for t in before if t.tag_ in {"NNS", "NNPS"} and t.dep_ != "pobj"), None)
    return first is not None and (first.lemma_.lower() in _COLLECTIVE or first.lower_ in _COLLECTIVE)


# Arrests of this many at once are a sweep, not the ordinary arrest of a suspect.
_MANY_ARRESTED = 10


def _many(trigger: Token) -> bool:
    """Whether the arrest word counts those held at `_MANY_ARRESTED` or more ("detained 139 suspects")."""
    for c in trigger.children:
        if c.dep_ in {"dobj", "nsubjpass", "pobj"}:
            for n in c.children:
                if n.dep_ == "nummod" and n.text.replace(",", "").isdigit() and int(n.text.replace(",", "")) >= \
                        _MANY_ARRESTED:
                    return True
    return False


# Road and falling mishaps: someone "hit by a car", "run over by a lorry", "a tree fell on" them. No actor's doing,
# unless the vehicle is a force's ("a police truck") or a bomb's ("a car bomb"), or it was driven at them (rammed).
_VEHICLES = frozenset({"car", "truck", "lorry", "bus", "vehicle", "train", "van", "motorcycle", "motorbike",
                       "tractor", "minibus", "taxi", "scooter", "bicycle", "suv", "tram"})
_IMPACT_VERBS = frozenset({"hit", "strike", "knock", "run", "crush", "kill", "injure"})
_FALLING = frozenset({"tree", "wall", "roof", "building", "branch", "ceiling", "bridge", "crane", "scaffold"})
_FALL_VERBS = frozenset({"fall", "collapse", "topple", "crash"})
_ARMED_VEHICLE = frozenset({"bomb", "police", "army", "military", "armoured", "armored", "security"})


def mishap(sent: SpacySpan, trigger: Token, words: Words) -> bool:
    """Whether a death or harm word's sentence tells a road or falling mishap: an impact verb whose agent or subject
    is a vehicle ("was hit by a car", "a lorry ran over a cyclist"), or a tree, wall or roof that fell or collapsed
    on people; and no act of violence or word of conflict ("militia attacks vehicle", "vehicle hits explosive").
    A protest over such a death is still a protest."""
    lemma = trigger.lemma_.lower()
    if lemma not in words["harm_words"] and lemma not in words["death_words"]:
        return False
    if any(t.lemma_.lower() in _CONFLICT_WORDS | _VIOLENT_ACTS or t.lemma_.lower() in words["weapon_words"]
           for t in sent):
        return False
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in _VEHICLES and not any(c.lemma_.lower() in _ARMED_VEHICLE for c in (*t.children, t.head)):
            verb = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "agent" else (
                t.head if t.dep_ == "nsubj" else None)
            if verb is not None and verb.lemma_.lower() in _IMPACT_VERBS:
                return True
        if lemma in _FALLING and t.dep_ == "nsubj" and t.head.lemma_.lower() in _FALL_VERBS:
            return True
    return False


# An outbreak's words ("the H5N1 strain", "cases of the illness", "quarantines"): a report that uses them again and
# again is about an epidemic.
_EPIDEMIC_WORDS = frozenset({"outbreak", "infection", "infect", "illness", "pathogen", "epidemic", "pandemic",
                             "strain", "quarantine", "vaccine", "symptom"})
_EPIDEMIC_MIN = 3
# Acts of violence by people (besides conflict's words): with one, an epidemic's report may tell an attack on health
# teams or a riot over a quarantine, read as usual.
_VIOLENT_ACTS = frozenset({"attack", "assault", "shoot", "shooting", "gunman", "gunmen", "gunfire", "stab",
                           "stabbing", "beat", "beating", "stone", "loot", "looting", "torch", "arson", "abduct",
                           "kidnap", "hostage", "massacre", "raid", "ambush"})


def epidemic_report(doc: Doc, words: Words) -> bool:
    """Whether the report is about an epidemic (its words told three times or more) and tells no act of violence
    nor anything of conflict: its deaths and "cases found" are no one's doing (read once per document)."""
    found = doc.user_data.get("fw_epidemic_report")
    if found is None:
        own = doc_words(doc)  # the words as strings, no Token per word (frontwatch/extract/doc_words.py)
        lemmas = own.lemmas
        told = sum(lemma in _EPIDEMIC_WORDS or lemma in words["diseases"] for lemma in lemmas)
        seen = set(lemmas) | set(own.lowers)
        found = told >= _EPIDEMIC_MIN and not seen & ((_CONFLICT_WORDS - _CIVIC_WORDS) | _VIOLENT_ACTS)
        doc.user_data["fw_epidemic_report"] = found
    return bool(found)


# A report that rules out anyone's doing ("no foul play is suspected", "ruled out foul play", "accidentally shot"):
# its shooting or death is an accident, however it is worded.
_NO_FOUL_PLAY = re.compile(
    r"\bno\s+(?:sign\s+of\s+|signs\s+of\s+|evidence\s+of\s+|suspicion\s+of\s+)?foul\s+play\b"
    r"|\bfoul\s+play\s+(?:is|was|has\s+been|had\s+been)\s+(?:not\b|ruled\s+out)"
    r"|\bruled?\s+out\s+foul\s+play|\bnot\s+suspect(?:ed)?\s+foul\s+play"
    r"|\baccidental(?:ly)?\s+(?:shot|shooting|discharge|death)",
    re.IGNORECASE,
)


def accident_report(doc: Doc) -> bool:
    """Whether the report says no one did it (no foul play, an accidental shooting) and names nothing of conflict
    (armed groups, forces, crowds, weapons of war): its harm is an accident's (read once per document)."""
    found = doc.user_data.get("fw_accident_report")
    if found is None:
        # the phrase first (rare), the words only then; the text joined once per document
        found = bool(_NO_FOUL_PLAY.search(doc_text(doc)))
        if found:
            own = doc_words(doc)
            found = not (set(own.lemmas) | set(own.lowers)) & (_CONFLICT_WORDS - _CIVIC_WORDS)
        doc.user_data["fw_accident_report"] = found
    return bool(found)


# Things no one can be attacked, killed or fought in the flesh: "attacked the proposal", "killed the trade deal",
# "demonstrated great prowess", "the fight against poverty".
_ABSTRACT = frozenset({
    "proposal", "plan", "policy", "idea", "decision", "law", "bill", "legislation", "deal", "budget",
    "remark", "comment", "statement", "speech", "record", "prowess", "skill", "ability", "talent", "strength",
    "resolve", "commitment", "courage", "leadership", "reform", "tax", "move", "ruling", "verdict", "candidacy",
    "stance", "view", "approach", "strategy", "programme", "program", "initiative", "agenda", "regulation",
    "measure", "motion", "amendment", "poverty", "corruption", "hunger", "illiteracy", "sprawl", "spread",
    "inflation", "unemployment", "deficit", "notion", "theory", "argument", "scheme", "treaty", "pact",
})


# Verbs of harm that speech and politics borrow ("attacked the plan", "killed the deal", "demonstrated prowess");
# not a crowd's grievance verbs ("protested the tax") nor an agreement's ("the deal was signed").
_HARM_VERBS = frozenset({"attack", "kill", "assault", "fight", "battle", "hit", "strike", "target", "shoot", "slam",
                         "blast", "torpedo", "bomb", "wound", "murder", "demonstrate", "seize", "capture"})
_STRUGGLES = frozenset({"fight", "battle", "war", "struggle", "campaign", "crusade"})


def figurative(trigger: Token) -> bool:
    """Whether the event word's object is an abstraction: an attack on a proposal, a deal killed, prowess
    demonstrated, a fight against poverty (the verb's object or passive subject, or a fight noun's "against")."""
    lemma = trigger.lemma_.lower()
    if _shows(trigger):
        return True  # "they can demonstrate a basis for it": shown, not protested
    if trigger.lower_ == "wound" and trigger.lemma_.lower() == "wind" and any(
            c.dep_ == "prt" and c.lower_ in {"up", "down"} for c in trigger.children):
        return True  # "she wound up on the wrong plane": the past of "wind up", no wound
    for c in trigger.children:
        if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _ABSTRACT and lemma in _HARM_VERBS:
            return True
        if c.dep_ == "prep" and c.lower_ == "against" and lemma in _STRUGGLES and any(
                o.dep_ == "pobj" and o.lemma_.lower() in _ABSTRACT for o in c.children):
            return True
    return False


# Verbs that allow or forbid what they govern: "refused to allow more protests", "banned the march".
_PERMISSION = frozenset({"allow", "permit", "ban", "prohibit", "forbid", "outlaw", "authorize", "authorise"})
# Nouns of a stand taken against a kind of thing: "its stand against the killing of civilians".
_STANCES = frozenset({"stand", "stance", "position", "campaign", "fight", "struggle", "war", "crusade", "law",
                      "policy", "measure", "resolution", "warning"})


# Verbs that put what they govern in the days to come: "a march is scheduled for Saturday", "protesters plan to
# rally", "the strike is set to begin".
_FUTURE_HEADS = frozenset({"schedule", "plan", "set", "expect", "slate", "vow", "pledge", "intend", "promise",
                           "threaten", "prepare"})


def _planned(trigger: Token, words: Words) -> bool:
    """An event word that is the subject of a verb of planning ("the march is scheduled for Saturday"), or a crowd
    word (`words["crowd_nouns"]`: protesters, strikers) whose verb of planning governs what it will do ("protesters
    plan to rally"): not held yet. Not an event noun as an active subject: a headline's "demonstrations … plans to
    raise" is misread."""
    head = trigger.head
    if trigger.dep_ not in {"nsubj", "nsubjpass"} or head.lemma_.lower() not in _FUTURE_HEADS:
        return False
    if trigger.dep_ == "nsubjpass":
        return not _planned_over_time(head)
    return trigger.lemma_.lower() in words["crowd_nouns"] and any(c.dep_ == "xcomp" for c in head.children)


_SPANS = frozenset({"hour", "day", "week", "month", "year"})


def _planned_over_time(head: Token) -> bool:
    """ "The raid was planned for weeks", "carefully planned": how long or how well the planning went tells of an
    event that happened, not one to come."""
    for c in head.children:
        if c.dep_ == "advmod" and c.lower_ in {"carefully", "meticulously", "long", "well"}:
            return True
        if c.dep_ == "prep" and c.lower_ in {"for", "over"} and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _SPANS for g in c.children):
            return True
    return False


# People who are no side: their own property burned or wrecked by their own hands ("residents set fire to their homes
# before fleeing") is no riot and no attack.
_OWNERS = frozenset({"civilian", "resident", "villager", "people", "family", "farmer", "owner", "trader",
                     "shopkeeper", "inhabitant", "refugee", "household", "tenant"})
_OWN = frozenset({"their", "his", "her", "its", "own"})
# Verbs of destroying or burning: only these make what is destroyed the event (not "traders demonstrated against
# its demolition": a protest's grievance).
_DESTROY = frozenset({"set", "burn", "torch", "destroy", "demolish", "raze", "wreck", "damage", "ransack", "vandalise",
                      "vandalize", "loot", "flatten"})


def _own_property(trigger: Token) -> bool:
    """Whether the doers of a verb of destruction are civilians and what they destroy is their own ("some
    civilians set fire to their homes", "farmers burned their own crops")."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _DESTROY or not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _OWNERS for c in trigger.children):
        return False
    things = [c for c in trigger.children if c.dep_ == "dobj"]
    things += [o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return bool(things) and all(any(k.dep_ == "poss" and k.lower_ in _OWN for k in t.children)
                                for t in things if t.lemma_.lower() not in {"fire", "flame", "flames", "blaze"})


def not_told_done(trigger: Token, words: Words) -> str | None:
    """Why the event word names no happening of its own, or None: what people were arrested for ("detained for
    occupying roads": the accusation; the arrest is the news), what is allowed or forbidden ("refused to allow more
    protests"), the kind a stand is taken against ("its stand against the killing of civilians"), or civilians'
    own property destroyed by their own hands."""
    tok = trigger
    while tok.dep_ in {"pcomp", "pobj", "conj", "amod", "dobj", "compound"} and tok.head.i != tok.i:
        tok = tok.head
        if tok.dep_ == "prep" and tok.lower_ == "for" and tok.head.lemma_.lower() in _ARREST:
            return "arrested-for"
    if trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.lemma_.lower() in _PERMISSION:
        return "permitted"
    if _planned(trigger, words):
        return "planned"
    if _own_property(trigger):
        return "own-property"
    if (trigger.dep_ == "pobj" and trigger.head.lower_ == "against"
            and trigger.head.head.lemma_.lower() in _STANCES and trigger.head.head.pos_ == "NOUN"):
        return "stance"
    return None
