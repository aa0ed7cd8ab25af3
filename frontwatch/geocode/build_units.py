"""The gazetteer build's place and name steps (see build.py for their order): populated places, GeoNames' admin
points, countries, admin units (and historic and composed ones), multilingual names, points for units without one."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontwatch.geocode.keys import GENERIC, is_arabic_script, keys_for, name_key
from frontwatch.geocode.names import COUNTRY_ALIASES

if TYPE_CHECKING:
    from frontwatch.geocode.build import Sources

# Synthetic ids for admin units without a GeoNames id in the inputs stay clear of GeoNames' range.
SYNTHETIC_BASE = 2_000_000_000


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")


# A short all-capital alternate is an airport's or an agency's code ("GAS", "OIL"), which an ordinary word of a
# report spells ("Liquefied Petroleum Gas"); only the initials of the place's own name ("NYC") are a name of it.
_CODE = re.compile(r"[A-Z]{2,4}")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", name)).upper()


def _keep_alt(name: str, primary: str = "") -> bool:
    # Latin and Persian/Arabic script names serve English and Dari reports; other scripts, codes and links do not.
    if not name or len(name) > 60 or name.startswith("http") or any(ch.isdigit() for ch in name):
        return False
    if _CODE.fullmatch(name) and name != _initials(primary):
        return False
    if is_arabic_script(name):
        return True
    return all(ord(ch) < 0x2B0 or ch in "ḥḤṣṢṭṬẓẒḍḌṯṮḏḎẕẔḩḨşŞ‘’ʻʼʿʾ" or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


def _rows(path: Path) -> Iterator[list[str]]:
    with _open_text(path) as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


class _Builder:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.names: set[tuple[str, int]] = set()
        self.place_ids: set[int] = set()
        self.synthetic = SYNTHETIC_BASE

    def add_names(self, place_id: int, names: Iterator[str] | list[str]) -> None:
        for n in names:
            for k in keys_for(n):
                self.names.add((k, place_id))

    def add_place(self, row: tuple) -> None:
        if row[0] in self.place_ids:
            return
        self.place_ids.add(row[0])
        self.con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", row)

    def next_id(self) -> int:
        self.synthetic += 1
        return self.synthetic


def _add_populated_places(b: _Builder, dumps: list[Path]) -> None:
    """1. Populated places (and anything else in the `geoname` dumps), with their kept alternate names."""
    for path in dumps:
        for c in _rows(path):
            if len(c) < 15:
                continue
            gid = int(c[0])
            b.add_place((gid, c[1], c[6], c[7], c[8], f"{c[8]}.{c[10]}" if c[10] else None,
                         f"{c[8]}.{c[10]}.{c[11]}" if c[10] and c[11] else None, float(c[4]), float(c[5]),
                         int(c[14] or 0)))
            b.add_names(gid, [c[1], c[2], *[a for a in c[3].split(",") if _keep_alt(a, c[1])]])


@dataclass(frozen=True)
class _AdminPoints:
    points: dict[str, tuple[float, float, int]]  # code -> (lat, lon, geonameid), the first file's point first
    names: dict[str, list[str]]  # code -> names of its records, in file order


def _read_admin_points(paths: list[Path]) -> _AdminPoints:
    """2. GeoNames' own points for countries and admin units."""
    points: dict[str, tuple[float, float, int]] = {}
    point_names: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        with _open_text(path) as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                if r["lat"] and r["gn_code"] not in points:
                    points[r["gn_code"]] = (float(r["lat"]), float(r["lon"]), int(r["geonameid"] or 0))
                point_names[r["gn_code"]] += [r["name"], r["coord_source_name"]]
    return _AdminPoints(points, point_names)


def _add_countries(con: sqlite3.Connection, b: _Builder, country_info: Path | None, admin: _AdminPoints
                   ) -> dict[str, str]:
    """3. Countries from countryInfo, placed at their admin point. Returns their names by ISO code."""
    points, point_names = admin.points, admin.names
    # A country's own GeoNames record names it; a countryInfo copy may carry another country's name in its place
    # (one circulating copy calls IL "Palestine"), which would make the two countries one key.
    own_names = {k: v[0] for k, v in point_names.items() if len(k) == 2 and v}
    claimed = {n.lower(): k for k, n in own_names.items()} | {a.lower(): k for a, k in COUNTRY_ALIASES.items()}
    country_names: dict[str, str] = {}
    if country_info:
        for c in _rows(country_info):
            iso, listed, pop, gid = c[0], c[4], int(c[7] or 0), int(c[16] or 0) if c[16] else 0
            if claimed.get(listed.lower(), iso) != iso:
                listed = own_names.get(iso, listed)
            name = listed
            country_names[iso] = name
            lat, lon, pgid = points.get(iso, (None, None, 0))
            pid = gid or pgid or b.next_id()
            b.add_place((pid, name, "A", "PCLI", iso, None, None, lat, lon, pop))
            aliases = [a for a, code in COUNTRY_ALIASES.items() if code == iso]
            b.add_names(pid, [name, iso if len(iso) == 2 else name, *point_names.get(iso, []), *aliases])
            con.execute("INSERT OR REPLACE INTO admin_units VALUES (?,?,?,?)", (iso, 0, name, pid))
    return country_names


def _add_admin_units(con: sqlite3.Connection, b: _Builder, sources: Sources, admin: _AdminPoints) -> None:
    """4. Admin1 and admin2 units; coordinates from GeoNames' points, else the largest of their member places."""
    points, point_names = admin.points, admin.names
    members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for code1, code2, lat, lon, pop in con.execute("SELECT admin1_code, admin2_code, lat, lon, population FROM places"
                                                   " WHERE feature_class='P'"):
        if code1:
            members[code1].append((lat, lon, pop))
        if code2:
            members[code2].append((lat, lon, pop))

    def unit_point(code: str) -> tuple[float | None, float | None]:
        if code in points:
            return points[code][0], points[code][1]
        m = members.get(code)
        if not m:
            return None, None
        best = max(m, key=lambda x: x[2])  # the largest member town stands for the unit
        return best[0], best[1]

    subdiv_names: dict[str, list[str]] = defaultdict(list)
    if sources.subdivisions:
        for c in _rows(sources.subdivisions):
            if len(c) > 5:
                subdiv_names[c[2]] += [c[0], c[5]]
    for level, path in ((1, sources.admin1), (2, sources.admin2)):
        if not path:
            continue
        for c in _rows(path):
            code, name, ascii_name, gid = c[0], c[1], c[2], int(c[3] or 0) if len(c) > 3 and c[3] else 0
            parts = code.split(".")
            lat, lon = unit_point(code)
            pid = gid or b.next_id()
            pop = sum(m[2] for m in members.get(code, []))
            b.add_place((pid, name, "A", f"ADM{level}", parts[0], ".".join(parts[:2]),
                         code if level == 2 else None, lat, lon, pop))
            b.add_names(pid, [name, ascii_name, *subdiv_names.get(code, []), *point_names.get(code, [])])
            con.execute("INSERT OR REPLACE INTO admin_units VALUES (?,?,?,?)", (code, level, name, pid))


def _add_historic_units(con: sqlite3.Connection, b: _Builder, admin: _AdminPoints) -> None:
    """4b. Units GeoNames has since replaced (Norway's 2020 counties, Sudan's and South Sudan's older states) are
    still named in reports: admin points whose code the current code files lack become historic units
    (ADM1H/ADM2H)."""
    current = {code for (code,) in con.execute("SELECT code FROM admin_units")}
    for code, (lat, lon, gid) in admin.points.items():
        level = code.count(".")
        if level == 0 or code in current or level > 2:
            continue
        names = [n for n in admin.names.get(code, []) if n]
        if not names:
            continue
        pid = gid if gid and gid not in b.place_ids else b.next_id()
        parts = code.split(".")
        b.add_place((pid, names[0], "A", f"ADM{level}H", parts[0], ".".join(parts[:2]),
                     code if level == 2 else None, lat, lon, 0))
        b.add_names(pid, names)


def _add_multilingual_names(con: sqlite3.Connection, b: _Builder, path: Path) -> None:
    """6. Names in Dari and Pashto (and other spellings) for provinces and districts."""
    for prov in json.loads(Path(path).read_text(encoding="utf-8")):
        code1 = _admin_code_by_name(con, prov["name"], level=1, country="AF")
        if code1:
            b.add_names(_unit_pid(con, code1) or 0, [prov["name"], prov.get("nameFa", ""), prov.get("namePa", "")])
        for d in prov.get("districts", []):
            code2 = _admin_code_by_name(con, d["name"], level=2, country="AF", within=code1)
            if code2:
                b.add_names(_unit_pid(con, code2) or 0, [d["name"], d.get("nameFa", ""), d.get("namePa", "")])


_DIRECTION = {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper",
              "lower", "middle", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
              "south-east", "south-west"}


# "Upper East", "Lower River", "Western Area": the rest of the name is a direction or a kind of unit, not a region.
_NOT_A_REGION = GENERIC | _DIRECTION | {"river", "coast", "highlands", "island", "islands", "area", "zone", "division",
                                        "atoll", "aimak", "department", "state", "territory"}


def _add_composed_regions(con: sqlite3.Connection, b: _Builder) -> None:
    groups: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    labels: dict[tuple[str, str], str] = {}
    existing: set[tuple[str, str]] = set()
    for name, country, lat, lon, pop in con.execute(
        "SELECT name, country, lat, lon, population FROM places WHERE feature_code IN ('ADM1', 'ADM1H', 'PCLI')"
    ).fetchall():
        existing.add((country, name_key(name)))
        words = name.replace("-", " ").split()
        if len(words) >= 2 and words[0].lower() in _DIRECTION and lat is not None:
            rest = " ".join(words[1:])
            key = (country, name_key(rest))
            groups[key].append((lat, lon, pop))
            labels[key] = rest
    for key, members in groups.items():
        if len(members) < 2 or key in existing or len(key[1]) < 4 or labels[key].lower() in _NOT_A_REGION:
            continue
        pid = b.next_id()
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        b.add_place((pid, labels[key], "L", "RGN", key[0], None, None, lat, lon, sum(m[2] for m in members)))
        b.add_names(pid, [labels[key]])


def _fill_unit_points(con: sqlite3.Connection) -> int:
    """Give admin units with no point one from inside them: the town of the same name in the same province (a
    district is usually named after its seat: "Nyando District" / Nyando), else, for a district, its province's point,
    and for a province, its capital (PPLA). Without a point a unit could never be placed, only named. Returns how many
    units got one."""
    missing = con.execute("SELECT id, name, feature_code, admin1_code FROM places WHERE lat IS NULL"
                          " AND feature_code IN ('ADM1', 'ADM2') AND admin1_code IS NOT NULL").fetchall()
    if not missing:
        return 0
    provinces = {code1 for *_, code1 in missing}
    towns: dict[tuple[str, str], tuple[int, int, float, float]] = {}
    capitals: dict[str, tuple[int, float, float]] = {}
    for name, code1, fcode, lat, lon, pop in con.execute(
        "SELECT name, admin1_code, feature_code, lat, lon, population FROM places WHERE feature_class = 'P'"
        " AND admin1_code IS NOT NULL AND lat IS NOT NULL"
    ):
        if code1 not in provinces:
            continue
        rank = (fcode in ("PPLA", "PPLA2", "PPLA3", "PPLC"), pop)
        key = (code1, name_key(name))
        if key not in towns or rank > towns[key][:2]:
            towns[key] = (*rank, lat, lon)
        if fcode in ("PPLA", "PPLC") and (code1 not in capitals or pop > capitals[code1][0]):
            capitals[code1] = (pop, lat, lon)
    filled = 0
    for level in ("ADM1", "ADM2"):
        points = {code: (lat, lon) for code, lat, lon in con.execute(
            "SELECT a.code, p.lat, p.lon FROM admin_units a JOIN places p ON p.id = a.place_id"
            " WHERE a.level = 1 AND p.lat IS NOT NULL")}
        for pid, name, fcode, code1 in missing:
            if fcode != level:
                continue
            town = towns.get((code1, name_key(name)))
            if town:
                point: tuple[float, float] | None = (town[2], town[3])
            elif level == "ADM2":
                point = points.get(code1)
            else:
                point = capitals[code1][1:] if code1 in capitals else None
            if point:
                con.execute("UPDATE places SET lat = ?, lon = ? WHERE id = ?", (*point, pid))
                filled += 1
    return filled


def _unit_pid(con: sqlite3.Connection, code: str) -> int | None:
    row = con.execute("SELECT place_id FROM admin_units WHERE code=?", (code,)).fetchone()
    return row[0] if row else None


def _admin_code_by_name(con: sqlite3.Connection, name: str, level: int, country: str,
                        within: str | None = None) -> str | None:
    key = name_key(name)
    best = None
    for code, uname in con.execute("SELECT code, name FROM admin_units WHERE level=? AND code LIKE ?",
                                   (level, f"{within or country}.%")):
        if name_key(uname) == key:
            return code
        best = best or None
    return best
