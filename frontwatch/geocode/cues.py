"""Recognition cues of the geoparser: the patterns around a name that say it is a place and of what kind, the
words that are never one, and the tuning constants recognition and resolution share."""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = r"[A-Z\u00c0-\u00de\u1e00-\u1efe][\w\u00c0-\u024f\u1e00-\u1eff'’ʻ]*"
_LINK = r"(?:-(?:e|i|ye|al|el|ul|ud|o|wa)[-\s]|-|\s(?:e|i|ye|al|el|ul)[\s-]|\s)"
CHUNK = re.compile(rf"\b{_WORD}(?:{_LINK}{_WORD})*")
CUE_AFTER = re.compile(
    r"^\s+(sub[-\s]?count(?:y|ies)|districts?|provinces?|city|towns?|townships?|village|valley|region|count(?:y|ies)|"
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
# Where a one-word name stands as a place, not a person: after a locative preposition or an article ("a X trader":
# people's names take none), after a preposition of a way or a position ("fired on X", "a bus bound for X", "a visit
# to X", "raiders from X": the model reads many an unfamiliar town there as a person, but the name must still be a
# notable place of the report's country), after a local unit and a comma ("in Y estate, X"), after a bearing or a
# distance ("north of X", "80 km east of X"), or after a name a locative preposition takes and a comma ("in Y, X": X
# is where Y lies, even where the index lacks Y).
PLACE_SLOT = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|around|on|to|from|via|across|towards?|through|(?:bound|headed|heading)"
    r"\s+for|a|an|the)|\b(?:estate|village|area|location|ward|division|"
    r"constituency|sub-?county|county|town)(?:,|\s+of)|\b(?:attack(?:ed|s)?|raid(?:ed|s)?|storm(?:ed|s)?|struck)"
    r"|\b(?:north|south|east|west)(?:[\s-]?(?:east|west))?(?:ern)?\s+of"
    r"|\b(?:km|kms|kilomet(?:er|re)s?|miles)\s+(?:from|of|outside)"
    r"|\b(?:in|at|near|of)\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),)\s+$",
    re.IGNORECASE,
)
# A lone name heading a local facility or a town's institution ("X police station", "X refugee camp", "X rice farm",
# "X market", "X University", "X MP"): people's names do not head these, towns' names do.
FACILITY_AFTER = re.compile(
    r"^\s+(?:(?:rice|tea|sugar|coffee|flower|sisal)\s+)?(?:police\s+(?:station|post|camp|base)|refugee\s+camp|"
    r"camps?|farms?|markets?|universit(?:y|ies)|university's|universitys|hospital|slums?|bus\s+(?:stage|park|terminus)|"
    r"stadium|prison|law\s+courts?|trading\s+centre|town|township|MP|MCA|constituency|sub-?county|secondary\s+school|"
    r"primary\s+school|high\s+school|polytechnic)\b", re.IGNORECASE)
# A name that dates a day ("X Day", "the X day anniversary"): a holiday, not a place.
DAY_AFTER = re.compile(r"^\s+(?:day|anniversary|holiday|celebrations?|festival)\b", re.IGNORECASE)
# A news outlet named after its town ("the X Times", "X Daily", "X FM"): the name is the outlet's, not a place of the
# report. Capitalised words only: "X times" or "X news" in running text are not titles.
OUTLET_AFTER = re.compile(r"^\s+(?:Daily|Times|Post|Herald|Tribune|Gazette|Journal|Observer|Chronicle|Courier|Monitor|"
                          r"Mirror|Express|Telegraph|News|Newspaper|Weekly|Reporter|Standard|Star|Radio|FM|TV|"
                          r"Television|Broadcasting)\b")
# The object of an attack on a place ("raiders attacked X", "gunmen raid X"): a lone name there that the report's
# country holds as a town is the town, whatever the model thought of it (a person is attacked too, hence the country).
ASSAULTED_BEFORE = re.compile(r"\b(?:attack(?:ed|s)?|raid(?:ed|s)?|storm(?:ed|s)?|struck|strikes?|invade[ds]?|"
                              r"overr[au]n|besiege[ds]?|shell(?:ed|s)?|ambush(?:ed|es)?)\s+$", re.IGNORECASE)
# "recaptured X", "seized control of X": what a side takes is ground, whatever country the report is from; so is
# the ground a taking is placed by ("an area in the countryside of X", "a base 40 miles from X"), where the model
# often reads a city as a people or a person
TAKEN_BEFORE = re.compile(r"\b(?:(?:re)?captur(?:ed|es|ing)|seiz(?:ed|es|ing)|retook|retak(?:en|es|ing)|overr[au]n|"
                          r"liberat(?:ed|es|ing)|regain(?:ed|s|ing)|(?:took|taken|seized|gained|regained|wrested|assumed)\s+"
                          r"(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)|"
                          r"(?:countryside|outskirts|environs)\s+of(?:\s+the)?|"
                          r"\d[\d,.]*\s*(?:km|kms|kilomet(?:er|re)s?|miles)\s+(?:from|of|outside))\s+$", re.IGNORECASE)
# What follows a name tells a person taken from a place taken: "captured X, who led…", "seized X alive".
PERSON_TAKEN_AFTER = re.compile(r"^\s*(?:,\s*)?(?:who|whom|whose|alive|himself|herself|and\s+(?:his|her)\s)\b",
                                re.IGNORECASE)
AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)  # "at X" names a place often, but also events, firms, schools
# "a visit to X", "fired on X", "a bus bound for X", "raiders from X": a way's end or a target, a place where the name
# is a populated place of the report's country (a name alone says too little elsewhere)
WAY_BEFORE = re.compile(r"\b(?:on|to|from|via|(?:bound|headed|heading)\s+for)\s+$", re.IGNORECASE)
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
# In a report about the province's own country (its country given), a bare province name is its seat town down to a
# far smaller share: local reports write "in X" for the town of X (ACLED codes "clashes in X" at X town for Kenya's
# counties, whose seats hold 1/17 to 1/70 of their people), while a foreign report may mean the region.
SEAT_SHARE_HOME = 100
POSSESSIVE = re.compile(r"^['’]s\b")
# Words of local units that follow a whole name only.
LOCAL_CUES = frozenset({"sub-county", "constituency", "division", "ward", "location", "estate", "area"})
ADMIN_CUES = frozenset({"ADM", "ADM1", "ADM2", "ADM3"})
# Containment in a province named elsewhere in the document counts little for a town this many times smaller than a
# namesake city of at least PROMINENT_POP people.
PROMINENCE_RATIO = 100
PROMINENT_POP = 100_000


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
    return {"counties": "county", "towns": "town", "township": "town", "townships": "town"}.get(w, w)


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"“‘'(":
        j -= 1
    return j < 0 or text[j] in ".!?\n"
