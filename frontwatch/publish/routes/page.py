"""The map page at `/` (its scripts and styles are the static mount `create_app` adds)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from frontwatch.publish.map import page_csp

# The served page loads only its own scripts; Leaflet positions things with inline styles, hence style-src. With
# `--tiles`, img-src also admits that one tile host (frontwatch.publish.map.page_csp).
CSP = page_csp()

router = APIRouter()


@router.get("/", include_in_schema=False)
def index(request: Request) -> HTMLResponse:
    from frontwatch.publish.map import page_html

    tiles = request.app.state.tiles
    page = page_html(static_prefix="static", data_script=None, tiles=tiles)
    return HTMLResponse(page, headers={"Content-Security-Policy": page_csp(tiles)})
