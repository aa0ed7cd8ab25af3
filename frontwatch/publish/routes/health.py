"""`GET /healthz`: liveness."""

from __future__ import annotations

from fastapi import APIRouter

from frontwatch.publish import schemas as s
from frontwatch.publish.routes.deps import ContextDep, app_version

router = APIRouter()


@router.get("/healthz", response_model=s.Health, summary="Liveness: the store answers")
def healthz(ctx: ContextDep) -> s.Health:
    ctx.store.events(limit=1)
    return s.Health(status="ok", version=app_version(), store=ctx.store.__class__.__name__,
                    gazetteer=ctx.gazetteer is not None, ingest=ctx.token is not None)
