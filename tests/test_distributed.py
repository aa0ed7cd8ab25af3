"""A real Dask LocalCluster with two worker processes stores exactly what a single-process run stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.model import to_dict

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, root: Path) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    for f in (root / "examples").iterdir():
        if f.is_file() and f.suffix in (".txt", ".json", ".html", ".xml", ".rss", ".jsonl"):
            shutil.copy(f, out / f.name)
    (out / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    return out


def _snapshot(url: str) -> tuple[list[dict], list[dict], list[str]]:
    from frontwatch.store import Store

    store = Store(url)
    try:
        claims = sorted((to_dict(c) for c in store.claims()), key=lambda c: c["claim_id"])
        events = sorted((to_dict(e) for e in store.events()), key=lambda e: e["event_id"])
        docs = sorted(d.document_id for d in store.documents())
        return claims, events, docs
    finally:
        store.close()


def test_two_worker_cluster_matches_single_process(corpus: Path, tmp_path: Path, gazetteer: object) -> None:
    from frontwatch.distributed import run_distributed
    from frontwatch.fuse import fuse_store
    from frontwatch.pipeline import Pipeline, run
    from frontwatch.store import Store

    settings = Settings.from_env()
    single_url, dask_url = f"sqlite:///{tmp_path}/single.db", f"sqlite:///{tmp_path}/dask.db"

    store = Store(single_url)
    single = run([str(corpus)], settings, store, Pipeline.from_settings(settings))
    fuse_store(store)
    store.close()

    store = Store(dask_url)
    peaks: dict[int, float] = {}
    distributed = run_distributed([str(corpus)], settings, store, workers=2, partition_size=2, measure_memory=peaks)
    fuse_store(store)
    store.close()

    assert len(peaks) == 2, "both worker processes took part"
    assert distributed.stored == single.stored > 0
    assert len(distributed.rejects) == len(single.rejects) == 1
    assert distributed.claims == single.claims > 0
    single_claims, single_events, single_docs = _snapshot(single_url)
    dask_claims, dask_events, dask_docs = _snapshot(dask_url)
    assert dask_docs == single_docs
    assert dask_claims == single_claims
    assert dask_events == single_events
