"""The embedded gazetteer: an SQLite index built by `frontwatch gazetteer build`, read through lookups by name key."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from frontwatch.errors import GazetteerMissing
from frontwatch.geocode.keys import CONNECTIVES, name_key, strip_diacritics
from frontwatch.model import Place

BUILD_HINT = (
    "build it with `frontwatch gazetteer build --data ../shared/data --out var/gazetteer.sqlite` (or `make setup`)"
)
# ACLED geo precision by feature: a town is itself (1); a district is coded to a representative town (2);
# a province or larger to its capital or centre (3).
PRECISION = {"ADM2": 2, "ADM1": 3, "PCLI": 3, "ADM3": 2, "ADM1H": 3, "ADM2H": 2, "RGN": 3}


_GLUED = re.compile(r"([EA]l)([a-z]{3,})")
ADMIN1_FILL_KM = 50.0  # how far a town lacking its province may borrow the nearest coded town's


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    name: str
    feature_class: str
    feature_code: str
    country: str
    admin1_code: str | None
    admin2_code: str | None
    lat: float | None
    lon: float | None
    population: int


class Gazetteer:
    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        self.con = con
        self.path = path
        self._admin_names = {code: name for code, name in con.execute("SELECT code, name FROM admin_units")}
        self.lookup = lru_cache(maxsize=100_000)(self._lookup)

    @classmethod
    def open(cls, path: Path | str) -> Gazetteer:
        path = Path(path)
        if not path.exists():
            raise GazetteerMissing(f"no gazetteer index at {path}", hint=BUILD_HINT)
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("SELECT count(*) FROM names").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerMissing(f"{path} is not a Frontwatch gazetteer index ({exc})", hint=BUILD_HINT) from exc
        return cls(con, path)

    def __getstate__(self) -> dict[str, Any]:  # Dask ships a path, each worker opens its own connection
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        other = Gazetteer.open(state["path"])
        self.__dict__.update(other.__dict__)

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        rows = self.con.execute(
            "SELECT p.id, p.name, p.feature_class, p.feature_code, p.country, p.admin1_code, p.admin2_code, p.lat,"
            " p.lon, p.population FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?",
            (key,),
        ).fetchall()
        return tuple(self._with_admin1(Candidate(*r)) for r in rows)

    def _with_admin1(self, c: Candidate) -> Candidate:
        """A town the source files under no province takes its district's, else the province of the nearest town
        filed under one, within `ADMIN1_FILL_KM`: some GeoNames towns lack their admin1 code, and an event placed
        there would name no admin1 though its province is plain from its district or its neighbours."""
        if c.admin1_code is not None or c.feature_class != "P":
            return c
        parent = c.admin2_code.rsplit(".", 1)[0] if c.admin2_code and c.admin2_code.count(".") == 2 else None
        if parent in self._admin_names:
            return dataclasses.replace(c, admin1_code=parent)  # its district's code holds its province's
        if c.lat is None or c.lon is None:
            return c
        lats, lons, codes = self._coded_towns(c.country)
        if not codes:
            return c
        p1, p2 = np.radians(c.lat), np.radians(lats)
        a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lons - c.lon) / 2) ** 2
        km = 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, a)))
        k = int(np.argmin(km))
        return c if km[k] > ADMIN1_FILL_KM else dataclasses.replace(c, admin1_code=codes[k])

    def _coded_towns(self, country: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """A country's towns filed under a known province: their points and codes (read once per country)."""
        cache = self.__dict__.setdefault("_coded", {})
        if country not in cache:
            rows = [(lat, lon, code) for code, lat, lon in self.con.execute(
                "SELECT admin1_code, lat, lon FROM places WHERE country = ? AND admin1_code IS NOT NULL"
                " AND feature_class = 'P' AND lat IS NOT NULL AND lon IS NOT NULL", (country,))
                if code in self._admin_names]
            cache[country] = (np.array([r[0] for r in rows], dtype=float), np.array([r[1] for r in rows], dtype=float),
                              [r[2] for r in rows])
        return cache[country]

    def candidates(self, name: str, limit: int = 20) -> list[Candidate]:
        key = name_key(name)
        if not key:
            return []
        found = list(self.lookup(key)) or self.glued_article(name)
        found.sort(key=lambda c: (-c.population, c.id))
        return found[:limit]

    def glued_article(self, name: str) -> list[Candidate]:
        """ "Elwak" for "El Wak", "Alqosh" for "Al Qosh": a one-word name the index lacks, read as an Arabic article
        written together with its word; only places whose own name has that article match."""
        m = _GLUED.fullmatch(strip_diacritics(name).strip())
        if m is None:
            return []
        article, rest = m.group(1).lower(), m.group(2).lower()
        return [c for c in self.lookup(name_key(f"{article} {rest}"))
                if re.fullmatch(rf"{article}[\s-]+{rest}", strip_diacritics(c.name).lower())]

    def has_key(self, key: str) -> bool:
        return bool(self.lookup(key))

    def fuzzy(self, name: str, threshold: float = 90.0, limit: int = 10) -> list[tuple[Candidate, float]]:
        """Names within edit distance of the key; only for names with no exact key (see docs/geocoding.md)."""
        from rapidfuzz import fuzz

        key = name_key(name)
        if len(key) < 5:
            return []
        rows = self.con.execute("SELECT DISTINCT key FROM names WHERE key >= ? AND key < ?",
                                (key[:3], key[:3] + "\uffff")).fetchall()
        scored = [(k, fuzz.ratio(key, k)) for (k,) in rows]
        out: list[tuple[Candidate, float]] = []
        for k, score in sorted(scored, key=lambda x: -x[1])[:limit]:
            if score >= threshold:
                out += [(c, score) for c in self.lookup(k)]
        return out

    def district_heads(self, name: str) -> list[Candidate]:
        """Districts (ADM2) whose name is `name` and a qualifier joined by an ezafe ("Yaftal" for "Yaftal-e Suflá",
        "Nawa" for "Nāwah-ye Bārakzaī"): the short form reports give before "district"."""
        heads = self.__dict__.get("_heads")
        if heads is None:
            heads = {}
            for place_id, unit in self.con.execute("SELECT place_id, name FROM admin_units WHERE level = 2"):
                words = [w for w in re.split(r"[\s-]+", strip_diacritics(str(unit)).lower()) if w]
                if len(words) >= 3 and words[1] in CONNECTIVES and len(key := name_key(words[0])) >= 4:
                    heads.setdefault(key, []).append(place_id)
            self.__dict__["_heads"] = heads
        ids = heads.get(name_key(name), [])
        if not ids:
            return []
        rows = self.con.execute(
            "SELECT id, name, feature_class, feature_code, country, admin1_code, admin2_code, lat, lon, population"
            f" FROM places WHERE id IN ({','.join('?' * len(ids))})", ids).fetchall()
        return [Candidate(*r) for r in rows]

    def admin_name(self, code: str | None) -> str | None:
        return self._admin_names.get(code) if code else None

    def to_place(self, c: Candidate) -> Place:
        return Place(
            name=c.name,
            gazetteer_id=c.id,
            feature_code=c.feature_code,
            country=c.country,
            admin1=self.admin_name(c.admin1_code),
            admin1_code=c.admin1_code,
            admin2=self.admin_name(c.admin2_code),
            admin2_code=c.admin2_code,
            lat=c.lat,
            lon=c.lon,
            geo_precision=PRECISION.get(c.feature_code, 1),
        )

    def admin_unit(self, code: str) -> Place | None:
        row = self.con.execute(
            "SELECT p.id, p.name, p.feature_class, p.feature_code, p.country, p.admin1_code, p.admin2_code, p.lat,"
            " p.lon, p.population FROM admin_units a JOIN places p ON p.id = a.place_id WHERE a.code = ?",
            (code,),
        ).fetchone()
        return self.to_place(Candidate(*row)) if row else None

    def seat(self, place: Place) -> Candidate | None:
        """The seat of a province (ADM1): the national capital if it lies in it, else its most populous first-order
        administrative seat (PPLA). ACLED codes an event known only to its province at the provincial capital."""
        if place.feature_code not in ("ADM1", "ADM1H") or not place.admin1_code or not place.country:
            return None
        return self._seat(place.country, place.admin1_code)

    @lru_cache(maxsize=10_000)  # noqa: B019 - one gazetteer per process; the cache holds a few thousand units
    def _seat(self, country: str, admin1_code: str) -> Candidate | None:
        row = self.con.execute(
            "SELECT id, name, feature_class, feature_code, country, admin1_code, admin2_code, lat, lon, population"
            " FROM places WHERE country = ? AND admin1_code = ? AND feature_code IN ('PPLA', 'PPLC')"
            " AND lat IS NOT NULL ORDER BY feature_code = 'PPLC' DESC, population DESC, id LIMIT 1",
            (country, admin1_code),
        ).fetchone()
        return Candidate(*row) if row else None

    def boundary_geojson(self, level: int) -> dict[str, Any]:
        features = [
            {
                "type": "Feature",
                "properties": {"unit_code": code, "name": self.admin_name(code) or name, "admin1": admin1,
                               "level": level},
                "geometry": json.loads(geom),
            }
            for code, name, admin1, geom in self.con.execute(
                "SELECT unit_code, name, admin1, geometry FROM boundaries WHERE level = ? ORDER BY unit_code",
                (level,),
            )
        ]
        return {"type": "FeatureCollection", "features": features}

    def info(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self.con.execute("SELECT key, value FROM meta")}
