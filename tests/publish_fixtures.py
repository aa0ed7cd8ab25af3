"""A small real corpus for the publish tests: real model objects written to a real store (no mocks).

Two reports (one of them hostile: a script tag and HTML in its text, its actor names and its source chain), their
claims, the events fused from them and a district hand-over (Taliban → resistance in AF.03.1302 on 2021-08-20).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontwatch.model import (
    Actor,
    ActorRole,
    Certainty,
    Claim,
    ControlState,
    ControlStatus,
    Count,
    CountKind,
    Document,
    Event,
    EventStatus,
    Place,
    PlaceMention,
    Source,
    SourceKind,
    SourceReliability,
    Span,
    TimeSpan,
    document_id_for,
)

MALICIOUS_DIR = Path(__file__).parent / "data" / "malicious"
HANDOVER_UNIT = "AF.03.1302"
HANDOVER_DAY = date(2021, 8, 20)


def _span(text: str, part: str, start: int = 0) -> Span:
    i = text.index(part, start)
    return Span(i, i + len(part), part)


def _place(name: str, admin2: str, code: str, lat: float, lon: float) -> Place:
    return Place(name=name, gazetteer_id=None, feature_code="PPLA2", country="AF", admin1="Baghlan",
                 admin1_code="AF.03", admin2=admin2, admin2_code=code, lat=lat, lon=lon, geo_precision=1)


@dataclass
class Corpus:
    documents: list[Document]
    claims: dict[str, list[Claim]]  # by document id
    events: list[Event]
    control: list[ControlState]
    reliability: list[SourceReliability]

    @property
    def all_claims(self) -> list[Claim]:
        return [c for cs in self.claims.values() for c in cs]


def build_corpus() -> Corpus:
    text1 = (
        "Taliban forces captured Pul-e-Khumri, the capital of Baghlan province, on 10 August.\n"
        "Local fighters took back Pul-e-Hesar district from the Taliban on Friday, "
        "the Panjshir Province account said on Twitter.\n"
        "Fighting is raging in Deh-e-Salah, where some reports suggested the district had not yet been captured."
    )
    doc1 = Document(document_id_for(text1), text1, "tests/report-1.txt", "text", title="Fightback in Baghlan",
                    url="https://example.org/fightback", publisher="example.org", published=date(2021, 8, 21),
                    language="en")
    text2 = (Path(MALICIOUS_DIR / "hostile-report.txt")).read_text(encoding="utf-8").strip()
    doc2 = Document(document_id_for(text2), text2, "tests/data/malicious/hostile-report.txt", "text",
                    title="<b>Breaking</b><script>window.pwned = 'title'</script>", url="javascript:window.pwned='url'",
                    publisher="evil.example", published=date(2021, 8, 22), language="en")

    s1 = _span(text1, text1.split("\n")[0])
    s2 = _span(text1, text1.split("\n")[1])
    s3 = _span(text1, text1.split("\n")[2])
    outlet = Source("example.org", SourceKind.OUTLET, ("example.org",))
    twitter = Source("Panjshir Province", SourceKind.SOCIAL_MEDIA, ("example.org", "Panjshir Province (Twitter)"),
                     _span(text1, "the Panjshir Province account"))
    khumri = _place("Pul-e-Khumri", "Pul-e-Khumri", "AF.03.1301", 35.94458, 68.71512)
    hesar = _place("Pul-e-Hesar", "Pul-e-Hesar", HANDOVER_UNIT, 35.61794, 69.47134)
    salah = _place("Deh-e-Salah", "Deh-e-Salah", "AF.03.1312", 35.69031, 69.31511)
    taliban, resistance = Actor("Taliban", 2), Actor("Anti-Taliban resistance", 3)
    c1 = Claim(
        "claim-khumri", doc1.document_id, s1, "Battles", "Non-state actor overtakes territory",
        _span(text1, "captured"),
        actors=(ActorRole("actor1", taliban, _span(text1, "Taliban forces")),),
        places=(PlaceMention(_span(text1, "Pul-e-Khumri"), khumri, 0.9, "ner+gazetteer"),),
        time=TimeSpan(date(2021, 8, 10), date(2021, 8, 10), 1, _span(text1, "10 August")),
        sources=(outlet,), certainty=Certainty.ASSERTED, method="test",
    )
    c2 = Claim(
        "claim-hesar", doc1.document_id, s2, "Battles", "Non-state actor overtakes territory",
        _span(text1, "took back"),
        actors=(ActorRole("actor1", resistance, _span(text1, "Local fighters")),
                ActorRole("actor2", taliban, _span(text1, "Taliban", s2.start))),
        places=(PlaceMention(_span(text1, "Pul-e-Hesar"), hesar, 0.9, "ner+gazetteer"),),
        time=TimeSpan(HANDOVER_DAY, HANDOVER_DAY, 1, _span(text1, "on Friday")),
        sources=(twitter,), certainty=Certainty.REPORTED, method="test",
    )
    c3 = Claim(
        "claim-salah", doc1.document_id, s3, "Battles", "Armed clash", _span(text1, "Fighting"),
        places=(PlaceMention(_span(text1, "Deh-e-Salah"), salah, 0.8, "ner+gazetteer"),),
        time=TimeSpan(date(2021, 8, 21), date(2021, 8, 21), 1, None, assumed=True),
        sources=(outlet,), certainty=Certainty.HEDGED, method="test",
    )
    hostile_sentence = _span(text2, text2.split("\n")[0])
    hostile_actor = Actor("<img src=x onerror=\"window.pwned='actor'\">Militia")
    hostile_source = Source("<b>Local</b> sources", SourceKind.LOCAL,
                            ("evil.example", "<script>window.pwned='chain'</script>"))
    c4 = Claim(
        "claim-hostile", doc2.document_id, hostile_sentence, "Violence against civilians", "Attack",
        _span(text2, "attacked"),
        actors=(ActorRole("actor1", hostile_actor, None),),
        places=(PlaceMention(_span(text2, "Deh-e-Salah"), salah, 0.7, "ner+gazetteer"),),
        time=TimeSpan(date(2021, 8, 22), date(2021, 8, 22), 1, None, assumed=True),
        counts=(Count(CountKind.KILLED, 3, 3, 3, "exact", _span(text2, "three")),),
        sources=(hostile_source,), certainty=Certainty.REPORTED, fatalities_acled=3, method="test",
    )
    events = [
        Event("ev-khumri", date(2021, 8, 10), date(2021, 8, 10), date(2021, 8, 10), 1, "Battles",
              "Non-state actor overtakes territory", taliban, None, khumri, EventStatus.REPORTED, 0.7,
              claim_ids=("claim-khumri",), sources=("example.org",)),
        Event("ev-hesar", HANDOVER_DAY, HANDOVER_DAY, HANDOVER_DAY, 1, "Battles",
              "Non-state actor overtakes territory", resistance, taliban, hesar, EventStatus.REPORTED, 0.6,
              claim_ids=("claim-hesar",), sources=("Panjshir Province",)),
        Event("ev-salah", date(2021, 8, 21), date(2021, 8, 21), date(2021, 8, 21), 1, "Battles", "Armed clash",
              None, None, salah, EventStatus.CONTESTED, 0.4, claim_ids=("claim-salah",),
              sources=("example.org",)),
        Event("ev-hostile", date(2021, 8, 22), date(2021, 8, 22), date(2021, 8, 22), 1,
              "Violence against civilians", "Attack", hostile_actor, None, salah, EventStatus.REPORTED, 0.5,
              fatalities=3, fatalities_low=3, fatalities_best=3, fatalities_high=3,
              claim_ids=("claim-hostile",), sources=("<b>Local</b> sources",), notes="<i>note</i>"),
    ]
    control = [
        ControlState(HANDOVER_UNIT, "Pul-e-Hesar", 2, "Baghlan", taliban, ControlStatus.HELD, date(2021, 8, 10),
                     HANDOVER_DAY, 0.6, EventStatus.REPORTED, ("claim-khumri",)),
        ControlState(HANDOVER_UNIT, "Pul-e-Hesar", 2, "Baghlan", resistance, ControlStatus.HELD, HANDOVER_DAY, None,
                     0.6, EventStatus.REPORTED, ("claim-hesar",)),
        ControlState("AF.03.1301", "Pul-e-Khumri", 2, "Baghlan", taliban, ControlStatus.HELD, date(2021, 8, 10), None,
                     0.7, EventStatus.REPORTED, ("claim-khumri",)),
        ControlState("AF.03.1312", "Deh-e-Salah", 2, "Baghlan", None, ControlStatus.CONTESTED, date(2021, 8, 21), None,
                     0.4, EventStatus.CONTESTED, ("claim-salah",)),
    ]
    reliability = [
        SourceReliability("example.org", SourceKind.OUTLET, 0.7, 2),
        SourceReliability("Panjshir Province", SourceKind.SOCIAL_MEDIA, 0.5, 1),
    ]
    return Corpus([doc1, doc2], {doc1.document_id: [c1, c2, c3], doc2.document_id: [c4]}, events, control,
                  reliability)


def fill_store(store: object, corpus: Corpus) -> None:
    for doc in corpus.documents:
        store.add_document(doc, corpus.claims[doc.document_id])  # type: ignore[attr-defined]
    store.save_fusion(corpus.events, corpus.control, corpus.reliability)  # type: ignore[attr-defined]
