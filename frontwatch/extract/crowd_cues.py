"""The words the typing rules read about crowds: how a demonstration went (its cues: violence, intervention, force),
what it was about (its grievance), whose it was, and whether a crowd that attacked is a mob or an organised group;
and `fought_back`, the battle a follow-up toll makes of an attack. Split from event_typing.py (module size)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.events import _Event
from frontwatch.extract.sentences import _story
from frontwatch.model import ActorRole, Claim

# Intervention cues that tell force used on a crowd only as verbs ("police barred them"; not "bar attendants").
_INTERVENTION_VERBS = frozenset({"bar", "block", "cane", "chase", "foil", "prevent", "repulse", "stop", "suppress",
                                 "thwart"})
# Intervention cues that are a weapon's first word: a cue only with the rest of its name ("water cannon", not "lack
# of water" or "a water company"; "rubber bullets", not "rubber farmers").
_WEAPON_NAMES = {"water": frozenset({"cannon", "cannons", "canon", "canons", "jet", "jets", "bowser", "bowsers"}),
                 "pepper": frozenset({"spray", "gas"}), "rubber": frozenset({"bullet", "bullets", "pellet", "pellets"})}
# A crowd's damage to property, unless others did it ("stalls destroyed by council officers").
_DAMAGE_VERBS = frozenset({"burn", "damage", "destroy", "ransack", "smash", "torch", "vandalise", "vandalize"})
# Words that call a group a crowd in a temper ("angry youths"): mob violence, not an organised attack.
_CROWD_MOODS = frozenset({"angry", "irate", "rowdy", "enraged", "furious", "mobs", "crowds"})
# Things burnt as a gesture of protest ("burned an effigy of the governor", "torched coffins"): no one's property
# destroyed, so no violence of the crowd's (ACLED codes effigy burning as a peaceful protest).
_SYMBOLS = frozenset({"banner", "coffin", "copy", "dummy", "effigy", "flag", "image", "photo", "photograph",
                      "picture", "placard", "portrait", "poster"})
# Words under which a violent word tells what led to a demonstration, not what it did: "in response / reaction to
# the killing", "survivors / families of the clashes", "accused police of arrests".
_CAUSE_HEADS = frozenset({"accuse", "family", "reaction", "relative", "response", "retaliation", "revenge",
                          "survivor", "victim", "widow"})
# Nouns of a demonstration a light verb holds ("held demonstrations", "staged a protest").
_PROTEST_NOUNS = frozenset({"demo", "demonstration", "march", "picket", "protest", "rally", "sit-in", "strike",
                            "vigil"})
# Verbs whose "for" phrase is a demand ("called for the arrest of the officer").
_DEMAND_VERBS = frozenset({"agitate", "appeal", "call", "clamour", "clamor", "petition", "press", "push"})
# Singular nouns that may name the crowd itself ("the crowd, which stoned cars"): a clause on them is its conduct.
_GATHERINGS = frozenset({"crowd", "demonstration", "gathering", "group", "march", "mob", "procession", "protest",
                         "rally", "throng"})
# Conjunctions of a clause that tells what came before a demonstration ("protested after a trader was killed").
_CAUSE_MARKS = frozenset({"after", "following", "because", "since"})
# Verbs of harm done to a person's body (one does not "injure" or "whip" a building): a crowd doing them to people
# sets upon someone (ACLED's mob violence), which "attack" only tells with people as its object.
_PERSON_HARM = frozenset({"assault", "beat", "flog", "hack", "injure", "kill", "lynch", "maim", "murder", "stab",
                          "whip", "wound"})
# Words of a riot: they name the crowd's violence, not whether it was a demonstration's or a mob's.
_RIOT_WORDS = frozenset({"riot", "rioter", "rioting", "riotous"})
# Words naming attackers as a faction's own people rather than a crowd.
_ORGANISED = frozenset({"youth", "youths", "supporter", "supporters", "loyalist", "loyalists", "goon", "goons",
                        "member", "members"})


# Light verbs a demonstration is told with ("a protest was staged against …", "held a march over …").
_LIGHT_VERBS = frozenset({"call", "hold", "launch", "lead", "mount", "organise", "organize", "stage", "staged"})


def _held_protest(verb: Token) -> bool:
    """A light verb whose object or passive subject is a demonstration ("a protest was staged", "held a rally"): its
    "against / over" phrase is what the demonstration was about, as a protest verb's is."""
    return bool({verb.lemma_.lower(), verb.lower_} & _LIGHT_VERBS) and any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _PROTEST_NOUNS for c in verb.children)


def no_strike(t: Token) -> bool:
    """ "struck" (hit: "a car struck a boy") and an air or drone strike are no strike of workers: no demonstration."""
    if t.lemma_.lower() not in {"strike", "strikes"}:
        return False
    return t.lower_ in {"struck", "stricken"} or any(w.lower_ in {"air", "drone", "missile", "aerial"} for w in (
        *t.children, *t.doc[max(0, t.i - 1):t.i]))


def _words_of(role: ActorRole) -> set[str]:
    return set(re.findall(r"[a-z]+", role.span.text.lower())) if role.span is not None else set()


def _many(role: ActorRole) -> bool:
    """An actor named as a group ("youths", "a crowd of residents", "villagers"), not one person."""
    words = re.findall(r"[a-z]+", role.span.text.lower()) if role.span is not None else []
    return any((w.endswith("s") and not w.endswith("ss")) or w in {"men", "people", "women", "youth", "group",
                                                                 "crowd", "children"} for w in words)


def _armed_named(role: ActorRole, text: str) -> bool:
    """An actor named with its arms, in its phrase or just before it: "armed youths", "spear-wielding herders",
    "gun-toting raiders"."""
    if role.span is None:
        return False
    words = set(re.findall(r"[a-z]+", text[max(0, role.span.start - 20):role.span.end].lower()))
    return bool(words & _ARMS_WORDS)


_ARMS_WORDS = frozenset({"armed", "arrows", "bows", "guns", "machetes", "pangas", "rifles", "spears", "wielding",
                         "toting", "heavily"})


# Words by which a text calls a group a crowd ("a mob", "rioters", "angry residents"), not just several people.
_CROWD_NAMES = frozenset({"mob", "mobs", "crowd", "crowds", "rioters", "protesters", "protestors", "demonstrators",
                          "angry", "irate", "rowdy", "enraged", "furious", "hostile"})


def named_crowd(role: ActorRole, text: str) -> bool:
    """Does the text call the actor a crowd, in its phrase or just before it ("an angry mob", "irate villagers")?"""
    if role.span is None:
        return False
    return bool(set(re.findall(r"[a-z]+", text[max(0, role.span.start - 20):role.span.end].lower())) & _CROWD_NAMES)


class CrowdCues:
    """Mixin of `Typer`: the crowd rules, over `self.words` (the lexicon's word lists)."""

    words: dict[str, frozenset[str]]

    def _protest_sub(self, event: _Event, doc: Doc, event_type: str, sub: str | None, default_sub: str | None,
                     methods: list[str]) -> tuple[str, str | None]:
        """A demonstration's type and sub-type by what its sentence and the ones after it tell."""
        story = _story(event.hit.token.sent)
        sent_lemmas = self._cue_lemmas(story[:1])
        # what the sentences after it tell of the same demonstration ("They blocked the road … Police
        # dispersed them"), unless the sentence itself says it stayed peaceful
        calm = bool(sent_lemmas & {"peaceful", "peacefully"})
        # a demonstration called peaceful may still be met with force ("… Police dispersed them"): the sentences
        # after it tell of what was done to it, not of violence of its own
        after = self._cue_lemmas(story[1:])
        more = after if not calm else after - self.words["violent_crowd"]
        # "protested peacefully against … attacks": a sentence that calls it peaceful tells of no violence of
        # its own, unless it says it turned violent
        turned = bool(sent_lemmas & {"turn", "become", "degenerate", "escalate"})
        if self._excessive(sent_lemmas):
            sub = "Excessive force against protesters"
        elif (sent_lemmas | more) & self.words["violent_crowd"] and (not calm or turned):
            event_type, sub = "Riots", "Violent demonstration"
        elif sent_lemmas & self.words["intervention"]:
            sub = "Protest with intervention"
        elif self.words["excessive"] & {doc[i].lemma_.lower() for i in event.clause
                                        if not (self._grievance(doc[i]) or self._cause(doc[i]))}:
            sub = "Excessive force against protesters"  # "a woman was killed by police during a demonstration"
        elif self._excessive(sent_lemmas | more):
            sub = "Excessive force against protesters"
        elif more & self.words["intervention"]:
            sub = "Protest with intervention"
        if sub != default_sub:
            methods.append(f"cues:{sub}")
        return event_type, sub

    def _organised(self, role: ActorRole, text: str) -> bool:
        """Attackers named as a faction's young men or followers ("youths", "party supporters", "members of X"),
        not as a crowd in their phrase or just before it ("a mob", "angry youths"): for ACLED an organised armed
        group's attack, not mob violence."""
        if role.span is None:
            return False
        near = set(re.findall(r"[a-z]+", text[max(0, role.span.start - 20):role.span.end].lower()))
        return bool(_words_of(role) & _ORGANISED) and not near & (self.words["mob_words"] | _CROWD_MOODS)

    def _protested(self, t: Token) -> bool:
        """The word is what a demonstration was against: the object of a verb of protest ("protest the attack"), or
        of its "against / over / following" phrase ("marched against the killing"), within a few steps."""
        protest = self.words["protest_verbs"] | self.words["protest_words"]
        for a, _ in zip([t, *t.ancestors], range(4), strict=False):
            if a.dep_ == "dobj" and a.head.lemma_.lower() in self.words["protest_verbs"]:
                return True
            if a.dep_ == "pobj" and a.head.lower_ in self.words["grievance_preps"] and (
                    a.head.head.lemma_.lower() in protest or _held_protest(a.head.head)):
                return True
        return False

    def _demonstrating(self, story: Sequence[SpacySpan]) -> bool:
        """Does the story tell of a demonstration or rioting at all (a riot, a protest, a strike, a march)?"""
        words = self.words["protest_words"] | self.words["protest_verbs"] | {"rioter", "rioting", "riotous"}
        return any((t.lemma_.lower() in words or t.lower_ in words) and not no_strike(t) for s in story for t in s)

    def _set_upon(self, event: _Event) -> bool:
        """Did the crowd set upon people: a verb of bodily harm or an attack done by the crowd (its subject or "by"
        doer names it: rioters, a mob, youths) to people named by no word of a force, a place, a building or the
        crowd itself ("rioters beat up two clerks", "a trader was assaulted by rioters"), in a story whose only words
        of a demonstration are the riot's own? ACLED's violent demonstration is a demonstration turned violent; a
        crowd setting upon people with no demonstration told is mob violence."""
        story = _story(event.hit.token.sent)
        told = (self.words["protest_verbs"] | self.words["protest_words"] | {"striking"}) - _RIOT_WORDS
        if any(({t.lemma_.lower(), t.lower_} & told and not no_strike(t)) for s in story for t in s):
            return False  # a protest, march or strike told: the crowd's violence is its demonstration's
        things = (self.words["force_heads"] | self.words["held_by"] | self.words["civilian_targets"]
                  | self.words["place_nouns"] | self.words["unit_nouns"] | self.words["facility_heads"]
                  | self.words["institution_nouns"] | self.words["roads"] | _CROWD_NAMES | {
                      "car", "vehicle", "property", "each", "other", "office", "rioter", "demonstrator", "protester"})
        crowd = _CROWD_NAMES | self.words["mob_words"] | {"rioter", "youth", "youths"}
        for t in event.hit.token.sent:
            lem = t.lemma_.lower()
            if lem not in _PERSON_HARM | {"attack"} or t.pos_ not in {"VERB", "NOUN"}:
                continue
            victims = [c for c in t.children if c.dep_ == "dobj"]
            agents = [g for c in t.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                      for g in c.children if g.dep_ == "pobj"]
            if agents:
                victims += [c for c in t.children if c.dep_ == "nsubjpass"]  # "… was beaten by the mob"
            if t.dep_ in {"amod", "acl"} and t.pos_ == "VERB":
                victims.append(t.head)  # "… and whipped workers", the verb read as the noun's modifier
            victims += [g for v in victims for g in v.children if g.dep_ == "conj"]
            # the doer: the "by" phrase, else the nearest subject up the verbs it is coordinated with
            doers = agents or next(([c for c in a.children if c.dep_ in {"nsubj", "nmod"}]
                                    for a in [t, *t.ancestors][:4] if any(
                                        c.dep_ in {"nsubj", "nmod"} for c in a.children)), [])
            if not any({w.lemma_.lower(), w.lower_} & crowd for d in doers for w in d.subtree):
                continue  # harm done by others ("police opened fire, killing a rioter", "after a cleric was killed")
            if any(v.pos_ in {"NOUN", "PRON", "NUM"} or (v.pos_ == "PROPN" and lem != "attack")
                   for v in victims if v.lemma_.lower() not in things and v.lower_ not in things):
                return True
        return False

    def _own_protest(self, story: Sequence[SpacySpan]) -> set[str]:
        """The story's words of a demonstration of the crowd's own: not a rally it attacked or stoned (its
        target), nor a "struck" or an air strike."""
        return {t.lemma_.lower() for s in story for t in s if not self._targeted(t) and not no_strike(t)} & (
            self.words["protest_words"])

    def _rally_attacked(self, event: _Event) -> bool:
        """Does the story name a demonstration only as what the crowd attacked ("stoned a rally")?"""
        words = [t for s in _story(event.hit.token.sent) for t in s if t.lemma_.lower() in self.words["protest_words"]]
        return bool(words) and all(self._targeted(t) for t in words)

    def _targeted(self, t: Token) -> bool:
        """The word is what violence was done to: the object of a verb of attacking or hurting ("attacked a
        rally"), or of "at / on" after one ("threw stones at a rally")."""
        violent = self.words["fight_verbs"] | self.words["mob_victim_words"] | {"throw", "hurl", "disrupt", "storm"}
        head = t.head
        if t.dep_ == "pobj" and head.lower_ in {"at", "on", "upon"}:
            head = head.head
        elif t.dep_ != "dobj":
            return False
        return head.lemma_.lower() in violent

    def _cue_lemmas(self, sents: Sequence[SpacySpan]) -> set[str]:
        """The sentences' lemmas that tell how a demonstration went: not what it was about ("marched to denounce
        violence", "rallied to mourn those killed", "protested against the killing of a student"); "violently" only
        where it says how force was used; "barricade" for a road the crowd blocked, "arson" for fires it lit, "warning"
        for shots into the air."""
        out = set()
        for sent in sents:
            for t in sent:
                lem = t.lemma_.lower()
                if self._grievance(t) or self._cause(t) or self._symbolic(t):
                    continue
                if lem in _INTERVENTION_VERBS and t.pos_ not in {"VERB", "AUX"}:
                    continue  # "bar attendants", "a road block", "cane farmers": a noun, not force used on the crowd
                if lem in _WEAPON_NAMES and not self._next_lemmas(t, 2) & _WEAPON_NAMES[lem]:
                    continue
                if lem in {"bullet", "pellet"} and t.i > 0 and t.doc[t.i - 1].lower_ in {"rubber", "plastic"}:
                    continue  # a less-lethal round: an intervention ("rubber"), not live fire (excessive force)
                if lem in _INTERVENTION_VERBS and not self._done_by_force(t) and not (
                        lem == "block" and self._road_named(t)):
                    continue  # "traffic stopped", "students blocked teachers from entering": nothing done to the crowd
                if lem in {"riot", "rioting"} and (t.dep_ in {"compound", "amod", "nmod"} or (
                        t.i > 0 and t.doc[t.i - 1].lower_ in {"anti", "anti-", "-"})):
                    continue  # "riot police", "anti-riot officers": the force's kind, not the crowd's violence
                if lem == "break" and t.pos_ == "VERB" and "up" in self._next_lemmas(t, 1):
                    out.add("disperse")  # "police broke up the crowd"
                if lem in _DAMAGE_VERBS and t.pos_ == "VERB" and any(
                        w.lemma_.lower() in self.words["force_heads"] for c in t.children
                        if c.dep_ in {"nsubj", "agent"} for w in c.subtree):
                    continue  # "stalls destroyed by county officers": the authorities' doing, not the crowd's
                if lem == "set" and not (self._next_lemmas(t, 3) & {"fire", "ablaze", "alight", "bonfire", "tyre",
                                                                     "tire"}):
                    continue  # "a case set for May": no fire lit
                out.add(lem)
                objects = {c.lemma_.lower() for c in t.children if c.dep_ in {"dobj", "nsubjpass"}}
                if lem == "violently" and t.head.lemma_.lower() in self.words["intervention"]:
                    out.add("brutally")  # "violently dispersed / suppressed": excessive force
                elif lem == "violently" and t.head.lemma_.lower() in self.words["protest_verbs"]:
                    out.add("violent")  # "violently protested"
                elif lem in {"block", "barricade", "obstruct", "paralyse", "paralyze", "close"} and (
                        (objects | self._next_lemmas(t, 4)) & self.words["roads"]):
                    # the road may be misparsed into a longer phrase ("blocking a road and lighting fires")
                    doers = [w for c in t.children if c.dep_ == "nsubj" or (c.dep_ == "agent") for w in c.subtree]
                    if not any(w.lemma_.lower() in self.words["force_heads"] for w in doers):
                        out.add("barricade")  # "students blocked the highway", not "police blocked the road"
                        out.discard("block")  # the crowd's own act, not an intervention
                elif lem in {"light", "set", "lighting"} and (objects | self._next_lemmas(t, 3)) & {
                        "fire", "bonfire", "tyre", "tire"}:
                    out.add("arson")
                elif lem in {"shoot", "fire"} and any(c.dep_ == "prep" and c.lower_ in {"in", "into"} and any(
                        g.lemma_.lower() == "air" for g in c.children) for c in t.children):
                    out.discard(lem)
                    out.add("warning")  # "police shot in the air to disperse them": an intervention, no excessive force
                elif lem in {"battle", "fight", "brawl", "confrontation", "fracas", "melee", "skirmish"} and (
                        t.pos_ == "NOUN"):
                    out.add("clash")  # "running battles with police", "engaged police in fierce fights"
        return out

    def _cause(self, t: Token) -> bool:
        """A word of what led to a demonstration, in the sentence that tells it: under a word of cause ("a reaction to
        an attack", "survivors of the clashes"), or in a clause of what happened before whose subject is another's
        ("marched after a trader was killed", "after a teacher beat a pupil, parents gathered"), not the crowd's own
        ("after they blocked the road": a pronoun may be the crowd); or in a clause on one person ("protested the
        arrest of a man who was detained for …")."""
        below = t
        for a, _ in zip([t, *t.ancestors], range(7), strict=False):
            if a is not t and a.lemma_.lower() in _PROTEST_NOUNS | {"protester", "demonstrator", "demonstrate"}:
                return False  # "sparked violent protests": the word tells the demonstration itself
            if a is not t and a.lemma_.lower() in _CAUSE_HEADS and below.dep_ not in {"nsubj", "nsubjpass"}:
                return True  # (not its subject: "the protesters accused …" names the crowd itself)
            below = a
            if a.dep_ == "prep" and a.lower_ == "for" and a.head.lemma_.lower() in _DEMAND_VERBS:
                return True  # "calling for the arrest of …": what the crowd demands, not what was done to it
            if a.dep_ == "prep" and a.lower_ in _CAUSE_MARKS and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_NOUNS for c in a.head.children):
                return True  # "held demonstrations following the shooting of …": a light verb's protest
            if a.dep_ == "relcl" and a.head.tag_ in {"NN", "NNP"} and a.head.lemma_.lower() not in _GATHERINGS and (
                    any(w.lower_ in {"who", "whom", "whose"} for w in a.subtree)):
                return True  # "the arrest of a resident who was arrested for …": one person's story, not the crowd's
            marks = [c for c in a.children if c.dep_ in {"mark", "prep"} and c.lower_ in _CAUSE_MARKS]
            if a.dep_ == "advcl" and marks and not any(w.lemma_.lower() in _PROTEST_NOUNS for w in a.subtree):
                # (a clause that tells the demonstration itself, "after villagers shut a highway to protest", is its
                # conduct)
                # the subject, or where the parser hung it under "after" ("After a man attacked …"), that noun
                subjects = [c for c in a.children if c.dep_ in {"nsubj", "nsubjpass"}] or [
                    g for m in marks for g in m.children if g.dep_ == "pobj"]
                theirs = {w.lemma_.lower() for c in a.head.children if c.dep_ == "nsubj" for w in c.subtree}
                named = {w.lemma_.lower() for w in a.subtree}
                # "police dispersed them after protesters blocked the road", "cut short after police fired tear gas
                # to dispel the crowd", "after stones were thrown at police": the clause names the crowd or a force
                # it struck, or the one it hangs on tells force used on the crowd: what happened at the
                # demonstration, not what led to it
                forces = self.words["force_heads"]
                crowd = named & (_CROWD_NAMES | _GATHERINGS | self.words["crowd_nouns"] | self.words["mob_words"]
                                 | {"rioter", "protester", "demonstrator"}) or theirs & forces or any(
                    w.dep_ in {"dobj", "pobj", "nsubjpass"} and w.lemma_.lower() in forces for w in a.subtree)
                return bool(subjects) and not crowd and all(
                    c.pos_ != "PRON" and c.lemma_.lower() not in theirs for c in subjects)
        return False

    @staticmethod
    def _symbolic(t: Token) -> bool:
        """A word of burning whose object is a symbol ("burned an effigy", "set fire to a coffin", "flags were
        torched"): a gesture, not the crowd's damage."""
        if t.lemma_.lower() not in {"burn", "torch", "set", "light", "fire", "arson", "ablaze"}:
            return False
        head = t.head if t.lemma_.lower() == "fire" and t.dep_ == "dobj" else t  # "set fire to …"
        things = [c for h in (head, *(c for c in head.children if c.lower_ == "fire")) for c in h.children
                  if c.dep_ in {"dobj", "nsubjpass"}]
        things += [g for h in (head, *head.children) for c in h.children if c.dep_ == "prep" and c.lower_ in {
            "to", "on", "of"} for g in c.children if g.dep_ == "pobj"]
        things += [g for c in things for g in c.children if g.dep_ == "conj"]
        if t.dep_ == "compound" and t.head.lemma_.lower() in _SYMBOLS:
            return True  # a headline's verb read as a noun ("Demonstrators torch coffins")
        return any(c.lemma_.lower() in _SYMBOLS for c in things)

    def _road_named(self, t: Token) -> bool:
        """A verb of blocking whose object, or one of the words after it, is a road (the crowd's barricade below)."""
        objects = {c.lemma_.lower() for c in t.children if c.dep_ in {"dobj", "nsubjpass"}}
        return bool((objects | self._next_lemmas(t, 4)) & self.words["roads"])

    def _done_by_force(self, t: Token) -> bool:
        """Could a verb of stopping or barring tell force used on a crowd: done to someone (an object or a passive
        subject) by a force or by someone unnamed? An intransitive one ("traffic stopped") or one whose doer is named
        and is no force ("students blocked teachers from entering") tells what the crowd or others did."""
        deps = {c.dep_ for c in t.children}
        if not deps & {"dobj", "nsubjpass", "agent"} and t.tag_ != "VBN":
            return False
        doers = [w for c in t.children if c.dep_ in {"nsubj", "agent"} for w in c.subtree]
        passive = any(c.dep_ == "auxpass" for c in t.children)
        if not doers and not passive and t.dep_ in {"xcomp", "advcl", "conj"}:  # "students gathered to block …"
            doers = [w for c in t.head.children if c.dep_ == "nsubj" for w in c.subtree]
        return not doers or any(w.lemma_.lower() in self.words["force_heads"] or w.lower_ == "authorities"
                                for w in doers)

    @staticmethod
    def _next_lemmas(t: Token, n: int) -> set[str]:
        """The lemmas of the n words after `t` in its sentence."""
        return {w.lemma_.lower() for w in t.doc[t.i + 1:min(t.i + 1 + n, t.sent.end)]}

    def _grievance(self, t: Token) -> bool:
        """A word of what a demonstration was about: under a verb of grievance, the object of protesting, or the
        "against / over / following" phrase of a protest."""
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children):
            return True  # "no reported violence", "did not block": a cue denied
        for a, _ in zip([t, *t.ancestors], range(7), strict=False):
            if a.dep_ == "acl" and a.tag_ == "VBG":
                return False  # "protested the eviction, blocking the road": what they did, however the parse hung it
            if a is not t and a.lemma_.lower() in self.words["grievance_heads"]:
                return True
            if a.dep_ == "prep" and a.lower_ in self.words["grievance_preps"] and (
                    a.head.lemma_.lower() in self.words["protest_verbs"] or _held_protest(a.head)):
                return True
            if a.dep_ == "dobj" and a.head.lemma_.lower() in (
                    self.words["protest_verbs"] | self.words["grievance_heads"]):
                return True  # "protested the arrest of …", "condemned the attack"
        return False

    def _excessive(self, cues: set[str]) -> bool:
        return bool(cues & self.words["excessive"] and cues & {"protester", "demonstrator", "protestor", "crowd",
                                                                "brutally", "excessive"})

    def _at_a_protest(self, arrest: Token) -> bool:
        """Arrests made at a protest ("detained during an attempt to protest", "arrested 180 as supporters staged
        sit-ins", "arrested protesters"), not of people for organising one ("arrested an activist for organising
        protests")."""
        if any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in self.words["crowd_nouns"]
               for c in arrest.children):
            return True
        for t in arrest.sent:
            if t.lemma_.lower() not in self.words["protest_words"] or t.i == arrest.i:
                continue
            path = [a for a in t.ancestors if a.i != arrest.i and arrest in a.ancestors]
            if arrest not in t.ancestors or len(path) > 4:
                continue
            if any(w.lower_ in {"during", "at", "amid", "as", "when", "while"} for a in [t, *path] for w in
                   ([a] + [c for c in a.children if c.dep_ in {"mark", "advmod"}])):
                return True
        return False


def fought_back(previous: Sequence[Claim], follow_up: Sequence[Claim]) -> list[Claim]:
    """ "Raiders attacked a village. Police responded, killing two of them.": a toll sentence that tells the attackers
    or state forces harmed (typed an armed clash) makes the attack before it a fight between two armed sides (ACLED
    codes the response as the battle); the side that fought back, where the attack named only civilians, is its
    actor 2."""
    # the toll's killing or wounding harmed an armed side (the attackers, or forces who came), or it tells a clash
    clash = next((f for f in follow_up if f.sub_event_type == "Armed clash" and (
        {"category:clash"} | ({"category:kill", "category:injure"} if "victims:armed" in f.method.split() else set())
    ) & set(f.method.split())), None)
    if clash is None:
        return list(previous)
    out = []
    for c in previous:
        a1 = c.actor("actor1")
        if c.event_type != "Violence against civilians" or c.sub_event_type not in {"Attack", None} or (
                a1 is not None and a1.inter == 1):
            out.append(c)  # state forces' own raid on civilians stays one-sided, whatever its toll
            continue
        actors = c.actors
        a2 = c.actor("actor2")
        defender = next((r for r in clash.actors if r.actor.inter == 1 and r.actor != a1), None)
        if defender is not None and (a2 is None or a2.inter == 7):
            actors = (*(r for r in c.actors if r.role != "actor2"), dataclasses.replace(defender, role="actor2"))
        out.append(dataclasses.replace(c, event_type="Battles", sub_event_type="Armed clash", actors=actors,
                                       method=c.method + " type:fought-back"))
    return out
