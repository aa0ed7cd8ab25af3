"""From the store's dataclasses to the published shapes: shared by the REST API and the static map page.

The API and the static page must show the same thing, so both build their JSON here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from frontwatch.model import Claim, ControlState, Document, Event, to_dict
from frontwatch.publish import schemas as s
from frontwatch.store.codec import decode, layout
from frontwatch.store.features import (
    event_feature_dict as event_feature_dict,  # re-exported: the map and tests use it here
)

if TYPE_CHECKING:
    from frontwatch.store import Store


M = TypeVar("M", bound=BaseModel)
_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def from_payloads(model: type[M], cls: type, payloads: Sequence[str]) -> list[M]:
    """Stored JSON payloads of `cls` objects, validated as `model`s in one pass of pydantic's JSON parser.

    About ten times faster than decoding each payload into its dataclass and validating that (what makes a page of a
    list endpoint cheap). The payloads are `to_dict` of the dataclass, so both ways give equal models; a payload
    written by another version (a field added or dropped since) fails the strict models and takes the dataclass
    way, which fills defaults and drops unknown keys.
    """
    if not payloads:
        return []
    adapter = _ADAPTERS.get(model)
    if adapter is None:
        adapter = _ADAPTERS[model] = TypeAdapter(list[model])  # type: ignore[valid-type]
    try:
        return adapter.validate_json("[" + ",".join(payloads) + "]")  # type: ignore[no-any-return]
    except ValidationError:
        return [model.model_validate(to_dict(decode(cls, p))) for p in payloads]


def payloads_json(model: type[M], cls: type, rows: Sequence[tuple[str, str | None]]) -> str:
    """A JSON array of the stored rows as `model`s, the rows written in `cls`'s current layout as they are stored.

    A payload in the current layout is `to_dict` of today's dataclass, field for field what the response model
    holds (tests/test_api_fast.py holds the two to that), so it is sent without a decode and re-encode; a row
    written by an older version (another layout, or none recorded) is validated into the model first.
    """
    current = layout(cls)
    if all(lay == current for _, lay in rows):
        return "[" + ",".join(p for p, _ in rows) + "]"
    parts = [p if lay == current else from_payloads(model, cls, [p])[0].model_dump_json() for p, lay in rows]
    return "[" + ",".join(parts) + "]"


def event_out(event: Event) -> s.EventOut:
    return s.EventOut.model_validate(to_dict(event))


def event_feature(event: Event | s.EventOut) -> s.EventFeature:
    place = event.place
    geometry = (
        s.PointGeometry(type="Point", coordinates=(place.lon, place.lat))
        if place.lat is not None and place.lon is not None
        else None
    )
    props = s.EventProperties(
        event_id=event.event_id,
        event_date=event.event_date,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1.name if event.actor1 else None,
        actor2=event.actor2.name if event.actor2 else None,
        status=str(event.status),
        confidence=event.confidence,
        fatalities=event.fatalities,
        place=place.name,
        admin1=place.admin1,
        admin2=place.admin2,
        unit_code=place.admin2_code or place.admin1_code,
        geo_precision=place.geo_precision,
        time_precision=event.time_precision,
        sources=list(event.sources),
    )
    return s.EventFeature(type="Feature", id=event.event_id, geometry=geometry, properties=props)


def claim_out(claim: Claim) -> s.ClaimOut:
    return s.ClaimOut.model_validate(to_dict(claim))


def document_ref(document: Document, base: str = "") -> s.DocumentRef:
    return s.DocumentRef(
        document_id=document.document_id,
        title=document.title,
        publisher=document.publisher,
        url=document.url,
        published=document.published,
        links=s.Links(self=f"{base}/documents/{document.document_id}"),
    )


def event_detail(
    store: Store,
    event: Event,
    base: str = "",
    claims_by_id: dict[str, Claim] | None = None,
    documents_by_id: dict[str, Document | None] | None = None,
) -> s.EventDetail:
    """The event with every claim behind it, quoted, and the report each claim came from.

    `claims_by_id` / `documents_by_id`: preloaded maps (the static page builds thousands of these at once).
    """
    wanted = [*event.claim_ids, *event.contradicting_claim_ids]
    outs: dict[str, s.ClaimOut] | None = None
    if claims_by_id is not None:
        claims = {i: claims_by_id[i] for i in wanted if i in claims_by_id}
    else:
        # The claims' stored JSON, validated as ClaimOut in one pass (from_payloads), rather than each decoded and
        # its to_dict validated; their reports' references from the documents' columns, not their payloads.
        payloads = store.claim_payloads(claim_ids=wanted) if wanted else []
        claims = {c.claim_id: c for c in (decode(Claim, p) for p in payloads)}
        outs = {o.claim_id: o for o in from_payloads(s.ClaimOut, Claim, payloads)}
        if documents_by_id is None:
            documents_by_id = {}
            documents_by_id.update(store.document_refs(sorted({c.document_id for c in claims.values()})))
    stances = [*(("supporting", i) for i in event.claim_ids),
               *(("contradicting", i) for i in event.contradicting_claim_ids)]
    # the preloaded map is the cache itself (a copy per event cost the static page one dict of every report per event)
    documents = documents_by_id if documents_by_id is not None else {}
    evidence = [e for _, e in quoted_claims(store, stances, claims, documents, base, outs)]
    data = event_out(event).model_dump()
    return s.EventDetail(**data, evidence=evidence, links=s.Links(self=f"{base}/events/{event.event_id}"))


def quoted_claims(
    store: Store, stances: Iterable[tuple[str, str]], claims: Mapping[str, Claim],
    documents: dict[str, Document | None], base: str = "", outs: Mapping[str, s.ClaimOut] | None = None,
) -> list[tuple[str, s.EvidenceOut]]:
    """Each (stance, claim id) that `claims` holds as evidence: the claim quoted, its source chains and its report
    (looked up once per report into `documents`, which may come preloaded; `outs`: the claims as ClaimOut
    already)."""
    out = []
    for stance, claim_id in stances:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        if claim.document_id not in documents:
            documents[claim.document_id] = store.document(claim.document_id)
        doc = documents[claim.document_id]
        out.append((claim_id, s.EvidenceOut(
            stance=stance,  # type: ignore[arg-type]
            quote=claim.sentence.text,
            source_chains=[list(src.chain) or [src.name] for src in claim.sources],
            claim=outs[claim_id] if outs is not None and claim_id in outs else claim_out(claim),
            document=document_ref(doc, base) if doc else None,
        )))
    return out


def claim_spans(claim: Claim) -> list[s.FieldSpan]:
    spans: list[s.FieldSpan] = [s.FieldSpan(field="sentence", **to_dict(claim.sentence))]
    if claim.trigger:
        spans.append(s.FieldSpan(field="trigger", **to_dict(claim.trigger)))
    for role in claim.actors:
        if role.span:
            spans.append(s.FieldSpan(field=role.role, **to_dict(role.span)))
    for mention in claim.places:
        spans.append(s.FieldSpan(field="place", **to_dict(mention.span)))
    if claim.time and claim.time.span:
        spans.append(s.FieldSpan(field="time", **to_dict(claim.time.span)))
    for count in claim.counts:
        if count.span:
            spans.append(s.FieldSpan(field=f"count:{count.what.value}", **to_dict(count.span)))
    for source in claim.sources:
        if source.span:
            spans.append(s.FieldSpan(field="source", **to_dict(source.span)))
    return spans


def document_out(document: Document, claims: Sequence[Claim]) -> s.DocumentOut:
    return s.DocumentOut(
        document_id=document.document_id,
        text=document.text,
        origin=document.origin,
        format=document.format,
        title=document.title,
        url=document.url,
        publisher=document.publisher,
        published=document.published,
        language=document.language,
        removed_lines=list(document.removed_lines),
        metadata=dict(document.metadata),
        claims=[
            s.DocumentClaim(
                claim_id=c.claim_id,
                event_type=c.event_type,
                sub_event_type=c.sub_event_type,
                certainty=c.certainty.value,
                spans=claim_spans(c),
            )
            for c in claims
        ],
    )


def control_state_out(state: ControlState) -> s.ControlStateOut:
    return s.ControlStateOut.model_validate(to_dict(state))


def timelines(store: Store, events: Iterable[Event] = (), unit: str | None = None) -> s.Timelines:
    """Every unit's control timeline (or only `unit`'s), and the date range the map's slider should span.

    One query reads the states in (unit, since) order; a unit's current state is its last one.
    """
    by_unit: dict[str, list[s.ControlStateOut]] = {}
    for st in from_payloads(s.ControlStateOut, ControlState, store.control_timeline_payloads(unit)):
        by_unit.setdefault(st.unit_code, []).append(st)
    units: list[s.UnitTimeline] = []
    days: list[date] = [e.event_date for e in events]
    for code in sorted(by_unit):
        states = by_unit[code]
        current = states[-1]
        for st in states:
            days.append(st.since)
            if st.until:
                days.append(st.until)
        units.append(
            s.UnitTimeline(
                unit_code=code,
                unit_name=current.unit_name,
                level=current.level,
                admin1=current.admin1,
                states=states,
            )
        )
    if unit is not None:  # the slider spans every unit's dates, whichever unit was asked for
        days.extend(d for d in store.control_dates() if d is not None)
    return s.Timelines(units=units, first_date=min(days, default=None), last_date=max(days, default=None))


def _round(coords: Any, digits: int) -> Any:
    if isinstance(coords, list | tuple):
        if coords and isinstance(coords[0], int | float):
            return [round(float(c), digits) for c in coords]
        return [_round(c, digits) for c in coords]
    return coords


def boundaries(gazetteer: Any, level: int = 2, digits: int = 4) -> s.BoundaryCollection:
    """The gazetteer's unit polygons, coordinates rounded (≈ 10 m) to keep the page light."""
    if gazetteer is None:
        return s.BoundaryCollection(type="FeatureCollection", features=[])
    raw = gazetteer.boundary_geojson(level) or {}
    features = []
    for feat in raw.get("features", []):
        props = dict(feat.get("properties") or {})
        if not props.get("unit_code"):
            continue
        geom = feat.get("geometry")
        geometry = (
            s.Geometry(type=geom["type"], coordinates=_round(geom["coordinates"], digits))
            if geom and geom.get("type") in ("Point", "Polygon", "MultiPolygon")
            else None
        )
        features.append(
            s.BoundaryFeature(type="Feature", geometry=geometry, properties=s.BoundaryProperties(**props))
        )
    return s.BoundaryCollection(type="FeatureCollection", features=features)


def control_collection(
    states: Sequence[ControlState | s.ControlStateOut], as_of: date | None, geometries: dict[str, s.Geometry | None],
    gazetteer: Any,
) -> s.ControlCollection:
    features = []
    for st in states:
        geometry = geometries.get(st.unit_code)
        if geometry is None and gazetteer is not None:
            unit = gazetteer.admin_unit(st.unit_code)
            if unit is not None and unit.lat is not None and unit.lon is not None:
                geometry = s.Geometry(type="Point", coordinates=[unit.lon, unit.lat])
        features.append(
            s.ControlFeature(type="Feature", id=st.unit_code, geometry=geometry,
                             properties=st if isinstance(st, s.ControlStateOut) else control_state_out(st))
        )
    return s.ControlCollection(type="FeatureCollection", as_of=as_of, features=features)
