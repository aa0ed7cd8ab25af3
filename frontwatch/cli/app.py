"""The Typer application and the options every command shares. Command modules register on these apps."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from frontwatch.config import Settings, normalize_db_url

app = typer.Typer(
    name="frontwatch",
    help="Turn conflict reports into sourced, geocoded events and a district control map.\n\n"
    "Example:\n\n    frontwatch run examples/ --published 2021-08-21",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Build and inspect the embedded gazetteer index.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure accuracy against labelled data.", no_args_is_help=True)
export_app = typer.Typer(help="Export events or control as JSONL, CSV, GeoJSON or JSON.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(eval_app, name="eval")
app.add_typer(export_app, name="export")

# Piped into a log (CI, cron), Rich would cut tables to 80 columns; figures must stay readable there.
_PIPED_WIDTH = None if sys.stdout.isatty() or "COLUMNS" in os.environ else 140
console = Console(width=_PIPED_WIDTH)
err_console = Console(stderr=True)

# Exit codes: 0 all good, 1 some inputs rejected (partial success), 2 usage error, 3 environment missing
# (gazetteer, model, database unreachable).
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_ENV = 0, 1, 2, 3

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (env FRONTWATCH_DB). Default: ./frontwatch.db"),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or chatter.")]
GazetteerOption = Annotated[
    Path | None,
    typer.Option("--gazetteer", help="Gazetteer index (env FRONTWATCH_GAZETTEER). Default: var/gazetteer.sqlite"),
]


def settings(db: str | None = None, gazetteer: Path | None = None) -> Settings:
    s = Settings.from_env()
    return s.with_(db_url=normalize_db_url(db) if db else None, gazetteer_path=gazetteer)


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}")
    if hint:
        err_console.print(f"  [yellow]hint:[/] {hint}")
    return typer.Exit(code)
