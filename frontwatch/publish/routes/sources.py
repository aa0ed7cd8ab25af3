"""`GET /sources`: sources and their reliability."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from frontwatch.publish import schemas as s
from frontwatch.publish.routes.deps import ERRORS, MAX_PAGE, Limit, Offset, StoreDep, next_link, on_the_loop
from frontwatch.store import reads

router = APIRouter()


def _small(args: dict[str, Any]) -> bool:
    """Every source's item kept for this generation: a page is a slice."""
    return bool(args["limit"] <= MAX_PAGE and reads.warm(args["store"], "sources"))


@router.get("/sources", response_model=s.Sources, responses=ERRORS,
            summary="Sources and their reliability, most reliable first, paginated")
@on_the_loop(_small)
def get_sources(request: Request, store: StoreDep, limit: Limit = 1000, offset: Offset = 0) -> Response:
    # Sources' fields, in its order, as plain JSON: the rows are four scalars each, no model needed to send them.
    # Every source's item is kept per write generation (reads.source_items), else the page is read in SQL.
    kept = reads.source_items(store, limit + 1, offset)
    if kept is None:
        kept = [json.dumps({"name": r.name, "kind": str(r.kind), "reliability": r.reliability, "claims": r.claims},
                           ensure_ascii=False, separators=(",", ":"))
                for r in store.reliability(limit=limit + 1, offset=offset)]
    page = kept[:limit]
    nxt = next_link(request, len(page), len(kept) > limit, limit, offset)
    body = (f'{{"items":[{",".join(page)}],"count":{len(page)},"limit":{limit},"offset":{offset},'
            f'"next":{json.dumps(nxt)}}}')
    return Response(body, media_type="application/json")
