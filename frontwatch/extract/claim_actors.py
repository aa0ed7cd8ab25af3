"""Who did what to whom in a claim: actor 1 and actor 2 from the trigger's roles and the actor dictionary, a
community's militia, an attack's victims, the sides of a demonstration, and the headline's dyad a clause may borrow."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.actor_cues import _OFF_DUTY
from frontwatch.extract.actors import ActorDictionary, ActorMatch
from frontwatch.extract.events import _ARMED, _Event
from frontwatch.extract.roles import PRONOUNS, Roles, np_bounds, trigger_roles, with_conjuncts
from frontwatch.extract.sentences import _doc_text, _story
from frontwatch.extract.triggers import Lexicon, find_triggers
from frontwatch.model import (
    Actor,
    ActorRole,
    Document,
    Span,
)

# Nouns for the members of a group, by which an unknown name is a group's ("Zanguru members", "the X sect").
_BAND_NOUNS = frozenset({"member", "follower", "adherent", "sect", "suspect", "loyalist", "faction", "cell"})
# What such members belong to, named by a capitalised word before it ("members of the X gang", "the X cult"): a gang,
# a sect or a movement the dictionary lacks is ACLED's "<Name> Militia" all the same.
_BAND_HEADS = _BAND_NOUNS | {"gang", "cult", "movement", "group", "outfit"}
# Killings whose verb, with neither object nor "by", tells a headline's reduced passive ("X members killed").
_KILLED_NOT_KILLING = frozenset({"kill", "shoot", "murder", "behead", "lynch", "injure", "wound", "execute", "hack",
                                 "stab"})
# The acts whose doer, named by a name the dictionary lacks, is a group (`ActorReader.unknown_group`).
_VIOLENT_ACTS = frozenset({"kill", "attack", "shoot", "murder", "abduct", "kidnap", "raid", "ambush", "burn", "torch",
                           "behead", "hack", "stab", "execute", "storm", "bomb", "loot", "injure", "wound", "beat",
                           "assault", "rape", "target", "massacre", "slaughter", "lynch"})
# The partisans of a party or a candidate: a political militia where they fight or attack.
_PARTISANS = frozenset({"supporter", "loyalist", "partisan"})
# Transitive acts of violence: without an object in a headline, they were done to their subject.
_DONE_TO_SOMEONE = frozenset({"attack", "assault", "kill", "murder", "shoot", "stab", "hack", "injure", "wound",
                              "abduct", "kidnap", "rob", "beat", "lynch", "behead", "ambush", "maim", "torture"})


_LOYAL = frozenset({"loyal", "allied", "affiliated"})
_COMMUNAL_MILITIA = Actor("Communal militia", 4)
# Those who live by herds: armed, a community's fighters.
_HERDERS = frozenset({"herder", "herdsman", "herdsmen", "pastoralist", "nomad"})
# Words that say who the doers are is not known: an unknown militia is no community's nor a named one.
_UNKNOWN_WORDS = frozenset({"unidentified", "unknown", "unnamed", "unspecified", "anonymous"})
_UNNAMED_MILITIAS = frozenset({"Militia", "Communal militia", "Local fighters"})
# Words that describe armed men rather than name their people, capitalised where they open a headline.
_DESCRIPTORS = frozenset({"suspected", "alleged", "armed", "heavily", "rival", "local", "marauding", "hostile",
                          "angry", "organised", "organized", "tribal", "vigilante", "radical", "notorious"})


def _institution(a: ActorRole | None) -> bool:
    """State forces read from the word for the state as an institution ("the government", "the county
    government"), not from its forces ("government troops")."""
    return a is not None and a.actor.inter == 1 and a.span is not None and a.span.text.lower().rstrip().endswith(
        ("government", "governments"))


@dataclass(frozen=True)
class _MainActors:
    actor1: ActorRole | None
    actor2: ActorRole | None
    category: str


class ActorReader:
    """The actors of an event's roles (`sides`), of a noun phrase (`actor_of`), and of a demonstration
    (`crowd_sides`); the report's main dyad (`main_actors`)."""

    def __init__(self, actors: ActorDictionary, lexicon: Lexicon) -> None:
        self.actors = actors
        self.lexicon = lexicon
        self.words = lexicon.words


    # -- actors ------------------------------------------------------------------------------------------------

    def actor_of(self, doc: Doc, tok: Token) -> ActorRole | None:
        if tok.lower_ in PRONOUNS:
            # "The group said it had launched drones": the pronoun is the one who says so
            verb = tok.head
            anc = verb.head
            # only the subject of the very clause that is said ("X said it had retaken …"), not of a clause inside
            # it ("… more than a year after it fell to Y": there "it" is the town)
            if verb.dep_ in ("ccomp", "xcomp") and anc.lemma_.lower() in self.words["speech"] and anc.pos_ in (
                    "VERB", "AUX"):
                subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.i != tok.i and subj.lower_ not in PRONOUNS:
                    return self.actor_of(doc, subj)
            return None
        start, end = np_bounds(tok)
        m: ActorMatch | None = self.actors.match(_doc_text(doc)[start:end])
        if m is None or (m.actor.name in self.actors.generic and (
                tok.lemma_.lower() in self.words["group_nouns"] or m.actor.inter in _ARMED)):
            # "thousands of protesters", "a group of gunmen", "fighters from the Islamic State group": the "of" or
            # "from" phrase names them
            of = [
                p for c in tok.children if c.dep_ == "prep" and (
                    c.lower_ == "of" or (c.lower_ == "from" and m is not None)
                ) for p in c.children if p.dep_ == "pobj"
            ]
            # "fighters loyal to X", "militias allied with X": X's
            of += [p for c in tok.children if c.dep_ == "amod" and c.lower_ in _LOYAL for g in c.children
                   if g.dep_ == "prep" and g.lower_ in {"to", "with"} for p in g.children if p.dep_ == "pobj"]
            if of:
                o_start, o_end = np_bounds(of[0])
                named = self.actors.match(_doc_text(doc)[o_start:o_end])
                # "troops from Uganda" are its army; "a party of Kenya", "raiders from Ethiopia" are not; "an MP
                # of the government", "an official of the ministry" are people, not its forces
                official = named is not None and named.actor.inter == 1 and m is None and (
                    tok.lemma_.lower() in self.actors.person_nouns or tok.ent_type_ == "PERSON")
                if named is not None and not official and (
                        named.rule != "country" or (m is not None and m.actor.inter == 1)):
                    m, start = named, o_start
        if m is None or m.actor.name in self.actors.generic:
            # "the paramilitary Rapid Support Forces" parsed as "the paramilitary" + an apposition: the apposition
            # names them
            for ap in (c for c in tok.children if c.dep_ == "appos"):
                a_start, a_end = np_bounds(ap)
                named = self.actors.match(_doc_text(doc)[a_start:a_end])
                # "an unidentified armed group (Kenya)": a country in apposition says where they are from, it is
                # not that country's army
                if named is not None and named.actor.name not in self.actors.generic and named.rule != "country":
                    m, start = named, a_start
                    break
        if m is None and tok.lemma_.lower() in self.words["held_by"]:
            # "a FAMa position", "SAF positions", "an army convoy": the modifiers name whose it is
            mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i < tok.i]
            if mods:
                m_start, m_end = np_bounds(mods[0])[0], mods[-1].idx + len(mods[-1].text)
                owner = _doc_text(doc)[m_start:m_end]
                m = self.actors.match(owner) or self.actors.match(owner + " forces")
                if m is not None and m.end > len(owner):
                    m = dataclasses.replace(m, end=len(owner))
                start = m_start
        if m is None or (m.actor.name in ("Unidentified armed group", "Militia") and tok.lemma_.lower() in _BAND_HEADS):
            # "members of the X gang", "the X cult": a group the dictionary lacks, named by its members; unnamed
            # ("members of a gang") it stays what the dictionary says
            band = self.named_band(doc, tok)
            if band is None and m is None:
                band = self.unknown_group(doc, tok)
            if band is not None or m is None:
                return ActorRole("", band[0], band[1]) if band is not None else None
        if m.rule == "country" and tok.i >= 2 and doc[tok.i - 1].lower_ == "from" and (
                origin := self.actors.match(doc[tok.i - 2].text)) is not None and origin.actor.inter in (2, 3, 4):
            # "Raiders from X attack …" parsed with X as the doer: the armed men come from X, they are not its army
            before = doc[tok.i - 2]
            return ActorRole("", origin.actor, Span.of(_doc_text(doc), before.idx, before.idx + len(before.text)))
        if m.rule == "country" and tok.pos_ == "ADJ" and tok.i + 1 < len(doc):
            # "Somali militia shoots …" parsed with "Somali" as the subject: the noun after it names them
            after = self.actors.match(f"{tok.text} {doc[tok.i + 1].text}")
            if after is not None and after.rule == "alias":
                # ("Somali militia": a nation's militia, not its army, is its people's, see `_nations_militia`)
                return ActorRole("", _COMMUNAL_MILITIA if after.actor.name == "Militia" else after.actor, Span.of(
                    _doc_text(doc), tok.idx, doc[tok.i + 1].idx + len(doc[tok.i + 1].text)))
        if m.rule == "country" and tok.pos_ in {"NOUN", "PROPN"} and self.actors.is_demonym(tok.text):
            # "raiders killed a Kenyan", "two Somalis were shot": people of that nation, not its army
            return ActorRole("", Actor("Civilians", 7), Span.of(_doc_text(doc), *np_bounds(tok)))
        words = set(re.findall(r"[a-z]+", _doc_text(doc)[np_bounds(tok)[0]: start + m.end].lower()))
        if m.actor.name == "Militia" and self._nations_militia(doc, tok):
            return ActorRole("", _COMMUNAL_MILITIA, Span.of(_doc_text(doc), *np_bounds(tok)))
        if m.actor.inter == 7 and "armed" in words and not words & _UNKNOWN_WORDS and tok.lemma_.lower() in _HERDERS:
            # "armed herders", "armed pastoralists": a community's armed men (ACLED's communal militia) wherever the
            # report is from, whose people the report may name elsewhere
            return ActorRole("", Actor("Communal militia", 4), Span.of(_doc_text(doc), *np_bounds(tok)))
        if (m.actor.inter == 7 and words & (_UNKNOWN_WORDS | {"masked", "armed"})) or (
                m.actor.name in _UNNAMED_MILITIAS and words & _UNKNOWN_WORDS):
            # "unknown youths", "a group of armed men", "masked men"; "an unidentified militia", "unknown
            # militiamen" (whose, no one says): ACLED's unidentified armed group
            return ActorRole("", Actor("Unidentified armed group", 3), Span.of(_doc_text(doc), *np_bounds(tok)))
        if m.actor.inter in _ARMED and (any(c.lower_ in {"former", "retired", "ex", "ex-"} for c in tok.children) or (
                _OFF_DUTY.search(_doc_text(doc), np_bounds(tok)[0], start + m.start))):
            # "a former police officer", "a retired soldier", "an off-duty officer": ACLED's civilians
            return ActorRole("", Actor("Civilians", 7), Span.of(_doc_text(doc), *np_bounds(tok)))
        return ActorRole("", m.actor, Span.of(_doc_text(doc), start + m.start, start + m.end))

    def _nations_militia(self, doc: Doc, tok: Token) -> bool:
        """ "Somali militia", "militiamen from Ethiopia": a militia named by a nation (its army would be named
        so, not "militia") is men of a people of that nation, ACLED's identity militia ("X Ethnic Militia"), not a
        party's or a government's militia ("a pro-government Somali militia" is the government's)."""
        mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i]
        if "government" in _doc_text(doc)[np_bounds(tok)[0]: tok.idx].lower():
            return False
        if any(self.actors.is_demonym(c.text) for c in mods):
            return True
        origin = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                  if p.dep_ == "pobj"]
        return bool(origin) and self.actors.country_iso(origin[0].text) is not None

    def named_band(self, doc: Doc, tok: Token) -> tuple[Actor, Span] | None:
        """A group the dictionary does not know, named by its members ("two suspected Zanguru members", "followers
        of the Zanguru sect", "a Zanguru sect member"): ACLED's political militia "<Name> Militia" (inter 3). Not a
        country's people, a known actor, a community (its militia is read apart) or a resolved place."""
        if tok.lemma_.lower() not in _BAND_HEADS:
            return None
        heads = [tok, *(c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in _BAND_HEADS),
                 *(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" and p.lemma_.lower() in _BAND_HEADS)]
        places = doc.user_data.get("fw_place_spans", ())
        for head in heads:
            if any(c.lower_ in self.words["communal_words"] or c.lemma_.lower() in self.words["community_words"]
                   for c in head.children):
                return None  # "the X ethnic group", "the X clan's members": a people, whose militia is read apart
            names = [c for c in head.children if c.dep_ in {"compound", "nmod", "amod"} and c.i < head.i
                     and c.pos_ == "PROPN" and c.text[:1].isupper()]
            if not names:
                continue
            first, last = names[0], names[-1]
            name = _doc_text(doc)[first.idx: last.idx + len(last.text)]
            if self.actors.country_iso(name) is not None or self.actors.match(name) is not None or (
                    self.actors.is_community(name)) or any(a <= first.idx < b for a, b in places):
                return None
            return Actor(f"{name} Militia", 3), Span.of(_doc_text(doc), first.idx, last.idx + len(last.text))
        return None

    def unknown_group(self, doc: Doc, tok: Token) -> tuple[Actor, Span] | None:
        """A name the dictionary lacks as the doer of an act ("ZLF attacks civilians", "suspected members of ZLF
        killed …", "shot by ZLF"): an organisation's name or an acronym, not a person, a place, a people or a date,
        is a group: ACLED's "<Name> Militia" (inter 3)."""
        # only the doer of a violent act: the subject of an active verb with its object ("X attacked a village",
        # not a headline's "X attacked in his car" nor "X kidnapped and robbed"), or its "by" agent ("killed by X");
        # never whom it was done to
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head
        active = tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.tag_ != "VBN" and any(
            c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
        if not (active or tok.dep_ == "pobj") or verb.lemma_.lower() not in _VIOLENT_ACTS:
            return None
        if tok.lemma_.lower() in _BAND_NOUNS:
            # "members of ZLF": the group the members belong to
            tok = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                        if p.dep_ == "pobj" and p.pos_ == "PROPN"), tok)
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            return None
        acronym = tok.text.isupper() and 2 <= len(tok.text) <= 6
        if tok.ent_type_ not in {"ORG", "NORP", ""} and not (acronym and tok.ent_type_ != "PERSON"):
            return None
        parts = [*(c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i), tok]
        first, last = parts[0], parts[-1]
        name = _doc_text(doc)[first.idx: last.idx + len(last.text)]
        places = doc.user_data.get("fw_place_spans", ())
        if self.actors.country_iso(name) is not None or self.actors.match(name) is not None or (
                self.actors.is_community(name)) or self.actors.is_demonym(name) or any(
                a <= first.idx < b for a, b in places) or tok.lemma_.lower() in self.actors.person_nouns:
            return None
        return Actor(f"{name} Militia", 3), Span.of(_doc_text(doc), first.idx, last.idx + len(last.text))

    def victims(self, sent: SpacySpan, actor1: ActorRole | None) -> ActorRole | None:
        """Whom the sentence says was killed, hurt or shot: an armed side named so (then it was a fight), else
        civilians when people or a number of them are ("killing four", "one person was injured")."""
        doc = sent.doc
        people = False
        for t in sent:
            lemma = t.lemma_.lower()
            if lemma not in self.words["harm_words"]:
                continue
            if lemma in {"die", "dead"}:
                hurt = [c for c in (t if lemma == "die" else t.head).children if c.dep_ in {"nsubj", "nsubjpass"}]
            else:
                hurt = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
                if not hurt and t.tag_ in {"VBN", "VBD"}:
                    # a headline's reduced passive ("21 killed in a raid", "Farmer shot dead"): its subject was hurt
                    hurt = [c for c in t.children if c.dep_ == "nsubj" and (c.pos_ == "NUM" or self.person(c) or (
                        (a := self.actor_of(doc, c)) is not None and a.actor.inter == 7))]
                if t.tag_ == "VBN" and t.dep_ in {"acl", "amod"}:
                    hurt.append(t.head)  # "two policemen killed in the raid"
            for h in [w for c in hurt for w in with_conjuncts(c)]:
                if h.lower_ in PRONOUNS:
                    continue
                a = self.actor_of(doc, h)
                if a is not None and a.actor.inter in _ARMED and (actor1 is None or a.actor.name != actor1.actor.name):
                    return dataclasses.replace(a, role="actor2")
                if (a is not None and a.actor.inter == 7) or (a is None and (
                        h.pos_ == "NUM" or h.lemma_.lower() in self.words["victim_words"] or self.person(h))):
                    people = True
        return ActorRole("actor2", Actor("Civilians", 7)) if people else None

    def person(self, tok: Token) -> bool:
        """A noun that names people by their role, standing or kin, or by name ("a candidate", "two scholars", "the
        chief's wife", "Mr X"): civilians where they are the ones attacked, killed or hurt."""
        words = self.actors.person_nouns
        if tok.lemma_.lower() in words or tok.lower_ in words or tok.lower_.removesuffix("s") in words or (
                tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"):
            return True
        if tok.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "nummod" for c in tok.children) and (
                tok.lemma_.lower() not in self.words["civilian_targets"] and self.actors.match(tok.text) is None):
            return True  # "two scholars", a number of people the dictionary does not name
        # "the party's aspirant", "an MPs' meeting": a person in apposition or as the modifier of what was hit
        return any(c.dep_ in {"appos", "compound", "poss"} and (c.lemma_.lower() in words or c.lower_.removesuffix(
            "s") in words) for c in tok.children)

    def civilian_place(self, tok: Token) -> bool:
        """What civilians live, gather or travel in ("a village", "a polling station", "a relief convoy")."""
        lemma = tok.lemma_.lower()
        return tok.ent_type_ != "ORG" and (lemma in self.words["civilian_targets"] or lemma in
                                           self.actors.civilian_places)

    def communities(self, doc: Doc, tok: Token) -> list[ActorRole]:
        """The militias of the communities a noun phrase names ("Turkana raiders", "the X and Y clans", "armed
        youths from the X community"): ACLED's "X Ethnic Militia". A name that is a resolved place counts only
        before a word that names a community's fighters ("raiders", "clan"), not before "gunmen" or "youths"."""
        if tok.lemma_.lower() in self.words["group_nouns"] | {"youth", "man", "people"}:
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "from"} for p in c.children
                  if p.dep_ == "pobj"]
            if of and of[0].lemma_.lower() in self.words["community_words"] | self.words["armed_men"]:
                tok = of[0]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PROPN" and lemma not in self.words["community_words"]:
            # "between X and Y militias" parsed as X + "Y militias": X is the first of the two named
            group = next((c for c in tok.children
                          if c.dep_ == "conj" and c.lemma_.lower() in self.words["community_words"]), None)
            others = self.communities(doc, group) if group is not None else []
            if others and self.actors.country_iso(tok.text) is None and self.actors.canonical(tok.text) is None:
                kind = others[0].actor.name.split(" ", 1)[1] if " " in others[0].actor.name else "Ethnic Militia"
                return [ActorRole("", Actor(f"{tok.text} {kind}", others[0].actor.inter),
                                  Span.of(_doc_text(doc), tok.idx, tok.idx + len(tok.text))), *others]
            return []
        if lemma not in self.words["community_words"] and lemma not in self.words["armed_men"]:
            return []
        places = doc.user_data.get("fw_place_spans", ())
        out: list[ActorRole] = []
        mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i]
        # "X political militias" are a party's men (ACLED's political militia), not a community's
        kind, inter = ("Political Militia", 3) if any(c.lower_ == "political" for c in mods) else ("Ethnic Militia", 4)
        for mod in mods:
            for name in (mod, *(c for c in mod.children if c.dep_ == "conj")):
                text = name.text
                if not text[:1].isupper() or name.pos_ not in {"PROPN", "ADJ", "NOUN"} or name.ent_type_ in {
                        "DATE", "TIME", "CARDINAL", "ORDINAL"} or (name.is_sent_start and name.pos_ != "PROPN"):
                    continue  # a capital that only starts the sentence ("Armed bandits …") names no one
                if text.lower() in _UNKNOWN_WORDS:
                    continue  # "Unknown group torched houses": no people named, the hands are unidentified
                if text.lower() in _DESCRIPTORS or text.lower() in self.words["community_words"] | self.words[
                        "communal_words"] or self.actors.match(text) is not None:
                    continue  # "Suspected X militia", "Ethnic militias", "Vigilante militia": a word that says what
                    # the men are, or that names them as the dictionary does, is no people's name
                if self.actors.country_iso(text) is not None or self.actors.canonical(text) is not None:
                    continue  # "Somali gunmen", "Shabaab fighters": a country's or a named group's
                if lemma not in self.words["community_words"] and any(a <= name.idx < b for a, b in places):
                    continue  # "Mandera gunmen": men of a place, not a community's militia
                out.append(ActorRole("", Actor(f"{text.rstrip('s') if text.endswith('s') and len(text) > 4 else text}"
                                               f" {kind}", inter),
                                     Span.of(_doc_text(doc), name.idx, name.idx + len(text))))
        return out

    def sides(self, roles: Roles, category: str, doc: Doc, expel: bool = False, trigger: Token | None = None
                ) -> tuple[ActorRole | None, ActorRole | None, list[Token]]:
        """actor1 (who did it / took it), actor2 (to whom / from whom), and role tokens that name places."""
        place_tokens: list[Token] = []

        def first(tokens: list[Token], skip: str | None = None) -> ActorRole | None:
            for t in tokens:
                a = self.actor_of(doc, t)
                if a is not None and a.actor.name != skip:
                    return a
            return None

        actor1 = first(roles.agents)
        if (category in {"attack", "kill", "injure"} and trigger is not None and trigger.pos_ == "VERB"
                and "active" in roles.rules and not roles.patients and not roles.targets and roles.agents
                and trigger.lemma_.lower() in _DONE_TO_SOMEONE):
            # a headline's reduced passive ("Journalist attacked over photos", "Farms attacked"): a transitive act
            # without its object was done to its subject
            if actor1 is not None and actor1.actor.inter == 7:
                return None, dataclasses.replace(actor1, role="actor2"), place_tokens
            if actor1 is not None and actor1.actor.inter in _ARMED and trigger.tag_ == "VBD" and (
                    trigger.lemma_.lower() in _KILLED_NOT_KILLING):
                # "Two suspected X members killed", "Three soldiers shot": a killing told without its object has
                # its victims as subject, armed or not (not "gunmen attacked at dawn": attacking needs no object)
                return None, dataclasses.replace(actor1, role="actor2"), place_tokens
            if actor1 is None and self.civilian_place(roles.agents[0]):
                s0, e0 = np_bounds(roles.agents[0])
                return None, ActorRole("actor2", Actor("Civilians", 7), Span.of(_doc_text(doc), s0, e0)), place_tokens
        if roles.agents and (actor1 is None or actor1.actor.name in self.actors.generic) and category not in {
                "protest", "crowd", "riot", "mob"}:
            # "Turkana raiders attacked …", "X and Y clans clashed": a community's armed men are its militia
            communities = self.communities(doc, roles.agents[0])
            if communities:
                actor1 = communities[0]
                if len(communities) > 1 and category == "clash":
                    actor2_community: ActorRole | None = dataclasses.replace(communities[1], role="actor2")
                else:
                    actor2_community = None
            else:
                actor2_community = None
        else:
            actor2_community = None
        if actor1 is None and category in {"clash", "attack", "kill", "injure"} and roles.agents and (
                roles.agents[0].lemma_.lower() in _PARTISANS):
            # "rival party supporters clashed", "supporters of a candidate attacked …": ACLED's political militia,
            # unnamed; in a clash between partisans, on both sides
            s0, e0 = np_bounds(roles.agents[0])
            actor1 = ActorRole("actor1", Actor("Unidentified armed group", 3), Span.of(_doc_text(doc), s0, e0))
            if category == "clash" and (len(roles.agents) > 1 or any(
                    c.lower_ in {"rival", "opposing", "competing"} for c in roles.agents[0].subtree)):
                actor2_community = ActorRole("actor2", Actor("Unidentified armed group", 3))
        if category == "territory" and roles.recipients and actor1 is None:
            actor1 = first(roles.recipients)  # "fell to X"
        actor2: ActorRole | None = None
        if category == "territory" and expel:
            # "drove the militants out of X", "the militants were pushed back from X": the patient lost the ground
            actor2 = first(roles.patients, skip=actor1.actor.name if actor1 else None)
            place_tokens = [*roles.sources, *roles.recipients]
        elif category in {"territory", "control"}:
            skip1 = actor1.actor.name if actor1 else None
            actor2 = first(roles.sources, skip=skip1)
            if actor2 is None and roles.sources_in_clause:
                actor2 = first(roles.sources_in_clause, skip=skip1)  # "recaptured X city (Y) from the Taliban"
            place_tokens = roles.patients
        else:
            skip = actor1.actor.name if actor1 else None
            if len(roles.agents) > 1 and actor1 is not None:
                actor2 = first(roles.agents[1:], skip=skip)  # "clashes between X and Y", "X and Y clashed"
                if (actor2 is None or actor2.actor.name in self.actors.generic) and category == "clash":
                    actor2 = next(iter(self.communities(doc, roles.agents[1])), None) or actor2
            actor2 = actor2 or actor2_community
            actor2 = actor2 or first(roles.patients, skip=skip) or first(roles.targets, skip=skip)
            if actor1 is None and actor2 is None and category == "clash":
                actor1 = first(roles.targets)
            if actor1 is None and category == "clash" and trigger is not None and self._communal(trigger):
                actor1 = ActorRole("actor1", Actor("Communal militia", 4))  # "tribal clashes", "inter-clan fighting"
            if actor2 is None and category == "attack":
                # "gunmen attacked a community / a bus / the village": ACLED's victims are civilians; state forces'
                # only where they attack a person ("warders attacked a reporter"), not a place they raid
                state = actor1 is not None and actor1.actor.inter == 1
                target = next((t for t in [*roles.patients, *roles.targets]
                               if (self.civilian_place(t) and not state) or self.person(t)), None)
                hurt = self.victims(trigger.sent, actor1) if target is not None and trigger is not None else None
                if hurt is not None and hurt.actor.inter != 7:
                    actor2 = hurt  # "attacked a camp, killing two policemen": whom it killed says it was a fight
                elif target is not None:
                    s0, e0 = np_bounds(target)
                    actor2 = ActorRole("actor2", Actor("Civilians", 7), Span.of(_doc_text(doc), s0, e0))
        if category in {"protest", "crowd", "riot", "mob"}:
            actor1, actor2 = self._crowd(roles, category, doc, trigger, actor1, actor2, first)
        return (
            dataclasses.replace(actor1, role="actor1") if actor1 else None,
            dataclasses.replace(actor2, role="actor2") if actor2 else None,
            place_tokens,
        )

    def _crowd(self, roles: Roles, category: str, doc: Doc, trigger: Token | None, actor1: ActorRole | None,
               actor2: ActorRole | None, first: Callable[..., ActorRole | None]
               ) -> tuple[ActorRole | None, ActorRole | None]:
        """The sides of a demonstration or a riot: the crowd as ACLED names it, whom a riot hurt, the force acting on
        the crowd."""
        if (
            actor1 is None or actor1.actor.inter == 7
            # "Palestinian demonstrators": a nationality, not that state's forces
            or (actor1.span is not None and self.actors.is_demonym(actor1.span.text))
        ):
            # ACLED codes demonstrators as protesters (rioters when violent), whoever they are
            crowd = Actor("Protesters", 6) if category in {"protest", "crowd"} else Actor("Rioters", 5)
            span = actor1.span if actor1 is not None else None
            if span is None and roles.agents and roles.agents[0].lower_ not in PRONOUNS:
                s0, e0 = np_bounds(roles.agents[0])
                span = Span.of(_doc_text(doc), s0, e0)
            actor1 = ActorRole("actor1", crowd, span)
            if category in {"riot", "mob"} and actor2 is None:
                # "rioters stoned a candidate", "a mob beat a man": the people they hurt are civilians
                hit = next((t for t in [*roles.patients, *roles.targets] if self.person(t)), None)
                if hit is not None:
                    actor2 = ActorRole("actor2", Actor("Civilians", 7), Span.of(_doc_text(doc), *np_bounds(hit)))
            if actor2 is not None and actor2.actor.inter == 7 and category not in {"riot", "mob"}:
                actor2 = None  # whom a demonstration is about or for is no side of it
            if actor2 is None and trigger is not None:
                # "police fired tear gas at / dispersed the demonstrators": the force acting on them is actor 2
                verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
                if verb.pos_ in {"VERB", "AUX"} and trigger.dep_ in {"pobj", "dobj"}:
                    force = first([c for c in verb.children if c.dep_ == "nsubj"])
                    if force is not None and force.actor.inter == 1:
                        actor2 = force
        return actor1, actor2

    def crowd_sides(self, doc: Doc, sent: SpacySpan, event: _Event, sub: str | None, actor1: ActorRole | None,
                     actor2: ActorRole | None, methods: list[str]) -> tuple[ActorRole | None, ActorRole | None]:
        """ACLED's sides of a demonstration, by its final sub-type: the crowd is "Rioters" in a riot and
        "Protesters" in a protest, whoever they are (students, traders, residents); the force that intervened
        (named in the incident's sentences, the police where none is named) is the other side of an intervention,
        and the side that used excessive force comes first; a mob's victims are civilians."""
        riot = sub in {"Violent demonstration", "Mob violence"}
        crowd = Actor("Rioters", 5) if riot else Actor("Protesters", 6)

        def crowd_role(role: str, was: ActorRole | None) -> ActorRole:
            return ActorRole(role, crowd, was.span if was is not None else None)

        def unarmed(a: ActorRole | None) -> bool:
            return a is None or a.actor.inter in {5, 6, 7}

        # "protesting against the government", "a march on the county government": the institution a crowd
        # addresses is what it is about, no side of it (the force that acts on the crowd is read below)
        actor1, actor2 = (None if _institution(a) else a for a in (actor1, actor2))
        state = next((a for a in (actor1, actor2) if a is not None and a.actor.inter == 1), None)
        if state is None and sub != "Peaceful protest":
            state = self.intervening_force(doc, _story(sent))
            if state is None and sub in {"Protest with intervention", "Excessive force against protesters"}:
                state = ActorRole("actor2", Actor("Police forces", 1))  # ACLED: the police, unless named
                methods.append("actor2:police-by-type")
        if sub == "Excessive force against protesters":
            methods.append("actors:crowd-sides")
            return (dataclasses.replace(state, role="actor1") if state else None,
                    crowd_role("actor2", actor1 if unarmed(actor1) else actor2))
        other = actor2 if unarmed(actor1) else actor1
        first = crowd_role("actor1", actor1 if unarmed(actor1) else None)
        if other is not None and other.actor.inter in {5, 6}:
            second: ActorRole | None = crowd_role("actor2", other)  # "two groups of demonstrators clashed"
        elif state is not None and sub == "Violent demonstration" and (other is None or other.actor.inter in {
                2, 3, 4, 7, 8}):
            # ACLED: the force a riot fought ("youths engaged police in running battles, stabbing three
            # passers-by") is its other side, before the people or guards it hurt or a group its rioters belong to
            second = dataclasses.replace(state, role="actor2")
        elif other is not None and (other.actor.inter != 7 or sub == "Mob violence"):
            second = dataclasses.replace(other, role="actor2")
        elif state is not None:
            second = dataclasses.replace(state, role="actor2")
        elif riot and other is not None:
            second = dataclasses.replace(other, role="actor2")  # ACLED: the civilians rioters attacked
        elif sub == "Mob violence" and self.words["mob_victim_words"] & {t.lemma_.lower() for t in sent}:
            second = ActorRole("actor2", Actor("Civilians", 7))  # ACLED: a mob's victims are civilians
        elif riot and (hurt := self.victims(sent, None)) is not None and hurt.actor.inter == 7:
            second = hurt  # "rioters injured two guards", "youths stoned rally-goers": the people a riot hurt
        else:
            second = None
        if (first, second) != (actor1, actor2):
            methods.append("actors:crowd-sides")
        return first, second

    def intervening_force(self, doc: Doc, story: Sequence[SpacySpan]) -> ActorRole | None:
        """State forces acting in the incident's sentences: a subject ("police fired tear gas"), a "by" agent
        ("dispersed by police") or the other side of a fight ("engaged police in running battles")."""
        for s in story:
            for t in s:
                if t.pos_ not in {"NOUN", "PROPN"} or t.lemma_.lower() not in self.words["force_heads"]:
                    continue
                head = t.head
                acting = t.dep_ == "nsubj" or (t.dep_ == "pobj" and head.lower_ in {"by", "with"}) or (
                    t.dep_ in {"dobj", "conj"} and head.lemma_.lower() in self.words["fight_verbs"])
                if t.dep_ == "conj" and head.dep_ in {"nsubj", "pobj"}:
                    acting = True  # "police and soldiers fired …"
                if t.dep_ == "nsubj" and head.lemma_.lower() in self.words["speech"]:
                    continue  # "…, police said": a speaker, not a side
                if not acting:
                    continue
                found = self.actor_of(doc, t)
                if found is not None and found.actor.inter == 1:
                    return dataclasses.replace(found, role="actor2")
        return None

    def main_actors(self, document: Document, doc: Doc, sents: list[SpacySpan]) -> _MainActors | None:
        """The dyad of the headline (or, failing that, the lead): who took what from whom."""
        candidates: list[SpacySpan] = []
        if sents:
            first = sents[0]
            is_title = "\n" in _doc_text(doc)[first.start_char : first.end_char + 2] or (
                document.title is not None and document.title.strip()[:40] in first.text
            )
            if is_title:
                candidates.append(first)
        for s in sents[len(candidates) : len(candidates) + 2]:
            candidates.append(s)
        for s in candidates:
            for hit in find_triggers(self.lexicon, s):
                if hit.category not in {"territory", "clash", "attack"}:
                    continue
                a1, a2, _ = self.sides(trigger_roles(hit.token, hit.head), hit.category, doc)
                if a1 is not None:
                    return _MainActors(a1, a2, hit.category)
        if document.title and (not sents or document.title.strip()[:40] not in sents[0].text):
            return self.title_actors(document.title)
        return None

    def title_actors(self, title: str) -> _MainActors | None:
        """A headline that is not part of the text: the actor before a 'from' and the one after it."""
        found = self.actors.find_all(title)
        m = re.search(r"\b(from|against)\b", title, re.IGNORECASE)
        if not found or m is None:
            return None
        before = [a for a in found if a.end <= m.start()]
        after = [a for a in found if a.start >= m.end()]
        if not before:
            return None
        a1 = ActorRole("actor1", before[-1].actor, None)
        a2 = ActorRole("actor2", after[0].actor, None) if after else None
        return _MainActors(a1, a2, "territory")

    def _communal(self, trigger: Token) -> bool:
        """A fight a word calls communal ("ethnic clashes", "inter-clan fighting", "tribal skirmishes")."""
        words = {c.lower_ for c in trigger.children if c.dep_ in {"amod", "compound", "nmod"}}
        if trigger.i > trigger.sent.start:
            words.add(trigger.doc[trigger.i - 1].lower_)
        communal = self.words["communal_words"]
        return any(w.strip("-") in communal or w.removeprefix("inter").strip("-") in communal for w in words)
