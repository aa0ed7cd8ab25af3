"""Loading lexicon.yaml: each entry compiled to a whole-word regex over normalized text (see the YAML's header)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from frontwatch.persian.normalize import normalize_text

GAP = r"(?:\s+\S+){0,6}?\s+"


def entry_pattern(entry: str) -> str:
    star = entry.endswith("*")
    entry = entry.rstrip("*").strip()
    chunks = []
    for chunk in entry.split("…"):
        words = []
        for word in chunk.split():
            # ZWNJ inside an entry: the text may have it (a space after normalization), a space, or nothing
            words.append(r"\s?".join(re.escape(normalize_text(seg)) for seg in word.split("\u200c") if seg))
        if words:
            chunks.append(r"\s+".join(words))
    body = GAP.join(chunks)
    tail = r"\w*" if star else ""
    return rf"(?<!\w){body}{tail}(?!\w)"


def compile_list(entries: list[str]) -> re.Pattern[str]:
    # Longer entries first: the alternation then prefers "حمله هوایی" over "حمله".
    ordered = sorted(entries, key=lambda e: -len(e))
    return re.compile("|".join(f"(?:{entry_pattern(e)})" for e in ordered))


@dataclass(frozen=True)
class Lexicon:
    categories: dict[str, tuple[str, str, int]]  # category -> (event type, sub-type, rank)
    triggers: tuple[tuple[str, re.Pattern[str]], ...]  # (category, pattern) per entry
    weak: re.Pattern[str]
    speech: re.Pattern[str]
    according: re.Pattern[str]
    hedge_speech: re.Pattern[str]
    deny_speech: re.Pattern[str]
    hedges: re.Pattern[str]
    denials: re.Pattern[str]
    negated: re.Pattern[str]
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]
    source_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    words: frozenset[str]  # every word of the lexicon (not place names, whatever a gazetteer holds)


@cache
def load_lexicon() -> Lexicon:
    data = yaml.safe_load(resources.files("frontwatch.persian").joinpath("lexicon.yaml").read_text("utf-8"))
    cats = {k: (v["type"][0], v["type"][1], int(v["rank"])) for k, v in data["categories"].items()}
    triggers = tuple(
        (cat, re.compile(entry_pattern(e))) for cat, entries in data["triggers"].items() for e in entries
    )
    words: set[str] = set()
    for key in ("triggers", "outcomes", "qualifiers", "source_kinds"):
        for entries in data[key].values():
            for e in entries:
                words.update(normalize_text(e.rstrip("*").replace("…", " ")).split())
    for key in ("speech", "according", "hedges", "denials"):
        for e in data[key]:
            words.update(normalize_text(e.rstrip("*").replace("…", " ")).split())
    return Lexicon(
        categories=cats,
        triggers=triggers,
        weak=compile_list(data["weak_triggers"]),
        speech=compile_list(data["speech"]),
        according=compile_list(data["according"]),
        hedge_speech=compile_list(data["hedge_speech"]),
        deny_speech=compile_list(data["deny_speech"]),
        hedges=compile_list(data["hedges"]),
        denials=compile_list(data["denials"]),
        negated=compile_list(data["negated_verbs"]),
        qualifiers=tuple((q, compile_list(v)) for q, v in data["qualifiers"].items()),
        outcomes=tuple((o, compile_list(v)) for o, v in data["outcomes"].items()),
        source_kinds=tuple((k, compile_list(v)) for k, v in data["source_kinds"].items()),
        words=frozenset(w for w in words if len(w) > 1),
    )
