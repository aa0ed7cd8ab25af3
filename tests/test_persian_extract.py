"""The Persian extractor, piece by piece, on sentences written for the test (real gazetteer, real actor dictionary)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.model import Certainty, Claim, CountKind, Document, document_id_for


@pytest.fixture(scope="module")
def persian(gazetteer, geoparser, actor_dictionary):  # type: ignore[no-untyped-def]
    from frontwatch.persian import PersianExtractor

    return PersianExtractor(gazetteer, geoparser, actor_dictionary)


def _claims(persian, text: str, published: date | None = date(2021, 8, 21)) -> list[Claim]:  # type: ignore[no-untyped-def]
    doc = Document(document_id_for(text), text, "test", "text", None, None, "example.org", published, "fa")
    claims = list(persian.claims(doc))
    for c in claims:  # every span quotes the document text itself
        for span in [c.sentence, c.trigger, *(p.span for p in c.places), *(a.span for a in c.actors),
                     *(k.span for k in c.counts), c.time.span if c.time else None]:
            if span is not None:
                assert text[span.start : span.end] == span.text
    return claims


def test_capture_by_the_taliban_of_a_district(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "طالبان دیروز ولسوالی خنجان ولایت بغلان را تصرف کردند.")
    assert (c.event_type, c.sub_event_type) == ("Battles", "Non-state actor overtakes territory")
    assert c.actor("actor1") and c.actor("actor1").name == "Taliban"
    assert c.place and c.place.admin2_code == "AF.03.1306"  # Khinjan, not the province that locates it
    assert c.time and c.time.low == date(2021, 8, 20) and c.time.precision == 1
    assert c.certainty == Certainty.ASSERTED


def test_retaken_from_the_taliban_names_both_sides(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "نیروهای مقاومت ولسوالی دوشی را از طالبان پس گرفتند.")
    assert c.actor("actor1").name == "Resistance forces"  # type: ignore[union-attr]
    assert c.actor("actor2").name == "Taliban"  # type: ignore[union-attr]
    assert c.place and c.place.admin2_code == "AF.03.1304"


def test_state_forces_retaking_is_government_regains(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "نیروهای امنیتی افغان ولسوالی نهرین را از طالبان پس گرفتند.")
    assert c.actor("actor1").name == "Military Forces of Afghanistan"  # type: ignore[union-attr]
    assert c.sub_event_type == "Government regains territory"


def test_fall_to_names_the_taker(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "ولسوالی تاله و برفک به دست طالبان سقوط کرد.")
    assert c.actor("actor1").name == "Taliban"  # type: ignore[union-attr]
    assert c.place and c.place.admin2_code == "AF.03.1305"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("درگیری میان نیروهای امنیتی و طالبان در ولسوالی خنجان ادامه دارد.", "Armed clash"),
        ("یک حمله هوایی در ولسوالی دوشی سه غیرنظامی را کشت.", "Air/drone strike"),
        ("در انفجار ماین کنار جاده در شهر پلخمری دو تن زخمی شدند.", "Remote explosive/landmine/IED"),
        ("افراد مسلح ناشناس بر غیرنظامیان در ولسوالی نهرین حمله کردند.", "Attack"),
        ("صدها تن در شهر پلخمری در اعتراض به بسته شدن مکاتب تظاهرات کردند.", "Peaceful protest"),
        ("پولیس پنج تن را در شهر پلخمری بازداشت کرد.", "Arrests"),
    ],
)
def test_sub_types(persian, text: str, sub: str) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(persian, text)
    assert claims and claims[0].sub_event_type == sub, [(c.sub_event_type, c.method) for c in claims]
    assert claims[0].place is not None and claims[0].place.admin1_code == "AF.03"


def test_list_after_a_plural_unit_word_gives_one_claim_per_place(persian) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(persian, "ولسوالی‌های خنجان، دوشی و نهرین به دست طالبان افتاد.")
    assert sorted(c.place.admin2_code for c in claims if c.place) == ["AF.03.1304", "AF.03.1306", "AF.03.1309"]


def test_a_weekday_name_is_not_a_place(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "روز دوشنبه درگیری در ولسوالی خنجان رخ داد.")
    assert c.place and c.place.admin2_code == "AF.03.1306"
    assert c.time and c.time.low == date(2021, 8, 16)


def test_counts_with_qualifiers(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "در حمله انتحاری در شهر پلخمری دست کم ۱۲ تن کشته و بیش از بیست و پنج تن دیگر زخمی شدند.")
    counts = {k.what: k for k in c.counts}
    assert (counts[CountKind.KILLED].value, counts[CountKind.KILLED].qualifier) == (12, "at least")
    assert (counts[CountKind.INJURED].value, counts[CountKind.INJURED].qualifier) == (25, "more than")
    assert c.fatalities_acled == 12
    assert c.sub_event_type == "Suicide bomb"


def test_killed_or_injured_is_not_fatalities(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "در درگیری‌ها در ولسوالی خنجان حدود ۶۰ جنگجوی طالبان کشته و یا زخمی شدند.")
    [k] = c.counts
    assert (k.what, k.value, k.qualifier, k.low, k.high) == (CountKind.KILLED_OR_INJURED, 60, "approximately", 48, 72)
    assert c.fatalities_acled == 0


def test_dozens(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "در بمباران شهر پلخمری ده‌ها تن زخمی شدند.")
    [k] = c.counts
    assert (k.what, k.value, k.qualifier) == (CountKind.INJURED, 12, "vague")


def test_the_ten_of_a_place_name_is_not_a_count(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "جنگ در ولسوالی ده صلاح شدت گرفته و تلفات سنگین بر جا گذاشته است.")
    assert c.place and c.place.admin2_code == "AF.03.1312"
    assert [(k.what, k.value) for k in c.counts] == [(CountKind.KILLED_OR_INJURED, None)]


def test_attribution_to_local_sources(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "منابع محلی می‌گویند که طالبان ولسوالی خنجان را تصرف کرده‌اند.")
    assert c.certainty == Certainty.REPORTED
    assert [s.name for s in c.sources] == ["example.org", "منابع محلی"]
    assert c.sources[1].kind.value == "local" and c.sources[1].chain == ("example.org", "منابع محلی")


def test_according_to_a_spokesman(persian) -> None:  # type: ignore[no-untyped-def]
    [c] = _claims(persian, "به گفته سخنگوی پولیس بغلان، سه غیرنظامی در ولسوالی دوشی کشته شدند.")
    assert c.sources[-1].kind.value == "official"
    assert c.actor("actor2") and c.actor("actor2").name == "Civilians"
    assert c.sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("گفته می‌شود طالبان ولسوالی خنجان را تصرف کرده‌اند.", Certainty.HEDGED),
        ("طالبان ادعا کردند که ولسوالی خنجان را تصرف کرده‌اند.", Certainty.HEDGED),
        ("برخی گزارش‌ها حاکی است که ولسوالی خنجان هنوز تصرف نشده است.", Certainty.DENIED),
        ("سخنگوی طالبان گزارش سقوط ولسوالی خنجان را رد کرد.", Certainty.DENIED),
        ("خبر سقوط ولسوالی خنجان نادرست است.", Certainty.DENIED),
    ],
)
def test_hedging_and_denial(persian, text: str, certainty: Certainty) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(persian, text)
    assert claims and all(c.certainty == certainty for c in claims), [(c.certainty, c.method) for c in claims]


def test_an_indirect_question_is_no_claim(persian) -> None:  # type: ignore[no-untyped-def]
    assert _claims(persian, "روشن نیست کدام ولسوالی‌ها بازپس گرفته شده و آیا جنگ پایان یافته است.") == []


def test_a_casualty_sentence_joins_the_event_before_it(persian) -> None:  # type: ignore[no-untyped-def]
    claims = _claims(persian, "طالبان ولسوالی خنجان را تصرف کردند. دست کم هفت تن کشته شدند.")
    [c] = claims
    assert [(k.what, k.value) for k in c.counts] == [(CountKind.KILLED, 7)]


def test_only_the_requested_paragraphs(persian) -> None:  # type: ignore[no-untyped-def]
    text = "Heavy fighting in Khinjan.\n\nطالبان ولسوالی خنجان را تصرف کردند."
    doc = Document(document_id_for(text), text, "t", "text", None, None, "example.org", date(2021, 8, 21), "fa")
    start = text.index("طالبان")
    [c] = persian.claims(doc, [(start, len(text))])
    assert c.sentence.start == start and text[c.trigger.start : c.trigger.end] == "تصرف"
    assert list(persian.claims(doc, [(0, start - 2)])) == []
