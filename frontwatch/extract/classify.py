"""The event sub-type classifier: TF-IDF over word and character n-grams with a linear SVM, trained by
`frontwatch train` on labelled snippets (the CASE 2021 format) and, with `--acled FILE --years FIRST-LAST`, on ACLED's
coded notes of development years (each note once, with its rows' sub-type), measured by stratified cross-validation.
With notes, a second head over the same features, trained on the snippets alone, says whether a text is an event at
all (the notes are all events); the main head says which.

A linear model over n-grams is small (a few MB), needs no downloads and types thousands of sentences a second on
one core, so it can run inside the pipeline. The extractor weighs it against the trigger lexicon by its probability:
a sure model retypes a trigger's event or says it is none, and names an event the lexicon missed (claims.py).
The artifact is a pickle the project builds itself (never loaded from elsewhere) and
records its training data hash, its cross-validated figures and the library versions.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import platform
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.errors import ModelMissing
from frontwatch.model import NOT_AN_EVENT, SUB_EVENT_TYPES

TRAIN_HINT = ("train it with `frontwatch train --data ../shared/data/event-types-case2021/snippets.jsonl "
              "--acled ../shared/data/acled-kenya/acled-kenya-2004-2018.jsonl --years 2004-2015 "
              "--out var/event-classifier.pkl` (or `make setup`)")


def read_snippets(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                texts.append(row["text"])
                labels.append(row.get("sub_event_type") or NOT_AN_EVENT)
    return texts, labels


def read_acled_notes(path: Path, years: tuple[int, int]) -> tuple[list[str], list[str]]:
    """ACLED rows whose event_date falls in `years` as training snippets: each distinct note once, labelled with its
    rows' sub-type. ACLED splits a note covering several places or days into rows of one sub-type (one snippet);
    the few notes whose rows disagree hold several events and no single label fits, so they are left out."""
    from frontwatch.extract.evaluate import read_rows

    labels: dict[str, set[str]] = {}
    for row in read_rows(path):
        note = (row.get("notes") or "").strip()
        if note and row.get("sub_event_type") and years[0] <= int(str(row["event_date"])[:4]) <= years[1]:
            labels.setdefault(note, set()).add(row["sub_event_type"])
    kept = [(note, next(iter(subs))) for note, subs in labels.items() if len(subs) == 1]
    return [n for n, _ in kept], [lab for _, lab in kept]


def _pipeline(seed: int, smallest_class: int = 3) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC

    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, lowercase=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=60000),
    )
    # A linear SVM types as well as logistic regression here (slightly better) and trains ten times faster; its
    # scores become probabilities by sigmoid calibration on internal held-out predictions (unshuffled folds, so
    # deterministic), which the extractor needs to decide how far to trust it; one SVM on all the data, not one a fold.
    svm = LinearSVC(C=0.5, class_weight="balanced", random_state=seed)
    model = CalibratedClassifierCV(svm, method="sigmoid", cv=max(2, min(3, smallest_class)), ensemble=False)
    return make_pipeline(features, model)


@dataclass
class EventClassifier:
    model: Any
    meta: dict[str, Any] = field(default_factory=dict)
    # Whether a text is an event at all, learned from the snippets alone, over the model's features (see `train`).
    gate: Any | None = None
    # The fast path's features (classify_fast), built at the first call: (None,) when the model has another shape.
    _fast: tuple[Any, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        # the fast path holds closures and word caches: rebuilt after unpickling (a Dask worker's copy)
        return {**self.__dict__, "_fast": None}

    @classmethod
    def train(cls, texts: Sequence[str], labels: Sequence[str], seed: int = 0,
              gate_n: int | None = None) -> EventClassifier:
        """`gate_n`: the first gate_n texts alone (the snippets) decide whether a text is an event, the rest (ACLED
        notes) only teach which event. Coded notes are all events: in one model they teach that nearly any text of
        violence or politics is one (false alarms on whole articles); the snippets show what is none."""
        unknown = set(labels) - set(SUB_EVENT_TYPES) - {NOT_AN_EVENT}
        if unknown:
            raise ValueError(f"labels that are not ACLED sub-types: {sorted(unknown)}")
        model = _pipeline(seed, min(Counter(labels).values()))
        model.fit(list(texts), list(labels))
        gate = None
        if gate_n is not None and gate_n < len(texts) and len(set(labels[:gate_n]) & {NOT_AN_EVENT}) == 1 and any(
                lab != NOT_AN_EVENT for lab in labels[:gate_n]):
            events = [lab != NOT_AN_EVENT for lab in labels[:gate_n]]
            gate = _gate(seed, min(Counter(events).values())).fit(model[:-1].transform(list(texts[:gate_n])), events)
        return cls(model, {"n": len(texts), "seed": seed}, gate)

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        if not texts:
            return []
        proba = self._fast_proba(list(texts))
        if proba is None:
            proba = self.reference_proba(texts)
        classes = self.model.classes_
        best = proba.argmax(axis=1)
        return [(str(classes[i]), float(p[i])) for i, p in zip(best, proba, strict=True)]

    def reference_proba(self, texts: Sequence[str]) -> Any:
        """The probabilities through sklearn's own calls (the fast path's reference)."""
        import sklearn

        # Per-call input validation costs as much as the features for a report's handful of sentences.
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            features = self.model[:-1].transform(list(texts)) if hasattr(self.model, "steps") else None
            proba = _sigmoid_proba(self.model, list(texts), features)
            if proba is None:
                proba = self.model.predict_proba(list(texts))
            if self.gate is not None and features is not None:
                proba = _gated(proba, list(self.model.classes_), self.gate.predict_proba(features)[:, 0])
        return proba

    def _fast_proba(self, texts: list[str]) -> Any | None:
        """`reference_proba` without sklearn's per-call machinery (classify_fast), or None for another model shape."""
        import sklearn

        from frontwatch.extract.classify_fast import FastFeatures, calibrated_proba

        if self._fast is None:
            self._fast = (FastFeatures.of(self.model),)
        fast = self._fast[0]
        if fast is None:
            return None
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            features = fast.transform(texts)
            proba = calibrated_proba(self.model.steps[-1][1], features)
            if proba is None:
                return None
            if self.gate is not None:
                p_gate = calibrated_proba(self.gate, features)
                if p_gate is None:
                    return None
                proba = _gated(proba, list(self.model.classes_), p_gate[:, 0])
        return proba

    def save(self, path: Path) -> None:
        import sklearn

        path.parent.mkdir(parents=True, exist_ok=True)
        self.meta.update({"sklearn": sklearn.__version__, "python": platform.python_version()})
        with open(path, "wb") as fh:
            pickle.dump({"model": self.model, "meta": self.meta, "gate": self.gate}, fh)

    @classmethod
    def load(cls, path: Path) -> EventClassifier:
        if not Path(path).exists():
            raise ModelMissing(f"no event classifier at {path}", hint=TRAIN_HINT)
        try:
            with open(path, "rb") as fh:  # only artifacts this project wrote itself (see module docstring)
                data = pickle.load(fh)
            model, meta, gate = data["model"], data.get("meta", {}), data.get("gate")
            if not hasattr(model, "predict_proba"):
                raise TypeError(f"{type(model).__name__} is not a classifier")
        except Exception as exc:  # unpickling fails in many ways; each means "not a usable model"
            raise ModelMissing(f"{path} is not an event classifier this version can read "
                               f"({type(exc).__name__}: {exc})"[:400],
                               hint=f"delete it and re-train: {TRAIN_HINT}; or point FRONTWATCH_CLASSIFIER "
                               "elsewhere") from exc
        return cls(model, meta, gate)


def _gate(seed: int, smallest_class: int) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    svm = LinearSVC(C=0.5, class_weight="balanced", random_state=seed)
    return CalibratedClassifierCV(svm, method="sigmoid", cv=max(2, min(3, smallest_class)), ensemble=False)


# The main head's probability of its top event from which the gate's "none" gives way to the main head's own.
# The gate learned from the snippets alone, which file a mob's justice, a protest over a local grievance or a killing
# whose authors are unconfirmed under crime or none (its "none" reaches 0.9-1.0 there); coded notes, which the main
# head read, call them events. Where the main head puts at least half its weight on one event it has seen such texts
# coded. Chosen by eval/cv_kenya.py on Kenya 2004-2015 (2 folds of 5: 0.8 / 0.6 / 0.5 gave sub-type 0.736 / 0.748 /
# 0.752, 0.733 without; all 5 folds at 0.5: detected 0.907 -> 0.924, type 0.771 -> 0.790, sub-type 0.733 -> 0.752),
# the held-out articles' false alarms unchanged down to 0.4.
GATE_OVERRULED = 0.5


def _gated(proba: Any, classes: list[str], p_none: Any) -> Any:
    """The model's probabilities with "not an event" set by the gate and the events' share rescaled to the rest;
    where the model is sure of an event (GATE_OVERRULED), the model's own "not an event" instead."""
    import numpy as np

    if NOT_AN_EVENT not in classes:
        return proba
    none = classes.index(NOT_AN_EVENT)
    events = np.delete(proba, none, axis=1)
    p_none = np.where(events.max(axis=1) >= GATE_OVERRULED, np.minimum(p_none, proba[:, none]), p_none)
    total = events.sum(axis=1, keepdims=True)
    events = np.divide(events, total, out=np.full_like(events, 1 / events.shape[1]), where=total != 0)
    return np.insert(events * (1 - p_none)[:, None], none, p_none, axis=1)


def _sigmoid_proba(model: Any, texts: list[str], features: Any = None) -> Any:
    """`predict_proba` of the pipeline `_pipeline` builds, in one array operation per report.

    sklearn calibrates each of the ~26 classes in its own call, each re-validating its input: a third of the
    classifier's time per report. The arithmetic is sklearn's own (one sigmoid a class on the SVM's scores, rows
    normalised to one, uniform where every class scored zero); any other model shape falls back to sklearn, and
    tests/test_classify_fast_path.py checks the two agree.
    """
    import numpy as np
    from scipy.special import expit
    from sklearn.calibration import CalibratedClassifierCV

    steps = getattr(model, "steps", None)
    calibrated = steps[-1][1] if steps else None
    if not isinstance(calibrated, CalibratedClassifierCV) or calibrated.method != "sigmoid":
        return None
    if len(calibrated.calibrated_classifiers_) != 1 or len(calibrated.classes_) < 3:
        return None
    inner = calibrated.calibrated_classifiers_[0]
    if list(inner.estimator.classes_) != list(calibrated.classes_) or not hasattr(inner.estimator, "decision_function"):
        return None
    if features is None:
        features = model[:-1].transform(texts)
    scores = inner.estimator.decision_function(features)
    a = np.array([c.a_ for c in inner.calibrators])
    b = np.array([c.b_ for c in inner.calibrators])
    proba = expit(-(a * scores + b))
    total = proba.sum(axis=1, keepdims=True)
    return np.divide(proba, total, out=np.full_like(proba, 1 / proba.shape[1]), where=total != 0)


def data_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    labels = sorted(set(gold))
    scores = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def cross_validate(texts: Sequence[str], labels: Sequence[str], folds: int = 5, seed: int = 0,
                   gate_n: int | None = None) -> list[str]:
    """Held-out predictions for every snippet: each fold predicted by a model that never saw it."""
    from sklearn.model_selection import StratifiedKFold

    pred = [""] * len(texts)
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in skf.split(list(texts), list(labels)):
        train_idx = sorted(train_idx)  # the gate's snippets first, as `EventClassifier.train` expects
        clf = EventClassifier.train([texts[i] for i in train_idx], [labels[i] for i in train_idx], seed,
                                    None if gate_n is None else sum(i < gate_n for i in train_idx))
        for i, (lab, _) in zip(test_idx, clf.predict([texts[i] for i in test_idx]), strict=True):
            pred[i] = lab
    return pred


def type_of(sub: str) -> str:
    return SUB_EVENT_TYPES.get(sub, NOT_AN_EVENT)
