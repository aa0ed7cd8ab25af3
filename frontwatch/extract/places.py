"""Which place mentions locate a claim: those of its clause minus context places, actor modifiers, routes, origins and
blocs; else a pronoun's or an anaphor's antecedent ("the town"), the sentence's or the report's place; with ACLED's
geo precision ("near X")."""

from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.events import _Event
from frontwatch.extract.place_mentions import (
    ORIGIN,
    SUBJECT_LIST,
    _comma_context,
    _contains,
    _country_level,
    _index,
    _sentence_index,
    bounding_countries,
    counted_places,
    names_a_people,
)
from frontwatch.extract.place_roles import (
    _conveyed_to,
    _destination,
    _doers_home,
    _doers_origin,
    _grievance,
    _root_of,
)
from frontwatch.extract.roles import np_bounds
from frontwatch.extract.sentences import _char_ranges, _doc_text, _overlaps, _sentences
from frontwatch.extract.triggers import Lexicon, TriggerEntry, TriggerHit
from frontwatch.model import (
    Document,
    PlaceMention,
    Span,
)

# Confidence given up by a claim whose place is not in its own clause: the sentence's, or the report's.
_WIDER_PENALTY = {"sentence": 0.03, "report": 0.06, "named": 0.08}
_NO_ENTRY = TriggerEntry(-1, "<sentence>", frozenset(), frozenset(), "none", (), frozenset())


# Common nouns for a person or a group of people that a place name qualifies as their home ("a X trader").
# Residents and a place's officials stay out: "X residents protested" happened in X, and an MP stands for X.
_PERSON_NOUNS = frozenset({
    "activist", "boss", "businessman", "businessmen", "businesswoman", "cleric", "doctor", "farmer", "imam",
    "journalist", "lawyer", "man", "pastor", "politician", "preacher", "priest", "pupil", "student", "teacher",
    "tycoon", "woman", "youth", "youths",
})


def _most_specific(found: list[PlaceMention]) -> PlaceMention:
    """The town before the county it is in, then the first named."""
    return min(found, key=lambda m: (m.place.geo_precision or 3) if m.place is not None else 4)


def _in_subject(tok: Token, trigger: Token) -> bool:
    """Whether a token lies in a subject phrase that does not hold the trigger ("youths of a project in X staged a
    demo in Y": X only says who they are)."""
    cur = tok
    for _ in range(12):
        if cur.dep_ in {"nsubj", "nsubjpass"}:
            return not (cur.left_edge.i <= trigger.i <= cur.right_edge.i)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _tree_distance(a: Token, b: Token) -> int:
    """Arcs between two tokens of one sentence through their lowest common head."""
    up: dict[int, int] = {}
    cur, n = a, 0
    while True:
        up.setdefault(cur.i, n)
        if cur.head.i == cur.i or n > 40:
            break
        cur, n = cur.head, n + 1
    cur, n = b, 0
    while cur.i not in up and cur.head.i != cur.i and n <= 40:
        cur, n = cur.head, n + 1
    return n + up.get(cur.i, 40)


def _nearest_specific(doc: Doc, found: list[PlaceMention], trigger: Token) -> PlaceMention:
    """The most specific place; among equals, one outside a subject phrase the trigger is not in, then the one
    nearest the trigger in the parse (the event's "staged a demo in Y" before the doers' "youths from X"), then the
    first named."""
    if len(found) == 1:
        return found[0]

    def key(m: PlaceMention) -> tuple[int, bool, int]:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        precision = (m.place.geo_precision or 3) if m.place is not None else 4
        if span is None or len(span) == 0 or span.sent.start != trigger.sent.start:
            return precision, False, 99
        root = span.root
        return precision, _in_subject(root, trigger), _tree_distance(root, trigger)

    return min(found, key=key)


def _hyphen_next(toks: list[Token]) -> int | None:
    """The token just after a hyphen that closes the place ("X-Y": Y's first token), if any."""
    last = max(toks, key=lambda t: t.i)
    doc = last.doc
    if last.i + 2 < len(doc) and doc[last.i + 1].text in {"-", "\u2013"} and not doc[last.i + 1].whitespace_:
        return last.i + 2
    return None


def _first_of_pairs(main: list[tuple[PlaceMention, list[Token]]]) -> list[tuple[PlaceMention, list[Token]]]:
    """Of two places joined by a hyphen ("the X-Y border", "X-Y clashes"), below the country: the one named first,
    as of a road's two ends; neither locates the other."""
    drop: set[int] = set()
    for m, t in main:
        after = _hyphen_next(t)
        if after is None or _country_level(m):
            continue
        drop |= {id(n) for n, u in main if n is not m and any(x.i == after for x in u) and not _country_level(n)}
    return [(m, t) for m, t in main if id(m) not in drop]


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



# Prepositions by which a subject's own phrase says where its people are ("traders in X and Y protested"); "from" is
# an origin, "of" a home but for residents.
_SUBJECT_PLACE_PREPS = frozenset({"in", "across"})


def _subject_list(doc: Doc, found: list[PlaceMention], trigger: Token) -> list[PlaceMention]:
    """The places, each a conjunct of one "in X and Y" on the active subject of the trigger's verb ("journalists in X
    and Y gathered to protest"): the people of each place acted there, one event per place. Else none."""
    subject: Token | None = None
    prep: Token | None = None
    for m in found:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return []
        cur = span.root
        for _ in range(4):  # "in X, Y and Z": the later names hang from the first
            if cur.dep_ != "conj" or cur.head.dep_ not in {"pobj", "conj"}:
                break
            cur = cur.head
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and (cur.head.lower_ in _SUBJECT_PLACE_PREPS or (
                cur.head.lower_ == "of" and cur.head.head.tag_ == "NNS" and cur.head.head.lemma_ == "resident")):
            # "residents of X and Y held demonstrations": the people of each place, as "X residents" (not "a
            # resident of X", one person's home)
            here, owner = cur.head, cur.head.head
        elif cur.dep_ == "conj" and cur.head.dep_ == "nsubj" and cur.head.i < cur.i:
            here, owner = None, cur.head  # "traders in X and Y": the parser may join Y to the noun, not to X
        else:
            return []
        if subject is not None and owner.i != subject.i:
            return []
        subject = owner
        if here is not None:
            if prep is not None and here.i != prep.i:
                return []
            prep = here
    if subject is None or prep is None or subject.dep_ != "nsubj" or len(found) < 2:
        return []
    if subject.left_edge.i <= trigger.i <= subject.right_edge.i or not (
            trigger.i == subject.head.i or subject.head in trigger.ancestors):
        return []  # the trigger must be the subject's verb or lie under it
    if len({(m.place.name, m.place.lat, m.place.lon) for m in found if m.place is not None}) < 2:
        return []
    return [dataclasses.replace(m, method=f"{SUBJECT_LIST} {m.method}") for m in found]


def ner_places(document: Document, doc: Doc) -> list[PlaceMention]:
    """Unresolved toponyms from spaCy's entities: the stand-in when no geoparser is at hand."""
    return [
        PlaceMention(Span.of(document.text, e.start_char, e.end_char), None, None, f"ner:{e.label_}")
        for e in doc.ents
        if e.label_ in {"GPE", "LOC", "FAC"}
    ]


class PlacePicker:
    """The places of an event (`places`), and where its clause names none, the wider ones (`wider_place`,
    `anaphor_place`)."""

    def __init__(self, actors: ActorDictionary, lexicon: Lexicon) -> None:
        self.actors = actors
        self.words = lexicon.words
        self.anaphors = lexicon.anaphors


    # -- places ----------------------------------------------------------------------------------------------

    def places(
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
        index = _index(doc, mentions)
        inside = [m for m in index.starting(lo - index.longest, hi)
                  if m.span.start < hi and lo < m.span.end and _overlaps(m.span.start, m.span.end, clause_chars)]
        kept: list[tuple[PlaceMention, list[Token]]] = []
        for m in inside:
            if any(s.start <= m.span.start < s.end for s in source_spans):
                continue
            # an actor read from the place itself ("traders in X protest" parsed as "the X protest") leaves it the
            # event's place; a place inside a longer actor phrase ("X gunmen") only names who
            text = _doc_text(doc)
            if any(a <= m.span.start < b and not self._names_place_only(text, m, a, b) for a, b in actor_spans):
                continue
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            toks = self._extend_place(list(span))
            if (self._modifies_actor(toks) or self.actors.is_demonym(m.span.text) or self._names_actor(m.span.text)
                    or self._names_people(toks) or names_a_people(text, m)):
                continue
            if m.span.text.lower().strip() in self.words["blocs"] or (
                    span[0].i > 0 and doc[span[0].i - 1].lower_ == "the"
                    and m.span.text.lower() in self.words["compass"]):
                continue  # "the West": a bloc, not a place
            kept.append((m, toks))
        # where people were conveyed afterwards ("the detained were transferred to Y") is no place of the event
        kept = [(m, t) for m, t in kept if not _conveyed_to(t, event.hit.token)]
        # Context places: "X, the capital of Y province", "Y's X district", "in X near Y" → Y only locates X; but
        # where X is a name the gazetteer cannot place ("the X district of Y"), Y is the best point known.
        if any(m.place is not None for m, _ in kept):
            kept = [(m, t) for m, t in kept if m.place is not None]
        # the ends of a road ("the X-Y highway") are peers, not one the context of the other
        # where a march went is where the protest was, not a route's end ("from X marched to Y")
        route = {id(m) for m, t in kept if self._route_or_origin(t, m) and not _destination(
            t, event.hit.token, self.words["route_heads"])}
        # "the X-Y border": two sides below the country, peers, though the parser hangs X from Y
        sides = {x.i for n, u in kept if not _country_level(n) for x in u}
        main = [(m, t) for m, t in kept if id(m) in route or (not _country_level(m) and _hyphen_next(t) in sides)
                or not _subordinate(t, [u for n, u in kept if n is not m])]
        if any(id(m) not in route for m, t in main):
            main = [(m, t) for m, t in main if id(m) not in route]
        elif len(main) > 1 and all(m.place is not None for m, _ in main):
            # only a road's ends ("blocked the X-Y highway"): one event, at the end named first, but a national
            # capital last (highways are named from it: "the Capital-X highway" is the road to X)
            main = [min(main, key=lambda mt: (mt[0].place is not None and mt[0].place.feature_code == "PPLC"))]
        main = _first_of_pairs(main)
        if main and all((_country_level(m) and (id(m) in route or "+cue:border" in m.method))
                        or (id(m) in route and _doers_origin(t)) for m, t in main):
            # only countries the doers came from or a border's sides ("raiders from X attacked them", "near the X-Y
            # border"), or the doers' home town ("bandits from X raided herders"): kept, but marked so that a wider
            # search for the event's place is not bound to them and looks past them
            main = [(dataclasses.replace(m, method=f"{ORIGIN} {m.method}"), t) for m, t in main]
        # "800 X teachers protest ... in Y", "students of X University in Y": a place that only qualifies another
        # noun yields to one that locates the event
        trigger = {event.hit.token.i, event.hit.head.i}
        if any(not self._qualifies_noun(t, trigger) and not _country_level(m) for m, t in main):
            main = [(m, t) for m, t in main if not self._qualifies_noun(t, trigger)]
        if any(not _country_level(m) for m, _ in main):
            main = [(m, t) for m, t in main if not _country_level(m)]
        # "a Mombasa businessman", "Kisumu youth": where a person is from, not where the event was; with only such
        # places the clause names none, and the sentence, the report or the last resort decide
        if main and all(self._home_of_person(t, trigger) for _, t in main):
            # but the doers' own town, where they act ("X youths blocked the road"), is where they did it, unless
            # the sentence names another place that is no one's home ("X teachers protested ... in Y")
            doers = [(m, t) for m, t in main if _doers_home(t, event.hit.token)]
            homes = [m for m, _ in main]
            main = doers if doers and not self._other_place(
                doc, event.hit.token.sent, mentions, source_spans, homes, trigger) else []
        # A resolved admin unit that contains another place of the clause is context too.
        out = [m for m, _ in main]
        text = _doc_text(doc)
        out = [m for m in out if not any(_contains(m, o) or _comma_context(o, m, text) for o in out if o is not m)]
        grievance = _grievance(event.hit.token)
        if grievance and out:
            about = [m for m, t in main if m in out and any(x.i in grievance for x in t)]
            rest = [m for m in out if m not in about]
            lo, hi = doc[min(grievance)].idx, doc[max(grievance)].idx + len(doc[max(grievance)].text)
            if about and (rest or self._other_place(doc, event.hit.token.sent, mentions,
                                                    [*source_spans, Span(lo, hi, "")], about)):
                return rest  # empty: the sentence names where the protest was elsewhere, the wider phrase finds it
        return out

    def _other_place(self, doc: Doc, sent: SpacySpan, mentions: list[PlaceMention], source_spans: list[Span],
                     skip: list[PlaceMention], homes_of: set[int] | None = None) -> bool:
        """Whether the sentence names a resolved place below the country besides `skip`, outside a source's phrase
        (with `homes_of`, the trigger's tokens: nor a person's home town)."""
        for m in _index(doc, mentions).starting(sent.start_char, sent.end_char):
            if (m.place is None or m in skip or _country_level(m) or "demonym" in m.method
                    or any(s.start <= m.span.start < s.end for s in source_spans)
                    or any(_contains(m, k) or _comma_context(k, m, _doc_text(doc)) for k in skip)):
                continue  # nor the unit or town that only locates a skipped place ("X district, Y")
            if homes_of is not None:
                span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                if span is None or len(span) == 0 or self._home_of_person(list(span), homes_of):
                    continue
            return True
        return False

    def wider_place(
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
        countries = bounding_countries(chosen)

        def fits(found: list[PlaceMention]) -> list[PlaceMention]:
            return [m for m in found if not _country_level(m) and m.place is not None
                    and ORIGIN not in m.method.split() and (not countries or m.place.country in countries)]

        starts = _index(doc, mentions).starts
        tok, last = event.hit.head, (-1, -1)
        while True:
            lo, hi = tok.left_edge.i, tok.right_edge.i + 1
            a, b = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
            k = bisect.bisect_left(starts, a)
            if (lo, hi) != last and k < len(starts) and starts[k] < b:
                found = fits(self.places(doc, _Event(event.hit, set(range(lo, hi))), mentions, source_spans,
                                          actor_spans, role_places))
                if found:
                    listed = _subject_list(doc, found, event.hit.token) or counted_places(_doc_text(doc), found)
                    if listed:
                        return listed, "sentence"
                    return [_nearest_specific(doc, found, event.hit.token)], "sentence"
            last = (lo, hi)
            if tok.head.i == tok.i or tok.head.i < sent.start or tok.head.i >= sent.end:
                break
            tok = tok.head
        sents = _sentences(doc)
        k = _sentence_index(doc, sent)
        if k is None:
            return [], ""
        for j in [*range(k - 1, -1, -1), *range(k + 1, len(sents))]:
            lead = fits(self.lead_places(doc, sents[j], mentions))
            if lead:
                return [_most_specific(lead)], "report"
        return [], ""

    def named_place(
        self,
        doc: Doc,
        sent: SpacySpan,
        mentions: list[PlaceMention],
        source_spans: list[Span],
        chosen: list[PlaceMention],
    ) -> list[PlaceMention]:
        """The last resort where no phrase of the report locates the event: the most specific place below the
        country its sentence names at all, even one that only qualifies a noun ("X councillors rioted", "X-based
        journalists protested", "X police arrested"), else the nearest sentence's that names one, before then after.
        A short report names where it happened or near it; a people's name, a demonym or a source's name is no
        place."""
        countries = bounding_countries(chosen)

        def named(a: int, b: int, sources: list[Span]) -> list[PlaceMention]:
            out = []
            for m in _index(doc, mentions).starting(a, b):
                p = m.place
                if not a <= m.span.start < b or p is None or _country_level(m) or "demonym" in m.method:
                    continue
                if (countries and p.country not in countries) or any(
                        s.start <= m.span.start < s.end for s in sources):
                    continue
                span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                if span is None or self._names_people(list(span)) or self.actors.is_demonym(m.span.text) or (
                        _conveyed_to(list(span), None)):  # where people were taken afterwards
                    continue
                out.append(m)
            return out

        sents = _sentences(doc)
        k = _sentence_index(doc, sent)
        order = [sent] if k is None else [sent, *(sents[j] for j in [*range(k - 1, -1, -1),
                                                                      *range(k + 1, len(sents))])]
        # a place named only in a source's phrase ("a reporter in X said he was abducted") comes last: the report
        # names no other, and a speaker speaks of where they are
        for sources in (source_spans, []):
            for s in order:
                found = named(s.start_char, s.end_char, sources)
                if found:
                    return [_most_specific(found)]
            if not source_spans:
                break
        return []

    def town_inside(self, doc: Doc, sent: SpacySpan, mentions: list[PlaceMention], source_spans: list[Span],
                    chosen: list[PlaceMention]) -> list[PlaceMention]:
        """A unit (county, district) the event's clause names, where its sentence also names a town inside it ("X
        residents blocked the highway to protest the roads in Y county"): the town, the most specific place the
        sentence gives for the event; ACLED codes the town."""
        units = [m for m in chosen if m.place is not None and (m.place.feature_code or "").startswith(("ADM1", "ADM2"))]
        if not units or len(units) != len(chosen):
            return chosen
        out: list[PlaceMention] = []
        for u in units:
            towns = []
            for m in mentions:
                p = m.place
                if (p is None or not sent.start_char <= m.span.start < sent.end_char
                        or not (p.feature_code or "").startswith("PPL")
                        or "demonym" in m.method or not _contains(u, m)
                        or any(s.start <= m.span.start < s.end for s in source_spans)):
                    continue
                span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                if span is None or self._names_people(list(span)) or self.actors.is_demonym(m.span.text) or (
                        names_a_people(_doc_text(doc), m)):
                    continue
                towns.append(m)
            out.append(towns[0] if len(towns) == 1 else u)  # several towns: the unit is the fair answer
        return out

    def lead_places(self, doc: Doc, sent: SpacySpan, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """A sentence's own places, context places aside (cached on the doc: each sentence is read once)."""
        cache = doc.user_data.setdefault("fw_lead_places", {})
        key = (sent.start, id(mentions))
        if key not in cache:
            a, b = sent.start_char, sent.end_char
            if _index(doc, mentions).starting(a, b):
                whole = _Event(TriggerHit(sent.root, _NO_ENTRY, sent.root), set(range(sent.start, sent.end)))
                cache[key] = self.places(doc, whole, mentions, [], [], [])
            else:
                cache[key] = []
        return cache[key]

    def _names_actor(self, text: str) -> bool:
        """ "NATO", "Taliban": a named group, whatever a gazetteer may hold under that name."""
        actor = self.actors.canonical(text)
        return actor is not None and actor.name not in self.actors.generic

    def anaphor_place(
        self, doc: Doc, text: str, event: _Event, mentions: list[PlaceMention], sent: SpacySpan
    ) -> PlaceMention | None:
        for i in sorted(event.clause):
            tok = doc[i]
            lemma = tok.lemma_.lower()
            group = next((g for g in self.anaphors if lemma in g), None)
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

    def _extend_place(self, toks: list[Token]) -> list[Token]:
        """A toponym's tokens plus the generic place nouns it names ("X district", "X and Y districts")."""
        out = list(toks)
        ids = {t.i for t in toks}
        for t in toks:
            if t.dep_ not in {"compound", "amod"}:
                continue
            head = t.head
            steps = 0
            while head.i not in ids and head.lemma_.lower() in self.words["place_nouns"] and steps < 3:
                out.append(head)
                ids.add(head.i)
                head = head.head
                steps += 1
        return out

    def _modifies_actor(self, toks: list[Token]) -> bool:
        root = _root_of(toks)
        for _ in range(4):  # the last of "X and Y raiders" hangs from the first, which qualifies the noun
            if root.dep_ != "conj" or root.head.i == root.i:
                break
            root = root.head
        return root.dep_ in {"compound", "amod", "nmod", "poss"} and (
            root.head.lemma_.lower() in self.words["actor_heads"])

    def _names_people(self, toks: list[Token]) -> bool:
        """ "the X community", "X and Y clans", "X people": the name of a people, whatever land it also names."""
        root = _root_of(toks)
        for _ in range(4):  # the first of "X and Y clans" heads the list
            if root.dep_ != "conj" or root.head.i == root.i:
                break
            root = root.head
        head = root.head
        heads = self.words.get("people_heads", frozenset())
        return root.dep_ in {"compound", "amod", "nmod"} and (head.lemma_.lower() in heads or head.lower_ in heads)

    def _qualifies_noun(self, toks: list[Token], trigger: set[int]) -> bool:
        """The place is a modifier of a noun other than the event's ("X teachers", "X University"), not a place noun."""
        root = _root_of(toks)
        head = root.head
        end = head
        for _ in range(3):  # "the X Sugar Company": the name begins a longer one that an institution's word ends
            if end.pos_ != "PROPN" or end.dep_ != "compound" or end.lemma_.lower() in self.words["institution_nouns"]:
                break
            end = end.head
        head = end if end.lemma_.lower() in self.words["institution_nouns"] else head
        lemma = head.lemma_.lower()
        # a capitalised head is the rest of a longer name ("X da Y") unless it is an institution's word
        noun = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and lemma in self.words["institution_nouns"])
        return (root.dep_ in {"compound", "amod", "nmod"} and noun and head.i not in trigger
                and lemma not in self.words["place_nouns"] and lemma not in self.words["unit_nouns"])

    def _home_of_person(self, toks: list[Token], trigger: set[int]) -> bool:
        """The place only says where a person named by a common noun is from ("a X businessman", "X youths")."""
        root = _root_of(toks)
        head = root.head
        return (root.dep_ in {"compound", "amod", "nmod"} and head.i not in trigger and head.pos_ == "NOUN"
                and (head.lemma_.lower() in _PERSON_NOUNS or head.lower_ in _PERSON_NOUNS))

    def _names_place_only(self, text: str, m: PlaceMention, a: int, b: int) -> bool:
        """An actor span that is the resolved place itself, with at most its unit word ("X", "X county")."""
        if a != m.span.start or m.place is None or _country_level(m):
            return False
        return all(w in self.words["place_nouns"] for w in re.findall(r"[a-z]+", text[m.span.end : b].lower()))

    def _route_or_origin(self, toks: list[Token], m: PlaceMention | None = None) -> bool:
        """ "the X-Y highway", "X road": the place names a road; "herders from X", "vans from X to Y": where they came
        from or went."""
        root = _root_of(toks)
        head = root.head
        # "on X Road, Y": a name set beside a road's name says where the road runs, not where it leads
        for _ in range(0 if root.dep_ == "appos" and root.i > head.i else 3):
            # "the X - Y highway": the name may hang from its partner before the road noun
            if head.lemma_.lower() in self.words["route_heads"]:
                return True
            if head.i == head.head.i or head.dep_ not in {"compound", "amod", "nmod", "npadvmod", "conj", "punct"}:
                break
            head = head.head
        # "herders from X and Y": Y hangs from X, an origin too; a country of a list stays for the country rule
        # ("militias from A, B and C" says nothing of where they fought, nor may it point to the dateline's country)
        for _ in range(4 if m is None or not _country_level(m) else 0):
            if root.dep_ != "conj" or root.head.i == root.i:
                break
            root = root.head
        return root.dep_ == "pobj" and root.head.lower_ in {"from", "to"}
