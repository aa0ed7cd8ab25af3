"""`GET /sources`: sources and their reliability."""

from __future__ import annotations

from fastapi import APIRouter, Request

from frontwatch.model import to_dict
from frontwatch.publish import schemas as s
from frontwatch.publish.routes.deps import ERRORS, Limit, Offset, StoreDep, next_link

router = APIRouter()


@router.get("/sources", response_model=s.Sources, responses=ERRORS,
            summary="Sources and their reliability, most reliable first, paginated")
def get_sources(request: Request, store: StoreDep, limit: Limit = 1000, offset: Offset = 0) -> s.Sources:
    rows = store.reliability(limit=limit + 1, offset=offset)
    page = rows[:limit]
    return s.Sources(items=[s.SourceReliabilityOut.model_validate(to_dict(r)) for r in page], count=len(page),
                     limit=limit, offset=offset, next=next_link(request, len(page), len(rows) > limit, limit, offset))
