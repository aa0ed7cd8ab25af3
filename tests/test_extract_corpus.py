"""Extraction over real news it was not written for (TR-News, GeoVirus): it never fails, every span quotes the
text, ids are unique, types are ACLED's, and epidemic reports give few conflict claims."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from spacy.language import Language

from frontwatch.annotate import annotate
from frontwatch.extract import Extractor, ner_places
from frontwatch.model import EVENT_TYPES, Claim, Document, document_id_for


def _load(path: Path, n: int) -> list[Document]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(n), fh, strict=False)]
    return [Document(document_id_for(r["text"]), r["text"], r["id"], "text", publisher="example.org") for r in rows]


def _claims(nlp: Language, extractor: Extractor, docs: list[Document]) -> list[tuple[Document, Claim]]:
    return [(d, c) for d, doc in annotate(nlp, docs) for c in extractor.claims(d, doc, ner_places(d, doc))]


@pytest.mark.parametrize("corpus", ["trnews", "geovirus"])
def test_claims_are_well_formed(nlp: Language, extractor: Extractor, shared_data: Path, corpus: str) -> None:
    docs = _load(shared_data / "geoparse-dev" / f"{corpus}.jsonl.gz", 40)
    pairs = _claims(nlp, extractor, docs)
    ids = [c.claim_id for _, c in pairs]
    assert len(ids) == len(set(ids))
    for d, c in pairs:
        text = d.text
        assert text[c.sentence.start : c.sentence.end] == c.sentence.text
        assert c.trigger is not None and text[c.trigger.start : c.trigger.end] == c.trigger.text
        assert c.sentence.start <= c.trigger.start < c.sentence.end
        assert c.event_type in EVENT_TYPES and c.sub_event_type in EVENT_TYPES[c.event_type]
        for a in c.actors:
            assert a.role in {"actor1", "actor2"}
            assert a.span is None or text[a.span.start : a.span.end] == a.span.text
        for p in c.places:
            assert text[p.span.start : p.span.end] == p.span.text
        assert 0.0 < c.confidence <= 1.0 and c.method


def test_epidemic_reports_give_few_conflict_claims(nlp: Language, extractor: Extractor, shared_data: Path) -> None:
    docs = _load(shared_data / "geoparse-dev" / "geovirus.jsonl.gz", 60)
    pairs = _claims(nlp, extractor, docs)
    assert len(pairs) <= 0.6 * len(docs), [(c.trigger, c.sentence.text[:80]) for _, c in pairs]
