"""`annotate`: the pipeline run in batches, the parser only on the sentences that need it (see the package's
docstring), long texts in pieces; and the repairs of the parser's known errors."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from frontwatch.annotate.components import SENTENCES
from frontwatch.model import Document
from frontwatch.text.lexicon import Lexicon, load_lexicon

if not Doc.has_extension("fw_parsed"):
    # Token offsets of the sentences the parser saw (the others carry a flat placeholder tree); None = all.
    Doc.set_extension("fw_parsed", default=None)


# spaCy's memory grows with the text it is handed at once (tok2vec keeps a few thousand floats per token: 3-5 MB per
# 1,000 characters; 5,000 short lines at once grew the process by 500 MB). A long document is annotated in pieces
# joined back into one Doc, and a batch holds at most BATCH_CHARS characters; documents up to CHUNK_CHARS (every
# report in the project's corpora) are read whole. Annotations do not depend on how documents are batched; those of
# the few tokens either side of a cut (made at a blank line where there is one) may differ from the whole's.
CHUNK_CHARS = 20_000
BATCH_CHARS = 20_000


def parse_keys(lexicon: Lexicon | None = None) -> frozenset[str]:
    """The words that make a sentence worth a parse: `lexicon`'s (the English lexicon by default)."""
    return (lexicon or load_lexicon()).parse_keys()


def needs_parse(sent: Span, keys: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in keys or t.lower_ in keys for t in sent)


@dataclass(frozen=True)
class ParseKeys:
    """A lexicon's parse keys as string hashes of a vocabulary: `free` ones make a sentence worth a parse alone,
    `gated` ones only with the words their entries need (`Lexicon.gated_parse_keys`)."""

    free: np.ndarray
    gated: np.ndarray
    needs: dict[str, tuple[tuple[frozenset[str], ...], ...]]

    @classmethod
    def of(cls, lexicon: Lexicon | None, strings: StringStore, gated: bool = True) -> ParseKeys:
        lex = lexicon or load_lexicon()
        needs = lex.gated_parse_keys() if gated else {}

        def hashes(keys: Iterable[str]) -> np.ndarray:
            # Lemmas are lower-case except proper nouns; compare both the lemma and the lower-case form.
            return np.array(sorted({strings.add(k) for k in keys} | {strings.add(k.capitalize()) for k in keys}),
                            dtype="uint64")

        return cls(hashes(lex.parse_keys() - needs.keys()), hashes(needs.keys()), needs)

    def none(self) -> ParseKeys:
        return ParseKeys(self.free[:0], self.gated[:0], {})


def _chosen_sentences(doc: Doc, keys: ParseKeys) -> list[Span]:
    """The sentences that hold a free parse key, or a gated one whose entry's needed words are all in them."""
    if len(doc) == 0 or keys.free.size + keys.gated.size == 0:
        return []
    arr = doc.to_array([LEMMA, LOWER]).astype("uint64")
    free = _member(arr[:, 0], keys.free) | _member(arr[:, 1], keys.free)
    gated = _member(arr[:, 0], keys.gated) | _member(arr[:, 1], keys.gated)
    if not (free.any() or gated.any()):
        return []
    return [s for s in doc.sents if free[s.start : s.end].any()
            or (gated[s.start : s.end].any() and _needs_met(s, gated[s.start : s.end], keys.needs))]


def _member(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """`np.isin(values, keys)` for sorted unique `keys`: np.isin sorts or hashes the ~35,000 keys again at every
    call (a fifth of annotate's time), a binary search does not."""
    if keys.size == 0:
        return np.zeros(values.shape, dtype=bool)
    at = np.minimum(np.searchsorted(keys, values), keys.size - 1)
    return keys[at] == values


def _needs_met(sent: Span, gated: np.ndarray, needs: dict[str, tuple[tuple[frozenset[str], ...], ...]]) -> bool:
    """Whether some entry of a gated key in `sent` finds a word of each of its needed word sets in it: the parse
    then decides whether the words stand where the entry needs them; else no parse can make it fire."""
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    for k in np.flatnonzero(gated):
        tok = sent[int(k)]
        for key in {tok.lemma_.lower(), tok.lower_}:
            if any(all(ws & words for ws in alt) for alt in needs.get(key, ())):
                return True
    return False


def annotate(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = 16,
    parse: str = "auto",
    chunk_chars: int = CHUNK_CHARS,
    lexicon: Lexicon | None = None,
) -> Iterator[tuple[Document, Doc]]:
    """Annotate documents in batches. `parse`: "auto" (only sentences that may carry an event, by `lexicon`'s
    triggers and reporting verbs), "needs" (as "auto", but a trigger whose entries need words the sentence lacks
    is no reason: fewer parses, not the same claims), "all", or "none". Documents longer than `chunk_chars` are
    annotated in pieces (see `text_pieces`)."""
    if parse == "all" or SENTENCES not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        for doc, document in _pipe(nlp, documents, batch_size, chunk_chars):
            if doc.has_annotation("DEP"):
                _repair(doc)
            yield document, doc
        return
    # "needs" is not the default: a sentence parsed only for a gated key is also read for other events' actors,
    # places and tolls (main_actors, follow-ups), so skipping its parse changes claims (32 of 3,608 Kenya notes).
    keys = ParseKeys.of(lexicon, nlp.vocab.strings, gated=parse == "needs")
    parser = nlp.get_pipe("parser")
    batch: list[tuple[Doc, Document]] = []
    with nlp.select_pipes(disable=["parser"]):
        for doc, document in _pipe(nlp, documents, batch_size, chunk_chars):
            batch.append((doc, document))
            if len(batch) >= batch_size:
                yield from _parse_batch(batch, parser, keys if parse in {"auto", "needs"} else keys.none())
                batch = []
    if batch:
        yield from _parse_batch(batch, parser, keys if parse in {"auto", "needs"} else keys.none())


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
                whole = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
                _keep_text(whole, document.text)
                yield whole, document
                parts = []


def _keep_text(doc: Doc, text: str) -> None:
    """Keep the document's text as the Doc's (`doc.text` joins a Token per word each time extraction reads it): the
    tokenizer loses no character, so they are the same string; a Doc whose last token does not end where the text
    does keeps none."""
    if len(doc) and doc[-1].idx + len(doc[-1].text) + len(doc[-1].whitespace_) == len(text):
        doc.user_data["fw_text"] = text


def _parse_batch(
    batch: list[tuple[Doc, Document]], parser: object, keys: ParseKeys
) -> Iterator[tuple[Document, Doc]]:
    chosen = [(n, sent) for n, (doc, _) in enumerate(batch) for sent in _chosen_sentences(doc, keys)]
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
    # the words and spaces from the sentence's own arrays: no Token object per word
    rows = sent.to_array([ORTH, SPACY]).tolist()
    strings = doc.vocab.strings
    words = [strings[r[0]] for r in rows]
    spaces = [bool(r[1]) for r in rows]
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
