"""The English lexicon (`triggers.yaml`): the words that make a clause report a conflict event, with their
categories, and the other word sets the English rules read (speech verbs, hedges, denials, actor, event and place
words: `Lexicon.words`). Extraction matches them (`frontwatch.extract`); annotation parses only the sentences that
hold a trigger or a reporting verb, so the lexicon lives below both. Pass a `Lexicon` to `Extractor`, `annotate`,
`attribute` and `certainty_for` to read another one."""

from __future__ import annotations

from collections.abc import KeysView
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from frontwatch.text.typos import inflections, typo_keys


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    index: int
    lemma: str
    forms: frozenset[str]
    pos: frozenset[str]
    category: str
    needs: tuple[tuple[str, Any], ...]
    not_object: frozenset[str]
    ground: bool = False  # a verb of taking ground: what it took, if it says, must be a place or a position
    not_head: frozenset[str] = frozenset()  # a noun heard or seen ("heard gunfire") is evidence, not an incident

    @property
    def rule(self) -> str:
        needs = ",".join(f"{k}" for k, _ in self.needs)
        return f"{self.lemma}{'[' + needs + ']' if needs else ''}"


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: it indexes itself once
class Lexicon:
    entries: tuple[TriggerEntry, ...]
    categories: dict[str, tuple[str, str]]
    light_verbs: frozenset[str]
    nonevent_words: frozenset[str]
    nonevent_modifiers: frozenset[str]
    nonevent_heads: frozenset[str]
    parse_also: frozenset[str]
    # The other word sets the rules read, by the YAML's key ("speech", "hedges", "group_nouns", …): see `WORD_KEYS`.
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    anaphors: tuple[frozenset[str], ...] = ()  # common nouns that take up a place named earlier, by group

    def by_lemma(self) -> dict[str, list[TriggerEntry]]:
        return _index(self)

    def parse_keys(self) -> frozenset[str]:
        """Lower-case lemmas and forms that make a sentence worth a dependency parse (misspelt ones too)."""
        keys = {e.lemma for e in self.entries} | {f for e in self.entries for f in e.forms}
        return frozenset(keys | self.parse_also | _typos(self).keys())

    def slips(self) -> KeysView[str]:
        """The misspellings of plain triggers the index reads (`typos.typo_keys`)."""
        return _typos(self).keys()

    def gated_parse_keys(self) -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
        """The parse keys that match only entries with needs that name words, each with, per entry, the word sets
        one of whose words must be in a sentence (as a token's lower-case lemma or form) for the entry to fire
        there. A sentence whose only keys are gated, with no entry's words all present, fires no trigger
        (annotate's parse="needs" skips its parse; other rules still read such a parse, so it is not the default)."""
        return _gated(self)


@lru_cache(maxsize=8)
def _typos(lex: Lexicon) -> dict[str, set[str]]:
    """Misspellings of the plain triggers (no needs: a misspelt word is read on its own), by `typos.typo_keys`."""
    known = frozenset({f for e in lex.entries for f in inflections(e.lemma) | e.forms} | lex.parse_also)
    plain = {(e.lemma, e.forms) for e in lex.entries if not e.needs}
    return typo_keys(sorted(plain, key=lambda p: p[0]), known)


# What each need of `triggers._needs_ok` asks of the sentence's words: the word sets one of whose words must be in it
# (besides the trigger); a need not listed asks no word ("target" also takes any object, "not_subject" only forbids).
_NEED_WORDS = {"particle": (), "object": (), "prep": (), "modifier": (), "subject": (), "sentence": (), "next": (),
               "of": ("of",), "under": ("under",), "in": ("in",)}


def _need_words(entry: TriggerEntry) -> tuple[frozenset[str], ...]:
    out = []
    for key, words in entry.needs:
        if key in _NEED_WORDS and isinstance(words, tuple):
            # a YAML `on` reads as True: no token is True, so only the strings can match
            out.append(frozenset(w for w in words if isinstance(w, str)))
            out += [frozenset({w}) for w in _NEED_WORDS[key]]
    return tuple(out)


@lru_cache(maxsize=8)
def _gated(lex: Lexicon) -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
    free = set(lex.parse_also) | _typos(lex).keys()
    by_key: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for e in lex.entries:
        need = _need_words(e)
        for key in {e.lemma, *e.forms}:
            if not need:
                free.add(key)
            by_key.setdefault(key, []).append(need)
    return {k: tuple(v) for k, v in by_key.items() if k not in free}


@lru_cache(maxsize=8)
def _index(lex: Lexicon) -> dict[str, list[TriggerEntry]]:
    out: dict[str, list[TriggerEntry]] = {}
    for e in lex.entries:
        for key in {e.lemma, *e.forms}:
            out.setdefault(key, []).append(e)
    plain = {e.lemma: e for e in lex.entries if not e.needs}
    for slip, lemmas in _typos(lex).items():
        if slip not in out:
            out[slip] = sorted((plain[m] for m in lemmas), key=lambda e: e.index)
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("frontwatch.text").joinpath("triggers.yaml").read_text("utf-8"))
    return lexicon_from_dict(raw)


def lexicon_from_dict(raw: dict[str, Any]) -> Lexicon:
    entries = []
    for i, t in enumerate(raw["triggers"]):
        if t["category"] not in raw["categories"]:
            raise ValueError(f"trigger {t!r}: unknown category {t['category']!r}")
        needs = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in (t.get("needs") or {}).items()))
        entries.append(
            TriggerEntry(
                index=i,
                lemma=str(t["lemma"]).lower(),
                forms=frozenset(str(f).lower() for f in t.get("forms", ())),
                pos=frozenset(t.get("pos", ())),
                category=str(t["category"]),
                needs=needs,
                not_object=frozenset(t.get("not_object", ())),
                ground=bool(t.get("ground", False)),
                not_head=frozenset(t.get("not_head", ())),
            )
        )
    cats = {k: (str(v[0]), str(v[1])) for k, v in raw["categories"].items()}
    return Lexicon(
        tuple(entries),
        cats,
        frozenset(raw.get("light_verbs", ())),
        frozenset(raw.get("nonevent_words", ())),
        frozenset(raw.get("nonevent_modifiers", ())),
        frozenset(raw.get("nonevent_heads", ())),
        frozenset(raw.get("parse_also", ())),
        _words(raw),
        tuple(frozenset(str(w).lower() for w in group) for group in raw.get("anaphors", ())),
    )


# Top-level lists of word sets, and maps of them; the same keys as the Persian lexicon's where they mean the same.
WORD_KEYS = ("speech", "hedge_speech", "hedge_speech_forms", "deny_speech", "denials", "hedges", "negations",
             "negations_near", "nobody", "speaker_determiners")
WORD_MAPS = ("actor_words", "event_words", "place_words")


def _words(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    """The lexicon's word sets by name; a missing one is empty (a lexicon may hold triggers only)."""
    out = {k: frozenset(str(w).lower() for w in raw.get(k) or ()) for k in WORD_KEYS}
    for group in WORD_MAPS:
        for k, words in (raw.get(group) or {}).items():
            if k in out:
                raise ValueError(f"lexicon: word set {k!r} is defined twice; give it one name in one place")
            out[k] = frozenset(str(w).lower() for w in words)
    return out
