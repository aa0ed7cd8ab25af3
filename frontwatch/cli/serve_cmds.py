"""Commands: serve (the REST API and the map page), map (write the map page as a static file)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from frontwatch.cli.app import (
    EXIT_ENV,
    DbOption,
    GazetteerOption,
    QuietOption,
    app,
    check_map_output,
    err_console,
    fail,
    open_store,
    plain,
    settings,
    warn,
    warn_if_no_classifier,
)
from frontwatch.config import Settings, db_url_problem
from frontwatch.errors import FrontwatchError

if TYPE_CHECKING:
    from frontwatch.publish.map import Tiles

TilesOption = Annotated[
    str | None,
    typer.Option(help="Raster tiles under the map, as a URL template (https://{s}.tile.example.org/{z}/{x}/{y}.png). "
                 "Off by default: the page is offline, named from the project's own data."),
]
TilesAttributionOption = Annotated[
    str | None, typer.Option(help="The tile provider's attribution, shown on the map (plain text).")
]


def _tiles(url: str | None, attribution: str | None) -> Tiles | None:
    from frontwatch.publish.map import parse_tiles

    try:
        return parse_tiles(url, attribution)
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint) from exc


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on. Keep 127.0.0.1 unless behind a proxy.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help="Accept POST /documents from requests carrying `Authorization: Bearer TOKEN` "
                     "(env FRONTWATCH_TOKEN). Without it the server is read-only."),
    ] = None,
    max_body: Annotated[int, typer.Option(help="Largest request body accepted, in bytes.", min=1)] = 1_000_000,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="Allow this origin to call the API from a browser (CORS is off by default)."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(help="Server processes. One process runs one request's Python at a time: give about one per "
                     "core to use them all.", min=1, max=64),
    ] = 1,
    tiles: TilesOption = None,
    tiles_attribution: TilesAttributionOption = None,
    db: DbOption = None,
    gazetteer: GazetteerOption = None,
    create: Annotated[bool, typer.Option(
        "--create", help="Serve a new, empty SQLite database when --db names a file that is not there "
        "(fill it with POST /documents and --token).")] = False,
    quiet: QuietOption = False,
) -> None:
    """Serve the REST API (OpenAPI docs at /docs) and the map page at / over the database.

    Example:

        frontwatch serve --port 8000

        FRONTWATCH_TOKEN=s3cret frontwatch serve --db postgresql://localhost/fw --host 0.0.0.0

        frontwatch serve --workers 2

        frontwatch serve --tiles 'https://tile.example.org/{z}/{x}/{y}.png' --tiles-attribution '© Example'

    A SQLite --db that does not exist is refused (exit 3, as every reading command answers a missing database):
    serving would create an empty database and show nothing. Fill it first with `frontwatch run` or `ingest`, or
    pass --create.

    Exit codes: 0 stopped, 2 usage error, 3 no database at --db, database unreachable or map files missing.
    """
    import uvicorn

    from frontwatch.publish.api import create_app
    from frontwatch.publish.map import vendor_missing
    from frontwatch.store import sqlite_file

    tile_layer = _tiles(tiles, tiles_attribution)
    cfg = settings(db, gazetteer)
    problem = db_url_problem(cfg.db_url)
    if problem:
        raise fail(*problem)
    path = sqlite_file(cfg.db_url)
    if path is not None and not create and not Path(path).exists():
        raise fail(f"no database at {path}: serving it would create an empty one and show nothing",
                   hint=f"check --db / FRONTWATCH_DB; fill it first with `frontwatch run REPORTS --db {path}` (or "
                   "`frontwatch ingest`), or pass --create to serve a new, empty database", code=EXIT_ENV)
    token = token or os.environ.get("FRONTWATCH_TOKEN") or None
    if token:  # POST /documents runs the pipeline
        warn_if_no_classifier(cfg)
    if vendor_missing():
        raise fail("the map page's Leaflet files are missing", hint="run `make setup` (npm ci) first", code=EXIT_ENV)
    store = open_store(cfg, create=create)
    try:
        web = create_app(cfg, store=store, token=token, max_body=max_body, cors_origins=cors_origin or None,
                         tiles=tile_layer)
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    if not quiet:
        mode = "accepting POST /documents with the token" if token else "read-only (no --token)"
        procs = f", {workers} processes" if workers > 1 else ""
        err_console.print(plain(f"serving http://{host}:{port}/  (API docs at /docs, {mode}{procs})"))
    log_level = "warning" if quiet else "info"
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level=log_level)
        return
    # Each worker process builds its own app from these (the app above only checked that it can be built).
    web.state.context.store.close()
    os.environ.update(serve_environment(cfg, token, max_body, cors_origin or [], tiles, tiles_attribution))
    uvicorn.run("frontwatch.publish.api:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level)


def serve_environment(cfg: Settings, token: str | None, max_body: int, cors_origins: list[str],
                      tiles: str | None = None, tiles_attribution: str | None = None) -> dict[str, str]:
    """What `frontwatch.publish.api.app_from_env` reads in each worker process."""
    env = {"FRONTWATCH_DB": cfg.db_url, "FRONTWATCH_GAZETTEER": str(cfg.gazetteer_path),
           "FRONTWATCH_SERVE_MAX_BODY": str(max_body), "FRONTWATCH_SERVE_CORS": "\n".join(cors_origins)}
    if token:
        env["FRONTWATCH_TOKEN"] = token
    if tiles:
        env["FRONTWATCH_SERVE_TILES"] = tiles
        env["FRONTWATCH_SERVE_TILES_ATTRIBUTION"] = tiles_attribution or ""
    return env


@app.command("map")
def map_page(
    out: Annotated[Path, typer.Argument(help="HTML file to write; its data and Leaflet files go beside it.")],
    tiles: TilesOption = None,
    tiles_attribution: TilesAttributionOption = None,
    db: DbOption = None,
    gazetteer: GazetteerOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite OUT even if it is not a map page Frontwatch wrote.")] = False,
    quiet: QuietOption = False,
) -> None:
    """Write the map page as a static HTML file that opens from disk, with no server.

    Example:

        frontwatch map site/index.html

        frontwatch map /tmp/kunduz.html --db postgresql://localhost/fw

        frontwatch map site/index.html --tiles 'https://tile.example.org/{z}/{x}/{y}.png' --tiles-attribution '©'

    An existing OUT is rewritten when it is a map page Frontwatch wrote; any other file only with --force.

    Exit codes: 0 written, 2 usage error (or OUT is another file), 3 database, gazetteer or map files missing.
    """
    from frontwatch.publish.map import write_map

    cfg = settings(db, gazetteer)
    if out.suffix.lower() not in (".html", ".htm"):
        raise fail(f"{out} is not an .html file", hint="name the page e.g. site/index.html")
    check_map_output(out, force)
    tile_layer = _tiles(tiles, tiles_attribution)
    try:
        gaz = None
        if cfg.gazetteer_path.exists():
            from frontwatch.geocode import Gazetteer

            gaz = Gazetteer.open(cfg.gazetteer_path)
        elif not quiet:
            warn(f"no gazetteer at {cfg.gazetteer_path}: the page will have no district polygons",
                 hint="build it with `frontwatch gazetteer build`")
        store = open_store(cfg)
        try:
            path = write_map(store, gaz, out, tiles=tile_layer)
        finally:
            store.close()
    except FrontwatchError as exc:
        raise fail(exc.message, exc.hint, code=EXIT_ENV) from exc
    if not quiet:
        err_console.print(plain(f"map page written to {path} — open it in a browser"))
