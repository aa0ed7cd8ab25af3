"""Claims from Persian (Dari) text, with the English path's fields and conventions, by rules over normalized text.

sentences → clauses (split after a finite verb before "و" / "،") → triggers (lexicon.yaml; the highest-ranked one
names the clause's event) → places (gazetteer Persian names), actors (actors.yaml Persian aliases, roles from the
postpositions and prepositions around them: "از X" from whom, "به دست / توسط X" by whom, "بر / علیه X" against
whom), time, counts, sources and certainty → one `Claim` per event and place. All matching is on the normalized text;
every span is mapped back to `Document.text`.

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
from dataclasses import dataclass, field
from datetime import date

from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.claims import claims_per_place
from frontwatch.extract.counts import acled_fatalities
from frontwatch.model import (
    NOT_AN_EVENT,
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
)
from frontwatch.persian.dates import find_dates
from frontwatch.persian.lexicon import Lexicon, load_lexicon
from frontwatch.persian.normalize import Normalized, normalize, sentences
from frontwatch.persian.numbers import NUMBER, VAGUE_RE, parse_number, vague
from frontwatch.persian.places import PersianToponyms, mentions_for

# A finite verb ending a clause: the split points of a sentence ("… تصرف شدند و حدود ۶۰ …").
_VERB_END = re.compile(r"\w*(?:ند|است|اند|شد|بود|کرد|گرفت|افتاد|دارد|داد|رفت)")
_CLAUSE_SEP = re.compile(r"(?P<w>\w+)(?P<sep>\s*[،,]\s*(?:و\s+)?|\s+و\s+|\s*؛\s*)")
# Role markers before an actor (within its two preceding words).
_FROM = re.compile(r"(?:^|\s)از(?:\s+(?:دست|کنترل|تصرف|چنگ|نزد|سوی))?\s*$")
_BY = re.compile(r"(?:به\s+دست|توسط|از\s+سوی|از\s+طرف|از\s+جانب|به\s+وسیله)\s*$")
_AGAINST = re.compile(r"(?:^|\s)(?:بر|علیه|بالای|به|بر\s+ضد|ضد)\s*$")
_BETWEEN = re.compile(r"(?:^|\s)(?:میان|بین)\s*$")
_PASSIVE = re.compile(r"(?<!\w)(?:مورد\s+\w+\s+قرار|هدف\s+قرار)")
_PARTICIPLES = {"گرفته", "شده", "کرده", "قرار", "بوده", "رفته", "داده"}
# "which areas were retaken and whether the fighting ended": a question, not a claim
_QUESTION = re.compile(r"(?<!\w)(?:آیا|کدام|چه\s+کسی|چگونه)(?!\w)")
_FIGHTING_CATS = {"clash", "attack", "kill", "injure", "shelling", "airstrike"}
_ARMED = {1, 2, 3, 4, 8}
_INTERVENTION = re.compile(r"(?<!\w)(?:گاز\s+اشک\s?آور|پراکنده|شلیک\s+هوایی|بازداشت|سرکوب)")
_ACCOUNT = re.compile(r"(?<!\w)(?:حساب|صفحه|کانال|اکانت)\w*\s+(?:\S+\s+){0,3}?(?:به\s+نام|به\s+اسم|با\s+نام|منسوب\s+به)"
                      r"\s+(?:«(?P<q>[^»\n]{1,60})»|(?P<w>\w+(?:\s+\w+)?))")
_SOCIAL_SPEAKER = re.compile(r"(?<!\w)(?:پست|توییت|تویت|حساب|صفحه)")
_SPEAKER_CUT = re.compile(r"\s+(?:در|روز|امروز|دیروز|با|طی|پس|هنگام|ضمن|روز\s+\w+)(?:\s|$)")
_LEADING = re.compile(r"^(?:اما|ولی|همچنین|در\s+همین\s+حال|از\s+سوی\s+دیگر|در\s+عین\s+حال|همزمان|"
                      r"با\s+این\s+حال)\s*[،,]?\s*")


@dataclass
class _Sentence:
    start: int  # normalized offsets
    end: int
    sources: tuple[Source, ...] = ()
    certainty: Certainty = Certainty.ASSERTED
    frame: tuple[int, int] | None = None  # the "X said (that)" part: its hedges and denials govern the sentence
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)
    quote_of: int | None = None  # index of the sentence that introduced the quotation it is in


@dataclass
class _Hit:
    category: str
    start: int
    end: int


@dataclass
class _Event:
    sent: int
    start: int  # clause offsets (normalized)
    end: int
    hit: _Hit
    hits: list[_Hit]


class PersianExtractor:
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
        self._attribute(document, nt, sents)
        events = [ev for i, s in enumerate(sents) for ev in self._events(nt, i, s, places)]
        main = self._main_actors(nt, events, sents, places)
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
                merged = [_with_counts(c, found) for c in previous]
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

    # --- attribution ---------------------------------------------------------------------------------------

    def _source_kind(self, who: str) -> SourceKind:
        for kind, rx in self.lexicon.source_kinds:
            if rx.search(who):
                return SourceKind(kind)
        return SourceKind.OFFICIAL  # a named person or body speaking for one

    def _attribute(self, document: Document, nt: str, sents: list[_Sentence]) -> None:
        lex = self.lexicon
        publisher = document.publisher or "unknown publisher"
        root = Source(publisher, SourceKind.OUTLET, (publisher,))
        account: str | None = None
        quote_end = -1
        quote_speaker: Source | None = None
        for i, s in enumerate(sents):
            text = nt[s.start : s.end]
            acc = _ACCOUNT.search(text)
            if acc:
                account = (acc.group("q") or acc.group("w")).strip()
            if s.start > quote_end:
                quote_speaker = None
            speakers: list[tuple[str, int, int]] = []  # name, normalized start, end
            hedged = False
            for m in lex.according.finditer(text):
                rest = text[m.end() :]
                who_m = re.match(r"\s*([^،,:«»]{2,60}?)(?=\s*[،,:]|$)", rest)
                if who_m:
                    who = " ".join(who_m.group(1).split()[:5])
                    a = s.start + m.end() + who_m.start(1)
                    speakers.append((who, a, a + len(who)))
            verb = lex.speech.search(text)
            if verb and not speakers:
                before = text[: verb.start()].rstrip()
                after = text[verb.end() :].strip()
                content_follows = bool(re.match(r"^(?:که|:|«)", after)) or len(after) > 10
                if content_follows or "،" not in before:
                    seg_start = 0
                    seg = before
                    if "،" in before and not content_follows:
                        seg_start = before.rfind("،") + 1
                        seg = before[seg_start:]
                    elif "،" in before:
                        # "X، سخنگوی Y، گفت که": the part naming a source kind, else the first part
                        parts = [p for p in re.split(r"[،,]", before) if p.strip()]
                        seg = next((p for p in parts if self._source_kind(p) != SourceKind.OFFICIAL), parts[0])
                        seg_start = before.find(seg)
                    lead = _LEADING.match(seg.lstrip())
                    off = len(seg) - len(seg.lstrip()) + (lead.end() if lead else 0)
                    seg = seg[off:]
                    cut = _SPEAKER_CUT.search(seg)
                    if cut and cut.start() > 0:
                        seg = seg[: cut.start()]
                    seg = seg.strip(" «»\"")
                    if seg and len(seg.split()) <= 8:
                        a = s.start + seg_start + off
                        speakers.append((seg, a, a + len(seg)))
                        s.frame = (s.start, s.start + verb.end())
                        if not content_follows:
                            s.frame = (a, s.start + verb.end())
                hedged = bool(lex.hedge_speech.search(text[verb.start() : verb.end()]))
            sources: list[Source] = []
            chain_prefix = quote_speaker.chain if quote_speaker else (publisher,)
            for who, a, b in speakers:
                kind = self._source_kind(who)
                name = who
                if kind == SourceKind.SOCIAL_MEDIA and account and _SOCIAL_SPEAKER.search(who):
                    name = account
                if name == publisher:
                    continue
                src = Source(name, kind, (*chain_prefix, name), Span(a, b, nt[a:b]))
                sources.append(src)
                s.speaker_spans.append((a, b))
            if not sources and quote_speaker is not None:
                sources.append(quote_speaker)
                s.quote_of = -1
            if sources:
                s.certainty = Certainty.HEDGED if hedged else Certainty.REPORTED
            s.sources = (root, *sources)
            # A sentence ending with ":" (or opening «) that has a speaker opens a quotation: until its «»» closes,
            # what follows is that speaker's.
            tail = nt[s.end : min(len(nt), s.end + 3)]
            opens = "«" in text or tail.lstrip(" :").startswith("«") or text.endswith(":")
            if sources and sources[-1] is not quote_speaker and opens:
                q0 = nt.find("«", s.start)
                if q0 != -1:
                    close = nt.find("»", q0)
                    para = nt.find("\n\n", q0)
                    ends = [x for x in (close, para) if x != -1]
                    quote_end = min(ends) if ends else len(nt)
                    quote_speaker = sources[-1]
                    s.quote_of = i

    # --- events --------------------------------------------------------------------------------------------

    def _clauses(self, nt: str, s: _Sentence) -> list[tuple[int, int]]:
        out = []
        pos = s.start
        for m in _CLAUSE_SEP.finditer(nt, s.start, s.end):
            if _VERB_END.fullmatch(m.group("w")):
                out.append((pos, m.end("w")))
                pos = m.end()
        out.append((pos, s.end))
        return [(a, b) for a, b in out if b > a]

    def _hits(self, text: str, base: int) -> list[_Hit]:
        found: list[_Hit] = []
        for cat, rx in self.lexicon.triggers:
            for m in rx.finditer(text):
                found.append(_Hit(cat, base + m.start(), base + m.end()))
        # Overlaps: the longer match wins ("حمله هوایی" over "حمله"), then the higher rank.
        cats = self.lexicon.categories
        found.sort(key=lambda h: (-(h.end - h.start), -cats[h.category][2], h.start))
        kept: list[_Hit] = []
        for h in found:
            if all(h.end <= k.start or h.start >= k.end for k in kept):
                kept.append(h)
        return sorted(kept, key=lambda h: h.start)

    def _events(self, nt: str, i: int, s: _Sentence, places: list[PlaceMention]) -> list[_Event]:
        out = []
        cats = self.lexicon.categories
        for a, b in self._clauses(nt, s):
            hits = self._hits(nt[a:b], a)
            hits = [h for h in hits if not (self.lexicon.weak.fullmatch(nt[h.start : h.end]))] or [
                h for h in hits if any(a <= p.span.start < b for p in places)
            ]
            if not hits or _QUESTION.search(nt, a, b):
                continue
            best = max(hits, key=lambda h: (cats[h.category][2], -h.start))
            out.append(_Event(i, a, b, best, hits))
        return out

    # --- actors --------------------------------------------------------------------------------------------

    def _actors_in(self, nt: str, a: int, b: int, skip: list[tuple[int, int]]) -> list[tuple[ActorRole, str]]:
        """Actors of a clause with their marker: 'from', 'by', 'against', 'between' or '' (a subject)."""
        out = []
        for m in self.actors.find_all(nt[a:b]):  # type: ignore[attr-defined]
            s, e = a + m.start, a + m.end
            if any(x <= s < y for x, y in skip):
                continue  # a speaker ("سخنگوی طالبان"), not a party to the event
            before = nt[max(a, s - 20) : s]
            marker = ""
            if _BY.search(before):
                marker = "by"
            elif _FROM.search(before):
                marker = "from"
            elif _BETWEEN.search(before):
                marker = "between"
            elif _AGAINST.search(before):
                marker = "against"
            out.append((ActorRole("", m.actor, Span(s, e, nt[s:e])), marker))
        return out

    def _roles(self, nt: str, ev: _Event, skip: list[tuple[int, int]]) -> tuple[ActorRole | None, ActorRole | None]:
        cat = ev.hit.category
        found = self._actors_in(nt, ev.start, ev.end, skip)
        generic = getattr(self.actors, "generic", frozenset())
        by = [r for r, mk in found if mk == "by"]
        frm = [r for r, mk in found if mk == "from"]
        against = [r for r, mk in found if mk == "against"]
        between = [r for r, mk in found if mk == "between"]
        subj = [r for r, mk in found if mk == ""]
        if cat in {"clash", "attack", "territory", "control", "airstrike", "shelling", "ied", "suicide"}:
            # "۱۱ تن کشته شدند" inside a battle clause: counted people are its victims, not a party
            counted = [r for r in subj if r.span is not None and r.actor.inter == 7 and re.search(
                rf"(?:{NUMBER}|{VAGUE_RE.pattern})\s*$", nt[max(ev.start, r.span.start - 20) : r.span.start])]
            subj = [r for r in subj if r not in counted]
            against = against + counted  # the counted victims are the ones it was done to
        a1: ActorRole | None
        a2: ActorRole | None
        if cat in {"territory", "control"}:
            # "سقوط" (fall) is intransitive: its taker is only ever "به دست / توسط X"
            intransitive = nt.startswith("سقوط", ev.hit.start)
            a1 = (by or ([] if intransitive else subj) or [None])[0]
            a2 = next((r for r in frm if a1 is None or r.actor.name != a1.actor.name), None)
        elif cat in {"kill", "injure", "abduct", "arrest"}:
            # the victims are the clause's subject; "by X" / "X killed …" with a named group: the perpetrator
            # Persian tolls are passive ("X کشته شدند"): the subject is the victims; the perpetrator needs "by"
            a1 = (by or [None])[0]
            named = [r for r in subj if r.actor.name not in generic]
            a2 = next((r for r in named + subj if a1 is None or r.actor.name != a1.actor.name), None)
        else:
            ordered = (between + subj) if between else (by + subj)
            a1 = ordered[0] if ordered else None
            rest = [r for r in (ordered[1:] + against + frm) if a1 is None or r.actor.name != a1.actor.name]
            a2 = rest[0] if rest else None
            if _PASSIVE.search(nt, ev.start, ev.end) and not by and a1 is not None and not between:
                a1, a2 = None, a1  # "X مورد حمله قرار گرفت": X was attacked
        if cat == "protest" and (a1 is None or a1.actor.inter == 7):
            a1 = ActorRole("actor1", Actor("Protesters", 6), a1.span if a1 else None)
        return (
            dataclasses.replace(a1, role="actor1") if a1 else None,
            dataclasses.replace(a2, role="actor2") if a2 else None,
        )

    def _main_actors(
        self, nt: str, events: list[_Event], sents: list[_Sentence], places: list[PlaceMention]
    ) -> tuple[ActorRole | None, ActorRole | None] | None:
        """The dyad of the headline or lead (the first three sentences): who took what from whom."""
        for ev in events:
            if ev.sent > 2:
                break
            if ev.hit.category not in {"territory", "clash", "attack"}:
                continue
            a1, a2 = self._roles(nt, ev, sents[ev.sent].speaker_spans)
            if a1 is not None:
                return a1, a2
        return None

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
        nt, text = norm.text, document.text
        s = sents[ev.sent]
        cat = ev.hit.category
        cats = {h.category for h in ev.hits}
        methods = [f"persian:lexicon:{cat}", f"category:{cat}"]
        clause = nt[ev.start : ev.end]
        skip = s.speaker_spans
        a1, a2 = self._roles(nt, ev, skip)
        methods.append("roles:markers")
        if main is not None and cat in {"territory", "control", "clash", "attack"}:
            m1, m2 = main
            if a1 is None and m1 is not None and (a2 is None or a2.actor.name != m1.actor.name):
                a1 = dataclasses.replace(m1, span=None)
                methods.append("actor1:headline")
            if a2 is None and m2 is not None and a1 is not None and m1 is not None and \
                    a1.actor.name == m1.actor.name and m2.actor.name != a1.actor.name:
                a2 = dataclasses.replace(m2, span=None)
                methods.append("actor2:headline")
        # places of the clause, not inside a speaker's name or an actor's
        actor_spans = [(r.span.start, r.span.end) for r in (a1, a2) if r is not None and r.span is not None]
        lo, hi = norm.start(ev.start), norm.end(ev.end)
        orig_skip = [(norm.start(x), norm.end(y)) for x, y in skip + actor_spans]
        chosen = [
            p for p in places
            if lo <= p.span.start < hi and not any(x <= p.span.start < y for x, y in orig_skip)
        ]
        chosen = _drop_context(chosen, text)
        methods.append("place:clause")
        # fighting makes a takeover a battle; the ACLED type follows the actors
        fighting = bool(cats & _FIGHTING_CATS) or bool(re.search(r"(?<!\w)(?:درگیری|جنگ|نبرد)", nt[s.start : s.end]))
        event_type, sub, conf = self._type(cat, a1, a2, fighting, clause, methods)
        # time: the clause's own expression, else the sentence's, else the quotation frame's, else the report's day
        time = self._time(document, norm, sents, ev)
        counts = tuple(self._counts(nt, text, norm, ev.start, ev.end, places))
        fatalities = acled_fatalities(list(counts)) if counts else 0
        certainty = self._certainty(nt, s, ev)
        sources = tuple(
            dataclasses.replace(src, span=Span.of(text, norm.start(src.span.start), norm.end(src.span.end)))
            if src.span is not None else src
            for src in s.sources
        )
        sent_lo, sent_hi = norm.start(s.start), norm.end(s.end)
        sentence = Span.of(text, sent_lo, sent_hi)
        trigger = Span.of(text, norm.start(ev.hit.start), norm.end(ev.hit.end))
        actors = tuple(
            dataclasses.replace(r, span=Span.of(text, norm.start(r.span.start), norm.end(r.span.end)))
            if r.span is not None else r
            for r in (a1, a2) if r is not None
        )
        if not chosen:
            conf -= 0.1
        out = claims_per_place(
            document, sentence, trigger, chosen, fatalities, conf, methods,
            self.actors if isinstance(self.actors, ActorDictionary) else None, event_type=event_type,
            sub_event_type=sub, actors=actors, time=time, counts=counts, sources=sources, certainty=certainty,
        )
        return [c for c in out if c.event_type != NOT_AN_EVENT]

    def _type(
        self, cat: str, a1: ActorRole | None, a2: ActorRole | None, fighting: bool, clause: str, methods: list[str]
    ) -> tuple[str, str | None, float]:
        event_type, sub, _ = self.lexicon.categories[cat]
        conf = 0.8 if cat not in {"kill", "injure", "attack", "clash"} else 0.7
        inter1 = a1.actor.inter if a1 else None
        inter2 = a2.actor.inter if a2 else None
        if cat == "control" and fighting:
            cat = "territory"
            methods.append("control+fighting")
        if cat == "territory":
            sub = "Government regains territory" if inter1 == 1 else "Non-state actor overtakes territory"
            methods.append(f"territory:actor1-inter={inter1}")
            return "Battles", sub, conf
        if cat in {"attack", "kill", "injure"}:
            if inter2 == 7 or (inter2 is None and cat != "attack"):
                event_type, sub = "Violence against civilians", "Attack"
            elif inter2 in _ARMED or (inter1 in _ARMED and cat == "attack"):
                event_type, sub = "Battles", "Armed clash"
            if inter1 in {5, 6} or inter2 == 6:
                event_type, sub = "Riots", "Violent demonstration"
        if cat == "clash" and (inter1 in {5, 6} or inter2 in {5, 6}):
            event_type, sub = "Riots", "Violent demonstration"
        if cat == "protest" and _INTERVENTION.search(clause):
            sub = "Protest with intervention"
        return event_type, sub, conf

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

    # --- counts --------------------------------------------------------------------------------------------

    def _counts(
        self, nt: str, text: str, norm: Normalized, a: int, b: int, places: list[PlaceMention]
    ) -> list[Count]:
        lex = self.lexicon
        clause = nt[a:b]
        place_spans = [(p.span.start, p.span.end) for p in places]
        out: list[Count] = []
        number = re.compile(rf"(?<!\w)(?:{VAGUE_RE.pattern}|{NUMBER})(?!\w)")
        for m in number.finditer(clause):
            o0 = norm.start(a + m.start())
            if any(x <= o0 < y for x, y in place_spans):
                continue  # "ده" of a place name is not ten
            rest = clause[m.end() : m.end() + 80]
            outcome = None
            for words in range(0, 9):
                gap = re.match(rf"((?:\s+[^\s\d،,.]+){{{words}}})\s+", rest)
                if gap is None:
                    break
                gap_words = gap.group(1).split()
                if words and (re.search(rf"(?<!\w)(?:{NUMBER})(?!\w)", gap.group(1)) or any(
                        _VERB_END.fullmatch(w) or w in _PARTICIPLES for w in gap_words)):
                    break  # a number belongs to the outcome of its own clause
                tail = rest[gap.end() :]
                for kind, rx in lex.outcomes:
                    om = rx.match(tail)
                    if om:
                        outcome = (kind, gap.end() + om.end())
                        break
                if outcome:
                    break
            if outcome is None:
                continue
            qual = None
            head = clause[max(0, m.start() - 14) : m.start()]
            for q, rx in lex.qualifiers:
                qm = None
                for qm in rx.finditer(head):  # noqa: B007 (the last match is the one before the number)
                    pass
                if qm is not None and not head[qm.end() :].strip():
                    qual = (q, m.start() - len(head) + qm.start())
                    break
            start = qual[1] if qual else m.start()
            end = m.end() + outcome[1]
            span = Span.of(text, norm.start(a + start), norm.end(a + end))
            out.append(_count(CountKind(outcome[0]), qual[0] if qual else None, m.group(), span))
        # "تلفات سنگین" (heavy casualties): casualties, no figure
        if not out:
            for hm in re.finditer(r"(?<!\w)تلفات(?:\s+(?:سنگین|زیاد|هنگفت|جانی))?(?!\w)", clause):
                span = Span.of(text, norm.start(a + hm.start()), norm.end(a + hm.end()))
                out.append(Count(CountKind.KILLED_OR_INJURED, None, None, None, "vague", span))
        return out


# --- helpers ----------------------------------------------------------------------------------------------------


def _time_rank(f: tuple[int, int, date, date, int], ev: _Event) -> tuple[int, int, int]:
    """The expression in the event's own clause first, then a precise one, then the nearest to the trigger."""
    own = 0 if ev.start <= f[0] < ev.end else 1
    return own, f[4] if f[4] > 1 else 0, min(abs(f[0] - ev.hit.start), abs(f[1] - ev.hit.start))


def _to_norm(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    offs = norm.offsets
    return bisect.bisect_left(offs, start, 0, len(offs) - 1), bisect.bisect_left(offs, end, 0, len(offs) - 1)


def _count(kind: CountKind, qual: str | None, number: str, span: Span) -> Count:
    v = vague(number)
    if v is not None:
        value, low, high, q = v
        return Count(kind, value, low, high, qual or q, span)
    value = parse_number(number)
    q = qual or "exact"
    low: int | None = value
    high: int | None = value
    if value is not None:
        if q in ("at least", "more than"):
            high = None
        elif q == "approximately":
            low, high = round(value * 0.8), round(value * 1.2)
        elif q == "at most":
            low = 0
    return Count(kind, value, low, high, q, span)


def _drop_context(chosen: list[PlaceMention], text: str) -> list[PlaceMention]:
    """A province (or country) that contains another place of the clause only locates it."""
    def contains(big: PlaceMention, small: PlaceMention) -> bool:
        b, s = big.place, small.place
        if b is None or s is None or b == s:
            return False
        fc = b.feature_code or ""
        if fc.startswith("PCL") and s.country == b.country and not (s.feature_code or "").startswith("PCL"):
            return True
        if fc == "ADM1" and b.admin1_code and s.admin1_code == b.admin1_code and s.feature_code != "ADM1":
            return True
        return fc == "ADM2" and bool(b.admin2_code) and s.admin2_code == b.admin2_code and s.feature_code != "ADM2"

    kept = [m for m in chosen if not any(contains(m, o) for o in chosen if o is not m)]
    # "X Y" (district X of province Y): a name right after another one is its container
    kept = [
        m for m in kept
        if not any(o is not m and o.span.end <= m.span.start and re.fullmatch(r"[ \u200c]{1,2}",
                                                                                text[o.span.end : m.span.start])
                   for o in kept)
    ]
    # one place named twice in a clause is one place
    seen: set[tuple[str | None, int | None]] = set()
    out = []
    for m in kept:
        key = (m.place.admin2_code, m.place.gazetteer_id) if m.place else (m.span.text, None)
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


def _follow_up(found: list[Claim]) -> bool:
    return all(
        c.method.split(" ")[1] in {"category:kill", "category:injure"}
        and not c.places and c.actor("actor1") is None and c.counts
        for c in found
    )


def _with_counts(claim: Claim, follow_up: list[Claim]) -> Claim:
    extra = tuple(k for c in follow_up for k in c.counts if k not in claim.counts)
    if not extra:
        return claim
    counts = claim.counts + extra
    return dataclasses.replace(
        claim, counts=counts, fatalities_acled=max(claim.fatalities_acled, acled_fatalities(list(counts))),
        method=claim.method + " counts:follow-up",
    )
