"""A report's place mentions and how they relate: an index of them by position, a country's level, a unit that
contains a place, "X, Y" context, a pronoun's antecedent place, and ACLED's geo precision of an event's place ("near
X", "X county") (split from places.py)."""

from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.sentences import _sentences
from frontwatch.model import PlaceMention

_COUNTRY_CODES = ("PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "CONT", "RGN")
# "near X", "outside X", "20 km from X": ACLED's precision 2 for a town.
_NEAR = re.compile(r"\b(?:near(?:by)?|outside(?:\s+of)?|outskirts\s+of|close\s+to|around|(?:km|kms|kilometers|"
                   r"kilometres|miles)\s+(?:from|of|outside|north|south|east|west))\s+(?:the\s+)?(?:town\s+of\s+)?$",
                   re.IGNORECASE)


_COUNTY = re.compile(r"\bcount(?:y|ies)\b", re.IGNORECASE)

# A named local place the gazetteer may not hold: "X village", "X sub-county", "X trading centre".
_LOCAL_NAME = re.compile(r"\b[A-Z][\w'’-]+\s+(?:village|location|sub[-\s]?county|ward|division|constituency|estate|"
                         r"(?:trading\s+)?centre|market|settlement|area)\b")


# A people's name, whatever land it also names: the name (or the last of a list, "X and Y") before a word for a
# people or its armed men ("X and Y groups clashed", "raiders from X or Y tribes", "X militia attacked"), read from
# the text since the parser often hangs such a list anywhere; and a side of a "vs." ("clashes: X vs. Y & Z").
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_PEOPLE_AFTER = re.compile(
    rf"^(?:\s*(?:,|&|\band\b|\bor\b)\s*{_NAME})*\s+(?i:(?:ethnic\s+)?(?:tribe|tribes|tribesm[ae]n|clans?|clansm[ae]n|"
    r"communit(?:y|ies)|peoples|groups?|militias?|militiam[ae]n|raiders?|rustlers?|warriors?))\b")
_VERSUS_AFTER = re.compile(r"^\s*(?:vs\.?|versus)\s", re.IGNORECASE)
_VERSUS_BEFORE = re.compile(rf"\b(?:vs\.?|versus)\s+(?:{_NAME}\s*(?:,|&|\band\b)\s*)*$", re.IGNORECASE)


def names_a_people(text: str, m: PlaceMention) -> bool:
    """Whether the mention names a people or a side rather than a place (see `_PEOPLE_AFTER`, `_VERSUS_*`)."""
    after, before = text[m.span.end : m.span.end + 120], text[max(0, m.span.start - 120) : m.span.start]
    return bool(_PEOPLE_AFTER.match(after) or _VERSUS_AFTER.match(after) or _VERSUS_BEFORE.search(before))


class _MentionIndex:
    """A report's place mentions by start: the mentions of a stretch of text are a bisection away, so the work per
    event does not grow with the report's length."""

    def __init__(self, mentions: list[PlaceMention]) -> None:
        self.order = sorted(range(len(mentions)), key=lambda i: mentions[i].span.start)
        self.starts = [mentions[i].span.start for i in self.order]
        self.longest = max((m.span.end - m.span.start for m in mentions), default=0)
        self.mentions = mentions

    def starting(self, a: int, b: int) -> list[PlaceMention]:
        """The mentions that start in [a, b), in the list's own order."""
        lo, hi = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        return [self.mentions[i] for i in sorted(self.order[lo:hi])]


# Marks each place of a subject's own list ("traders in X and Y protested"): one event per place, the toll told once
# not split between them.
SUBJECT_LIST = "subject-list"
# Marks a country the clause names only as where the doers came from or as one side of a border ("raiders from X",
# "near the X-Y border"): the event's place when nothing better is found, but no bound on where to look for one.
ORIGIN = "origin-only"


# Marks each place of a list that gives every place its own count ("two died, one in X and the other in Y", "four
# were burned: three in X and one in Y"): one event per place, each with its own toll (`PER_PLACE_TOLL:N`).
PER_PLACE_TOLL = "toll-per-place:"
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "the other": 1, "another": 1}
# a count, at most two words of who or how ("three people killed"), then "in" / "at" right before the place
_COUNTED = re.compile(r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|the\s+other|another)\s+"
                      r"(?:[a-z]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def counted_places(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The places, each marked with its own count, where every one of two or more distinct resolved places is
    named right after a count of its own ("one in X and the other in Y", "three in X and one in Y"); else none."""
    named = {(m.place.name, m.place.lat, m.place.lon) for m in found if m.place is not None}
    if len(found) < 2 or len(named) < len(found):
        return []
    out = []
    for m in found:
        hit = _COUNTED.search(text, max(0, m.span.start - 40), m.span.start)
        if hit is None:
            return []
        word = re.sub(r"\s+", " ", hit.group(1).lower())
        n = int(word) if word.isdigit() else _COUNT_WORDS[word]
        out.append(dataclasses.replace(m, method=f"{PER_PLACE_TOLL}{n} {m.method}"))
    return out


def own_toll(m: PlaceMention) -> int | None:
    """The count a list gave this place (`counted_places`), if any."""
    word = next((w for w in m.method.split() if w.startswith(PER_PLACE_TOLL)), None)
    return int(word[len(PER_PLACE_TOLL):]) if word is not None else None


def bounding_countries(chosen: list[PlaceMention]) -> set[str]:
    """The countries a clause's places keep a wider search inside: an origin's or a border's country bounds nothing
    ("two herders were found dead in X after raiders from Y attacked them": X need not lie in Y)."""
    return {m.place.country for m in chosen if m.place is not None and m.place.country is not None
            and ORIGIN not in m.method.split()}


def _index(doc: Doc, mentions: list[PlaceMention]) -> _MentionIndex:
    """The index of `mentions`, built once per document and list (the list is kept with it, so its id is not
    reused while cached)."""
    cache = doc.user_data.setdefault("fw_mention_index", {})
    hit = cache.get(id(mentions))
    if hit is None or hit.mentions is not mentions or len(hit.starts) != len(mentions):
        hit = cache[id(mentions)] = _MentionIndex(mentions)
    return hit


def _sentence_index(doc: Doc, sent: SpacySpan) -> int | None:
    """The sentence's position among the document's (a bisection over their starts, kept once per document)."""
    starts = doc.user_data.get("fw_sent_starts")
    if starts is None:
        starts = doc.user_data["fw_sent_starts"] = [s.start for s in _sentences(doc)]
    k = bisect.bisect_left(starts, sent.start)
    return k if k < len(starts) and starts[k] == sent.start else None


def _with_precision(text: str, m: PlaceMention, mentions: list[PlaceMention], sent: SpacySpan) -> PlaceMention:
    """ACLED's geo precision of an event's place: 2 for a town the event was near ("near X", "outside X"), and for a
    province that stands for a smaller place of the sentence the gazetteer cannot place (the event is part of the
    region, coded at its seat); 2 for a county, but 1 for a county named after its seat town (the town); else the
    place's own (1 a town, 2 a district, 3 a province)."""
    p = m.place
    if p is None or p.geo_precision is None:
        return m
    near = p.geo_precision == 1 and _NEAR.search(text, max(0, m.span.start - 40), m.span.start) is not None
    part = p.geo_precision == 3 and p.feature_code in ("ADM1", "ADM1H") and (any(
        o.place is None for o in _index(sent.doc, mentions).starting(sent.start_char, sent.end_char))
        or _LOCAL_NAME.search(text, sent.start_char, sent.end_char) is not None)
    # "X county": ACLED's scale puts a county with districts (precision 2), whatever its level in a country's
    # hierarchy; a province or region stays 3
    county = p.geo_precision == 3 and p.feature_code in ("ADM1", "ADM1H") and _COUNTY.search(
        text, m.span.start, min(len(text), m.span.end + 12)) is not None
    if near or part:
        return dataclasses.replace(m, place=dataclasses.replace(p, geo_precision=2))
    if county:
        # a county named after its seat town ("X county", seat X) is coded at that town: ACLED's precision 1
        return dataclasses.replace(m, place=dataclasses.replace(p, geo_precision=1 if _seat_of_own_name(m) else 2))
    return m


_SEAT = re.compile(r"\+seat:(.+)$")


def _fold(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _seat_of_own_name(m: PlaceMention) -> bool:
    """Whether the unit is placed at a seat town of its own name (the point the geoparser moved it to, in its
    method: "+seat:X")."""
    seat = _SEAT.search(m.method)
    return seat is not None and m.place is not None and _fold(seat.group(1)) == _fold(m.place.name)



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


_SEAT_CODES = ("ADM1", "ADM1H", "ADM2", "ADM2H", "PPLA", "PPLA2", "PPLC")
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*[A-Z]|and\b|or\b|&)")


def _comma_context(small: PlaceMention, big: PlaceMention, text: str) -> bool:
    """ "in X, Y" with Y a unit or its seat town: Y only says where X is, even where the gazetteer files X under
    another unit (a town near a county line, a newer county); not in a list ("X, Y and Z")."""
    s, b = small.place, big.place
    if s is None or b is None or s == b or text[small.span.end : big.span.start].strip() != ",":
        return False
    if not (b.feature_code or "").startswith(_SEAT_CODES) or (s.feature_code or "").startswith(_SEAT_CODES):
        return False
    return s.country == b.country and _LIST_GOES_ON.match(text[big.span.end : big.span.end + 12]) is None


def _previous_place(mentions: list[PlaceMention], before: int, sent: SpacySpan, doc: Doc) -> PlaceMention | None:
    """The last place named before a pronoun, in its sentence or the one before."""
    prev_start = sent.start_char
    for s in doc.sents:
        if s.end_char <= sent.start_char:
            prev_start = s.start_char
    cands = [m for m in mentions if prev_start <= m.span.start and m.span.end <= before and not _country_level(m)]
    return cands[-1] if cands else None
