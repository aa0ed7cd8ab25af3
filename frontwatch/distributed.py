"""Distributed runs on Dask: ingest → annotate → geocode → extract on workers, storing on the client.

Each worker loads the spaCy pipeline and the gazetteer once (a per-process cache), takes coarse partitions of input
paths, and returns plain dataclasses; the client keeps a bounded number of partitions in flight, writes each document
in its own transaction, and fusion runs afterwards on the store — the same code path as a single-process run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontwatch.config import Settings
from frontwatch.model import Claim, Document, Reject
from frontwatch.pipeline import ItemOutcome, Pipeline, RunReport

if TYPE_CHECKING:
    from frontwatch.store import Store

# Measured on 2 cores (../shared/PACKAGES.md): the worker's event loop competes with spaCy for the GIL, so keep it
# quiet — one thread per worker, no statistical profiler, a slow admin tick.
DASK_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.target": False,
    "distributed.worker.memory.spill": False,
}

_PIPELINES: dict[tuple[str, str], Pipeline] = {}


def _worker_pipeline(settings: Settings) -> Pipeline:
    key = (str(settings.gazetteer_path), str(settings.classifier_path))
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.from_settings(settings)
    return _PIPELINES[key]


def process_partition(
    paths: Sequence[str], settings: Settings, overrides: Any, allow_private: bool
) -> list[tuple[Document | Reject, list[Claim] | None]]:
    """Runs on a worker: read, annotate, geocode and extract one partition of inputs."""
    from frontwatch.ingest import iter_inputs

    pipeline = _worker_pipeline(settings)
    out: list[tuple[Document | Reject, list[Claim] | None]] = []
    documents: list[Document] = []
    for item in iter_inputs(list(paths), settings, overrides, allow_private=allow_private):
        if isinstance(item, Reject):
            out.append((item, None))
        else:
            documents.append(item)
    out.extend(pipeline.process(documents))
    return out


def expand_inputs(paths: Sequence[str]) -> list[str]:
    """Directories become their files (sorted, recursively) so that partitions can be spread over workers."""
    files: list[str] = []
    for p in paths:
        path = Path(p)
        if "://" not in p and path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts) and not f.name.endswith(
                    ".meta.json"
                ):
                    files.append(str(f))
        else:
            files.append(p)
    return files


def partitions(items: Sequence[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def run_distributed(
    paths: Sequence[str],
    settings: Settings,
    store: Store,
    overrides: Any = None,
    address: str | None = None,
    workers: int | None = None,
    allow_private: bool = False,
    on_item: Callable[[ItemOutcome], None] | None = None,
    partition_size: int | None = None,
    measure_memory: dict[int, float] | None = None,
) -> RunReport:
    import dask
    from distributed import Client, LocalCluster, as_completed

    report = RunReport()
    notify = on_item or (lambda _e: None)
    started = time.perf_counter()
    files = expand_inputs(paths)
    with dask.config.set(DASK_CONFIG):
        cluster = None
        if address:
            client = Client(address)
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
        try:
            n_workers = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 1))
            # Coarse partitions amortise the per-task overhead; a few per worker keep all of them busy to the end.
            size = partition_size or max(1, min(64, len(files) // (n_workers * 4) or 1))
            parts = list(partitions(files, size))
            in_flight = 2 * n_workers
            queue = iter(parts)
            futures = [client.submit(process_partition, p, settings, overrides, allow_private, pure=False)
                       for p in _take(queue, in_flight)]
            seen: set[str] = set()
            completed = as_completed(futures)
            for future in completed:
                for item, claims in future.result():
                    _store_one(store, item, claims, seen, report, notify)
                future.release()
                for p in _take(queue, 1):
                    completed.add(client.submit(process_partition, p, settings, overrides, allow_private, pure=False))
            if measure_memory is not None:
                for i, mb in enumerate(client.run(worker_peak_memory).values()):
                    measure_memory[i] = mb
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    report.seconds = time.perf_counter() - started
    return report


def worker_peak_memory() -> float:
    """Peak resident memory of this process in MB (run on each worker by the benchmark)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _take(it: Iterator[list[str]], n: int) -> list[list[str]]:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out


def _store_one(
    store: Store,
    item: Document | Reject,
    claims: list[Claim] | None,
    seen: set[str],
    report: RunReport,
    notify: Callable[[ItemOutcome], None],
) -> None:
    if isinstance(item, Reject):
        store.add_reject(item)
        report.rejects.append(item)
        notify(("rejected", item, 0))
        return
    if item.document_id in seen or not store.add_document(item, claims if claims is not None else []):
        report.duplicates += 1
        notify(("duplicate", item, 0))
        return
    seen.add(item.document_id)
    report.stored += 1
    report.claims += len(claims or [])
    if claims is None:
        report.not_extracted += 1
    notify(("stored", item, len(claims or [])))
