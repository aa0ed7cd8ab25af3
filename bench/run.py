"""The benchmark suite: one command (`make bench`) prints a table and writes bench/results.md.

Every figure that can be a ratio is one, taken in one run on the same texts, because these machines are noisy:
the pipeline against bare spaCy, the share of each stage, 2 Dask workers against 1 and against one process, fusion
time against claim count, API latency. Sizes can be scaled down for a quick look: `--docs 40 --fusion 10000`.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_corpus import generate  # noqa: E402
from frontwatch.config import Settings  # noqa: E402

ROUNDS = 3  # turns of bare spaCy and the pipeline's stages; medians are reported


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def bench_pipeline(corpus: Path, settings: Settings) -> list[dict[str, Any]]:
    import spacy

    from frontwatch.annotate import MODEL_PACKAGE, annotate
    from frontwatch.ingest import iter_inputs
    from frontwatch.model import Document, document_id_for
    from frontwatch.pipeline import Pipeline
    from frontwatch.store import Store

    pipeline = Pipeline.from_settings(settings)
    bare = spacy.load(MODEL_PACKAGE)
    t_ingest, items = timed(lambda: [d for d in iter_inputs([str(corpus)], settings, None) if isinstance(d, Document)])
    texts = [d.text for d in items]
    words = sum(len(t.split()) for t in texts)
    list(bare.pipe(texts[:8]))  # warm both pipelines on the same texts before timing
    list(pipeline.process(items[:8]))

    # Bare spaCy and the stages are timed in turns, `ROUNDS` times, and each figure is the median of its turns: a
    # slow spell of the machine then falls on both sides of a ratio instead of on one of them.
    turns: dict[str, list[float]] = {"bare": [], "annotate": [], "geocode": [], "extract": []}
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        list(bare.pipe(texts, batch_size=16))
        t1 = time.perf_counter()
        annotated = list(annotate(pipeline.nlp, items, batch_size=16))
        t2 = time.perf_counter()
        places = [pipeline.geoparser.places(doc, sdoc) for doc, sdoc in annotated]
        t3 = time.perf_counter()
        claims = [pipeline.extractor.claims(doc, sdoc, pl) for (doc, sdoc), pl in zip(annotated, places, strict=True)]
        t4 = time.perf_counter()
        for key, t in zip(turns, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            turns[key].append(t)
    t_bare, t_annotate, t_geocode, t_extract = (statistics.median(turns[k]) for k in turns)
    per_round = sorted((a + g + e) / b for b, a, g, e in zip(*turns.values(), strict=True))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        t_store, _ = timed(lambda: [store.add_document(d, c) for d, c in zip(items, claims, strict=True)])
        store.close()
    total = t_ingest + t_annotate + t_geocode + t_extract + t_store
    n_claims = sum(len(c) for c in claims)
    rows = [
        {"figure": "documents / words", "value": f"{len(items)} / {words}"},
        {"figure": "bare spaCy (nlp.pipe, full en_core_web_sm)", "value": f"{len(items) / t_bare:.1f} docs/s, "
         f"{words / t_bare:.0f} words/s"},
        {"figure": "Frontwatch pipeline (ingest→store)", "value": f"{len(items) / total:.1f} docs/s, "
         f"{words / total:.0f} words/s per core, {n_claims} claims"},
        {"figure": "pipeline time / bare spaCy time", "value": f"{total / t_bare:.2f}×", "target": "≤ 1.35×"},
        {"figure": "annotate + geocode + extract / bare spaCy (extraction's cost over spaCy alone)",
         "value": f"{(t_annotate + t_geocode + t_extract) / t_bare:.2f}× (annotate {t_annotate / t_bare:.2f}, "
         f"geocode + extract {(t_geocode + t_extract) / t_bare:.2f}; rounds {per_round[0]:.2f}–{per_round[-1]:.2f}×)",
         "target": "≤ 1.25×"},
        {"figure": "geocoding share of a document's processing", "value": f"{t_geocode / total:.1%}",
         "target": "≤ 10%"},
    ]
    for name, t in (("ingest", t_ingest), ("annotate", t_annotate), ("geocode", t_geocode), ("extract", t_extract),
                    ("store", t_store)):
        rows.append({"figure": f"stage share: {name}", "value": f"{t / total:.1%}"})
    # One long document must cost what its parts cost apart: nothing in the pipeline may grow with the square of a
    # document's length (per-sentence copies of the whole document, distances between all pairs of places).
    part = items[:40]
    joined = "\n\n".join(d.text for d in part)
    long_doc = Document(document_id_for(joined), joined, "bench/long.txt", "text", publisher="bench.example",
                        published=part[0].published)
    ratios = []
    for _ in range(ROUNDS):
        t_parts, _ = timed(lambda: list(pipeline.process(part)))
        t_long, _ = timed(lambda: list(pipeline.process([long_doc])))
        ratios.append(t_long / t_parts)
    rows.append({"figure": f"one document of {len(joined.split())} words / its {len(part)} reports apart",
                 "value": f"{statistics.median(ratios):.2f}× (rounds {min(ratios):.2f}–{max(ratios):.2f}×)",
                 "target": "≈ 1×"})
    return rows


def bench_dask(corpus: Path, settings: Settings) -> list[dict[str, Any]]:
    """Same corpus, warm everywhere: cluster start and model loading are timed apart from the work itself."""
    import dask
    from distributed import Client, LocalCluster

    from frontwatch.distributed import DASK_CONFIG, _worker_pipeline, run_distributed
    from frontwatch.pipeline import Pipeline, run
    from frontwatch.store import Store

    rows = []
    times: dict[Any, float] = {}
    startup: dict[int, float] = {}
    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline.from_settings(settings)
        store = Store(f"sqlite:///{tmp}/single.db")
        run([str(corpus)], settings, store, pipeline)  # warm caches (files, model) once, then time a fresh store
        store.close()
        store = Store(f"sqlite:///{tmp}/single2.db")
        times["single"], _ = timed(lambda: run([str(corpus)], settings, store, pipeline))
        store.close()
        for n in (1, 2):
            with dask.config.set(DASK_CONFIG):
                t0 = time.perf_counter()
                cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
                client = Client(cluster)
                client.run(_worker_pipeline, settings)  # each worker loads spaCy and the gazetteer once
                startup[n] = time.perf_counter() - t0
                try:
                    for attempt in range(2):  # the first pass warms the workers' file caches, the second is timed
                        store = Store(f"sqlite:///{tmp}/dask{n}-{attempt}.db")
                        report = run_distributed([str(corpus)], settings, store, address=cluster.scheduler_address,
                                                 measure_memory=peaks if n == 2 else None)
                        store.close()
                    times[n] = report.seconds
                finally:
                    client.close()
                    cluster.close()
    rows.append({"figure": "single process (warm), s", "value": f"{times['single']:.1f}"})
    rows.append({"figure": "Dask 1 worker / 2 workers (warm), s", "value": f"{times[1]:.1f} / {times[2]:.1f}"})
    rows.append({"figure": "Dask 2 workers vs 1 worker", "value": f"{times[1] / times[2]:.2f}×", "target": "≥ 1.7×"})
    rows.append({"figure": "Dask 2 workers vs single process", "value": f"{times['single'] / times[2]:.2f}×"})
    rows.append({"figure": "cluster start + model load (1 / 2 workers), s",
                 "value": f"{startup[1]:.1f} / {startup[2]:.1f}"})
    rows.append({"figure": "peak memory per worker", "value": f"{max(peaks.values(), default=0):.0f} MB",
                 "target": "≤ 1,536 MB"})
    return rows


def bench_fusion(sizes: list[int]) -> list[dict[str, Any]]:
    from bench.bench_fusion import run as run_fusion

    return run_fusion(sizes)


def bench_api(n_events: int, n_claims: int) -> list[dict[str, Any]]:
    from bench.bench_api import run as run_api

    return run_api(n_events, n_claims)


def bench_map(n: int) -> list[dict[str, Any]]:
    from bench.bench_map import run as run_map

    return run_map(n)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200, help="synthetic reports for the pipeline and Dask benches")
    ap.add_argument("--fusion", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--api-events", type=int, default=100_000)
    ap.add_argument("--api-claims", type=int, default=1_000_000)
    ap.add_argument("--map-events", type=int, default=10_000)
    ap.add_argument("--only", nargs="*", default=["pipeline", "dask", "fusion", "api", "map"])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    args = ap.parse_args()
    settings = Settings.from_env()
    sections: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.docs, settings.data_dir)
        if "pipeline" in args.only:
            sections["Pipeline"] = bench_pipeline(corpus, settings)
        if "dask" in args.only:
            sections["Dask"] = bench_dask(corpus, settings)
    if "fusion" in args.only:
        sections["Fusion"] = bench_fusion(args.fusion)
    if "api" in args.only:
        sections["API (real server, concurrency 8)"] = bench_api(args.api_events, args.api_claims)
    if "map" in args.only:
        sections["Map page (headless Chromium)"] = bench_map(args.map_events)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {platform.python_version()}, "
        f"2 cores; `python bench/run.py --docs {args.docs}`. Peak memory of the bench process: {peak:.0f} MB.",
        "",
    ]
    for title, rows in sections.items():
        lines += [f"## {title}", "", "| figure | value | target |", "|---|---|---|"]
        lines += [f"| {r['figure']} | {r['value']} | {r.get('target', '')} |" for r in rows]
        lines.append("")
    text = "\n".join(lines)
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
