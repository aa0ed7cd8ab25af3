"""Counts: killed, injured, killed-or-injured, abducted, arrested — kept apart, with qualifiers — and ACLED's
conservative fatality figure.

Value, low and high: `value` is the figure ACLED would code, `low`/`high` the range the words allow (None: open).
Vague quantities follow the ACLED codebook for the value: "dozens" → 12 (range 24–99), "tens" → 10, "hundreds" →
100, "several"/"a few" → 3, "many"/"numerous" → 10; their qualifier is "vague". "Roughly/about/some N" is
"approximately" with a ±20 % range; "at least N"/"more than N" leave `high` open; "up to N" is "at most" (0–N).
Groups coordinated under one outcome ("ten soldiers and three civilians were killed", "killing 7 soldiers and 3
civilians") are one count, summed; a subset ("…, including two children,") is not counted again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from frontwatch.extract.doc_words import span_text
from frontwatch.extract.sentences import _doc_text
from frontwatch.extract.toll_dates import in_a_date
from frontwatch.extract.toll_parts import apposed_part
from frontwatch.extract.toll_slips import DEATH_WORDS, KILLED_WORDS, alternation
from frontwatch.model import Count, CountKind, Span, split_over_days

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# value (ACLED figure), low, high, qualifier
VAGUE: dict[str, tuple[int, int | None, int | None, str]] = {
    "dozens": (12, 24, 99, "vague"), "scores": (20, 40, 99, "vague"), "tens": (10, 20, 99, "vague"),
    "hundreds": (100, 200, 999, "vague"), "thousands": (1000, 2000, 9999, "vague"),
    "several": (3, 3, 9, "vague"), "a few": (3, 2, 5, "vague"), "few": (3, 2, 5, "vague"),
    "many": (10, 5, None, "vague"), "numerous": (10, 5, None, "vague"), "a handful of": (3, 2, 5, "vague"),
    "a dozen": (12, 10, 14, "approximately"), "a couple of": (2, 2, 3, "approximately"),
}
QUALIFIERS = {"at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
              "in excess of": "more than",
              "roughly": "approximately", "about": "approximately", "around": "approximately",
              "some": "approximately", "nearly": "approximately", "almost": "approximately",
              "approximately": "approximately", "an estimated": "approximately", "close to": "approximately",
              "up to": "at most", "as many as": "at most", "at most": "at most", "fewer than": "at most",
              "less than": "at most", "no more than": "at most"}

_NUM_WORD = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_WRITTEN = rf"(?:{_NUM_WORD})(?:[-\s](?:{_NUM_WORD}))?(?:\s+hundred)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_NUMBER = rf"(?:{_DIGITS}|{_WRITTEN}|{'|'.join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))})"
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
# "between 10 and 15", "10 to 15", "10-15": a range, coded by its low end
RANGE = re.compile(rf"\b(?:between\s+({_DIGITS}|{_WRITTEN})\s+and\s+|({_DIGITS}|{_WRITTEN})\s+to\s+|"
                   rf"({_DIGITS})\s*[-–]\s*(?=\d))({_DIGITS}|{_WRITTEN})\b(?![-–]\w)", re.I)
NUM = re.compile(rf"(?<![/\d])\b(?:({_QUAL})\s+)?({_NUMBER})\b(?![-–]\w|\s*%|[.,:/]\d)", re.I)  # not "15/01"

# Ways of being violently killed ("hacked to death", "lynched"), then plain outcomes ("dead", "deaths").
_TO_DEATH = (r"(?:stoned|stabbed|hacked|beaten|beat|burnt|burned|clubbed|slashed|bludgeoned|shot|lynched|tortured|"
             r"battered|strangled|kicked|trampled|set\s+ablaze|set\s+alight|clobbered|axed|macheted|speared|"
             r"whipped|caned|crushed|hit)")
# "two were gunned" (no "down"): the bare participle tells the same killing
KILLED = (r"(?:killed|dead|died|slain|lost\s+(?:their|his|her)\s+lives?|executed|shot\s+dead|shot\s+and\s+killed|"
          r"gunned(?:\s+down)?|lynched|beheaded|murdered|massacred|assassinated|succumbed|perished|fatalities|deaths?"
          r"(?!\s+(?:threats?|toll|penalty|sentences?|row|squads?|certificates?))|bodies|KIA|"
          rf"{_TO_DEATH}\s+(?:\w+\s+)?to\s+(?:death|(?:{alternation(DEATH_WORDS)})\b)|"
          rf"(?:{alternation(KILLED_WORDS)})\b)")  # "9 killied", "hacked to deth": a slip of the hand
INJURED = r"(?:injured|wounded|hurt|injuries)"
_BE = r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been|reportedly|allegedly|all|either)\s+)*"
OUTCOMES: list[tuple[CountKind, re.Pattern[str]]] = [
    (CountKind.KILLED_OR_INJURED, re.compile(
        rf"^(?:[\w-]+\s+){{0,4}}?{_BE}(?:{KILLED})\s+(?:or|and/or)\s+(?:{INJURED})"
        rf"|^(?:[\w-]+\s+){{0,4}}?{_BE}(?:{KILLED}|killed)\s+and\s+(?:{INJURED})\b(?!\s+\d)"
        r"|^(?:[\w-]+\s+){0,3}?casualties", re.I)),
    # "3 die in clashes": a headline's present tense of dying
    (CountKind.KILLED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}(?:{KILLED}|dies?)\b", re.I)),
    (CountKind.INJURED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}{INJURED}\b", re.I)),
    (CountKind.ABDUCTED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}"
                                    r"(?:abducted|kidnapped|taken\s+hostage|seized\s+as\s+hostages|hostages)\b", re.I)),
    (CountKind.ARRESTED, re.compile(rf"^(?:[\w-]+\s+){{0,5}}?{_BE}"
                                    r"(?:arrested|detained|taken\s+into\s+custody|captured\s+alive)\b", re.I)),
]
# "killing 6 civilians", "wounding at least 3", "the death toll rose to 45"
BEFORE = re.compile(r"\b(killing|killed|kills|kill|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|"
                    # a headline's present tense: "police shoot dead 5 robbers", "gunmen gun down 3 traders"
                    r"shoots?\s+dead|guns?\s+down|"
                    r"shoot(?:s|ing)?\s+and\s+kill(?:s|ed|ing)?|shot\s+and\s+kill(?:s|ed|ing)?|"
                    r"lynch(?:es|ed|ing)?|behead(?:s|ed|ing)?|murder(?:s|ed|ing)?|massacr(?:e|es|ed|ing)|"
                    r"assassinat(?:e|es|ed|ing)|slay(?:s|ing)?|slew|execut(?:e|es|ed|ing)|"
                    # "residents stoned to death two suspects": the way of killing before its victims
                    r"(?:ston|stabb?|hack|beat|burnt?|clubb?|slash|bludgeon|batter|strangl|spear|tortur|trampl|crush)"
                    r"\w*\s+to\s+death|"
                    r"(?:killing|murder|deaths?|bodies|body|lives)\s+of(?:\s+the)?|claim(?:ed|ing|s)?(?:\s+the\s+lives\s+of)?|"
                    r"wounding|wounded|injuring|injured|abducting|abducted|"
                    r"kidnapping|kidnapped|arresting|arrested|detaining|detained|death\s+toll(?:\s+\w+){0,3}?\s+"
                    r"(?:to|at|of|reached|hit|is|was)|toll\s+(?:rose|climbed|stood)\s+(?:to|at)|"
                    # "the toll of the weekend's ambush climbed to eight", "the number of dead in the raid has risen
                    # to 9": a toll told with what it is of between it and its rise
                    r"(?:(?:death\s+)?toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed|fatalities))"
                    r"(?:\s+[\w'-]+){0,5}?\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|jumped|reached|increased)"
                    r"(?:\s+to)?|"
                    # "the death count was later revised from two to five": the figure it came to
                    r"death\s+(?:toll|total|count|figure)\s+(?:has\s+|had\s+|was\s+)?(?:been\s+)?(?:rose|risen|raised|"
                    r"revised|increased|climbed|jumped)(?:\s+\w+)?\s+from\s+\S+\s+to)\s+$", re.I)
# A toll whose rise is told after a long account of what it is of ("the death toll in an attack on a village in the
# hills by raiders from across the border has risen to 11"): beyond `BEFORE`'s window.
_FAR_TOLL = re.compile(r"\b(death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|people\s+killed))\b"
                       r"[^.;:()]{0,200}?\s(?:has\s+|had\s+)?(?:rose|risen|climbed|jumped|reached|increased)"
                       r"(?:\s+to)?\s+$", re.I)
BEFORE_KIND = {"kill": CountKind.KILLED, "shot": CountKind.KILLED, "shoo": CountKind.KILLED, "gunn": CountKind.KILLED,
               "gun ": CountKind.KILLED, "guns": CountKind.KILLED,
               "lync": CountKind.KILLED, "behe": CountKind.KILLED, "murd": CountKind.KILLED, "mass": CountKind.KILLED,
               "assa": CountKind.KILLED, "slay": CountKind.KILLED, "slew": CountKind.KILLED, "bodi": CountKind.KILLED,
               "body": CountKind.KILLED, "live": CountKind.KILLED, "clai": CountKind.KILLED,
               "woun": CountKind.INJURED, "inju": CountKind.INJURED,
               "abdu": CountKind.ABDUCTED, "kidn": CountKind.ABDUCTED, "arre": CountKind.ARRESTED,
               "deta": CountKind.ARRESTED, "deat": CountKind.KILLED, "toll": CountKind.KILLED,
               "fata": CountKind.KILLED, "dead": CountKind.KILLED, "numb": CountKind.KILLED}
# A note's or table's label before its figure: "Fatalities: 15", "Death toll: 4", "Killed: 3".
_LABEL = re.compile(r"\b(fatalities|deaths|death\s+toll|dead|killed)\s*:\s*$", re.I)
# Nouns that are not people: "3 districts", "60 km", "40 years".
NOT_PEOPLE = re.compile(r"^\s*(?:districts?|provinces?|km|kilomet\w+|miles?|metres?|meters?|years?|months?|weeks?|"
                        r"days?|hours?|minutes?|percent|%|per\s+cent|times|vehicles?|houses?|homes?|buildings?|"
                        r"villages?|towns?|cities|rockets?|missiles?|shells?|rounds|bullets|dollars?|\$|afghanis|"
                        r"tons?|tonnes?|kg|aircraft|planes?|trucks?|cars?|tanks?|drones?|bombs?|am|pm|a\.m\.|p\.m\.|"
                        r"gmt|utc|st|nd|rd|th)\b", re.I)
# the word before the animal may be an adjective ("stolen goats"), not a preposition: "killed 42 during cattle raid"
# counts people
ANIMALS = re.compile(r"^\s*(?:of\s+(?:the|their|his|her)\s+)?(?:(?!(?:during|in|at|on|after|before|near|over|for|"
                     r"from|with|by|in|into|while|as)\s)[a-z-]+\s+)?(?:cattle|cows?|goats?|sheep|camels?|"
                     r"donkeys?|herds?|livestock|animals?|head\s+of\s+cattle|bulls?|oxen|chickens?|hens?|dogs?)\b",
                     re.I)
_SUBSET = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|mostly|mainly)\s+$", re.I)
# A parenthetical subset between a number and its outcome: "Five people, including two children, were killed"
_ASIDE = re.compile(r",\s*(?:including|among\s+them|among\s+whom|mostly|mainly|most\s+of\s+them)\b[^,.;:]{0,60},")
_CONTINUE = re.compile(r"^\s+(?:[a-z-]+\s+){0,3}?(?:and|as\s+well\s+as|plus)\s+$|^\s+(?:[a-z-]+\s+){0,3}?,\s*$")
_OUTCOME_WORD = re.compile(rf"{KILLED}|{INJURED}|abduct|kidnap|arrest|detain|said|says", re.I)
_HARM_WORD = re.compile(rf"(?:{KILLED}|{INJURED}|abduct|kidnap|arrest|detain|shot|lynch|hack|ston|beat)", re.I)
_PAREN = re.compile(r"^\([^()]{0,50}\)\s*")
_ONE_NOT_COUNT = re.compile(r"\s+(?:of|another|side|day|time|point|way|more|after|by)\b", re.I)
_ONE_AFTER = re.compile(r"\b(?:no|any|every|each|the|this|that|in|at|on|for|with|from|to|than)\s+$", re.I)
_TO_DEATH_BEFORE = re.compile(
    r"\b(?:ston|stab|hack|beat|burn|burnt|club|slash|bludgeon|batter|strangl|kick|trampl|lynch|torture|crush)"
    r"[a-z]*\s+$", re.I)
_TO_DEATH_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,4}?to\s+death\b", re.I)
_RIGHT_TO_DEATH = re.compile(r"^\s+to\s+death\b", re.I)  # "one speared to death": no object, so no deed
_FOUND_DEAD = re.compile(r"^\s+(?:dead|murdered|killed|slain|beheaded)\b", re.I)  # "3 found dead": no finder
# The parse's killing words: verbs whose object dies, ways of killing that need "dead" / "to death" / "down",
# verbs of dying, and "dead".
_KILL = {"kill", "lynch", "murder", "behead", "assassinate", "execute", "slay", "massacre", "slaughter", "butcher"}
_KILL_MANNER = {"shoot", "gun", "stone", "stab", "hack", "beat", "burn", "club", "slash", "bludgeon", "batter",
                "strangle", "kick", "trample", "torture", "crush", "axe", "spear", "burnt"}
_DIE = {"die", "succumb", "perish"}
# Verbs between a figure and its outcome that say how the figure is known or what befell the people, not a deed of
# theirs ("two people lost their lives", "one civilian confirmed killed").
_NOT_ACTING = {"be", "have", "remain", "lose", "confirm", "report", "fear", "believe", "feared"}
_FIND = {"find", "discover", "recover", "retrieve", "dump", "exhume", "spot", "locate"}
_KILLING_WORDS = _KILL | _KILL_MANNER | _DIE | {"dead", "body"}
_NOT_QUITE = {"allegedly", "nearly", "almost", "narrowly"}  # the reason, or a death that did not happen
_ONE_PERSON = {"one", "him", "her", "he", "she"}
_NOBODY = {"nobody", "none", "noone", "anyone", "anybody", "everyone", "everybody", "it", "this", "that", "who"}
# Singular nouns a killing word can take that are not people.
_NOT_VICTIMS = {"cow", "goat", "sheep", "camel", "donkey", "dog", "cattle", "livestock", "animal", "lion", "elephant",
                "bill", "motion", "plan", "deal", "idea", "proposal", "time", "process", "talk", "engine", "light",
                "game", "story", "rest", "other", "others", "attack", "suspect's"}
_NOT_PERSON_ENTS = {"GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "EVENT",
                    "NORP", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"}
# A running total is no event's toll: "the conflict has killed 5,000", "300 have been killed so far this year",
# "bringing the number killed this year to 45". The period cues need a perfect tense at the count ("have been
# killed", "has claimed"): "three were killed and no arrests have been made so far" keeps its three.
_MONTH_WORD = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_RUNNING_PERIOD = re.compile(
    rf"\bso\s+far\b|\bto\s+date\b|\bthis\s+year\b|\bin\s+total\b|\bsince\s+(?:the\s+(?:start|beginning|outbreak)|"
    rf"(?:it|the\s+\w+)\s+(?:began|started|erupted)|{_MONTH_WORD}\b|\d{{4}}|last\s+year|the\s+(?:war|conflict|"
    r"insurgency|violence|fighting|crisis|uprising|unrest|campaign|offensive))", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\b", re.I)
_RUNNING = re.compile(
    r"\bbringing\s+(?:the\s+)?(?:total|number|tally|(?:death\s+)?toll)\b|"
    r"\b(?:war|conflict|insurgency|violence|fighting|crisis|uprising|unrest|campaign)\s+(?:has|have|had)\s+"
    r"(?:so\s+far\s+|now\s+|already\s+)?(?:killed|claimed)\b", re.I)
_CLAUSE_EDGE = re.compile(r"[,;:()]")
_HEARSAY_DEED = re.compile(r"\b(?:alleged(?:ly)?|accused|suspected|said|believed|reported(?:ly)?|thought|known)\s+"
                           r"(?:to\s+have\s+|of\s+(?:having\s+)?)$", re.I)
_RAISED_FROM = re.compile(r"\b(?:rose|risen|raised|revised|increased|climbed|jumped)(?:\s+\w+)?\s+from\s+$", re.I)


def _running_total(text: str, base: int, c: Count) -> bool:
    """Is the count a running total (see `_RUNNING`), read in its clause (commas and brackets bound it; a
    sentence that opens with "Since …, " or "So far, " lends its opening to the first clause)?"""
    if c.span is None or c.what != CountKind.KILLED:
        return False
    s0, e0 = c.span.start - base, c.span.end - base
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(text, 0, s0)), default=0)
    right = next((m.start() for m in _CLAUSE_EDGE.finditer(text, e0)), len(text))
    clause = text[left:right]
    if left and re.match(r"^\s*(?:since|so\s+far|to\s+date|in\s+total|overall)\b", text, re.I) and \
            not _CLAUSE_EDGE.search(text, text.find(",") + 1 if "," in text else 0, left - 1):
        clause = text[:right]  # "Since the start of the uprising, 1,200 people have died."
    if _RUNNING.search(clause):
        return True
    near = text[max(left, s0 - 20):e0]
    return bool(_RUNNING_PERIOD.search(clause)) and bool(_PERFECT.search(near))


HEAVY = re.compile(r"\b(heavy|significant|severe|many|considerable|scores\s+of|dozens\s+of)\s+(casualties|losses)\b",
                   re.I)


def parse_number(words: str) -> tuple[int | None, int | None, int | None, bool]:
    """(value, low, high, vague) of a number expression."""
    w = re.sub(r"\s+", " ", words.lower().strip())
    if w in VAGUE:
        v, lo, hi, _ = VAGUE[w]
        return v, lo, hi, True
    if re.fullmatch(r"[\d,]+", w):
        n = int(w.replace(",", ""))
        return n, n, n, False
    total = 0
    hundred = w.endswith("hundred")
    for part in re.split(r"[-\s]+", w.replace(" hundred", "")):
        total += UNITS.get(part, 0) + TENS.get(part, 0)
    if hundred:
        total *= 100
    return total, total, total, False


def _count(kind: CountKind, qual: str | None, number: str, span: Span) -> Count:
    value, low, high, vague = parse_number(number)
    q = QUALIFIERS.get(qual.lower()) if qual else (VAGUE[number.lower()][3] if vague else "exact")
    if q in ("at least", "more than"):
        high = None
    elif q == "approximately" and value is not None and not vague:
        low, high = round(value * 0.8), round(value * 1.2)
    elif q == "at most":
        low = 0
    return Count(kind, value, low, high, q, span)


def _merge(a: Count, b: Count, span: Span) -> Count:
    """Two groups under one outcome: their sum."""
    value = (a.value or 0) + (b.value or 0)
    low = a.low + b.low if a.low is not None and b.low is not None else None
    high = a.high + b.high if a.high is not None and b.high is not None else None
    qual = a.qualifier if a.qualifier != "exact" else b.qualifier
    return Count(a.what, value, low, high, qual, span)


_OTHER_FATE = re.compile(rf"\b(?:{INJURED}|captured|arrested|detained|abducted|kidnapped|missing|rescued)\b", re.I)


# "three of the injured died": dead of the wounded, not wounded
_OF_THE_WOUNDED = re.compile(r"of\s+(?:the|those)\s+(?:\w+\s+)?(?:injured|wounded)\b", re.I)


def _outcome(after: str) -> tuple[CountKind, int] | None:
    """The outcome that follows a number (kind, end offset in `after`), skipping a subset aside."""
    lead = len(after) - len(after.lstrip())
    body = after.lstrip()
    if (paren := _PAREN.match(body)) is not None:
        # "At least 14 (other accounts say 18) have been killed": the aside is another figure, not the outcome
        body, lead = body[paren.end():], lead + paren.end()
    aside = _ASIDE.search(body[:90])
    removed = 0
    if aside and not _OUTCOME_WORD.search(body[: aside.start()]):
        body = body[: aside.start()] + " " + body[aside.end():]
        removed = aside.end() - aside.start() - 1
    for kind, pat in OUTCOMES:
        om = pat.match(body)
        if om and kind == CountKind.KILLED and _OTHER_FATE.search(body[: om.end()]) and \
                not _OF_THE_WOUNDED.match(body):
            # "three people wounded before police shot and killed the attacker": the three were wounded; "nine
            # captured and two killed": the nine were captured
            continue
        if om and not re.search(r"[.;:!?]", body[: om.end()]):
            return kind, lead + om.end() + (removed if aside and aside.start() < om.end() else 0)
    return None


def _ranges(text: str) -> dict[int, re.Match[str]]:
    """The sentence's ranges ("10 to 15") by start, low end below the high; "raised from 1 to 4" is no range."""
    return {m.start(): m for m in RANGE.finditer(text)
            if (parse_number(m.group(1) or m.group(2) or m.group(3))[0] or 0) < (parse_number(m.group(4))[0] or 0)
            and not _RAISED_FROM.search(text, max(0, m.start() - 30), m.start())}


def _before_kind(word: str) -> CountKind:
    """The kind of count the word before a figure introduces ("killing", "wounding", "stoned to death")."""
    word = word.lower()
    if word.endswith(("death", " to")) or word.startswith("exec"):
        return CountKind.KILLED
    return BEFORE_KIND[word[:4]]


def _cue_before(text: str, window: str, start0: int) -> tuple[re.Match[str] | None, int]:
    """The words before a figure that tell its kind ("killing", "the toll rose to"), read in `window` (the text
    right before the figure) or, for a far toll, the sentence; and where they start in `text`."""
    before = BEFORE.search(window) or _LABEL.search(window)
    if before is not None:
        return before, start0 - (len(window) - before.start())
    far = _FAR_TOLL.search(text, 0, start0)
    return far, far.start() if far is not None else 0


def find_counts(sent: SpacySpan) -> list[Count]:
    """Counts of people killed, injured, killed or injured, abducted, arrested in one sentence."""
    text: str = span_text(sent)  # cut from the document's text: `Span.text` makes a Token per word
    base: int = sent.start_char
    out: list[Count] = []
    before_kind: list[bool] = []  # parallel to `out`: was the count introduced by its verb ("killing 6 …")?
    ranges = _ranges(text)
    pos = 0
    while True:
        rm = None
        m = NUM.search(text, pos)
        nxt_range = min((s for s in ranges if s >= pos), default=None)
        if nxt_range is not None and (m is None or nxt_range <= m.start()):
            rm = ranges[nxt_range]
        if m is None and rm is None:
            break
        if rm is not None:
            lo_w, hi_w = rm.group(1) or rm.group(2) or rm.group(3), rm.group(4)
            start0, end0 = rm.start(), rm.end()
            qual, number = None, lo_w
        else:
            assert m is not None
            qual, number = m.group(1), m.group(2)
            start0, end0 = m.start(), m.end()
        pos = end0
        if number.lower() == "one" and not qual and rm is None and (
                _ONE_NOT_COUNT.match(text[end0:end0 + 12]) or _ONE_AFTER.search(text[max(0, start0 - 8):start0])):
            continue  # "one of the districts", "no one", "in one attack": not a count of people
        if NOT_PEOPLE.match(text[end0:end0 + 20]) or ANIMALS.match(text[end0:end0 + 40]) or \
                in_a_date(text, start0, end0):
            continue
        if _SUBSET.search(text[max(0, start0 - 16):start0]) or apposed_part(text, start0, end0):
            continue  # "killing 12, including 5 children", "killing 12, 5 of them children": already in the total
        if rm is None and number.lower() == "some":
            continue
        kind: CountKind | None = None
        start, end = start0, end0
        window = text[max(0, start0 - 64):start0]  # room for "the toll of the weekend's ambush climbed to"
        before, b_start = _cue_before(text, window, start0)
        introduced = False
        if before and re.fullmatch(r"claim\w*", before.group(1), re.I) and not re.match(
                r"^\s+(?:[a-z-]+\s+)?lives\b", text[end0:end0 + 30], re.I):
            before = None  # "claimed 3 attacks": only "claimed 7 lives" is a toll
        if before and _HEARSAY_DEED.search(text, max(0, start0 - 80), b_start):
            continue  # "he is alleged to have killed many": a charge against someone, not this event's toll
        if before:
            kind = _before_kind(before.group(1))
            start = b_start
            introduced = True
        else:
            found = _outcome(text[end0:end0 + 120])
            if found and not _acts_between(sent, base + end0, base + end0 + found[1]):
                kind, off = found
                end = end0 + off
            elif _TO_DEATH_BEFORE.search(window) and (death := _TO_DEATH_AFTER.match(text[end0:end0 + 60])):
                # "residents stoned two suspects to death"
                kind, end = CountKind.KILLED, end0 + death.end()
        if kind is None and out and before_kind[-1] and out[-1].span is not None:
            # "killing 7 soldiers and 3 civilians": a second group under the same verb
            gap = text[out[-1].span.end - base:start0]
            prev_end = out[-1].span.end - base
            gap_full = text[prev_end:start0]
            if _CONTINUE.match(" " + gap.lstrip()) and not _OUTCOME_WORD.search(gap_full):
                noun = re.match(r"^\s+(?:[a-z-]+\s+){0,2}?[a-z-]+", text[end0:end0 + 40])
                new_end = end0 + (noun.end() if noun else 0)
                merged = _merge(out[-1], _count(out[-1].what, qual, number, Span(0, 0, "")),
                                Span(out[-1].span.start, base + new_end, text[out[-1].span.start - base:new_end]))
                out[-1] = merged
                continue
        if kind is None:
            continue
        if rm is not None:
            lo, _, _, _ = parse_number(lo_w)
            hi, _, _, _ = parse_number(hi_w)
            count = Count(kind, lo, lo, hi, "approximately", Span(base + start, base + end, text[start:end]))
        else:
            count = _count(kind, qual, number, Span(base + start, base + end, text[start:end]))
        if introduced:
            # extend the span over the group's noun so a following "and 3 civilians" can join it
            noun = re.match(r"^\s+(?:[a-z-]+\s+){0,2}?[a-z-]+(?=\s+and\b|\s*,|\s+as\s+well)", text[end:end + 40])
            if noun:
                end += noun.end()
                count = Count(count.what, count.value, count.low, count.high, count.qualifier,
                              Span(base + start, base + end, text[start:end]))
        prev = out[-1] if out else None
        if (prev is not None and prev.what == kind and prev.span is not None and count.span is not None
                and prev.span.start <= count.span.start and count.span.end <= prev.span.end):
            # "Ten soldiers and three civilians were killed": two groups, one outcome
            out[-1] = _merge(prev, count, prev.span)
            continue
        out.append(count)
        before_kind.append(introduced)
    return _sentence_counts(sent, text, base, out)


def _sentence_counts(sent: SpacySpan, text: str, base: int, out: list[Count]) -> list[Count]:
    """The figures read one by one as the sentence's counts: victims named, groups summed, `sentence_tolls`, …"""
    from frontwatch.extract.toll_sentence import sentence_tolls  # these two read this module's lexicons: imported here
    from frontwatch.extract.victims import with_victims

    out = [c for c in sentence_tolls(text, base, _additional_groups(text, base, with_victims(sent, out)))
           if not _running_total(text, base, c)]
    for hm in HEAVY.finditer(text):
        if not any(c.what == CountKind.KILLED_OR_INJURED for c in out):
            out.append(Count(CountKind.KILLED_OR_INJURED, None, None, None, "vague",
                             Span(base + hm.start(), base + hm.end(), hm.group(0))))
    return out


def _group_noun(span: Span, text: str, base: int) -> str | None:
    """The noun after a count's figure ("2 raiders killed" → "raiders"); None for a bare figure or "people"."""
    after = text[span.start - base:span.end - base]
    m = re.match(rf"^(?:(?:{_QUAL})\s+)?(?:{_NUMBER})\s+(?:[a-z-]+\s+)??([a-z]+)\b", after, re.I)
    if m is None or re.fullmatch(KILLED + r"|" + INJURED + r"|people|persons?|others?|more|were|was|are", m.group(1),
                                 re.I):
        return None
    return m.group(1).lower()


def _additional_groups(text: str, base: int, out: list[Count]) -> list[Count]:
    """Two killed figures of one sentence that name different people are one toll, summed: "2 raiders killed and 2
    civilians killed", "one was shot dead, 3 others were killed". Figures that may be alternatives ("at least 12
    (other reports say 20)", "5 killed … the toll rose to 7") stay apart, for the lowest credible one."""
    merged: list[Count] = []
    for c in out:
        prev = merged[-1] if merged else None
        if (prev is not None and c.what == prev.what == CountKind.KILLED and prev.span is not None
                and c.span is not None and prev.span.end <= c.span.start and c.qualifier == "exact"
                and prev.qualifier == "exact" and "(" not in text[prev.span.end - base:c.span.start - base]):
            gap = text[prev.span.end - base:c.span.start - base]
            own = text[c.span.start - base:c.span.end - base]
            # "… two days after the militia killed 20 others": another happening's toll, not more of this one
            another = re.search(r"\b(?:others?|another|more)\b", own, re.I) and len(gap) <= 40 and not re.search(
                r"\b(?:or|toll|later|reports?|said|say|after|before|earlier|ago|since|when|previous|last)\b", gap,
                re.I)
            a, b = _group_noun(prev.span, text, base), _group_noun(c.span, text, base)
            if another or (a is not None and b is not None and a != b and re.fullmatch(r"\s*(?:,|;|and|,\s*and)?\s*",
                                                                                       gap)):
                merged[-1] = _merge(prev, c, Span(prev.span.start, c.span.end, text[prev.span.start - base:
                                                                                       c.span.end - base]))
                continue
        merged.append(c)
    return merged


def _acts_between(sent: SpacySpan, start: int, end: int) -> bool:
    """Does a finite active verb stand between a number and the outcome it seems to take ("Two gunmen shot and
    killed a police officer": the two are the killers, not the dead)? The outcome word itself is not counted."""
    depth = 0  # an aside in brackets ("(other reports say 20)") is not the clause
    for t in sent:
        depth += (t.text == "(") - (t.text == ")")
        if start <= t.idx < end and depth <= 0 and not _HARM_WORD.match(t.text) and t.tag_ in (
                "VBD", "VBZ", "VBP") and t.dep_ not in ("aux", "auxpass") and t.lemma_.lower() not in _NOT_ACTING \
                and t.lemma_.lower() not in _DIE \
                and not (_RIGHT_TO_DEATH if t.lemma_.lower() not in _FIND else _FOUND_DEAD).match(
                    _doc_text(sent.doc)[t.idx + len(t.text):t.idx + len(t.text) + 40]):
            return True  # "speared to death", "lost their lives", "confirmed killed", "found dead": what befell them
    return False


# A death told as what a crowd acts over ("protesters blocked the road after a man was found murdered", "residents
# protested after he had killed two"): the cue right before the count's words, at most two words between.
_CAUSE_BEFORE = re.compile(r"\b(?:after|following|over|against|protest(?:ing|ed|s)?|mourn(?:ing|ed)?|"
                           r"condemn(?:ing|ed)?|in\s+(?:reaction|response)\s+to|justice\s+for)\s+(?:[\w'-]+\s+){0,2}$",
                           re.I)


def a_crowds_cause(text: str, count: Count) -> bool:
    """Is a killed count told as the cause a crowd acts over, not a death of its protest or riot (ACLED: a
    demonstration's fatalities are those it caused or suffered)? `text` is the document's."""
    if count.span is None or count.what != CountKind.KILLED:
        return False
    return bool(_CAUSE_BEFORE.search(text, max(0, count.span.start - 60), count.span.start))


# A mob's beating or burning is told as a death ("a thief was lynched", "set alight") though the victim may live:
# a rescue or survival told after it in its paragraph ("… was rescued by police before death", "nearly killed before
# he was rescued", "survived the beating") says no one died, unless it is another person's ("his friend was rescued").
_MOB_DEATH = re.compile(r"\b(?:lynch|beat|batter|burn|set\s+(?:\w+\s+){0,3}?(?:alight|ablaze|on\s+fire)|ston|club)",
                        re.I)
_SURVIVED = re.compile(r"\b(?:rescued|survived|escaped\s+death|before\s+(?:his\s+|her\s+|their\s+)?death|"
                       r"nearly\s+(?:killed|lynched|died|dead))\b", re.I)
_SOMEONE_ELSE = re.compile(r"\b(?:another|other|others|second|friends?|colleagues?|companions?|accomplices?|"
                           r"wife|husband|children|child|relatives?)\b", re.I)


def survived(text: str, count: Count) -> bool:
    """Is a killed count a mob's beating or burning whose victim its paragraph says was rescued or survived
    (`text` the document's)? Such an attack has no fatality (ACLED codes the deaths that happened)."""
    if count.span is None or count.what != CountKind.KILLED or not _MOB_DEATH.search(count.span.text):
        return False
    end = text.find("\n\n", count.span.end)
    after = text[count.span.end:end if end >= 0 else len(text)]
    m = _SURVIVED.search(after)
    if m is None:
        return False
    # the rescue's own sentence says whom it saved
    told, stop = after.rfind(". ", 0, m.start()) + 1, after.find(". ", m.end())
    return not _SOMEONE_ELSE.search(after, told, stop if stop >= 0 else len(after))


# A crowd acting over a death told anywhere in its report ("students protested over the death of their colleague")
# whose dead the report tells again elsewhere ("their colleague … died", "a student was found dead"): the cause, not
# a death of the protest, unless that sentence tells violence of the protest itself (police fire, a stampede).
_CAUSE_TOLD = re.compile(r"\b(?:protest|demonstrat|riot|mourn|march|rall)\w*\s+(?:[\w-]+\s+){0,3}?(?:over\s+|"
                         r"against\s+|at\s+|following\s+|after\s+|in\s+response\s+to\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:death|killing|"
                         r"murder|shooting|lynching)s?\s+of\s+(?:(?:their|a|an|the|his|her|one|two|three|of)\s+)*"
                         r"([a-z-]+)", re.I)
_DEATH_WITHOUT_DOER = re.compile(r"\b(?:died|dies|death|dead|succumbed|bod(?:y|ies))\b", re.I)
_DOER = re.compile(r"\b(?:by|shot|shooting|kill\w*|lynch\w*|gunned|hack\w*|stabb?\w*|beat\w*|murder\w*)\b", re.I)
_PROTEST_VIOLENCE = re.compile(r"\b(?:police|officers?|security|soldiers?|shot|gunfire|bullets?|tear\s*gas|clash\w*|"
                               r"stampede|crossfire|during\s+the\s+(?:protests?|demonstrations?|riots?))\b", re.I)


def a_crowds_cause_told(text: str, count: Count) -> bool:
    """Is a killed count of a protest's or riot's report the death its crowd acts over, told again away from the
    cue (see `a_crowds_cause`): the dead the cause names ("their colleague") or a death told without a doer, in a
    sentence that tells no violence of the protest itself? `text` is the document's."""
    if count.span is None or count.what != CountKind.KILLED:
        return False
    if a_crowds_cause(text, count):
        return True
    causes = [m.group(1).lower() for m in _CAUSE_TOLD.finditer(text)]
    if not causes:
        return False
    left = max(text.rfind(". ", 0, count.span.start) + 1, 0)
    right = text.find(". ", count.span.end)
    sentence = text[left:right if right >= 0 else len(text)]
    if _PROTEST_VIOLENCE.search(sentence):
        return False
    own = count.span.text
    return any(re.search(rf"\b{re.escape(c)}\b", own, re.I) for c in causes) or bool(
        _DEATH_WITHOUT_DOER.search(own) and not _DOER.search(own))


# Words that tell a figure adds to dead already told ("two more were found dead", "a guard was also
# killed", "two others died as well"), not an update of their number.
_MORE_DEAD = re.compile(r"\b(?:more|others?|also|too|as\s+well|additional|further|another)\b", re.I)
_BACK_TO_TOLD = re.compile(r"\b(?:the|these|those|of\s+them|of\s+whom|among)\b", re.I)
_NOT_SURE_DEAD = re.compile(r"\b(?:missing|feared|presumed|believed|unconfirmed)\b", re.I)
_OF_WOUNDS = re.compile(r"\b(?:of|among)\s+(?:the|those)\s+(?:\w+\s+)?(?:injured|wounded)\b|\bsuccumb\w*|"
                        r"\bdie[sd]?\s+(?:later\s+)?(?:of|from)\s+(?:(?:his|her|their|the)\s+)?(?:injuries|wounds)",
                        re.I)
_MORE_AFTER = re.compile(r"^[^.;,]{0,12}?\b(?:as\s+well|too)\b", re.I)


# Who died, by side: state forces, and people named by what they are on the other side or none. A generic word
# ("people", "persons", "victims") may be either, so it names no side.
_STATE_DEAD = re.compile(r"\b(?:soldiers?|troops?|police(?:m[ae]n|\s+officers?)?|officers?|constables?|"
                         r"servicem[ae]n|army|military|security\s+(?:forces|personnel|officers?)|rangers?)\b", re.I)
_OTHER_DEAD = re.compile(r"\b(?:militants?|insurgents?|fighters?|rebels?|gunm[ae]n|attackers?|assailants?|raiders?|"
                         r"bandits?|militia(?:m[ae]n|s)?|suspects?|civilians?|residents?|villagers?|herders?|"
                         r"herdsm[ae]n|farmers?|traders?|children|women|students?|passengers?|protesters?|"
                         r"demonstrators?|rioters?|robbers?|thie(?:f|ves)|poachers?|smugglers?|pirates?|criminals?|"
                         r"kidnappers?|gangsters?)\b", re.I)


def _side(c: Count) -> str | None:
    """The side a killed count's own words name ("three soldiers" state, "eight militants" other), None for none or
    both."""
    text = c.span.text if c.span is not None else ""
    state, other = bool(_STATE_DEAD.search(text)), bool(_OTHER_DEAD.search(text))
    return "state" if state and not other else "other" if other and not state else None


def more_dead(counts: Sequence[Count], said: str, before: Sequence[Count] = ()) -> bool:
    """Does a later sentence (`said`) tell a killed figure of more dead than those told before (`before`): "two
    more bodies turned up", "a guard was also killed" (read in the count's own words, and "as well"/"too" right
    after), or the dead of the other side ("troops killed eight militants" then "a soldier died": ACLED's toll of a
    fight is both sides' dead)?"""
    sides = {_side(k) for k in before if k.what == CountKind.KILLED and k.value} - {None}
    for c in counts:
        if c.what != CountKind.KILLED or not c.value or c.span is None or _NOT_SURE_DEAD.search(said):
            continue  # "two others missing, feared dead": no more dead
        if _OF_WOUNDS.search(said) or (len(sides) == 1 and _side(c) not in (None, *sides)):
            return True  # "three of the injured died the next day" (the wounded, now dead), "3 of the gunmen died"
        at = said.find(c.span.text)
        if _BACK_TO_TOLD.search(c.span.text) or (at >= 0 and _BACK_TO_TOLD.search(said[max(0, at - 8):at])):
            continue  # "the two other dead were guards": no more dead
        if _MORE_DEAD.search(c.span.text) or (at >= 0 and _MORE_AFTER.match(said[at + len(c.span.text):])):
            return True
    return False


def acled_fatalities(counts: Sequence[Count], days: int = 1) -> int:
    """ACLED-conservative: the lowest credible killed figure (figures for one event that disagree are alternatives;
    groups under one outcome were already summed by `find_counts`); casualties without a split count as 0. Over
    several days, the first day's share."""
    killed = [c for c in counts if c.what == CountKind.KILLED and c.value is not None]
    if not killed:
        return 0
    # a word's guess ("several", "raiders kill herders" = 3) gives way to a figure told for the same deaths
    killed = [c for c in killed if c.qualifier != "vague"] or killed
    # "more than 10" and "at least 10" are coded as 10, a range by its low end: the lowest credible figure.
    total = min(c.value or 0 for c in killed)
    return split_over_days(total, days)[0]
