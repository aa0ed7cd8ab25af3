"""Exports: events as JSON lines, ACLED-compatible CSV or GeoJSON; control as JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
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


def _country_name(iso: str | None) -> str | None:
    return COUNTRY_NAMES.get(iso or "", iso)


COUNTRY_NAMES: dict[str, str] = {}  # filled by the caller from the gazetteer when one is at hand


def event_record(e: Event) -> dict[str, Any]:
    p = e.place
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
        "country": _country_name(p.country),
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


def acled_row(e: Event) -> dict[str, Any]:
    r = event_record(e)
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
        "iso": r["iso"] or "",
        "region": "",
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


def geojson(events: Sequence[Event]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": e.event_id,
             "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
             "properties": event_record(e)}
            for e in events if e.place.lat is not None and e.place.lon is not None
        ],
    }


def export_events(events: Sequence[Event], fmt: str, fp: TextIO) -> int:
    if fmt == "jsonl":
        for e in events:
            fp.write(json.dumps(event_record(e), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(fp, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
        w.writeheader()
        for e in events:
            w.writerow(acled_row(e))
    elif fmt == "geojson":
        json.dump(geojson(events), fp, ensure_ascii=False)
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
    json.dump([control_record(s) for s in states], fp, ensure_ascii=False, indent=1)
    fp.write("\n")
    return len(states)
