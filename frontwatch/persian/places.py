"""Toponyms in Persian script: found by gazetteer lookup of word n-grams, resolved by the shared Geoparser.

A unit word before a name says what it is ("ولسوالی X" a district, "ولایت X" a province, "شهر X" a city) and is
passed to the geoparser as the English cue word, so ranking (cue, province context, proximity, population) is the
English path's. Without such a cue a single word is taken only when it names an administrative unit or a seat and is
not a common word; a cue before a list ("ولسوالی‌های X، Y و Z") covers the whole list. Names the gazetteer knows
only in a spelling without a medial alef (Dari writes a long-vowel alef where GeoNames has none) are tried in that
spelling when cued.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.geocode.geoparser import Mention
from frontwatch.geocode.keys import name_key

CUES = {
    "ولسوالی": "district", "ولسوالیها": "district", "ولسوالیهای": "district", "ولسوالى": "district",
    "شهرستان": "district", "بخش": "district",
    "ولایت": "province", "ولایات": "province", "استان": "province", "ولایتهای": "province",
    "شهر": "city", "شهرهای": "city", "مرکز": "city", "قریه": "village", "قریه های": "village", "روستای": "village",
    "روستا": "village", "دهکده": "village", "منطقه": "area", "مناطق": "area", "دره": "valley", "کشور": "country",
}  # fmt: skip
# The unit noun comes before the name in Persian ("airport of X"); these name a kind in two words.
CUES_TWO_WORDS = {("میدان", "هوایی"): "airport", ("پایگاه", "هوایی"): "airport"}
CUES["فرودگاه"] = "airport"
_PLURAL = {"ها", "های", "هایی"}
_SEAT_CODES = {"ADM1", "ADM2", "PPLA", "PPLA2", "PPLC", "PCLI", "PPLA3"}
# Function words and common nouns that a gazetteer also holds as some village's name somewhere.
_COMMON = """
    و در از به با که را این آن برای تا بر یا هم نیز هر همه خود ما او آنها ایشان است بود شد شده اند کرد
    کرده ها های یک دو سه چند پس پیش بعد قبل روز شب سال ماه هفته امروز دیروز صبح ساعت جنگ حمله نیروهای
    نیرو مردم گفت گزارش منابع محلی سوی طرف دست کنترل مرکز شمال جنوب شرق غرب میان بین زیر روی سر نزد کنار
    دیگر دیگری همین چنین ادامه دارد شدید سنگین تلفات کشته زخمی جان باختند ولسوالی ولایت شهر قریه افراد
    تن نفر بیش کم حدود هنوز اما ولی اگر چون زیرا خبر خبرها پست حساب توییتر فیسبوک ویدیو تصاویر عکس گفته
    گویند می نمی نه بله آری میدان هوایی فرودگاه پایگاه شفاخانه بیمارستان داکتر کشور جهان مردمی ملی
    امنیتی دولتی اداره دفتر
"""
_FUNCTION_WORDS = frozenset(_COMMON.split())
_PARTICLES = frozenset(
    ["و", "در", "از", "به", "با", "که", "را", "این", "آن", "برای", "تا",
     "بر", "یا", "هم", "نیز", "هر", "همه", "خود", "او", "است", "بود", "شد"]
)


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int  # normalized offsets
    end: int
    text: str  # the text looked up (a spelling variant may differ from the span)
    cue: str | None
    method: str


class PersianToponyms:
    def __init__(self, gazetteer: object, stop_words: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        from frontwatch.persian.dates import GREGORIAN_MONTHS, SOLAR_MONTHS, WEEKDAYS

        # weekday and month names are also places somewhere (دوشنبه = Dushanbe): never toponyms on their own
        dates = {w for d in (SOLAR_MONTHS, GREGORIAN_MONTHS, WEEKDAYS) for k in d for w in k.split()}
        from frontwatch.persian.numbers import SCALES, UNITS

        # number words too: "ده" is ten (and a village somewhere), never a bare toponym
        self.stop = _FUNCTION_WORDS | stop_words | frozenset(dates) | frozenset(UNITS) | frozenset(SCALES)

    def _has(self, name: str) -> bool:
        key = name_key(name)
        return bool(key) and self.gazetteer.has_key(key)  # type: ignore[attr-defined]

    def _admin_or_seat(self, name: str) -> bool:
        return any(c.feature_code in _SEAT_CODES for c in self.gazetteer.candidates(name, limit=60))  # type: ignore[attr-defined]

    @staticmethod
    def _variant(name: str) -> str:
        # Drop a medial alef (long a) from each word: GeoNames' Persian forms sometimes omit it.
        return " ".join(w[0] + w[1:-1].replace("ا", "") + w[-1] if len(w) > 3 else w for w in name.split())

    def find(self, text: str, regions: list[tuple[int, int]]) -> list[Toponym]:
        out: list[Toponym] = []
        for rs, re_ in regions:
            words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text[rs:re_])]
            words = [(s + rs, e + rs) for s, e in words]
            i = 0
            list_cue: str | None = None  # the cue of a list in progress
            last_end = -1
            after_cue = False
            while i < len(words):
                w = text[words[i][0] : words[i][1]]
                if w == "و" and list_cue is not None:
                    i += 1  # "X، Y و Z": the connective keeps the list going
                    continue
                cue_here = CUES.get(w)
                if cue_here is None and i > 0:  # two-word unit nouns: "میدان هوایی" (airfield) = airport
                    cue_here = CUES_TWO_WORDS.get((text[words[i - 1][0] : words[i - 1][1]], w))
                if cue_here:
                    j = i + 1
                    if j < len(words) and text[words[j][0] : words[j][1]] in _PLURAL:
                        j += 1
                    list_cue, last_end = cue_here, words[j - 1][1]
                    after_cue = True  # the first name follows the unit word directly; later ones need "،" / "و"
                    i = j
                    continue
                # Is this word in a list that a cue opened? ("، " / " و " / "، و " between the items)
                cued = list_cue is not None and re.fullmatch(
                    r"\s*[،,]\s*(?:و\s+)?|\s+و\s+" + (r"|\s+" if after_cue else ""), text[last_end : words[i][0]])
                cue = list_cue if cued else None
                after_cue = False
                if not cued:
                    list_cue = None
                found = None
                for n in range(min(4, len(words) - i), 0, -1):
                    s, e = words[i][0], words[i + n - 1][1]
                    if re.search(r"[.؟!:\n«»]", text[s:e]):
                        continue
                    phrase = text[s:e]
                    first_word = text[words[i][0] : words[i][1]]
                    if first_word in _PARTICLES or first_word.isdigit():
                        break  # no name starts with a particle; other common words may (ده "village" starts many names)
                    inner = [text[a:b] for a, b in words[i + 1 : i + n]]
                    if (inner and inner[-1] in self.stop) or any(w in self.stop and w != "و" for w in inner):
                        continue  # "X را", "X در": a name does not run into a function word
                    nxt = text[words[i + n][0] : words[i + n][1]] if i + n < len(words) else ""
                    if cue and phrase.endswith("ی") and len(phrase) > 3 and nxt in CUES:
                        # ezafe before a unit word ("Xی ولایت Y"): the name may be without its ی
                        bare = phrase[:-1]
                        for cand, how in ((bare, "persian:ezafe"), (self._variant(bare), "persian:ezafe+variant")):
                            if self._has(cand):
                                found = Toponym(s, e - 1, cand, cue, how)
                                break
                        if found:
                            i += n
                            break
                    if self._has(phrase):
                        if cue or n >= 2 or (phrase not in self.stop and self._admin_or_seat(phrase)):
                            found = Toponym(s, e, phrase, cue, "persian:gazetteer")
                    elif cue:
                        variant = self._variant(phrase)
                        if variant != phrase and self._has(variant):
                            found = Toponym(s, e, variant, cue, "persian:variant")
                    if found:
                        i += n
                        break
                if found:
                    out.append(found)
                    last_end = found.end
                    if cue is None:
                        list_cue = None
                    continue
                if cued:
                    list_cue = None
                i += 1
        return out


def mentions_for(toponyms: list[Toponym]) -> list[Mention]:
    """Geoparser mentions (cue words in English, as its ranking expects)."""
    return [Mention(t.start, t.end, t.text, cue=t.cue, method=t.method) for t in toponyms]
