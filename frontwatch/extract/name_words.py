"""Event words the tagger read as names: a capitalised first word of a terse headline taken for a one-word name
("Riot breaks out …", "Kidnappings reported …") or a proper noun whose plural it left unlemmatised ("Killings
assumed to be …"), and a lower-case word put inside a person's name. Read by `triggers`."""

from __future__ import annotations

from spacy.tokens import Token

from frontwatch.text.lexicon import Lexicon

_NAME_TYPES = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})


def plural_key(lower: str, lemma: str, index: object) -> str | None:
    """The lexicon key of a capitalised plural the lemmatizer left as it was (a proper noun's "lemma" is its form):
    "killings" -> "killing" where only the singular is an entry. None for any other word."""
    if lemma != lower or len(lower) < 5 or not lower.endswith("s") or lower in index:  # type: ignore[operator]
        return None
    return lower[:-1] if lower[:-1] in index else None  # type: ignore[operator]


def name_read_plural(tok: Token, index: object) -> str | None:
    """`plural_key` of a capitalised proper noun ("Killings" tagged PROPN, its lemma "Killings")."""
    if tok.pos_ != "PROPN" or not tok.is_title:
        return None
    return plural_key(tok.lower_, tok.lemma_.lower(), index)


def _lower_name_word(tok: Token) -> bool:
    """A lower-case word the tagger put inside a person's name ("youths riot over fees" read with "riot" as a
    name): English names are capitalised, so it is a word, not a name."""
    return tok.ent_type_ == "PERSON" and tok.is_lower and tok.is_alpha


def _headline_word(lex: Lexicon, tok: Token) -> bool:
    """A capitalised first word of a terse headline the tagger took for a one-word name ("Riot breaks out …",
    "Kidnappings reported …"): a trigger word, not a name."""
    if tok.i != tok.sent.start or tok.ent_type_ not in {"PERSON", "ORG"} or tok.ent_iob_ != "B":
        return False
    if tok.i + 1 < tok.sent.end and tok.doc[tok.i + 1].ent_iob_ == "I":
        return False
    # a name that speaks ("Rally said …") is a person's
    speaks = tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in lex.words.get("speech", frozenset())
    index = lex.by_lemma()
    known = tok.lower_ in index or plural_key(tok.lower_, tok.lower_, index) is not None
    return known and not speaks
