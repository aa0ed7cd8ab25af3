"""Candidate scoring in document context: population and feature class, then the document's country focus, admin
units co-mentioned ("X district of Y province", "Cairo, Illinois"), the cue word, the spelling as written, the kind of
the other names of a list it is in, and distance to the document's other places."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from frontwatch.geocode.cues import (
    CUE_KIND,
    HINT_BONUS,
    LIST_SEP,
    PROMINENCE_RATIO,
    PROMINENT_POP,
    SEAT_SHARE,
    _fold,
)
from frontwatch.geocode.gazetteer import Candidate
from frontwatch.geocode.keys import name_key
from frontwatch.geocode.recognize import Mention


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



# What a country named in the text (its name or demonym) adds to its own candidates: about a capital's edge.
NAMED_COUNTRY_BONUS = 1.5


def score_candidate(m: Mention, c: Candidate, ctx: dict[str, Any]) -> Scored:
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
    same = name_key(m.text) or key  # "X district" repeats "X"
    shares: Counter[str] = ctx.get("countries", Counter()) - ctx.get("countries_by_key", {}).get(same, Counter())
    total = sum(shares.values())
    if total:
        parts["country_focus"] = 3.0 * shares.get(c.country, 0) / total
    if ctx.get("hint") and c.country == ctx["hint"]:
        parts["country_given"] = HINT_BONUS
    elif (c.country in ctx.get("named", ()) and c.feature_code != "PCLI"
          and name_key(m.text, drop_generic=False) not in ctx.get("country_keys", ())):
        # A country the text names ("she is in France", "thanked Canada") holds the namesake of a city it names
        # bare, before a country it never names: votes of a dateline's state and a visitor's home town do not
        # carry "Paris" to their side of the ocean. Not to a country's own name ("Mexico" stays the country).
        parts["country_named"] = NAMED_COUNTRY_BONUS
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


def _seat_town(best: Scored, scored: list[Scored], m: Mention, share: int = SEAT_SHARE) -> Scored:
    """A province named bare ("riots in X") whose seat is a town of its name and a good share of its people: the
    town (ACLED codes the town; the province only when the text says "X province / county" or "X's capital")."""
    key = name_key(m.text)
    for s in scored:
        c = s.candidate
        if (c.feature_code in ("PPLA", "PPLC") and c.country == best.candidate.country
                and c.admin1_code == best.candidate.admin1_code and name_key(c.name) == key
                and c.population * share >= best.candidate.population):
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

