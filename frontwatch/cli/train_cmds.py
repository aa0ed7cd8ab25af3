"""Commands: train (the event sub-type classifier), eval events, eval control, eval articles."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from frontwatch.cli.app import (
    EXIT_ENV,
    GazetteerOption,
    QuietOption,
    app,
    console,
    err_console,
    eval_app,
    fail,
    plain,
    settings,
    warn,
    warn_if_no_classifier,
)
from frontwatch.errors import FrontwatchError


@app.command()
def train(
    data: Annotated[list[Path] | None, typer.Option(
        "--data", help="Labelled snippets (JSONL: text, sub_event_type); repeat for several files.")] = None,
    acled: Annotated[list[Path] | None, typer.Option(
        "--acled", help="ACLED rows (JSONL or CSV) whose notes train too, each note once with its rows' sub-type; "
                        "repeatable; needs --years.")] = None,
    years: Annotated[str | None, typer.Option(
        help="The --acled rows to train on by event_date, FIRST-LAST (e.g. 2004-2015): keep held-out years out.")
    ] = None,
    out: Annotated[Path, typer.Option(help="Where to write the model.")] = Path("var/event-classifier.pkl"),
    folds: Annotated[int, typer.Option(help="Cross-validation folds for the reported figures.")] = 5,
    seed: Annotated[int, typer.Option(help="Random seed: same data and seed give the same model.")] = 0,
    quiet: QuietOption = False,
) -> None:
    """Train the event sub-type classifier, report its cross-validated figures, and save it.

    Example:

        frontwatch train --data ../shared/data/event-types-case2021/snippets.jsonl --out var/event-classifier.pkl

        frontwatch train --data ../shared/data/event-types-case2021/snippets.jsonl \
          --acled ../shared/data/acled-kenya/acled-kenya-2004-2018.jsonl --years 2004-2015
    """
    from frontwatch.evaluation import parse_years
    from frontwatch.extract.classify import (
        EventClassifier,
        cross_validate,
        data_hash,
        macro_f1,
        read_acled_notes,
        read_snippets,
    )

    if not data and not acled:
        raise fail("nothing to train on", hint="give --data (CASE snippets) and/or --acled with --years")
    if acled and years is None:
        raise fail("--acled needs --years", hint="e.g. --years 2004-2015, so that held-out years stay unseen")
    try:
        span = parse_years(years) if years is not None else None
    except ValueError as exc:
        raise fail(str(exc), hint="e.g. --years 2004-2015") from exc
    texts: list[str] = []
    labels: list[str] = []
    sources: list[dict[str, Any]] = []
    for f in [*(data or []), *(acled or [])]:
        if not f.exists():
            raise fail(f"no such file: {f}", hint="the CASE snippets are in ../shared/data/event-types-case2021/")
    for f in data or []:
        t, lab = read_snippets(f)
        texts += t
        labels += lab
        sources.append({"data": str(f), "sha256": data_hash(f), "n": len(t)})
    for f in acled or []:
        assert span is not None
        t, lab = read_acled_notes(f, span)
        texts += t
        labels += lab
        sources.append({"acled": str(f), "sha256": data_hash(f), "years": list(span), "n": len(t)})
    # ACLED's notes (after the snippets) teach which event, the snippets alone whether there is one.
    gate_n = sum(s["n"] for s in sources if "data" in s) if acled and data else None
    with err_console.status("cross-validating…") if not quiet else _Null():
        held_out = cross_validate(texts, labels, folds, seed, gate_n)
    cv = {"folds": folds, "sub_event_type_acc": sum(a == b for a, b in zip(labels, held_out, strict=True))
          / len(labels), "macro_f1": macro_f1(labels, held_out)}
    clf = EventClassifier.train(texts, labels, seed, gate_n)
    # `data_sha256` names the first file, which `eval events --classifier` refuses to score (it was trained on it).
    clf.meta.update({"data": sources[0].get("data") or sources[0]["acled"], "data_sha256": sources[0]["sha256"],
                     "sources": sources, "cv": cv})
    clf.save(out)
    if not quiet:
        console.print(plain(f"{len(texts)} snippets; {folds}-fold CV: sub-type accuracy "
                            f"{cv['sub_event_type_acc']:.3f}, macro-F1 {cv['macro_f1']:.3f}; model written to {out}"))


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> None:
        return None


def _events_plan(files: list[Path], years: list[str] | None, rows_out: Path | None
                 ) -> tuple[list[tuple[int, int]], list[tuple[Path, list[dict[str, Any]]]]]:
    """The --years splits and each file's rows, after checking that the options fit the files."""
    from frontwatch.evaluation import parse_years, select_rows
    from frontwatch.extract.evaluate import is_acled, read_rows

    try:
        spans = [parse_years(y) for y in years or []]
    except ValueError as exc:
        raise fail(str(exc), hint="e.g. --years 2004-2015 --years 2016-2018") from exc
    for f in files:
        if not f.exists():
            raise fail(f"no such file: {f}")
    tables = [(f, read_rows(f)) for f in files]
    acled_runs = sum(len(spans) or 1 for _, rows in tables if is_acled(rows))
    if (spans or rows_out) and acled_runs == 0:
        raise fail("--years and --rows apply to ACLED-format rows, and none of the files has them",
                   hint="pass a file whose rows have `notes` and `event_date`")
    if rows_out is not None and acled_runs != 1:
        raise fail(f"--rows writes one file of rows, but {acled_runs} ACLED scorings were asked for",
                   hint="give one ACLED file and at most one --years")
    for f, rows in tables:
        for span in spans if is_acled(rows) else []:
            if not select_rows(rows, span):
                raise fail(f"{f.name}: no row has an event_date in {span[0]}-{span[1]}",
                           hint="check the years against the file's dates")
    return spans, tables


def _trained_years(pipeline: Any, f: Path) -> list[tuple[int, int]]:
    """The years of `f`'s rows the pipeline's classifier was trained on (by the file's hash), if any."""
    from frontwatch.extract.classify import data_hash

    model = getattr(getattr(pipeline, "extractor", None), "classifier", None)
    sources = (getattr(model, "meta", None) or {}).get("sources") or []
    acled = [s for s in sources if s.get("years") and "acled" in s]
    if not acled:
        return []
    digest = data_hash(f)
    return [(int(s["years"][0]), int(s["years"][1])) for s in acled if s.get("sha256") == digest]


def _score_acled(f: Path, rows: list[dict[str, Any]], spans: list[tuple[int, int]], pipeline: Any, actors: Any,
                 progress: Progress, rows_out: Path | None) -> list[dict[str, Any]]:
    """One ACLED file, once per --years split (or whole); the --rows file written when asked."""
    from frontwatch.evaluation import evaluate_acled, row_lines, select_rows

    results = []
    trained = _trained_years(pipeline, f)
    for span in spans or [None]:
        chosen = select_rows(rows, span)
        name = f.name if span is None else f"{f.name}[{span[0]}-{span[1]}]"
        overlap = [t for t in trained if span is None or (t[0] <= span[1] and span[0] <= t[1])]
        if overlap:
            # Types of these rows come from a classifier that read their notes: a figure of memory, not of skill.
            warn(f"{name}: the event classifier was trained on this file's notes of {overlap[0][0]}-{overlap[0][1]}; "
                 "its type figures on these rows are in-sample",
                 hint="score years it was not trained on (make setup trains on 2004-2015) for an honest figure")
        task = progress.add_task("", total=len(chosen))
        started = time.perf_counter()
        r, records = evaluate_acled(rows, pipeline, actors, chosen, lambda t=task: progress.advance(t))
        r["seconds_per_row"] = round((time.perf_counter() - started) / len(chosen), 4)
        results.append({"file": name, **r, **({"classifier_in_sample": True} if overlap else {})})
        if rows_out is not None:
            rows_out.parent.mkdir(parents=True, exist_ok=True)
            with open(rows_out, "w", encoding="utf-8") as fh:
                for line in row_lines(records):
                    fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return results


@eval_app.command("events")
def eval_events(
    files: Annotated[list[Path], typer.Argument(help="CASE-style snippets or ACLED-format rows (JSONL or CSV).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    floors: Annotated[Path | None, typer.Option(help="JSON floors; exit 1 if a figure falls below.")] = None,
    folds: Annotated[int, typer.Option(help="Cross-validation folds for snippets.")] = 5,
    classifier: Annotated[Path | None, typer.Option(
        help="Score snippets with this trained classifier instead of cross-validating (a held-out split; refused "
             "if it was trained on the same file).")] = None,
    years: Annotated[list[str] | None, typer.Option(
        "--years", help="ACLED rows: score only the rows whose event_date falls in FIRST-LAST (e.g. 2004-2015); "
                        "repeat for several splits, each scored and floored on its own as FILE[FIRST-LAST].")] = None,
    rows_out: Annotated[Path | None, typer.Option(
        "--rows", help="ACLED rows: write one JSON line per scored row (gold row, the system's answer under "
                       "ACLED's field names or null, per-figure hits) in the file's order. One ACLED file and "
                       "split only. Never commit it when made from ACLED data.")] = None,
    gazetteer: GazetteerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Event typing and attribute accuracy: cross-validated on labelled snippets, field by field on ACLED rows
    (the system's own answer: the note's fused events, best first; `oracle_*` figures score the claim the gold
    label picks, for comparison).

    Example:

        frontwatch eval events ../shared/data/event-types-case2021/snippets.jsonl tests/data/acled-sample.jsonl

        frontwatch eval events ../shared/data/acled-kenya/acled-kenya-2004-2018.jsonl --years 2004-2015 \
          --rows var/kenya-dev-rows.jsonl

        frontwatch eval events tests/data/case-heldout.jsonl --classifier var/event-classifier.pkl
    """
    from frontwatch.annotate import load_nlp
    from frontwatch.extract import ActorDictionary
    from frontwatch.extract.evaluate import check_floors, evaluate_snippets, evaluate_split, is_acled

    spans, tables = _events_plan(files, years, rows_out)
    cfg = settings(gazetteer=gazetteer)
    actors = ActorDictionary.load(cfg.actors_path)
    nlp = load_nlp()
    pipeline = None
    results = []
    for f, rows in tables:
        with Progress(TextColumn(escape(f.name)), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, disable=quiet or as_json, transient=True) as progress:
            if is_acled(rows):
                from frontwatch.pipeline import Pipeline

                if pipeline is None:
                    warn_if_no_classifier(cfg)
                    try:
                        pipeline = Pipeline.from_settings(cfg)
                    except FrontwatchError as exc:
                        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
                results.extend(_score_acled(f, rows, spans, pipeline, actors, progress, rows_out))
                continue
            if spans:
                raise fail(f"--years applies to ACLED rows; {f} holds snippets", hint="score it in a separate run")
            if classifier is not None:
                from frontwatch.extract.classify import EventClassifier, data_hash

                try:
                    model = EventClassifier.load(classifier)
                except FrontwatchError as exc:
                    raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
                if model.meta.get("data_sha256") == data_hash(f):
                    raise fail(f"{classifier} was trained on {f}: scoring it there would measure memory",
                               hint="leave out --classifier to cross-validate, or score another file")
                r = evaluate_split(rows, nlp, actors, model)
            else:
                task = progress.add_task("", total=folds)
                r = evaluate_snippets(rows, nlp, actors, folds, progress=lambda t=task: progress.advance(t))
        results.append({"file": f.name, **r})
    if as_json:
        for r in results:
            print(json.dumps(r))
    else:
        for r in results:
            _print_result(r)
    if floors:
        failures = [line for r in results for line in check_floors(r, json.loads(floors.read_text()))]
        for line in failures:
            err_console.print(Text.assemble(("below floor:", "red"), f" {line}"))
        if failures:
            raise typer.Exit(1)


@eval_app.command("control")
def eval_control(
    files: Annotated[list[Path], typer.Argument(help="ACLED-format rows (JSONL or CSV), or CASE-style snippets.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    floors: Annotated[Path | None, typer.Option(
        help="JSON floors per file name; a key ending in _max is a ceiling (e.g. province_holdings_max). "
             "Exit 1 if a figure falls outside.")] = None,
    changes: Annotated[Path | None, typer.Option(
        help="Write JSONL for error analysis: per territorial row the kind of miss and the steps and claims of its "
             "note; per new holding whether a row matches it (snippets: each one that moves a unit or is "
             "territorial).")] = None,
    gazetteer: GazetteerOption = None,
    quiet: QuietOption = False,
) -> None:
    """The control timeline against ACLED's territorial rows: every note fed as a report dated by its event_date,
    fused into one timeline; recall (a step of the right unit within ±2 days to the right side), precision (the
    timeline's new district holdings that match a territorial row), province-level holdings. On CASE snippets
    (no dates, places or actors), each snippet alone: how many territorial ones move a unit, how many others do.
    See docs/control.md.

    Example:

        frontwatch eval control ../shared/data/acled-kenya/acled-kenya-2004-2018.jsonl

        frontwatch eval control tests/data/control-rows.jsonl --floors eval/floors-control.json
    """
    from frontwatch.evaluation import evaluate_control, evaluate_control_snippets
    from frontwatch.extract import ActorDictionary, Extractor
    from frontwatch.extract.evaluate import is_acled, read_rows
    from frontwatch.fuse import ControlRules
    from frontwatch.pipeline import Pipeline

    for f in files:
        if not f.exists():
            raise fail(f"no such file: {f}", hint="give a JSONL or CSV file of ACLED rows or CASE snippets")
    cfg = settings(gazetteer=gazetteer)
    actors = ActorDictionary.load(cfg.actors_path)
    rules = ControlRules.from_settings(cfg)
    try:
        pipeline = Pipeline.from_settings(cfg)
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    if changes is not None and (changes.is_dir() or not changes.parent.is_dir()):
        raise fail(f"--changes {changes}: not a file in an existing folder",
                   hint="name a file in an existing folder, e.g. --changes /tmp/control-changes.jsonl")
    results, details = [], []
    for f in files:
        rows = read_rows(f)
        mine: list[dict] = []
        with Progress(TextColumn(escape(f.name)), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, disable=quiet or as_json, transient=True) as progress:
            task = progress.add_task("", total=len(rows))
            if is_acled(rows):
                warn_if_no_classifier(cfg)
                r = evaluate_control(rows, pipeline, actors, rules, lambda t=task: progress.advance(t), mine)
            else:
                # The classifier is trained on CASE snippets: scoring them with it would measure memory.
                lexicon_only = dataclasses.replace(pipeline, extractor=Extractor(actors))
                r = evaluate_control_snippets(rows, lexicon_only, rules, lambda t=task: progress.advance(t), mine)
        results.append({"file": f.name, **r})
        details.extend({"file": f.name, **d} for d in mine)
    if changes:
        changes.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in details), "utf-8")
    for r in results:
        if as_json:
            print(json.dumps(r))
        else:
            table = Table("figure", "value", title=plain(f"{r['file']} ({r['n']} territorial)"), title_justify="left")
            for k, v in r.items():
                if k != "file":
                    table.add_row(k, "—" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v))
            console.print(table)
    if floors:
        failures = [line for r in results for line in control_floor_failures(r, json.loads(floors.read_text()))]
        for line in failures:
            err_console.print(Text.assemble(("below floor:", "red"), f" {line}"))
        if failures:
            raise typer.Exit(1)


@eval_app.command("articles")
def eval_articles(
    gold: Annotated[Path, typer.Argument(help="Gold file: one article a line, with its coded events "
                                             "(see eval/ARTICLES.md).")],
    data: Annotated[Path, typer.Option("--data", help="Directory holding the articles' dataset files "
                                                      "(JSON lines, gzipped or not: id, text).")],
    as_json: Annotated[bool, typer.Option("--json", help="The figures as one JSON object.")] = False,
    floors: Annotated[Path | None, typer.Option(
        help="JSON floors by gold file name; a key ending in _max is a ceiling (e.g. false_alarms_max). "
             "Exit 1 if a figure falls outside.")] = None,
    rows_out: Annotated[Path | None, typer.Option(
        "--rows", help="Write one JSON line per gold event (its match and the system's event or null, the miss "
                       "kind), then one per unmatched system event.")] = None,
    gazetteer: GazetteerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Whole news articles against events coded by hand: every article run as `frontwatch run` reads a report (with
    its date), all fused together, the events matched one-to-one to the gold events (same type, place within 25 km
    or same admin2, day ± 1; also by type alone and by place alone, within the same article). Precision, recall,
    the fields of matched events, false alarms from the articles that report no violence, misses by kind.

    Example:

        frontwatch eval articles eval/articles-gold.jsonl --data ../shared/data/geoparse-dev

        frontwatch eval articles eval/articles-gold.jsonl --data ../shared/data/geoparse-dev \\
          --floors eval/floors-articles.json --rows var/articles-rows.jsonl
    """
    from frontwatch.evaluation import evaluate_articles, load_articles, read_article_gold
    from frontwatch.extract import ActorDictionary
    from frontwatch.fuse import ControlRules
    from frontwatch.pipeline import Pipeline

    if not gold.exists():
        raise fail(f"no such file: {gold}", hint="give a gold file such as eval/articles-gold.jsonl")
    if not data.is_dir():
        raise fail(f"no such directory: {data}", hint="--data is the directory of the dataset files the gold "
                                                      "names, e.g. ../shared/data/geoparse-dev")
    try:
        articles = read_article_gold(gold)
        texts = load_articles(articles, data)
    except ValueError as exc:
        raise fail(str(exc), hint="each line: {\"id\", \"dataset\", \"published\": \"YYYY-MM-DD\", "
                                  "\"events\": [...]}, see eval/ARTICLES.md") from exc
    except LookupError as exc:
        raise fail(str(exc), hint="check --data and the gold's dataset and id fields") from exc
    cfg = settings(gazetteer=gazetteer)
    actors = ActorDictionary.load(cfg.actors_path)
    try:
        pipeline = Pipeline.from_settings(cfg)
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    warn_if_no_classifier(cfg)
    with Progress(TextColumn(escape(gold.name)), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, disable=quiet or as_json, transient=True) as progress:
        task = progress.add_task("", total=len(articles))
        try:
            r, records = evaluate_articles(articles, texts, pipeline, actors, cfg, ControlRules.from_settings(cfg),
                                           lambda: progress.advance(task))
        except ValueError as exc:
            raise fail(str(exc), hint="the articles must be readable reports; see `frontwatch rejects` for the "
                                      "reasons and fix the dataset file") from exc
    result = {"file": gold.name, **r}
    if rows_out is not None:
        rows_out.parent.mkdir(parents=True, exist_ok=True)
        with open(rows_out, "w", encoding="utf-8") as fh:
            for line in records:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    if as_json:
        print(json.dumps(result))
    else:
        table = Table("figure", "value", title=plain(f"{gold.name} ({r['articles']} articles, "
                                                     f"{r['gold_events']} gold events)"), title_justify="left")
        for k, v in result.items():
            if k == "misses":
                for kind, n in v.items():
                    table.add_row(f"missed: {kind}", str(n))
            elif k != "file":
                table.add_row(k, "—" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v))
        console.print(table)
    if floors:
        failures = control_floor_failures(result, json.loads(floors.read_text()))
        for line in failures:
            err_console.print(Text.assemble(("below floor:", "red"), f" {line}"))
        if failures:
            raise typer.Exit(1)


def control_floor_failures(result: dict, floors: dict[str, dict[str, float]]) -> list[str]:
    """Figures below their floor (`key`) or above their ceiling (`key_max`) for the result's file."""
    out = []
    for key, bound in floors.get(result["file"], {}).items():
        metric = key.removesuffix("_max")
        value = result.get(metric)
        if value is None:
            out.append(f"{result['file']}: {metric} missing")
        elif (value > bound) if key.endswith("_max") else (value < bound):
            out.append(f"{result['file']}: {metric} = {value}, {'ceiling' if key.endswith('_max') else 'floor'} "
                       f"{bound}")
    return out


def _print_result(r: dict) -> None:
    over = r.get("over") or {}
    table = Table("figure", "value", *(["over rows"] if over else []), title=plain(f"{r['file']} ({r['n']} rows)"),
                  title_justify="left")
    for k, v in r.items():
        if k == "seconds_per_row":
            table.add_row(k, f"{v:.4f}", *([""] if over else []))
        elif isinstance(v, float):
            table.add_row(k, f"{v:.3f}", *([str(over.get(k, ""))] if over else []))
        elif isinstance(v, dict) and k != "over":
            for k2, v2 in v.items():
                table.add_row(f"{k}.{k2}", f"{v2:.3f}")
    console.print(table)
    if r.get("confusions"):
        conf = Table("gold", "predicted", "n", title="Top confusions", title_justify="left")
        for c in r["confusions"]:
            conf.add_row(plain(c["gold"]), plain(c["predicted"]), str(c["n"]))
        console.print(conf)
