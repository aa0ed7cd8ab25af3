"""The HTTP edge's declared shapes (pydantic). Everything the API returns is one of these models.

The pipeline speaks frozen dataclasses; these models exist only so the API can validate and document what it sends.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

EventStatusName = Literal["confirmed", "reported", "contested", "denied"]
ScopeName = Literal["post", "village", "centre", "district", "city", "capital", "province"]
ControlStatusName = Literal["held", "contested", "unknown"]
CertaintyName = Literal["asserted", "reported", "hedged", "denied"]
SourceKindName = Literal["outlet", "social_media", "official", "local", "unnamed"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- errors ---------------------------------------------------------------------------------------------


class ErrorDetail(_Out):
    code: str = Field(description="Machine-readable code, e.g. not_found, invalid_request, unauthorized.")
    message: str
    hint: str | None = Field(default=None, description="How to fix the request, when there is a fix.")


class ErrorBody(_Out):
    error: ErrorDetail


# --- shared pieces --------------------------------------------------------------------------------------


class SpanOut(_Out):
    start: int
    end: int
    text: str


class ActorOut(_Out):
    name: str
    inter: int | None = None


class PlaceOut(_Out):
    name: str
    gazetteer_id: int | None = None
    feature_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    admin2: str | None = None
    admin2_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None


class SourceOut(_Out):
    name: str
    kind: SourceKindName
    chain: list[str] = []
    span: SpanOut | None = None


class Links(_Out):
    self: str


# --- events ---------------------------------------------------------------------------------------------


class EventOut(_Out):
    event_id: str
    event_date: date
    date_low: date
    date_high: date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: ActorOut | None
    actor2: ActorOut | None
    place: PlaceOut
    status: EventStatusName
    confidence: float
    fatalities: int
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    killed_or_injured: int | None = None
    claim_ids: list[str]
    contradicting_claim_ids: list[str]
    sources: list[str]
    source_scale: str | None = None
    notes: str = ""
    scope: ScopeName | None = Field(None, description="of a change of hands: what was taken (docs/control.md)")
    control_change: Literal["withdrawn", "handed over"] | None = None


class EventsPage(_Out):
    items: list[EventOut]
    count: int = Field(description="Items in this page.")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, null on the last page.")


class PointGeometry(_Out):
    type: Literal["Point"]
    coordinates: tuple[float, float]


class EventProperties(_Out):
    event_id: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    status: EventStatusName
    confidence: float
    fatalities: int
    place: str
    admin1: str | None
    admin2: str | None
    unit_code: str | None
    geo_precision: int | None
    time_precision: int
    sources: list[str]


class EventFeature(_Out):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry | None
    properties: EventProperties


class EventFeatureCollection(_Out):
    type: Literal["FeatureCollection"]
    features: list[EventFeature]
    count: int
    limit: int
    offset: int
    next: str | None


class ActorRoleOut(_Out):
    role: str
    actor: ActorOut
    span: SpanOut | None = None


class PlaceMentionOut(_Out):
    span: SpanOut
    place: PlaceOut | None
    score: float | None = None
    method: str = ""


class TimeSpanOut(_Out):
    low: date
    high: date
    precision: int
    span: SpanOut | None = None
    assumed: bool = False


class CountOut(_Out):
    what: str
    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None
    span: SpanOut | None = None


class DocumentRef(_Out):
    document_id: str
    title: str | None
    publisher: str | None
    url: str | None
    published: date | None
    links: Links


class ClaimOut(_Out):
    claim_id: str
    document_id: str
    sentence: SpanOut
    event_type: str
    sub_event_type: str | None
    trigger: SpanOut | None
    actors: list[ActorRoleOut]
    places: list[PlaceMentionOut]
    time: TimeSpanOut | None
    counts: list[CountOut]
    sources: list[SourceOut]
    certainty: CertaintyName
    fatalities_acled: int
    confidence: float
    method: str
    scope: ScopeName | None = Field(None, description="of a change of hands: what was taken (docs/control.md)")
    scope_span: SpanOut | None = None
    control_change: Literal["withdrawn", "handed over"] | None = None


class EvidenceOut(_Out):
    """One claim behind an event: the quoted sentence, who says it, through which chain, and in which report."""

    stance: Literal["supporting", "contradicting"]
    quote: str = Field(description="The claim's sentence, verbatim from the report.")
    source_chains: list[list[str]] = Field(description="Each source's relay chain, outermost first.")
    claim: ClaimOut
    document: DocumentRef | None


class EventDetail(EventOut):
    evidence: list[EvidenceOut]
    links: Links


class ClaimsPage(_Out):
    items: list[ClaimOut]
    count: int
    limit: int
    offset: int
    next: str | None


# --- documents ------------------------------------------------------------------------------------------


class FieldSpan(_Out):
    field: str = Field(description="sentence, trigger, actor1, actor2, place, time, count:<kind>, source")
    start: int
    end: int
    text: str


class DocumentClaim(_Out):
    claim_id: str
    event_type: str
    sub_event_type: str | None
    certainty: CertaintyName
    spans: list[FieldSpan]


class DocumentOut(_Out):
    document_id: str
    text: str
    origin: str
    format: str
    title: str | None
    url: str | None
    publisher: str | None
    published: date | None
    language: str | None
    removed_lines: list[str]
    metadata: dict[str, str]
    claims: list[DocumentClaim]


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The report's plain text.")
    title: str | None = None
    url: str | None = None
    publisher: str | None = Field(default=None, description="Publisher, e.g. a domain.")
    published: date | None = Field(default=None, description="The report's date (YYYY-MM-DD).")
    language: str | None = Field(default=None, description="en or fa; detected when absent.")


class IngestResult(_Out):
    document_id: str
    stored: bool = Field(description="False when the same text was already stored (nothing written).")
    claims: int
    events: int = Field(description="Events in the store after re-fusing.")
    links: Links


# --- control --------------------------------------------------------------------------------------------


class ControlStateOut(_Out):
    unit_code: str
    unit_name: str
    level: int
    admin1: str | None
    holder: ActorOut | None
    status: ControlStatusName
    since: date
    until: date | None
    confidence: float
    evidence: EventStatusName | None
    claim_ids: list[str]
    contradicting_claim_ids: list[str]


class Geometry(_Out):
    type: Literal["Point", "Polygon", "MultiPolygon"]
    coordinates: Any


class ControlFeature(_Out):
    type: Literal["Feature"]
    id: str
    geometry: Geometry | None = Field(description="District polygon where boundaries are loaded, else its seat.")
    properties: ControlStateOut


class ControlCollection(_Out):
    type: Literal["FeatureCollection"]
    as_of: date | None
    features: list[ControlFeature]


class UnitTimeline(_Out):
    unit_code: str
    unit_name: str
    level: int
    admin1: str | None
    states: list[ControlStateOut]


class Timelines(_Out):
    units: list[UnitTimeline]
    first_date: date | None = Field(description="Earliest date among events and control states.")
    last_date: date | None
    next: str | None = Field(None, description="The next page of units (with `limit`), else null.")


class BoundaryProperties(BaseModel):
    model_config = ConfigDict(extra="allow")

    unit_code: str
    name: str | None = None
    admin1: str | None = None


class BoundaryFeature(_Out):
    type: Literal["Feature"]
    geometry: Geometry | None
    properties: BoundaryProperties


class BoundaryCollection(_Out):
    type: Literal["FeatureCollection"]
    features: list[BoundaryFeature]


# --- sources / health -----------------------------------------------------------------------------------


class SourceReliabilityOut(_Out):
    name: str
    kind: SourceKindName
    reliability: float
    claims: int


class Sources(_Out):
    items: list[SourceReliabilityOut]
    count: int = Field(description="Items in this page.")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, null on the last page.")


class Health(_Out):
    status: Literal["ok"]
    version: str
    store: str
    gazetteer: bool
    ingest: bool = Field(description="POST /documents accepted (the server has a token).")
