"""The system's Kenya development figures with the classifier cross-validated by note: each fold of 2004-2015 notes
is read by a pipeline whose classifier was trained on the CASE snippets and the other folds' notes (as `make setup`
trains on CASE + all of 2004-2015), so type figures are not in-sample.

    python eval/cv_kenya.py ACLED.jsonl --snippets SNIPPETS.jsonl [--folds 5] [--models own/cv] [--rows ROWS.jsonl]
    python eval/cv_kenya.py ACLED.jsonl --snippets SNIPPETS.jsonl --train-years 2004-2012 --score-years 2013-2015

The second, temporal, mode trains on the CASE snippets and the notes of the earlier years only and scores the later
ones: the shipped model meets reports later than all its training notes (drift in wording and in the mix of
events), which a random split by note hides; it is the figure to decide changes to the classifier by.

Models are cached in --models (fold{k}.pkl, temporal-FIRST-LAST.pkl); delete them after changing training or
features. Never give it held-out years: it trains on what it scores around.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from pathlib import Path

from frontwatch.config import Settings
from frontwatch.evaluation import aggregate, evaluate_acled, parse_years, row_lines, select_rows
from frontwatch.extract import ActorDictionary, Extractor
from frontwatch.extract.classify import EventClassifier, read_snippets
from frontwatch.model import NOT_AN_EVENT
from frontwatch.pipeline import Pipeline


def fold_of(note: str, folds: int) -> int:
    """A note's fold by its hash: every row of a note (ACLED splits one note over places and days) in one fold."""
    return int(hashlib.sha256(note.strip().encode()).hexdigest(), 16) % folds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("acled", type=Path)
    ap.add_argument("--snippets", type=Path, required=True)
    ap.add_argument("--years", default="2004-2015")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--models", type=Path, default=Path("own/cv"))
    ap.add_argument("--rows", type=Path)
    ap.add_argument("--only", help="score only these folds, e.g. 0,1 (a quicker, noisier figure)")
    ap.add_argument("--train-years", help="temporal mode: train on these years' notes (with --score-years)")
    ap.add_argument("--score-years", help="temporal mode: score these later years with the whole pipeline")
    args = ap.parse_args(argv)
    if args.train_years or args.score_years:
        return temporal(args)
    span = parse_years(args.years)
    if span[1] > 2015:
        raise SystemExit("development years only (2004-2015)")
    from frontwatch.extract.evaluate import read_rows

    rows = read_rows(args.acled)
    chosen = select_rows(rows, span)
    snippets, snippet_labels = read_snippets(args.snippets)
    labels: dict[str, set[str]] = {}
    for i in chosen:
        note = (rows[i].get("notes") or "").strip()
        if note and rows[i].get("sub_event_type"):
            labels.setdefault(note, set()).add(rows[i]["sub_event_type"])
    actors, base = _base_pipeline()
    args.models.mkdir(parents=True, exist_ok=True)
    scores, records, alone = [], [], [0, 0]
    # the same comparison on one footing: per row the system answered, its sub-type against the classifier's reading
    # of the row's whole note (the figure above counts notes, and the system's counts every row, answered or not)
    answered = [0, 0, 0]
    for k in [int(x) for x in args.only.split(",")] if args.only else range(args.folds):
        path = args.models / f"fold{k}.pkl"
        train = [(n, next(iter(s))) for n, s in labels.items() if len(s) == 1 and fold_of(n, args.folds) != k]
        if path.exists():
            clf = EventClassifier.load(path)
        else:
            clf = EventClassifier.train(snippets + [n for n, _ in train], snippet_labels + [lab for _, lab in train],
                                        0, len(snippets))
            clf.save(path)
        test_notes = [(n, next(iter(s))) for n, s in labels.items() if len(s) == 1 and fold_of(n, args.folds) == k]
        note_pred = {}
        for (note, gold), (pred, _) in zip(test_notes, clf.predict([n for n, _ in test_notes]), strict=True):
            alone[0] += pred == gold and pred != NOT_AN_EVENT
            alone[1] += 1
            note_pred[note] = pred
        idx = [i for i in chosen if fold_of(rows[i].get("notes") or "", args.folds) == k]
        pipeline = dataclasses.replace(base, extractor=Extractor(actors, clf))
        _, recs = evaluate_acled(rows, pipeline, actors, idx)
        records.extend(recs)
        for r in recs:
            note = (r["gold"].get("notes") or "").strip()
            if r["system"] is not None and note in note_pred:
                answered[0] += r["system"]["sub_event_type"] == r["gold"]["sub_event_type"]
                answered[1] += note_pred[note] == r["gold"]["sub_event_type"]
                answered[2] += 1
        scores.extend(r["scores"] for r in recs)
        print(f"fold {k}: {len(idx)} rows", file=sys.stderr)
    result = aggregate(scores)
    result["classifier_alone_sub_acc"] = alone[0] / max(alone[1], 1)
    result["answered_rows"] = answered[2]
    result["system_sub_acc_answered"] = answered[0] / max(answered[2], 1)
    result["classifier_alone_sub_acc_answered"] = answered[1] / max(answered[2], 1)
    return _report(result, records, args.rows)


def temporal(args: argparse.Namespace) -> int:
    """Train on the snippets and the notes of --train-years, score the rows of the later --score-years."""
    from frontwatch.extract.classify import read_acled_notes
    from frontwatch.extract.evaluate import read_rows

    if not (args.train_years and args.score_years):
        raise SystemExit("--train-years and --score-years go together")
    train_span, score_span = parse_years(args.train_years), parse_years(args.score_years)
    if score_span[1] > 2015 or train_span[1] >= score_span[0]:
        raise SystemExit("development years only (to 2015), and training years before the scored ones")
    rows = read_rows(args.acled)
    chosen = select_rows(rows, score_span)
    args.models.mkdir(parents=True, exist_ok=True)
    path = args.models / f"temporal-{train_span[0]}-{train_span[1]}.pkl"
    if path.exists():
        clf = EventClassifier.load(path)
    else:
        snippets, snippet_labels = read_snippets(args.snippets)
        notes, note_labels = read_acled_notes(args.acled, train_span)
        clf = EventClassifier.train(snippets + notes, snippet_labels + note_labels, 0, len(snippets))
        clf.save(path)
    actors, base = _base_pipeline()
    pipeline = dataclasses.replace(base, extractor=Extractor(actors, clf))
    _, records = evaluate_acled(rows, pipeline, actors, chosen)
    result = aggregate([r["scores"] for r in records])
    notes, golds = read_acled_notes(args.acled, score_span)
    alone = [p == g for (p, _), g in zip(clf.predict(notes), golds, strict=True)]
    result["classifier_alone_sub_acc"] = sum(alone) / max(len(alone), 1)
    return _report(result, records, args.rows)


def _base_pipeline() -> tuple[ActorDictionary, Pipeline]:
    """The configured pipeline with no classifier of its own: each mode puts in the one it trained."""
    settings = Settings.from_env()
    actors = ActorDictionary.load(settings.actors_path)
    return actors, Pipeline.from_settings(dataclasses.replace(settings, classifier_path=Path("/nonexistent")))


def _report(result: dict, records: list, rows_path: Path | None) -> int:  # type: ignore[type-arg]
    """Print the figures as one JSON line; with --rows, write the rows file in the gold file's order."""
    result.pop("over", None)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}))
    if rows_path:
        records.sort(key=lambda r: r["row"])
        with open(rows_path, "w", encoding="utf-8") as fh:
            for line in row_lines(records):
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
