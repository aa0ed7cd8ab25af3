"""What every router shares: the per-app context and the store as FastAPI dependencies, parameter bounds, helpers.

Routers reach the store, the gazetteer and the settings only through `StoreDep` / `ContextDep`, so a test (or
another app) can hand `create_app` its own.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from frontwatch.config import Settings
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.errors import ApiError

GEOJSON = "application/geo+json"
MAX_PAGE = 10_000
# Deepest page a client may ask for: far beyond any store, well inside the databases' 64-bit integers (a larger
# offset used to overflow SQLite's and answer 500).
MAX_OFFSET = 1_000_000_000
MIN_ID_PREFIX = 6
MAX_CURSOR = 300  # two ids and a colon, with room to spare
DEFAULT_MAX_BODY = 1_000_000

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": s.ErrorBody, "description": desc}
    for code, desc in ((404, "Not found"), (422, "Invalid parameter"), (500, "Server error"))
}

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page, 1 to {MAX_PAGE:,}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Items to skip, 0 to {MAX_OFFSET:,}")]


@dataclass
class ApiContext:
    """One app's store, gazetteer and server options (mutable: the pipeline loads on the first POST, caches fill)."""

    settings: Settings
    store: Any
    gazetteer: Any
    token: str | None
    max_body: int
    pipeline: Any = None
    boundary_cache: dict[Any, Any] = field(default_factory=dict)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    def boundary_json(self, level: int) -> bytes:
        if level not in self.boundary_cache:
            self.boundary_cache[level] = (
                views.boundaries(self.gazetteer, level).model_dump_json(exclude_none=False).encode())
        return self.boundary_cache[level]  # type: ignore[no-any-return]

    def geometry_json(self, unit_code: str, levels: tuple[int, ...]) -> str:
        """A unit's geometry as `GET /control` sends it: its polygon from the boundaries of `levels` (the last level
        holding the code wins), else the gazetteer's point for it, else null. Kept: the gazetteer does not change
        while the server runs."""
        key = ("geometry", unit_code, levels)
        if key not in self.boundary_cache:
            geometry: s.Geometry | None = None
            for level in levels:
                geometry = self.geometries(level).get(unit_code, geometry)
            if geometry is None and self.gazetteer is not None:
                unit = self.gazetteer.admin_unit(unit_code)
                if unit is not None and unit.lat is not None and unit.lon is not None:
                    geometry = s.Geometry(type="Point", coordinates=[unit.lon, unit.lat])
            self.boundary_cache[key] = geometry.model_dump_json() if geometry is not None else "null"
        return self.boundary_cache[key]  # type: ignore[no-any-return]

    def geometries(self, level: int) -> dict[str, s.Geometry | None]:
        key = f"geom{level}"
        if key not in self.boundary_cache:
            fc = s.BoundaryCollection.model_validate_json(self.boundary_json(level))
            self.boundary_cache[key] = {f.properties.unit_code: f.geometry for f in fc.features}
        return self.boundary_cache[key]  # type: ignore[no-any-return]


# A page of at most this many rows is read on the event loop when what it needs is kept (see on_the_loop).
INLINE_ROWS = 500
R = TypeVar("R")


def on_the_loop(small: Callable[[dict[str, Any]], bool]) -> Callable[[Callable[..., R]], Callable[..., Any]]:
    """A read route whose body (a plain function) runs on the event loop when `small(its arguments)` says the read
    is small — a bounded page from indexes and what the store keeps for the current generation — else in the
    thread pool, as FastAPI runs a `def` route. Handing a sub-millisecond read to a worker thread and back costs
    about as much CPU again, and on a busy machine each hand-off waits for the thread to be scheduled (a claims
    page at concurrency 8 on a loaded machine: 1.8 -> 1.1 ms of server CPU, 6 -> 2 ms per request)."""

    def wrap(body: Callable[..., R]) -> Callable[..., Any]:
        @functools.wraps(body)
        async def route(**kwargs: Any) -> R:
            if small(kwargs):
                return body(**kwargs)
            return await run_in_threadpool(body, **kwargs)

        return route

    return wrap


def get_context(request: Request) -> ApiContext:
    return request.app.state.context  # type: ignore[no-any-return]


def get_store(request: Request) -> Any:
    return request.app.state.context.store


ContextDep = Annotated[ApiContext, Depends(get_context)]
StoreDep = Annotated[Any, Depends(get_store)]


def app_version() -> str:
    try:
        return version("frontwatch")
    except PackageNotFoundError:
        return "0+unknown"


def next_link(request: Request, returned: int, more: bool, limit: int, offset: int) -> str | None:
    if not more or offset + returned > MAX_OFFSET:
        return None
    return str(request.url.include_query_params(offset=offset + returned, limit=limit))


def not_found_event(event_id: str) -> ApiError:
    return ApiError(404, "not_found", f"no event {event_id[:80]!r}", "list events with GET /events")
