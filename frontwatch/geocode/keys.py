"""Name keys that survive transliteration.

Two spellings of one place get the same key when they differ only by case, diacritics, hyphens and spaces,
connective particles (-e-, -i-, -ye-), vowel variants (e/i, o/u), doubled letters, and common romanization variants
of Persian, Arabic and Pashto (kh/x, q/k, w/v, dh/d, a final h after a vowel: Deh/Dih/De). Persian and Arabic script
is normalized (Arabic ي/ك to Persian ی/ک, no ZWNJ, no diacritics) and kept as script, matched directly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that name the kind of unit rather than the unit ("Wuleswali Bihsud", "Kunduz Province").
GENERIC = frozenset(
    [
        "district",
        "districts",
        "province",
        "provinces",
        "county",
        "city",
        "town",
        "village",
        "region",
        "governorate",
        "oblast",
        "wilayat",
        "welayat",
        "velayat",
        "wilayah",
        "woluswali",
        "wuleswali",
        "uluswali",
        "oluswali",
        "olusvali",
        "woludwali",
        "wulaswali",
        "markaz-e",
        "markaz",
        "shahr-e",
        "state",
        "municipality",
        "prefecture",
        "department",
    ]
)
CONNECTIVES = frozenset({"e", "i", "ye", "y", "-e", "-i", "o"})
ARTICLES = frozenset({"al", "el", "ul", "as", "ad", "an", "ar", "at", "az", "the"})

_PERSIAN_MAP = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "\u200c": " ",
        "\u200d": "",
        "ـ": "",
    }
)
_ARABIC_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed]")
_FOLD = [
    (re.compile(r"kh"), "x"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"th"), "t"),
    (re.compile(r"sh"), "s"),
    (re.compile(r"ch"), "c"),
    (re.compile(r"zh"), "z"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"ee|ie"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"o"), "u"),
    (re.compile(r"e"), "i"),
    (re.compile(r"([aiu])h\b"), r"\1"),  # Deh / Dih / De
    (re.compile(r"([a-z])\1+"), r"\1"),  # Jallalabad / Jalalabad (context, not keys, tells namesakes apart)
]


def is_arabic_script(s: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" for ch in s)


def normalize_persian(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_PERSIAN_MAP)
    s = _ARABIC_DIACRITICS.sub("", s)
    return re.sub(r"\s+", " ", s).strip()


def strip_diacritics(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    # Letters NFKD does not decompose, and the ayn/hamza marks of romanized Arabic and Persian.
    return s.translate(
        str.maketrans(
            {
                "ı": "i",
                "ł": "l",
                "ø": "o",
                "đ": "d",
                "ß": "ss",
                "æ": "ae",
                "œ": "oe",
                "‘": "",
                "’": "",
                "ʻ": "",
                "ʼ": "",
                "ʿ": "",
                "ʾ": "",
                "'": "",
                "`": "",
                "´": "",
            }
        )
    )


def _fold(token: str) -> str:
    for pattern, repl in _FOLD:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=200_000)
def name_key(name: str, drop_generic: bool = True) -> str:
    """The transliteration-tolerant key of a place name ('' when nothing is left)."""
    if is_arabic_script(name):
        words = normalize_persian(name).split()
        generic_fa = {"ولسوالی", "ولایت", "شهر", "ولسوالي", "ولايت", "قریه", "ولسوالى"}
        kept = [w for w in words if w not in generic_fa] if drop_generic and len(words) > 1 else words
        return "".join(kept)
    s = strip_diacritics(name).lower()
    s = re.sub(r"[^a-z0-9\s-]", " ", s)
    tokens = [t for t in re.split(r"[\s-]+", s) if t]
    if drop_generic and len(tokens) > 1:
        tokens = [t for t in tokens if t not in GENERIC] or tokens
    if len(tokens) > 1:
        tokens = [t for t in tokens if t not in CONNECTIVES] or tokens
        tokens = [t for i, t in enumerate(tokens) if not (t in ARTICLES and i < len(tokens) - 1)] or tokens
    folded = [_fold(t) for t in tokens]
    # A connective glued to the word before it (Qalai Naw = Qala-i Naw, Mazari Sharif): drop a final i of a
    # non-final word; applied to every name alike, so keys stay comparable.
    folded = [t[:-1] if i < len(folded) - 1 and len(t) > 2 and t.endswith("i") else t for i, t in enumerate(folded)]
    return "".join(folded)


def keys_for(name: str) -> set[str]:
    """All keys under which a gazetteer name is indexed (with and without generic unit words)."""
    out = {name_key(name), name_key(name, drop_generic=False)}
    return {k for k in out if len(k) >= 2}
