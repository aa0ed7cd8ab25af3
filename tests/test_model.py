from datetime import date

import pytest

from frontwatch.model import (
    Actor,
    ActorRole,
    Certainty,
    Claim,
    Count,
    CountKind,
    Place,
    PlaceMention,
    Source,
    SourceKind,
    Span,
    TimeSpan,
    document_id_for,
    from_dict,
    to_dict,
)


def make_claim() -> Claim:
    text = "Rebels took back the district from the Taliban yesterday, local sources said."
    return Claim(
        claim_id="c1",
        document_id="d1",
        sentence=Span.of(text, 0, len(text)),
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        trigger=Span.of(text, 7, 16),
        actors=(ActorRole("actor1", Actor("Rebels", 2), Span.of(text, 0, 6)), ActorRole("actor2", Actor("Taliban", 2))),
        places=(PlaceMention(Span.of(text, 21, 29), Place("X", 1, "ADM2", "AF", lat=1.5, lon=2.5, geo_precision=1)),),
        time=TimeSpan(date(2021, 8, 20), date(2021, 8, 20), 1, Span.of(text, 47, 56)),
        counts=(Count(CountKind.KILLED_OR_INJURED, 60, 50, 70, "approximately"),),
        sources=(Source("local sources", SourceKind.LOCAL, ("express.co.uk", "local sources")),),
        certainty=Certainty.REPORTED,
    )


def test_claim_round_trips_through_plain_dicts() -> None:
    claim = make_claim()
    data = to_dict(claim)
    assert data["certainty"] == "reported"
    assert data["time"]["low"] == "2021-08-20"
    assert from_dict(Claim, data) == claim


def test_source_origin_is_last_link_of_chain() -> None:
    assert Source("post", SourceKind.SOCIAL_MEDIA, ("outlet", "post")).origin == "post"
    assert Source("outlet", SourceKind.OUTLET).origin == "outlet"


def test_document_id_ignores_newline_style_and_trailing_space() -> None:
    assert document_id_for("a  \r\nb\n") == document_id_for("a\nb")
    assert document_id_for("a\nb") != document_id_for("a\nc")


def test_span_rejects_negative_ranges() -> None:
    with pytest.raises(ValueError):
        Span(5, 2, "")
