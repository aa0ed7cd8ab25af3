"""`GET /control` (who holds each unit on a day), `/control/timeline` and `/boundaries` (the unit polygons)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from frontwatch.model import ControlState
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.errors import ApiError
from frontwatch.publish.routes.deps import ERRORS, GEOJSON, ContextDep, StoreDep

router = APIRouter()


@router.get("/control", response_model=s.ControlCollection, responses=ERRORS,
            summary="Who holds each unit on a day, as GeoJSON (district polygons where boundaries are loaded)")
def get_control(
    ctx: ContextDep,
    as_of: Annotated[date | None, Query(description="Day (YYYY-MM-DD); default: the latest state")] = None,
    admin1: Annotated[str | None, Query(description="Only units in this admin1 (name or code)")] = None,
) -> Response:
    rows = ctx.store.control_rows(as_of, admin1=admin1)
    levels = tuple(sorted({level for *_, level in rows}))
    features = []
    for payload, lay, code, _level in rows:
        properties = views.payloads_json(s.ControlStateOut, ControlState, [(payload, lay)])[1:-1]
        features.append(f'{{"type":"Feature","id":{json.dumps(code)},"geometry":{ctx.geometry_json(code, levels)},'
                        f'"properties":{properties}}}')
    # ControlCollection's fields, in its order, around the stored states (see views.payloads_json).
    as_of_json = json.dumps(as_of.isoformat()) if as_of else "null"
    body = f'{{"type":"FeatureCollection","as_of":{as_of_json},"features":[{",".join(features)}]}}'
    return Response(body, media_type=GEOJSON)


@router.get("/control/timeline", response_model=s.Timelines, responses=ERRORS,
            summary="Every unit's control timeline (the map's time slider recolours from these)")
def get_timelines(store: StoreDep,
                  unit: Annotated[str | None, Query(description="Only this unit code")] = None) -> s.Timelines:
    tl = views.timelines(store, unit=unit)
    if unit is not None and not tl.units:
        raise ApiError(404, "not_found", f"no control timeline for unit {unit[:80]!r}",
                       "unit codes are GeoNames admin codes, e.g. AF.03.1302; see GET /control")
    return tl


@router.get("/boundaries", response_model=s.BoundaryCollection, responses=ERRORS,
            summary="Admin unit polygons from the gazetteer (empty when no boundaries are loaded)")
def get_boundaries(ctx: ContextDep, level: Annotated[int, Query(ge=1, le=2)] = 2) -> Response:
    return Response(ctx.boundary_json(level), media_type=GEOJSON)
