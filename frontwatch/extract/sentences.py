"""Helpers over a parsed document shared by the extraction modules: its text and sentences, the sentences that go on
telling one incident (`_story`), what the classifier reads (`_in_context`), token and character ranges."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from frontwatch.extract.doc_words import doc_text as _doc_text
from frontwatch.extract.doc_words import doc_words, span_text
from frontwatch.model import (
    Span,
)


def _sentences(doc: Doc) -> list[SpacySpan]:
    sents = doc.user_data.get("fw_sents")
    if sents is None:
        sents = doc.user_data["fw_sents"] = list(doc.sents)
    return sents


def _story(sent: SpacySpan, back: int = 0) -> list[SpacySpan]:
    """A sentence and those after it that go on telling the same incident: the rest of its paragraph (up to three
    sentences), until one begins another incident ("In a separate incident", "A similar protest …") or reports an
    event of a kind a demonstration does not include (a bombing, a capture, a deal); with `back`, up to that many
    sentences before it in its paragraph too ("Five were killed … after residents clashed")."""
    doc = sent.doc
    sents = doc.user_data.get("fw_sents")
    if sents is None:
        sents = doc.user_data["fw_sents"] = list(doc.sents)
    index = doc.user_data.get("fw_sent_index")
    if index is None:
        index = doc.user_data["fw_sent_index"] = {s.start: k for k, s in enumerate(sents)}
    categories = doc.user_data.get("fw_sent_categories", {})
    text = _doc_text(doc)
    k = index.get(sent.start)
    out = [sent]
    if k is None:
        return out
    for nxt in sents[k + 1 : k + 1 + _STORY_SENTENCES]:
        if "\n\n" in text[out[-1].end_char : nxt.start_char] or _OTHER_INCIDENT.match(nxt.text):
            break
        if categories.get(nxt.start, frozenset()) - _STORY_CATEGORIES:
            break
        out.append(nxt)
    first = sent
    for prev in reversed(sents[max(0, k - back) : k]):
        if "\n\n" in text[prev.end_char : first.start_char] or _OTHER_INCIDENT.match(first.text):
            break
        out.append(prev)  # after the ones that follow: the sentence itself stays first
        first = prev
    return out


_STORY_SENTENCES = 3
# "change" for the forces deployed to a demonstration ("Police were deployed to disperse them")
_STORY_CATEGORIES = frozenset({"protest", "crowd", "riot", "mob", "clash", "attack", "kill", "injure", "arrest",
                               "looting", "change"})


_OTHER_INCIDENT = re.compile(r"\W*(?:in\s+(?:an)?other|in\s+a\s+(?:separate|similar|related)|a\s+similar|"
                             r"similarly|meanwhile|elsewhere|separately|earlier|the\s+(?:previous|following|next)\s+"
                             r"(?:day|week|night)|on\s+the\s+(?:same|following|next|previous)\s+day)\b", re.I)


def _in_context(sents: Sequence[SpacySpan], width: int) -> list[str]:
    """Each sentence with `width` sentences either side (of the same document), as the classifier reads it."""
    if width <= 0 or not sents:
        return [span_text(s) for s in sents]
    doc = sents[0].doc
    all_sents = _sentences(doc)
    where = {s.start: k for k, s in enumerate(all_sents)}
    text = _doc_text(doc)  # a window's text cut from the document's: `Span.text` makes a Token per word
    out = []
    for s in sents:
        k = where[s.start]
        window = all_sents[max(0, k - width): k + width + 1]
        out.append(text[window[0].start_char: window[-1].end_char])
    return out


def _trimmed(text: str, start: int, end: int) -> Span:
    chunk = text[start:end]
    stripped = chunk.rstrip()
    lead = len(chunk) - len(chunk.lstrip())
    return Span.of(text, start + lead, start + len(stripped))


def _char_ranges(doc: Doc, idx: set[int]) -> list[tuple[int, int]]:
    own = doc_words(doc)  # offsets from the document's arrays, no Token per word
    return [(own.idx[i], own.ends[i]) for i in sorted(idx)]


def _overlaps(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in ranges)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _is_ancestor(a: Token, b: Token) -> bool:
    return any(x.i == a.i for x in b.ancestors)
