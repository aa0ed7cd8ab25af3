"""Shared fixtures. Each area keeps its own fixtures in tests/fixtures/<area>.py, loaded here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = [
    "tests.fixtures.store",
    "tests.fixtures.gazetteer",
    "tests.fixtures.nlp",
    "tests.fixtures.articles",
]

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def trained(root: Path):  # type: ignore[no-untyped-def]
    """The classifier `make setup` trains (the real one the pipeline runs with); skips where it is not built."""
    from frontwatch.extract.classify import EventClassifier

    path = root / "var" / "event-classifier.pkl"
    if not path.exists():
        pytest.skip("no trained classifier at var/event-classifier.pkl (make setup)")
    return EventClassifier.load(path)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout (CI puts it there)."""
    data = Path(os.environ.get("FRONTWATCH_DATA", ROOT.parent / "shared" / "data"))
    shared = data.parent
    if not shared.is_dir():
        pytest.skip(f"shared data not found at {shared}; set FRONTWATCH_DATA")
    return shared


@pytest.fixture(scope="session")
def shared_data(shared_dir: Path) -> Path:
    return shared_dir / "data"


@pytest.fixture(scope="session")
def seed_article(shared_dir: Path) -> Path:
    return shared_dir / "examples" / "seed-article.txt"


@pytest.fixture(scope="session")
def case_trained():  # type: ignore[no-untyped-def]
    """A classifier trained on the CASE snippets alone, in memory: the one the classifier-threshold tests chose their
    sentences with. `make setup`'s classifier also reads Kenya's notes and a gate, so it puts other sentences between
    the thresholds; the rules under test are the same for any classifier."""
    from frontwatch.extract.classify import EventClassifier, read_snippets

    data = Path(os.environ.get("FRONTWATCH_DATA", ROOT.parent / "shared" / "data"))
    snippets = data / "event-types-case2021" / "snippets.jsonl"
    if not snippets.exists():
        pytest.skip(f"no CASE snippets at {snippets}")
    texts, labels = read_snippets(snippets)
    return EventClassifier.train(texts, labels, 0)
