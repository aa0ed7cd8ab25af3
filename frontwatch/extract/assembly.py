"""Claim assembly: sentence → triggers → events (clauses) → actors → places → type → time → counts → sources →
certainty → `Claim`s (`Extractor`), and what the following sentences add to them.

One claim per event-bearing clause and place ("X and Y districts were seized" → two claims). Every field keeps the
span it came from; `method` lists the rules and the model that produced the claim.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.annotate import annotate
from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.assembler import LanguagePack, SharedSteps, Sides, Typed, assemble, own_places
from frontwatch.extract.attribution import attribute, certainty_for
from frontwatch.extract.background import (
    background_reason,
    broken_agreement,
    facility_namesakes,
    generic_mention,
    time_before_main,
)
from frontwatch.extract.claim_actors import ActorReader, _MainActors
from frontwatch.extract.claims import _external, _find_counts, report_country_of
from frontwatch.extract.counts import parse_number
from frontwatch.extract.crowd_cues import fought_back
from frontwatch.extract.event_typing import MODEL_NOT_EVENT_ALL, MODEL_RETYPE, Typer
from frontwatch.extract.events import _ARMED, EventFinder, _Event
from frontwatch.extract.follow_ups import (
    _BACK_REFERENCE_NOUN,
    _casualty_follow_up,
    _claimant,
    _claiming,
    _elaborations_keep_the_toll,
    _one_toll_per_event,
    _points_back_only,
    _replace_told,
    _story_toll,
    _toll_only,
    _tolls_to_event,
    _with_actor1,
    _with_counts,
)
from frontwatch.extract.incidents import one_incident
from frontwatch.extract.namesakes import namesakes_abroad
from frontwatch.extract.place_mentions import ORIGIN, _country_level, _previous_place, _with_precision
from frontwatch.extract.places import PlacePicker, ner_places
from frontwatch.extract.roles import PRONOUNS, Roles, trigger_roles
from frontwatch.extract.sentences import _char_ranges, _in_context, _overlaps, _trimmed
from frontwatch.extract.time import event_dated, find_all, find_time, on_the_event_day
from frontwatch.extract.told import NOTE_SENTENCES, told_as_article
from frontwatch.extract.toll_days import event_after_toll, toll_before, tolls_over_days
from frontwatch.extract.triggers import Lexicon, find_triggers, load_lexicon
from frontwatch.model import (
    NOT_AN_EVENT,
    SUB_EVENT_TYPES,
    Actor,
    ActorRole,
    Certainty,
    Claim,
    Count,
    Document,
    PlaceMention,
    Source,
    SourceKind,
    Span,
    TimeSpan,
)

# See event_typing.py for the other MODEL_* settings.
MODEL_CONTEXT = 1  # sentences either side the classifier reads with the one it types
MODEL_ONLY = 0.4  # an event in a document where the lexicon finds none
# ... and only in a report this short: a whole article in whose sentences the lexicon finds no event word is not
# about an incident (a gas blast, an illness), while notes and wires of a few sentences may say it in words it lacks.
MODEL_ONLY_MAX_SENTENCES = 10
# A note of a few sentences is about its event, so any of its sentences may tell it; most sentences of a longer
# article tell none (background, quotes, reactions), and the surest of more sentences is surer by chance alone. Past
# NOTE_SENTENCES (told.py; every Kenya dev note answered by the classifier alone has at most four), the surest
# sentence needs MODEL_ONLY_ARTICLE. A coded note dated by its event is about it whatever its length.
MODEL_ONLY_ARTICLE = 0.8


# Categories whose targets the sentence's casualties tell, the words that tell them, and people counted as victims.
_VICTIM_CATEGORIES = frozenset({"attack", "ied", "grenade", "suicide"})
# The words by which the dead of a killing are suspects of a gang or a group, not its fighters in a battle.
_SUSPECTS = re.compile(r"(?i:\b(?:suspected|suspects?|members?|followers?|adherents?|gangsters?|robbers?|thugs?|"
                       r"criminals?)\b)")
# Sub-types whose unnamed doer is, for ACLED, an unidentified armed group ("a bomb went off", "a grenade was thrown")
_UNSEEN_HANDS = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
# --- the stages claims are assembled from (time, counts, attribution) ----------------------------------------------


def _find_time(doc: Doc, sent: SpacySpan, published: date | None, trigger: Token) -> TimeSpan | None:
    return find_time(doc, sent, published, trigger=trigger)


def _attribute(document: Document, doc: Doc, lexicon: Lexicon) -> dict[int, Any]:
    return dict(attribute(document, doc, lexicon))


def _certainty_for(sent: SpacySpan, trigger: Token, base: Certainty, lexicon: Lexicon) -> Certainty:
    return certainty_for(sent, trigger, base, lexicon)


def _relative_place(tok: Token, mentions: list[PlaceMention]) -> PlaceMention | None:
    """A trigger whose relative clause describes a noun phrase ("a post in X district, which …"): the first placed
    mention of that phrase, less a province that only locates its district."""
    clause = tok if tok.dep_ == "relcl" else next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    if clause is None or not any(c.tag_ in {"WDT", "WP"} for c in clause.children):
        return None
    phrase = clause.head
    while phrase.dep_ == "pobj" and phrase.head.dep_ == "prep" and phrase.head.head.pos_ in {"NOUN", "PROPN"}:
        phrase = phrase.head.head  # "[a post] in X district": up to the phrase's head noun
    lo, hi = phrase.left_edge.idx, clause.left_edge.idx
    inside = [m for m in mentions if lo <= m.span.start < hi]
    own = own_places([m for m in inside if m.place is not None]) or inside  # a name the gazetteer lacks, as named
    return own[0] if own else None


class Extractor(SharedSteps):
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
        self.words = self.lexicon.words
        self.keep_non_events = keep_non_events
        # the steps of assembly, each in its own module
        self.finder = EventFinder(actors, self.lexicon)
        self.reader = ActorReader(actors, self.lexicon)
        self.picker = PlacePicker(actors, self.lexicon)
        self.typer = Typer(self.lexicon)

    # -- public ---------------------------------------------------------------------------------------------

    def claims(self, document: Document, doc: Doc, places: Sequence[PlaceMention]) -> list[Claim]:
        text = document.text
        lex = self.lexicon
        sents = list(doc.sents)
        found_hits = [(s, find_triggers(lex, s)) for s in sents]
        # what each sentence reports, for `_story` (which sentences go on telling one incident)
        doc.user_data["fw_sents"] = sents
        doc.user_data["fw_article"] = len(sents) > NOTE_SENTENCES and not event_dated(document.metadata)
        doc.user_data["fw_sent_index"] = {s.start: k for k, s in enumerate(sents)}
        doc.user_data["fw_sent_categories"] = {s.start: frozenset(h.category for h in hits) for s, hits in found_hits}
        places = namesakes_abroad(text, facility_namesakes(doc, places, self.words))
        doc.user_data["fw_place_spans"] = [(m.span.start, m.span.end) for m in places if m.place is not None]
        per_sent = [(s, h) for s, h in found_hits if h]
        # Sentences without a trigger are read by the classifier only when the lexicon finds no event at all:
        # most reports have one, and the classifier's character n-grams cost as much as the rest of extraction.
        silent_sents = [s for s, h in found_hits if not h] if (
            self.classifier is not None and len(found_hits) <= MODEL_ONLY_MAX_SENTENCES) else []
        if not per_sent and not silent_sents:
            return []
        attributions = _attribute(document, doc, lex)
        predictions = self._predict(_in_context([s for s, _ in per_sent], MODEL_CONTEXT))
        main = self.reader.main_actors(document, doc, sents)
        mentions = sorted(places, key=lambda m: m.span.start)
        mention_starts = sorted(m.span.start for m in mentions)  # sorted: `_places_in` bisects it
        out: list[Claim] = []
        seen: set[str] = set()
        previous: list[Claim] = []
        previous_end = -1
        reference: TimeSpan | None = None  # the lead event's time read from the text: the narrative's day
        lead_told = False
        read_as_background = False  # an event word told as the past, a plot, an accident …
        recalled = False  # the sentence before recalled only incidents dated before the report's weeks
        pred_of = iter(predictions)
        before: list[Count] = []  # a toll told before any event of its paragraph ("Three bodies were found …")
        for sent, hits in found_hits:
            if not hits:
                tolls = _toll_only(sent, text, previous_end) if previous else []
                if not previous:
                    before = toll_before(sent, text, before)
                if tolls:
                    # "… attacked Mandera town on Tuesday. 14 dead.": a sentence that only gives a toll gives the
                    # toll of the event told before it
                    changed = [_with_counts(c, tolls, said=sent.text) for c in previous]
                    out, previous = _replace_told(out, previous, changed), changed
                continue
            pred = next(pred_of)
            counts = _find_counts(sent)
            found, background, sent_recalled = self._sentence_claims(
                document, doc, sent, hits, mention_starts, mentions, main, attributions, counts, pred, seen)
            read_as_background = read_as_background or background
            if len(found) > 1 and pred is not None:
                # The sentence's main event first: the one whose sub-type the classifier, reading the whole sentence,
                # names ("police seized guns … related to a murder": the seizure, not the murder); else trigger order.
                found.sort(key=lambda c: c.sub_event_type != pred[0])
            found = _one_toll_per_event(_tolls_to_event(found, counts))
            if before and not previous:
                found, before = event_after_toll(found, before, text, sent.start_char), []
            if recalled:
                found = self._recalled_before(found)
            recalled = sent_recalled and not any(c.event_type != NOT_AN_EVENT for c in found)
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
                changed = [_with_actor1(c, claimed_by) for c in previous]
                out, previous = _replace_told(out, previous, changed), changed
                continue
            if previous and (_casualty_follow_up(found, text, previous_end, sent.start_char, sent.end_char)
                             or _story_toll(found, previous, text, previous_end, sent.start_char)):
                # "… attacked a convoy near X. 5 soldiers were killed.": the toll belongs to the event before
                told = [k for f in found for k in f.counts]
                changed = fought_back([_with_counts(c, told, said=sent.text) for c in previous], found)
                out, previous = _replace_told(out, previous, changed), changed
                continue
            out.extend(found)
            if found and not (previous and _points_back_only(found, text, sent.start_char, sent.end_char)):
                previous, previous_end = found, sent.start_char + len(sent.text.rstrip())
        out = [c for c in tolls_over_days(_elaborations_keep_the_toll(one_incident(out, document.published), text),
                                          text) if c.event_type != NOT_AN_EVENT or self.keep_non_events]
        # A report whose event words all tell the past, a plot or an accident gets no event from the classifier
        # reading its other sentences ("a gas leak may have caused the blast … windows were shattered").
        if read_as_background:
            silent_sents = []
        return out + self._silent_claims(document, doc, silent_sents, out, mentions, main, attributions)

    def _sentence_claims(self, document: Document, doc: Doc, sent: SpacySpan, hits: Any, mention_starts: list[int],
                         mentions: list[PlaceMention], main: Any, attributions: Any, counts: Any,
                         pred: tuple[str, float] | None, seen: set[str]) -> tuple[list[Claim], bool, bool]:
        """One sentence's claims (ids in `seen` skipped, new ones added to it), whether one of its event words was
        read as background, and whether one was recalled from before the report's weeks."""
        found: list[Claim] = []
        background = recalled = False
        events = list(self.finder.events(sent, hits, mention_starts))
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
                if claim.event_type == NOT_AN_EVENT:
                    background = background or "background:" in claim.method
                    recalled = recalled or "background:dated-before" in claim.method
                    if not self.keep_non_events:
                        continue
                seen.add(claim.claim_id)
                found.append(claim)
        return found, background, recalled

    def _recalled_before(self, found: list[Claim]) -> list[Claim]:
        """ "… after attacks left 130 dead on 13 November 2015. The gunmen struck at a stadium and cafes.": a
        sentence that names no time goes on telling the incident recalled just before it."""
        found = [dataclasses.replace(c, event_type=NOT_AN_EVENT, sub_event_type=None,
                                     method=c.method + " background:recalled-before")
                 if c.time is not None and c.time.assumed and c.event_type != NOT_AN_EVENT else c
                 for c in found]
        return [c for c in found if c.event_type != NOT_AN_EVENT or self.keep_non_events]

    def _silent_claims(
        self,
        document: Document,
        doc: Doc,
        silent_sents: list[SpacySpan],
        out: list[Claim],
        mentions: list[PlaceMention],
        main: _MainActors | None,
        attributions: dict[int, Any],
    ) -> list[Claim]:
        """Claims of the sentences without a trigger, read by the classifier only where the lexicon found no event."""
        found: list[Claim] = []
        silent = []
        if silent_sents and not any(c.event_type != NOT_AN_EVENT for c in out):
            silent = [(s, p) for s, p in zip(silent_sents, self._predict(_in_context(silent_sents, MODEL_CONTEXT)),
                                             strict=True) if p is not None and p[0] in SUB_EVENT_TYPES]
        if silent:
            # The lexicon found no event: the sentence the classifier is surest names one is an event when the
            # classifier is sure enough ("… defused two bombs", "… signed a ceasefire" in words the lexicon lacks).
            sent, pred = max(silent, key=lambda sp: sp[1][1])
            if pred[1] >= (MODEL_ONLY_ARTICLE if told_as_article(doc) else MODEL_ONLY):
                event = self.finder.model_event(sent, pred[0])
                claims = self._claims_of(document, doc, sent, event, mentions, main, attributions,
                                         _find_counts(sent), pred)
                found.extend(dataclasses.replace(c, trigger=None) for c in claims)
        return found

    def _responsibility_for_previous(self, doc: Doc, sent: SpacySpan) -> ActorRole | None:
        """The actor of "X claimed responsibility for the attack" when the sentence points back at an event."""
        if _BACK_REFERENCE_NOUN.search(sent.text) is None:
            return None
        for tok in sent:
            subj = _claiming(tok.head, self.words["claim_verbs"])
            if tok.lemma_.lower() in ("responsibility", "credit") and subj is not None:
                return self.reader.actor_of(doc, subj)
        return None

    # -- events in a sentence -------------------------------------------------------------------------------

    def _predict(self, texts: list[str]) -> list[tuple[str, float] | None]:
        if self.classifier is None or not texts:
            return [None] * len(texts)
        return [(str(p[0]), float(p[1])) for p in self.classifier.predict(texts)]

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
        roles = trigger_roles(event.hit.token, event.hit.head)
        roles.sources_in_clause = [
            p
            for i in sorted(event.clause)
            if doc[i].dep_ == "prep" and doc[i].lower_ == "from"
            for p in doc[i].children
            if p.dep_ == "pobj"
        ]
        job = _Job(document, doc, sent, event, roles, mentions, main, attributions.get(sent.start_char),
                   tuple(sent_counts), pred, self.actors.country_iso(report_country_of(document)))
        return assemble(self, job)

    # -- the steps of assembly (frontwatch/extract/assembler.py), in the order it calls them ---------------------

    def methods(self, job: _Job) -> list[str]:
        hit = job.event.hit
        return [f"lexicon:{hit.entry.rule}" if hit.entry.index >= 0 else "model-only", f"category:{hit.category}",
                "dep:" + "+".join(dict.fromkeys(job.roles.rules))]

    def sides(self, job: _Job, methods: list[str]) -> Sides | None:
        """Actor 1 and 2 of an event, the role tokens that name places, and whether actor 1 is the lead's (borrowed);
        None where the event is no event (an unarmed side driven out, a movement without an armed party)."""
        doc, sent, event, main = job.doc, job.sent, job.event, job.main
        hit = event.hit
        category = hit.category
        expel = hit.entry.lemma in self.words["expel_verbs"]
        actor1, actor2, role_places = self.reader.sides(job.roles, category, doc, expel, hit.token)
        if expel and (actor2 is None or actor2.actor.inter not in _ARMED):
            return None  # "police pushed back the crowd": only an armed side driven out loses ground
        if actor1 is None and (claimant := _claimant(hit.token, self.words["claim_verbs"])) is not None:
            found_claimant = self.reader.actor_of(doc, claimant)
            if found_claimant is not None and (actor2 is None or found_claimant.actor.name != actor2.actor.name):
                actor1 = dataclasses.replace(found_claimant, role="actor1")
                methods.append("actor1:claimed")
        for other in event.absorbed:
            # "a bomb exploded, killing three soldiers": the absorbed trigger's victims are the event's
            o1, o2, _ = self.reader.sides(trigger_roles(other.token, other.head), other.category, doc)
            if category == "clash" and o2 is not None and o2.actor.inter == 7:
                o2 = None  # "four people were killed in clashes between X and Y": the dead are no side of it
            if actor2 is None and o2 is not None and (actor1 is None or o2.actor.name != actor1.actor.name):
                actor2 = o2
            if actor1 is None and o1 is not None and (actor2 is None or o1.actor.name != actor2.actor.name):
                actor1 = o1
        if actor2 is None and category in _VICTIM_CATEGORIES:
            # "Al-Shabaab attacked the town, killing two travellers": whom the attack killed or hurt is its target
            actor2 = self.reader.victims(sent, actor1)
            if actor2 is not None:
                methods.append("actor2:victims")
        if actor1 is None and actor2 is not None and actor2.actor.inter in (2, 3) and category in {"kill", "injure"} \
                and _SUSPECTS.search(sent.text) and (("passive" in job.roles.rules and not job.roles.agents) or (
                    # a headline's reduced passive ("2 suspected X members killed"), its subject the ones killed
                    hit.token.tag_ == "VBD" and not job.roles.patients and not job.roles.targets)):
            # "two suspected gang members were shot dead", "five sect followers killed": armed suspects killed with
            # no one named are ACLED's police operation (the police forces of the report's country)
            actor1 = ActorRole("actor1", Actor("Police forces", 1))
            methods.append("actor1:police-against-suspects")
        if actor1 is not None and actor1.actor.inter in (2, 3, 4) and (actor2 is None or actor2.actor.inter == 7) and (
                category in _VICTIM_CATEGORIES or category in {"clash", "kill", "injure"}):
            # "raiders attacked a farm and clashed with police", "police pursued the raiders and killed many": the
            # state forces the sentence shows fighting them are the armed group's other side, not the dead counted
            force = self.actors.state_acting(job.document.text, sent.start_char, sent.end_char)
            if force is not None:
                actor2 = ActorRole("actor2", force)
                methods.append("actor2:state-acting")
        if actor1 is not None and actor1.actor.inter == 1 and (actor2 is None or actor2.actor.inter in (1, 7)) and (
                category in _VICTIM_CATEGORIES or category in {"clash", "kill", "injure"}):
            # "police pursued X raiders and killed many", "police and soldiers battled militants": an armed group
            # the sentence names is the state's other side, not "many" or its own forces (frontwatch/extract/actors.py)
            armed = self.actors.armed_in_sentence(job.document.text, sent.start_char, sent.end_char)
            if armed is not None:
                actor2 = ActorRole("actor2", armed)
                methods.append("actor2:armed-in-sentence")
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
        if hit.entry.lemma in self.words["movement_words"] and (actor1 is None or actor1.actor.inter not in _ARMED):
            return None  # "the virus entered the country", "the minister's arrival": no armed takeover
        return Sides(actor1, actor2, borrowed, tuple(role_places))

    def places(self, job: _Job, sides: Sides, methods: list[str]) -> tuple[list[PlaceMention], str]:
        """The places of an event and how they were found: its clause's, a pronoun's or an anaphor's antecedent, or
        the sentence's or the report's (`PlacePicker`), with ACLED's geo precision. Places in a source's or an
        actor's name are not where it happened."""
        doc, sent, event, roles, text = job.doc, job.sent, job.event, job.roles, job.document.text
        mentions = job.mentions  # the document's one list: `PlacePicker.lead_places` caches by its identity
        actor1, actor2, role_places = sides.actor1, sides.actor2, list(sides.role_places)
        attribution = job.attribution
        category = event.hit.category
        source_spans = [s.span for s in getattr(attribution, "sources", ()) if getattr(s, "span", None) is not None]
        actor_spans = [(a.span.start, a.span.end) for a in (actor1, actor2) if a is not None and a.span is not None]
        chosen = self.picker.places(doc, event, mentions, source_spans, actor_spans, role_places)
        place_method = "clause"
        if not chosen and category in {"territory", "control"}:
            # "a post in X district, which the Taliban then occupied": the place of what the pronoun stands for
            ante = _relative_place(event.hit.token, mentions)
            if ante is not None:
                chosen = [ante]
                place_method = "coref:relative"
        if not chosen:
            pronoun = [p for p in roles.patients if p.lower_ in PRONOUNS]
            if pronoun and category in {"territory", "control", "change"}:
                ante = _previous_place(mentions, pronoun[0].idx, sent, doc)
                if ante is not None:
                    chosen = [ante]
                    place_method = "coref:pronoun"
        if not chosen:
            ana = self.picker.anaphor_place(doc, text, event, mentions, sent)
            if ana is not None:
                chosen = [ana]
                place_method = "anaphora"
        # names the gazetteer cannot place ("in X village") locate nothing on the map: look wider as for none
        if mentions and (not chosen or all(_country_level(m) or m.place is None for m in chosen)):
            wider, how = self.picker.wider_place(doc, event, sent, mentions, source_spans, actor_spans, role_places,
                                           chosen)
            if wider:
                chosen, place_method = wider, how
        elif chosen and all(ORIGIN in m.method.split() for m in chosen):
            # only where the doers came from ("bandits from X raided herders and shot two at Y"): the sentence's place
            wider, how = self.picker.wider_place(doc, event, sent, mentions, source_spans, actor_spans, role_places,
                                                 chosen)
            if wider and how == "sentence":
                chosen, place_method = wider, how
        if mentions and (not chosen or all(_country_level(m) or m.place is None for m in chosen)):
            named = self.picker.named_place(doc, sent, mentions, source_spans, chosen)
            if named:
                chosen, place_method = named, "named"
        if place_method in ("clause", "sentence"):
            chosen = self.picker.town_inside(doc, sent, mentions, source_spans, chosen)
        chosen = [_with_precision(text, m, mentions, sent) for m in chosen]
        methods.append(f"place:{place_method}")
        return chosen, place_method

    def type_of(self, job: _Job, sides: Sides, methods: list[str]) -> Typed:
        event = job.event
        typed = self.typer.type_of(event, event.hit.category, sides.actor1, sides.actor2, job.doc, job.pred, methods)
        return Typed(*self.typer.crowd_doer(typed, sides.actor1, event, job.doc, methods))

    def settle(self, job: _Job, typed: Typed, sides: Sides, places: list[PlaceMention], methods: list[str]) -> Sides:
        """A demonstration's sides by its sub-type, ACLED's defaults by type, foreign state forces external."""
        actor1, actor2 = sides.actor1, sides.actor2
        event_type, sub_type = typed.event_type, typed.sub_event_type
        if event_type in {"Protests", "Riots"}:
            actor1, actor2 = self.reader.crowd_sides(job.doc, job.sent, job.event, sub_type, actor1, actor2, methods)
        if actor1 is None and (event_type == "Violence against civilians" or sub_type in _UNSEEN_HANDS):
            # ACLED: whoever it was, unnamed, is an unidentified armed group
            actor1 = ActorRole("actor1", Actor("Unidentified armed group", 3))
            methods.append("actor1:unidentified-by-type")
        if event_type == "Violence against civilians" and actor2 is None:
            # ACLED: in violence against civilians the victims are actor 2, and they are civilians
            actor2 = ActorRole("actor2", Actor("Civilians", 7))
            methods.append("actor2:civilians-by-type")
        # Sides the clause leaves unnamed, from the report (ActorDictionary.doers)
        text, sent = job.document.text, job.sent
        a1, a2 = self.actors.doers(text, sent.start_char, sent.end_char, event_type, actor1 and actor1.actor,
                                   actor2 and actor2.actor, sub_type)
        if (a1, a2) != (actor1 and actor1.actor, actor2 and actor2.actor):
            actor1, actor2 = (ActorRole("actor1", a1) if a1 else None), (ActorRole("actor2", a2) if a2 else None)
            methods.append("actors:report")
        # Foreign state forces are external (ACLED inter 8) where they act outside their country.
        actor1 = _external(actor1, places, self.actors, job.report_country)
        actor2 = _external(actor2, places, self.actors, job.report_country)
        return Sides(actor1, actor2, sides.borrowed, sides.role_places)

    def time(self, job: _Job) -> TimeSpan | None:
        published, token = job.document.published, job.event.hit.token
        t = time_before_main(job.doc, job.sent, token, published) or _find_time(job.doc, job.sent, published, token)
        return on_the_event_day(t, published) if published and event_dated(job.document.metadata) else t

    def background(self, job: _Job, typed: Typed, time: TimeSpan | None, methods: list[str]) -> Typed:
        token = job.event.hit.token
        why = background_reason(job.doc, job.sent, token, time, job.document.published, self.words)
        # placed by another sentence of the report (or by the report itself), not by its own clause: a note that
        # names no place at all ("reports of attacks on civilians") is still told as its news
        own_place = bool({"place:clause", "place:sentence"} & set(methods))
        if why is None and (time is None or time.assumed) and not own_place and generic_mention(token):
            why = "generic"  # "a supporter of attacks", told with no day or place of its own
        if why is None and typed.sub_event_type == "Agreement" and broken_agreement(token):
            why = "broken-agreement"  # "the ceasefire collapsed": the fighting that follows is the news, if any
        if why is None:
            return typed
        # recalled, judged, plotted or no actor's doing: a claim, not an event of the report's day
        methods.append(f"background:{why}")
        return Typed(NOT_AN_EVENT, None, typed.confidence)

    def counts(self, job: _Job) -> tuple[Count, ...]:
        """The sentence's counts told inside the event's clause."""
        clause_chars = _char_ranges(job.doc, job.event.clause)
        return tuple(c for c in job.sent_counts
                     if c.span is None or _overlaps(c.span.start, c.span.end, clause_chars))

    def certainty(self, job: _Job) -> Certainty:
        base = getattr(job.attribution, "certainty", Certainty.ASSERTED)
        return _certainty_for(job.sent, job.event.hit.token, base, self.lexicon)

    def sources(self, job: _Job) -> tuple[Source, ...]:
        document = job.document
        sources = tuple(getattr(job.attribution, "sources", ()) or ())
        if not sources and document.publisher:
            sources = (Source(document.publisher, SourceKind.OUTLET, (document.publisher,)),)
        return sources

    def spans(self, job: _Job, sides: Sides) -> tuple[Span, Span, tuple[ActorRole, ...]]:
        text, sent, token = job.document.text, job.sent, job.event.hit.token
        sentence = _trimmed(text, sent.start_char, sent.end_char)
        trigger_span = Span.of(text, token.idx, token.idx + len(token.text))
        return sentence, trigger_span, tuple(a for a in (sides.actor1, sides.actor2) if a is not None)


@dataclass(frozen=True)
class _Job:
    """One event of one sentence, with what assembling its claims reads."""

    document: Document
    doc: Doc
    sent: SpacySpan
    event: _Event
    roles: Roles
    mentions: list[PlaceMention]  # sorted by start; the same list for every event of the document
    main: _MainActors | None
    attribution: Any  # the sentence's `Attribution`, if any
    sent_counts: tuple[Count, ...]
    pred: tuple[str, float] | None
    report_country: str | None  # ISO code of the country the report is about, where its input says


def _english_number(words: str) -> int | None:
    return parse_number(words)[0]


# English: the spaCy parse (annotate), the trigger lexicon and word sets of frontwatch/text/triggers.yaml; toponyms
# from the geoparser (frontwatch.geocode.Geoparser.places), spaCy's entities where none is at hand.
ENGLISH = LanguagePack(
    code="en", lexicon=load_lexicon, find_dates=find_all, read_number=_english_number, toponyms=ner_places,
    parse=annotate, extractor=Extractor,
)
