"""`GET /documents/{id}` (a report and its claims' spans) and `POST /documents` (ingest, token only)."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from frontwatch.model import Document, document_id_for, normalize_text
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.errors import ApiError
from frontwatch.publish.routes.deps import ERRORS, MAX_PAGE, MIN_ID_PREFIX, ApiContext, ContextDep, StoreDep

router = APIRouter()


@router.get("/documents/{document_id}", response_model=s.DocumentOut, responses=ERRORS,
            summary="A report's text and the spans of each claim in it")
def get_document(document_id: str, store: StoreDep) -> s.DocumentOut:
    if len(document_id) < MIN_ID_PREFIX:
        raise ApiError(422, "invalid_request", "document id prefix too short",
                       f"give at least {MIN_ID_PREFIX} characters")
    document = store.document(document_id)
    if document is None:
        raise ApiError(404, "not_found", f"no document {document_id[:80]!r}",
                       "document ids are in each event's evidence (GET /events/{id})")
    return views.document_out(document, store.claims(document_id=document.document_id))


@router.post(
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
async def post_document(request: Request, ctx: ContextDep) -> JSONResponse:
    if ctx.token is None:
        raise ApiError(403, "read_only", "this server is read-only",
                       "start it with `frontwatch serve --token TOKEN` to accept reports")
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise ApiError(401, "unauthorized", "no bearer token", "send `Authorization: Bearer <token>`")
    if not secrets.compare_digest(auth[7:].strip().encode(), ctx.token.encode()):
        raise ApiError(403, "forbidden", "wrong token", "use the token the server was started with")
    body = await read_limited(request, ctx.max_body)
    if "json" not in request.headers.get("content-type", ""):
        raise ApiError(415, "unsupported_media_type", "send the report as JSON",
                       'Content-Type: application/json, body {"text": "...", "published": "2021-08-21"}')
    doc_in = s.DocumentIn.model_validate_json(body)
    result = await run_in_threadpool(ingest, ctx, doc_in, str(request.base_url).rstrip("/"))
    return JSONResponse(result.model_dump(mode="json"), status_code=201 if result.stored else 200)


def ingest(ctx: ApiContext, doc_in: s.DocumentIn, base: str) -> s.IngestResult:
    """Clean, extract, store and re-fuse one report (one at a time: fusion rewrites the derived layer)."""
    from frontwatch.fuse import ControlRules, fuse_store
    from frontwatch.ingest import clean_text

    kept, removed = clean_text(doc_in.text)
    text = normalize_text(kept)
    if not text:
        raise ApiError(422, "invalid_request", "the report has no text after cleaning", "send the article text")
    document = Document(
        document_id=document_id_for(text), text=text, origin="api:POST /documents", format="text",
        title=doc_in.title, url=doc_in.url, publisher=doc_in.publisher, published=doc_in.published,
        language=doc_in.language, removed_lines=tuple(removed),
    )
    links = s.Links(self=f"{base}/documents/{document.document_id}")
    store = ctx.store
    with ctx.ingest_lock:
        if store.has_document(document.document_id):
            return s.IngestResult(document_id=document.document_id, stored=False, claims=0, events=0, links=links)
        if ctx.pipeline is None:
            from frontwatch.pipeline import Pipeline

            ctx.pipeline = Pipeline.from_settings(ctx.settings)
        stored, n_claims = False, 0
        for doc, claims in ctx.pipeline.process([document]):
            stored = store.add_document(doc, claims if claims is not None else [])
            n_claims = len(claims or [])
        fuse_store(store, rules=ControlRules.from_settings(ctx.settings))
        n_events = sum(1 for _ in store.events(limit=MAX_PAGE))
    return s.IngestResult(document_id=document.document_id, stored=stored, claims=n_claims, events=n_events,
                          links=links)


async def read_limited(request: Request, limit: int) -> bytes:
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
