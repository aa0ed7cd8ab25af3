"""Semantic roles of an event trigger from the dependency parse: who did it, to whom / what, from whom.

Verbs: active subject = agent, object = patient; passive subject = patient, "by" = agent; "from X" = the side a
place was taken from; "fell to X" = the taker; shared subjects of coordinated / complement verbs are inherited
("... claiming it had been recaptured"). Nouns: possessor or "by" = agent ("the Taliban's arrival"), "of" = patient
("the capture of X"), "between X and Y" = both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

_SKIP_IN_NP = {"conj", "cc", "relcl", "acl", "prep", "appos", "punct", "advcl", "ccomp", "parataxis", "preconj"}
PRONOUNS = {"it", "they", "them", "he", "she", "we", "this", "which", "that", "who", "its"}


@dataclass
class Roles:
    agents: list[Token] = field(default_factory=list)  # heads of noun phrases that did it
    patients: list[Token] = field(default_factory=list)  # what / whom it was done to (a place or a victim)
    sources: list[Token] = field(default_factory=list)  # taken "from" them
    recipients: list[Token] = field(default_factory=list)  # fell "to" them
    targets: list[Token] = field(default_factory=list)  # "on", "against", "with" them
    sources_in_clause: list[Token] = field(default_factory=list)  # any "from X" in the clause
    rules: list[str] = field(default_factory=list)


def with_conjuncts(tok: Token) -> list[Token]:
    """A noun and the nouns coordinated with it ("X, Y and Z")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN", "PRON", "ADJ", "NUM"}:
            out.extend(with_conjuncts(c))
    return out


def np_tokens(tok: Token) -> list[Token]:
    """The noun phrase a head token stands for, without its coordinated, relative or prepositional parts."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ not in _SKIP_IN_NP and not c.is_space:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def shared_object(tok: Token) -> list[Token]:
    """The object a verb shares with the verbs coordinated after it ("attacked and injured a candidate", "harassed,
    beaten and robbed traders"): the last one takes it, each before it does the deed to it too."""
    for c in tok.children:
        # the next verb of the list, with no subject of its own (else it is another's deed)
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i == tok.i + 2 and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
            own = [o for g in c.children if g.dep_ in {"dobj", "obj"} for o in with_conjuncts(g)]
            return own or shared_object(c)
    return []


def phrase_tokens(tok: Token) -> list[Token]:
    """A noun's phrase without the clauses hung on it ("allegations that officers beat ..."): who it names."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in {"relcl", "acl", "advcl", "ccomp", "parataxis"}:
            out.extend(phrase_tokens(c))
    return out


def np_bounds(tok: Token) -> tuple[int, int]:
    toks = np_tokens(tok)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return True
    # "60 fighters killed", "areas captured by": a bare past participle on a noun; not a perfect ("said to have
    # seized X": "have" makes it active)
    return tok.tag_ == "VBN" and tok.dep_ in {"acl", "amod", "xcomp"} and not any(
        c.dep_ == "aux" and c.lower_ in {"have", "'ve"} for c in tok.children)


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    # "taken back from X": the preposition may hang on the particle
    kids = [*tok.children, *(g for c in tok.children if c.dep_ in {"advmod", "prt"} for g in c.children)]
    for c in kids:
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(with_conjuncts(p))
    return out


def _subjects(tok: Token, deps: set[str]) -> list[Token]:
    return [s for c in tok.children if c.dep_ in deps for s in with_conjuncts(c)]


def _inherited_subject(tok: Token) -> tuple[list[Token], bool] | None:
    """The subject a verb shares with the verb it is coordinated with or complements, and whether that was passive."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = cur.head  # "took the town after recapturing the hills": the preposition hangs on the verb
        elif cur.dep_ not in {"conj", "xcomp", "advcl", "ccomp"} or cur.head == cur:
            return None
        head = cur.head
        subj = _subjects(head, {"nsubj"})
        if subj:
            return subj, False
        subjp = _subjects(head, {"nsubjpass"})
        if subjp:
            return subjp, True
        cur = head
    return None


def _doing_complement(tok: Token) -> bool:
    """An -ing verb that tells what the subject of a passive verb was doing ("officers were filmed beating
    a hawker", "two men were arrested after robbing a shop"): that subject is its doer. Not a result clause after a
    comma ("police were ambushed, killing two"), whose doer is the passive's unnamed agent."""
    if tok.tag_ != "VBG" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return False
    if tok.dep_ == "pcomp":
        return True
    first = min(t.i for t in tok.subtree)
    return tok.dep_ in {"xcomp", "advcl"} and first > 0 and tok.doc[first - 1].text not in {",", ";", "-", "—"}


def _infinitive_of_passive(tok: Token) -> bool:
    """An active to-infinitive complementing a passive verb ("were ordered to leave", "was said to have taken")."""
    return (tok.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
            and any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.head.children))


# verbs that name who did a deed they take as "of / for / with / in V-ing" ("accuse police of beating traders")
_ACCUSING = {"accuse": "of", "suspect": "of", "convict": "of", "blame": "for", "arrest": "for", "detain": "for",
             "indict": "for", "charge": "with", "implicate": "in"}


def _accused(tok: Token) -> list[Token]:
    """Whom an accusation names as the doer of the -ing verb it frames: the object of an active accusing verb ("HRW
    accuses police of beating traders"), the subject of a passive one ("officers were charged with killing a
    hawker"). The accuser is no side of the deed."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.dep_ != "prep":
        return []
    verb = prep.head
    if _ACCUSING.get(verb.lemma_.lower()) != prep.lower_:
        return []
    if is_passive(verb):
        return _subjects(verb, {"nsubjpass"})
    return [o for c in verb.children if c.dep_ in {"dobj", "obj"} for o in with_conjuncts(c)]


def verb_roles(tok: Token) -> Roles:
    r = Roles()
    passive = is_passive(tok)
    if passive:
        r.patients = _subjects(tok, {"nsubjpass"})
        r.agents = _pobjs(tok, {"by"})
        if not r.agents:
            # "was cleared of militants by troops": the parser hangs the agent on the "of" phrase
            r.agents = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                        if p.dep_ == "pobj" for a in _pobjs(p, {"by"})]
        if not r.agents:
            # "was attacked and (badly) beaten by a mob": coordinated passive verbs share the agent the last takes
            r.agents = [a for c in tok.children if c.dep_ == "conj" and c.tag_ == "VBN" and c.i <= tok.i + 3
                        and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for a in _pobjs(c, {"by"})]
            if r.agents:
                r.rules.append("shared-agent")
        if tok.dep_ in {"acl", "amod"} and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            r.patients.append(tok.head)
            r.rules.append("participle")
        r.rules.append("passive")
    else:
        r.agents = _subjects(tok, {"nsubj"})
        r.patients = [o for c in tok.children if c.dep_ in {"dobj", "obj"} for o in with_conjuncts(c)]
        if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"}:
            r.agents.append(tok.head)
            r.rules.append("relcl")
        if not r.patients:
            r.patients = shared_object(tok)
            if r.patients:
                r.rules.append("shared-object")
        r.rules.append("active")
    if not r.agents and not r.patients and tok.dep_ == "compound":
        _headline_verb(tok, r)  # "Prison warders attack journalist" parsed as one noun phrase
    # "troops were forced to withdraw", "were ordered to leave", "were allowed to take the town": the subject of a
    # passive verb is the doer of the active infinitive that complements it (object control), whatever the verb
    compelled = _infinitive_of_passive(tok) or (
        tok.dep_ == "xcomp" and tok.head.lemma_.lower() in {"force", "compel", "oblige"})
    if not r.agents and not r.patients:
        inherited = _inherited_subject(tok)
        if inherited is not None:
            subj, head_passive = inherited
            if passive or (head_passive and not compelled):
                r.patients = subj
            else:
                r.agents = subj
            r.rules.append("inherited-subject")
    elif not r.agents and not passive and (
            (tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head.pos_ in {"VERB", "AUX"})
            or (tok.dep_ == "pcomp" and tok.head.lower_ in {"after", "before", "by", "while"})):
        # "a mob vandalized temples and attacked shops", "troops moved in to retake the town": the object is the
        # verb's own, the doer is shared
        inherited = _inherited_subject(tok)
        if inherited is not None and (not inherited[1] or _doing_complement(tok) or compelled):
            r.agents = inherited[0]
            r.rules.append("inherited-subject")
    if not r.agents and not passive:
        r.agents = _accused(tok)
        if r.agents:
            r.rules.append("accused")
    if not r.agents and not passive and tok.tag_ == "VBG" and not any(c.dep_ in {"aux", "nsubj"} for c in tok.children):
        # "shelling by X", "Alleged shelling by X inside the border": an -ing form used as a noun takes its doer
        # from "by" as a passive does (not "were shelling", whose subject is the doer)
        r.agents = _pobjs(tok, {"by"})
        if r.agents:
            r.rules.append("gerund-by")
    r.sources = _pobjs(tok, {"from"})
    r.recipients = _pobjs(tok, {"to", "into"})
    # "a grenade was thrown at a police post", "fired at officers": what is aimed at is a target
    r.targets = _pobjs(tok, {"on", "against", "with", "upon", "between", "at"})
    # "X clashed with Y", "X fell to Y": handled by the caller per category
    return r


def noun_roles(tok: Token) -> Roles:
    r = Roles(rules=["nominal"])
    r.agents = [c for c in tok.children if c.dep_ == "poss"] + _pobjs(tok, {"by"})
    r.patients = _pobjs(tok, {"of"})
    r.sources = _pobjs(tok, {"from"})
    r.targets = _pobjs(tok, {"on", "against", "with", "upon", "at"})
    between = _pobjs(tok, {"between", "among"})
    if between:
        r.agents.extend(between)
        r.rules.append("between")
    # "Taliban attack", "rebel offensive": a modifier names the agent (checked against the actor dictionary later);
    # not an adjective before another noun of the compound ("a Kenyan village raid": the village is Kenyan)
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ in {"PROPN", "NOUN", "ADJ"}]
    r.agents.extend(c for c in mods if not (c.pos_ == "ADJ" and any(
        d.pos_ == "NOUN" and c.i < d.i < tok.i and d.dep_ == "compound" for d in mods)))
    _headline_verb(tok, r)
    return r


def _headline_verb(tok: Token, r: Roles) -> None:
    """A headline's present-tense verb parsed as a noun ("Armed group attacks villagers", "Police attack villagers",
    "Bandits raid villages"): its subject and object hang on it as nsubj / dobj, or it is a compound of its object,
    the sentence's root (a headline has no other verb)."""
    r.agents.extend(s for c in tok.children if c.dep_ == "nsubj" for s in with_conjuncts(c))
    objs = [o for c in tok.children if c.dep_ in {"dobj", "obj"} or (c.dep_ == "npadvmod" and tok.dep_ == "ROOT")
            if c.i > tok.i for o in with_conjuncts(c)]
    head = tok.head
    if not objs and tok.dep_ == "compound" and head.dep_ == "ROOT" and head.i > tok.i and head.pos_ in {
            "NOUN", "PROPN"}:
        objs = with_conjuncts(head)
        r.agents.extend(c for c in head.children if c.dep_ in {"compound", "nmod"} and c.i < tok.i
                        and c not in r.agents)
    if objs:
        r.patients.extend(o for o in objs if o not in r.patients)
        r.rules.append("headline-verb")


# Prepositions by which a verb places its act inside an event noun ("during a raid"), and verbs that do not act in it
# ("arrived after the attack", "fled during the clashes").
_FRAME_PREPS = {"during", "in", "amid", "amidst"}
_NOT_DOING = {"flee", "arrive", "die", "live", "say", "report", "occur", "happen", "take", "come", "return", "escape",
              "hide", "survive", "leave", "remain", "stay", "be", "have", "go", "move", "condemn", "deny"}


def trigger_roles(trigger: Token, head: Token) -> Roles:
    """Roles of a trigger; a nominal carried by a light verb takes the verb's arguments ("X launched an attack")."""
    if trigger.pos_ in {"VERB", "AUX"} or (trigger.pos_ == "ADJ" and trigger.dep_ in {"acomp", "ROOT"}):
        return verb_roles(trigger)
    r = noun_roles(trigger)
    frame = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" else None
    if head is trigger and frame is not None and trigger.head.lower_ in _FRAME_PREPS and frame.pos_ == "VERB" \
            and frame.lemma_.lower() not in _NOT_DOING:
        # "police shot two suspects during a raid", "three were killed in an attack": the verb the event noun frames
        # tells who did it and to whom, where the noun itself does not
        v = verb_roles(frame)
        r.agents = [*r.agents, *(a for a in v.agents if a not in r.agents)]
        r.patients = r.patients or [p for p in v.patients if p is not trigger]
        r.rules.append("framing-verb")
    if head is not trigger:
        v = verb_roles(head)
        if trigger.dep_ in {"dobj", "obj"} or (head.lower_ == "re" and head.i == trigger.i - 2):
            r.agents = r.agents or v.agents  # "rebels launched an offensive", "troops re-established control"
        if not r.patients:
            r.patients = [p for p in v.patients if p is not trigger]
        r.sources = r.sources or v.sources
        r.targets = r.targets or v.targets
        r.recipients = r.recipients or v.recipients
        between = _pobjs(head, {"between", "among"})
        if between and not any(a for a in r.agents if a.dep_ not in {"compound", "amod", "nmod"}):
            r.agents = between + r.agents  # "fighting broke out between the army and the RSF"
            r.rules.append("between")
        r.rules.append("light-verb")
    return r
