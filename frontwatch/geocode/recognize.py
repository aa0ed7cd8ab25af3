"""Toponym recognition: spaCy's GPE/LOC/FAC (and NORP demonyms) plus gazetteer-driven matches over capitalised name
chunks that the model misses — hyphenated transliterations ("Qala-e-Naw" is five tokens to spaCy), names followed by
a feature cue ("X district", "X and Y districts", "the X valley"), and any name already recognised elsewhere in the
same document (one sense per discourse)."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Any

from frontwatch.geocode.cues import (
    ASSAULTED_BEFORE,
    AT_BEFORE,
    CHUNK,
    COMPASS_WORDS,
    CUE_AFTER,
    CUE_BEFORE,
    CUE_KIND,
    DAY_AFTER,
    FACILITY_AFTER,
    INHABITANTS_AFTER,
    INHABITANTS_BEFORE,
    LIST_SEP,
    LOCAL_CUES,
    LOCATIVE_BEFORE,
    LOCATIVE_MIN_POPULATION,
    MAX_WORDS,
    OUTLET_AFTER,
    PERSON_TAKEN_AFTER,
    PLACE_SLOT,
    STOP,
    TAKEN_BEFORE,
    WAY_BEFORE,
    _cue_word,
    _sentence_initial,
    _trim,
)
from frontwatch.geocode.gazetteer import Gazetteer
from frontwatch.geocode.keys import name_key
from frontwatch.geocode.names import ABBREVIATIONS, DEMONYMS, NOT_PLACES, REGIONS
from frontwatch.text.dateline import DATELINE, DATELINE_WINDOW

# "Y's X": only the possessive between an owner and the name it holds ("Y's X border" is Y's edge with X, not X in Y)
OWNER_GAP = re.compile(r"^['’]s\s+(?:the\s+)?$")

# A city's civic institution named after it ("X City Hall", "a X court", "the X police"): the city the organisation
# name begins with is where it stands, a place even inside the model's organisation span.
CIVIC_AFTER = re.compile(r"^\s+(?:(?:city|town)\s+)?(?:hall|council|court|police|municipality)\b", re.IGNORECASE)
# Unit words that make a name they end a place ("X District"); not "City" or "Airport", which end club and firm names.
OWN_UNIT_CUES = frozenset({"district", "districts", "province", "provinces", "county", "sub-county", "division",
                           "constituency", "ward", "governorate"})
# A compass word closing a capitalised name ("X East", "X North sub-county"): the part of X so named.
SUBUNIT_AFTER = re.compile(r"^\s+(?:North|South|East|West|Central)\b(?:\s+((?i:sub[-\s]?county|constituency|division|"
                           r"district|ward|location))\b|(?!\s+[A-Z][a-z]))")
# How big a city must be for an institution's name to place it (a city, not any hamlet of the name).
CIVIC_MIN_POPULATION = 100_000
# "eastern X", "north-western X": a part of a place is told by the place, so the name is one wherever the phrase
# stands ("a truce for eastern X", "the pocket of eastern X"), not only after "in"
PART_BEFORE = re.compile(r"\b(?:(?:north|south)(?:-?(?:east|west))?|east|west)ern\s+$")

Spans = list[tuple[int, int, str]]
# A hyphen between two capitalised words ("the X-Y road" names two towns; not the "-e-" of "Qala-e-Naw").
_NAME_HYPHEN = re.compile(r"(?<=[a-z\u00df-\u024f])-(?=[A-Z\u00c0-\u00de])")


def _chunk_words(chunk: str) -> list[tuple[int, int]]:
    """The words of a name chunk: split at spaces, and at a hyphen that joins two capitalised words. A name the
    gazetteer holds whole ("X-Y") is still found, as the longest run of words is tried first."""
    out: list[tuple[int, int]] = []
    for w in re.finditer(r"[^\s]+", chunk):
        a = w.start()
        for h in _NAME_HYPHEN.finditer(w.group()):
            cut = w.start() + h.start()
            if chunk[chunk.rfind("-", a, cut) + 1 or a].isupper():  # the part before the hyphen is capitalised
                out.append((a, cut))
                a = cut + 1
        out.append((a, w.end()))
    return out


@dataclass
class Mention:
    start: int
    end: int
    text: str
    cue: str | None = None
    ner: str | None = None
    country_hint: str | None = None  # demonyms and abbreviations name their country directly
    region: tuple[float, float] | None = None
    method: str = ""
    whole: bool = False  # the whole capitalised chunk, not a part of a longer name
    # "Cairo, Illinois": the admin1 codes / countries of the next name that hold a namesake of this one (`within`),
    # and, on that next name, the codes it is the unit of (`holds`).
    within: frozenset[str] = frozenset()
    holds: frozenset[str] = frozenset()
    list_peers: tuple[int, ...] = ()  # indexes of the other names of a coordinated list it belongs to
    top_pop: int = 0  # population of the most populous populated place among the candidates
    full_named: bool = False  # some candidate's own name has the mention's kind word ("Mexico City")
    own_cue: bool = False  # the cue is the name's own last word ("X District"), not one a list shares


class Recognizer:
    gazetteer: Gazetteer

    def recognize(self, text: str, doc: Any = None, hint: str | None = None) -> list[Mention]:
        """Toponym mentions. `hint`: the report's country (ISO2) when given with it; a name after a locative
        preposition that the gazetteer holds in that country is then a place whatever its size ("in <village>")."""
        found, person_org = self._ner_mentions(text, doc)
        accepted_keys = {name_key(m.text) for m in found.values() if m.country_hint is None}
        pending = self._chunk_mentions(text, found, person_org, hint)
        self._accept(text, found, pending, accepted_keys, hint)
        self._datelines(text, found)
        for k in [k for k, m in found.items() if DAY_AFTER.match(text[m.end : m.end + 16])
                  or (OUTLET_AFTER.match(text[m.end : m.end + 16]) and m.method != "demonym")]:
            del found[k]
        # Cues for NER mentions too.
        for m in found.values():
            if m.cue is None:
                cue = CUE_AFTER.match(text[m.end : m.end + 30])
                if cue:
                    m.cue = _cue_word(cue.group(1))
        return sorted(found.values(), key=lambda m: m.start)

    def _ner_mentions(self, text: str, doc: Any) -> tuple[dict[tuple[int, int], Mention], Spans]:
        """The model's place entities the gazetteer knows, and its person/organisation spans."""
        found: dict[tuple[int, int], Mention] = {}
        ner_spans: dict[tuple[int, int], str] = {}
        person_org: Spans = []
        if doc is not None:
            for ent in doc.ents:
                if ent.label_ in ("GPE", "LOC", "FAC", "NORP"):
                    s, e, sub = _trim(text, ent.start_char, ent.end_char)
                    # A span the gazetteer does not know ("Y's X district") is left to the
                    # chunk matcher below, which finds the names inside it.
                    if e > s and (ent.label_ == "NORP" or self._known(sub)):
                        ner_spans[(s, e)] = ent.label_
                elif ent.label_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
                    person_org.append((ent.start_char, ent.end_char, ent.label_))
        for (s, e), label in ner_spans.items():
            m = self._mention(text, s, e, ner=label)
            if m:
                found[(s, e)] = m
        return found, person_org

    def _chunk_mentions(self, text: str, found: dict[tuple[int, int], Mention], person_org: Spans,
                        hint: str | None) -> list[Mention]:
        """Gazetteer-driven: sub-chunks of capitalised name chunks, longest first."""
        # The entity spans by start, with the furthest end reached so far: whether a candidate overlaps one is a
        # bisection, not a scan of every entity of the document.
        spans = sorted(found)
        span_starts = [fs for fs, _ in spans]
        reach = list(itertools.accumulate((fe for _, fe in spans), max))
        pending: list[Mention] = []
        for chunk in CHUNK.finditer(text):
            words = _chunk_words(chunk.group())
            base = chunk.start()
            if len(words) > 1 and self._unknown_local_name(text, chunk.start(), chunk.end()):
                continue  # "Bora Moyo village": one local name the index lacks, not the towns its words spell
            i = 0
            skipped = False  # the word before is a capitalised word of the chunk that matched nothing
            while i < len(words):
                matched = False
                for j in range(min(len(words), i + MAX_WORDS), i, -1):
                    s, e = base + words[i][0], base + words[j - 1][1]
                    s, e, sub = _trim(text, s, e)
                    k = bisect.bisect_left(span_starts, e)  # the entities starting before this candidate ends
                    if e <= s or (s, e) in found or (k and reach[k - 1] > s):
                        continue
                    if sub.lower() in STOP or len(sub) < 3:
                        continue
                    # a known abbreviation ("NSW") is a name, though the index holds it under its full name only
                    if (not self.gazetteer.has_key(name_key(sub)) and not self._short_district(text, e, sub)
                            and not self.gazetteer.glued_article(sub) and sub.lower() not in ABBREVIATIONS):
                        continue
                    if len(words) > 1 and j - i == 1 and sub.lower() in COMPASS_WORDS:
                        continue  # "South" of "Teso South": part of a longer name, not a place of its own
                    whole = i == 0 and j == len(words)
                    pending.append(self._chunk_mention(text, s, e, sub, whole, skipped, person_org, hint))
                    i = j
                    matched = True
                    break
                skipped = not matched
                if not matched:
                    i += 1
        return pending

    def _unknown_local_name(self, text: str, s: int, e: int) -> bool:
        """A name of several capitalised words that a local unit word follows ("X Y village", "X Y area") and that
        the index does not hold whole."""
        cue = CUE_AFTER.match(text[e : e + 30])
        if cue is None or _cue_word(cue.group(1)) not in LOCAL_CUES | {"village"}:
            return False
        # "X North sub-county" is X's unit, and a sentence's first word is capitalised whatever it is
        words = [w for w in re.finditer(r"\S+", text[s:e])
                 if w.group().lower() not in COMPASS_WORDS and not (w.start() == 0 and _sentence_initial(text, s))]
        return len(words) > 1 and not self.gazetteer.has_key(name_key(text[s:e]))

    def _short_district(self, text: str, e: int, sub: str) -> bool:
        """"Yaftal district": a name the gazetteer holds only as the head of a district's name ("Yaftal-e Suflá")."""
        cue = CUE_AFTER.match(text[e : e + 30])
        return cue is not None and _cue_word(cue.group(1)) == "district" and bool(self.gazetteer.district_heads(sub))

    def _chunk_mention(self, text: str, s: int, e: int, sub: str, whole: bool, skipped: bool, person_org: Spans,
                       hint: str | None) -> Mention:
        m = Mention(s, e, sub, method="gazetteer")
        # "Ngamia Road area": the end of a longer name the gazetteer lacks does not take its cue
        cue = None if skipped else CUE_AFTER.match(text[e : e + 30])
        before = CUE_BEFORE.search(text[max(0, s - 30) : s])
        before_cue = before.group(2).lower() if before else None
        # "districts of X" / "capital of X": X is the larger unit.
        if before_cue in ("district", "city", "town", "village", "capital", "outskirts", "centre", "center"):
            before_cue = "province" if before_cue in ("district", "capital") else "city"
        # "X District", the whole capitalised chunk: the name's own unit word is its cue (the model reads many as a
        # person's name) where the gazetteer holds the name as a unit; inside a longer name ("X County Fire
        # Department", "Y School District") it names a body
        own = CUE_AFTER.match(" " + sub.rsplit(" ", 1)[-1]) if " " in sub else None
        m.cue = (_cue_word(cue.group(1)) if cue else None) or before_cue
        if m.cue is None and own is not None and whole and _cue_word(own.group(1)) in OWN_UNIT_CUES and any(
                c.feature_code.startswith("ADM") for c in self.gazetteer.candidates(sub, limit=20)):
            m.cue, m.own_cue = _cue_word(own.group(1)), True
        if m.cue in LOCAL_CUES and not whole:
            m.cue = None  # "Peace River Valley area": a local unit word names the whole chunk
        # the model's entities never overlap and come in text order: only the last one starting at or before the
        # mention can hold it (a scan of them all per mention made a long report quadratic)
        k = bisect.bisect_right(person_org, (s, float("inf"), "")) - 1
        holder = person_org[k] if k >= 0 and person_org[k][1] >= e else None
        m.ner = "PERSON/ORG" if holder is not None else None
        person = holder is not None and holder[2] == "PERSON"
        fac = FACILITY_AFTER.match(text[e : e + 40])
        facility = fac is not None
        # the model's person span may run over the facility's words too ("X Market")
        if person and hint and holder is not None and holder[0] == s and (
                holder[1] == e or (fac is not None and holder[1] <= e + fac.end())) and " " not in sub and (
                PLACE_SLOT.search(text[max(0, s - 40) : s]) or facility):
            # The model reads many an unfamiliar town as a person; a lone name (people are named with a first name
            # or a title) where a place stands ("in X", "a X trader", "the X estate, X", "X police station") is
            # not one.
            person = False
        part = SUBUNIT_AFTER.match(text[e : e + 40]) if hint else None
        # "X East constituency", "X North": a part of X, a notable unit or town of the report's country (any place
        # of its name where a unit word follows), even where the model reads it as a person; X is the nearest
        # place known
        subunit = part is not None and self._held_in(sub, hint or "", notable=part.group(1) is None)
        person = person and not subunit
        m.whole = whole
        if holder is not None and holder[2] == "ORG" and holder[0] == s and CIVIC_AFTER.match(text[e : e + 30]):
            m.method = "gazetteer+institution"
        inhabitants = bool(INHABITANTS_AFTER.match(text[e : e + 20])
                           or INHABITANTS_BEFORE.search(text[max(0, s - 30) : s]))
        if m.cue is None and hint and (((inhabitants or facility) and self._held_in(sub, hint, notable=False))
                                       or subunit or (not person and self._held_in(sub, hint))):
            # "X residents protested", "residents of X", "the University of X", "his X home": in the
            # report's given country, a name it holds there as a town of some size or a unit is a place
            m.method = "gazetteer+country"
            m.cue = "town" if INHABITANTS_AFTER.match(text[e : e + 20]) else None
        return m

    def _accept(self, text: str, found: dict[tuple[int, int], Mention], pending: list[Mention],
                accepted_keys: set[str], hint: str | None) -> None:
        """Keep the chunk matches with evidence of being a place (a cue, a given country, a locative preposition, a
        long transliterated name), and every other occurrence of an accepted name."""
        # Coordinated lists share the cue that follows them: "A, B and C districts".
        pending.sort(key=lambda m: m.start)
        for k in range(len(pending) - 2, -1, -1):
            a, b = pending[k], pending[k + 1]
            if a.cue is None and b.cue and not b.own_cue and LIST_SEP.match(text[a.end : b.start]):
                a.cue = b.cue
        owners = self._possessive_owners(text, pending, hint)
        for m in pending:
            hyphenated = "-" in m.text or " " in m.text
            if id(m) in owners:
                m.method = "gazetteer+owner"
                accepted_keys.add(name_key(m.text))
            if m.cue or m.method == "gazetteer+country" or (
                    hyphenated and len(name_key(m.text)) >= 6 and m.ner is None) or self._civic_city(m):
                accepted_keys.add(name_key(m.text))
            elif (m.whole and self._sizeable(m.text, hint)
                  and (LOCATIVE_BEFORE.search(before := text[max(0, m.start - 30) : m.start])
                       or PART_BEFORE.search(before)
                       or (TAKEN_BEFORE.search(before) and self._taken_ground(text, m))
                       or (hint and (AT_BEFORE.search(before) or (
                           (ASSAULTED_BEFORE.search(before) or WAY_BEFORE.search(before))
                           and self._held_in(m.text, hint, notable=False)))))):
                # "swept into X", "a post in X": after a locative preposition a name the gazetteer holds as a
                # town of some size or an admin unit is that place, whatever the model thought of it
                m.method = "gazetteer+locative"
                accepted_keys.add(name_key(m.text))
        for m in pending:
            if name_key(m.text) in accepted_keys and not (
                m.start > 0 and _sentence_initial(text, m.start) and m.text.lower() in STOP
            ):
                found[(m.start, m.end)] = m

    def _possessive_owners(self, text: str, pending: list[Mention], hint: str | None) -> set[int]:
        """"Y's X district": a unit or a town of some size that owns a place named with its kind word is a place (the
        model reads the whole as one name the index lacks)."""
        return {id(a) for a, b in itertools.pairwise(pending)
                if b.cue not in (None, "border") and OWNER_GAP.match(text[a.end : b.start])
                and self._sizeable(a.text, hint)}

    def _taken_ground(self, text: str, m: Mention) -> bool:
        """A whole name after a verb of taking ground is the ground taken even where the model read a person or an
        organisation ("militants seized X"), unless what follows tells a person ("captured X, who…", "X alive") or
        the gazetteer holds it only as a hamlet; a person's full name is not one whole gazetteer place."""
        if m.ner is None:
            return True
        return not PERSON_TAKEN_AFTER.match(text[m.end : m.end + 20]) and any(
            c.feature_code.startswith(("PPLA", "PPLC", "ADM")) or c.population >= LOCATIVE_MIN_POPULATION
            for c in self.gazetteer.candidates(m.text, limit=60) if c.feature_class in ("P", "A"))

    def _civic_city(self, m: Mention) -> bool:
        """A name that begins a civic institution's name ("X City Hall") and is a capital or a large city."""
        return m.method == "gazetteer+institution" and any(
            c.feature_code == "PPLC" or (c.feature_class == "P" and c.population >= CIVIC_MIN_POPULATION)
            for c in self.gazetteer.candidates(m.text, limit=60))

    def _datelines(self, text: str, found: dict[tuple[int, int], Mention]) -> None:
        """A wire dateline names where the report was filed ("KABUL, Aug 15 (Reuters) -"): the town, and its region
        or country if given; "the capital", "the city" further on point back to it."""
        for dl in DATELINE.finditer(text[:DATELINE_WINDOW]):
            for group, cue in (("place", "city"), ("region", None)):
                s, e = dl.span(group)
                if s < 0 or any(s < fe and fs < e for fs, fe in found):
                    continue
                if not self.gazetteer.has_key(name_key(text[s:e])):
                    continue
                found[(s, e)] = Mention(s, e, text[s:e], cue=cue, method="dateline")

    def _sizeable(self, name: str, hint: str | None = None) -> bool:
        return any(
            c.population >= LOCATIVE_MIN_POPULATION or c.feature_code.startswith(("ADM", "PCL"))
            or (c.country == hint and c.feature_class == "P")
            for c in self.gazetteer.candidates(name, limit=60)
        )

    def _held_in(self, name: str, country: str, notable: bool = True) -> bool:
        """Does the gazetteer hold this name in the country (`notable`: as a unit or a town of some size)?"""
        return any(c.country == country and (not notable or c.population >= LOCATIVE_MIN_POPULATION
                                             or c.feature_code in ("ADM1", "ADM2", "PPLA", "PPLA2", "PPLC"))
                   for c in self.gazetteer.candidates(name, limit=60))

    def _known(self, sub: str) -> bool:
        low = sub.lower()
        return low in ABBREVIATIONS or low in REGIONS or low in NOT_PLACES or self.gazetteer.has_key(name_key(sub))

    def _mention(self, text: str, s: int, e: int, ner: str | None) -> Mention | None:
        sub = text[s:e]
        low = sub.lower()
        if low in NOT_PLACES:
            return None
        if ner == "NORP":
            code = DEMONYMS.get(low) or DEMONYMS.get(low.rstrip("s"))
            return Mention(s, e, sub, ner=ner, country_hint=code, method="demonym") if code else None
        if low in ABBREVIATIONS:
            return Mention(s, e, sub, ner=ner, method="abbreviation")
        if low in REGIONS:
            return Mention(s, e, sub, ner=ner, region=REGIONS[low], method="region")
        last = low.rsplit(" ", 1)[-1]
        return Mention(s, e, sub, ner=ner, method=f"ner:{ner}", cue=last if " " in low and last in CUE_KIND else None)
