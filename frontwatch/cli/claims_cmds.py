"""Command: claims — list the extracted claims in the database, as a table or JSON lines."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from frontwatch.cli.app import EXIT_USAGE, DbOption, app, console, fail, open_store, plain, settings
from frontwatch.errors import FrontwatchError
from frontwatch.model import Claim


class ClaimFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _place(claim: Claim) -> str:
    for m in claim.places:
        p = m.place
        if p is None:
            return f"{m.span.text} (unresolved)"
        return f"{p.name} [{p.admin2_code or p.admin1_code or p.country or '?'}]"
    return "—"


def _table(claims: list[Claim]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for col in (
        "doc",
        "type / sub-type",
        "trigger",
        "actor1",
        "actor2",
        "place",
        "date",
        "counts",
        "certainty",
        "sources",
    ):
        table.add_column(col, overflow="fold")
    for c in claims:
        a1, a2 = c.actor("actor1"), c.actor("actor2")
        date = (
            "—" if c.time is None else (str(c.time.low) if c.time.low == c.time.high else f"{c.time.low}…{c.time.high}")
        )
        counts = ", ".join(f"{k.what.value} {k.qualifier or ''} {k.value}".replace("  ", " ") for k in c.counts)
        cells = (
            c.document_id[:8],
            f"{c.event_type} / {c.sub_event_type or '—'}",
            c.trigger.text if c.trigger else "—",
            a1.name if a1 else "—",
            a2.name if a2 else "—",
            _place(c),
            date,
            counts or "—",
            c.certainty.value,
            " → ".join(c.sources[0].chain or (c.sources[0].name,)) if c.sources else "—",
        )
        table.add_row(*map(plain, cells))
    return table


@app.command()
def claims(
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document (its id or an id prefix).")] = None,
    fmt: Annotated[ClaimFormat, typer.Option("--format", help="table (for reading) or jsonl (one claim a line).")] = (
        ClaimFormat.table
    ),
    db: DbOption = None,
) -> None:
    """List extracted claims: what happened, who to whom, where, when, how many, according to whom, how firmly.

    Example:

        frontwatch claims --doc 3f2a9c --format table

        frontwatch claims --format jsonl --db frontwatch.db > claims.jsonl

    Exit codes: 0 ok, 2 unknown document, 3 database missing or unreachable.
    """
    from frontwatch.extract.records import claim_record

    s = settings(db=db)
    store = open_store(s)
    try:
        document_id = None
        if doc is not None:
            try:
                found = store.document(doc)
            except FrontwatchError as exc:  # an ambiguous prefix: a usage error, not a crash
                raise fail(exc.message, exc.hint, code=EXIT_USAGE) from exc
            if found is None:
                raise fail(
                    f"no document {doc!r} in {store.engine.url.render_as_string(hide_password=True)}",
                    hint="list documents with `frontwatch claims` (first column) and pass one id or prefix",
                    code=EXIT_USAGE,
                )
            document_id = found.document_id
        rows = store.claims(document_id=document_id)
    finally:
        store.close()
    if fmt == ClaimFormat.jsonl:
        for c in rows:
            typer.echo(json.dumps(claim_record(c), ensure_ascii=False))
        return
    if not rows:
        console.print(plain("no claims" + (f" for document {doc}" if doc else "") + "."))
        return
    console.print(_table(rows))
    console.print(f"{len(rows)} claims")
