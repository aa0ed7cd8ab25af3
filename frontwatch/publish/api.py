"""The REST API and the served map page (FastAPI). Read-only unless the server was started with a token.

`create_app(settings)` opens the store (and the gazetteer when it is built) and returns the ASGI app;
`frontwatch serve` runs it with uvicorn. All SQL goes through the store (bound parameters).
"""

from __future__ import annotations

import secrets
import threading
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from frontwatch.config import Settings
from frontwatch.model import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    Claim,
    ControlState,
    Document,
    Event,
    document_id_for,
    normalize_text,
    to_dict,
)
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.errors import ApiError, error_response, install_error_handlers
from frontwatch.publish.map import Tiles, map_router, page_csp

STATIC_DIR = Path(__file__).with_name("static")
GEOJSON = "application/geo+json"
MAX_PAGE = 10_000
# Deepest page a client may ask for: far beyond any store, well inside the databases' 64-bit integers (a larger
# offset used to overflow SQLite's and answer 500).
MAX_OFFSET = 1_000_000_000
MIN_ID_PREFIX = 6
MAX_CURSOR = 300  # two ids and a colon, with room to spare
DEFAULT_MAX_BODY = 1_000_000

# The served page loads only its own scripts; Leaflet positions things with inline styles, hence style-src. With
# `--tiles`, img-src also admits that one tile host (frontwatch.publish.map.page_csp).
CSP = page_csp()

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": s.ErrorBody, "description": desc}
    for code, desc in ((404, "Not found"), (422, "Invalid parameter"), (500, "Server error"))
}


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page, 1 to {MAX_PAGE:,}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Items to skip, 0 to {MAX_OFFSET:,}")]


def _version() -> str:
    try:
        return version("frontwatch")
    except PackageNotFoundError:
        return "0+unknown"


def _parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if raw is None:
        return None
    hint = "bbox=minlon,minlat,maxlon,maxlat in degrees, e.g. bbox=60.5,29.4,75.0,38.5"
    try:
        parts = [float(p) for p in raw.split(",")]
    except ValueError:
        raise ApiError(422, "invalid_request", f"bbox is not four numbers: {raw[:80]!r}", hint) from None
    if len(parts) != 4:
        raise ApiError(422, "invalid_request", f"bbox needs 4 numbers, got {len(parts)}", hint)
    minlon, minlat, maxlon, maxlat = parts
    if not (-180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise ApiError(422, "invalid_request", "bbox out of range or min > max", hint)
    return minlon, minlat, maxlon, maxlat


def _claim_cursor(raw: str | None) -> tuple[str, str] | None:
    if raw is None:
        return None
    document_id, sep, claim_id = raw.partition(":")
    if not sep or not document_id or not claim_id:
        raise ApiError(422, "invalid_request", f"after is not a claim cursor: {raw[:80]!r}",
                       "pass the `after` of a `next` link as is: document_id:claim_id")
    return document_id, claim_id


def _wants_geojson(request: Request, f: str | None) -> bool:
    if f is not None:
        return f == "geojson"
    return "geo+json" in request.headers.get("accept", "")


def _next_link(request: Request, returned: int, more: bool, limit: int, offset: int) -> str | None:
    if not more or offset + returned > MAX_OFFSET:
        return None
    return str(request.url.include_query_params(offset=offset + returned, limit=limit))


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
    if gazetteer is None and settings.gazetteer_path.exists():
        from frontwatch.errors import GazetteerMissing
        from frontwatch.geocode import Gazetteer

        try:
            gazetteer = Gazetteer.open(settings.gazetteer_path)
        except GazetteerMissing:
            gazetteer = None

    app = FastAPI(
        title="Frontwatch API",
        version=_version(),
        description="Sourced, geocoded conflict events, the claims behind them and district control. "
        "Read-only unless the server was started with a token. Every error has the shape "
        '`{"error": {"code", "message", "hint"}}`. Place data © GeoNames (CC BY 4.0); boundaries geoBoundaries.',
    )
    app.state.store = store
    app.state.gazetteer = gazetteer
    app.state.pipeline = pipeline
    app.state.boundary_cache = {}
    ingest_lock = threading.Lock()
    install_error_handlers(app)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"], allow_headers=["*"])

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        # No stored id or name holds a NUL, and PostgreSQL refuses one in any string: answer before a query fails.
        if "\x00" in request.url.path or any("\x00" in k or "\x00" in v for k, v in request.query_params.multi_items()):
            response = error_response(422, "invalid_request", "a parameter contains a NUL character (%00)",
                                      "remove the %00 from the URL")
        else:
            response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    def boundary_json(level: int) -> bytes:
        cache: dict[int, bytes] = app.state.boundary_cache
        if level not in cache:
            cache[level] = views.boundaries(gazetteer, level).model_dump_json(exclude_none=False).encode()
        return cache[level]

    def geometries(level: int) -> dict[str, s.Geometry | None]:
        key = f"geom{level}"
        cache = app.state.boundary_cache
        if key not in cache:
            fc = s.BoundaryCollection.model_validate_json(boundary_json(level))
            cache[key] = {f.properties.unit_code: f.geometry for f in fc.features}
        return cache[key]  # type: ignore[no-any-return]

    # --- page ------------------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        from frontwatch.publish.map import page_html

        page = page_html(static_prefix="static", data_script=None, tiles=tiles)
        return HTMLResponse(page, headers={"Content-Security-Policy": page_csp(tiles)})

    app.include_router(map_router(store, gazetteer))

    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # --- events ----------------------------------------------------------------------------------------

    @app.get(
        "/events",
        response_model=s.EventsPage | s.EventFeatureCollection,
        responses={
            200: {
                "description": "A page of events: JSON (`EventsPage`) or GeoJSON (`EventFeatureCollection`), chosen "
                "by `?f=` or the `Accept` header (`application/geo+json`).",
                "content": {GEOJSON: {}},
            },
            **ERRORS,
        },
        summary="Events, filtered and paginated",
    )
    def list_events(
        request: Request,
        bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
        date_from: Annotated[date | None, Query(description="Events on or after this day (YYYY-MM-DD)")] = None,
        date_to: Annotated[date | None, Query(description="Events on or before this day")] = None,
        event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Battles")] = None,
        sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
        status: Literal["confirmed", "reported", "contested", "denied"] | None = None,
        actor: Annotated[str | None, Query(description="Actor name (actor1 or actor2)")] = None,
        source: Annotated[str | None, Query(description="Source name")] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        limit: Limit = 100,
        offset: Offset = 0,
        f: Annotated[Literal["json", "geojson"] | None, Query(description="Output format")] = None,
    ) -> Response:
        box = _parse_bbox(bbox)
        if date_from and date_to and date_from > date_to:
            raise ApiError(422, "invalid_request", "date_from is after date_to", "swap the two dates")
        if event_type is not None and event_type not in EVENT_TYPES:
            raise ApiError(422, "invalid_request", f"unknown event_type {event_type[:80]!r}",
                           "one of: " + ", ".join(EVENT_TYPES))
        if sub_event_type is not None and sub_event_type not in SUB_EVENT_TYPES:
            raise ApiError(422, "invalid_request", f"unknown sub_event_type {sub_event_type[:80]!r}",
                           "an ACLED sub-event type, e.g. Armed clash")
        payloads = store.event_payloads(
            bbox=box, date_from=date_from, date_to=date_to, event_type=event_type, sub_event_type=sub_event_type,
            status=status, actor=actor, source=source, min_confidence=min_confidence, limit=limit + 1, offset=offset,
        )
        more = len(payloads) > limit
        rows = views.from_payloads(s.EventOut, Event, payloads[:limit])
        nxt = _next_link(request, len(rows), more, limit, offset)
        if _wants_geojson(request, f):
            fc = s.EventFeatureCollection(
                type="FeatureCollection", features=[views.event_feature(e) for e in rows],
                count=len(rows), limit=limit, offset=offset, next=nxt,
            )
            return Response(fc.model_dump_json(), media_type=GEOJSON)
        page = s.EventsPage(items=rows, count=len(rows), limit=limit, offset=offset, next=nxt)
        return Response(page.model_dump_json(), media_type="application/json")

    @app.get("/events/{event_id}", response_model=s.EventDetail, responses=ERRORS,
             summary="One event with its claims, quoted sentences and source chains")
    def get_event(event_id: str, request: Request) -> s.EventDetail:
        event = store.event(event_id)
        if event is None:
            raise ApiError(404, "not_found", f"no event {event_id[:80]!r}", "list events with GET /events")
        return views.event_detail(store, event, base=str(request.base_url).rstrip("/"))

    # --- claims and documents --------------------------------------------------------------------------

    @app.get("/claims", response_model=s.ClaimsPage, responses=ERRORS, summary="Claims, by document or event")
    def list_claims(
        request: Request,
        document_id: Annotated[str | None, Query(description="Only this document's claims (its full id)")] = None,
        event_id: Annotated[str | None, Query(description="Only the claims behind this event")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
        after: Annotated[str | None, Query(
            max_length=MAX_CURSOR, description="Cursor from a `next` link (`document_id:claim_id`): the claims after "
            "that one. The `next` links carry it, so following them costs the same on any page; a deep `offset` "
            "walks the index up to the page.")] = None,
    ) -> s.ClaimsPage:
        key = _claim_cursor(after)
        ids: list[str] | None = None
        if event_id is not None:
            event = store.event(event_id)
            if event is None:
                raise ApiError(404, "not_found", f"no event {event_id[:80]!r}", "list events with GET /events")
            ids = [*event.claim_ids, *event.contradicting_claim_ids]
        # Paged in SQL, one row beyond the page to know whether there is a next one: only the page is decoded.
        payloads = store.claim_payloads(document_id=document_id, claim_ids=ids, limit=limit + 1, offset=offset,
                                        after=key)
        page = views.from_payloads(s.ClaimOut, Claim, payloads[:limit])
        nxt = None
        if len(payloads) > limit:
            last = page[-1]
            nxt = str(request.url.remove_query_params("offset").include_query_params(
                after=f"{last.document_id}:{last.claim_id}", limit=limit))
        return s.ClaimsPage(items=page, count=len(page), limit=limit, offset=offset, next=nxt)

    @app.get("/documents/{document_id}", response_model=s.DocumentOut, responses=ERRORS,
             summary="A report's text and the spans of each claim in it")
    def get_document(document_id: str) -> s.DocumentOut:
        if len(document_id) < MIN_ID_PREFIX:
            raise ApiError(422, "invalid_request", "document id prefix too short",
                           f"give at least {MIN_ID_PREFIX} characters")
        document = store.document(document_id)
        if document is None:
            raise ApiError(404, "not_found", f"no document {document_id[:80]!r}",
                           "document ids are in each event's evidence (GET /events/{id})")
        return views.document_out(document, store.claims(document_id=document.document_id))

    # --- control ---------------------------------------------------------------------------------------

    @app.get("/control", response_model=s.ControlCollection, responses=ERRORS,
             summary="Who holds each unit on a day, as GeoJSON (district polygons where boundaries are loaded)")
    def get_control(
        as_of: Annotated[date | None, Query(description="Day (YYYY-MM-DD); default: the latest state")] = None,
        admin1: Annotated[str | None, Query(description="Only units in this admin1 (name or code)")] = None,
    ) -> Response:
        states = views.from_payloads(s.ControlStateOut, ControlState, store.control_payloads(as_of, admin1=admin1))
        geoms: dict[str, s.Geometry | None] = {}
        for level in sorted({st.level for st in states}):
            geoms.update(geometries(level))
        fc = views.control_collection(states, as_of, geoms, gazetteer)
        return Response(fc.model_dump_json(), media_type=GEOJSON)

    @app.get("/control/timeline", response_model=s.Timelines, responses=ERRORS,
             summary="Every unit's control timeline (the map's time slider recolours from these)")
    def get_timelines(unit: Annotated[str | None, Query(description="Only this unit code")] = None) -> s.Timelines:
        tl = views.timelines(store, unit=unit)
        if unit is not None and not tl.units:
            raise ApiError(404, "not_found", f"no control timeline for unit {unit[:80]!r}",
                           "unit codes are GeoNames admin codes, e.g. AF.03.1302; see GET /control")
        return tl

    @app.get("/boundaries", response_model=s.BoundaryCollection, responses=ERRORS,
             summary="Admin unit polygons from the gazetteer (empty when no boundaries are loaded)")
    def get_boundaries(level: Annotated[int, Query(ge=1, le=2)] = 2) -> Response:
        return Response(boundary_json(level), media_type=GEOJSON)

    # --- sources, health -------------------------------------------------------------------------------

    @app.get("/sources", response_model=s.Sources, responses=ERRORS,
             summary="Sources and their reliability, most reliable first, paginated")
    def get_sources(request: Request, limit: Limit = 1000, offset: Offset = 0) -> s.Sources:
        rows = store.reliability(limit=limit + 1, offset=offset)
        page = rows[:limit]
        return s.Sources(items=[s.SourceReliabilityOut.model_validate(to_dict(r)) for r in page], count=len(page),
                         limit=limit, offset=offset, next=_next_link(request, len(page), len(rows) > limit, limit,
                                                                     offset))

    @app.get("/healthz", response_model=s.Health, summary="Liveness: the store answers")
    def healthz() -> s.Health:
        store.events(limit=1)
        return s.Health(status="ok", version=_version(), store=store.__class__.__name__,
                        gazetteer=gazetteer is not None, ingest=token is not None)

    # --- ingestion (token only) ------------------------------------------------------------------------

    @app.post(
        "/documents",
        response_model=s.IngestResult,
        status_code=201,
        responses={
            200: {"model": s.IngestResult, "description": "Already stored (same text): nothing written"},
            401: {"model": s.ErrorBody, "description": "No bearer token sent"},
            403: {"model": s.ErrorBody, "description": "Wrong token, or the server is read-only"},
            413: {"model": s.ErrorBody, "description": "Body larger than the server's limit"},
            **ERRORS,
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": s.DocumentIn.model_json_schema()}},
            }
        },
        summary="Ingest a report through the whole pipeline and re-fuse",
    )
    async def post_document(request: Request) -> JSONResponse:
        if token is None:
            raise ApiError(403, "read_only", "this server is read-only",
                           "start it with `frontwatch serve --token TOKEN` to accept reports")
        auth = request.headers.get("authorization", "")
        if not auth.lower().startswith("bearer "):
            raise ApiError(401, "unauthorized", "no bearer token", "send `Authorization: Bearer <token>`")
        if not secrets.compare_digest(auth[7:].strip().encode(), token.encode()):
            raise ApiError(403, "forbidden", "wrong token", "use the token the server was started with")
        body = await _read_limited(request, max_body)
        if "json" not in request.headers.get("content-type", ""):
            raise ApiError(415, "unsupported_media_type", "send the report as JSON",
                           'Content-Type: application/json, body {"text": "...", "published": "2021-08-21"}')
        doc_in = s.DocumentIn.model_validate_json(body)
        result = await run_in_threadpool(_ingest, doc_in, str(request.base_url).rstrip("/"))
        return JSONResponse(result.model_dump(mode="json"), status_code=201 if result.stored else 200)

    def _ingest(doc_in: s.DocumentIn, base: str) -> s.IngestResult:
        text, removed = _clean(doc_in.text)
        if not text:
            raise ApiError(422, "invalid_request", "the report has no text after cleaning", "send the article text")
        document = Document(
            document_id=document_id_for(text), text=text, origin="api:POST /documents", format="text",
            title=doc_in.title, url=doc_in.url, publisher=doc_in.publisher, published=doc_in.published,
            language=doc_in.language, removed_lines=tuple(removed),
        )
        links = s.Links(self=f"{base}/documents/{document.document_id}")
        with ingest_lock:
            if store.has_document(document.document_id):
                return s.IngestResult(document_id=document.document_id, stored=False, claims=0, events=0, links=links)
            if app.state.pipeline is None:
                from frontwatch.pipeline import Pipeline

                app.state.pipeline = Pipeline.from_settings(settings)
            stored, n_claims = False, 0
            for doc, claims in app.state.pipeline.process([document]):
                stored = store.add_document(doc, claims if claims is not None else [])
                n_claims = len(claims or [])
            from frontwatch.fuse import ControlRules, fuse_store

            fuse_store(store, rules=ControlRules.from_settings(settings))
            n_events = sum(1 for _ in store.events(limit=MAX_PAGE))
        return s.IngestResult(document_id=document.document_id, stored=stored, claims=n_claims, events=n_events,
                              links=links)

    return app


def _clean(text: str) -> tuple[str, list[str]]:
    try:
        from frontwatch.ingest import clean_text
    except ImportError:
        return normalize_text(text), []
    kept, removed = clean_text(text)
    return normalize_text(kept), list(removed)


async def _read_limited(request: Request, limit: int) -> bytes:
    hint = f"the limit is {limit} bytes; split the report or raise the server's --max-body"
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"request body of {declared} bytes is too large", hint)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", "request body is too large", hint)
        chunks.append(chunk)
    return b"".join(chunks)
