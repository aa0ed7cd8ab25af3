"""An event's GeoJSON Feature, from its stored JSON: written beside the payload (events.feature), so a GeoJSON page
is the stored features joined, with no decode and re-encode per request.

The feature's shape is `publish.schemas.EventFeature`'s (tests/test_api_fast.py holds the two equal); it lives in
the store because the store writes it with each event, and migration 0006 fills it for events stored before.
"""

from __future__ import annotations

import json
from typing import Any


def source_key(name: str) -> str:
    """What `event_sources`' index holds for a source name (names are unbounded; an index entry is not)."""
    import hashlib

    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def event_feature_dict(event: dict[str, Any]) -> dict[str, Any]:
    """The GeoJSON Feature of an event stored in today's layout, from its decoded JSON."""
    place = event["place"]
    lat, lon = place.get("lat"), place.get("lon")
    a1, a2 = event.get("actor1"), event.get("actor2")
    props = {
        "event_id": event["event_id"], "event_date": event["event_date"], "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"], "actor1": a1["name"] if a1 else None,
        "actor2": a2["name"] if a2 else None, "status": event["status"], "confidence": event["confidence"],
        "fatalities": event["fatalities"], "place": place["name"], "admin1": place.get("admin1"),
        "admin2": place.get("admin2"), "unit_code": place.get("admin2_code") or place.get("admin1_code"),
        "geo_precision": place.get("geo_precision"), "time_precision": event["time_precision"],
        "sources": event["sources"],
    }
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": event["event_id"], "geometry": geometry, "properties": props}


def event_feature_json(payload: str) -> str:
    """`event_feature_dict` of a stored payload, as the JSON the API sends."""
    return json.dumps(event_feature_dict(json.loads(payload)), ensure_ascii=False, separators=(",", ":"))


__all__ = ["event_feature_dict", "event_feature_json", "source_key"]
