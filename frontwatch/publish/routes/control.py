"""`GET /control` (who holds each unit on a day), `/control/timeline` and `/boundaries` (the unit polygons)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from frontwatch.model import ControlState
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.errors import ApiError
from frontwatch.publish.routes.deps import ERRORS, GEOJSON, MAX_CURSOR, MAX_PAGE, ContextDep, StoreDep, on_the_loop
from frontwatch.store import reads
from frontwatch.store.codec import layout

router = APIRouter()


def _control_small(args: dict[str, Any]) -> bool:
    """The timelines (and state rows) kept for this generation, and the units' geometries made once."""
    ctx = args["ctx"]
    return bool(reads.warm(ctx.store, "timelines") and any(
        isinstance(k, tuple) and k[0] == "feature-heads" for k in list(ctx.boundary_cache)))


def _timeline_small(args: dict[str, Any]) -> bool:
    """A page of units (or one unit) of the timelines kept for this generation; every unit's whole timeline is
    large: the thread pool's."""
    return bool((args["limit"] or args["unit"] is not None) and args["limit"] <= 50
                and reads.warm(args["store"], "timelines"))


@router.get("/control", response_model=s.ControlCollection, responses=ERRORS,
            summary="Who holds each unit on a day, as GeoJSON (district polygons where boundaries are loaded)")
@on_the_loop(_control_small)
def get_control(
    ctx: ContextDep,
    as_of: Annotated[date | None, Query(description="Day (YYYY-MM-DD); default: the latest state")] = None,
    admin1: Annotated[str | None, Query(description="Only units in this admin1 (name or code)")] = None,
) -> Response:
    rows = ctx.store.control_rows(as_of, admin1=admin1)
    levels = tuple(sorted({level for *_, level in rows}))
    current = layout(ControlState)
    features = []
    heads = ctx.boundary_cache.setdefault(("feature-heads", levels), {})  # the gazetteer does not change
    for payload, lay, code, _level in rows:
        properties = payload if lay == current else views.payloads_json(s.ControlStateOut, ControlState,
                                                                        [(payload, lay)])[1:-1]
        head = heads.get(code)
        if head is None:
            head = heads[code] = (f'{{"type":"Feature","id":{json.dumps(code)},'
                                  f'"geometry":{ctx.geometry_json(code, levels)},"properties":')
        features.append(head + properties + "}")
    # ControlCollection's fields, in its order, around the stored states (see views.payloads_json).
    as_of_json = json.dumps(as_of.isoformat()) if as_of else "null"
    body = f'{{"type":"FeatureCollection","as_of":{as_of_json},"features":[{",".join(features)}]}}'
    return Response(body, media_type=GEOJSON)


@router.get("/control/timeline", response_model=s.Timelines, responses=ERRORS,
            summary="Control timelines of every unit, or a page of units (the map's time slider recolours from these)")
@on_the_loop(_timeline_small)
def get_timelines(
    request: Request,
    store: StoreDep,
    unit: Annotated[str | None, Query(description="Only this unit code")] = None,
    limit: Annotated[int, Query(ge=0, le=MAX_PAGE, description=(
        "Units per page; 0 (the default): every unit in one answer. With a limit, `next` (and a `Link: rel=next` "
        "header) carries the `after` cursor of the next page."))] = 0,
    after: Annotated[str | None, Query(max_length=MAX_CURSOR, description=(
        "Cursor from a `next` link: the units whose code sorts after this one"))] = None,
) -> Response:
    codes = reads.unit_codes(store, after=after, limit=limit + 1 if limit else None)
    if unit is not None:  # one unit: its whole timeline, whatever the page
        codes = [c for c in reads.unit_codes(store) if c == unit]
        if not codes:
            raise ApiError(404, "not_found", f"no control timeline for unit {unit[:80]!r}",
                           "unit codes are GeoNames admin codes, e.g. AF.03.1302; see GET /control")
    more = bool(limit) and len(codes) > limit
    codes = codes[:limit] if limit else codes
    nxt = str(request.url.include_query_params(after=codes[-1], limit=limit)) if more else None
    first, last = store.control_dates()  # every unit's dates, whichever units this page holds (the slider's span)
    current = layout(ControlState)
    units: list[str] = []
    rows = reads.timeline_rows(store, codes)
    i = 0
    while i < len(rows):  # the rows come in unit order: one group per unit
        j = i
        while j < len(rows) and rows[j][2] == rows[i][2]:
            j += 1
        group = rows[i:j]
        payload, lay, code, level, admin1 = group[-1]  # the current state names the unit
        name = (json.loads(payload) if lay == current else
                views.from_payloads(s.ControlStateOut, ControlState, [payload])[0].model_dump())["unit_name"]
        states = views.payloads_json(s.ControlStateOut, ControlState, [(p, la) for p, la, *_ in group])
        units.append(f'{{"unit_code":{json.dumps(code)},"unit_name":{json.dumps(name, ensure_ascii=False)},'
                     f'"level":{int(level)},"admin1":{json.dumps(admin1, ensure_ascii=False)},"states":{states}}}')
        i = j
    # Timelines' fields, in its order, around the stored states (see views.payloads_json).
    body = (f'{{"units":[{",".join(units)}],"first_date":{_day(first)},"last_date":{_day(last)},'
            f'"next":{json.dumps(nxt)}}}')
    headers = {"Link": f'<{nxt}>; rel="next"'} if nxt else None
    return Response(body, media_type="application/json", headers=headers)


def _day(day: date | None) -> str:
    return f'"{day.isoformat()}"' if day else "null"


@router.get("/boundaries", response_model=s.BoundaryCollection, responses=ERRORS,
            summary="Admin unit polygons from the gazetteer (empty when no boundaries are loaded)")
def get_boundaries(ctx: ContextDep, level: Annotated[int, Query(ge=1, le=2)] = 2) -> Response:
    return Response(ctx.boundary_json(level), media_type=GEOJSON)
