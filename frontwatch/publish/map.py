"""The map page: served at `/` by the API, or written as a static page that opens from disk (file://).

A page opened from file:// cannot fetch JSON, so the static page gets its data as a script beside it
(`<name>.data.js` setting `window.FRONTWATCH_DATA`) and the vendor files (Leaflet, markercluster, topojson-client,
country outlines) copied next to it. The page's own script is the same in both cases.
"""

from __future__ import annotations

import html
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontwatch.errors import FrontwatchError
from frontwatch.model import Claim, Document
from frontwatch.publish import schemas as s
from frontwatch.publish import views

if TYPE_CHECKING:
    from frontwatch.store import Store

STATIC_DIR = Path(__file__).with_name("static")
TEMPLATE = STATIC_DIR / "map.template.html"
VENDOR_FILES = (
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "vendor/topojson-client.min.js",
    "vendor/world-atlas/countries-50m.js",
)


def vendor_missing() -> list[str]:
    return [f for f in VENDOR_FILES if not (STATIC_DIR / f).is_file()]


def page_html(static_prefix: str = "static", data_script: str | None = None) -> str:
    missing = vendor_missing()
    if missing:
        raise FrontwatchError(
            f"the map page's vendor files are missing: {', '.join(missing)}",
            "run `make setup` (npm ci copies Leaflet and the country outlines into frontwatch/publish/static/vendor)",
        )
    page = TEMPLATE.read_text(encoding="utf-8").replace("{{STATIC}}", html.escape(static_prefix, quote=True))
    tag = f'<script src="{html.escape(data_script, quote=True)}"></script>' if data_script else ""
    return page.replace("{{DATA_SCRIPT}}", tag)


def map_data(store: Store, gazetteer: Any) -> dict[str, Any]:
    """Everything the page shows, in the API's shapes: events (GeoJSON), each event's evidence, timelines, districts."""
    events = store.events()
    claims: dict[str, Claim] = {c.claim_id: c for c in store.claims()}
    documents: dict[str, Document] = {d.document_id: d for d in store.documents()}
    features = [views.event_feature(e) for e in events]
    fc = s.EventFeatureCollection(
        type="FeatureCollection", features=features, count=len(features), limit=len(features), offset=0, next=None
    )
    details = {e.event_id: views.event_detail(store, e, claims_by_id=claims, documents_by_id=documents) for e in events}
    return {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "events": fc.model_dump(mode="json"),
        "details": {k: v.model_dump(mode="json") for k, v in details.items()},
        "timelines": views.timelines(store).model_dump(mode="json"),
        "boundaries": views.boundaries(gazetteer, 2).model_dump(mode="json"),
    }


def data_script(data: dict[str, Any]) -> str:
    # `<` escaped so no report text can close a script element, even if someone inlines this file.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.FRONTWATCH_DATA = {payload};\n"


def write_map(store: Store, gazetteer: Any, out: Path | str) -> Path:
    """Write a self-contained map page to `out` (HTML), its data script and the static files beside it.

    Returns the page's path. Open it in a browser straight from disk; no server needed.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    data_name = f"{out.stem}.data.js"
    page = page_html(static_prefix="static", data_script=data_name)
    shutil.copytree(
        STATIC_DIR, out.parent / "static", dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.map", "*.esm.js", "leaflet-src.js", "countries-50m.json", "*.template.html"),
    )
    (out.parent / data_name).write_text(data_script(map_data(store, gazetteer)), encoding="utf-8")
    out.write_text(page, encoding="utf-8")
    return out
