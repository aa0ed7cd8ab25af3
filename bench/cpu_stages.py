"""Extraction's cost over bare spaCy in CPU seconds (`time.process_time`), not wall time: on a machine shared with
other work, wall-clock ratios move with the neighbours' load, CPU time of this process much less.

    python bench/cpu_stages.py [--docs 200] [--rounds 3] [--profile extract]

Same texts as `bench/run.py` (bench/make_corpus.py's synthetic reports), bare `nlp.pipe` and each stage timed in
turns, medians reported; also how many sentences got a dependency parse and the classifier's calls and CPU time.
`--profile STAGE` prints cProfile's top functions of that stage's last round (`--pstats FILE` keeps them for
`pstats` queries: callers of `Doc.__getitem__`, …).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_corpus import generate  # noqa: E402
from frontwatch.config import Settings  # noqa: E402


def _counting(classifier: Any, tally: dict[str, float]) -> None:
    """Wrap the classifier's `predict` to count its calls and CPU seconds."""
    inner = classifier.predict

    def predict(texts: Any) -> Any:
        t = time.process_time()
        out = inner(texts)
        tally["calls"] += 1
        tally["texts"] += len(texts)
        tally["cpu"] += time.process_time() - t
        return out

    classifier.predict = predict


def _profile(prof: cProfile.Profile | None, on: bool) -> None:
    """Profile only the stage asked for (it ran on through the later stages before)."""
    if prof is not None:
        if on:
            prof.enable()
        else:
            prof.disable()


def main() -> None:
    import spacy

    from frontwatch.annotate import MODEL_PACKAGE, annotate
    from frontwatch.ingest import iter_inputs
    from frontwatch.model import Document
    from frontwatch.pipeline import Pipeline

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", choices=["annotate", "geocode", "extract"], default=None)
    ap.add_argument("--pstats", type=Path, default=None, help="with --profile: also dump the stats to this file")
    args = ap.parse_args()
    settings = Settings.from_env()
    pipeline = Pipeline.from_settings(settings)
    bare = spacy.load(MODEL_PACKAGE)
    tally = {"calls": 0.0, "texts": 0.0, "cpu": 0.0}
    if pipeline.extractor.classifier is not None:
        _counting(pipeline.extractor.classifier, tally)
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp) / "corpus", args.docs, settings.data_dir)
        items = [d for d in iter_inputs([str(Path(tmp) / "corpus")], settings, None) if isinstance(d, Document)]
    texts = [d.text for d in items]
    list(bare.pipe(texts[:8]))
    list(pipeline.process(items[:8]))
    turns: dict[str, list[float]] = {"bare": [], "annotate": [], "geocode": [], "extract": []}
    parsed = sents = 0
    for r in range(args.rounds):
        last = r == args.rounds - 1
        prof = cProfile.Profile() if last and args.profile else None
        tally.update(calls=0.0, texts=0.0, cpu=0.0)
        t0 = time.process_time()
        list(bare.pipe(texts, batch_size=16))
        t1 = time.process_time()
        _profile(prof, args.profile == "annotate")
        annotated = list(annotate(pipeline.nlp, items, batch_size=16))
        _profile(prof, False)
        t2 = time.process_time()
        _profile(prof, args.profile == "geocode")
        places = [pipeline.geoparser.places(doc, sdoc) for doc, sdoc in annotated]
        _profile(prof, False)
        t3 = time.process_time()
        _profile(prof, args.profile == "extract")
        for (doc, sdoc), pl in zip(annotated, places, strict=True):
            pipeline.extractor.claims(doc, sdoc, pl)
        _profile(prof, False)
        t4 = time.process_time()
        for key, t in zip(turns, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            turns[key].append(t)
        parsed = sum(len(sdoc._.fw_parsed or ()) for _, sdoc in annotated)
        sents = sum(len(list(sdoc.sents)) for _, sdoc in annotated)
    med = {k: statistics.median(v) for k, v in turns.items()}
    b = med["bare"]
    print(f"{len(items)} documents, {sents} sentences, {parsed} parsed ({parsed / max(sents, 1):.1%})")
    print(f"CPU s (median of {args.rounds}): bare {b:.2f}, annotate {med['annotate']:.2f}, "
          f"geocode {med['geocode']:.2f}, extract {med['extract']:.2f}")
    cost = (med["annotate"] + med["geocode"] + med["extract"]) / b
    print(f"over bare spaCy: annotate {med['annotate'] / b:.3f}, geocode + extract "
          f"{(med['geocode'] + med['extract']) / b:.3f}, extraction's cost {cost:.3f}×")
    if tally["calls"]:
        print(f"classifier (last round): {tally['calls']:.0f} calls, {tally['texts']:.0f} texts, "
              f"{tally['cpu']:.2f} CPU s, {1000 * tally['cpu'] / tally['calls']:.2f} ms a call")
    if prof is not None:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        if args.pstats is not None:
            prof.dump_stats(str(args.pstats))


if __name__ == "__main__":
    main()
