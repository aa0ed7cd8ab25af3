"""Hand-built documents and claims for the fusion, export and report tests: real `Claim` objects, no mocks."""

from __future__ import annotations

from datetime import date

from frontwatch.model import (
    Actor,
    ActorRole,
    Certainty,
    Claim,
    Count,
    Document,
    Place,
    PlaceMention,
    Source,
    SourceKind,
    Span,
    TimeSpan,
    document_id_for,
)

DISTRICT = Place("Pul-e Hisar", 7052909, "ADM2", "AF", "Baghlan", "AF.03", "Pul-e Hisar", "AF.03.1302", 35.6, 69.5, 2)
OTHER = Place("Deh Salah", 7052901, "ADM2", "AF", "Baghlan", "AF.03", "Deh Salah", "AF.03.1312", 35.7, 69.3, 2)
FAR = Place("Nahrin", 1130000, "ADM2", "AF", "Baghlan", "AF.03", "Nahrin", "AF.03.1310", 36.1, 69.1, 2)
TAKE = "Non-state actor overtakes territory"


def doc(text: str, publisher: str, published: date = date(2021, 8, 21)) -> Document:
    return Document(document_id_for(text), text, f"{publisher}.txt", "text", publisher=publisher, published=published)


def claim(d: Document, n: int, *, place: Place = DISTRICT, day: date = date(2021, 8, 20), sub: str = TAKE,
          holder: str = "Rebels", certainty: Certainty = Certainty.ASSERTED, via: tuple[Source, ...] = (),
          counts: tuple[Count, ...] = (), high: date | None = None, fatalities: int = 0,
          event_type: str = "Battles") -> Claim:
    """A claim of `d` that `holder` did `sub` at `place` on `day` (to `high`), in the outlet's voice plus `via`."""
    root = Source(d.publisher or "", SourceKind.OUTLET, (d.publisher or "",))
    sentence = d.text.split(".")[0]
    return Claim(
        claim_id=f"{d.document_id[:6]}-{n}", document_id=d.document_id, sentence=Span(0, len(sentence), sentence),
        event_type=event_type, sub_event_type=sub, trigger=Span(0, 4, d.text[:4]),
        actors=(ActorRole("actor1", Actor(holder, 2)),
                ActorRole("actor2", Actor("Taliban" if holder != "Taliban" else "Rebels", 2))),
        places=(PlaceMention(Span(5, 9, "x"), place, 1.0, "gazetteer+cue:district"),),
        time=TimeSpan(day, high or day, 1), counts=counts, sources=(root, *via), certainty=certainty,
        fatalities_acled=fatalities,
    )


def post(name: str, publisher: str) -> Source:
    """An account's post as relayed by `publisher`."""
    return Source(name, SourceKind.SOCIAL_MEDIA, (publisher, name))


def spokesman(publisher: str, name: str = "Taliban spokesman") -> Source:
    return Source(name, SourceKind.OFFICIAL, (publisher, name))
