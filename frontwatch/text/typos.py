"""Misspelt trigger words: terse hand-typed reports ("raiders attakced a village", "post-election violecne") miss
their event when one key word is misspelt. A word one slip away from a plain trigger's form (two letters swapped,
one left out, an "e" or a doubled letter slipped in) reads as that trigger. Only forms of seven letters or more, and
no substituted letter: short words and substitutions make real words ("raid" / "arid", "clashed" / "cashed",
"attacked" / "attacker"); a typo that is itself a form of another trigger stays that trigger."""

from __future__ import annotations

from collections.abc import Iterable

MIN_LENGTH = 7


def inflections(lemma: str) -> set[str]:
    """The regular forms of an English lemma: -s/-es, -ed, -ing, with a final e dropped, a y made i, or a final
    consonant doubled."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


def slips(word: str) -> set[str]:
    """The words one slip of the hand away from `word` (the first letter kept)."""
    if len(word) < MIN_LENGTH:
        return set()
    out = set()
    for i in range(1, len(word)):
        out.add(word[:i] + word[i + 1:])  # a letter left out
        out.add(word[:i] + "e" + word[i:])  # an "e" slipped in
        out.add(word[:i] + word[i] + word[i:])  # a letter doubled
        if i + 1 < len(word) and word[i] != word[i + 1]:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # two letters swapped
    out.add(word + "e")
    return {w for w in out if len(w) >= MIN_LENGTH and w != word}


def typo_keys(words: Iterable[tuple[str, frozenset[str]]], known: frozenset[str]) -> dict[str, set[str]]:
    """Misspelling → the trigger lemmas it may stand for, over (lemma, extra forms) pairs of plain triggers; none
    that is itself a known word of the lexicon."""
    out: dict[str, set[str]] = {}
    for lemma, forms in words:
        if not (lemma.isascii() and lemma.isalpha()):
            continue
        for form in inflections(lemma) | set(forms):
            for slip in slips(form):
                if slip not in known:
                    out.setdefault(slip, set()).add(lemma)
    return out
