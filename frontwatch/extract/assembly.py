"""Claim assembly: sentence → triggers → events (clauses) → actors → places → type → time → counts → sources →
certainty → `Claim`s (`Extractor`), and what the following sentences add to them.

One claim per event-bearing clause and place ("X and Y districts were seized" → two claims). Every field keeps the
span it came from; `method` lists the rules and the model that produced the claim.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.attribution import attribute, certainty_for
from frontwatch.extract.background import background_reason, facility_namesakes, time_before_main
from frontwatch.extract.claim_actors import ActorReader, _MainActors
from frontwatch.extract.claims import _acled_fatalities, _external, _find_counts, claims_per_place, report_country_of
from frontwatch.extract.event_typing import _EXPEL, MODEL_NOT_EVENT_ALL, MODEL_RETYPE, Typer
from frontwatch.extract.events import _ARMED, EventFinder, _Event
from frontwatch.extract.follow_ups import (
    _BACK_REFERENCE_NOUN,
    _casualty_follow_up,
    _claimant,
    _claiming,
    _toll_only,
    _tolls_to_event,
    _with_actor1,
    _with_counts,
)
from frontwatch.extract.incidents import one_incident
from frontwatch.extract.places import _WIDER_PENALTY, PlacePicker, _country_level, _previous_place, _with_precision
from frontwatch.extract.roles import PRONOUNS, Roles, trigger_roles
from frontwatch.extract.sentences import _char_ranges, _in_context, _overlaps, _trimmed
from frontwatch.extract.time import find_time
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


_MOVEMENT = {"enter", "arrival", "entry"}
# Categories whose targets the sentence's casualties tell, the words that tell them, and people counted as victims.
_VICTIM_CATEGORIES = frozenset({"attack", "ied", "grenade", "suicide"})
# Sub-types whose unnamed doer is, for ACLED, an unidentified armed group ("a bomb went off", "a grenade was thrown")
_UNSEEN_HANDS = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
# --- the stages claims are assembled from (time, counts, attribution) ----------------------------------------------


def _find_time(doc: Doc, sent: SpacySpan, published: date | None, trigger: Token) -> TimeSpan | None:
    return find_time(doc, sent, published, trigger=trigger)


def _attribute(document: Document, doc: Doc) -> dict[int, Any]:
    return dict(attribute(document, doc))


def _certainty_for(sent: SpacySpan, trigger: Token, base: Certainty) -> Certainty:
    return certainty_for(sent, trigger, base)


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
        # the steps of assembly, each in its own module
        self.finder = EventFinder(actors, self.lexicon)
        self.reader = ActorReader(actors, self.lexicon)
        self.picker = PlacePicker(actors)
        self.typer = Typer(self.lexicon)

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
        places = facility_namesakes(doc, places)
        doc.user_data["fw_place_spans"] = [(m.span.start, m.span.end) for m in places if m.place is not None]
        per_sent = [(s, h) for s, h in found_hits if h]
        # Sentences without a trigger are read by the classifier only when the lexicon finds no event at all:
        # most reports have one, and the classifier's character n-grams cost as much as the rest of extraction.
        silent_sents = [s for s, h in found_hits if not h] if self.classifier is not None else []
        if not per_sent and not silent_sents:
            return []
        attributions = _attribute(document, doc)
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
        out = one_incident(out, document.published)
        return out + self._silent_claims(document, doc, silent_sents, out, mentions, main, attributions)

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
            if pred[1] >= MODEL_ONLY:
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
            if tok.lemma_.lower() in ("responsibility", "credit") and (subj := _claiming(tok.head)) is not None:
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

        sides = self._sides(doc, sent, event, roles, main, methods)
        if sides is None:
            return []
        actor1, actor2, role_places, borrowed = sides

        # Places: those in the clause, minus context places and actor modifiers; pronouns take up the last place.
        attribution = attributions.get(sent.start_char)
        chosen, place_method = self._claim_places(doc, text, sent, event, roles, mentions, attribution, actor1, actor2,
                                                  role_places)
        methods.append(f"place:{place_method}")

        event_type, sub_type, conf = self.typer.type_of(event, category, actor1, actor2, doc, pred, methods)
        if event_type in {"Protests", "Riots"}:
            actor1, actor2 = self.reader.crowd_sides(doc, sent, event, sub_type, actor1, actor2, methods)
        if actor1 is None and (event_type == "Violence against civilians" or sub_type in _UNSEEN_HANDS):
            # ACLED: whoever it was, unnamed, is an unidentified armed group
            actor1 = ActorRole("actor1", Actor("Unidentified armed group", 3))
            methods.append("actor1:unidentified-by-type")
        if event_type == "Violence against civilians" and actor2 is None:
            # ACLED: in violence against civilians the victims are actor 2, and they are civilians
            actor2 = ActorRole("actor2", Actor("Civilians", 7))
            methods.append("actor2:civilians-by-type")

        # Foreign state forces are external (ACLED inter 8) where they act outside their country.
        report_country = self.actors.country_iso(report_country_of(document))
        actor1 = _external(actor1, chosen, self.actors, report_country)
        actor2 = _external(actor2, chosen, self.actors, report_country)

        time = time_before_main(doc, sent, hit.token, document.published) or _find_time(
            doc, sent, document.published, hit.token)
        if (why := background_reason(doc, sent, hit.token, time, document.published)) is not None:
            # recalled, judged, plotted or no actor's doing: a claim, not an event of the report's day
            event_type, sub_type = NOT_AN_EVENT, None
            methods.append(f"background:{why}")
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

    def _sides(
        self, doc: Doc, sent: SpacySpan, event: _Event, roles: Roles, main: _MainActors | None, methods: list[str]
    ) -> tuple[ActorRole | None, ActorRole | None, list[Token], bool] | None:
        """Actor 1 and 2 of an event, the role tokens that name places, and whether actor 1 is the lead's (borrowed);
        None where the event is no event (an unarmed side driven out, a movement without an armed party)."""
        hit = event.hit
        category = hit.category
        expel = hit.entry.lemma in _EXPEL
        actor1, actor2, role_places = self.reader.sides(roles, category, doc, expel, hit.token)
        if expel and (actor2 is None or actor2.actor.inter not in _ARMED):
            return None  # "police pushed back the crowd": only an armed side driven out loses ground
        if actor1 is None and (claimant := _claimant(hit.token)) is not None:
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
            return None  # "the virus entered the country", "the minister's arrival": no armed takeover
        return actor1, actor2, role_places, borrowed

    def _claim_places(
        self,
        doc: Doc,
        text: str,
        sent: SpacySpan,
        event: _Event,
        roles: Roles,
        mentions: list[PlaceMention],
        attribution: Any,
        actor1: ActorRole | None,
        actor2: ActorRole | None,
        role_places: list[Token],
    ) -> tuple[list[PlaceMention], str]:
        """The places of an event and how they were found: its clause's, a pronoun's or an anaphor's antecedent, or
        the sentence's or the report's (`PlacePicker`), with ACLED's geo precision."""
        category = event.hit.category
        source_spans = [s.span for s in getattr(attribution, "sources", ()) if getattr(s, "span", None) is not None]
        actor_spans = [(a.span.start, a.span.end) for a in (actor1, actor2) if a is not None and a.span is not None]
        chosen = self.picker.places(doc, event, mentions, source_spans, actor_spans, role_places)
        place_method = "clause"
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
        if mentions and (not chosen or all(_country_level(m) for m in chosen)):
            wider, how = self.picker.wider_place(doc, event, sent, mentions, source_spans, actor_spans, role_places,
                                           chosen)
            if wider:
                chosen, place_method = wider, how
        chosen = [_with_precision(text, m, mentions, sent) for m in chosen]
        return chosen, place_method
