"""Event evaluation: CASE-style labelled snippets (cross-validated) and ACLED-format event rows (whole pipeline).

Snippets: for each of k folds, a classifier trained on the other folds is handed to the extractor, and each held-out
snippet is typed by what the system extracts from it (its first claim's sub-type; no claim = not an event). The
classifier alone is scored the same way for comparison. Nothing is ever scored on data it was trained on.

ACLED rows: scored in `frontwatch.evaluation` (the system's own answer per row, and the oracle figure).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from frontwatch.extract.classify import EventClassifier, macro_f1, type_of
from frontwatch.model import NOT_AN_EVENT, Document, document_id_for


def read_rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def is_acled(rows: Sequence[dict[str, Any]]) -> bool:
    return bool(rows) and "notes" in rows[0] and "event_date" in rows[0]


def _system_types(texts: Sequence[str], classifier: EventClassifier, nlp: Any, actors: Any) -> list[str]:
    from frontwatch.annotate import annotate
    from frontwatch.extract import Extractor

    extractor = Extractor(actors, classifier)
    docs = [Document(document_id_for(t), t, "snippet", "eval") for t in texts]
    out = []
    for document, doc in annotate(nlp, docs):
        claims = [c for c in extractor.claims(document, doc, []) if c.event_type != NOT_AN_EVENT]
        out.append(claims[0].sub_event_type or NOT_AN_EVENT if claims else NOT_AN_EVENT)
    return out


def evaluate_snippets(rows: Sequence[dict[str, Any]], nlp: Any, actors: Any, folds: int = 5, seed: int = 0,
                      progress: Callable[[], None] | None = None) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedKFold

    texts = [r["text"] for r in rows]
    gold = [r.get("sub_event_type") or NOT_AN_EVENT for r in rows]
    system = [""] * len(texts)
    alone = [""] * len(texts)
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in skf.split(texts, gold):
        clf = EventClassifier.train([texts[i] for i in train_idx], [gold[i] for i in train_idx], seed)
        held = [texts[i] for i in test_idx]
        for i, (lab, _) in zip(test_idx, clf.predict(held), strict=True):
            alone[i] = lab
        for i, lab in zip(test_idx, _system_types(held, clf, nlp, actors), strict=True):
            system[i] = lab
        if progress:
            progress()
    return _snippet_figures(gold, system, alone)


def evaluate_split(rows: Sequence[dict[str, Any]], nlp: Any, actors: Any, classifier: EventClassifier
                   ) -> dict[str, Any]:
    """Held-out split: snippets typed by a classifier trained elsewhere (the caller checks it never saw them)."""
    texts = [r["text"] for r in rows]
    gold = [r.get("sub_event_type") or NOT_AN_EVENT for r in rows]
    alone = [lab for lab, _ in classifier.predict(texts)]
    return _snippet_figures(gold, _system_types(texts, classifier, nlp, actors), alone)


def _snippet_figures(gold: Sequence[str], system: Sequence[str], alone: Sequence[str]) -> dict[str, Any]:
    confusions = Counter((g, p) for g, p in zip(gold, system, strict=True) if g != p)
    return {
        "n": len(gold),
        "detected": sum((p != NOT_AN_EVENT) for g, p in zip(gold, system, strict=True) if g != NOT_AN_EVENT)
        / max(1, sum(g != NOT_AN_EVENT for g in gold)),
        "event_type_acc": sum(type_of(g) == type_of(p) for g, p in zip(gold, system, strict=True)) / len(gold),
        "sub_event_type_acc": sum(g == p for g, p in zip(gold, system, strict=True)) / len(gold),
        "macro_f1": macro_f1(gold, system),
        "event_type_macro_f1": macro_f1([type_of(g) for g in gold], [type_of(p) for p in system]),
        "classifier_alone": {"sub_event_type_acc": sum(g == p for g, p in zip(gold, alone, strict=True)) / len(gold),
                             "macro_f1": macro_f1(gold, alone)},
        "confusions": [{"gold": g, "predicted": p, "n": n} for (g, p), n in confusions.most_common(10)],
    }


def check_floors(result: dict[str, Any], floors: dict[str, dict[str, float]]) -> list[str]:
    failures = []
    for metric, floor in floors.get(result["file"], {}).items():
        value = result.get(metric)
        if value is None:
            failures.append(f"{result['file']}: {metric} missing")
        elif (value > floor) if metric.endswith("_mae") else (value < floor):
            failures.append(f"{result['file']}: {metric} = {value:.3f}, floor {floor}")
    return failures
