"""The classifier's one-array calibration gives sklearn's own probabilities (frontwatch/extract/classify.py)."""

from __future__ import annotations

import numpy as np
import sklearn

from frontwatch.extract.classify import EventClassifier, _sigmoid_proba

SENTENCES = {
    "Armed clash": ["Soldiers and rebels exchanged fire near the border post for two hours.",
                    "Militants fought an army patrol in the hills until dawn.",
                    "Government troops clashed with insurgents outside the town."],
    "Peaceful protest": ["Hundreds of teachers marched peacefully to demand unpaid wages.",
                         "Traders held a sit-in outside the county offices over new fees.",
                         "Students demonstrated quietly against the closure of their college."],
    "Air/drone strike": ["An air strike hit a militant compound, the ministry said.",
                         "A drone strike destroyed a vehicle carrying fighters.",
                         "Jets bombed insurgent positions in the valley overnight."],
}


def _reference(model: object, texts: list[str]) -> np.ndarray:
    with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
        return model.predict_proba(texts)  # type: ignore[attr-defined]


def test_the_fast_probabilities_equal_sklearns_on_a_model_trained_here() -> None:
    texts = [t for group in SENTENCES.values() for t in group]
    labels = [label for label, group in SENTENCES.items() for _ in group]
    clf = EventClassifier.train(texts, labels)
    probe = ["Rebels and soldiers fought for the bridge.", "Nurses marched to the ministry.", "A jet bombed a camp."]
    fast = _sigmoid_proba(clf.model, probe)
    assert fast is not None
    assert np.allclose(fast, _reference(clf.model, probe), atol=1e-12)
    assert [p for p, _ in clf.predict(probe)] == [str(clf.model.classes_[i]) for i in fast.argmax(axis=1)]


def test_the_fast_probabilities_equal_sklearns_on_the_shipped_model(trained: EventClassifier) -> None:
    probe = ["Police fired tear gas at protesters who blocked the highway with burning tyres.",
             "Two soldiers were killed when their vehicle hit a roadside bomb.",
             "The council met on Tuesday to discuss the budget."]
    fast = _sigmoid_proba(trained.model, probe)
    assert fast is not None
    assert np.allclose(fast, _reference(trained.model, probe), atol=1e-12)


def test_a_model_of_another_shape_falls_back_to_sklearn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = [t for group in SENTENCES.values() for t in group]
    labels = [label for label, group in SENTENCES.items() for _ in group]
    model = make_pipeline(TfidfVectorizer(), LogisticRegression()).fit(texts, labels)
    assert _sigmoid_proba(model, ["A jet bombed a camp."]) is None
    got = EventClassifier(model).predict(["A jet bombed a camp."])
    assert got[0][0] in SENTENCES and 0 < got[0][1] <= 1


