"""Toponym recognition and resolution in document context.

Recognition: spaCy's GPE/LOC/FAC (and NORP demonyms) plus gazetteer-driven matches over capitalised name chunks
that the model misses — hyphenated transliterations ("Qala-e-Naw" is five tokens to spaCy), names followed by a
feature cue ("X district", "X and Y districts", "the X valley"), and any name already recognised elsewhere in the
same document (one sense per discourse).

Resolution: each candidate is scored on population and feature class, then in context — the document's country
focus, admin units co-mentioned ("X district of Y province", "Cairo, Illinois"), the cue word, the spelling as
written, the kind of the other names of a list it is in, and distance to the document's other places. `explain()`
returns every candidate with its score parts.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from frontwatch.geocode.gazetteer import Candidate, Gazetteer
from frontwatch.geocode.keys import name_key
from frontwatch.geocode.names import ABBREVIATIONS, COUNTRY_ALIASES, DEMONYMS, NOT_PLACES, REGIONS
from frontwatch.model import Document, Place, PlaceMention, Span
from frontwatch.text.dateline import DATELINE, DATELINE_WINDOW

_WORD = r"[A-Z\u00c0-\u00de\u1e00-\u1efe][\w\u00c0-\u024f\u1e00-\u1eff'’ʻ]*"
_LINK = r"(?:-(?:e|i|ye|al|el|ul|ud|o|wa)[-\s]|-|\s(?:e|i|ye|al|el|ul)[\s-]|\s)"
CHUNK = re.compile(rf"\b{_WORD}(?:{_LINK}{_WORD})*")
CUE_AFTER = re.compile(
    r"^\s+(sub[-\s]?count(?:y|ies)|districts?|provinces?|city|town|village|valley|region|count(?:y|ies)|"
    r"governorate|state|airport|airfield|base|border|river|mountains?|pass|gorge|constituency|division|ward|"
    r"location|estate|area)\b",
    re.IGNORECASE,
)
CUE_BEFORE = re.compile(
    r"\b(the\s+)?(city|town|village|province|district|valley|region|capital|outskirts|centre|center)s?\s+of\s+$",
    re.IGNORECASE,
)
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|near|outside|towards?|around|inside|across)\s+(?:(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?"
    r"(?:ern)?|east(?:ern)?|west(?:ern)?|central|upper|lower)\s+)?#?$",
    re.IGNORECASE,
)
AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)  # "at X" names a place often, but also events, firms, schools
LOCATIVE_MIN_POPULATION = 5000
# People named by where they live: "X residents", "residents of X".
INHABITANTS_AFTER = re.compile(r"^\s+(?:residents|villagers|inhabitants|locals|traders|townspeople|people)\b",
                               re.IGNORECASE)
INHABITANTS_BEFORE = re.compile(r"\b(?:residents|villagers|inhabitants|people|natives|streets|parts|suburbs|"
                                r"heart)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A loosely matched name in a country the document never points to is dropped when the document's other names give at
# least this many votes, this share of them to one country.
STRAY_MIN_VOTES = 2
STRAY_FOCUS = 0.6
LIST_SEP = re.compile(r"^(\s*,\s*(and\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)$")
ABBREV = re.compile(r"\b(?:[A-Z]\.){2,}(?:[A-Z]\.?)?|\b[A-Z][a-z]{1,4}\.(?=\s|,|$)|\b[A-Z]{2,4}\b")
CUE_KIND = {
    "district": "ADM2",
    "districts": "ADM2",
    "province": "ADM1",
    "provinces": "ADM1",
    "state": "ADM1",
    "governorate": "ADM1",
    "region": "ADM1",
    "county": "ADM",  # a first-order unit in some countries (Kenya, Liberia), a second-order one in others
    "counties": "ADM",
    "sub-county": "ADM2",
    "constituency": "ADM2",
    "division": "ADM3",
    "ward": "ADM3",
    "location": "ADM3",
    "estate": "P",
    "area": "P",
    "city": "P",
    "town": "P",
    "village": "P",
    "airport": "P",
    "airfield": "P",
    "base": "P",
}
STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "mr",
        "mrs",
        "ms",
        "dr",
        "however",
        "but",
        "and",
        "or",
        "so",
        "then",
        "there",
        "here",
        "when",
        "while",
        "after",
        "before",
        "since",
        "during",
        "on",
        "in",
        "at",
        "of",
        "for",
        "with",
        "from",
        "by",
        "to",
        "as",
        "if",
        "last",
        "next",
        "new",
        "old",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "president",
        "minister",
        "general",
        "governor",
        "police",
        "army",
        "forces",
        "officials",
        "local",
        "some",
        "other",
        "many",
        "more",
        "most",
        "several",
        "government",
    ]
)
MAX_WORDS = 5
# Words that are part of a longer name when they stand inside a capitalised chunk ("Teso South", "North Horr"): never
# a place on their own there.
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "upper", "lower", "northern", "southern",
                           "eastern", "western", "new", "old", "great", "little"})
# The report's country given with it (a dataset or feed that is about one country, a sidecar's "country"): it
# counts as this many votes of the document's names, and its places win over namesakes abroad by this much.
HINT_VOTES = 4
HINT_BONUS = 2.0
# With a country given, a place abroad is kept only when the text names its country, or it is a capital or a city of
# at least this many people.
HINT_ABROAD_POP = 1_000_000
# Unit words after a name that keep it the unit ("X county"); without one, a province named like its seat town is
# the town ("riots in X": ACLED codes the town).
# The province is known by its seat when the town holds at least 1/SEAT_SHARE of its people (GeoNames' figures):
# "in X" is the town of Kenya's counties or Afghanistan's provinces, not of Quebec.
SEAT_SHARE = 10
POSSESSIVE = re.compile(r"^['’]s\b")
# Words of local units that follow a whole name only.
LOCAL_CUES = frozenset({"sub-county", "constituency", "division", "ward", "location", "estate", "area"})
ADMIN_CUES = frozenset({"ADM", "ADM1", "ADM2", "ADM3"})
# Containment in a province named elsewhere in the document counts little for a town this many times smaller than a
# namesake city of at least PROMINENT_POP people.
PROMINENCE_RATIO = 100
PROMINENT_POP = 100_000


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


@dataclass
class Scored:
    candidate: Candidate
    score: float
    parts: dict[str, float] = field(default_factory=dict)


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _haversine_many(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Distances in km from one point to many (the others in radians)."""
    p1, l1 = math.radians(lat), math.radians(lon)
    a = np.sin((lats - p1) / 2) ** 2 + math.cos(p1) * np.cos(lats) * np.sin((lons - l1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


class Geoparser:
    def __init__(self, gazetteer: Gazetteer, fuzzy_threshold: float = 92.0) -> None:
        self.gazetteer = gazetteer
        self.fuzzy_threshold = fuzzy_threshold

    # --- recognition -------------------------------------------------------------------------------------

    def recognize(self, text: str, doc: Any = None, hint: str | None = None) -> list[Mention]:
        """Toponym mentions. `hint`: the report's country (ISO2) when given with it; a name after a locative
        preposition that the gazetteer holds in that country is then a place whatever its size ("in <village>")."""
        found: dict[tuple[int, int], Mention] = {}
        ner_spans: dict[tuple[int, int], str] = {}
        person_org: list[tuple[int, int, str]] = []
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
        # Gazetteer-driven: sub-chunks of capitalised name chunks, longest first.
        accepted_keys = {name_key(m.text) for m in found.values() if m.country_hint is None}
        # The entity spans by start, with the furthest end reached so far: whether a candidate overlaps one is a
        # bisection, not a scan of every entity of the document.
        spans = sorted(found)
        span_starts = [fs for fs, _ in spans]
        reach = list(itertools.accumulate((fe for _, fe in spans), max))
        pending: list[Mention] = []
        for chunk in CHUNK.finditer(text):
            words = [(w.start(), w.end()) for w in re.finditer(r"[^\s]+", chunk.group())]
            base = chunk.start()
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
                    if not self.gazetteer.has_key(name_key(sub)):
                        continue
                    if len(words) > 1 and j - i == 1 and sub.lower() in COMPASS_WORDS:
                        continue  # "South" of "Teso South": part of a longer name, not a place of its own
                    m = Mention(s, e, sub, method="gazetteer")
                    # "Ngamia Road area": the end of a longer name the gazetteer lacks does not take its cue
                    cue = None if skipped else CUE_AFTER.match(text[e : e + 30])
                    before = CUE_BEFORE.search(text[max(0, s - 30) : s])
                    before_cue = before.group(2).lower() if before else None
                    # "districts of X" / "capital of X": X is the larger unit.
                    if before_cue in ("district", "city", "town", "village", "capital", "outskirts", "centre",
                                      "center"):
                        before_cue = "province" if before_cue in ("district", "capital") else "city"
                    m.cue = (_cue_word(cue.group(1)) if cue else None) or before_cue
                    if m.cue in LOCAL_CUES and not (i == 0 and j == len(words)):
                        m.cue = None  # "Peace River Valley area": a local unit word names the whole chunk
                    m.ner = "PERSON/ORG" if _inside(s, e, person_org) else None
                    person = _inside(s, e, [p for p in person_org if p[2] == "PERSON"])
                    m.whole = i == 0 and j == len(words)
                    inhabitants = bool(INHABITANTS_AFTER.match(text[e : e + 20])
                                       or INHABITANTS_BEFORE.search(text[max(0, s - 30) : s]))
                    if m.cue is None and hint and ((inhabitants and self._held_in(sub, hint, notable=False))
                                                   or (not person and self._held_in(sub, hint))):
                        # "X residents protested", "residents of X", "the University of X", "his X home": in the
                        # report's given country, a name it holds there as a town of some size or a unit is a place
                        m.method = "gazetteer+country"
                        m.cue = "town" if INHABITANTS_AFTER.match(text[e : e + 20]) else None
                    pending.append(m)
                    i = j
                    matched = True
                    break
                skipped = not matched
                if not matched:
                    i += 1
        # Coordinated lists share the cue that follows them: "A, B and C districts".
        pending.sort(key=lambda m: m.start)
        for k in range(len(pending) - 2, -1, -1):
            a, b = pending[k], pending[k + 1]
            if a.cue is None and b.cue and LIST_SEP.match(text[a.end : b.start]):
                a.cue = b.cue
        for m in pending:
            hyphenated = "-" in m.text or " " in m.text
            if m.cue or m.method == "gazetteer+country" or (
                    hyphenated and len(name_key(m.text)) >= 6 and m.ner is None):
                accepted_keys.add(name_key(m.text))
            elif (m.whole and self._sizeable(m.text, hint)
                  and (LOCATIVE_BEFORE.search(before := text[max(0, m.start - 30) : m.start])
                       or (hint and AT_BEFORE.search(before)))):
                # "swept into X", "a post in X": after a locative preposition a name the gazetteer holds as a
                # town of some size or an admin unit is that place, whatever the model thought of it
                m.method = "gazetteer+locative"
                accepted_keys.add(name_key(m.text))
        for m in pending:
            if name_key(m.text) in accepted_keys and not (
                m.start > 0 and _sentence_initial(text, m.start) and m.text.lower() in STOP
            ):
                found[(m.start, m.end)] = m
        # A wire dateline names where the report was filed ("KABUL, Aug 15 (Reuters) -"): the town, and its region
        # or country if given; "the capital", "the city" further on point back to it.
        for dl in DATELINE.finditer(text[:DATELINE_WINDOW]):
            for group, cue in (("place", "city"), ("region", None)):
                s, e = dl.span(group)
                if s < 0 or any(s < fe and fs < e for fs, fe in found):
                    continue
                if not self.gazetteer.has_key(name_key(text[s:e])):
                    continue
                found[(s, e)] = Mention(s, e, text[s:e], cue=cue, method="dateline")
        # Cues for NER mentions too.
        for m in found.values():
            if m.cue is None:
                cue = CUE_AFTER.match(text[m.end : m.end + 30])
                if cue:
                    m.cue = _cue_word(cue.group(1))
        return sorted(found.values(), key=lambda m: m.start)

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

    def document_country(self, document: Document) -> str | None:
        """The report's country as its metadata gives it (`country`: an ISO 3166-1 alpha-2 code or an English name;
        a sidecar's or a feed's field, or a dataset's), or None when absent or not a country the gazetteer knows."""
        value = next((v for k, v in document.metadata if k.lower() == "country" and v and v.strip()), None)
        return self.country_code(value) if value else None

    @functools.lru_cache(maxsize=1024)  # noqa: B019 - one geoparser per pipeline; a few hundred country names
    def country_code(self, value: str) -> str | None:
        value = value.strip()
        if len(value) == 2 and value.isalpha():
            code = value.upper()
            return code if self.gazetteer.admin_unit(code) is not None else None
        if value.lower() in COUNTRY_ALIASES:
            return COUNTRY_ALIASES[value.lower()]
        return next((c.country for c in self.gazetteer.candidates(value, limit=20) if c.feature_code == "PCLI"
                     and _fold(c.name) == _fold(value)), None)

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

    # --- resolution --------------------------------------------------------------------------------------

    def _candidates(self, m: Mention) -> list[Candidate]:
        name = ABBREVIATIONS.get(m.text.lower(), m.text)
        cands = self.gazetteer.candidates(name, limit=60)
        if not cands and len(name_key(name)) >= 6 and m.method != "demonym":
            cands = [c for c, _ in self.gazetteer.fuzzy(name, self.fuzzy_threshold)]
        return cands

    def _score(self, m: Mention, c: Candidate, ctx: dict[str, Any]) -> Scored:
        parts: dict[str, float] = {}
        parts["population"] = 0.5 * math.log10(c.population + 1)
        # Spelt as written (case and diacritics aside) beats a namesake the transliteration-tolerant key let in
        # ("Lyon" is Lyon, not León).
        if _fold(c.name) == _fold(m.text):
            parts["spelling"] = 1.0
        parts["feature"] = {"PCLI": 3.0, "ADM1": 1.5, "PPLC": 1.5, "PPLA": 1.0, "PPLA2": 0.5, "ADM2": 0.3,
                            "ADM1H": 1.0, "RGN": 1.0}.get(c.feature_code, 0.0)
        # The kind word in a name ("Mexico City", "Mecca Region", "New York County") is dropped from the key so that
        # either form finds the place; where the mention and a candidate's own name disagree on it, that candidate
        # is the other place of the pair (the country Mexico for "Mexico City", the region for "Mecca").
        mention_full, cand_full = name_key(m.text, drop_generic=False), name_key(c.name, drop_generic=False)
        if mention_full != name_key(m.text):
            if cand_full == mention_full:
                parts["kind_word"] = 1.5
            elif m.full_named:  # "Mexico City" names a place called so; not the village of Mexico
                parts["kind_word"] = -1.5
        elif cand_full != name_key(c.name) and cand_full != mention_full:
            parts["kind_word"] = -1.5
        if m.cue:
            kind = CUE_KIND.get(m.cue)
            if kind == "ADM2" and c.feature_code in ("ADM2", "PPLA2", "ADM3"):
                parts["cue"] = 3.0 + (0.5 if c.feature_code == "ADM2" else 0.0)
            elif kind == "ADM1" and c.feature_code == "ADM1":
                parts["cue"] = 4.0
            elif kind == "ADM" and c.feature_code in ("ADM1", "ADM2", "ADM1H", "ADM2H"):
                parts["cue"] = 3.5
            elif kind == "ADM3" and (c.feature_class == "P" or c.feature_code in ("ADM2", "ADM3")):
                parts["cue"] = 1.0  # a ward or location is named after its village
            elif kind == "P" and c.feature_class == "P":
                parts["cue"] = 1.0
        # Context comes from the document's other names only: a name's own first guess (and that of its repeats)
        # is no evidence for it, or a name said fifteen times votes its wrong namesake in.
        key = name_key(m.text, drop_generic=False)
        shares: Counter[str] = ctx.get("countries", Counter()) - ctx.get("countries_by_key", {}).get(key, Counter())
        total = sum(shares.values())
        if total:
            parts["country_focus"] = 3.0 * shares.get(c.country, 0) / total
        if ctx.get("hint") and c.country == ctx["hint"]:
            parts["country_given"] = HINT_BONUS
        admin1s: dict[str, set[str]] = ctx.get("admin1", {})
        # That province itself, named again; or a place inside a province another name of the document names —
        # but not for a country's own name ("Mexico" is the country, not the village of Mexico in a state the
        # article also names).
        namers = admin1s.get(c.admin1_code or "", set())
        # A town's cue ("Kabul airport", "X city") says this mention is not the province of the same name.
        if (c.feature_code == "ADM1" and namers and CUE_KIND.get(m.cue or "") != "P") or (
            namers - {key} and (c.feature_code == "PCLI" or key not in ctx.get("country_keys", set()))
        ):
            # A province named somewhere in the document is weak evidence for a town or district in it that is a
            # hundred times smaller than a city of the same name ("Cairo" in an article that names Illinois).
            prominent = m.top_pop >= max(PROMINENT_POP, PROMINENCE_RATIO * c.population)
            weak = prominent and (c.feature_class == "P" or c.feature_code in ("ADM2", "ADM3"))
            parts["admin1_context"] = 1.0 if weak else 4.0
        # "Cairo, Illinois" / "Atlanta, Georgia": the name right after a comma is the province or country holding it.
        held = c.feature_code not in ("PCLI", "ADM1") and (c.admin1_code in m.within or c.country in m.within)
        holder = (c.feature_code in ("ADM1", "ADM1H") and c.admin1_code in m.holds) or (
            c.feature_code == "PCLI" and c.country in m.holds)
        if held or holder:
            parts["apposition"] = 4.0
        # A name in a list of three or more ("British Columbia, Alberta, Ontario, New Brunswick") is of the kind and
        # country most of the others are (by their first, context-free reading).
        peers = [p.candidate for p in (ctx["first"][i] for i in m.list_peers) if p is not None] if ctx.get(
            "first") else []
        if len(peers) >= 2 and 2 * sum(_level(p) == _level(c) and p.country == c.country for p in peers) > len(peers):
            parts["list"] = 2.0
        points = ctx.get("points_np")
        if points is not None and c.lat is not None and c.lon is not None:
            lat, lon, ids, keys = points
            others = (ids != c.id) & (keys != key)
            if others.any():
                d = float(_haversine_many(c.lat, c.lon, lat[others], lon[others]).min())
                parts["proximity"] = 2.0 * math.exp(-d / 300.0)
        return Scored(c, sum(parts.values()), parts)

    def _resolve_all(self, mentions: list[Mention], text: str = "", hint: str | None = None
                     ) -> list[tuple[Mention, Place | None, float | None, list[Scored]]]:
        cands = [self._candidates(m) for m in mentions]
        _appositions(text, mentions, cands)
        _lists(text, mentions)
        for m, cs in zip(mentions, cands, strict=True):
            m.top_pop = max((c.population for c in cs if c.feature_class == "P"), default=0)
            full = name_key(m.text, drop_generic=False)
            m.full_named = full != name_key(m.text) and any(name_key(c.name, drop_generic=False) == full for c in cs)
        # Pass 1 without context: what the document is about (countries, provinces, points).
        ctx: dict[str, Any] = {"countries": Counter(), "countries_by_key": {}, "admin1": {}, "points": [],
                               "country_keys": set(), "hint": hint, "named": {hint} if hint else set()}
        if hint:
            ctx["countries"][hint] += HINT_VOTES
        first: list[Scored | None] = []
        for m, cs in zip(mentions, cands, strict=True):
            key = name_key(m.text, drop_generic=False)
            own = ctx["countries_by_key"].setdefault(key, Counter())
            if any(c.feature_code == "PCLI" and c.name.lower() == m.text.lower() for c in cs):
                ctx["country_keys"].add(key)
                ctx["named"] |= {c.country for c in cs if c.feature_code == "PCLI"}
            if m.country_hint:
                ctx["countries"][m.country_hint] += 1
                own[m.country_hint] += 1
                ctx["named"].add(m.country_hint)
            scored = sorted((self._score(m, c, {}) for c in cs), key=lambda s: -s.score)
            first.append(scored[0] if scored else None)
            # a demonym votes for its country only, not for whatever its letters also spell ("Russian" ~ "Rosian")
            if scored and not m.country_hint:
                best = scored[0].candidate
                margin = scored[0].score - (scored[1].score if len(scored) > 1 else 0.0)
                weight = 2 if best.feature_code in ("PCLI", "ADM1") or margin > 1.5 else 1
                ctx["countries"][best.country] += weight
                own[best.country] += weight
                if best.feature_code == "ADM1" and best.admin1_code:
                    ctx["admin1"].setdefault(best.admin1_code, set()).add(key)
                if best.lat is not None:
                    ctx["points"].append((best.lat, best.lon, best.id, key))
        ctx["first"] = first
        if ctx["points"]:
            # one array for the whole document: each candidate's distance to the other names is one vector operation
            pts = ctx["points"]
            ctx["points_np"] = (np.radians([p[0] for p in pts]), np.radians([p[1] for p in pts]),
                                np.array([p[2] for p in pts]), np.array([p[3] for p in pts], dtype=object))
        # Pass 2 in context.
        out = []
        for m, cs in zip(mentions, cands, strict=True):
            if m.region is not None:
                out.append(
                    (m, Place(m.text, None, "CONT", None, lat=m.region[0], lon=m.region[1], geo_precision=3), 1.0, [])
                )
                continue
            scored = sorted((self._score(m, c, ctx) for c in cs), key=lambda s: (-s.score, s.candidate.id))
            if m.country_hint and not scored:
                place = self.gazetteer.admin_unit(m.country_hint)
                out.append((m, place, 1.0 if place else None, []))
                continue
            if m.country_hint:  # a demonym names its country, whatever else shares the spelling
                unit = self.gazetteer.admin_unit(m.country_hint)
                out.append((m, unit, 1.0, scored))
                continue
            if not scored:
                out.append((m, None, None, []))
                continue
            key = name_key(m.text, drop_generic=False)
            if hint:
                # the report's country given: its namesakes there (or in a country the text names) before any abroad
                scored = [s for s in scored if not self._stray(s, ctx, key)] + [
                    s for s in scored if self._stray(s, ctx, key)]
            best = scored[0]
            if self._stray(best, ctx, key):
                out.append((m, None, None, scored))
                continue
            if (best.candidate.feature_code in ("ADM1", "ADM1H") and CUE_KIND.get(m.cue or "") not in ADMIN_CUES
                    and not POSSESSIVE.match(text[m.end : m.end + 3])):
                best = _seat_town(best, scored, m)
            out.append((m, self.gazetteer.to_place(best.candidate), best.score, scored))
        return out

    @staticmethod
    def _stray(best: Scored, ctx: dict[str, Any], key: str) -> bool:
        """A name matched only through the loose transliteration key, in a country no other name of a document
        firmly about one country points to ("the town of Boni in central Mali" is not Bonn): better unplaced than
        placed on another continent."""
        c = best.candidate
        if c.feature_code.startswith("PCL"):
            return False
        if ctx.get("hint") and c.country not in ctx["named"]:
            # the report's country is given: a place abroad needs its country named in the text, unless it is a
            # capital or a large city
            return "spelling" not in best.parts or (c.feature_code != "PPLC" and c.population < HINT_ABROAD_POP)
        if "spelling" in best.parts:
            return False
        shares: Counter[str] = ctx.get("countries", Counter()) - ctx.get("countries_by_key", {}).get(key, Counter())
        total = sum(shares.values())
        if total < STRAY_MIN_VOTES or shares.get(best.candidate.country, 0):
            return False
        return max(shares.values()) / total >= STRAY_FOCUS

    def places(self, document: Document, doc: Any = None) -> list[PlaceMention]:
        hint = self.document_country(document)
        mentions = self.recognize(document.text, doc, hint)
        return [
            PlaceMention(Span(m.start, m.end, m.text), place, score, m.method + (f"+cue:{m.cue}" if m.cue else ""))
            for m, place, score, _ in self._resolve_all(mentions, document.text, hint)
        ]

    def event_places(self, mentions: Sequence[PlaceMention]) -> list[PlaceMention]:
        """The mentions as an event is coded on the map (ACLED): a province (ADM1) at its seat's point, keeping its
        name, codes and precision 3; every other place at its own point."""
        out = []
        for m in mentions:
            seat = self.gazetteer.seat(m.place) if m.place is not None else None
            if seat is not None and m.place is not None:
                m = PlaceMention(m.span, dataclasses.replace(m.place, lat=seat.lat, lon=seat.lon), m.score,
                                 m.method + f"+seat:{seat.name}")
            out.append(m)
        return out

    def resolve(self, document: Document, spans: Sequence[Span], doc: Any = None) -> list[PlaceMention]:
        """Resolve given toponym spans (gold spans, or spans found by another recognizer) in document context."""
        hint = self.document_country(document)
        mentions = []
        for sp in spans:
            m = self._mention(document.text, sp.start, sp.end, ner=None) or Mention(sp.start, sp.end, sp.text)
            if m.country_hint is None and sp.text.lower() in DEMONYMS:
                m.country_hint, m.method = DEMONYMS[sp.text.lower()], "demonym"
            cue = CUE_AFTER.match(document.text[sp.end : sp.end + 30])
            m.cue = (cue.group(1).lower() if cue else None) or m.cue  # "X City" keeps the cue its own name gives
            mentions.append(m)
        return [
            PlaceMention(Span(m.start, m.end, m.text), place, score, m.method or "given-span")
            for m, place, score, _ in self._resolve_all(mentions, document.text, hint)
        ]

    def explain(self, text: str, doc: Any = None) -> list[dict[str, Any]]:
        mentions = self.recognize(text, doc)
        out = []
        for m, place, score, scored in self._resolve_all(mentions, text):
            out.append(
                {
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "method": m.method,
                    "cue": m.cue,
                    "chosen": place,
                    "score": score,
                    "candidates": [
                        {
                            "name": s.candidate.name,
                            "id": s.candidate.id,
                            "feature": s.candidate.feature_code,
                            "country": s.candidate.country,
                            "admin1": s.candidate.admin1_code,
                            "admin2": s.candidate.admin2_code,
                            "population": s.candidate.population,
                            "score": round(s.score, 2),
                            "parts": {k: round(v, 2) for k, v in s.parts.items()},
                        }
                        for s in scored[:8]
                    ],
                }
            )
        return out


APPOSITION = re.compile(r",\s*")


def _appositions(text: str, mentions: list[Mention], cands: list[list[Candidate]]) -> None:
    """Mark "X, Y" pairs where Y can be a province or country holding a namesake of X ("Atlanta, Georgia")."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for k, (a, b) in enumerate(itertools.pairwise(order)):
        x, y = mentions[a], mentions[b]
        # "Vancouver, Calgary, Montreal, Quebec City": a name that follows a comma-linked name is in a list.
        if k > 0 and APPOSITION.fullmatch(text[mentions[order[k - 1]].end : x.start]):
            continue
        if not APPOSITION.fullmatch(text[x.end : y.start]):
            continue
        units = {c.admin1_code for c in cands[b] if c.feature_code in ("ADM1", "ADM1H") and c.admin1_code}
        units |= {c.country for c in cands[b] if c.feature_code == "PCLI"}
        # A country is in nothing, and two units of one country side by side are a list ("Russia, Romania",
        # "Washington, Oregon"), not one inside the other.
        countries = {u.split(".")[0] for u in units}
        if any(c.feature_code == "PCLI" or (c.feature_code in ("ADM1", "ADM1H") and c.country in countries)
               for c in cands[a]):
            continue
        hits = frozenset(u for c in cands[a] if c.feature_code not in ("PCLI", "ADM1")
                         for u in (c.admin1_code, c.country) if u in units)
        if hits:
            x.within, y.holds = x.within | hits, y.holds | hits


def _seat_town(best: Scored, scored: list[Scored], m: Mention) -> Scored:
    """A province named bare ("riots in X") whose seat is a town of its name and a good share of its people: the
    town (ACLED codes the town; the province only when the text says "X province / county" or "X's capital")."""
    key = name_key(m.text)
    for s in scored:
        c = s.candidate
        if (c.feature_code in ("PPLA", "PPLC") and c.country == best.candidate.country
                and c.admin1_code == best.candidate.admin1_code and name_key(c.name) == key
                and c.population * SEAT_SHARE >= best.candidate.population):
            return Scored(c, s.score, {**s.parts, "seat_town": 0.0})
    return best


def _level(c: Candidate) -> int:
    return {"PCLI": 0, "ADM1": 1, "ADM1H": 1, "ADM2": 2, "ADM2H": 2}.get(c.feature_code, 3)


def _lists(text: str, mentions: list[Mention]) -> None:
    """Link the names of coordinated lists ("Alberta, Manitoba, Ontario and X"): peers are usually of a kind."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    groups: list[list[int]] = []
    for k, i in enumerate(order):
        if k and LIST_SEP.match(text[mentions[order[k - 1]].end : mentions[i].start]):
            groups[-1].append(i)
        else:
            groups.append([i])
    for g in groups:
        for i in g:
            mentions[i].list_peers = tuple(j for j in g if j != i and name_key(mentions[j].text) != name_key(
                mentions[i].text))


@functools.lru_cache(maxsize=100_000)
def _fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if ch.isalnum())


def _trim(text: str, s: int, e: int) -> tuple[int, int, str]:
    sub = text[s:e]
    for prefix in ("the ", "The "):
        if sub.startswith(prefix):
            s += len(prefix)
            sub = sub[len(prefix) :]
    for suffix in ("’s", "'s", "’", "'"):
        if sub.endswith(suffix):
            e -= len(suffix)
            sub = sub[: -len(suffix)]
    while sub and not sub[-1].isalnum() and sub[-1] != ".":
        e -= 1
        sub = sub[:-1]
    return s, e, sub


def _cue_word(word: str) -> str:
    """The cue as CUE_KIND spells it: "Sub County", "sub-counties" → "sub-county"."""
    w = " ".join(word.lower().split())
    if w.startswith("sub"):
        return "sub-county"
    return {"counties": "county"}.get(w, w)


def _inside(s: int, e: int, spans: list[tuple[int, int, str]]) -> bool:
    return any(ps <= s and e <= pe for ps, pe, _ in spans)


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"“‘'(":
        j -= 1
    return j < 0 or text[j] in ".!?\n"
