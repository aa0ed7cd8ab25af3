"""Language of a document and of its paragraphs, by script ratios and a few letter and word cues.

No model: the choice that matters here is English vs Persian (Dari) vs "another Arabic-script language we do not
extract" (Arabic, Pashto, Urdu), and letters alone tell those apart well. Persian-only letters (پ چ ژ گ) are shared
with Pashto and Urdu, so those are recognised first by their own letters (Pashto ټ ډ ړ ښ ږ ځ څ ڼ ۍ ې, Urdu ے ٹ ڈ ڑ ں);
Arabic has none of the four and writes ي ك ة where Persian writes ی ک ه.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_PASHTO = set("ټډړښږځڅڼۍې")
_URDU = set("ےٹڈڑں")
_PERSIAN_LETTERS = set("پچژگ")
_ARABIC_ONLY = set("ةيكى")
# Frequent function words: a Persian text without any of the four letters still has these.
_PERSIAN_WORDS = frozenset(
    ["است", "که", "از", "به", "را", "این", "با", "برای", "در", "می\u200cشود", "شده", "گفت", "کرد", "شد", "های", "ها"]
)
_ARABIC_WORDS = frozenset(["في", "من", "على", "إلى", "الذي", "التي", "هذا", "هذه", "كان", "قال", "عن", "مع"])
_ENGLISH_WORDS = frozenset(["the", "and", "of", "to", "in", "was", "were", "is", "that", "said", "from", "with", "on"])
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def _arabic_script_language(text: str) -> str:
    letters = set(text)
    pashto = len(letters & _PASHTO)
    urdu = len(letters & _URDU)
    if pashto >= 2 or (pashto and not urdu):
        return "ps"
    if urdu:
        return "ur"
    words = re.findall(r"[\u0600-\u06FF\u200c]+", text)
    fa_words = sum(w in _PERSIAN_WORDS for w in words)
    ar_words = sum(w in _ARABIC_WORDS for w in words)
    fa_letters = sum(text.count(c) for c in _PERSIAN_LETTERS) + text.count("ی") + text.count("ک")
    ar_letters = sum(text.count(c) for c in _ARABIC_ONLY)
    if ar_words > fa_words or (ar_letters > fa_letters and fa_words == 0):
        return "ar"
    return "fa"


def detect_language(text: str) -> str:
    """'en', 'fa', another ISO 639-1 code ('ar', 'ps', 'ur', 'ru'), or 'und' when the text has too few letters."""
    arabic = len(_ARABIC_SCRIPT.findall(text))
    latin = len(_LATIN.findall(text))
    cyrillic = len(_CYRILLIC.findall(text))
    total = arabic + latin + cyrillic
    if total < 3:
        return "und"
    if arabic >= latin and arabic >= cyrillic:
        return _arabic_script_language(text)
    if cyrillic > latin:
        return "ru"
    words = re.findall(r"[a-z]+", text.lower())
    if not words or sum(w in _ENGLISH_WORDS for w in words) / len(words) >= 0.03 or len(words) < 30:
        return "en"
    return "und"  # Latin script but not English: stored, not extracted


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph offsets: blocks separated by blank lines, or single lines when the text has no blank lines."""
    if "\n\n" not in text.strip():
        yield from ((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
        return
    yield from ((m.start(), m.end()) for m in _PARAGRAPH.finditer(text))


def paragraph_languages(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) per paragraph; a paragraph without letters of its own takes its neighbour's."""
    out: list[tuple[int, int, str]] = []
    for start, end in paragraphs(text):
        lang = detect_language(text[start:end])
        if lang == "und" and out:
            lang = out[-1][2]
        out.append((start, end, lang))
    # Leading letterless paragraphs take the first real language.
    first = next((lang for _, _, lang in out if lang != "und"), "und")
    return [(s, e, first if lang == "und" else lang) for s, e, lang in out]


def has_arabic_script(text: str) -> bool:
    return _ARABIC_SCRIPT.search(text) is not None
