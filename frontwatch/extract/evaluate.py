"""Event evaluation: CASE-style labelled snippets (cross-validated) and ACLED-format event rows (whole pipeline).

Snippets: for each of k folds, a classifier trained on the other folds is handed to the extractor, and each held-out
snippet is typed by what the system extracts from it (its first claim's sub-type; no claim = not an event). The
classifier alone is scored the same way for comparison. Nothing is ever scored on data it was trained on.

ACLED rows: each row's `notes` runs through the pipeline with `event_date` as the published date; the claim that best
matches the row (same type, nearest place) is scored field by field.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from frontwatch.extract.classify import EventClassifier, macro_f1, type_of
from frontwatch.model import NOT_AN_EVENT, Claim, Document, document_id_for


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


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _actor_name(actors: Any, text: str | None) -> str | None:
    if not text:
        return None
    m = actors.match(text)
    return (m.actor.name if m else text).lower()


def _best_claim(claims: Sequence[Claim], row: dict[str, Any]) -> Claim | None:
    events = [c for c in claims if c.event_type != NOT_AN_EVENT]
    if not events:
        return None
    lat, lon = float(row["latitude"]), float(row["longitude"])

    def score(c: Claim) -> tuple[int, int, float]:
        p = c.place
        dist = _haversine(lat, lon, p.lat, p.lon) if p and p.lat is not None and p.lon is not None else 1e9
        return (c.sub_event_type != row["sub_event_type"], c.event_type != row["event_type"], dist)

    return min(events, key=score)


def evaluate_acled(rows: Sequence[dict[str, Any]], pipeline: Any, actors: Any,
                   progress: Callable[[], None] | None = None) -> dict[str, Any]:
    docs = []
    for r in rows:
        text = r["notes"]
        docs.append(Document(document_id_for(text), text, "acled", "eval", published=date.fromisoformat(
            str(r["event_date"])[:10])))
    results = {d.document_id: claims or [] for d, claims in pipeline.process(docs)}
    n = len(rows)
    tally: Counter[str] = Counter()
    abs_err: list[float] = []
    actor_rows = Counter[str]()
    for r, d in zip(rows, docs, strict=True):
        best = _best_claim(results.get(d.document_id, []), r)
        if progress:
            progress()
        if best is None:
            abs_err.append(float(r.get("fatalities") or 0))
            continue
        tally["detected"] += 1
        tally["event_type"] += best.event_type == r["event_type"]
        tally["sub_event_type"] += best.sub_event_type == r["sub_event_type"]
        p = best.place
        if p and p.lat is not None:
            tally["location_25km"] += _haversine(float(r["latitude"]), float(r["longitude"]), p.lat, p.lon) <= 25
        tally["admin1"] += _same_admin1(pipeline, p, r.get("admin1"))
        fat = int(r.get("fatalities") or 0)
        tally["fatalities_exact"] += best.fatalities_acled == fat
        abs_err.append(abs(best.fatalities_acled - fat))
        tally["date_exact"] += bool(best.time and best.time.low == best.time.high
                                    and best.time.low.isoformat() == str(r["event_date"])[:10])
        got = {role: _actor_name(actors, a.name if (a := best.actor(role)) else None) for role in ("actor1", "actor2")}
        want = {role: _actor_name(actors, r.get(role)) for role in ("actor1", "actor2")}
        # Actor order carries no meaning in ACLED except for violence against civilians.
        ordered = r["event_type"] == "Violence against civilians"
        for role in ("actor1", "actor2"):
            if not want[role]:
                continue
            actor_rows[role] += 1
            candidates = {got[role]} if ordered else {got["actor1"], got["actor2"]}
            tally[f"{role}_match"] += want[role] in candidates
    return {
        "n": n,
        "detected": tally["detected"] / n,
        "event_type_acc": tally["event_type"] / n,
        "sub_event_type_acc": tally["sub_event_type"] / n,
        "location_25km": tally["location_25km"] / n,
        "admin1_acc": tally["admin1"] / n,
        "fatalities_exact": tally["fatalities_exact"] / n,
        "fatalities_mae": sum(abs_err) / n,
        "actor1_acc": tally["actor1_match"] / max(1, actor_rows["actor1"]),
        "actor2_acc": tally["actor2_match"] / max(1, actor_rows["actor2"]),
        "date_exact": tally["date_exact"] / n,
    }


def _same_admin1(pipeline: Any, place: Any, gold: str | None) -> bool:
    """The gold region's name, read through the gazetteer's name keys ("Nord-Kivu" = "North Kivu"), is the unit the
    claim's place lies in."""
    if place is None or not place.admin1 or not gold:
        return False
    if place.admin1.lower() == str(gold).lower():
        return True
    gazetteer = getattr(getattr(pipeline, "geoparser", None), "gazetteer", None)
    if gazetteer is None or not place.admin1_code:
        return False
    return any(c.admin1_code == place.admin1_code and c.feature_code in ("ADM1", "ADM1H")
               for c in gazetteer.candidates(str(gold), limit=30))


def check_floors(result: dict[str, Any], floors: dict[str, dict[str, float]]) -> list[str]:
    failures = []
    for metric, floor in floors.get(result["file"], {}).items():
        value = result.get(metric)
        if value is None:
            failures.append(f"{result['file']}: {metric} missing")
        elif (value > floor) if metric.endswith("_mae") else (value < floor):
            failures.append(f"{result['file']}: {metric} = {value:.3f}, floor {floor}")
    return failures
