"""The pipeline's one way through: ingest → annotate → geocode → extract → store (→ fuse, publish by the caller).

`Pipeline.process` is pure over documents (no store): the same code runs in one process or on Dask workers.
`run` drives a batch of inputs into a store, one transaction per document, so a crash loses nothing already
reported stored and a re-run finishes the rest without duplicates.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from frontwatch.config import Settings
from frontwatch.language import detect_language, has_arabic_script, paragraph_languages
from frontwatch.model import Claim, Document, Reject

if TYPE_CHECKING:
    from spacy.language import Language

    from frontwatch.store import Store

# Languages with an extraction path; others are stored and flagged "not extracted", never dropped.
EXTRACTED_LANGUAGES = ("en", "fa")


@dataclass
class Pipeline:
    nlp: Language
    geoparser: Any  # frontwatch.geocode.Geoparser
    extractor: Any  # frontwatch.extract.Extractor
    persian: Any | None = None  # frontwatch.persian.PersianExtractor
    batch_size: int = 16

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        from frontwatch.annotate import load_nlp
        from frontwatch.extract import ActorDictionary, Extractor
        from frontwatch.geocode import Gazetteer, Geoparser
        from frontwatch.persian import PersianExtractor

        gazetteer = Gazetteer.open(settings.gazetteer_path)
        geoparser = Geoparser(gazetteer)
        actors = ActorDictionary.load(settings.actors_path)
        classifier = None
        if settings.classifier_path.exists():  # without it, event types come from the trigger lexicon alone
            from frontwatch.extract.classify import EventClassifier

            classifier = EventClassifier.load(settings.classifier_path)
        persian = PersianExtractor(gazetteer, geoparser, actors)
        return cls(load_nlp(), geoparser, Extractor(actors, classifier), persian)

    def language_of(self, document: Document) -> str:
        if document.language:
            return document.language.lower()[:2]
        return detect_language(document.text)

    def process(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Claim] | None]]:
        """Yield each document (with its language set) and its claims; `None` claims = language not extracted."""
        from frontwatch.annotate import annotate

        english: list[Document] = []
        for document in documents:
            lang = self.language_of(document)
            if lang != document.language:
                document = dataclasses.replace(document, language=lang)
            mixed = self._mixed(document) if lang in EXTRACTED_LANGUAGES and self.persian is not None else None
            if mixed is not None:
                yield from self._mixed_document(document, mixed, annotate)
                continue
            if lang == "en":
                english.append(document)
                if len(english) >= self.batch_size:
                    yield from self._english(english, annotate)
                    english = []
            elif lang == "fa" and self.persian is not None:
                yield document, list(self.persian.claims(document))
            else:
                flag = ("not_extracted", f"no extraction path for language {lang!r}")
                yield dataclasses.replace(document, metadata=(*document.metadata, flag)), None
        if english:
            yield from self._english(english, annotate)

    @staticmethod
    def _mixed(document: Document) -> list[tuple[int, int, str]] | None:
        """Paragraph languages of a post that mixes Persian and English paragraphs, else None."""
        if not has_arabic_script(document.text):  # the common case costs one regex search
            return None
        parts = paragraph_languages(document.text)
        langs = {lang for _, _, lang in parts}
        return parts if {"en", "fa"} <= langs else None

    def _mixed_document(
        self, document: Document, parts: list[tuple[int, int, str]], annotate: Callable[..., Any]
    ) -> Iterator[tuple[Document, list[Claim]]]:
        """Persian paragraphs through the Persian extractor, English ones through the English path; the English
        pass reads the text with the other paragraphs blanked (same length), so every span stays an offset into
        the full text."""
        meta = ("paragraph_languages", ",".join(f"{lang}:{s}-{e}" for s, e, lang in parts))
        document = dataclasses.replace(document, metadata=(*document.metadata, meta))
        claims = list(self.persian.claims(document, [(s, e) for s, e, lang in parts if lang == "fa"]))  # type: ignore[union-attr]
        chars = list(document.text)
        for s, e, lang in parts:
            if lang != "en":
                chars[s:e] = [c if c == "\n" else " " for c in chars[s:e]]
        english = dataclasses.replace(document, text="".join(chars))
        for _, en_claims in self._english([english], annotate):
            claims.extend(en_claims)
        yield document, claims

    def _english(
        self, documents: list[Document], annotate: Callable[..., Any]
    ) -> Iterator[tuple[Document, list[Claim]]]:
        # the extractor's lexicon decides which sentences get a parse too (an injected one included)
        lexicon = getattr(self.extractor, "lexicon", None)
        for document, doc in annotate(self.nlp, documents, batch_size=self.batch_size, lexicon=lexicon):
            places = self.geoparser.places(document, doc)
            # events are placed as ACLED codes them (a province at its seat), toponyms where the gazetteer puts them
            if hasattr(self.geoparser, "event_places"):
                places = self.geoparser.event_places(places)
            yield document, list(self.extractor.claims(document, doc, places))


@dataclass
class RunReport:
    stored: int = 0
    duplicates: int = 0
    claims: int = 0
    not_extracted: int = 0
    rejects: list[Reject] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.rejects else 0


# What `run` reports of each input: ("stored" | "duplicate" | "rejected", the document or reject, its claim count).
ItemOutcome = tuple[str, Document | Reject, int]


def run(
    paths: Sequence[str],
    settings: Settings,
    store: Store,
    pipeline: Pipeline,
    overrides: Any = None,
    allow_private: bool = False,
    on_item: Callable[[ItemOutcome], None] | None = None,
) -> RunReport:
    """Ingest `paths`, extract, and store each document in its own transaction. Fusion is the caller's next step."""
    from frontwatch.ingest import iter_inputs

    report = RunReport()
    started = time.perf_counter()
    notify = on_item or (lambda _e: None)
    seen: set[str] = set()

    def fresh_documents() -> Iterator[Document]:
        # Documents ingested earlier (`frontwatch ingest`) but never extracted are finished first.
        for document in store.pending_documents():
            seen.add(document.document_id)
            yield document
        for item in iter_inputs(paths, settings, overrides, allow_private=allow_private):
            if isinstance(item, Reject):
                store.add_reject(item)
                report.rejects.append(item)
                notify(("rejected", item, 0))
            elif item.document_id in seen or store.has_document(item.document_id):
                report.duplicates += 1
                notify(("duplicate", item, 0))
            else:
                seen.add(item.document_id)
                yield item

    pending = {d.document_id for d in store.pending_documents()}
    for document, claims in pipeline.process(fresh_documents()):
        if document.document_id in pending:
            store.set_claims(document.document_id, claims or [])
        elif not store.add_document(document, claims if claims is not None else []):
            # Another writer stored it between our check and our insert: it is there once, which is what counts.
            report.duplicates += 1
            notify(("duplicate", document, 0))
            continue
        report.stored += 1
        report.claims += len(claims or [])
        if claims is None:
            report.not_extracted += 1
        notify(("stored", document, len(claims or [])))
    report.seconds = time.perf_counter() - started
    return report
