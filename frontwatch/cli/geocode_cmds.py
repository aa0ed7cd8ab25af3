"""Commands: gazetteer build / info, geocode, eval geoparse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

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
    gazetteer_app,
    plain,
    settings,
)
from frontwatch.errors import FrontwatchError


@gazetteer_app.command("build")
def gazetteer_build(
    data: Annotated[Path | None, typer.Option(help="Data folder with GeoNames files (env FRONTWATCH_DATA).")] = None,
    out: Annotated[Path, typer.Option(help="Index file to write.")] = Path("var/gazetteer.sqlite"),
    geonames: Annotated[list[Path] | None, typer.Option(help="geoname-table dump(s), e.g. allCountries.txt")] = None,
    quiet: QuietOption = False,
) -> None:
    """Build the embedded gazetteer index from GeoNames-format files (plus boundaries and extra names if present).

    Example:

        frontwatch gazetteer build --data ../shared/data --out var/gazetteer.sqlite

        frontwatch gazetteer build --data data --geonames data/allCountries.txt
    """
    from frontwatch.geocode import Sources, build_gazetteer

    folder = data or settings().data_dir
    sources = Sources.from_data_dir(folder)
    if geonames:
        sources.geonames = list(geonames)
    if not sources.geonames:
        raise fail(
            f"no GeoNames dump found under {folder}",
            hint="download cities500.zip from https://download.geonames.org/export/dump/ (see README, Data) or pass "
            "--geonames FILE",
        )
    with err_console.status("building the gazetteer index…", spinner="dots") if not quiet else _null():
        meta = build_gazetteer(sources, out)
    if not quiet:
        console.print(plain(f"{out}: {meta['places']} places, {meta['names']} name keys, {meta['boundaries']} "
                            f"boundaries, {meta['bytes'] / 1e6:.0f} MB, built in {meta['build_seconds']} s"))


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> None:
        return None


@gazetteer_app.command("info")
def gazetteer_info(gazetteer: GazetteerOption = None) -> None:
    """Show what the index was built from, and its size.

    Example:

        frontwatch gazetteer info
    """
    from frontwatch.geocode import Gazetteer

    try:
        g = Gazetteer.open(settings(gazetteer=gazetteer).gazetteer_path)
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    console.print_json(json.dumps(g.info()))


@app.command()
def geocode(
    text: Annotated[str, typer.Argument(help="Text to find places in.")],
    explain: Annotated[bool, typer.Option(help="Show every candidate and its score parts.")] = False,
    gazetteer: GazetteerOption = None,
) -> None:
    """Find and resolve the places in a text; `--explain` shows why each place was chosen.

    Example:

        frontwatch geocode "Fighting raged in Arghandab district of Kandahar province" --explain
    """
    from frontwatch.annotate import load_nlp
    from frontwatch.geocode import Gazetteer, Geoparser

    try:
        parser = Geoparser(Gazetteer.open(settings(gazetteer=gazetteer).gazetteer_path))
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    rows = parser.explain(text, load_nlp()(text))
    table = Table("mention", "how", "place", "feature", "country", "admin1", "admin2", "lat, lon", "score")
    for r in rows:
        p = r["chosen"]
        table.add_row(*map(plain, (
            r["text"], r["method"] + (f" ({r['cue']})" if r["cue"] else ""), p.name if p else "—",
            p.feature_code if p else "", p.country or "" if p else "", (p.admin1 or "") if p else "",
            (p.admin2_code or "") if p else "", f"{p.lat:.3f}, {p.lon:.3f}" if p and p.lat else "",
            f"{r['score']:.1f}" if r["score"] else "")))
    console.print(table)
    if explain:
        for r in rows:
            console.print(Text.assemble((r["text"], "bold"), " candidates:"))
            for c in r["candidates"]:
                console.print(plain(f"  {c['score']:6.2f}  {c['name']} ({c['feature']}, {c['country']} "
                                    f"{c['admin1'] or ''} {c['admin2'] or ''}, pop {c['population']})  {c['parts']}"))


@eval_app.command("geoparse")
def eval_geoparse(
    files: Annotated[list[Path], typer.Argument(help="Gold JSONL files (optionally .gz).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per file.")] = False,
    floors: Annotated[Path | None, typer.Option(help="JSON floors; exit 1 if a figure falls below.")] = None,
    gold_spans: Annotated[bool, typer.Option(help="Only report resolution of the gold spans.")] = False,
    gazetteer: GazetteerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Toponym recognition P/R/F1 and resolution accuracy@161 km, mean/median error, AUC — per file.

    Example:

        frontwatch eval geoparse ../shared/data/geoparse-dev/trnews.jsonl.gz --floors eval/floors-geoparse.json
    """
    from frontwatch.annotate import load_nlp
    from frontwatch.geocode import Gazetteer, Geoparser
    from frontwatch.geocode.evaluate import check_floors, evaluate_file, read_gold

    try:
        parser = Geoparser(Gazetteer.open(settings(gazetteer=gazetteer).gazetteer_path))
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    nlp = load_nlp()
    results = []
    for f in files:
        if not f.exists():
            raise fail(f"no such file: {f}", hint="the dev corpora are in ../shared/data/geoparse-dev/")
        n = sum(1 for _ in read_gold(f))
        with Progress(TextColumn(escape(f.name)), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err_console, disable=quiet or as_json, transient=True) as progress:
            task = progress.add_task("", total=n)
            results.append(evaluate_file(f, parser, nlp, lambda t=task: progress.advance(t)))
    if as_json:
        for r in results:
            print(json.dumps(r))
    else:
        table = Table("file", "articles", "toponyms", "P", "R", "F1", "acc@161", "mean km", "median km", "AUC",
                      "gold-span acc@161", "gold-span AUC", title="Geoparsing")
        for r in results:
            rec, res, gs = r["recognition"], r["resolution"], r["gold_spans_resolution"]
            cells = [f"{rec['precision']:.3f}", f"{rec['recall']:.3f}", f"{rec['f1']:.3f}", f"{res['acc_161']:.3f}",
                     f"{res['mean_km']:.0f}", f"{res['median_km']:.0f}", f"{res['auc']:.3f}"]
            if gold_spans:
                cells = ["", "", "", "", "", "", ""]
            table.add_row(plain(r["file"]), str(r["articles"]), str(r["toponyms"]), *cells, f"{gs['acc_161']:.3f}",
                          f"{gs['auc']:.3f}")
        console.print(table)
    if floors:
        failures = [line for r in results for line in check_floors(r, json.loads(floors.read_text()))]
        for line in failures:
            err_console.print(Text.assemble(("below floor:", "red"), f" {line}"))
        if failures:
            raise typer.Exit(1)
