"""The lexicons are YAML 1.1 (PyYAML): a bare on, off, yes or no in a list of words is read as a boolean, and an entry
that needs the word "on" would then need True, which no token is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "frontwatch"


def _booleans_among_words(node: Any, path: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                found.append(f"{path}: key {key}")
            found += _booleans_among_words(value, f"{path}/{key}")
    elif isinstance(node, list):
        if any(isinstance(v, bool) for v in node) and any(isinstance(v, str) for v in node):
            found.append(f"{path}: {node}")
        for i, value in enumerate(node):
            found += _booleans_among_words(value, f"{path}[{i}]")
    return found


def test_no_lexicon_word_is_read_as_a_boolean() -> None:
    files = sorted(PACKAGE.rglob("*.yaml"))
    assert files, "no lexicon found"
    found = [hit for f in files for hit in _booleans_among_words(yaml.safe_load(f.read_text()), f.name)]
    assert found == []


def test_the_checker_sees_a_bare_on() -> None:
    assert _booleans_among_words(yaml.safe_load("needs: {prep: [on, towards]}"), "x") != []
