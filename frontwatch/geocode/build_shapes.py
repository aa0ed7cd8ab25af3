"""The gazetteer build's boundary steps (see build.py for their order): district and province shapes matched to the
admin units, and towns placed in the district whose shape holds them."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from frontwatch.geocode.build_units import _admin_code_by_name, _Builder, _unit_pid


def _point_in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


def point_in_geometry(lon: float, lat: float, geom: dict) -> bool:
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    for poly in polys:
        if poly and _point_in_ring(lon, lat, poly[0]) and not any(_point_in_ring(lon, lat, h) for h in poly[1:]):
            return True
    return False


def _read_crosswalk(con: sqlite3.Connection, b: _Builder, crosswalk: Path) -> dict[str, tuple[str, str, str | None]]:
    """5a. The district boundary ↔ GeoNames crosswalk: boundary shape id -> (unit code, province name, seat). Adds
    the boundary's district name to its unit and draws each district at its seat town."""
    shape_to_code: dict[str, tuple[str, str, str | None]] = {}
    with open(crosswalk, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            codes = [x for x in r["geonames_admin2_codes"].split("|") if x]
            if not codes:
                # A district GeoNames has no code for is still drawn on the map, under its boundary id.
                shape_to_code[r["adm2_shapeID"]] = (f"gb:{r['adm2_shapeID']}", r["adm1_name"], None)
                continue
            seat = r["geonames_seats"].split("|")[0] if r["geonames_seats"] else None
            shape_to_code[r["adm2_shapeID"]] = (codes[0], r["adm1_name"], seat)
            b.add_names(_unit_pid(con, codes[0]) or 0, [r["adm2_name"]])
            if seat:  # a district is drawn at its seat town, where ACLED codes district-level events
                seat_id = int(seat.split(":")[0])
                row = con.execute("SELECT lat, lon FROM places WHERE id=?", (seat_id,)).fetchone()
                if row:
                    con.execute("UPDATE places SET lat=?, lon=? WHERE feature_code='ADM2' AND admin2_code=?",
                                (row[0], row[1], codes[0]))
    return shape_to_code


def _add_district_boundaries(con: sqlite3.Connection, path: Path, shape_to_code: dict[str, tuple[str, str, str | None]]
                             ) -> list[tuple[str, dict, tuple[float, float, float, float]]]:
    """5b. District polygons under their unit codes. Returns (code, geometry, bbox) of the districts GeoNames
    knows."""
    geo = json.loads(Path(path).read_text(encoding="utf-8"))
    district_geoms = []
    for f in geo["features"]:
        hit = shape_to_code.get(f["properties"].get("shapeID", ""))
        if hit:
            con.execute("INSERT INTO boundaries VALUES (?,?,?,?,?)",
                        (hit[0], 2, f["properties"].get("shapeName"), hit[1], json.dumps(f["geometry"])))
            if not hit[0].startswith("gb:"):
                district_geoms.append((hit[0], f["geometry"], _bbox(f["geometry"])))
    return district_geoms


def _place_towns_in_districts(con: sqlite3.Connection,
                              district_geoms: list[tuple[str, dict, tuple[float, float, float, float]]]) -> None:
    """5c. Towns GeoNames leaves without a district get the one whose polygon holds them."""
    for pid, lat, lon, _country in con.execute(
        "SELECT id, lat, lon, country FROM places WHERE feature_class='P' AND admin2_code IS NULL AND country='AF'"
    ).fetchall():
        for code, geom, (x0, y0, x1, y1) in district_geoms:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and point_in_geometry(lon, lat, geom):
                con.execute("UPDATE places SET admin2_code=? WHERE id=?", (code, pid))
                break


def _add_province_boundaries(con: sqlite3.Connection, path: Path) -> None:
    """5d. Province polygons, matched to admin1 units by name."""
    geo = json.loads(Path(path).read_text(encoding="utf-8"))
    for f in geo["features"]:
        name = f["properties"].get("shapeName", "")
        code = _admin_code_by_name(con, name, level=1, country="AF")
        if code:
            con.execute("INSERT INTO boundaries VALUES (?,?,?,?,?)",
                        (code, 1, name, name, json.dumps(f["geometry"])))


def _bbox(geom: dict) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    for poly in polys:
        for x, y, *_ in poly[0]:
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)
