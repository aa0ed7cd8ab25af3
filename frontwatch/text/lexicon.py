"""The English trigger lexicon (`triggers.yaml`): the words that make a clause report a conflict event, with their
categories. Extraction matches them (`frontwatch.extract.triggers`); annotation parses only the sentences that hold
one, so the lexicon lives below both."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


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

    def by_lemma(self) -> dict[str, list[TriggerEntry]]:
        return _index(self)

    def parse_keys(self) -> frozenset[str]:
        """Lower-case lemmas and forms that make a sentence worth a dependency parse."""
        keys = {e.lemma for e in self.entries} | {f for e in self.entries for f in e.forms}
        return frozenset(keys | self.parse_also)


@lru_cache(maxsize=8)
def _index(lex: Lexicon) -> dict[str, list[TriggerEntry]]:
    out: dict[str, list[TriggerEntry]] = {}
    for e in lex.entries:
        for key in {e.lemma, *e.forms}:
            out.setdefault(key, []).append(e)
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
    )
