"""The REST API and the served map page (FastAPI). Read-only unless the server was started with a token.

`create_app(settings)` opens the store (and the gazetteer when it is built) and returns the ASGI app;
`frontwatch serve` runs it with uvicorn. One router per resource lives in `frontwatch.publish.routes`; each reaches
the store through a FastAPI dependency. All SQL goes through the store (bound parameters).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import QueryParams

from frontwatch.config import Settings
from frontwatch.publish.cache import CacheMiddleware
from frontwatch.publish.errors import error_response, install_error_handlers
from frontwatch.publish.map import Tiles, map_router
from frontwatch.publish.routes import ROUTERS
from frontwatch.publish.routes.deps import (
    DEFAULT_MAX_BODY,
    MAX_CURSOR,
    MAX_OFFSET,
    MAX_PAGE,
    MIN_ID_PREFIX,
    ApiContext,
    app_version,
)
from frontwatch.publish.routes.page import CSP

STATIC_DIR = Path(__file__).with_name("static")


def create_app(
    settings: Settings | None = None,
    *,
    store: Any = None,
    gazetteer: Any = None,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    cors_origins: list[str] | None = None,
    pipeline: Any = None,
    tiles: Tiles | None = None,
) -> FastAPI:
    """The API over `store` (opened from `settings.db_url` when not given).

    `token`: when set, `POST /documents` accepts requests carrying `Authorization: Bearer <token>`; without it the
    server is read-only. `cors_origins`: CORS stays off unless origins are listed. `pipeline`: a ready
    `frontwatch.pipeline.Pipeline` for ingestion (else loaded from settings on the first POST). `tiles`: a raster
    tile layer for the map page (`frontwatch.publish.map.parse_tiles`); offline without it.
    """
    settings = settings or Settings.from_env()
    if store is None:
        from frontwatch.store import Store

        store = Store(settings.db_url)
    if gazetteer is None:
        gazetteer = _open_gazetteer(settings)

    app = FastAPI(
        title="Frontwatch API",
        version=app_version(),
        description="Sourced, geocoded conflict events, the claims behind them and district control. "
        "Read-only unless the server was started with a token. Every error has the shape "
        '`{"error": {"code", "message", "hint"}}`. Place data © GeoNames (CC BY 4.0); boundaries geoBoundaries.',
    )
    app.state.context = ApiContext(settings=settings, store=store, gazetteer=gazetteer, token=token,
                                   max_body=max_body, pipeline=pipeline)
    app.state.tiles = tiles
    install_error_handlers(app)
    # Innermost: CORS headers and the NUL check (outside it) apply to cached answers too.
    app.add_middleware(CacheMiddleware, generation=store.generation)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"], allow_headers=["*"])
    app.add_middleware(GuardMiddleware)
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(map_router(store, gazetteer))
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def app_from_env() -> FastAPI:
    """The app of one worker of `frontwatch serve --workers N` (uvicorn's factory), from the environment the
    command set: FRONTWATCH_ settings, FRONTWATCH_TOKEN, FRONTWATCH_SERVE_MAX_BODY, FRONTWATCH_SERVE_CORS,
    FRONTWATCH_SERVE_TILES(_ATTRIBUTION)."""
    from frontwatch.publish.map import parse_tiles

    cors = [o for o in os.environ.get("FRONTWATCH_SERVE_CORS", "").split("\n") if o]
    tiles = parse_tiles(os.environ.get("FRONTWATCH_SERVE_TILES") or None,
                        os.environ.get("FRONTWATCH_SERVE_TILES_ATTRIBUTION") or None)
    return create_app(Settings.from_env(), token=os.environ.get("FRONTWATCH_TOKEN") or None,
                      max_body=int(os.environ.get("FRONTWATCH_SERVE_MAX_BODY", DEFAULT_MAX_BODY)),
                      cors_origins=cors or None, tiles=tiles)


def _open_gazetteer(settings: Settings) -> Any:
    if not settings.gazetteer_path.exists():
        return None
    from frontwatch.errors import GazetteerMissing
    from frontwatch.geocode import Gazetteer

    try:
        return Gazetteer.open(settings.gazetteer_path)
    except GazetteerMissing:
        return None


class GuardMiddleware:
    """Outermost: refuses a NUL in the path or a parameter, and marks every answer `nosniff`. Plain ASGI (a
    `@app.middleware("http")` function costs a task and a stream per request)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def nosniff(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                if not any(k.lower() == b"x-content-type-options" for k, _ in headers):
                    headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        # No stored id or name holds a NUL, and PostgreSQL refuses one in any string: answer before a query fails.
        query = QueryParams(scope.get("query_string", b""))
        if "\x00" in scope["path"] or any("\x00" in k or "\x00" in v for k, v in query.multi_items()):
            response = error_response(422, "invalid_request", "a parameter contains a NUL character (%00)",
                                      "remove the %00 from the URL")
            await response(scope, receive, nosniff)
            return
        await self.app(scope, receive, nosniff)


__all__ = ["CSP", "MAX_CURSOR", "MAX_OFFSET", "MAX_PAGE", "MIN_ID_PREFIX", "STATIC_DIR", "app_from_env", "create_app"]
