"""The Typer application and the options every command shares. Command modules register on these apps."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from frontwatch.config import Settings, db_url_problem, normalize_db_url
from frontwatch.errors import FrontwatchError

if TYPE_CHECKING:
    from frontwatch.store import Store

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
    try:
        s = Settings.from_env()
    except FrontwatchError as exc:  # a FRONTWATCH_ variable that cannot be read
        raise fail(exc.message, exc.hint) from exc
    return s.with_(db_url=normalize_db_url(db) if db else None, gazetteer_path=gazetteer)


def open_store(cfg: Settings, create: bool = False) -> Store:
    """The database of `cfg`. `create=False` (commands that only read): a SQLite file that is not there is an
    error with a hint, and nothing is created. Exit 2 for a URL no command can use, 3 for a database that cannot
    be opened."""
    problem = db_url_problem(cfg.db_url)
    if problem:
        raise fail(*problem)
    from frontwatch.store import Store

    try:
        return Store(cfg.db_url, create=create)
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc


def plain(value: object) -> Text:
    """User or derived text (titles, URLs, names, quotes, paths) for Rich: shown as it is, never read as markup
    or emoji codes, so a `[/]` in a title cannot crash the command."""
    return Text("" if value is None else str(value))


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> typer.Exit:
    err_console.print(Text.assemble(("error:", "bold red"), " ", message))
    if hint:
        err_console.print(Text.assemble("  ", ("hint:", "yellow"), " ", hint))
    return typer.Exit(code)


def warn(message: str, hint: str | None = None) -> None:
    err_console.print(Text.assemble(("warning:", "bold yellow"), " ", message))
    if hint:
        err_console.print(Text.assemble("  ", ("hint:", "yellow"), " ", hint))


def warn_if_no_classifier(cfg: Settings) -> None:
    """Without the trained classifier event types come from the trigger word list alone: say so, and how to build
    it, rather than give weaker results silently."""
    if not cfg.classifier_path.exists():
        warn(f"no event classifier at {cfg.classifier_path}: event types come from the trigger word list alone "
             "(less accurate)",
             hint="build it with `make setup`, or `frontwatch train --data "
             f"../shared/data/event-types-case2021/snippets.jsonl --out {cfg.classifier_path}` "
             "(FRONTWATCH_CLASSIFIER names another file)")


def warn_undated(n: int) -> None:
    warn(f"{n} event claim{'s' if n != 1 else ''} left out of events: no date in the text and none on the report",
         hint="date reports as you add them: --published YYYY-MM-DD, or a <name>.meta.json sidecar with "
         "\"published\" (a report already stored keeps the metadata it was stored with)")


def check_output(out: Path, force: bool, example: str) -> None:
    """Refuse, before any work, an --out that cannot be written or would overwrite a file without --force."""
    if out.is_dir():
        raise fail(f"--out {out} is a folder", hint=f"name a file in it, e.g. --out {out / example}")
    if not out.parent.is_dir():
        raise fail(f"--out {out}: the folder {out.parent} does not exist",
                   hint=f"create it first (mkdir -p {out.parent}) or choose another --out")
    if out.exists() and not force:
        raise fail(f"--out {out} already exists", hint="pass --force to overwrite it, or choose another --out")


ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite the --out file if it exists.")]


def check_map_output(out: Path, force: bool, option: str = "OUT") -> None:
    """Refuse, before any work, to write the map page over a file that is not a map page Frontwatch wrote
    (its own earlier output is rewritten freely: `make run` does so on each run)."""
    from frontwatch.publish.map import is_own_page

    if out.is_dir():
        raise fail(f"{option} {out} is a folder", hint=f"name a file in it, e.g. {out / 'index.html'}")
    if out.exists() and not force and not is_own_page(out):
        how = ("pass --force to overwrite it" if option == "OUT"
               else f"or run without {option} and then `frontwatch map {out} --force`")
        raise fail(f"{out} exists and is not a map page Frontwatch wrote; it was left as it is",
                   hint=f"choose another file name, {how}")
