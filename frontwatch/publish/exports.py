"""Exports: events as JSON lines, ACLED-compatible CSV or GeoJSON; control as JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from frontwatch.model import ControlState, Event

# ACLED's column names and order; Frontwatch's own columns follow them.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = ["date_low", "date_high", "admin2_code", "status", "confidence", "fatalities_low", "fatalities_best",
                 "fatalities_high", "injured", "killed_or_injured", "claim_ids"]
JSONL_KEYS = [
    "event_id", "event_date", "date_low", "date_high", "time_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "inter1", "inter2", "country", "iso", "admin1", "admin2", "admin2_code", "location", "latitude",
    "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured",
    "killed_or_injured", "status", "confidence", "sources", "source_scale", "notes", "claim_ids",
]
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Riots": "Political violence",
            "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}


@dataclass(frozen=True)
class Country:
    name: str
    numeric: int | None  # ISO 3166-1 numeric: what ACLED's `iso` column holds
    region: str  # ACLED's region


# ACLED's regions from UN subregions; the countries ACLED files elsewhere are listed apart.
ACLED_REGIONS = {
    "Southern Asia": "South Asia", "Central Asia": "Caucasus and Central Asia", "Western Asia": "Middle East",
    "South-Eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia", "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa", "Southern Africa": "Southern Africa",
    "Northern Africa": "Northern Africa", "Southern Europe": "Europe", "Northern Europe": "Europe",
    "Eastern Europe": "Europe", "Western Europe": "Europe", "Caribbean": "Caribbean",
    "Central America": "Central America", "South America": "South America", "Northern America": "North America",
    "Australia and New Zealand": "Oceania", "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania",
}
ACLED_REGION_EXCEPTIONS = {"IR": "Middle East", "AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia",
                           "GE": "Caucasus and Central Asia"}
COUNTRIES_FILE = Path("csc-states") / "countries.json"


def load_countries(data_dir: Path) -> dict[str, Country]:
    """Country names, numeric codes and ACLED regions by ISO alpha-2 from the shared data (empty when absent: the
    exports then carry the alpha-2 code alone)."""
    path = data_dir / COUNTRIES_FILE
    if not path.is_file():
        return {}
    out = {}
    for c in json.loads(path.read_text(encoding="utf-8")):
        iso2 = c.get("iso2")
        if not iso2:
            continue
        numeric = c.get("numeric_code")
        region = ACLED_REGION_EXCEPTIONS.get(iso2) or ACLED_REGIONS.get(c.get("subregion") or "", "")
        out[iso2] = Country(c.get("name") or iso2, int(numeric) if str(numeric or "").isdigit() else None, region)
    return out


def event_record(e: Event, countries: Mapping[str, Country] | None = None) -> dict[str, Any]:
    p = e.place
    country = (countries or {}).get(p.country or "")
    return {
        "event_id": e.event_id,
        "event_date": e.event_date.isoformat(),
        "date_low": e.date_low.isoformat(),
        "date_high": e.date_high.isoformat(),
        "time_precision": e.time_precision,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1.name if e.actor1 else None,
        "actor2": e.actor2.name if e.actor2 else None,
        "inter1": e.actor1.inter if e.actor1 else None,
        "inter2": e.actor2.inter if e.actor2 else None,
        "country": country.name if country else p.country,
        "iso": p.country,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "admin2_code": p.admin2_code,
        "location": p.name,
        "latitude": p.lat,
        "longitude": p.lon,
        "geo_precision": p.geo_precision,
        "fatalities": e.fatalities,
        "fatalities_low": e.fatalities_low,
        "fatalities_best": e.fatalities_best,
        "fatalities_high": e.fatalities_high,
        "injured": e.injured,
        "killed_or_injured": e.killed_or_injured,
        "status": str(e.status),
        "confidence": e.confidence,
        "sources": list(e.sources),
        "source_scale": e.source_scale,
        "notes": e.notes,
        "claim_ids": list(e.claim_ids),
    }


def _interaction(i1: int | None, i2: int | None) -> int | None:
    if i1 is None:
        return None
    if i2 is None:
        return i1 * 10
    a, b = sorted((i1, i2))
    return a * 10 + b


def acled_row(e: Event, countries: Mapping[str, Country] | None = None) -> dict[str, Any]:
    r = event_record(e, countries)
    country = (countries or {}).get(e.place.country or "")
    return {
        "event_id_cnty": e.event_id,
        "event_date": r["event_date"],
        "year": e.event_date.year,
        "time_precision": e.time_precision,
        "disorder_type": DISORDER.get(e.event_type, ""),
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": r["actor1"] or "",
        "assoc_actor_1": "",
        "inter1": r["inter1"] if r["inter1"] is not None else "",
        "actor2": r["actor2"] or "",
        "assoc_actor_2": "",
        "inter2": r["inter2"] if r["inter2"] is not None else "",
        "interaction": _interaction(r["inter1"], r["inter2"]) or "",
        "civilian_targeting": "Civilian targeting" if r["inter2"] == 7 else "",
        "iso": country.numeric if country and country.numeric is not None else (r["iso"] or ""),
        "region": country.region if country else "",
        "country": r["country"] or "",
        "admin1": r["admin1"] or "",
        "admin2": r["admin2"] or "",
        "admin3": "",
        "location": r["location"],
        "latitude": r["latitude"],
        "longitude": r["longitude"],
        "geo_precision": r["geo_precision"],
        "source": "; ".join(e.sources),
        "source_scale": e.source_scale or "",
        "notes": e.notes,
        "fatalities": e.fatalities,
        "tags": f"status={e.status}",
        "timestamp": "",
        **{k: (json.dumps(r[k]) if isinstance(r[k], list) else r[k]) for k in EXTRA_COLUMNS if k in r},
    }


def geojson(events: Sequence[Event], countries: Mapping[str, Country] | None = None) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": e.event_id,
             "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
             "properties": event_record(e, countries)}
            for e in events if e.place.lat is not None and e.place.lon is not None
        ],
    }


# OWASP's rule against CSV (formula) injection: a spreadsheet runs a cell that begins with one of these.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would read as a formula, prefixed with `'` so it shows as text. Only text:
    numbers (a negative latitude or longitude) stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_events(events: Sequence[Event], fmt: str, fp: TextIO, countries: Mapping[str, Country] | None = None
                  ) -> int:
    """Write `events` as `jsonl` (keys `JSONL_KEYS`), `csv` (ACLED's columns then `EXTRA_COLUMNS`, text cells made
    formula-safe by `csv_safe`) or `geojson` (a FeatureCollection of points, the JSONL record as properties); returns
    how many. `countries`: names, numeric codes and regions by ISO alpha-2 (`load_countries`)."""
    if fmt == "jsonl":
        for e in events:
            fp.write(json.dumps(event_record(e, countries), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(fp, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
        w.writeheader()
        for e in events:
            w.writerow({k: csv_safe(v) for k, v in acled_row(e, countries).items()})
    elif fmt == "geojson":
        json.dump(geojson(events, countries), fp, ensure_ascii=False)
        fp.write("\n")
    else:
        raise ValueError(f"unknown format {fmt!r}: use jsonl, csv or geojson")
    return len(events)


def control_record(s: ControlState) -> dict[str, Any]:
    return {
        "unit_code": s.unit_code,
        "unit_name": s.unit_name,
        "admin1": s.admin1,
        "level": s.level,
        "holder": s.holder.name if s.holder else None,
        "status": str(s.status),
        "evidence": str(s.evidence) if s.evidence else None,
        "since": s.since.isoformat(),
        "until": s.until.isoformat() if s.until else None,
        "confidence": s.confidence,
        "claim_ids": list(s.claim_ids),
        "contradicting_claim_ids": list(s.contradicting_claim_ids),
    }


def export_control(states: Sequence[ControlState], fp: TextIO) -> int:
    """Write control states as a JSON list. `status` is the holding (held / contested / unknown); `evidence` is the
    status of the territory event behind it (confirmed / reported / contested): "held as reported" is
    `{"status": "held", "evidence": "reported"}`."""
    json.dump([control_record(s) for s in states], fp, ensure_ascii=False, indent=1)
    fp.write("\n")
    return len(states)
