"""Claim assembly: triggers → clauses → places, actors, time, counts, sources, certainty → `Claim`s.

One claim per event-bearing clause and place ("X and Y districts were seized" → two claims). Every field keeps the
span it came from; `method` lists the rules and the model that produced the claim.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.actors import ActorDictionary, ActorMatch
from frontwatch.extract.attribution import SPEECH_LEMMAS, attribute, certainty_for
from frontwatch.extract.counts import acled_fatalities, find_counts
from frontwatch.extract.roles import PRONOUNS, Roles, np_bounds, trigger_roles, with_conjuncts
from frontwatch.extract.scope import with_scope
from frontwatch.extract.time import find_time
from frontwatch.extract.triggers import Lexicon, TriggerEntry, TriggerHit, find_triggers, is_nonevent, load_lexicon
from frontwatch.model import (
    EVENT_TYPES,
    NOT_AN_EVENT,
    SUB_EVENT_TYPES,
    Actor,
    ActorRole,
    Certainty,
    Claim,
    Count,
    CountKind,
    Document,
    PlaceMention,
    Source,
    SourceKind,
    Span,
    TimeSpan,
    stable_id,
)

# Sub-types ACLED defines as non-violent: their events carry no fatalities, whatever deaths the sentence mentions
# ("protest over the killing of two traders").
NO_FATALITIES = frozenset({"Peaceful protest", "Protest with intervention", "Arrests", "Agreement",
                           "Change to group/activity", "Headquarters or base established",
                           "Non-violent transfer of territory"})
SAME_LOCATION_KM = 25.0  # places this close are one ACLED location (its town scale, geo_precision 1)
# Clauses below these are their own events, not part of the trigger's ("X was taken and fighting rages in Y").
_OUTCOMES = {"kill", "injure"}  # categories that name what an event did, not what it was
_SUBCLAUSE_DEPS = {"conj", "ccomp", "parataxis", "advcl", "relcl", "xcomp", "acl"}
# Nouns a place name can modify without being where something happened ("US troops", "Kabul officials").
_ACTOR_HEADS = {
    "troop", "force", "army", "military", "official", "president", "embassy", "government", "spokesman",
    "spokesperson", "soldier", "police", "minister", "ambassador", "citizen", "national", "leader", "envoy",
    "authority", "administration", "commander", "diplomat", "media", "channel", "newspaper", "agency", "ministry",
    "state", "department", "lawmaker", "senator", "general", "representative", "team", "plane", "aircraft", "jet",
    "militia", "militiaman", "raider", "bandit", "rustler", "warrior", "herder", "herdsman", "pastoralist",
}  # fmt: skip
# A place that names a road's end ("the X-Y highway") or where someone came from ("herders from X") locates the
# event only when the clause names no other place.
_ROUTE_HEADS = {"highway", "road", "route", "bypass", "railway", "railroad", "pipeline", "corridor", "motorway"}
# Common nouns that take up a place named earlier ("Kabul airport … the airfield").
_ANAPHORS: tuple[frozenset[str], ...] = (
    frozenset({"airport", "airfield", "runway", "airstrip", "airbase"}),
    frozenset({"city", "capital", "town"}),
    frozenset({"district"}),
    frozenset({"province", "region", "state"}),
    frozenset({"village", "hamlet"}),
    frozenset({"camp"}),
    frozenset({"base", "garrison"}),
    frozenset({"prison", "jail"}),
)
_PLACE_NOUNS = {
    "district", "province", "city", "town", "village", "region", "area", "county", "state", "capital", "airport",
    "neighbourhood", "neighborhood", "suburb", "valley", "border", "crossing", "base", "camp", "port",
}  # fmt: skip
# Confidence given up by a claim whose place is not in its own clause: the sentence's, or the report's.
_WIDER_PENALTY = {"sentence": 0.03, "report": 0.06}
_NO_ENTRY = TriggerEntry(-1, "<sentence>", frozenset(), frozenset(), "none", (), frozenset())
_COMPASS = {"west", "east", "north", "south", "middle east", "far east"}
_BLOCS = {"the west", "the east", "western", "eastern", "the international community"}
_COUNTRY_CODES = ("PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "CONT", "RGN")
_ARMED = {1, 2, 3, 4, 8}
# What an attack on makes its victims civilians (people are in the actor dictionary's Civilians)
_CIVILIAN_TARGETS = {
    "community", "village", "hamlet", "settlement", "population", "market", "marketplace", "church", "mosque",
    "temple", "shrine", "school", "hospital", "clinic", "bus", "minibus", "plane", "train", "house", "home",
    "homestead", "wedding", "funeral", "shop", "store", "restaurant", "hotel", "farm", "household", "neighbourhood",
    "neighborhood", "building",
}  # fmt: skip
_MOVEMENT = {"enter", "arrival", "entry"}
_PROTEST_FAMILY = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                             "Violent demonstration", "Mob violence"})
_EXPEL = {"drive", "push", "expel", "oust", "dislodge", "flush"}
_AIRCRAFT = {"jet", "warplane", "aircraft", "drone", "helicopter", "plane", "bomber", "airforce", "chopper",
             "gunship", "warjet"}
_GROUP_NOUNS = {"thousand", "hundred", "dozen", "group", "crowd", "number", "score", "band", "unit", "member", "team"}
# Categories whose targets the sentence's casualties tell, the words that tell them, and people counted as victims.
_VICTIM_CATEGORIES = frozenset({"attack", "ied", "grenade", "suicide"})
_HARM_WORDS = frozenset({"kill", "injure", "wound", "shoot", "murder", "hack", "stab", "behead", "maim", "hurt",
                         "die", "dead", "lynch", "execute"})
_VICTIM_WORDS = frozenset({"one", "other", "people", "member", "victim", "person", "body", "dozen", "several",
                           "many", "some", "all", "few"})
# Sub-types whose unnamed doer is, for ACLED, an unidentified armed group ("a bomb went off", "a grenade was thrown")
_UNSEEN_HANDS = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
# Words for a community and its fighters ("X raiders", "the X clan"), and for armed men who may be a community's
# ("X gunmen", "X youths") unless X is a place.
_COMMUNITY_WORDS = frozenset({"community", "clan", "tribe", "clansman", "clansmen", "raider", "rustler", "militia",
                              "militiaman", "militiamen", "warrior", "group", "ethnic", "tribesman", "tribesmen"})
_ARMED_MEN = frozenset({"gunman", "gunmen", "fighter", "attacker", "assailant", "youth", "herder", "herdsman",
                        "herdsmen", "pastoralist", "bandit", "man", "men"})
_INTERVENTION = {"tear", "disperse", "water", "cannon", "baton", "arrest", "detain", "rubber", "lathi", "lathicharge",
                 "pepper", "stop", "block", "prevent", "foil", "cane", "beat", "suppress", "teargas", "tear-gas",
                 "warning"}  # fmt: skip
_VIOLENT_CROWD = {"pelt", "stone", "torch", "vandalise", "vandalize", "smash", "ransack", "rampage", "hurl", "loot",
                  "burn", "arson", "riot", "clash", "attack", "damage", "throw", "molotov", "set", "violence",
                  "violent", "scuffle", "barricade", "bonfire", "vandalism", "destroy", "rock"}  # fmt: skip
_EXCESSIVE = {"kill", "shoot", "dead", "live", "ammunition", "bullet", "excessive", "brutally"}
_FIGHTING = {"fighting", "clash", "battle", "fight", "gunfight", "firefight", "assault", "attack", "offensive",
             "resistance", "kill", "casualty", "shelling", "airstrike"}  # fmt: skip
# What each lexicon category lets the classifier choose among.
_COMPATIBLE: dict[str, frozenset[str]] = {
    "attack": frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"}),
    "kill": frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests"}),
    "injure": frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests"}),
    "clash": frozenset({"Battles", "Riots"}),
    "protest": frozenset({"Protests", "Riots"}),
    "crowd": frozenset({"Protests", "Riots"}),
    "riot": frozenset({"Riots", "Protests"}),
    "mob": frozenset({"Riots"}),
    "ied": frozenset({"Explosions/Remote violence"}),
    "shelling": frozenset({"Explosions/Remote violence", "Battles"}),
    "airstrike": frozenset({"Explosions/Remote violence"}),
    "abduct": frozenset({"Violence against civilians", "Strategic developments"}),
    "arrest": frozenset({"Strategic developments", "Violence against civilians", "Protests"}),
    "change": frozenset({"Strategic developments"}),
    "looting": frozenset({"Strategic developments", "Riots", "Violence against civilians"}),
    "agreement": frozenset({"Strategic developments"}),
}
_COMPATIBLE = {c: _COMPATIBLE.get(c, frozenset({t})) for c, (t, _) in load_lexicon().categories.items()} | {
    "territory": frozenset({"Battles", "Strategic developments"}),
    "control": frozenset({"Strategic developments", "Battles"}),
}
# A change of hands moves the control map, so it needs a word of taking: the classifier, which reads whole sentences
# and their neighbours, may not turn "fighting is raging" beside a headline's "recapture" into a second capture.
_TAKING = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
_TAKING_CATEGORIES = frozenset({"territory"})  # "took control" alone may be a non-violent transfer: rules decide
_WEAK = {"kill", "injure", "attack", "ied", "change", "looting", "arrest", "clash", "shelling", "crowd"}
# How far the classifier's word carries, by the (calibrated) probability of its top label. Chosen by 5-fold CV on
# the CASE snippets among 32 settings (docs/evaluation.md, Events, which also gives a nested-CV estimate of the choice);
# the results are flat around these values.
_WEAPON_WORDS = frozenset({"bomb", "ied", "landmine", "explosive", "grenade", "rocket", "missile", "mortar", "drone",
                           "airstrike", "artillery"})
_VIOLENCE_WORDS = frozenset({"attack", "gunman", "gunmen", "gunfire", "shooting", "shoot", "fire", "bullet", "raid",
                             "ambush", "assault", "clash", "fighting", "explosion", "blast", "strike", "shell"})
MODEL_CONTEXT = 1  # sentences either side the classifier reads with the one it types
MODEL_COMPATIBLE = 0.5  # a sub-type the trigger's category allows
MODEL_RETYPE = 0.6  # any sub-type, over the trigger's category
MODEL_NOT_EVENT = 0.5  # not a conflict event, over a weak trigger
MODEL_NOT_EVENT_STRONG = 0.7  # not a conflict event, over any other trigger
MODEL_NOT_EVENT_ARMED = 0.85  # not a conflict event, over a trigger with a weapon of war in its clause
MODEL_NOT_EVENT_ALL = 0.8  # not a conflict event, over every trigger of a sentence with several events
MODEL_OVER_NONEVENT = 0.6  # a sub-type the trigger's category allows, over the lexicon's non-event context words
MODEL_ONLY = 0.4  # an event in a document where the lexicon finds none
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


@dataclass(frozen=True)
class _MainActors:
    actor1: ActorRole | None
    actor2: ActorRole | None
    category: str


# --- the stages claims are assembled from (time, counts, attribution) ----------------------------------------------


def _find_time(doc: Doc, sent: SpacySpan, published: date | None, trigger: Token) -> TimeSpan | None:
    return find_time(doc, sent, published, trigger=trigger)


def _find_counts(sent: SpacySpan) -> list[Count]:
    return list(find_counts(sent))


def _acled_fatalities(counts: Sequence[Count]) -> int:
    return int(acled_fatalities(list(counts)))


def _attribute(document: Document, doc: Doc) -> dict[int, Any]:
    return dict(attribute(document, doc))


def _certainty_for(sent: SpacySpan, trigger: Token, base: Certainty) -> Certainty:
    return certainty_for(sent, trigger, base)


# --- the extractor ----------------------------------------------------------------------------------------------



def claims_per_place(
    document: Document, sentence: Span, trigger: Span, places: Sequence[PlaceMention], fatalities: int, conf: float,
    methods: Sequence[str], actor_dictionary: ActorDictionary | None = None, report_country: str | None = None,
    **fields: Any,
) -> list[Claim]:
    """One claim per place of a coordinated clause ("X and Y districts"), the ACLED fatalities split between them
    with the remainder on the first; with no place, one claim without. Shared by the English and Persian paths.
    With `actor_dictionary`, unnamed state forces ("soldiers", "police") become the forces of the report's country
    (`report_country`, an ISO code) where it is known, else of the place's: a misresolved toponym must not make
    Kenyan police British."""
    n = max(1, len(places))
    out: list[Claim] = []
    if fields.get("sub_event_type") in NO_FATALITIES:
        fatalities = 0  # ACLED: these are non-violent by definition; a death told beside them is another event's
    whole = _one_location(places)  # "in X, Y county": one place named twice keeps its whole toll in each claim
    for k, mention in enumerate(places or [None]):
        share = fatalities if whole else fatalities // n + (fatalities % n if k == 0 else 0)
        pstart = mention.span.start if mention is not None else ""
        country = report_country or (
            mention.place.country if mention is not None and mention.place is not None else None)
        if actor_dictionary is not None and country and fields.get("actors"):
            fields = {**fields, "actors": tuple(
                dataclasses.replace(r, actor=actor_dictionary.of_country(r.actor, country)) for r in fields["actors"]
            )}
        out.append(with_scope(Claim(
            claim_id=stable_id(document.document_id, sentence.start, trigger.start, pstart),
            document_id=document.document_id, sentence=sentence, trigger=trigger,
            places=(mention,) if mention is not None else (), fatalities_acled=share,
            confidence=round(max(0.05, min(1.0, conf)), 3), method=" ".join(methods), **fields,
        ), document.text))  # the scope of a taking: frontwatch/extract/scope.py
    return out

def _one_location(places: Sequence[PlaceMention]) -> bool:
    """Do a clause's places name one location (a place and the district or province around it, or points within
    ACLED's town scale of each other), not several that share a toll?"""
    # a name the gazetteer could not place can make no event of its own (fusion needs a place): it shares nothing
    placed = [m for m in places if m.place is not None and m.place.lat is not None and m.place.lon is not None]
    own = [m for m in placed if not any(_contains(m, o) for o in placed if o is not m)]
    pts = [(m.place.lat, m.place.lon) for m in own if m.place is not None and m.place.lat is not None
           and m.place.lon is not None]
    return all(_km(a, b) <= SAME_LOCATION_KM for a in pts for b in pts)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Extractor:
    """Claims of one annotated document. `classifier` (an `EventClassifier`) refines types; without it, lexicon only."""

    def __init__(
        self,
        actors: ActorDictionary,
        classifier: Any | None = None,
        lexicon: Lexicon | None = None,
        keep_non_events: bool = False,
    ) -> None:
        self.actors = actors
        self.classifier = classifier
        self.lexicon = lexicon or load_lexicon()
        self.keep_non_events = keep_non_events

    # -- public ---------------------------------------------------------------------------------------------

    def claims(self, document: Document, doc: Doc, places: Sequence[PlaceMention]) -> list[Claim]:
        text = document.text
        lex = self.lexicon
        sents = list(doc.sents)
        found_hits = [(s, find_triggers(lex, s)) for s in sents]
        # what each sentence reports, for `_story` (which sentences go on telling one incident)
        doc.user_data["fw_sents"] = sents
        doc.user_data["fw_sent_index"] = {s.start: k for k, s in enumerate(sents)}
        doc.user_data["fw_sent_categories"] = {s.start: frozenset(h.category for h in hits) for s, hits in found_hits}
        doc.user_data["fw_place_spans"] = [(m.span.start, m.span.end) for m in places if m.place is not None]
        per_sent = [(s, h) for s, h in found_hits if h]
        # Sentences without a trigger are read by the classifier only when the lexicon finds no event at all:
        # most reports have one, and the classifier's character n-grams cost as much as the rest of extraction.
        silent_sents = [s for s, h in found_hits if not h] if self.classifier is not None else []
        if not per_sent and not silent_sents:
            return []
        attributions = _attribute(document, doc)
        predictions = self._predict(_in_context([s for s, _ in per_sent], MODEL_CONTEXT))
        main = self._main_actors(document, doc, sents)
        mentions = sorted(places, key=lambda m: m.span.start)
        mention_starts = sorted(m.span.start for m in mentions)  # sorted: `_places_in` bisects it
        out: list[Claim] = []
        seen: set[str] = set()
        previous: list[Claim] = []
        previous_end = -1
        reference: TimeSpan | None = None  # the lead event's time read from the text: the narrative's day
        lead_told = False
        pred_of = iter(predictions)
        for sent, hits in found_hits:
            if not hits:
                tolls = _toll_only(sent, text, previous_end) if previous else []
                if tolls:
                    # "… attacked Mandera town on Tuesday. 14 dead.": a sentence that only gives a toll gives the
                    # toll of the event told before it
                    out = [_with_counts(c, tolls) if c in previous else c for c in out]
                    previous = [_with_counts(c, tolls) for c in previous]
                continue
            pred = next(pred_of)
            counts = _find_counts(sent)
            found: list[Claim] = []
            events = list(self._events(sent, hits, mention_starts))
            for event in events:
                # The classifier types a sentence, not a clause: where a sentence holds several events ("rebels
                # retake X as fighting rages in Y") it may refine each within its trigger's types, never collapse them.
                # Saying that none of them is an event collapses nothing: a very sure "none" drops them all.
                own = pred
                if len(events) > 1 and pred is not None and not (
                        pred[0] == NOT_AN_EVENT and pred[1] >= MODEL_NOT_EVENT_ALL):
                    own = (pred[0], min(pred[1], MODEL_RETYPE - 1e-9))
                for claim in self._claims_of(document, doc, sent, event, mentions, main, attributions, counts, own):
                    if claim.claim_id in seen:
                        continue
                    if claim.event_type == NOT_AN_EVENT and not self.keep_non_events:
                        continue
                    seen.add(claim.claim_id)
                    found.append(claim)
            if len(found) > 1 and pred is not None:
                # The sentence's main event first: the one whose sub-type the classifier, reading the whole sentence,
                # names ("police seized guns … related to a murder": the seizure, not the murder); else trigger order.
                found.sort(key=lambda c: c.sub_event_type != pred[0])
            found = _tolls_to_event(found, counts)
            if reference is not None:
                # "The security forces also detained two suspects.": a sentence that names no time elaborates the
                # event told before it and takes its day, not the report's
                found = [dataclasses.replace(c, time=reference, method=c.method + " time:reference")
                         if c.time is not None and c.time.assumed else c for c in found]
            if found and not lead_told:
                # the lead event (the first told) sets the narrative's day; background told later ("last week
                # saw …") does not. A lead read as the report's own day ("today") changes nothing.
                lead_told = True
                reference = next((c.time for c in found if c.time is not None and not c.time.assumed
                                  and (c.time.low, c.time.high) != (document.published,) * 2), None)
            claimed_by = self._responsibility_for_previous(doc, sent) if previous else None
            if claimed_by is not None:
                # "… a roadside bomb killed four soldiers. Al-Shabaab claimed responsibility for the attack."
                out = [_with_actor1(c, claimed_by) if c in previous else c for c in out]
                previous = [_with_actor1(c, claimed_by) for c in previous]
                continue
            if previous and _casualty_follow_up(found, text, previous_end, sent.start_char, sent.end_char):
                # "… attacked a convoy near X. 5 soldiers were killed.": the toll belongs to the event before
                told = [k for f in found for k in f.counts]
                out = [_with_counts(c, told) if c in previous else c for c in out]
                previous = [_with_counts(c, told) for c in previous]
                continue
            out.extend(found)
            if found:
                previous, previous_end = found, sent.start_char + len(sent.text.rstrip())
        silent = []
        if silent_sents and not any(c.event_type != NOT_AN_EVENT for c in out):
            silent = [(s, p) for s, p in zip(silent_sents, self._predict(_in_context(silent_sents, MODEL_CONTEXT)),
                                             strict=True) if p is not None and p[0] in SUB_EVENT_TYPES]
        if silent:
            # The lexicon found no event: the sentence the classifier is surest names one is an event when the
            # classifier is sure enough ("… defused two bombs", "… signed a ceasefire" in words the lexicon lacks).
            sent, pred = max(silent, key=lambda sp: sp[1][1])
            if pred[1] >= MODEL_ONLY:
                event = self._model_event(sent, pred[0])
                claims = self._claims_of(document, doc, sent, event, mentions, main, attributions,
                                         _find_counts(sent), pred)
                out.extend(dataclasses.replace(c, trigger=None) for c in claims)
        return out

    def _responsibility_for_previous(self, doc: Doc, sent: SpacySpan) -> ActorRole | None:
        """The actor of "X claimed responsibility for the attack" when the sentence points back at an event."""
        if _BACK_REFERENCE_NOUN.search(sent.text) is None:
            return None
        for tok in sent:
            if tok.lemma_.lower() in ("responsibility", "credit") and (subj := _claiming(tok.head)) is not None:
                return self._actor_of(doc, subj)
        return None

    # -- events in a sentence -------------------------------------------------------------------------------

    def _predict(self, texts: list[str]) -> list[tuple[str, float] | None]:
        if self.classifier is None or not texts:
            return [None] * len(texts)
        return [(str(p[0]), float(p[1])) for p in self.classifier.predict(texts)]

    def _model_event(self, sent: SpacySpan, label: str) -> _Event:
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

    def _events(self, sent: SpacySpan, hits: list[TriggerHit], mention_starts: Sequence[int] = ()) -> list[_Event]:
        # "without a fight", "whether the fighting had finished": no event
        hits = [h for h in hits if not _indirect_question(h) and h.token.head.lower_ != "without"]
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
        if {t.lemma_.lower() for t in told} & (_WEAPON_WORDS | _VIOLENCE_WORDS):
            return False
        text = _doc_text(sent.doc)[told[0].idx : told[-1].idx + len(told[-1].text)]
        return not any(m.actor.inter in _ARMED for m in self.actors.find_all(text))

    # -- one event → claims ----------------------------------------------------------------------------------

    def _claims_of(
        self,
        document: Document,
        doc: Doc,
        sent: SpacySpan,
        event: _Event,
        mentions: list[PlaceMention],
        main: _MainActors | None,
        attributions: dict[int, Any],
        sent_counts: list[Count],
        pred: tuple[str, float] | None,
    ) -> list[Claim]:
        text = document.text
        hit = event.hit
        category = hit.category
        methods = [f"lexicon:{hit.entry.rule}" if hit.entry.index >= 0 else "model-only", f"category:{category}"]
        roles = trigger_roles(hit.token, hit.head)
        roles.sources_in_clause = [
            p
            for i in sorted(event.clause)
            if doc[i].dep_ == "prep" and doc[i].lower_ == "from"
            for p in doc[i].children
            if p.dep_ == "pobj"
        ]
        methods.append("dep:" + "+".join(dict.fromkeys(roles.rules)))

        expel = hit.entry.lemma in _EXPEL
        actor1, actor2, role_places = self._actors(roles, category, doc, expel, hit.token)
        if expel and (actor2 is None or actor2.actor.inter not in _ARMED):
            return []  # "police pushed back the crowd": only an armed side driven out loses ground
        if actor1 is None and (claimant := _claimant(hit.token)) is not None:
            found_claimant = self._actor_of(doc, claimant)
            if found_claimant is not None and (actor2 is None or found_claimant.actor.name != actor2.actor.name):
                actor1 = dataclasses.replace(found_claimant, role="actor1")
                methods.append("actor1:claimed")
        for other in event.absorbed:
            # "a bomb exploded, killing three soldiers": the absorbed trigger's victims are the event's
            o1, o2, _ = self._actors(trigger_roles(other.token, other.head), other.category, doc)
            if category == "clash" and o2 is not None and o2.actor.inter == 7:
                o2 = None  # "four people were killed in clashes between X and Y": the dead are no side of it
            if actor2 is None and o2 is not None and (actor1 is None or o2.actor.name != actor1.actor.name):
                actor2 = o2
            if actor1 is None and o1 is not None and (actor2 is None or o1.actor.name != actor2.actor.name):
                actor1 = o1
        if actor2 is None and category in _VICTIM_CATEGORIES:
            # "Al-Shabaab attacked the town, killing two travellers": whom the attack killed or hurt is its target
            actor2 = self._victims(sent, actor1)
            if actor2 is not None:
                methods.append("actor2:victims")
        borrowed = False
        lead = main.actor1 if main is not None else None
        can_borrow = category in {"territory", "control", "clash", "attack"} and actor1 is None and lead is not None
        if can_borrow and lead is not None and (actor2 is None or actor2.actor.name != lead.actor.name):
            actor1 = lead
            borrowed = True
            if actor2 is None and main is not None and main.actor2 is not None and category != "control":
                actor2 = main.actor2
        if borrowed:
            methods.append("actors:lead")
        if hit.entry.lemma in _MOVEMENT and (actor1 is None or actor1.actor.inter not in _ARMED):
            return []  # "the virus entered the country", "the minister's arrival": no armed takeover

        # Places: those in the clause, minus context places and actor modifiers; pronouns take up the last place.
        attribution = attributions.get(sent.start_char)
        source_spans = [s.span for s in getattr(attribution, "sources", ()) if getattr(s, "span", None) is not None]
        actor_spans = [(a.span.start, a.span.end) for a in (actor1, actor2) if a is not None and a.span is not None]
        chosen = self._places(doc, event, mentions, source_spans, actor_spans, role_places)
        place_method = "clause"
        if not chosen:
            pronoun = [p for p in roles.patients if p.lower_ in PRONOUNS]
            if pronoun and category in {"territory", "control", "change"}:
                ante = _previous_place(mentions, pronoun[0].idx, sent, doc)
                if ante is not None:
                    chosen = [ante]
                    place_method = "coref:pronoun"
        if not chosen:
            ana = self._anaphor_place(doc, text, event, mentions, sent)
            if ana is not None:
                chosen = [ana]
                place_method = "anaphora"
        if mentions and (not chosen or all(_country_level(m) for m in chosen)):
            wider, how = self._wider_place(doc, event, sent, mentions, source_spans, actor_spans, role_places,
                                           chosen)
            if wider:
                chosen, place_method = wider, how
        chosen = [_with_precision(text, m, mentions, sent) for m in chosen]
        methods.append(f"place:{place_method}")

        event_type, sub_type, conf = self._type(event, category, actor1, actor2, doc, pred, methods)
        if event_type in {"Protests", "Riots"}:
            actor1, actor2 = self._crowd_sides(doc, sent, event, sub_type, actor1, actor2, methods)
        if actor1 is None and (event_type == "Violence against civilians" or sub_type in _UNSEEN_HANDS):
            # ACLED: whoever it was, unnamed, is an unidentified armed group
            actor1 = ActorRole("actor1", Actor("Unidentified armed group", 3))
            methods.append("actor1:unidentified-by-type")
        if event_type == "Violence against civilians" and actor2 is None:
            # ACLED: in violence against civilians the victims are actor 2, and they are civilians
            actor2 = ActorRole("actor2", Actor("Civilians", 7))
            methods.append("actor2:civilians-by-type")
        # Sides the clause leaves unnamed, from the report (the `actor` area's rules: ActorDictionary.doers)
        a1, a2 = self.actors.doers(text, sent.start_char, sent.end_char, event_type, actor1 and actor1.actor,
                                   actor2 and actor2.actor, sub_type)
        if (a1, a2) != (actor1 and actor1.actor, actor2 and actor2.actor):
            actor1, actor2 = (ActorRole("actor1", a1) if a1 else None), (ActorRole("actor2", a2) if a2 else None)
            methods.append("actors:report")

        # Foreign state forces are external (ACLED inter 8) where they act outside their country.
        report_country = self.actors.country_iso(report_country_of(document))
        actor1 = _external(actor1, chosen, self.actors, report_country)
        actor2 = _external(actor2, chosen, self.actors, report_country)

        time = _find_time(doc, sent, document.published, hit.token)
        clause_chars = _char_ranges(doc, event.clause)
        counts = tuple(c for c in sent_counts if c.span is None or _overlaps(c.span.start, c.span.end, clause_chars))
        fatalities = _acled_fatalities(counts) if counts else 0

        base = getattr(attribution, "certainty", Certainty.ASSERTED)
        certainty = _certainty_for(sent, hit.token, base)
        sources = tuple(getattr(attribution, "sources", ()) or ())
        if not sources and document.publisher:
            sources = (Source(document.publisher, SourceKind.OUTLET, (document.publisher,)),)

        sentence = _trimmed(text, sent.start_char, sent.end_char)
        trigger_span = Span.of(text, hit.token.idx, hit.token.idx + len(hit.token.text))
        actors = tuple(a for a in (actor1, actor2) if a is not None)
        if borrowed:
            conf -= 0.15
        if not chosen:
            conf -= 0.1
        elif place_method in _WIDER_PENALTY:
            conf -= _WIDER_PENALTY[place_method]
        return claims_per_place(
            document, sentence, trigger_span, chosen, fatalities, conf, methods, self.actors, report_country,
            event_type=event_type,
            sub_event_type=sub_type, actors=actors, time=time, counts=counts, sources=sources, certainty=certainty,
        )

    # -- actors ------------------------------------------------------------------------------------------------

    def _actor_of(self, doc: Doc, tok: Token) -> ActorRole | None:
        if tok.lower_ in PRONOUNS:
            # "The group said it had launched drones": the pronoun is the one who says so
            verb = tok.head
            anc = verb.head
            # only the subject of the very clause that is said ("X said it had retaken …"), not of a clause inside
            # it ("… more than a year after it fell to Y": there "it" is the town)
            if verb.dep_ in ("ccomp", "xcomp") and anc.lemma_.lower() in SPEECH_LEMMAS and anc.pos_ in ("VERB", "AUX"):
                subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.i != tok.i and subj.lower_ not in PRONOUNS:
                    return self._actor_of(doc, subj)
            return None
        start, end = np_bounds(tok)
        m: ActorMatch | None = self.actors.match(_doc_text(doc)[start:end])
        if m is None or (m.actor.name in self.actors.generic and (
                tok.lemma_.lower() in _GROUP_NOUNS or m.actor.inter in _ARMED)):
            # "thousands of protesters", "a group of gunmen", "fighters from the Islamic State group": the "of" or
            # "from" phrase names them
            of = [
                p for c in tok.children if c.dep_ == "prep" and (
                    c.lower_ == "of" or (c.lower_ == "from" and m is not None)
                ) for p in c.children if p.dep_ == "pobj"
            ]
            if of:
                start, end = np_bounds(of[0])
                m = self.actors.match(_doc_text(doc)[start:end]) or m
        if m is None or m.actor.name in self.actors.generic:
            # "the paramilitary Rapid Support Forces" parsed as "the paramilitary" + an apposition: the apposition
            # names them
            for ap in (c for c in tok.children if c.dep_ == "appos"):
                a_start, a_end = np_bounds(ap)
                named = self.actors.match(_doc_text(doc)[a_start:a_end])
                if named is not None and named.actor.name not in self.actors.generic:
                    m, start = named, a_start
                    break
        if m is None and tok.lemma_.lower() in _HELD_BY:
            # "a FAMa position", "SAF positions", "an army convoy": the modifiers name whose it is
            mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i < tok.i]
            if mods:
                m_start, m_end = np_bounds(mods[0])[0], mods[-1].idx + len(mods[-1].text)
                owner = _doc_text(doc)[m_start:m_end]
                m = self.actors.match(owner) or self.actors.match(owner + " forces")
                if m is not None and m.end > len(owner):
                    m = dataclasses.replace(m, end=len(owner))
                start = m_start
        if m is None:
            return None
        if m.actor.inter == 7 and set(re.findall(r"[a-z]+", _doc_text(doc)[np_bounds(tok)[0]: start + m.end].lower())
                                      ) & {"unidentified", "unknown", "masked", "armed"}:
            # "unknown youths", "a group of armed men", "masked men": ACLED's unidentified armed group
            return ActorRole("", Actor("Unidentified armed group", 3), Span.of(_doc_text(doc), *np_bounds(tok)))
        if m.actor.inter in _ARMED and any(c.lower_ in {"former", "retired", "ex", "ex-"} for c in tok.children):
            # "a former police officer", "a retired soldier": ACLED's civilians
            return ActorRole("", Actor("Civilians", 7), Span.of(_doc_text(doc), *np_bounds(tok)))
        return ActorRole("", m.actor, Span.of(_doc_text(doc), start + m.start, start + m.end))

    def _victims(self, sent: SpacySpan, actor1: ActorRole | None) -> ActorRole | None:
        """Whom the sentence says was killed, hurt or shot: an armed side named so (then it was a fight), else
        civilians when people or a number of them are ("killing four", "one person was injured")."""
        doc = sent.doc
        people = False
        for t in sent:
            lemma = t.lemma_.lower()
            if lemma not in _HARM_WORDS:
                continue
            if lemma in {"die", "dead"}:
                hurt = [c for c in (t if lemma == "die" else t.head).children if c.dep_ in {"nsubj", "nsubjpass"}]
            else:
                hurt = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
                if t.tag_ == "VBN" and t.dep_ in {"acl", "amod"}:
                    hurt.append(t.head)  # "two policemen killed in the raid"
            for h in [w for c in hurt for w in with_conjuncts(c)]:
                if h.lower_ in PRONOUNS:
                    continue
                a = self._actor_of(doc, h)
                if a is not None and a.actor.inter in _ARMED and (actor1 is None or a.actor.name != actor1.actor.name):
                    return dataclasses.replace(a, role="actor2")
                if (a is not None and a.actor.inter == 7) or (a is None and (
                        h.pos_ == "NUM" or h.lemma_.lower() in _VICTIM_WORDS)):
                    people = True
        return ActorRole("actor2", Actor("Civilians", 7)) if people else None

    def _communities(self, doc: Doc, tok: Token) -> list[ActorRole]:
        """The militias of the communities a noun phrase names ("Turkana raiders", "the X and Y clans", "armed
        youths from the X community"): ACLED's "X Ethnic Militia". A name that is a resolved place counts only
        before a word that names a community's fighters ("raiders", "clan"), not before "gunmen" or "youths"."""
        if tok.lemma_.lower() in _GROUP_NOUNS | {"youth", "man", "people"}:
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "from"} for p in c.children
                  if p.dep_ == "pobj"]
            if of and of[0].lemma_.lower() in _COMMUNITY_WORDS | _ARMED_MEN:
                tok = of[0]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PROPN" and lemma not in _COMMUNITY_WORDS:
            # "between X and Y militias" parsed as X + "Y militias": X is the first of the two named
            group = next((c for c in tok.children if c.dep_ == "conj" and c.lemma_.lower() in _COMMUNITY_WORDS), None)
            others = self._communities(doc, group) if group is not None else []
            if others and self.actors.country_iso(tok.text) is None and self.actors.canonical(tok.text) is None:
                kind = others[0].actor.name.split(" ", 1)[1] if " " in others[0].actor.name else "Ethnic Militia"
                return [ActorRole("", Actor(f"{tok.text} {kind}", others[0].actor.inter),
                                  Span.of(_doc_text(doc), tok.idx, tok.idx + len(tok.text))), *others]
            return []
        if lemma not in _COMMUNITY_WORDS and lemma not in _ARMED_MEN:
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
                if self.actors.country_iso(text) is not None or self.actors.canonical(text) is not None:
                    continue  # "Somali gunmen", "Shabaab fighters": a country's or a named group's
                if lemma not in _COMMUNITY_WORDS and any(a <= name.idx < b for a, b in places):
                    continue  # "Mandera gunmen": men of a place, not a community's militia
                out.append(ActorRole("", Actor(f"{text.rstrip('s') if text.endswith('s') and len(text) > 4 else text}"
                                               f" {kind}", inter),
                                     Span.of(_doc_text(doc), name.idx, name.idx + len(text))))
        return out

    def _actors(self, roles: Roles, category: str, doc: Doc, expel: bool = False, trigger: Token | None = None
                ) -> tuple[ActorRole | None, ActorRole | None, list[Token]]:
        """actor1 (who did it / took it), actor2 (to whom / from whom), and role tokens that name places."""
        place_tokens: list[Token] = []

        def first(tokens: list[Token], skip: str | None = None) -> ActorRole | None:
            for t in tokens:
                a = self._actor_of(doc, t)
                if a is not None and a.actor.name != skip:
                    return a
            return None

        actor1 = first(roles.agents)
        if roles.agents and (actor1 is None or actor1.actor.name in self.actors.generic) and category not in {
                "protest", "crowd", "riot", "mob"}:
            # "Turkana raiders attacked …", "X and Y clans clashed": a community's armed men are its militia
            communities = self._communities(doc, roles.agents[0])
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
                    actor2 = next(iter(self._communities(doc, roles.agents[1])), None) or actor2
            actor2 = actor2 or actor2_community
            actor2 = actor2 or first(roles.patients, skip=skip) or first(roles.targets, skip=skip)
            if actor1 is None and actor2 is None and category == "clash":
                actor1 = first(roles.targets)
            if actor1 is None and category == "clash" and trigger is not None and _communal(trigger):
                actor1 = ActorRole("actor1", Actor("Communal militia", 4))  # "tribal clashes", "inter-clan fighting"
            if actor2 is None and category == "attack" and (actor1 is None or actor1.actor.inter != 1):
                # "gunmen attacked a community / a bus / the village": ACLED's victims are civilians
                target = next((t for t in [*roles.patients, *roles.targets] if t.lemma_.lower() in _CIVILIAN_TARGETS
                               and t.ent_type_ != "ORG"), None)  # fmt: skip
                if target is not None:
                    s0, e0 = np_bounds(target)
                    actor2 = ActorRole("actor2", Actor("Civilians", 7), Span.of(_doc_text(doc), s0, e0))
        if category in {"protest", "crowd", "riot", "mob"} and (
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
            if actor2 is not None and actor2.actor.inter == 7:
                actor2 = None
            if actor2 is None and trigger is not None:
                # "police fired tear gas at / dispersed the demonstrators": the force acting on them is actor 2
                verb = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
                if verb.pos_ in {"VERB", "AUX"} and trigger.dep_ in {"pobj", "dobj"}:
                    force = first([c for c in verb.children if c.dep_ == "nsubj"])
                    if force is not None and force.actor.inter == 1:
                        actor2 = force
        return (
            dataclasses.replace(actor1, role="actor1") if actor1 else None,
            dataclasses.replace(actor2, role="actor2") if actor2 else None,
            place_tokens,
        )

    def _crowd_sides(self, doc: Doc, sent: SpacySpan, event: _Event, sub: str | None, actor1: ActorRole | None,
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

        state = next((a for a in (actor1, actor2) if a is not None and a.actor.inter == 1), None)
        if state is None and sub != "Peaceful protest":
            state = self._intervening_force(doc, _story(sent))
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
        elif other is not None and (other.actor.inter != 7 or sub == "Mob violence"):
            second = dataclasses.replace(other, role="actor2")
        elif state is not None:
            second = dataclasses.replace(state, role="actor2")
        elif sub == "Mob violence" and _MOB_VICTIM_WORDS & {t.lemma_.lower() for t in sent}:
            second = ActorRole("actor2", Actor("Civilians", 7))  # ACLED: a mob's victims are civilians
        else:
            second = None
        if (first, second) != (actor1, actor2):
            methods.append("actors:crowd-sides")
        return first, second

    def _intervening_force(self, doc: Doc, story: Sequence[SpacySpan]) -> ActorRole | None:
        """State forces acting in the incident's sentences: a subject ("police fired tear gas"), a "by" agent
        ("dispersed by police") or the other side of a fight ("engaged police in running battles")."""
        for s in story:
            for t in s:
                if t.pos_ not in {"NOUN", "PROPN"} or t.lemma_.lower() not in _FORCE_HEADS:
                    continue
                head = t.head
                acting = t.dep_ == "nsubj" or (t.dep_ == "pobj" and head.lower_ in {"by", "with"}) or (
                    t.dep_ in {"dobj", "conj"} and head.lemma_.lower() in _FIGHT_VERBS)
                if t.dep_ == "conj" and head.dep_ in {"nsubj", "pobj"}:
                    acting = True  # "police and soldiers fired …"
                if not acting:
                    continue
                found = self._actor_of(doc, t)
                if found is not None and found.actor.inter == 1:
                    return dataclasses.replace(found, role="actor2")
        return None

    def _main_actors(self, document: Document, doc: Doc, sents: list[SpacySpan]) -> _MainActors | None:
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
                a1, a2, _ = self._actors(trigger_roles(hit.token, hit.head), hit.category, doc)
                if a1 is not None:
                    return _MainActors(a1, a2, hit.category)
        if document.title and (not sents or document.title.strip()[:40] not in sents[0].text):
            return self._title_actors(document.title)
        return None

    def _title_actors(self, title: str) -> _MainActors | None:
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

    # -- places ----------------------------------------------------------------------------------------------

    def _places(
        self,
        doc: Doc,
        event: _Event,
        mentions: list[PlaceMention],
        source_spans: list[Span],
        actor_spans: list[tuple[int, int]],
        role_places: list[Token],
    ) -> list[PlaceMention]:
        clause_chars = _char_ranges(doc, event.clause)
        # The clause's outer bounds first: a cheap test that keeps the work per event from growing with the
        # document's mentions.
        lo, hi = (clause_chars[0][0], clause_chars[-1][1]) if clause_chars else (0, 0)
        inside = [m for m in mentions
                  if m.span.start < hi and lo < m.span.end and _overlaps(m.span.start, m.span.end, clause_chars)]
        kept: list[tuple[PlaceMention, list[Token]]] = []
        for m in inside:
            if any(s.start <= m.span.start < s.end for s in source_spans):
                continue
            if any(a <= m.span.start < b for a, b in actor_spans):
                continue
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            toks = _extend_place(list(span))
            if _modifies_actor(toks) or self.actors.is_demonym(m.span.text) or self._names_actor(m.span.text):
                continue
            if m.span.text.lower().strip() in _BLOCS or (span[0].i > 0 and doc[span[0].i - 1].lower_ == "the" and
                                                          m.span.text.lower() in _COMPASS):  # fmt: skip
                continue  # "the West": a bloc, not a place
            kept.append((m, toks))
        # Context places: "X, the capital of Y province", "Y's X district", "in X near Y" → Y only locates X; but
        # where X is a name the gazetteer cannot place ("the X district of Y"), Y is the best point known.
        if any(m.place is not None for m, _ in kept):
            kept = [(m, t) for m, t in kept if m.place is not None]
        main = [(m, t) for m, t in kept if not _subordinate(t, [u for n, u in kept if n is not m])]
        if any(not _route_or_origin(t) for _, t in main):
            main = [(m, t) for m, t in main if not _route_or_origin(t)]
        if any(not _country_level(m) for m, _ in main):
            main = [(m, t) for m, t in main if not _country_level(m)]
        # A resolved admin unit that contains another place of the clause is context too.
        out = [m for m, _ in main]
        out = [m for m in out if not any(_contains(m, o) for o in out if o is not m)]
        return out

    def _wider_place(
        self,
        doc: Doc,
        event: _Event,
        sent: SpacySpan,
        mentions: list[PlaceMention],
        source_spans: list[Span],
        actor_spans: list[tuple[int, int]],
        role_places: list[Token],
        chosen: list[PlaceMention],
    ) -> tuple[list[PlaceMention], str]:
        """The clause names no place below the country: the place of the smallest phrase around the trigger that
        names one ("traders in X held a protest", where the trigger is the noun), up to the whole sentence; else the
        report's place: the lead place of the nearest sentence before, then after ("… lynched at a village. Residents
        said … in X town"). A country the clause names keeps places inside it only."""
        countries = {m.place.country for m in chosen if m.place is not None}

        def fits(found: list[PlaceMention]) -> list[PlaceMention]:
            return [m for m in found if not _country_level(m) and m.place is not None
                    and (not countries or m.place.country in countries)]

        starts = [m.span.start for m in mentions]
        tok, last = event.hit.head, (-1, -1)
        while True:
            lo, hi = tok.left_edge.i, tok.right_edge.i + 1
            a, b = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
            k = bisect.bisect_left(starts, a)
            if (lo, hi) != last and k < len(starts) and starts[k] < b:
                found = fits(self._places(doc, _Event(event.hit, set(range(lo, hi))), mentions, source_spans,
                                          actor_spans, role_places))
                if found:
                    return [_most_specific(found)], "sentence"
            last = (lo, hi)
            if tok.head.i == tok.i or tok.head.i < sent.start or tok.head.i >= sent.end:
                break
            tok = tok.head
        sents = _sentences(doc)
        k = next((i for i, s in enumerate(sents) if s.start == sent.start), None)
        if k is None:
            return [], ""
        for j in [*range(k - 1, -1, -1), *range(k + 1, len(sents))]:
            lead = fits(self._lead_places(doc, sents[j], mentions))
            if lead:
                return [_most_specific(lead)], "report"
        return [], ""

    def _lead_places(self, doc: Doc, sent: SpacySpan, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A sentence's own places, context places aside (cached on the doc: each sentence is read once)."""
        cache = doc.user_data.setdefault("fw_lead_places", {})
        key = (sent.start, id(mentions))
        if key not in cache:
            a, b = sent.start_char, sent.end_char
            if any(a <= m.span.start < b for m in mentions):
                whole = _Event(TriggerHit(sent.root, _NO_ENTRY, sent.root), set(range(sent.start, sent.end)))
                cache[key] = self._places(doc, whole, mentions, [], [], [])
            else:
                cache[key] = []
        return cache[key]

    def _names_actor(self, text: str) -> bool:
        """ "NATO", "Taliban": a named group, whatever a gazetteer may hold under that name."""
        actor = self.actors.canonical(text)
        return actor is not None and actor.name not in self.actors.generic

    def _anaphor_place(
        self, doc: Doc, text: str, event: _Event, mentions: list[PlaceMention], sent: SpacySpan
    ) -> PlaceMention | None:
        for i in sorted(event.clause):
            tok = doc[i]
            lemma = tok.lemma_.lower()
            group = next((g for g in _ANAPHORS if lemma in g), None)
            if group is None or tok.pos_ != "NOUN":
                continue
            if not any(c.lower_ in {"the", "that", "this"} for c in tok.children):
                continue
            earlier = [m for m in mentions if m.span.end <= sent.start_char]
            if lemma == "capital":
                # "the (Afghan) capital": the last capital city named before (a dateline's, often)
                capital = next((m for m in reversed(earlier) if m.place is not None and m.place.feature_code == "PPLC"),
                               None)
                if capital is not None:
                    start, end = np_bounds(tok)
                    return PlaceMention(Span.of(text, start, end), capital.place, capital.score,
                                        f"anaphora:capital<-{capital.span.text}")
            for m in reversed(earlier):
                # "Kabul airport", "Kabul's airport" or a mention that is itself "Kabul Airport"
                after = text[m.span.end : m.span.end + 40].lower()
                words = re.findall(r"[a-z]+", m.span.text.lower()) + re.findall(r"[a-z]+", after)[:3]
                if any(w in group or w.rstrip("s") in group for w in words):
                    start, end = np_bounds(tok)
                    return PlaceMention(Span.of(text, start, end), m.place, m.score, f"anaphora:{lemma}<-{m.span.text}")
        return None

    # -- typing ----------------------------------------------------------------------------------------------

    def _type(
        self,
        event: _Event,
        category: str,
        actor1: ActorRole | None,
        actor2: ActorRole | None,
        doc: Doc,
        pred: tuple[str, float] | None,
        methods: list[str],
    ) -> tuple[str, str | None, float]:
        if event.hit.entry.index < 0 and pred is not None:  # an event only the classifier saw
            label, prob = pred
            methods.append(f"model:{label}@{prob:.2f}")
            return SUB_EVENT_TYPES[label], label, prob - 0.1
        if is_nonevent(self.lexicon, event.hit, event.clause):
            # Non-event context words are coarse ("suicide bombings at two markets", "looted during the lockdown"):
            # a classifier sure of a sub-type the trigger allows overrules them.
            if not (pred is not None and pred[0] in SUB_EVENT_TYPES and pred[1] >= MODEL_OVER_NONEVENT
                    and SUB_EVENT_TYPES[pred[0]] in _COMPATIBLE.get(category, frozenset())):
                methods.append("nonevent:context")
                return NOT_AN_EVENT, None, 0.6
            methods.append("nonevent:overruled")
        default_sub = self.lexicon.categories[category][1]
        event_type, sub, conf, category = self._rule_type(event, category, actor1, actor2, doc, methods)
        if pred is None:
            return event_type, sub, conf
        # Within demonstrations the words the rules read (tear gas, live fire, stones thrown, who hit whom) decide
        # between intervention, excessive force and violence; the n-grams confuse those most (CASE CV).
        cued_protest = sub in _PROTEST_FAMILY and sub != default_sub
        # The classifier: not an event, or another sub-type, when it is sure enough.
        label, prob = pred
        allowed = _COMPATIBLE.get(category, frozenset())
        if label == NOT_AN_EVENT:
            # "a car bomb exploded", "a mortar hit": a weapon of war says it was no accident or crime, whatever
            # the n-grams make of it (the training snippets file some bombings under crime)
            armed = bool({doc[i].lemma_.lower() for i in event.clause} & _WEAPON_WORDS)
            threshold = MODEL_NOT_EVENT_ARMED if armed else MODEL_NOT_EVENT if category in _WEAK else (
                MODEL_NOT_EVENT_STRONG)
            if prob >= threshold:
                methods.append(f"model:{NOT_AN_EVENT}@{prob:.2f}")
                return NOT_AN_EVENT, None, prob
        elif label in SUB_EVENT_TYPES and (label not in _TAKING or category in _TAKING_CATEGORIES) and not (
            cued_protest and label in _PROTEST_FAMILY
        ) and not _contradicts_rules(label, sub, category, actor1, event.hit.entry.lemma, actor2) and not (
            # who took it decides which side regained and which overtook: the text names it, the n-grams guess
            label in _TAKING and sub in _TAKING and actor1 is not None and actor1.actor.inter is not None
        ) and (
            prob >= MODEL_RETYPE or (prob >= MODEL_COMPATIBLE and SUB_EVENT_TYPES[label] in allowed)
        ):
            event_type, sub = SUB_EVENT_TYPES[label], label
            methods.append(f"model:{label}@{prob:.2f}")
            conf = max(conf, prob)
        elif label in SUB_EVENT_TYPES and SUB_EVENT_TYPES[label] != event_type:
            conf -= 0.1
        assert sub is None or sub in EVENT_TYPES[event_type]
        return event_type, sub, conf

    def _rule_type(
        self,
        event: _Event,
        category: str,
        actor1: ActorRole | None,
        actor2: ActorRole | None,
        doc: Doc,
        methods: list[str],
    ) -> tuple[str, str | None, float, str]:
        """Type and sub-type by the trigger's category, its actors and its clause; and the category it settled on."""
        lex = self.lexicon
        event_type, sub = lex.categories[category]
        default_sub = sub
        conf = 0.85 if category not in _WEAK else 0.7
        clause_lemmas = {doc[i].lemma_.lower() for i in event.clause} | {doc[i].lower_ for i in event.clause}
        absorbed = {h.category for h in event.absorbed}
        inter1 = actor1.actor.inter if actor1 else None
        inter2 = actor2.actor.inter if actor2 else None
        # "without a fight / resistance" says the opposite of fighting
        peaceful = {
            doc[i].i for i in event.clause for w in doc[i].ancestors if w.lower_ == "without" and w.i in event.clause
        }
        fight_lemmas = {doc[i].lemma_.lower() for i in event.clause if i not in peaceful}
        fighting = bool(absorbed & {"clash", "attack", "kill", "injure", "shelling", "airstrike", "territory"}) or bool(
            fight_lemmas & _FIGHTING
        )
        if category == "control" and not fighting:
            # "took control of X after recapturing Y": a capture told beside it says this was no hand-over
            fighting = any(h.category == "territory" for h in find_triggers(lex, event.hit.token.sent))
        if category == "control" and fighting:
            category = "territory"
            methods.append("control+fighting")
        if category == "territory":
            event_type = "Battles"
            # an unnamed side driving out rebels is, in news of a war, the state's
            regain = inter1 == 1 or (inter1 is None and inter2 in {2, 3} and event.hit.entry.lemma in _EXPEL)
            sub = "Government regains territory" if regain else "Non-state actor overtakes territory"
            methods.append(f"territory:actor1-inter={inter1}")
            return event_type, sub, conf, category
        if category == "control":
            return event_type, sub, conf, category
        # ordinary people (ACLED's civilians) who attack or fight as a group are a mob: a riot, not a battle
        crowd1 = inter1 == 7 and actor1 is not None and _many(actor1)
        if category in {"attack", "kill", "injure"}:
            if inter2 == 7 or (inter2 is None and category != "attack"):
                event_type, sub = "Violence against civilians", "Attack"
            elif inter2 in _ARMED or (inter1 in _ARMED and category == "attack"):
                event_type, sub = "Battles", "Armed clash"
            if inter1 in {5, 6} or inter2 in {6} or crowd1:
                event_type, sub = _riot(inter1, event, doc)
            if inter1 == 1 and inter2 == 6:  # state forces shooting at demonstrators
                event_type, sub = "Protests", "Excessive force against protesters"
        named7 = (inter1 == 7 and actor1 is not None and actor1.span is not None) or (
            inter2 == 7 and actor2 is not None and actor2.span is not None)
        if category == "clash" and (inter1 in {5, 6} or inter2 in {5, 6} or (named7 and (
                {inter1, inter2} <= {1, 7, None} and not _deaths(_story(event.hit.token.sent, back=1))))):
            # "youths clashed with police", "traders and police engaged in running battles", "supporters of two
            # unions clashed": a riot; people who fight to kill are, for ACLED, armed groups (a battle)
            crowd = inter1 if inter1 in {5, 6, 7} else inter2
            event_type, sub = _riot(crowd, event, doc)
        if category == "looting" and (inter1 in {5, 6} or crowd1):
            event_type, sub = _riot(inter1, event, doc)
        if category in {"protest", "crowd"}:
            story = _story(event.hit.token.sent)
            sent_lemmas = _cue_lemmas(story[:1])
            # what the sentences after it tell of the same demonstration ("They blocked the road … Police
            # dispersed them"), unless the sentence itself says it stayed peaceful
            more = _cue_lemmas(story[1:]) if not sent_lemmas & {"peaceful", "peacefully"} else set()
            if _excessive(sent_lemmas):
                sub = "Excessive force against protesters"
            elif (sent_lemmas | more) & _VIOLENT_CROWD:
                event_type, sub = "Riots", "Violent demonstration"
            elif sent_lemmas & _INTERVENTION:
                sub = "Protest with intervention"
            elif _EXCESSIVE & {doc[i].lemma_.lower() for i in event.clause if not _grievance(doc[i])}:
                sub = "Excessive force against protesters"  # "a woman was killed by police during a demonstration"
            elif _excessive(sent_lemmas | more):
                sub = "Excessive force against protesters"
            elif more & _INTERVENTION:
                sub = "Protest with intervention"
            if sub != default_sub:
                methods.append(f"cues:{sub}")
        if category in {"shelling", "attack", "clash"} and _by_aircraft(event.hit):
            event_type, sub = "Explosions/Remote violence", "Air/drone strike"  # "jets fired missiles at …"
        if category == "arrest" and _at_a_protest(event.hit.token):
            event_type, sub = "Protests", "Protest with intervention"  # ACLED: protesters arrested at a protest
        if category in {"ied"} and "suicide" in clause_lemmas:
            sub = "Suicide bomb"
        return event_type, sub, conf, category


# --- helpers ------------------------------------------------------------------------------------------------------


def _by_aircraft(hit: TriggerHit) -> bool:
    """Aircraft do it: the subject of the verb carrying the trigger ("jets fired missiles") or its "by" agent
    ("raids by the army's helicopters")."""
    doers = [c for c in hit.head.children if c.dep_ == "nsubj"]
    doers += [p for c in hit.token.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for p in c.children]
    return any(w.lemma_.lower() in _AIRCRAFT for d in doers for w in d.subtree)


def _riot(inter: int | None, event: _Event, doc: Doc) -> tuple[str, str]:
    """ACLED: demonstrators turning violent make a violent demonstration (its actor is "Rioters" too); a mob or a
    crowd with no demonstration in the sentence makes mob violence."""
    sent = {t.lemma_.lower() for s in _story(event.hit.token.sent) for t in s}
    if inter == 5 and sent & _MOB_WORDS and not sent & _PROTEST_WORDS:
        return "Riots", "Mob violence"
    if inter == 7 and not sent & _PROTEST_WORDS:
        return "Riots", "Mob violence"  # "villagers attacked …", "hawkers fought police": no demonstration
    return "Riots", "Violent demonstration"


def _deaths(sents: Sequence[SpacySpan]) -> bool:
    """Do the sentences tell of someone killed ("two were killed", "left one dead"), not denied ("no deaths")?"""
    return any(t.lemma_.lower() in {"kill", "die", "dead", "death", "killing", "body", "fatality", "murder"}
               and not _grievance(t) for s in sents for t in s)


def _communal(trigger: Token) -> bool:
    """A fight a word calls communal ("ethnic clashes", "inter-clan fighting", "tribal skirmishes")."""
    words = {c.lower_ for c in trigger.children if c.dep_ in {"amod", "compound", "nmod"}}
    if trigger.i > trigger.sent.start:
        words.add(trigger.doc[trigger.i - 1].lower_)
    return any(w.strip("-") in _COMMUNAL_WORDS or w.removeprefix("inter").strip("-") in _COMMUNAL_WORDS
               for w in words)


_COMMUNAL_WORDS = frozenset({"tribal", "ethnic", "clan", "communal", "community", "tribe"})


def _many(role: ActorRole) -> bool:
    """An actor named as a group ("youths", "a crowd of residents", "villagers"), not one person."""
    words = re.findall(r"[a-z]+", role.span.text.lower()) if role.span is not None else []
    return any((w.endswith("s") and not w.endswith("ss")) or w in {"men", "people", "women", "youth", "group",
                                                                 "crowd", "children"} for w in words)


def _contradicts_rules(label: str, sub: str | None, category: str, actor1: ActorRole | None, lemma: str,
                       actor2: ActorRole | None = None) -> bool:
    """A classifier's sub-type that what the text names rules out, by ACLED's definitions: a battle where the
    trigger names the weapon (an air strike that kills soldiers stays an air strike), or a fight where a named
    taker took a place (only a hand-over without a fight may replace a taking; storming a building may be an
    attack); a battle against civilians (a battle takes two armed sides: an armed side harming civilians is
    violence against them)."""
    if category in _WEAPON_CATEGORIES and SUB_EVENT_TYPES[label] == "Battles":
        return True
    if SUB_EVENT_TYPES[label] == "Battles" and actor2 is not None and actor2.actor.inter == 7 and (
            actor1 is None or actor1.actor.inter in _ARMED):
        return True
    return (sub in _TAKING and actor1 is not None and actor1.actor.inter is not None and lemma != "storm"
            and label not in _TAKING and label != "Non-violent transfer of territory")


_WEAPON_CATEGORIES = frozenset({"airstrike", "shelling", "ied", "suicide", "grenade", "chemical"})


def _cue_lemmas(sents: Sequence[SpacySpan]) -> set[str]:
    """The sentences' lemmas that tell how a demonstration went: not what it was about ("marched to denounce
    violence", "rallied to mourn those killed", "protested against the killing of a student"); "violently" only
    where it says how force was used; "barricade" for a road the crowd blocked, "arson" for fires it lit, "warning"
    for shots into the air."""
    out = set()
    for sent in sents:
        for t in sent:
            lem = t.lemma_.lower()
            if _grievance(t):
                continue
            out.add(lem)
            objects = {c.lemma_.lower() for c in t.children if c.dep_ in {"dobj", "nsubjpass"}}
            if lem == "violently" and t.head.lemma_.lower() in _INTERVENTION:
                out.add("brutally")  # "violently dispersed / suppressed": excessive force
            elif lem == "violently" and t.head.lemma_.lower() in _PROTEST_VERBS:
                out.add("violent")  # "violently protested"
            elif lem in {"block", "barricade", "obstruct", "paralyse", "paralyze", "close"} and objects & _ROADS:
                doers = [w for c in t.children if c.dep_ == "nsubj" for w in c.subtree]
                if not any(w.lemma_.lower() in _FORCE_HEADS for w in doers):
                    out.add("barricade")  # "students blocked the highway", not "police blocked the road"
            elif lem in {"light", "set"} and objects & {"fire", "bonfire", "tyre", "tire"}:
                out.add("arson")
            elif lem in {"shoot", "fire"} and any(c.dep_ == "prep" and c.lower_ in {"in", "into"} and any(
                    g.lemma_.lower() == "air" for g in c.children) for c in t.children):
                out.discard(lem)
                out.add("warning")  # "police shot in the air to disperse them": an intervention, no excessive force
            elif lem in {"battle", "fight"} and t.pos_ == "NOUN":
                out.add("clash")  # "running battles with police", "engaged police in fierce fights"
    return out


def _grievance(t: Token) -> bool:
    """A word of what a demonstration was about: under a verb of grievance, the object of protesting, or the
    "against / over / following" phrase of a protest."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children):
        return True  # "no reported violence", "did not block": a cue denied
    for a, _ in zip([t, *t.ancestors], range(7), strict=False):
        if a.dep_ == "acl" and a.tag_ == "VBG":
            return False  # "protested the eviction, blocking the road": what they did, whatever the parse hung it on
        if a is not t and a.lemma_.lower() in _GRIEVANCE_HEADS:
            return True
        if a.dep_ == "prep" and a.lower_ in _GRIEVANCE_PREPS and a.head.lemma_.lower() in _PROTEST_VERBS:
            return True
        if a.dep_ == "dobj" and a.head.lemma_.lower() in _PROTEST_VERBS | _GRIEVANCE_HEADS:
            return True  # "protested the arrest of …", "condemned the attack"
    return False


def _excessive(cues: set[str]) -> bool:
    return bool(cues & _EXCESSIVE and cues & {"protester", "demonstrator", "protestor", "crowd", "brutally",
                                              "excessive"})


def _story(sent: SpacySpan, back: int = 0) -> list[SpacySpan]:
    """A sentence and those after it that go on telling the same incident: the rest of its paragraph (up to three
    sentences), until one begins another incident ("In a separate incident", "A similar protest …") or reports an
    event of a kind a demonstration does not include (a bombing, a capture, a deal); with `back`, up to that many
    sentences before it in its paragraph too ("Five were killed … after residents clashed")."""
    doc = sent.doc
    sents = doc.user_data.get("fw_sents")
    if sents is None:
        sents = doc.user_data["fw_sents"] = list(doc.sents)
    index = doc.user_data.get("fw_sent_index")
    if index is None:
        index = doc.user_data["fw_sent_index"] = {s.start: k for k, s in enumerate(sents)}
    categories = doc.user_data.get("fw_sent_categories", {})
    text = _doc_text(doc)
    k = index.get(sent.start)
    out = [sent]
    if k is None:
        return out
    for nxt in sents[k + 1 : k + 1 + _STORY_SENTENCES]:
        if "\n\n" in text[out[-1].end_char : nxt.start_char] or _OTHER_INCIDENT.match(nxt.text):
            break
        if categories.get(nxt.start, frozenset()) - _STORY_CATEGORIES:
            break
        out.append(nxt)
    first = sent
    for prev in reversed(sents[max(0, k - back) : k]):
        if "\n\n" in text[prev.end_char : first.start_char] or _OTHER_INCIDENT.match(first.text):
            break
        out.append(prev)  # after the ones that follow: the sentence itself stays first
        first = prev
    return out


_STORY_SENTENCES = 3
_STORY_CATEGORIES = frozenset({"protest", "crowd", "riot", "mob", "clash", "attack", "kill", "injure", "arrest",
                               "looting"})
_OTHER_INCIDENT = re.compile(r"\W*(?:in\s+(?:an)?other|in\s+a\s+(?:separate|similar|related)|a\s+similar|"
                             r"similarly|meanwhile|elsewhere|separately|earlier|the\s+(?:previous|following|next)\s+"
                             r"(?:day|week|night)|on\s+the\s+(?:same|following|next|previous)\s+day)\b", re.I)
_GRIEVANCE_HEADS = frozenset({"denounce", "mourn", "commemorate", "decry", "remember", "honour", "honor", "condemn",
                              "demand", "oppose"})
_GRIEVANCE_PREPS = frozenset({"against", "over", "following", "after", "about", "for"})
_PROTEST_VERBS = frozenset({"protest", "demonstrate", "demonstration", "march", "rally", "strike", "picket",
                            "demo", "riot"})
_ROADS = frozenset({"road", "highway", "street", "traffic", "route", "junction", "roundabout", "bridge", "railway",
                    "entrance", "gate", "avenue", "lane", "thoroughfare", "motorway", "carriageway"})
# Nouns that name state forces, and verbs of fighting whose object is the other side.
_FORCE_HEADS = frozenset({"police", "policeman", "policemen", "officer", "soldier", "troop", "army", "military",
                          "force", "security", "gendarme", "gendarmerie", "askari", "guard", "ranger"})
_FIGHT_VERBS = frozenset({"engage", "fight", "battle", "confront", "clash", "attack", "stone", "pelt"})
_MOB_VICTIM_WORDS = frozenset({"lynch", "kill", "beat", "injure", "attack", "assault", "burn", "stone", "hack",
                               "murder", "torture", "wound", "lynching", "death"})


def _at_a_protest(arrest: Token) -> bool:
    """Arrests made at a protest ("detained during an attempt to protest", "arrested 180 as supporters staged
    sit-ins", "arrested protesters"), not of people for organising one ("arrested an activist for organising
    protests")."""
    if any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _CROWD_NOUNS for c in arrest.children):
        return True
    for t in arrest.sent:
        if t.lemma_.lower() not in _PROTEST_WORDS or t.i == arrest.i:
            continue
        path = [a for a in t.ancestors if a.i != arrest.i and arrest in a.ancestors]
        if arrest not in t.ancestors or len(path) > 4:
            continue
        if any(w.lower_ in {"during", "at", "amid", "as", "when", "while"} for a in [t, *path] for w in
               ([a] + [c for c in a.children if c.dep_ in {"mark", "advmod"}])):
            return True
    return False


_CROWD_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "striker"})
# Things an armed side holds or moves in: attacking them attacks that side
_HELD_BY = frozenset({"position", "base", "convoy", "checkpoint", "camp", "outpost", "patrol", "post", "vehicle",
                      "barracks", "garrison", "headquarters", "stronghold", "unit", "column", "airbase", "trench"})
_MOB_WORDS = frozenset({"mob", "crowd", "vigilante", "lynch"})
_PROTEST_WORDS = frozenset({"protest", "protester", "protestor", "demonstration", "demonstrator", "rally", "march",
                            "marcher", "strike", "striker", "sit-in"})


def _in_context(sents: Sequence[SpacySpan], width: int) -> list[str]:
    """Each sentence with `width` sentences either side (of the same document), as the classifier reads it."""
    if width <= 0 or not sents:
        return [s.text for s in sents]
    doc = sents[0].doc
    all_sents = list(doc.sents)
    where = {s.start: k for k, s in enumerate(all_sents)}
    out = []
    for s in sents:
        k = where[s.start]
        window = all_sents[max(0, k - width): k + width + 1]
        out.append(doc[window[0].start: window[-1].end].text)
    return out


# "near X", "outside X", "20 km from X": ACLED's precision 2 for a town.
_NEAR = re.compile(r"\b(?:near(?:by)?|outside(?:\s+of)?|outskirts\s+of|close\s+to|around|(?:km|kms|kilometers|"
                   r"kilometres|miles)\s+(?:from|of|outside|north|south|east|west))\s+(?:the\s+)?(?:town\s+of\s+)?$",
                   re.IGNORECASE)


# A named local place the gazetteer may not hold: "X village", "X sub-county", "X trading centre".
_LOCAL_NAME = re.compile(r"\b[A-Z][\w'’-]+\s+(?:village|location|sub[-\s]?county|ward|division|constituency|estate|"
                         r"(?:trading\s+)?centre|market|settlement|area)\b")


def _with_precision(text: str, m: PlaceMention, mentions: list[PlaceMention], sent: SpacySpan) -> PlaceMention:
    """ACLED's geo precision of an event's place: 2 for a town the event was near ("near X", "outside X"), and for a
    province that stands for a smaller place of the sentence the gazetteer cannot place (the event is part of the
    region, coded at its seat); else the place's own (1 a town, 2 a district, 3 a province)."""
    p = m.place
    if p is None or p.geo_precision is None:
        return m
    near = p.geo_precision == 1 and _NEAR.search(text, max(0, m.span.start - 40), m.span.start) is not None
    part = p.geo_precision == 3 and p.feature_code in ("ADM1", "ADM1H") and (any(
        o.place is None and sent.start_char <= o.span.start < sent.end_char for o in mentions)
        or _LOCAL_NAME.search(text, sent.start_char, sent.end_char) is not None)
    if near or part:
        return dataclasses.replace(m, place=dataclasses.replace(p, geo_precision=2))
    return m


def _most_specific(found: list[PlaceMention]) -> PlaceMention:
    """The town before the county it is in, then the first named."""
    return min(found, key=lambda m: (m.place.geo_precision or 3) if m.place is not None else 4)


def _sentences(doc: Doc) -> list[SpacySpan]:
    sents = doc.user_data.get("fw_sents")
    if sents is None:
        sents = doc.user_data["fw_sents"] = list(doc.sents)
    return sents


def _places_in(doc: Doc, clause: set[int], mention_starts: Sequence[int]) -> bool:
    """Does a place mention start inside the clause? `mention_starts` sorted: a bisection per token range, not a
    scan of every mention of the document (a long document has hundreds)."""
    for a, b in _char_ranges(doc, clause):
        k = bisect.bisect_left(mention_starts, a)
        if k < len(mention_starts) and mention_starts[k] < b:
            return True
    return False


_CLAIM_VERBS = frozenset({"claim", "take", "accept", "admit"})
# Nouns by which a sentence points back at the event just told ("… during the operation", "… for the attack").
_EVENT_NOUNS = (r"(?:military\s+)?(?:operations?|fighting|clash(?:es)?|attacks?|assault|offensive|battle|raid|ambush|"
                r"bombings?|blasts?|explosions?|killings?|abduction|kidnapping|strikes?|shelling|shooting|"
                r"clearing\s+operation)")
_BACK_REFERENCE_NOUN = re.compile(rf"\bfor\s+(?:the|this|that|these|those)\s+(?:\w+\s+)?{_EVENT_NOUNS}\b",
                                  re.IGNORECASE)


def _claimant(trigger: Token) -> Token | None:
    """ "X claims drone attack", "X claimed responsibility for the bombing": X did it."""
    head = trigger.head
    if trigger.dep_ == "dobj" and head.lemma_.lower() == "claim":
        return _claiming(head)
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsibility", "credit"):
        return _claiming(head.head.head)
    return None


def _claiming(verb: Token) -> Token | None:
    """The subject of a verb of claiming ("X claimed / took / admitted …")."""
    if verb.lemma_.lower() not in _CLAIM_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _with_actor1(claim: Claim, actor: ActorRole) -> Claim:
    unnamed = "actor1:unidentified-by-type" in claim.method.split()  # a default, not a name the text gave
    if (claim.actor("actor1") is not None and not unnamed) or claim.actor("actor2") == actor.actor:
        return claim
    roles = (dataclasses.replace(actor, role="actor1"), *(r for r in claim.actors if r.role != "actor1"))
    return dataclasses.replace(claim, actors=roles, method=claim.method + " actor1:claimed-next-sentence")


# "… killed during the operation": a definite event noun points back at the event just told.
_BACK_REFERENCE = re.compile(rf"\b(?:during|in|after|since)\s+(?:the|this|that)\s+{_EVENT_NOUNS}\b", re.IGNORECASE)


def _casualty_follow_up(found: list[Claim], text: str, prev_end: int, start: int, end: int) -> bool:
    """A next sentence that only gives a toll, with no place or perpetrator of its own ("5 soldiers were killed.");
    across a paragraph break, or with arrests, only when it points back at the event ("… during the operation")."""
    if not found:
        return False
    back = _BACK_REFERENCE.search(text, start, end)
    if "\n\n" in text[prev_end:start] and back is None:
        return False
    tolls = {"category:kill", "category:injure"} | ({"category:arrest", "category:abduct"} if back else set())

    def pointer(c: Claim) -> bool:  # "the assault" that points back is that event, not another
        return back is not None and c.trigger is not None and back.start() <= c.trigger.start < back.end()

    told = [c for c in found if not pointer(c)]
    return bool(told) and all(
        c.trigger is not None
        and c.method.split(" ")[1] in tolls
        and (not c.places or "place:report" in c.method.split())  # a place of its own, not the report's
        and (c.actor("actor1") is None or _victim_as_agent(c)
             or {"actor1:unidentified-by-type", "actors:report"} & set(c.method.split()))  # no doer of its own
        and c.counts
        for c in told
    )


def _victim_as_agent(c: Claim) -> bool:
    """ "Two civilians killed.": the parser reads the dead as the subject of an active "killed"; its actor 1 then
    lies inside the toll's own words."""
    a = next((r for r in c.actors if r.role == "actor1"), None)
    return a is not None and a.span is not None and any(
        k.span is not None and k.span.start <= a.span.start and a.span.end <= k.span.end for k in c.counts)


def _bare_toll(c: Claim) -> bool:
    """A claim that only tells a toll beside the sentence's event: a killing or wounding word with figures and no
    place (its "perpetrator" is often the parser's misreading of "…, five soldiers killed")."""
    return (c.trigger is not None and c.method.split(" ")[1] in ("category:kill", "category:injure")
            and not c.places and bool(c.counts))


def _tolls_to_event(found: list[Claim], sent_counts: Sequence[Count]) -> list[Claim]:
    """ "Militants attack forces in X on Monday, five soldiers killed, eight wounded": the toll clause of a sentence
    that also tells the event is that event's toll, not a second event without a place (which fusion drops). So is
    a toll outside every event's clause ("Four people are feared dead after raiders ambushed herders")."""
    tolls = [c for c in found if _bare_toll(c)]
    events = [c for c in found if c not in tolls and c.event_type != NOT_AN_EVENT]
    violent = [c for c in events if c.sub_event_type not in NO_FATALITIES]
    told = {id(k) for c in found for k in c.counts}
    loose = [k for k in sent_counts if id(k) not in told and k.what == CountKind.KILLED and k.value is not None]
    if not violent or any(k.what == CountKind.KILLED for c in events for k in c.counts):
        loose = []
    extra = [k for t in tolls for k in t.counts] + loose
    if not extra or not events:
        return found
    first = violent[0] if violent else events[0]
    return [_with_counts(c, extra, "same-sentence") if c is first else c for c in found if c not in tolls]


def _toll_only(sent: SpacySpan, text: str, prev_end: int) -> list[Count]:
    """The figures of a sentence without an event word that only tells a toll ("14 dead.", "Three deaths
    reported."), in the paragraph of the event before it (or pointing back at it: "… during the attack")."""
    counts = [c for c in _find_counts(sent) if c.what in (CountKind.KILLED, CountKind.INJURED) and c.value is not None]
    if not counts or ("\n\n" in text[prev_end:sent.start_char]
                      and _BACK_REFERENCE.search(text, sent.start_char, sent.end_char) is None):
        return []
    return counts


def _with_counts(claim: Claim, told: Sequence[Count], how: str = "next-sentence") -> Claim:
    # the same figure read by two clauses of the follow-up ("30 killed and 12 arrested") counts once
    have = {(k.what, k.value, k.low, k.high) for k in claim.counts}
    extra: list[Count] = []
    for k in told:
        if (k.what, k.value, k.low, k.high) not in have:
            have.add((k.what, k.value, k.low, k.high))
            extra.append(k)
    if not extra:
        return claim
    counts = claim.counts + tuple(extra)
    # one account's later figure for its event is a part or an update of its toll ("… the toll rose to six")
    fatalities = _acled_fatalities(extra)
    if claim.sub_event_type in NO_FATALITIES:
        fatalities = 0
    return dataclasses.replace(
        claim,
        counts=counts,
        fatalities_acled=max(claim.fatalities_acled, fatalities),
        method=claim.method + f" counts:{how}",
    )


def _doc_text(doc: Doc) -> str:
    # Doc.text joins every token anew; keep it once per document
    text = doc.user_data.get("fw_text")
    if text is None:
        text = doc.user_data["fw_text"] = doc.text
    return text


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _indirect_question(hit: TriggerHit) -> bool:
    """ "uncertainty about which areas had been recaptured", "whether the fighting had finished": not a claim."""
    head = hit.head
    heads = [head, hit.token.head] if hit.token.dep_ in {"nsubj", "nsubjpass"} else [head]
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for h in heads for c in h.children):
        return True
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(d.lower_ in {"which", "what", "whichever"} and d.dep_ == "det" for s in subjects for d in s.children)


def _is_ancestor(a: Token, b: Token) -> bool:
    return any(x.i == a.i for x in b.ancestors)


def _trimmed(text: str, start: int, end: int) -> Span:
    chunk = text[start:end]
    stripped = chunk.rstrip()
    lead = len(chunk) - len(chunk.lstrip())
    return Span.of(text, start + lead, start + len(stripped))


def _char_ranges(doc: Doc, idx: set[int]) -> list[tuple[int, int]]:
    return [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in sorted(idx)]


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in ranges)


def _extend_place(toks: list[Token]) -> list[Token]:
    """A toponym's tokens plus the generic place nouns it names ("X district", "X and Y districts")."""
    out = list(toks)
    ids = {t.i for t in toks}
    for t in toks:
        if t.dep_ not in {"compound", "amod"}:
            continue
        head = t.head
        steps = 0
        while head.i not in ids and head.lemma_.lower() in _PLACE_NOUNS and steps < 3:
            out.append(head)
            ids.add(head.i)
            head = head.head
            steps += 1
    return out


def _root_of(toks: list[Token]) -> Token:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head == t:
            return t
    return toks[0]


def _modifies_actor(toks: list[Token]) -> bool:
    root = _root_of(toks)
    return root.dep_ in {"compound", "amod", "nmod", "poss"} and root.head.lemma_.lower() in _ACTOR_HEADS


def _route_or_origin(toks: list[Token]) -> bool:
    """ "the X-Y highway", "X road": the place names a road; "herders from X", "vans from X to Y": where they came
    from or went."""
    root = _root_of(toks)
    head = root.head
    for _ in range(3):  # "the X - Y highway": the name may hang from its partner before the road noun
        if head.lemma_.lower() in _ROUTE_HEADS:
            return True
        if head.i == head.head.i or head.dep_ not in {"compound", "amod", "nmod", "npadvmod", "conj", "punct"}:
            break
        head = head.head
    return root.dep_ == "pobj" and root.head.lower_ in {"from", "to"}


def _subordinate(toks: list[Token], others: list[list[Token]]) -> bool:
    """Whether a place only locates another one of the clause: reached from it without a coordination."""
    other_ids = {t.i for o in others for t in o}
    if not other_ids:
        return False
    first = min(toks, key=lambda t: t.i)
    if first.i > 0 and first.doc[first.i - 1].text == "(":
        return True  # "Qala city (Badghis)": a parenthesis locates what precedes it
    root = cur = _root_of(toks)
    for _ in range(8):
        # coordination; an apposition of two names is a list the parser misread ("the A, B and C districts"),
        # and "X, Y-province" is caught by the containment rule once resolved
        if cur.dep_ == "conj" or (cur is root and cur.dep_ == "appos") or cur.head == cur:
            return False
        cur = cur.head
        if cur.i in other_ids:
            return True
        if cur.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _country_level(m: PlaceMention) -> bool:
    p = m.place
    if p is None:
        return False
    fc = p.feature_code or ""
    return fc.startswith(_COUNTRY_CODES) or (p.admin1_code is None and p.country is not None and fc.startswith("PCL"))


def _contains(big: PlaceMention, small: PlaceMention) -> bool:
    b, s = big.place, small.place
    if b is None or s is None or b == s:
        return False
    fc = b.feature_code or ""
    if fc == "ADM1" and b.admin1_code and s.admin1_code == b.admin1_code and s.feature_code != "ADM1":
        return True
    return fc == "ADM2" and bool(b.admin2_code) and s.admin2_code == b.admin2_code and (s.feature_code or "") != "ADM2"


def _previous_place(mentions: list[PlaceMention], before: int, sent: SpacySpan, doc: Doc) -> PlaceMention | None:
    """The last place named before a pronoun, in its sentence or the one before."""
    prev_start = sent.start_char
    for s in doc.sents:
        if s.end_char <= sent.start_char:
            prev_start = s.start_char
    cands = [m for m in mentions if prev_start <= m.span.start and m.span.end <= before and not _country_level(m)]
    return cands[-1] if cands else None


def report_country_of(document: Document) -> str | None:
    """The country a report is about, where its input says so (a sidecar's or a data set's `country`): the country
    of the state forces it names without one."""
    own = getattr(document, "country", None)
    return own or next((v for k, v in document.metadata if k.lower() == "country" and v), None)


def _external(role: ActorRole | None, places: Sequence[PlaceMention], actors: ActorDictionary,
              report_country: str | None = None) -> ActorRole | None:
    if (
        role is None
        or role.actor.inter != 1
        or not role.actor.name.startswith(("Military Forces of", "Police Forces of"))
    ):
        return role
    country = role.actor.name.split(" of ", 1)[1]
    if report_country is not None and actors.country_name(report_country) == country:
        return role  # the report's own country's forces, wherever a toponym resolved
    where = {m.place.country for m in places if m.place is not None and m.place.country}
    if where and all(actors.country_name(c) != country for c in where):
        return dataclasses.replace(role, actor=Actor(role.actor.name, 8))
    return role


def ner_places(document: Document, doc: Doc) -> list[PlaceMention]:
    """Unresolved toponyms from spaCy's entities: the stand-in when no geoparser is at hand."""
    return [
        PlaceMention(Span.of(document.text, e.start_char, e.end_char), None, None, f"ner:{e.label_}")
        for e in doc.ents
        if e.label_ in {"GPE", "LOC", "FAC"}
    ]
