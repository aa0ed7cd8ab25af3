"""Misspelt toll words: terse hand-typed notes misspell the word that gives the toll ("9 killied", "stabbed to
deth", "were killled"), and the figure is lost. The misspellings read are one slip of the hand away from a toll
word (a letter left out, a vowel slipped in, a letter doubled, two letters swapped; the first letter kept) and are no
real English word ("deed" is no misspelt "dead"): the lemmatizer's word index tells, and without it none is read."""

from __future__ import annotations

import re

from frontwatch.annotate.components import english_lemmas

# The outcome words of a toll, as told after its figure ("… were killed", "… to death").
KILLED_WORDS = ("killed", "murdered")
DEATH_WORDS = ("death",)
_VOWELS = "aeiou"
MIN_SLIP = 4  # "deat" is still read; shorter slips are other words or abbreviations too often


def slips_of(word: str) -> set[str]:
    """The misspellings one slip of the hand away from `word` (see the module's note), real words not removed."""
    out = set()
    for i in range(1, len(word) + 1):
        if i < len(word):
            out.add(word[:i] + word[i + 1:])  # a letter left out
            out.add(word[:i] + word[i] + word[i:])  # a letter doubled
            if i + 1 < len(word) and word[i] != word[i + 1]:
                out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # two letters swapped
        out |= {word[:i] + v + word[i:] for v in _VOWELS}  # a vowel slipped in
    return {w for w in out if len(w) >= MIN_SLIP and w != word}


def toll_slips(words: tuple[str, ...]) -> list[str]:
    """The misspellings of `words` that are no real word, longest first (for a regex alternation); none when the
    word index is missing (a slip could then be a real word)."""
    known = english_lemmas()
    if not known:
        return []
    found = {s for w in words for s in slips_of(w) if s not in known and s not in words}
    return sorted(found, key=lambda s: (-len(s), s))


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of the misspellings of `words` ("(?!)" when there are none: it matches nothing)."""
    slips = toll_slips(words)
    return "|".join(re.escape(s) for s in slips) if slips else "(?!)"
