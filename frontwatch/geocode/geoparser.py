"""Toponym recognition and resolution in document context.

Recognition (`recognize.py`): spaCy's entities plus gazetteer-driven matches over capitalised name chunks. Resolution
(`score.py`): each candidate is scored on population and feature class, then in context — the document's country
focus, admin units co-mentioned, the cue word, the spelling as written, list peers, and distance to the document's
other places. `explain()` returns every candidate with its score parts.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from frontwatch.geocode.cues import (
    ADMIN_CUES,
    CUE_AFTER,
    CUE_KIND,
    HINT_ABROAD_POP,
    HINT_VOTES,
    LOCAL_CUES,
    POSSESSIVE,
    SEAT_SHARE,
    SEAT_SHARE_HOME,
    STRAY_FOCUS,
    STRAY_MIN_VOTES,
    _fold,
)
from frontwatch.geocode.gazetteer import Candidate, Gazetteer
from frontwatch.geocode.keys import name_key
from frontwatch.geocode.names import ABBREVIATIONS, COUNTRY_ALIASES, DEMONYMS
from frontwatch.geocode.recognize import Mention, Recognizer
from frontwatch.geocode.score import (
    Scored,
    _appositions,
    _haversine,
    _lists,
    _seat_town,
    score_candidate,
)
from frontwatch.model import Document, Place, PlaceMention, Span

# Re-exported: the evaluation and the Persian pipeline import these from here.
__all__ = ["Geoparser", "Mention", "Scored", "_haversine"]

Resolved = tuple[Mention, Place | None, float | None, list[Scored]]
# What stands between a place and the larger one holding it: "X estate, Y", "the X area of Y", "X village in Y"; a
# short aside after the unit word ("X village (a ward), Y") does not break the link.
CONTAINED_BY = re.compile(r"^(\s+(?:(?:estate|area|village|ward|location|division|slum|cent(?:re|er)|trading\s+"
                          r"cent(?:re|er)|market|settlement|neighbou?rhood|town)s?|sub[-\s]?count(?:y|ies)|"
                          r"constituenc(?:y|ies)))?"
                          r"(?:\s*\([^()]{1,40}\))?\s*(?:,|\s+of|\s+in)\s+(?:the\s+)?$", re.IGNORECASE)
# "Y's X": nothing but the possessive between the owner and the name it holds.
POSSESSIVE_GAP = re.compile(r"^['’]s\s+(?:the\s+)?$")
CONTAINMENT_KM = 30.0  # a place "in" a town lies within this distance of its point
# A mention that ends in its own local unit word ("X Village, Y", "X Estate in Y"): the unit word is in the name, not
# in the gap, but says as much that X lies in Y.
OWN_LOCAL_UNIT = re.compile(r"\s(?:estate|area|village|ward|location|division|sub[-\s]?county|constituency|slums?|"
                            r"cent(?:re|er)|market|settlement|neighbou?rhood)$", re.IGNORECASE)

_COMPASS_UNIT = re.compile(r"(?i)(?:the\s+)?(?:(?:north|south)[\s-]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|"
                           r"east(?:ern)?|west(?:ern)?|central)\s+(?:province|region|state|district|division)s?")


def _level_of(p: Place) -> int:
    fc = p.feature_code or ""
    return 0 if fc.startswith("PCL") else 1 if fc.startswith("ADM1") else 2 if fc.startswith("ADM2") else 3


def _inside(p: Place, y: Place) -> bool:
    """Whether place `p` lies in `y`: its country, its province or district by code, or near its town's point."""
    fc = y.feature_code or ""
    if fc.endswith("H"):
        return True  # a historic unit ("X Province" of old) shares no codes with today's units: no evidence
    if fc.startswith("PCL"):
        return p.country == y.country
    if fc.startswith("ADM1"):
        return p.admin1_code is not None and p.admin1_code == y.admin1_code
    if fc.startswith("ADM2"):
        return p.admin2_code == y.admin2_code or (p.admin2_code is None and p.admin1_code == y.admin1_code)
    if p.admin1_code is not None and p.admin1_code == y.admin1_code:
        return True
    return None not in (p.lat, p.lon, y.lat, y.lon) and _haversine(p.lat, p.lon, y.lat, y.lon) <= CONTAINMENT_KM  # type: ignore[arg-type]


MOVED_KM = 150.0  # a district named "in" a province it is not coded in lies at most this far from its point


def _moved_district(p: Place, y: Place) -> bool:
    """A district (not a town) of the province's own country, near it: districts move between provinces ("X
    district in Y province" after a redrawing) and the gazetteer keeps one coding; a namesake lies farther."""
    return (_level_of(p) == 2 and (y.feature_code or "").startswith("ADM1") and p.country == y.country
            and None not in (p.lat, p.lon, y.lat, y.lon)
            and _haversine(p.lat, p.lon, y.lat, y.lon) <= MOVED_KM)  # type: ignore[arg-type]


def _one_sense(out: list[Resolved]) -> list[Resolved]:
    """A bare name takes the reading of the same name said with its kind word in the document ("Clashes in X" above
    "fighting raged in X district"): one place per name and report, the more explicit mention deciding."""
    explicit: dict[str, Resolved] = {}
    for r in out:
        if r[0].cue is not None and r[1] is not None:
            explicit.setdefault(name_key(r[0].text), r)
    fixed = []
    for r in out:
        m, place = r[0], r[1]
        e = explicit.get(name_key(m.text)) if m.cue is None else None
        if e is not None and (place is None or place.country != e[1].country):  # type: ignore[union-attr]
            r = (m, e[1], e[2], r[3])
        fixed.append(r)
    return fixed


class Geoparser(Recognizer):
    def __init__(self, gazetteer: Gazetteer, fuzzy_threshold: float = 92.0) -> None:
        self.gazetteer = gazetteer
        self.fuzzy_threshold = fuzzy_threshold


    # --- the report's country ----------------------------------------------------------------------------

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

    # --- resolution --------------------------------------------------------------------------------------

    def _candidates(self, m: Mention) -> list[Candidate]:
        name = ABBREVIATIONS.get(m.text.lower(), m.text)
        cands = self.gazetteer.candidates(name, limit=60)
        if m.cue == "district":  # "Yaftal district": also the districts it is the short form of ("Yaftal-e Suflá")
            cands += [c for c in self.gazetteer.district_heads(name) if c not in cands]
        if not cands and len(name_key(name)) >= 6 and m.method != "demonym":
            cands = [c for c, _ in self.gazetteer.fuzzy(name, self.fuzzy_threshold)]
        return cands
    def _score(self, m: Mention, c: Candidate, ctx: dict[str, Any]) -> Scored:
        return score_candidate(m, c, ctx)

    def _resolve_all(self, mentions: list[Mention], text: str = "", hint: str | None = None
                     ) -> list[Resolved]:
        cands = [self._candidates(m) for m in mentions]
        if hint:
            # "Eastern Province", "Central Region": a compass name that many countries give a unit; in a report
            # about one country, one it does not hold there is a unit of that country the index lacks (a former
            # province), not the namesake abroad
            cands = [[] if _COMPASS_UNIT.fullmatch(m.text) and not any(c.country == hint for c in cs) else cs
                     for m, cs in zip(mentions, cands, strict=True)]
        _appositions(text, mentions, cands)
        _lists(text, mentions)
        for m, cs in zip(mentions, cands, strict=True):
            m.top_pop = max((c.population for c in cs if c.feature_class == "P"), default=0)
            full = name_key(m.text, drop_generic=False)
            m.full_named = full != name_key(m.text) and any(name_key(c.name, drop_generic=False) == full for c in cs)
        ctx = self._context(mentions, cands, hint)
        # Pass 2 in context.
        out: list[Resolved] = []
        for m, cs in zip(mentions, cands, strict=True):
            out.append(self._resolve_one(m, cs, ctx, text, hint))
        return _one_sense(self._contained(out, text))

    def _contained(self, out: list[Resolved], text: str) -> list[Resolved]:
        """Named containment holds: in "X estate, Y", "the X area of Y", "X village in Y county", "X, Y county", for
        every name of a list before its container ("the towns of X and W in Y province"), and in a possessive
        container ("Y's X district"), X lies in Y. A reading of X outside Y is a namesake: X takes its best reading
        inside Y, else none (Y, the container, is then the best point known)."""
        for k, j in self._containment_pairs(out, text):
            m, place, _, scored = out[k]
            y = out[j][1]
            if place is None or y is None or _inside(place, y):
                continue
            alt = next((s for s in scored if _inside(self.gazetteer.to_place(s.candidate), y)), None)
            if alt is None and _moved_district(place, y):
                continue  # a district said to lie in the next province: moved between provinces, or drawn so
            out[k] = (m, self.gazetteer.to_place(alt.candidate) if alt else None, alt.score if alt else None, scored)
        return out

    @staticmethod
    def _containment_pairs(out: list[Resolved], text: str) -> list[tuple[int, int]]:
        """(contained, container) indexes of the names the text sets one inside the other."""
        pairs: list[tuple[int, int]] = []
        for k in range(len(out) - 1):
            m, place, _, _ = out[k]
            y = out[k + 1][1]
            if place is None or y is None or m.region is not None or m.country_hint:
                continue
            x_next = out[k + 1][0]
            unit = (y.feature_code or "").startswith(("ADM1", "ADM2", "PCL"))
            if POSSESSIVE_GAP.match(text[m.end : x_next.start]) and x_next.country_hint is None and (
                    x_next.cue != "border"):  # "Y's X border": Y's edge with X, not X inside Y
                # "Y's X district": the owner holds the name after it, a unit or a named local place of it
                if (_level_of(place) < _level_of(out[k + 1][1]) if (place.feature_code or "").startswith(
                        ("ADM1", "ADM2", "PCL")) else x_next.cue is not None):  # type: ignore[arg-type]
                    pairs.append((k + 1, k))
                continue
            # "X Village, Y" alone is no list of two peers: the village lies in Y
            own_unit = OWN_LOCAL_UNIT.search(m.text) is not None and m.list_peers == (k + 1,)
            if k + 1 in m.list_peers and not own_unit:
                continue  # "A, B and C districts": peers of a list, not one inside the other
            gap = CONTAINED_BY.match(text[m.end : x_next.start])
            local = bool(gap and gap.group(1)) or own_unit
            if gap is None or (_level_of(place) <= _level_of(y) if unit else not local):
                continue  # a list of peers ("A, B and C counties") or a town beside a town without a unit word
            pairs.append((k, k + 1))
            if not own_unit:
                # "the towns of X and W in Y", "X and W villages of Y": the list's earlier names lie in Y too
                pairs += [(p, k + 1) for p in m.list_peers if p < k and out[p][1] is not None
                          and (_level_of(out[p][1]) > _level_of(y) if unit else False)]  # type: ignore[arg-type]
        return pairs

    def _context(self, mentions: list[Mention], cands: list[list[Candidate]], hint: str | None) -> dict[str, Any]:
        """Pass 1 without context: what the document is about (countries, provinces, points)."""
        ctx: dict[str, Any] = {"countries": Counter(), "countries_by_key": {}, "admin1": {}, "points": [],
                               "country_keys": set(), "hint": hint, "named": {hint} if hint else set()}
        if hint:
            ctx["countries"][hint] += HINT_VOTES
        first: list[Scored | None] = []
        for m, cs in zip(mentions, cands, strict=True):
            key = name_key(m.text, drop_generic=False)
            # "X district" repeats "X": one name, whose first guesses are no evidence for each other
            own = ctx["countries_by_key"].setdefault(name_key(m.text) or key, Counter())
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
        return ctx

    def _resolve_one(self, m: Mention, cs: list[Candidate], ctx: dict[str, Any], text: str, hint: str | None
                     ) -> Resolved:
        if m.region is not None:
            return (m, Place(m.text, None, "CONT", None, lat=m.region[0], lon=m.region[1], geo_precision=3), 1.0, [])
        scored = sorted((self._score(m, c, ctx) for c in cs), key=lambda s: (-s.score, s.candidate.id))
        if m.country_hint and not scored:
            place = self.gazetteer.admin_unit(m.country_hint)
            return (m, place, 1.0 if place else None, [])
        if m.country_hint:  # a demonym names its country, whatever else shares the spelling
            unit = self.gazetteer.admin_unit(m.country_hint)
            return (m, unit, 1.0, scored)
        if not scored:
            return (m, None, None, [])
        key = name_key(m.text) or name_key(m.text, drop_generic=False)  # the votes' key ("X district" is "X")
        if hint:
            # the report's country given: its namesakes there (or in a country the text names) before any abroad
            scored = [s for s in scored if not self._stray(s, ctx, key)] + [
                s for s in scored if self._stray(s, ctx, key)]
        best = scored[0]
        if self._stray(best, ctx, key) or (hint and best.candidate.country != hint and m.cue in LOCAL_CUES
                                             and best.candidate.country not in ctx["named"]):
            # "X estate", "X ward": a local unit of the report's country, not a city of that name abroad
            return (m, None, None, scored)
        if (best.candidate.feature_code in ("ADM1", "ADM1H") and CUE_KIND.get(m.cue or "") not in ADMIN_CUES
                and not POSSESSIVE.match(text[m.end : m.end + 3])):
            best = _seat_town(best, scored, m, SEAT_SHARE_HOME if best.candidate.country == hint else SEAT_SHARE)
        return (m, self.gazetteer.to_place(best.candidate), best.score, scored)

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

