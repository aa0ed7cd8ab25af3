"""Geoparsing evaluation on gold JSONL (`{"id","text","toponyms":[{"start","end","name","lat","lon"}]}`).

Recognition: precision / recall / F1 over exact spans. Resolution over the gold toponyms: accuracy within 161 km,
mean and median error, and AUC (Gritta et al. 2018: the area under the sorted curve of ln(1+error_km)/ln(20039);
lower is better). A gold toponym the system misses or cannot place counts at the maximum error (20,039 km).
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import statistics
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from frontwatch.geocode.geoparser import Geoparser, _haversine
from frontwatch.model import Document, Span, document_id_for

MAX_KM = 20039.0


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def resolution_metrics(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"acc_161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 1.0}
    scaled = sorted(math.log(1 + e) / math.log(MAX_KM + 1) for e in errors)
    # Trapezoid rule over the sorted curve, x spaced evenly in [0, 1].
    auc = sum((a + b) / 2 for a, b in itertools.pairwise(scaled)) / max(1, len(scaled) - 1)
    if len(scaled) == 1:
        auc = scaled[0]
    return {
        "acc_161": sum(e <= 161 for e in errors) / len(errors),
        "mean_km": statistics.fmean(errors),
        "median_km": statistics.median(errors),
        "auc": auc,
    }


def prf(gold: set[tuple[Any, int, int]], found: set[tuple[Any, int, int]]) -> dict[str, float]:
    tp = len(gold & found)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate_file(path: Path, geoparser: Geoparser, nlp: Any, progress: Callable[[], None] | None = None
                  ) -> dict[str, Any]:
    articles = list(read_gold(path))
    gold_spans: set[tuple[Any, int, int]] = set()
    found_spans: set[tuple[Any, int, int]] = set()
    e2e_errors: list[float] = []
    gold_errors: list[float] = []
    texts = [a["text"] for a in articles]
    for art, sdoc in zip(articles, nlp.pipe(texts, batch_size=16), strict=True):
        doc = Document(document_id_for(art["text"]), art["text"], str(art["id"]), "eval")
        found = geoparser.places(doc, sdoc)
        by_span = {(m.span.start, m.span.end): m for m in found}
        found_spans |= {(art["id"], m.span.start, m.span.end) for m in found}
        gold = [t for t in art["toponyms"] if t.get("lat") is not None]
        given = geoparser.resolve(doc, [Span(t["start"], t["end"], art["text"][t["start"]:t["end"]]) for t in gold],
                                  sdoc)
        for t, g in zip(gold, given, strict=True):
            gold_spans.add((art["id"], t["start"], t["end"]))
            m = by_span.get((t["start"], t["end"]))
            e2e_errors.append(_error(m.place if m else None, t))
            gold_errors.append(_error(g.place, t))
        if progress:
            progress()
    return {
        "file": path.name,
        "articles": len(articles),
        "toponyms": len(gold_spans),
        "recognition": prf(gold_spans, found_spans),
        "resolution": resolution_metrics(e2e_errors),
        "gold_spans_resolution": resolution_metrics(gold_errors),
    }


def _error(place: Any, gold: dict[str, Any]) -> float:
    if place is None or place.lat is None or place.lon is None:
        return MAX_KM
    return _haversine(place.lat, place.lon, float(gold["lat"]), float(gold["lon"]))


def check_floors(result: dict[str, Any], floors: dict[str, dict[str, float]]) -> list[str]:
    """Figures below their floor, as readable lines. Floors are keyed by file name, then 'group.metric'."""
    failures = []
    for key, floor in floors.get(result["file"], {}).items():
        group, metric = key.split(".")
        value = result[group][metric]
        # Error-like figures (km, AUC) have ceilings, not floors.
        worse = value > floor if metric in ("mean_km", "median_km", "auc") else value < floor
        if worse:
            failures.append(f"{result['file']}: {key} = {value:.3f}, floor {floor}")
    return failures
