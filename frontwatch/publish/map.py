"""The map page: served at `/` by the API, or written as a static page that opens from disk (file://).

A page opened from file:// cannot fetch JSON, so the static page gets its data as a script beside it
(`<name>.data.js` setting `window.FRONTWATCH_DATA`) and the vendor files (Leaflet, markercluster, topojson-client,
country outlines) copied next to it. The page's own script is the same in both cases.

Offline by default: names on the map come from the project's own data (boundaries and gazetteer towns). A raster
tile URL (`--tiles`) is optional; the served page's Content-Security-Policy then admits that tile host and no other.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from frontwatch.errors import FrontwatchError
from frontwatch.model import Claim, ControlState, Document
from frontwatch.publish import schemas as s
from frontwatch.publish import views

if TYPE_CHECKING:
    from frontwatch.store import Store

STATIC_DIR = Path(__file__).with_name("static")
TEMPLATE = STATIC_DIR / "map.template.html"
# Written into every page, so `frontwatch map OUT` can tell its own earlier output (rewritten freely) from any
# other file (kept unless --force).
PAGE_MARKER = '<meta name="generator" content="frontwatch map page">'
# Pages written before the marker existed carry the template's title; they are ours too.
_LEGACY_MARK = "<title>Frontwatch — events and district control</title>"


def is_own_page(path: Path) -> bool:
    """True when `path` is a map page Frontwatch wrote (the marker sits in the head, so the first 8 kB tell)."""
    try:
        with path.open("rb") as f:
            head = f.read(8192).decode("utf-8", "replace")
    except OSError:
        return False
    return PAGE_MARKER in head or _LEGACY_MARK in head
VENDOR_FILES = (
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "vendor/topojson-client.min.js",
    "vendor/world-atlas/countries-50m.js",
)


# Towns labelled on the map: the gazetteer's populated places in the countries the boundaries cover, most populous
# first. A few hundred is plenty for labels and keeps the page light.
MAX_TOWNS = 400
BASE_CSP = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self' 'unsafe-inline'", "img-src": "'self' data:",
    "connect-src": "'self'", "object-src": "'none'", "base-uri": "'none'", "frame-ancestors": "'none'",
}
TILE_HINT = "give a tile URL template like https://tile.example.org/{z}/{x}/{y}.png ({s} for subdomains is allowed)"


@dataclass(frozen=True)
class Tiles:
    """A raster tile layer the user configured: Leaflet's URL template and the attribution its provider requires."""

    url: str
    attribution: str

    @property
    def csp_source(self) -> str:
        """The CSP source admitting this host only: scheme, host and port; `{s}` (subdomains) becomes `*`."""
        parts = urlsplit(self.url)
        host = re.sub(r"\{s\}", "*", parts.netloc)
        return f"{parts.scheme}://{host}"


def parse_tiles(url: str | None, attribution: str | None = None) -> Tiles | None:
    """Check a `--tiles` URL template; None when not configured. Raises FrontwatchError saying how to fix it."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FrontwatchError(f"--tiles {url[:120]!r} is not an http(s) URL", TILE_HINT)
    if parts.username or parts.password or not parts.netloc:
        raise FrontwatchError(f"--tiles {url[:120]!r} has no host or carries credentials", TILE_HINT)
    # Only {s} may vary in the host, and only as a whole label: the CSP must name the host the tiles come from.
    host = parts.netloc.replace("{s}", "s")
    if not re.fullmatch(r"[A-Za-z0-9.-]+(:\d{1,5})?|\[[0-9A-Fa-f:]+\](:\d{1,5})?", host) or (
        "{s}" in parts.netloc and (not re.match(r"\{s\}\.", parts.netloc) or parts.netloc.count("{s}") > 1)
    ):
        raise FrontwatchError(f"--tiles {url[:120]!r}: the host may hold only a leading {{s}} subdomain", TILE_HINT)
    if not all(k in url for k in ("{z}", "{x}", "{y}")):
        raise FrontwatchError(f"--tiles {url[:120]!r} lacks {{z}}, {{x}} or {{y}}", TILE_HINT)
    return Tiles(url=url, attribution=(attribution or "").strip() or f"Tiles: {parts.hostname or host}")


def page_csp(tiles: Tiles | None = None) -> str:
    """The served page's Content-Security-Policy: its own files only, plus the configured tile host's images."""
    policy = dict(BASE_CSP)
    if tiles is not None:
        policy["img-src"] += " " + tiles.csp_source
    return "; ".join(f"{k} {v}" for k, v in policy.items())


def vendor_missing() -> list[str]:
    return [f for f in VENDOR_FILES if not (STATIC_DIR / f).is_file()]


def page_html(static_prefix: str = "static", data_script: str | None = None, tiles: Tiles | None = None) -> str:
    missing = vendor_missing()
    if missing:
        raise FrontwatchError(
            f"the map page's vendor files are missing: {', '.join(missing)}",
            "run `make setup` (npm ci copies Leaflet and the country outlines into frontwatch/publish/static/vendor)",
        )
    page = TEMPLATE.read_text(encoding="utf-8").replace("{{STATIC}}", html.escape(static_prefix, quote=True))
    tag = f'<script src="{html.escape(data_script, quote=True)}"></script>' if data_script else ""
    # The tile settings travel in meta tags (no inline script: the CSP forbids it); the page reads them as text.
    meta = (
        f'<meta name="fw-tiles" content="{html.escape(tiles.url, quote=True)}" '
        f'data-attribution="{html.escape(tiles.attribution, quote=True)}">'
        if tiles else ""
    )
    page = page.replace("{{DATA_SCRIPT}}", tag).replace("{{TILES_META}}", meta)
    return page.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{PAGE_MARKER}', 1)


def town_labels(gazetteer: Any, limit: int = MAX_TOWNS) -> list[dict[str, Any]]:
    """The gazetteer's most populous towns in the countries its boundaries cover: name, lat, lon, population."""
    if gazetteer is None:
        return []
    con = gazetteer.con
    countries = [r[0] for r in con.execute("SELECT DISTINCT upper(substr(unit_code, 1, 2)) FROM boundaries")]
    if not countries:
        return []
    marks = ",".join("?" * len(countries))
    rows = con.execute(
        f"SELECT name, lat, lon, population FROM places WHERE feature_class = 'P' AND country IN ({marks})"
        " AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY population DESC, id LIMIT ?",
        (*countries, limit),
    )
    return [{"name": n, "lat": round(la, 4), "lon": round(lo, 4), "population": int(p or 0)} for n, la, lo, p in rows]


def labels(gazetteer: Any) -> dict[str, Any]:
    return {"towns": town_labels(gazetteer)}


def unit_evidence(
    store: Store, states: Iterable[ControlState], claims_by_id: dict[str, Claim] | None = None,
    documents_by_id: dict[str, Document | None] | None = None,
) -> dict[str, dict[str, Any]]:
    """The claims behind control states, by claim id, in the shape of an event's evidence (quote, source chains,
    claim, document): what the district panel shows under each change of hands."""
    wanted = list(dict.fromkeys(i for st in states for i in (*st.claim_ids, *st.contradicting_claim_ids)))
    if not wanted:
        return {}
    if claims_by_id is None:
        claims_by_id = {c.claim_id: c for c in store.claims(claim_ids=wanted)}
    # the state's own lists say which claims contradict it: every claim is quoted here as it stands
    documents = documents_by_id if documents_by_id is not None else {}
    quoted = views.quoted_claims(store, [("supporting", i) for i in wanted], claims_by_id, documents)
    return {claim_id: e.model_dump(mode="json") for claim_id, e in quoted}


def map_data(store: Store, gazetteer: Any) -> dict[str, Any]:
    """Everything the page shows, in the API's shapes: events (GeoJSON), each event's evidence, timelines, districts."""
    events = store.events()
    claims: dict[str, Claim] = {c.claim_id: c for c in store.claims()}
    documents: dict[str, Document | None] = {d.document_id: d for d in store.documents()}
    features = [views.event_feature(e) for e in events]
    fc = s.EventFeatureCollection(
        type="FeatureCollection", features=features, count=len(features), limit=len(features), offset=0, next=None
    )
    details = {e.event_id: views.event_detail(store, e, claims_by_id=claims, documents_by_id=documents) for e in events}
    return {
        "labels": labels(gazetteer),
        "provinces": views.boundaries(gazetteer, 1).model_dump(mode="json"),
        "claims": unit_evidence(store, store.control_timeline(), claims, documents),
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


def write_map(store: Store, gazetteer: Any, out: Path | str, tiles: Tiles | None = None) -> Path:
    """Write a self-contained map page to `out` (HTML), its data script and the static files beside it.

    Returns the page's path. Open it in a browser straight from disk; no server needed.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    data_name = f"{out.stem}.data.js"
    page = page_html(static_prefix="static", data_script=data_name, tiles=tiles)
    shutil.copytree(
        STATIC_DIR, out.parent / "static", dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("*.map", "*.esm.js", "leaflet-src.js", "countries-50m.json", "*.template.html"),
    )
    (out.parent / data_name).write_text(data_script(map_data(store, gazetteer)), encoding="utf-8")
    out.write_text(page, encoding="utf-8")
    return out


def map_router(store: Store, gazetteer: Any) -> Any:
    """The page's own routes under /map: town labels, and one unit's control evidence for the district panel."""
    from fastapi import APIRouter

    router = APIRouter(prefix="/map", include_in_schema=False)
    cached: dict[str, Any] = {}

    @router.get("/labels")
    def get_labels() -> dict[str, Any]:
        if "labels" not in cached:
            cached["labels"] = labels(gazetteer)
        return cached["labels"]  # type: ignore[no-any-return]

    @router.get("/units/{unit_code}/claims")
    def get_unit_claims(unit_code: str) -> dict[str, Any]:
        # An unknown unit has no states, hence no claims: an empty map, which the panel shows as "no claims".
        return {"unit_code": unit_code, "claims": unit_evidence(store, store.control_timeline(unit_code[:80]))}

    return router
