"""`GET /sources`: sources and their reliability."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import Response

from frontwatch.publish import schemas as s
from frontwatch.publish.routes.deps import ERRORS, Limit, Offset, StoreDep, next_link

router = APIRouter()


@router.get("/sources", response_model=s.Sources, responses=ERRORS,
            summary="Sources and their reliability, most reliable first, paginated")
def get_sources(request: Request, store: StoreDep, limit: Limit = 1000, offset: Offset = 0) -> Response:
    rows = store.reliability(limit=limit + 1, offset=offset)
    page = rows[:limit]
    # Sources' fields, in its order, as plain JSON: the rows are four scalars each, no model needed to send them.
    items = [{"name": r.name, "kind": str(r.kind), "reliability": r.reliability, "claims": r.claims} for r in page]
    nxt = next_link(request, len(page), len(rows) > limit, limit, offset)
    body = {"items": items, "count": len(page), "limit": limit, "offset": offset, "next": nxt}
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")), media_type="application/json")
