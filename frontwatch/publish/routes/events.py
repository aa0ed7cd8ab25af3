"""`GET /events` (JSON or GeoJSON pages) and `GET /events/{id}` (one event with its evidence)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from frontwatch.model import EVENT_TYPES, SUB_EVENT_TYPES, Event
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.errors import ApiError
from frontwatch.publish.routes.deps import (
    ERRORS,
    GEOJSON,
    INLINE_ROWS,
    Limit,
    Offset,
    StoreDep,
    next_link,
    not_found_event,
    on_the_loop,
)
from frontwatch.store import EventFilter, reads
from frontwatch.store import events as stored_events
from frontwatch.store.codec import layout

router = APIRouter()
SHALLOW = 2_000  # a filtered page this deep walks at most this many index entries past its matches


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
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


def wants_geojson(request: Request, f: str | None) -> bool:
    if f is not None:
        return f == "geojson"
    return "geo+json" in request.headers.get("accept", "")


def _small(args: dict[str, Any]) -> bool:
    """A page the indexes find at once: unfiltered (a deep one from the ids kept for this generation), or filtered
    within the first SHALLOW rows, the names of an actor or source filter kept."""
    if args["limit"] > INLINE_ROWS:
        return False
    store = args["store"]
    filters = [args[k] for k in ("bbox", "date_from", "date_to", "event_type", "sub_event_type", "status", "actor",
                                 "source", "min_confidence")]
    if all(v is None for v in filters):
        return args["offset"] < stored_events.DEEP_OFFSET or reads.warm(store, "listing")
    names = [k for k in ("actor", "source") if args[k]]
    return args["offset"] <= SHALLOW and reads.warm(store, *names)


@router.get(
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
@on_the_loop(_small)
def list_events(
    request: Request,
    store: StoreDep,
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
    box = parse_bbox(bbox)
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "invalid_request", "date_from is after date_to", "swap the two dates")
    if event_type is not None and event_type not in EVENT_TYPES:
        raise ApiError(422, "invalid_request", f"unknown event_type {event_type[:80]!r}",
                       "one of: " + ", ".join(EVENT_TYPES))
    if sub_event_type is not None and sub_event_type not in SUB_EVENT_TYPES:
        raise ApiError(422, "invalid_request", f"unknown sub_event_type {sub_event_type[:80]!r}",
                       "an ACLED sub-event type, e.g. Armed clash")
    where = EventFilter(bbox=box, date_from=date_from, date_to=date_to, event_type=event_type,
                        sub_event_type=sub_event_type, status=status, actor=actor, source=source,
                        min_confidence=min_confidence)
    geojson = wants_geojson(request, f)
    found = store.event_rows(where, limit=limit + 1, offset=offset, feature=geojson)
    rows = found[:limit]
    nxt = next_link(request, len(rows), len(found) > limit, limit, offset)
    if geojson and all(lay == layout(Event) and feature is not None for feature, lay in rows):
        # Today's layout: the features as stored beside the events (store.features), joined.
        return Response(f'{{"type":"FeatureCollection","features":[{",".join(p for p, _ in rows)}],'
                        f'"count":{len(rows)},"limit":{limit},"offset":{offset},"next":{json.dumps(nxt)}}}',
                        media_type=GEOJSON)
    if geojson:  # stored by another version: through the models
        rows = store.event_rows(where, limit=limit + 1, offset=offset)[:limit]
        events = views.from_payloads(s.EventOut, Event, [p for p, _ in rows])
        fc = s.EventFeatureCollection(
            type="FeatureCollection", features=[views.event_feature(e) for e in events],
            count=len(rows), limit=limit, offset=offset, next=nxt,
        )
        return Response(fc.model_dump_json(), media_type=GEOJSON)
    # The page's frame around the stored events (EventsPage's fields, in its order): see views.payloads_json.
    body = (f'{{"items":{views.payloads_json(s.EventOut, Event, rows)},"count":{len(rows)},"limit":{limit},'
            f'"offset":{offset},"next":{json.dumps(nxt)}}}')
    return Response(body, media_type="application/json")


@router.get("/events/{event_id}", response_model=s.EventDetail, responses=ERRORS,
            summary="One event with its claims, quoted sentences and source chains")
def get_event(event_id: str, request: Request, store: StoreDep) -> Response:
    event = store.event(event_id)
    if event is None:
        raise not_found_event(event_id)
    # Built as the model, sent as its JSON: FastAPI would validate the finished model once more on the way out.
    detail = views.event_detail(store, event, base=str(request.base_url).rstrip("/"))
    return Response(detail.model_dump_json(), media_type="application/json")
