"""The classifier's features and probabilities for a report's handful of sentences without sklearn's per-call
machinery, with the same numbers.

Half of a call's cost was sklearn's validation, output wrappers and joblib dispatch around two tiny transforms, and
most of the rest the character n-grams of every word, built again for each text. Here the n-grams of a word are
looked up in the vocabulary once and kept (words repeat across reports), the counts are built as sklearn builds
them (sorted column indices, the same dtype), and sklearn's own tf-idf and stacking run on them: the matrix is the
one `FeatureUnion.transform` returns, element for element, so scores and probabilities are too. Any other model
shape than `classify._pipeline` builds returns None and the caller uses sklearn; tests/test_perf6.py checks the
two agree exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

WORD_CACHE = 200_000  # distinct words whose n-gram columns are kept (a few tens of MB at most)


class FastFeatures:
    """`model[:-1].transform` of a fitted TF-IDF `FeatureUnion` (word and char_wb vectorizers)."""

    def __init__(self, union: Any) -> None:
        self.union = union
        self.parts: list[tuple[Any, Callable[[str], list[int]]]] = []
        for _, vec in union.transformer_list:
            self.parts.append((vec, self._counter(vec)))

    @classmethod
    def of(cls, model: Any) -> FastFeatures | None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        steps = getattr(model, "steps", None)
        union = steps[0][1] if steps and len(steps) == 2 else None
        if not isinstance(union, FeatureUnion) or union.transformer_weights is not None:
            return None
        for _, vec in union.transformer_list:
            if (type(vec) is not TfidfVectorizer or vec.binary or vec.input != "content"
                    or vec.analyzer not in {"word", "char_wb"} or not hasattr(vec, "vocabulary_")):
                return None
        return cls(union)

    def transform(self, texts: Sequence[str]) -> Any:
        return self.union._hstack([_tfidf(vec._tfidf, _counts(vec, count, texts)) for vec, count in self.parts])

    @staticmethod
    def _counter(vec: Any) -> Callable[[str], list[int]]:
        """The vocabulary columns of a text's features, with repeats."""
        vocab = vec.vocabulary_
        if vec.analyzer == "word":
            analyze = vec.build_analyzer()
            return lambda text: [j for j in map(vocab.get, analyze(text)) if j is not None]
        preprocess = vec.build_preprocessor()
        ngrams = vec._char_wb_ngrams
        cache: dict[str, list[int]] = {}

        def columns(text: str) -> list[int]:
            # char_wb's n-grams never cross a space: a text's are those of its words, each padded with spaces
            # (`_char_wb_ngrams` pads and splits the same way), so a word's columns are looked up once.
            out: list[int] = []
            for word in preprocess(vec.decode(text)).split():
                cols = cache.get(word)
                if cols is None:
                    if len(cache) >= WORD_CACHE:
                        cache.clear()
                    cols = cache[word] = [j for j in map(vocab.get, ngrams(word)) if j is not None]
                out += cols
            return out

        return columns


def _counts(vec: Any, count: Callable[[str], list[int]], texts: Sequence[str]) -> Any:
    """The count matrix `CountVectorizer._count_vocab` builds: per row, columns sorted, counts as values."""
    import scipy.sparse as sp

    width = len(vec.vocabulary_)
    cols = [count(text) for text in texts]
    # One sort for the whole batch: a (row, column) pair as one number, counted by np.unique.
    keys = np.concatenate([np.asarray(c, dtype=np.int64) + k * width for k, c in enumerate(cols)] or [[]])
    pairs, n = np.unique(keys.astype(np.int64), return_counts=True)
    rows = pairs // width
    dtype = np.int32 if len(pairs) <= np.iinfo(np.int32).max else np.int64
    indptr = np.searchsorted(rows, np.arange(len(texts) + 1)).astype(dtype)
    X = sp.csr_matrix((n.astype(vec.dtype), (pairs - rows * width).astype(dtype), indptr),
                      shape=(len(texts), width), dtype=vec.dtype)
    X.has_sorted_indices = True
    return X


def _tfidf(tf: Any, X: Any) -> Any:
    """`TfidfTransformer.transform(X, copy=False)` on a float CSR count matrix, in its arithmetic, without its
    validation; another norm goes through sklearn."""
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

    if tf.norm not in {"l2", None}:
        return tf.transform(X, copy=False)
    if tf.sublinear_tf:
        np.log(X.data, X.data)
        X.data += 1.0
    if hasattr(tf, "idf_"):
        X.data *= tf.idf_[X.indices]
    if tf.norm == "l2":
        inplace_csr_row_normalize_l2(X)
    return X


def calibrated_proba(calibrated: Any, features: Any) -> Any | None:
    """`predict_proba` of a sigmoid-calibrated linear SVM fitted with ensemble=False (one calibrated classifier),
    in sklearn's arithmetic; None for any other shape."""
    from scipy.special import expit
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC
    from sklearn.utils.extmath import safe_sparse_dot

    if not isinstance(calibrated, CalibratedClassifierCV) or calibrated.method != "sigmoid":
        return None
    if len(calibrated.calibrated_classifiers_) != 1:
        return None
    inner = calibrated.calibrated_classifiers_[0]
    svm = inner.estimator
    if type(svm) is not LinearSVC or list(svm.classes_) != list(calibrated.classes_):
        return None
    scores = safe_sparse_dot(features, svm.coef_.T, dense_output=True) + svm.intercept_
    n = len(calibrated.classes_)
    a = np.array([c.a_ for c in inner.calibrators])
    b = np.array([c.b_ for c in inner.calibrators])
    if n == 2:
        proba = np.zeros((scores.shape[0], 2))
        proba[:, 1] = expit(-(a[0] * scores[:, 0] + b[0]))
        proba[:, 0] = 1.0 - proba[:, 1]
        return proba
    if n < 3 or len(a) != n:
        return None
    proba = expit(-(a * scores + b))
    total = proba.sum(axis=1, keepdims=True)
    return np.divide(proba, total, out=np.full_like(proba, 1 / n), where=total != 0)
