"""Command: run — the whole pipeline over reports, then fusion, the situation report and the map page."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from frontwatch.cli.app import (
    EXIT_ENV,
    EXIT_USAGE,
    DbOption,
    GazetteerOption,
    QuietOption,
    app,
    check_map_output,
    console,
    err_console,
    fail,
    open_store,
    plain,
    settings,
    warn,
    warn_if_no_classifier,
    warn_undated,
)
from frontwatch.errors import FrontwatchError


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, feeds, JSON lines or http(s) URLs.")],
    db: DbOption = None,
    gazetteer: GazetteerOption = None,
    published: Annotated[str | None, typer.Option(help="Date for inputs that lack one (YYYY-MM-DD).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for inputs that lack one, e.g. a domain.")] = None,
    title: Annotated[str | None, typer.Option(help="Title for inputs that lack one.")] = None,
    language: Annotated[str | None, typer.Option(help="Language code, skipping detection (en, fa).")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on private or loopback networks.")] = False,
    max_bytes: Annotated[int | None, typer.Option(
        help="Reject inputs larger than this many bytes (env FRONTWATCH_MAX_BYTES; default 10000000).")] = None,
    map_out: Annotated[Path | None, typer.Option("--map", help="Write the map page to this HTML file.")] = None,
    as_of: Annotated[str | None, typer.Option(help="Date of the situation report (default: latest event).")] = None,
    fuse: Annotated[bool, typer.Option(help="Fuse claims into events and control after storing.")] = True,
    report: Annotated[bool, typer.Option(help="Print the situation report.")] = True,
    cluster: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")] = None,
    workers: Annotated[int | None, typer.Option(help="Start a local Dask cluster with N worker processes.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Run reports through the whole pipeline into the database, fuse them, print the situation report.

    Example:

        frontwatch run examples/ --map site/index.html

        frontwatch run report.txt --published 2021-08-21 --publisher example.org --db postgresql://localhost/fw

    A claim with no date in its text, from a report with no date (no --published, sidecar or feed date), stays a
    claim but makes no event: the run says how many were left out.

    Exit codes: 0 all inputs stored (or already there), 1 some inputs rejected (see `frontwatch rejects`),
    2 usage error, 3 gazetteer, model or database missing.
    """
    from frontwatch.ingest import Overrides

    try:
        pub = date.fromisoformat(published) if published else None
        report_day = date.fromisoformat(as_of) if as_of else None
    except ValueError as exc:
        raise fail(f"bad date: {exc}", hint="dates are YYYY-MM-DD, e.g. --published 2021-08-21") from exc
    if max_bytes is not None and max_bytes <= 0:
        raise fail(f"bad --max-bytes: {max_bytes}", hint="give a positive number of bytes, e.g. 10000000")
    if map_out is not None:  # before any work: the same rule as `frontwatch map`
        check_map_output(map_out, force=False, option="--map")
    cfg = settings(db, gazetteer).with_(max_bytes=max_bytes)
    overrides = Overrides(published=pub, publisher=publisher, title=title, language=language)
    store = open_store(cfg, create=True)
    warn_if_no_classifier(cfg)
    try:
        from frontwatch.session import Frontwatch

        fw = Frontwatch(cfg, store)
        progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} reports"),
            TimeElapsedColumn(), console=err_console, disable=quiet, transient=True,
        )
        with progress:
            task = progress.add_task("reading reports", total=None)

            def on_item(event: tuple[str, object, int]) -> None:
                kind, item, _ = event
                progress.advance(task)
                if kind == "rejected" and not quiet:
                    origin, detail = item.origin, item.detail  # type: ignore[attr-defined]
                    err_console.print(Text.assemble(("rejected", "yellow"), f" {origin}: {detail}"))
                elif kind == "stored" and not quiet:
                    for key, value in item.metadata:  # type: ignore[attr-defined]
                        if key == "warning":  # e.g. invalid UTF-8 bytes replaced: kept, but said
                            warn(f"{item.origin}: {value}")  # type: ignore[attr-defined]

            # The whole sequence (read, extract, store, fuse, report, map) is the Python API's; this prints it.
            outcome = fw.run(paths, overrides, fuse=fuse, report=report and fuse, as_of=report_day, map_out=map_out,
                             cluster=cluster, workers=workers, allow_private=allow_private, on_item=on_item,
                             on_stage=lambda stage: progress.update(task, description=stage))
        result = outcome.summary
        if not quiet:
            err_console.print(
                f"{result.stored} stored, {result.duplicates} already stored, {len(result.rejects)} rejected, "
                f"{result.claims} claims, in {result.seconds:.1f} s"
            )
        if outcome.undated and not quiet:
            warn_undated(outcome.undated)
        if outcome.report is not None:
            console.print(outcome.report)
        if outcome.map_path and not quiet:
            err_console.print(plain(f"map page written to {map_out} (open it in a browser)"))
        fw.close()
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    if result.rejects:
        raise typer.Exit(1)
    _ = EXIT_USAGE
