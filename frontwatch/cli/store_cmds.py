"""Commands: db info, db upgrade."""

from __future__ import annotations

import typer
from rich.table import Table

from frontwatch.cli.app import DbOption, app, console, open_store, plain, settings

db_app = typer.Typer(help="The database: revision, row counts, migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("info")
def db_info(db: DbOption = None) -> None:
    """Show the database URL, its schema revision and row counts.

    Example:

        frontwatch db info --db postgresql://localhost/frontwatch
    """
    store = open_store(settings(db))
    table = Table("what", "value")
    table.add_row("database", plain(store.engine.url.render_as_string(hide_password=True)))
    table.add_row("revision", store.revision() or "none")
    for name, n in store.counts().items():
        table.add_row(name, str(n))
    console.print(table)
    store.close()


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create or migrate the schema to the latest revision (opening the database does this too).

    Example:

        frontwatch db upgrade --db frontwatch.db
    """
    store = open_store(settings(db), create=True)
    console.print(f"at revision {store.revision()}")
    store.close()
