"""Claims from Persian (Dari) text, with the English path's fields and conventions, by rules over normalized text.

sentences → clauses (split after a finite verb before "و" / "،") → triggers (lexicon.yaml; the highest-ranked one
names the clause's event) → places (gazetteer Persian names), actors (actors.yaml Persian aliases, roles from the
postpositions and prepositions around them: "از X" from whom, "به دست / توسط X" by whom, "بر / علیه X" against
whom), time, counts, sources and certainty → one `Claim` per event and place. All matching is on the normalized text;
every span is mapped back to `Document.text`.

The steps that do not read the text are the assembler's, shared with English (`SharedSteps`: confidence and one
claim per place; `type_by_sides`; `own_places` / `distinct_places`; the follow-up toll merge of
`extract/follow_ups.py`). What stays here is Persian's reading: role markers, clause splits, the "X Y" place rule,
quotation frames, hedge and denial words, fighting and intervention words.

Why rules, not a parser: no Persian dependency parser installs here (hazm needs Python ≥ 3.12, see PACKAGES.md), and
Persian news prose is regular enough (verb-final clauses, explicit role markers) for these cues. The English path's
conventions are kept so both languages give the same claims for the same report: borrowed headline dyad for
agentless clauses, a casualty clause without place or perpetrator joined to the event before it, "no date" = the
report's date with precision 2, denial over hedging over attribution.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from frontwatch.extract.assembler import (
    FIGHTING,
    LanguagePack,
    SharedSteps,
    Sides,
    Typed,
    assemble,
    distinct_places,
    own_places,
    type_by_sides,
)
from frontwatch.extract.follow_ups import _with_counts as with_counts
from frontwatch.model import (
    NOT_AN_EVENT,
    ActorRole,
    Certainty,
    Claim,
    Count,
    Document,
    PlaceMention,
    Source,
    Span,
    TimeSpan,
)
from frontwatch.persian.attribution import PersianAttribution, _Sentence
from frontwatch.persian.counts import PersianCounts
from frontwatch.persian.dates import find_dates
from frontwatch.persian.events import PersianEvents, _Event
from frontwatch.persian.lexicon import Lexicon, load_lexicon
from frontwatch.persian.normalize import Normalized, normalize, sentences
from frontwatch.persian.numbers import parse_number
from frontwatch.persian.places import PersianToponyms, mentions_for
from frontwatch.persian.roles import PersianRoles

# A protest met by force ("tear gas", "dispersed", "shots in the air", "arrests", "crackdown"): Persian words.
_INTERVENTION = re.compile(r"(?<!\w)(?:گاز\s+اشک\s?آور|پراکنده|شلیک\s+هوایی|بازداشت|سرکوب)")


class PersianExtractor(SharedSteps):
    def __init__(self, gazetteer: object, geoparser: object, actors: object, lexicon: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer
        self.geoparser = geoparser
        self.actors = actors
        self.lexicon = lexicon or load_lexicon()
        actor_words = {
            w for _, _, aliases in getattr(actors, "entries", []) for a in aliases for w in a.split()
            if re.search(r"[\u0600-\u06FF]", w)
        }
        self.toponyms = PersianToponyms(gazetteer, self.lexicon.words | frozenset(actor_words))
        # the steps of assembly, each in its own module
        self.attribution = PersianAttribution(self.lexicon)
        self.events_of = PersianEvents(self.lexicon)
        self.sides_of = PersianRoles(actors)
        self.counter = PersianCounts(self.lexicon)

    # --- public --------------------------------------------------------------------------------------------

    def claims(self, document: Document, spans: Sequence[tuple[int, int]] | None = None) -> Iterator[Claim]:
        """Claims of `document`, or of its character ranges `spans` (the Persian paragraphs of a mixed post)."""
        norm = normalize(document.text)
        nt = norm.text
        regions = [(0, len(nt))] if spans is None else [_to_norm(norm, s, e) for s, e in spans]
        sents = [_Sentence(s, e) for rs, re_ in regions for s, e in sentences(nt, rs, re_)]
        if not sents:
            return
        places = self._places(document, norm, regions)
        self.attribution.attribute(document, nt, sents)
        events = [ev for i, s in enumerate(sents) for ev in self.events_of.events(nt, i, s, places)]
        main = self.sides_of.main_actors(nt, events, sents, places)
        claims: list[Claim] = []
        previous: list[Claim] = []
        prev_sent = -1
        for ev in events:
            found = self._claims_of(document, norm, sents, ev, places, main)
            if not found:
                continue
            # "… seized during the fighting. About 60 were killed or wounded.": a toll without place or
            # perpetrator belongs to the event before it (same sentence, or the next one in the paragraph).
            if previous and _follow_up(found) and (
                ev.sent == prev_sent
                or (ev.sent == prev_sent + 1 and "\n\n" not in nt[sents[prev_sent].end : sents[ev.sent].start])
            ):
                merged = [with_counts(c, [k for f in found for k in f.counts], "follow-up") for c in previous]
                claims = [merged[previous.index(c)] if c in previous else c for c in claims]
                previous = merged
                continue
            claims.extend(found)
            previous, prev_sent = found, ev.sent
        yield from claims

    # --- places --------------------------------------------------------------------------------------------

    def _places(self, document: Document, norm: Normalized, regions: list[tuple[int, int]]) -> list[PlaceMention]:
        toponyms = self.toponyms.find(norm.text, regions)
        if not toponyms:
            return []
        resolved = self.geoparser._resolve_all(mentions_for(toponyms))  # type: ignore[attr-defined]
        out = []
        for t, (_, place, score, _) in zip(toponyms, resolved, strict=True):
            span = Span.of(document.text, norm.start(t.start), norm.end(t.end))
            out.append(PlaceMention(span, place, score, t.method + (f"+cue:{t.cue}" if t.cue else "")))
        return out

    # --- one event → claims --------------------------------------------------------------------------------

    def _claims_of(
        self,
        document: Document,
        norm: Normalized,
        sents: list[_Sentence],
        ev: _Event,
        places: list[PlaceMention],
        main: tuple[ActorRole | None, ActorRole | None] | None,
    ) -> list[Claim]:
        out = assemble(self, _Job(document, norm, tuple(sents), ev, tuple(places), main))
        return [c for c in out if c.event_type != NOT_AN_EVENT]

    # -- the steps of assembly (frontwatch/extract/assembler.py), in the order it calls them ---------------------

    def methods(self, job: _Job) -> list[str]:
        cat = job.ev.hit.category
        return [f"persian:lexicon:{cat}", f"category:{cat}"]

    def sides(self, job: _Job, methods: list[str]) -> Sides:
        """Actors by their role markers; a clause without actor 1 borrows the headline's dyad."""
        cat = job.ev.hit.category
        a1, a2 = self.sides_of.roles(job.norm.text, job.ev, job.sentence.speaker_spans)
        methods.append("roles:markers")
        if job.main is not None and cat in {"territory", "control", "clash", "attack"}:
            m1, m2 = job.main
            if a1 is None and m1 is not None and (a2 is None or a2.actor.name != m1.actor.name):
                a1 = dataclasses.replace(m1, span=None)
                methods.append("actor1:headline")
            if a2 is None and m2 is not None and a1 is not None and m1 is not None and \
                    a1.actor.name == m1.actor.name and m2.actor.name != a1.actor.name:
                a2 = dataclasses.replace(m2, span=None)
                methods.append("actor2:headline")
        return Sides(a1, a2)

    def places(self, job: _Job, sides: Sides, methods: list[str]) -> tuple[list[PlaceMention], str]:
        """The places of the clause, not inside a speaker's name or an actor's, context places aside."""
        norm, ev = job.norm, job.ev
        actor_spans = [(r.span.start, r.span.end) for r in (sides.actor1, sides.actor2)
                       if r is not None and r.span is not None]
        lo, hi = norm.start(ev.start), norm.end(ev.end)
        orig_skip = [(norm.start(x), norm.end(y)) for x, y in job.sentence.speaker_spans + actor_spans]
        chosen = [
            p for p in job.places
            if lo <= p.span.start < hi and not any(x <= p.span.start < y for x, y in orig_skip)
        ]
        chosen = _drop_context(chosen, job.document.text)
        methods.append("place:clause")
        return chosen, "clause"

    def type_of(self, job: _Job, sides: Sides, methods: list[str]) -> Typed:
        """The shared typing by sides (`type_by_sides`), with Persian's words for fighting and for a protest met by
        force."""
        nt, ev, s = job.norm.text, job.ev, job.sentence
        cat = ev.hit.category
        # fighting makes a takeover a battle; the ACLED type follows the actors
        fighting = bool({h.category for h in ev.hits} & FIGHTING) or bool(
            re.search(r"(?<!\w)(?:درگیری|جنگ|نبرد)", nt[s.start : s.end]))
        event_type, sub, _ = self.lexicon.categories[cat]
        conf = 0.8 if cat not in {"kill", "injure", "attack", "clash"} else 0.7
        typed = type_by_sides(cat, (event_type, sub), conf, sides.actor1, sides.actor2, fighting, methods)
        if cat == "protest" and _INTERVENTION.search(nt[ev.start : ev.end]):
            typed = dataclasses.replace(typed, sub_event_type="Protest with intervention")
        return typed

    def settle(self, job: _Job, typed: Typed, sides: Sides, places: list[PlaceMention], methods: list[str]) -> Sides:
        return sides  # the Persian rules settle no side by type

    def time(self, job: _Job) -> TimeSpan | None:
        """The clause's own expression, else the sentence's, else the quotation frame's, else the report's day."""
        return self._time(job.document, job.norm, list(job.sents), job.ev)

    def background(self, job: _Job, typed: Typed, time: TimeSpan | None, methods: list[str]) -> Typed:
        return typed  # no Persian background rules yet (frontwatch.extract.background reads an English parse)

    def counts(self, job: _Job) -> tuple[Count, ...]:
        ev = job.ev
        return tuple(self.counter.counts(job.norm.text, job.document.text, job.norm, ev.start, ev.end,
                                         list(job.places)))

    def certainty(self, job: _Job) -> Certainty:
        return self._certainty(job.norm.text, job.sentence, job.ev)

    def sources(self, job: _Job) -> tuple[Source, ...]:
        norm, text = job.norm, job.document.text
        return tuple(
            dataclasses.replace(src, span=Span.of(text, norm.start(src.span.start), norm.end(src.span.end)))
            if src.span is not None else src
            for src in job.sentence.sources
        )

    def spans(self, job: _Job, sides: Sides) -> tuple[Span, Span, tuple[ActorRole, ...]]:
        """The sentence, trigger and actor spans, mapped from the normalized text to `Document.text`."""
        norm, text, s, ev = job.norm, job.document.text, job.sentence, job.ev
        sentence = Span.of(text, norm.start(s.start), norm.end(s.end))
        trigger = Span.of(text, norm.start(ev.hit.start), norm.end(ev.hit.end))
        actors = tuple(
            dataclasses.replace(r, span=Span.of(text, norm.start(r.span.start), norm.end(r.span.end)))
            if r.span is not None else r
            for r in (sides.actor1, sides.actor2) if r is not None
        )
        return sentence, trigger, actors

    def _certainty(self, nt: str, s: _Sentence, ev: _Event) -> Certainty:
        lex = self.lexicon
        clause = nt[ev.start : ev.end]
        frame = nt[s.frame[0] : s.frame[1]] if s.frame else ""
        # the negative verb right after the trigger ("تصرف نشده‌اند", "به دست … نیفتاده")
        after = nt[ev.hit.start : min(ev.end, ev.hit.end + 25)]
        if lex.negated.search(after) or lex.denials.search(clause) or lex.deny_speech.search(frame):
            return Certainty.DENIED
        if lex.hedges.search(clause) or lex.hedges.search(frame) or lex.hedge_speech.search(frame):
            return Certainty.HEDGED
        return s.certainty

    def _time(self, document: Document, norm: Normalized, sents: list[_Sentence], ev: _Event) -> TimeSpan | None:
        published = document.published
        nt = norm.text
        s = sents[ev.sent]
        candidates = [s]
        if s.quote_of is not None:
            # inside a quotation: the frame ("a post at 1.40 pm wrote: «…»") dates what it quotes
            frame = next((j for j in range(ev.sent, -1, -1) if sents[j].quote_of == j), None)
            if frame is not None:
                candidates.append(sents[frame])
        if published is None:
            return None
        for c in candidates:
            found = [(a + c.start, b + c.start, lo, hi, p)
                     for a, b, lo, hi, p in find_dates(nt[c.start : c.end], published)]
            if found:
                a, b, lo, hi, p = min(found, key=lambda f: _time_rank(f, ev))
                return TimeSpan(lo, hi, p, Span.of(document.text, norm.start(a), norm.end(b)))
        return TimeSpan(published, published, 2, None, assumed=True)


# --- helpers ----------------------------------------------------------------------------------------------------


def _time_rank(f: tuple[int, int, date, date, int], ev: _Event) -> tuple[int, int, int]:
    """The expression in the event's own clause first, then a precise one, then the nearest to the trigger."""
    own = 0 if ev.start <= f[0] < ev.end else 1
    return own, f[4] if f[4] > 1 else 0, min(abs(f[0] - ev.hit.start), abs(f[1] - ev.hit.start))


def _to_norm(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    offs = norm.offsets
    return bisect.bisect_left(offs, start, 0, len(offs) - 1), bisect.bisect_left(offs, end, 0, len(offs) - 1)


def _drop_context(chosen: list[PlaceMention], text: str) -> list[PlaceMention]:
    """The clause's own places (`own_places`, `distinct_places`); and a name right after another one is its
    container ("X Y", district X of province Y): Persian juxtaposes them without a preposition."""
    kept = own_places(chosen)
    kept = [
        m for m in kept
        if not any(o is not m and o.span.end <= m.span.start and re.fullmatch(r"[ \u200c]{1,2}",
                                                                                text[o.span.end : m.span.start])
                   for o in kept)
    ]
    return distinct_places(kept)


def _follow_up(found: list[Claim]) -> bool:
    return all(
        c.method.split(" ")[1] in {"category:kill", "category:injure"}
        and not c.places and c.actor("actor1") is None and c.counts
        for c in found
    )


@dataclass(frozen=True)
class _Job:
    """One event of a Persian text, with what assembling its claims reads (offsets on the normalized text)."""

    document: Document
    norm: Normalized
    sents: tuple[_Sentence, ...]
    ev: _Event
    places: tuple[PlaceMention, ...]
    main: tuple[ActorRole | None, ActorRole | None] | None

    @property
    def sentence(self) -> _Sentence:
        return self.sents[self.ev.sent]


# Persian (Dari): rules over normalized text (no parser installs here), frontwatch/persian/lexicon.yaml, Solar Hijri
# and Gregorian dates in Persian, Persian numerals and number words, toponyms by the gazetteer's Persian names.
PERSIAN = LanguagePack(
    code="fa", lexicon=load_lexicon, find_dates=find_dates, read_number=parse_number, toponyms=PersianToponyms,
    parse=sentences, extractor=PersianExtractor,
)
