"""A document's words as plain strings, read once per document from `Doc.to_array`: lower-case lemmas, lower-case
forms, coarse parts of speech and character offsets.

Every `doc[i]`, `for tok in doc` or `for tok in sent` makes a Python `Token` object (about 3 million for the
bench's 200 reports, a large share of extraction's CPU time: bench/cpu_stages.py). Checks that only look words up
("does the report name a disease three times?", "is any word of this sentence an accident's?") read these lists
instead, and make Tokens only for the few words whose parse they need. The values are exactly the Tokens'
(`tok.lemma_.lower()`, `tok.lower_`, `tok.pos_`, `tok.idx`, `tok.idx + len(tok.text)`), so a check gives the same
answer either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, POS
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

# String hashes are the same in every vocabulary (a hash of the string): one table of their lower-case strings
# serves all documents. Cleared when it grows past this many (a long-running process reading new words).
_MAX_STRINGS = 500_000
_LOWER: dict[int, str] = {}
_PLAIN: dict[int, str] = {}


@dataclass(frozen=True, slots=True)
class DocWords:
    """Per token of a document, by its index: `lemmas` (lower-cased), `lowers`, `pos`, `idx` (its first
    character's offset in the text) and `ends` (the offset after its last character)."""

    lemmas: tuple[str, ...]
    lowers: tuple[str, ...]
    pos: tuple[str, ...]
    idx: tuple[int, ...]
    ends: tuple[int, ...]

    def lemma_set(self, start: int, end: int) -> frozenset[str]:
        """The lower-case lemmas of tokens `start` to `end` (a sentence's)."""
        return frozenset(self.lemmas[start:end])

    def has_any(self, start: int, end: int, words: frozenset[str], forms: bool = False) -> bool:
        """Whether a token from `start` to `end` has its lower-case lemma (with `forms`, or its lower-case form)
        in `words`: the cheap test before a check that walks the parse of those tokens."""
        if not words.isdisjoint(self.lemmas[start:end]):
            return True
        return forms and not words.isdisjoint(self.lowers[start:end])


def _strings(strings: StringStore, hashes: list[int], table: dict[int, str], lower: bool) -> tuple[str, ...]:
    """The strings of `hashes` (lower-cased with `lower`), each distinct hash looked up once."""
    if len(table) > _MAX_STRINGS:
        table.clear()
    for h in set(hashes).difference(table):
        s = strings[h] if h else ""
        table[h] = s.lower() if lower else s
    return tuple(map(table.__getitem__, hashes))


def doc_words(doc: Doc) -> DocWords:
    """The document's `DocWords`, read once and kept in `doc.user_data`."""
    found = doc.user_data.get("fw_words")
    if found is not None and len(found.lemmas) == len(doc):
        return found  # type: ignore[no-any-return]
    strings = doc.vocab.strings
    cols = doc.to_array([LEMMA, LOWER, POS, IDX, LENGTH]).T.tolist() if len(doc) else [[], [], [], [], []]
    found = DocWords(
        _strings(strings, cols[0], _LOWER, True),
        _strings(strings, cols[1], _PLAIN, False),
        _strings(strings, cols[2], _PLAIN, False),
        tuple(cols[3]),
        tuple(map(int.__add__, cols[3], cols[4])),
    )
    doc.user_data["fw_words"] = found
    return found


def sent_words(sent: SpacySpan) -> tuple[DocWords, int, int]:
    """The sentence's document's words and the sentence's token bounds."""
    return doc_words(sent.doc), sent.start, sent.end


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per document (`Doc.text` joins every token's text each time it is read)."""
    text = doc.user_data.get("fw_text")
    if text is None:
        text = doc.user_data["fw_text"] = doc.text
    return text  # type: ignore[no-any-return]


def span_text(span: SpacySpan) -> str:
    """`span.text` cut from the document's text: the same string (a Doc's text is its tokens' texts with their
    trailing spaces, a Span's the same run without the last token's space) without a Token per word."""
    return doc_text(span.doc)[span.start_char:span.end_char]
