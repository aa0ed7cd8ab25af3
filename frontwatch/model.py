"""The data model every stage speaks: frozen dataclasses, no I/O.

Offsets in a `Span` are character offsets into `Document.text` (Python `str` indices), so any field
of a claim can be quoted back from the document it came from.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

SCHEMA_VERSION = 1


class SourceKind(enum.StrEnum):
    OUTLET = "outlet"
    SOCIAL_MEDIA = "social_media"
    OFFICIAL = "official"
    LOCAL = "local"
    UNNAMED = "unnamed"


class Certainty(enum.StrEnum):
    ASSERTED = "asserted"  # the publisher states it in its own voice
    REPORTED = "reported"  # attributed to someone ("X said")
    HEDGED = "hedged"  # "suggested", "reportedly", "unconfirmed"
    DENIED = "denied"  # "had not been captured", "denied"


class CountKind(enum.StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    KILLED_OR_INJURED = "killed_or_injured"
    ABDUCTED = "abducted"
    ARRESTED = "arrested"


class EventStatus(enum.StrEnum):
    CONFIRMED = "confirmed"  # independent source chains agree, none contradicts
    REPORTED = "reported"  # rests on one source chain
    CONTESTED = "contested"  # claims and denials, or incompatible outcomes
    DENIED = "denied"


class ControlStatus(enum.StrEnum):
    HELD = "held"
    CONTESTED = "contested"
    UNKNOWN = "unknown"


# ACLED's taxonomy, in its order of precedence within each type.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {sub: typ for typ, subs in EVENT_TYPES.items() for sub in subs}
NOT_AN_EVENT = "Not a conflict event"
TERRITORY_SUB_TYPES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)


def split_over_days(total: int, days: int) -> list[int]:
    """ACLED: a total over several days is split evenly, the remainder on the first day."""
    if days <= 1:
        return [total]
    share, rest = divmod(total, days)
    return [share + rest] + [share] * (days - 1)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Document:
    document_id: str  # content hash of the normalized text, see `document_id_for`
    text: str
    origin: str  # path, URL or "path#line" it was read from
    format: str  # text | html | feed | jsonl
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    language: str | None = None
    removed_lines: tuple[str, ...] = ()  # promo / navigation lines taken out, kept for inspection
    metadata: tuple[tuple[str, str], ...] = ()  # anything else the input carried (author, feed title…)


@dataclass(frozen=True, slots=True)
class Reject:
    origin: str
    reason: str  # short code: empty, binary, encoding, too_large, malformed_html, malformed_feed, ...
    detail: str  # what went wrong and how to fix it
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: SourceKind
    # Who relayed it, outermost first: ("news-outlet.example", "a provincial office (Twitter)") for a post an outlet
    # relays; the last element is the origin, and two sources whose origins match are not independent.
    chain: tuple[str, ...] = ()
    span: Span | None = None

    @property
    def origin(self) -> str:
        return self.chain[-1] if self.chain else self.name


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical name from the actor dictionary, or the text itself when unknown
    inter: int | None = None  # ACLED inter code: 1 state forces … 8 external/other


@dataclass(frozen=True, slots=True)
class ActorRole:
    role: str  # actor1 (who did it / who took the place) | actor2 (to whom / from whom)
    actor: Actor
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    gazetteer_id: int | None = None
    feature_code: str | None = None  # GeoNames feature code: PPL, PPLA2, ADM2, ...
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin1_code: str | None = None  # GeoNames code, e.g. AF.03
    admin2: str | None = None
    admin2_code: str | None = None  # GeoNames code, e.g. AF.03.1302
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near a town / part of region, 3 larger region


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    place: Place | None  # None: recognised as a toponym but not resolved
    score: float | None = None
    method: str = ""  # what produced it, e.g. "ner+gazetteer", "pattern:X district"


@dataclass(frozen=True, slots=True)
class TimeSpan:
    low: date
    high: date
    precision: int  # ACLED time_precision: 1 day, 2 week, 3 month
    span: Span | None = None
    assumed: bool = False  # True: the text gave no date, the report's date was used


@dataclass(frozen=True, slots=True)
class Count:
    what: CountKind
    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None  # exact | at least | more than | approximately | at most | vague
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: str
    document_id: str
    sentence: Span
    event_type: str  # an ACLED event type, or NOT_AN_EVENT
    sub_event_type: str | None
    trigger: Span | None
    actors: tuple[ActorRole, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    time: TimeSpan | None = None
    counts: tuple[Count, ...] = ()
    sources: tuple[Source, ...] = ()
    certainty: Certainty = Certainty.ASSERTED
    fatalities_acled: int = 0
    confidence: float = 1.0  # extractor's own confidence in type and roles
    method: str = ""  # the rules / model that produced it
    # How much a taking took (see frontwatch/extract/scope.py: post, village, centre, district, city, province) and
    # the words that say so; None: the text does not say, or not a change of hands.
    scope: str | None = None
    scope_span: Span | None = None
    # "withdrawn": a side leaving a place ("forces withdrew from X"), control moves back; "handed over": actor 2
    # gave the place up ("police handed over X to Y"), actor 1 (Y, when named) takes it.
    control_change: str | None = None

    def actor(self, role: str) -> Actor | None:
        return next((a.actor for a in self.actors if a.role == role), None)

    @property
    def place(self) -> Place | None:
        return next((p.place for p in self.places if p.place is not None), None)


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    event_date: date
    date_low: date
    date_high: date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    place: Place
    status: EventStatus
    confidence: float
    fatalities: int = 0  # ACLED-conservative
    fatalities_low: int | None = None  # UCDP-style
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    killed_or_injured: int | None = None
    claim_ids: tuple[str, ...] = ()  # supporting
    contradicting_claim_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    source_scale: str | None = None
    notes: str = ""
    scope: str | None = None  # of a change of hands: the scope its claims give (see Claim.scope)
    control_change: str | None = None  # "withdrawn" / "handed over" (see Claim.control_change)


@dataclass(frozen=True, slots=True)
class ControlState:
    unit_code: str  # GeoNames admin code, e.g. AF.03.1302
    unit_name: str
    level: int  # 1 admin1, 2 admin2
    admin1: str | None
    holder: Actor | None
    status: ControlStatus
    since: date
    until: date | None
    confidence: float
    # How the holding is known: the status of the territory event(s) behind it (confirmed / reported / contested).
    evidence: EventStatus | None = None
    claim_ids: tuple[str, ...] = ()
    contradicting_claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceReliability:
    name: str
    kind: SourceKind
    reliability: float
    claims: int


# --- identity -------------------------------------------------------------------------------------------


def normalize_text(text: str) -> str:
    """The form a document's identity is computed on: NFC, unified newlines, trimmed trailing spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def document_id_for(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:32]


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:24]


# --- plain-data round trip (JSON-able dicts), used by the store and the exports -------------------------

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [to_dict(x) for x in obj]
    return obj


def _convert(tp: Any, value: Any) -> Any:
    import types
    import typing

    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return from_dict(tp, value)
        if issubclass(tp, enum.Enum):
            return tp(value)
        if tp is datetime:
            return datetime.fromisoformat(value)
        if tp is date:
            return date.fromisoformat(value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    import typing

    hints = typing.get_type_hints(cls)
    kwargs = {f.name: _convert(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}  # type: ignore[arg-type]
    return cls(**kwargs)


__all__ = [
    "EVENT_TYPES",
    "NOT_AN_EVENT",
    "SUB_EVENT_TYPES",
    "TERRITORY_SUB_TYPES",
    "Actor",
    "ActorRole",
    "Certainty",
    "Claim",
    "ControlState",
    "ControlStatus",
    "Count",
    "CountKind",
    "Document",
    "Event",
    "EventStatus",
    "Place",
    "PlaceMention",
    "Reject",
    "Source",
    "SourceKind",
    "SourceReliability",
    "Span",
    "TimeSpan",
    "document_id_for",
    "from_dict",
    "normalize_text",
    "stable_id",
    "to_dict",
]
