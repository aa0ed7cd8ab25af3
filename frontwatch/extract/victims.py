"""Victims read from the parse: who a killing word says died, and how many ("a man was lynched", "gunmen killed a
police officer and his driver", "mob lynches [thief]" misread as a noun). `counts.find_counts` adds these counts to
the figures it reads; the parser's known misreadings of terse headlines are handled here."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from frontwatch.extract.counts import (
    _DIE,
    _FIND,
    _KILL,
    _KILL_MANNER,
    _KILLING_WORDS,
    _NOBODY,
    _NOT_PERSON_ENTS,
    _NOT_QUITE,
    _NOT_VICTIMS,
    _ONE_PERSON,
    ANIMALS,
    NOT_PEOPLE,
    NUM,
    VAGUE,
    _count,
    parse_number,
)
from frontwatch.extract.doc_words import doc_words
from frontwatch.extract.sentences import _doc_text
from frontwatch.extract.toll_dates import in_a_date
from frontwatch.model import Count, CountKind, Span


def _parsed(sent: SpacySpan) -> bool:
    doc = sent.doc
    if doc.has_extension("fw_parsed") and doc._.fw_parsed is not None:
        return sent.start in doc._.fw_parsed
    return doc.has_annotation("DEP")


def _victims_of(tok: Token) -> list[Token]:
    """Who a killing word says died: the object of "killed / lynched / shot dead X", the subject of "X was
    killed / died / is dead", the noun a participle modifies ("a man killed in …")."""
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    if lemma == "body":
        # "the body of a man was found", "a man's body was discovered": one dead, whoever it was
        return [tok] if tok.tag_ == "NN" and tok.dep_ in ("nsubjpass", "dobj", "nsubj") and \
            tok.head.lemma_.lower() in _FIND else []
    # "police shot dead suspected robber": the parser may hang "dead" on the victim, right after the verb
    dead_next = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "dead"
    manner = lemma in _KILL_MANNER and (dead_next or any(
        (c.dep_ in ("advmod", "acomp", "oprd", "xcomp", "ccomp", "advcl", "dobj") and c.lower_ == "dead")
        or (c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
        or (c.dep_ == "prt" and c.lower_ == "down" and lemma == "gun")
        # "rangers shoot a poacher dead": "dead" hung on the object after it
        or (c.dep_ == "dobj" and any(g.lower_ == "dead" and g.i > c.i for g in c.children)) for c in kids))
    if lemma in _DIE:
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if not subj and tok.dep_ == "conj":
            # "a guard was caught in the crossfire and died": the second verb shares the first one's subject
            subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ == "relcl" and not any(c.lower_ == "had" for c in kids):
            # "gunmen shot two traders, who died on the way": the noun the relative pronoun stands for died (not
            # "who had died": an earlier death)
            return [tok.head if s.tag_ in ("WP", "WDT") else s for s in subj]
        return subj
    if lemma == "dead" and tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp"):
        if any(c.dep_ == "nummod" for c in tok.children):
            return []  # "reports nine dead", the figure hung on "dead": the figure's own count is read
        objects = [c for c in tok.head.children if c.dep_ == "dobj"]
        if tok.head.lemma_.lower() == "leave" or objects:
            # "clan fighting leaves four dead", "a radio station reports nine dead": the subject is the cause or the
            # teller; the dead are the object
            return objects
        return [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not (lemma in _KILL or manner) or tok.pos_ not in ("VERB", "ADJ"):
        return []
    if tok.tag_ == "VBN" and tok.dep_ in ("xcomp", "oprd", "ccomp") and tok.head.lemma_.lower() in _FIND:
        # "three men found killed", "a trader was discovered murdered": who was found is who died
        found = [c for c in tok.head.children if c.dep_ == "dobj"] or [
            c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        return found if tok.head.tag_ == "VBN" or any(c.dep_ == "dobj" for c in tok.head.children) or (
            tok.head.tag_ == "VBD" and tok.head.dep_ in ("ROOT", "ccomp")) else []
    participle = tok.tag_ == "VBG" and tok.dep_ == "xcomp" and not any(c.dep_ == "aux" for c in kids)
    if (tok.dep_ in ("xcomp", "pcomp", "amod") and not participle) or any(
            c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "will", "to") for c in kids):
        return []  # "threatened to kill", "accused of killing", "a killed man"? not a report of a death here
    if (tok.dep_ == "conj" and tok.head.dep_ == "pcomp") or any(c.lower_ in _NOT_QUITE for c in kids):
        return []  # "beaten for reportedly killing a neighbour", "nearly killed": no death of this event
    # a participle with an object is active, however hung ("a mob hacked to death three thieves")
    passive = any(c.dep_ == "auxpass" for c in kids) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") and not any(c.dep_ == "dobj" for c in kids)) or (
        tok.tag_ in ("VBN", "VBD") and tok.dep_ == "conj" and not any(c.dep_ == "dobj" for c in kids)
        and any(c.dep_ == "auxpass" for c in tok.head.children))  # "a guard is seized and beheaded" (read VBD)
    if passive:
        # the subject, also where the parser hangs it on the auxiliary ("a man was on Friday killed")
        subj = [c for c in kids if c.dep_ == "nsubjpass"] or [c for c in kids if c.dep_ == "nsubj"] or [
            s for a in kids if a.dep_ == "auxpass" for s in a.children if s.dep_ in ("nsubj", "nsubjpass")]
        if not subj and tok.dep_ == "acl" and (be := _adverbial_be(tok)) is not None:
            return [c for c in be.children if c.dep_ == "nsubj"]
        if not subj and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            subj = [tok.head]  # "a man killed in the raid", "one killed"
        if not subj and tok.dep_ == "conj":
            subj = [c for c in tok.head.children if c.dep_ == "nsubjpass"]  # "is shot and killed"
        return [tok.head if s.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" else s for s in subj]
    obj = [c for c in kids if c.dep_ == "dobj" and c.lower_ != "dead"]  # "shot dead X": "dead" is no second object
    if len(obj) > 1:
        # a verb has one object: several are the parser's misreading ("kills a guard of X in Y flats", "shoot X
        # fighter dead"); the first that names people is the victim
        obj = next(([o] for o in obj if _victim_total(o) is not None), obj[:1])
    if not obj and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "agent") and c.lemma_.lower() == "have"
                                                 for c in kids):
        if tok.dep_ in ("ROOT", "ccomp") and not any(c.dep_ == "aux" for c in kids):
            # a headline's passive without its auxiliary: "boy killed in gunfire", "trader shot dead" (also before
            # a semicolon, which the parser may take for a clause the rest hangs on)
            return [c for c in kids if c.dep_ == "nsubj"]
        if tok.dep_ == "advcl" and tok.head.lemma_.lower() == "be":
            # "a herder was on Friday killed": the parser hangs the participle on "was"
            return [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not obj and tok.tag_ == "VBD" and tok.dep_ == "advcl" and tok.head.lemma_.lower() == "be" and \
            tok.head.i < tok.i and (manner or lemma in _KILL):
        # "two men were on Friday night shot dead": the words between split the passive, read as "were" + a past
        return [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not obj and _headline_passive(tok):
        # "farmer killed at his home by gunmen", parsed as an active verb with no object: the subject died
        return [c for c in kids if c.dep_ == "nsubj"]
    if not obj and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        obj = [c for c in tok.head.children if c.dep_ == "dobj"]  # "attack and kill a trader"
        first = tok.head
        if not obj and first.tag_ == "VBN" and first.dep_ == "acl" and first.head.pos_ in ("NOUN", "PROPN"):
            return [first.head]  # "a pastor abducted from his home and killed": the noun both participles modify
        if not obj and tok.tag_ in ("VBN", "VBD") and (_headline_passive(first, manner=True, any_verb=True) or (
                first.dep_ == "ROOT" and first.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj")
                                                                       for c in first.children))):
            # "guard shot and killed", "nun dragged from her car and killed", "nurse pulled from a bus and killed":
            # a headline's passive of two verbs, either read as a past or a participle; a second verb with a subject
            # of its own tells its own dead ("3 herders killed and 1 gunman killed")
            return [c for c in kids if c.dep_ == "nsubj"] or [c for c in first.children if c.dep_ == "nsubj"]
    return obj


def _adverbial_be(tok: Token) -> Token | None:
    """ "Twelve people were during the night hours killed": a participle the parser hangs on the time noun of an
    adverbial after "were", read as that noun's modifier; the "be" whose subject died (None when it is not so)."""
    noun, prep = tok.head, tok.head.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or not (
            noun.ent_type_ in ("DATE", "TIME") or NOT_PEOPLE.match(noun.text)):
        return None
    be = prep.head
    return be if be.lemma_.lower() == "be" and be.i < tok.i and any(c.dep_ == "nsubj" for c in be.children) else None


def _headline_passive(tok: Token, manner: bool = False, any_verb: bool = False) -> bool:
    """A headline's passive without its auxiliary that the parser reads as an active past ("trader killed in
    raid"): a killing verb heading the sentence with a subject and no object or clause it acts on (killing takes
    an object in the active)."""
    lemma = tok.lemma_.lower()
    # (or hung on a later clause: "woman killed in a quarrel; the place is not known")
    return ((tok.dep_ == "ROOT" or (tok.dep_ == "ccomp" and tok.head.i > tok.i)) and tok.tag_ == "VBD"
            and (lemma in _KILL or (manner and lemma in _KILL_MANNER) or (any_verb and tok.pos_ == "VERB"))
            and any(c.dep_ == "nsubj" for c in tok.children)
            and not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "attr", "oprd") and not _clause_before(c, tok)
                        for c in tok.children))


def _clause_before(c: Token, tok: Token) -> bool:
    """ "Police and gunmen exchange fire; a suspect killed": a clause ended by a semicolon or colon before the verb,
    which the parser hangs on it, is not what the verb acts on."""
    return c.i < tok.i and any(t.text in (";", ":") for t in tok.doc[c.right_edge.i + 1:tok.i])


def _singular(n: Token) -> bool:
    """A singular noun, or one whose article says one ("an unidentified gunmen is killed"), whatever its tag."""
    return n.tag_ in ("NN", "NNP") or (n.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                                for c in n.children))


def _same_person(head: Token, x: Token) -> bool:
    """ "An outspoken cleric and critic of the group was shot": a conjunct with no article, figure or possessive of
    its own, under the head's "a"/"an" and a singular verb, is a second title of the same person."""
    if x.tag_ != "NN" or any(c.dep_ in ("det", "nummod", "poss") for c in x.children):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return False
    verb = head.head
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "is", "has") for c in verb.children)


def _across_clause(a: Token, b: Token) -> bool:
    """Do a semicolon or colon stand between two words of a sentence?"""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in (";", ":") for t in a.doc[lo + 1:hi])


def _of_them(num: Token) -> bool:
    """Is the figure told as a part of a group before it ("two of them", "three of whom")?"""
    return any(c.lower_ == "of" and any(p.lower_ in ("them", "whom", "those") for p in c.children)
               for c in num.children)


def _victim_total(head: Token) -> tuple[int, int, int, str | None] | None:
    """The number of people a victim noun phrase names, with its character bounds: one for a singular person ("a
    man", "his bodyguard", "one of the guards", "him"), the figure of a numbered group, summed over a coordination
    ("a policeman and two civilians"); None when it names an unknown number ("villagers") or no people. The last
    item is the figure's qualifier ("at least"), None for a plain figure."""
    # a conjunct with its own outcome ("nine injured and one officer killed") is another group
    # (a relative clause with a subject of its own describes the noun: "2 suspects they had arrested"; a verb read as
    # the object's conjunct is another outcome: "kills an officer and injures a nurse")
    # (a present participle describes the noun too: "a woman visiting from abroad")
    others = [x for x in head.conjuncts if any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.tag_ != "VBG"
                                               and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                                               for c in x.children) or x.pos_ == "VERB"]
    # a coordination without "and"/"or" is a title and a name of one person ("the MP, John Doe, was killed"); a
    # conjunct across a semicolon belongs to another clause ("… fire on a house; a boy killed")
    no_cc = not any(c.dep_ == "cc" for x in (head, *head.conjuncts) for c in x.children)
    others += [x for x in head.conjuncts if x not in others and (_across_clause(head, x) or (
        no_cc and x.tag_ == "NNP"))]
    group = [head, *(x for x in head.conjuncts if x not in others and not _same_person(head, x))]
    own = {t.i for t in head.subtree}
    # the other group's words, less the head's own when the parser hangs the head below the other group
    apart = {t.i for x in others for t in x.subtree if t.i not in own or head.i not in {u.i for u in x.subtree}}
    if any(c.dep_ == "nummod" for c in head.children):
        # "4 soldiers, 1 policeman and 1 militiaman": the parser often hangs the list on the first as appositions
        # ("four people, two of them children": a part of the group, already in its figure)
        group += [x for a in head.children if a.dep_ == "appos" and any(c.dep_ == "nummod" and not _of_them(c)
                                                                        for c in a.children)
                  for x in (a, *a.conjuncts)]
    for t in head.head.children if head.dep_ in ("dobj", "nsubjpass") else ():
        if t.lower_ in ("along", "together"):
            group += [x for w in t.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"
                      for x in (p, *p.conjuncts)]
    total = 0
    qualifier: str | None = None
    for n in group:
        if any(c.lower_ in ("no", "none") or c.dep_ == "neg" for c in n.children) or n.lower_ in _NOBODY:
            return None
        # the parser may hang the figure as a compound ("Seven Kenyan fishermen")
        nums = [c for c in n.children if (c.dep_ == "nummod" or (c.dep_ == "compound" and c.tag_ == "CD"))
                and not in_a_date(_doc_text(c.doc), c.idx, c.idx + len(c.text))]  # "on 2 May 5 people": a day
        if n is not head and n.tag_ in ("NNS", "NNPS") and not nums and n.lower_ not in _COLLECTIVE and any(
                c.dep_ == "nummod" for c in head.children):
            continue  # "at least 24 officers and reservists": one figure for both plurals, the lowest reading
        if not nums and n.left_edge.tag_ == "CD" and n.left_edge.dep_ == "compound" and n.left_edge.head.head == n:
            nums = [n.left_edge]  # "Seven Kenyan fishermen", the figure hung on the adjective
        if nums and (ANIMALS.match(" " + n.text) or ANIMALS.match(" " + n.lemma_)):
            return None  # "killed 30 goats": no people
        if n.lower_ in _COLLECTIVE:
            # "a group of five officers", "a family of four": the figure after "of" is the number of people; a
            # collective noun without one ("a family") names an unknown number, not one person
            member = _collective_member(n)
            if member is None:
                return None
            n, nums = member, [member] if member.tag_ == "CD" else [
                c for c in member.children if c.dep_ == "nummod"]
        if nums:
            if len(nums) > 1:
                return None
            # the figure with its own parts and qualifier: "Twenty-one", "at least 24" (the tens hang on the units,
            # the qualifier on the figure)
            words = nums[0].doc[nums[0].left_edge.i:nums[0].i + 1].text
            m = NUM.fullmatch(words)
            value = parse_number(m.group(2))[0] if m else None
            if value is None or (m is not None and m.group(2).lower() in VAGUE):
                return None  # "several", "many": the regex's vague figure, with its range
            if m is not None and m.group(1):
                qualifier = qualifier or m.group(1)
            total += value
        elif n.lower_ == "couple" and not any(c.lower_ == "of" for c in n.children):
            total += 2  # "an elderly couple was hacked to death": two people ("a couple of X" is X's figure)
        elif n.lower_ in _ONE_PERSON or n.lemma_ == "body" or _noun_read_as_adjective(n) or (
                _singular(n) and n.lower_ not in _NOT_VICTIMS
                                          and (n.ent_type_ not in _NOT_PERSON_ENTS or _one_of_a_people(n))
                                          and not NOT_PEOPLE.match(n.text)):
            total += 1
        else:
            return None
    toks = [t for n in group for t in n.subtree if t.i not in apart and t.dep_ not in ("punct", "cc")]
    return total, min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks), qualifier


# Nouns of a body of people whose number follows "of" ("a group of five", "a family of four").
_COLLECTIVE = {"group", "family", "band", "party", "gang", "crowd", "team", "total"}


def _collective_member(n: Token) -> Token | None:
    """The figure of a collective noun's "of" phrase: "five" of "a group of five", "officers" (with its figure) of
    "a group of five officers"; None when no figure follows."""
    for prep in (c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.tag_ == "CD" or any(c.dep_ == "nummod" for c in obj.children):
                return obj
    return None


# A headline's killing verb in the present, which the parser often reads as a noun ("Mob lynches thief").
_HEADLINE_KILLS = {"lynch", "lynches", "kill", "kills", "murder", "murders", "behead", "beheads", "slay", "slays"}
# A headline's way of killing that needs "to death" after its victim ("youths stone suspect to death").
_HEADLINE_MANNER = {"stone", "stones", "stab", "stabs", "hack", "hacks", "beat", "beats", "club", "clubs", "slash",
                    "slashes", "spear", "spears", "burn", "burns", "batter", "batters"}


def _misread_headline_victim(tok: Token) -> Token | None:
    """The one victim of a headline's killing verb the parser took for a noun ("residents lynch [robber]",
    "mob lynches [a suspected thief]", "youths stone [thief] to death"): a word of `_HEADLINE_KILLS` (or of
    `_HEADLINE_MANNER` with "to death" after its victim) after its subject noun, read as a noun or hung as a noun's
    modifier, then a singular noun (the last of a compound: "a suspected cattle thief") that ends the phrase."""
    doc = tok.doc
    manner = tok.lower_ in _HEADLINE_MANNER
    if (tok.lower_ not in _HEADLINE_KILLS and not manner) or tok.i == tok.sent.start or not (
            tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in ("compound", "nmod", "npadvmod", "amod")):
        return None
    if doc[tok.i - 1].pos_ not in ("NOUN", "PROPN") or doc[tok.i - 1].tag_ == "POS":
        return None
    j = tok.i + 1
    while j < tok.sent.end and doc[j].tag_ in ("DT", "JJ", "VBN") and doc[j].lower_ not in ("the", "this", "that"):
        j += 1  # "a suspected", "an alleged"
    while j + 1 < tok.sent.end and doc[j].tag_ in ("NN", "NNP") and doc[j + 1].tag_ in ("NN", "NNP"):
        j += 1  # "a coffee thief": the compound's last noun is the person
    if j >= tok.sent.end or doc[j].tag_ not in ("NN", "NNP") or doc[j].lower_ in _NOT_VICTIMS or \
            doc[j].ent_type_ in _NOT_PERSON_ENTS or NOT_PEOPLE.match(doc[j].text):
        return None
    if j + 1 < tok.sent.end and doc[j + 1].pos_ in ("NOUN", "PROPN", "NUM"):
        return None  # "lynch mob members": the phrase goes on
    if manner and not (j + 2 < tok.sent.end and doc[j + 1].lower_ == "to" and doc[j + 2].lower_ == "death"):
        return None  # "residents stone the house": no death told
    return doc[j]


def _one_per_title(victims: list[Token]) -> list[Token]:
    """Several subjects of one verb are several groups only when "and" joins them ("3 insurgents and 1 soldier were
    killed", parsed as two); without it they are one person's words ("an aide defending the governor is killed",
    "the driver of a minister, Jane Doe, was shot", misparsed as two subjects): the first."""
    out = victims[:1]
    for v in victims[1:]:
        lo, hi = sorted((out[-1].i, v.i))
        if any(t.lower_ in ("and", "&", "plus") for t in v.doc[lo + 1:hi]):
            out.append(v)
    return out


def _noun_read_as_adjective(n: Token) -> bool:
    """ "poachers kill ranger": a headline's bare singular object the parser tags as an adjective ("civilian",
    "elder"), lower case, with no words of its own and no figure or quantity ("several", "many")."""
    return (n.tag_ in ("JJ", "JJR") and n.dep_ == "dobj" and n.text.islower() and not list(n.children)
            and n.lower_ not in _NOT_VICTIMS and n.lower_ not in _NOT_QUANTITY and not NUM.fullmatch(n.text))


_NOT_QUANTITY = {"more", "most", "all", "both", "few", "many", "several", "others", "other", "dead", "alive"}


def _one_of_a_people(n: Token) -> bool:
    """ "a Kenyan", "one Somali": a singular demonym with its article names one person, not a nation."""
    return n.ent_type_ == "NORP" and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one")
                                         for c in n.children)


def with_victims(sent: SpacySpan, out: list[Count]) -> list[Count]:
    """Deaths told without a figure ("a man was lynched", "gunmen killed a police officer and his driver") from
    the parse: each killing word's victims, counted as `_victim_total` says. The count replaces the figures read
    inside its victim phrase ("two youths" of "a police officer and two youths were killed")."""
    if not _parsed(sent):
        return out
    base = sent.start_char
    own, doc = doc_words(sent.doc), sent.doc  # the killing words picked from the word lists: no Token for the rest
    for tok in [doc[i] for i in range(sent.start, sent.end) if own.lemmas[i] in _KILLING_WORDS
                or own.lowers[i] in _HEADLINE_KILLS or own.lowers[i] in _HEADLINE_MANNER]:
        if (tok.lemma_.lower() not in _KILLING_WORDS and tok.lower_ not in _HEADLINE_KILLS
                and tok.lower_ not in _HEADLINE_MANNER) or any(
                c.dep_ == "neg" for c in tok.children):
            continue
        # several subjects of one verb are one group ("3 insurgents and 1 soldier were killed", parsed as two)
        misread = _misread_headline_victim(tok)
        found = [_victim_total(v) for v in _one_per_title(_victims_of(tok))] if misread is None else [
            (1, misread.idx, misread.idx + len(misread.text), None)]
        if found and all(f is not None and f[0] > 0 for f in found):
            n = sum(f[0] for f in found if f is not None)
            lo = min(f[1] for f in found if f is not None)
            hi = max(f[2] for f in found if f is not None)
            inside = [c for c in out if c.what == CountKind.KILLED and c.span is not None
                      and c.span.start < hi and lo < c.span.end]
            if any(c.qualifier != "exact" for c in inside):
                continue  # a figure with its qualifier ("at least two") keeps it
            qual = next((f[3] for f in found if f is not None and f[3]), None)
            if qual and any(c.span is not None and c.span.start < hi and lo < c.span.end for c in out):
                continue  # "roughly 60 fighters were killed or injured": the regex read the figure's own outcome
            start, end = min(lo, tok.idx), max(hi, tok.idx + len(tok.text))
            out = [c for c in out if c not in inside]
            span = Span(start, end, sent.text[start - base:end - base])
            # a qualified figure the regex could not tie to its outcome ("at least 24 officers and reservists
            # are feared dead": too many words between) keeps its qualifier and range
            out.append(_count(CountKind.KILLED, qual, str(n), span) if qual else
                       Count(CountKind.KILLED, n, n, n, "exact", span))
    return sorted(out, key=lambda c: c.span.start if c.span is not None else -1)
