"""A claim as one flat JSON record (the `frontwatch claims --format jsonl` line): every field with its span."""

from __future__ import annotations

from typing import Any

from frontwatch.model import Claim, Span


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def claim_record(claim: Claim) -> dict[str, Any]:
    t = claim.time
    return {
        "claim_id": claim.claim_id,
        "document_id": claim.document_id,
        "sentence": _span(claim.sentence),
        "event_type": claim.event_type,
        "sub_event_type": claim.sub_event_type,
        "trigger": None
        if claim.trigger is None
        else {"text": claim.trigger.text, "start": claim.trigger.start, "end": claim.trigger.end},
        "actors": [
            {
                "role": a.role,
                "text": a.span.text if a.span else None,
                "name": a.actor.name,
                "inter": a.actor.inter,
                "start": a.span.start if a.span else None,
                "end": a.span.end if a.span else None,
            }
            for a in claim.actors
        ],
        "places": [
            {
                "text": m.span.text,
                "start": m.span.start,
                "end": m.span.end,
                "name": m.place.name if m.place else None,
                "gazetteer_id": m.place.gazetteer_id if m.place else None,
                "country": m.place.country if m.place else None,
                "admin1": m.place.admin1 if m.place else None,
                "admin1_code": m.place.admin1_code if m.place else None,
                "admin2": m.place.admin2 if m.place else None,
                "admin2_code": m.place.admin2_code if m.place else None,
                "lat": m.place.lat if m.place else None,
                "lon": m.place.lon if m.place else None,
                "geo_precision": m.place.geo_precision if m.place else None,
            }
            for m in claim.places
        ],
        "time": None
        if t is None
        else {
            "low": t.low.isoformat(),
            "high": t.high.isoformat(),
            "precision": t.precision,
            "text": t.span.text if t.span else None,
        },
        "counts": [
            {
                "what": c.what.value,
                "value": c.value,
                "low": c.low,
                "high": c.high,
                "qualifier": c.qualifier,
                "text": c.span.text if c.span else None,
            }
            for c in claim.counts
        ],
        "fatalities_acled": claim.fatalities_acled,
        "sources": [{"name": s.name, "kind": s.kind.value, "chain": list(s.chain)} for s in claim.sources],
        "certainty": claim.certainty.value,
        "scope": claim.scope,
        "scope_text": claim.scope_span.text if claim.scope_span else None,
        "control_change": claim.control_change,
    }


RECORD_KEYS = (
    "claim_id",
    "document_id",
    "sentence",
    "event_type",
    "sub_event_type",
    "trigger",
    "actors",
    "places",
    "time",
    "counts",
    "fatalities_acled",
    "sources",
    "certainty",
    "scope",
    "scope_text",
    "control_change",
)
