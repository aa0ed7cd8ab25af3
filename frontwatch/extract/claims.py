"""Claim records: one claim per place of an event (`claims_per_place`, shared by the English and Persian paths), with
the toll split between places, state forces made the report's country's, and foreign ones external."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span as SpacySpan

from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.counts import a_crowds_cause, acled_fatalities, find_counts
from frontwatch.extract.place_mentions import SUBJECT_LIST, _contains, counted_places
from frontwatch.extract.scope import denied_back, with_scope
from frontwatch.model import (
    Actor,
    ActorRole,
    Claim,
    Count,
    Document,
    PlaceMention,
    Span,
    stable_id,
)

# Sub-types ACLED defines as non-violent: their events carry no fatalities, whatever deaths the sentence mentions
# ("protest over the killing of two traders").
NO_FATALITIES = frozenset({"Peaceful protest", "Protest with intervention", "Arrests", "Agreement",
                           "Change to group/activity", "Headquarters or base established",
                           "Non-violent transfer of territory"})


SAME_LOCATION_KM = 25.0  # places this close are one ACLED location (its town scale, geo_precision 1)
# Marks a claim made for one place of a clause's several ("in X, Y and Z"): `fuse.days` keeps it apart from its
# siblings (the same trigger at another place), as ACLED codes one event per named location.
LISTED = "place:listed"
# --- the extractor ----------------------------------------------------------------------------------------------



def _find_counts(sent: SpacySpan) -> list[Count]:
    return list(find_counts(sent))


def _acled_fatalities(counts: Sequence[Count]) -> int:
    return int(acled_fatalities(list(counts)))


def claims_per_place(
    document: Document, sentence: Span, trigger: Span, places: Sequence[PlaceMention], fatalities: int, conf: float,
    methods: Sequence[str], actor_dictionary: ActorDictionary | None = None, report_country: str | None = None,
    **fields: Any,
) -> list[Claim]:
    """One claim per place of a coordinated clause ("X and Y districts"), the ACLED fatalities split between them
    with the remainder on the first; with no place, one claim without. Shared by the English and Persian paths.
    With `actor_dictionary`, unnamed state forces ("soldiers", "police") become the forces of the report's country
    (`report_country`, an ISO code) where it is known, else of the place's: a misresolved toponym must not make
    Kenyan police British."""
    n = max(1, len(places))
    out: list[Claim] = []
    if fields.get("sub_event_type") in NO_FATALITIES:
        fatalities = 0  # ACLED: these are non-violent by definition; a death told beside them is another event's
    elif fatalities and fields.get("event_type") in ("Protests", "Riots"):
        # a death the crowd acts over ("… after a man was found murdered") is another event's, not the riot's toll
        kept = [c for c in fields.get("counts", ()) if not a_crowds_cause(document.text, c)]
        fatalities = _acled_fatalities(kept) if kept else 0
    whole = _one_location(places)  # "in X, Y county": one place named twice keeps its whole toll in each claim
    # "traders in X and Y rioted, and two died": the text gives no place its own toll; each keeps the whole
    whole = whole or all(SUBJECT_LIST in m.method.split() for m in places)
    # several named places of one clause: one event each, which fusion must not join again however near they lie
    listed = len({m.place.name if m.place is not None else m.span.text for m in places}) > 1
    # "two died, one in X and the other in Y": each place marked with its own count (`incidents` shares the toll)
    places = counted_places(document.text, list(places)) or places
    for k, mention in enumerate(places or [None]):
        share = fatalities if whole else fatalities // n + (fatalities % n if k == 0 else 0)
        pstart = mention.span.start if mention is not None else ""
        country = report_country or (
            mention.place.country if mention is not None and mention.place is not None else None)
        if actor_dictionary is not None and country and fields.get("actors"):
            fields = {**fields, "actors": tuple(
                dataclasses.replace(r, actor=actor_dictionary.of_country(r.actor, country)) for r in fields["actors"]
            )}
        claim = with_scope(Claim(
            claim_id=stable_id(document.document_id, sentence.start, trigger.start, pstart),
            document_id=document.document_id, sentence=sentence, trigger=trigger,
            places=(mention,) if mention is not None else (), fatalities_acled=share,
            confidence=round(max(0.05, min(1.0, conf)), 3),
            method=" ".join((*methods, LISTED) if listed else methods), **fields,
        ), document.text, actor_dictionary, country, places)  # the scope of a taking: frontwatch/extract/scope.py
        out.append(claim)
        denial = denied_back(claim, document.text)  # "…, but the ministry denied the claim": contested
        if denial is not None:
            out.append(denial)
    return out


def _one_location(places: Sequence[PlaceMention]) -> bool:
    """Do a clause's places name one location (a place and the district or province around it, or points within
    ACLED's town scale of each other), not several that share a toll?"""
    # a name the gazetteer could not place can make no event of its own (fusion needs a place): it shares nothing
    placed = [m for m in places if m.place is not None and m.place.lat is not None and m.place.lon is not None]
    own = [m for m in placed if not any(_contains(m, o) for o in placed if o is not m)]
    pts = [(m.place.lat, m.place.lon) for m in own if m.place is not None and m.place.lat is not None
           and m.place.lon is not None]
    return all(_km(a, b) <= SAME_LOCATION_KM for a in pts for b in pts)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def report_country_of(document: Document) -> str | None:
    """The country a report is about, where its input says so (a sidecar's or a data set's `country`): the country
    of the state forces it names without one."""
    own = getattr(document, "country", None)
    return own or next((v for k, v in document.metadata if k.lower() == "country" and v), None)


def _external(role: ActorRole | None, places: Sequence[PlaceMention], actors: ActorDictionary,
              report_country: str | None = None) -> ActorRole | None:
    if (
        role is None
        or role.actor.inter != 1
        or not role.actor.name.startswith(("Military Forces of", "Police Forces of"))
    ):
        return role
    country = role.actor.name.split(" of ", 1)[1]
    if report_country is not None and actors.country_name(report_country) == country:
        return role  # the report's own country's forces, wherever a toponym resolved
    if report_country is not None and actors.country_name(report_country) is not None:
        # another country's forces in a report about this one: external, though no place of the clause resolved
        return dataclasses.replace(role, actor=Actor(role.actor.name, 8))
    where = {m.place.country for m in places if m.place is not None and m.place.country}
    if where and all(actors.country_name(c) != country for c in where):
        return dataclasses.replace(role, actor=Actor(role.actor.name, 8))
    return role
