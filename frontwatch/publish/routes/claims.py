"""`GET /claims`: claims by document or event, paged in SQL (offset, or the `after` cursor of `next` links)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from frontwatch.model import Claim
from frontwatch.publish import schemas as s
from frontwatch.publish import views
from frontwatch.publish.errors import ApiError
from frontwatch.publish.routes.deps import (
    ERRORS,
    INLINE_ROWS,
    MAX_CURSOR,
    Limit,
    Offset,
    StoreDep,
    not_found_event,
    on_the_loop,
)
from frontwatch.store import reads

router = APIRouter()


def claim_cursor(raw: str | None) -> tuple[str, str] | None:
    if raw is None:
        return None
    document_id, sep, claim_id = raw.partition(":")
    if not sep or not document_id or not claim_id:
        raise ApiError(422, "invalid_request", f"after is not a claim cursor: {raw[:80]!r}",
                       "pass the `after` of a `next` link as is: document_id:claim_id")
    return document_id, claim_id


def _small(args: dict[str, Any]) -> bool:
    """A page read from indexes: by a cursor, a document, an event's ids, a shallow offset, or a deep one from the
    sparse keys once built for this generation."""
    if args["limit"] > INLINE_ROWS:
        return False
    deep = args["offset"] >= reads.CLAIM_STEP and args["document_id"] is None and args["event_id"] is None
    return not deep or args["after"] is not None or reads.warm(args["store"], "claim_keys")


@router.get("/claims", response_model=s.ClaimsPage, responses=ERRORS, summary="Claims, by document or event")
@on_the_loop(_small)
def list_claims(
    request: Request,
    store: StoreDep,
    document_id: Annotated[str | None, Query(description="Only this document's claims (its full id)")] = None,
    event_id: Annotated[str | None, Query(description="Only the claims behind this event")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    after: Annotated[str | None, Query(
        max_length=MAX_CURSOR, description="Cursor from a `next` link (`document_id:claim_id`): the claims after "
        "that one. The `next` links carry it, so following them costs the same on any page; a deep `offset` "
        "walks the index up to the page.")] = None,
) -> Response:
    key = claim_cursor(after)
    ids: list[str] | None = None
    if event_id is not None:
        event = store.event(event_id)
        if event is None:
            raise not_found_event(event_id)
        ids = [*event.claim_ids, *event.contradicting_claim_ids]
    # Paged in SQL, one row beyond the page to know whether there is a next one; sent as stored (see
    # views.payloads_json), only the last claim is read, for the next link's cursor.
    found = store.claim_rows(document_id=document_id, claim_ids=ids, limit=limit + 1, offset=offset, after=key)
    rows = found[:limit]
    nxt = None
    if len(found) > limit:
        last = json.loads(rows[-1][0])
        nxt = str(request.url.remove_query_params("offset").include_query_params(
            after=f"{last['document_id']}:{last['claim_id']}", limit=limit))
    body = (f'{{"items":{views.payloads_json(s.ClaimOut, Claim, rows)},"count":{len(rows)},"limit":{limit},'
            f'"offset":{offset},"next":{json.dumps(nxt)}}}')
    return Response(body, media_type="application/json")
