"""Commands: ingest, docs, show, rejects."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from frontwatch.cli.app import (
    DbOption,
    QuietOption,
    app,
    console,
    err_console,
    fail,
    open_store,
    plain,
    settings,
    warn,
)
from frontwatch.errors import FrontwatchError
from frontwatch.model import Reject


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, feeds, JSON lines or http(s) URLs.")],
    db: DbOption = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD); overrides the inputs'.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher, e.g. a domain; overrides the inputs'.")] = None,
    title: Annotated[str | None, typer.Option(help="Title; overrides the inputs'.")] = None,
    language: Annotated[str | None, typer.Option(help="Language code (en, fa); overrides detection.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on private or loopback networks.")] = False,
    max_bytes: Annotated[int | None, typer.Option(help="Reject inputs larger than this many bytes.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Read reports and store them, without extracting claims (a later `frontwatch run` finishes them).

    Example:

        frontwatch ingest examples/

        frontwatch ingest report.txt --published 2021-08-21 --publisher example.org

        frontwatch ingest http://127.0.0.1:8000/feed.rss --allow-private --max-bytes 2000000

    Prints one line per input: stored, already stored, or rejected with the reason (also kept in the
    rejects table: `frontwatch rejects`). A plain-text report may have a sidecar `<name>.meta.json`; a sidecar
    that is not valid JSON rejects its report (its date or publisher would otherwise be silently wrong).
    Exit code 1 when some inputs were rejected (the others are stored), 0 when all were stored or already
    there, 2 on a usage error.
    """
    from frontwatch.ingest import Overrides, expand_paths, iter_inputs

    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise fail(f"bad --published date: {published}", hint="use YYYY-MM-DD, e.g. 2021-08-21") from exc
    if max_bytes is not None and max_bytes <= 0:
        raise fail(f"bad --max-bytes: {max_bytes}", hint="give a positive number of bytes, e.g. 10000000")
    cfg = settings(db).with_(max_bytes=max_bytes)
    store = open_store(cfg, create=True)
    stored = dup = rejected = 0
    files = list(expand_paths(paths))  # known up front so the bar has a total
    overrides = Overrides(pub, publisher, title, language)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err_console, disable=quiet, transient=True)
    with progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            # One transaction per document, committed before its line is printed: a kill loses nothing reported.
            for item in iter_inputs([path], cfg, overrides, allow_private):
                if isinstance(item, Reject):
                    store.add_reject(item)
                    rejected += 1
                    if not quiet:
                        print(f"rejected {item.origin}: {item.detail}", flush=True)
                elif store.add_document(item, None):
                    stored += 1
                    if not quiet:  # one plain line per input, never wrapped: scripts and tests read these
                        print(f"stored {item.document_id[:12]} {item.origin}", flush=True)
                        for key, value in item.metadata:
                            if key == "warning":  # e.g. invalid UTF-8 bytes replaced: kept, but said
                                warn(f"{item.origin}: {value}")
                else:
                    dup += 1
                    if not quiet:
                        print(f"already stored {item.document_id[:12]} {item.origin}", flush=True)
            progress.advance(task)
    store.close()
    if not quiet:
        err_console.print(f"{stored} stored, {dup} already stored, {rejected} rejected")
    if rejected:
        raise typer.Exit(1)


@app.command()
def docs(db: DbOption = None, limit: Annotated[int | None, typer.Option(help="Show at most N.")] = None) -> None:
    """List stored reports.

    Example:

        frontwatch docs --limit 20
    """
    store = open_store(settings(db))
    table = Table("id", "published", "publisher", "lang", "format", "title", "origin", "note")
    for d in store.documents(limit):
        note = "; ".join(v for k, v in d.metadata if k == "warning")  # e.g. invalid UTF-8 bytes replaced
        table.add_row(*map(plain, (d.document_id[:12], d.published, d.publisher, d.language, d.format,
                                   (d.title or "")[:60], d.origin[-50:], note[:80])))
    console.print(table)
    store.close()


@app.command()
def show(doc: Annotated[str, typer.Argument(help="Document id or a unique prefix.")], db: DbOption = None) -> None:
    """Show one stored report: metadata, text, and the promo/navigation lines removed from it.

    Example:

        frontwatch show 3f2a9c
    """
    store = open_store(settings(db))
    try:
        d = store.document(doc)
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint) from exc
    if d is None:
        raise fail(f"no document {doc!r}", hint="list ids with `frontwatch docs`")
    fields = [(key, getattr(d, key)) for key in ("document_id", "title", "publisher", "published", "language",
                                                 "format", "origin", "url")]
    for k, v in [*fields, *d.metadata]:
        console.print(Text.assemble((f"{k}:", "bold"), " ", str(v or "")))
    console.rule("text")
    console.print(d.text, markup=False, emoji=False, highlight=False)
    if d.removed_lines:
        console.rule("removed lines")
        for line in d.removed_lines:
            console.print(f"- {line}", markup=False, emoji=False, highlight=False)
    store.close()


@app.command()
def rejects(db: DbOption = None) -> None:
    """List inputs that were rejected, with the reason and how to fix it: each input and reason once, with the
    time it was last seen (re-running the same inputs adds no new lines).

    Example:

        frontwatch rejects
    """
    store = open_store(settings(db))
    table = Table("last seen", "times", "reason", "input", "detail")
    for r in store.rejects():
        table.add_row(*map(plain, (f"{r.at:%Y-%m-%d %H:%M}" if r.at else "", str(r.seen), r.reason, r.origin,
                                   r.detail)))
    console.print(table)
    store.close()
