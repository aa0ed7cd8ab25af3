"""The map page at `/` (its scripts and styles are the static mount `create_app` adds)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

# The served page loads only its own scripts; Leaflet positions things with inline styles, hence style-src.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

router = APIRouter()


@router.get("/", include_in_schema=False)
def index() -> HTMLResponse:
    from frontwatch.publish.map import page_html

    page = page_html(static_prefix="static", data_script=None)
    return HTMLResponse(page, headers={"Content-Security-Policy": CSP})
