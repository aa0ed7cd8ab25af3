"""Persian text handling: normalization keeps offsets, numbers, sentences, language detection."""

from __future__ import annotations

import pytest

from frontwatch.language import detect_language, paragraph_languages
from frontwatch.persian.normalize import normalize, sentences
from frontwatch.persian.numbers import parse_number, vague


def test_normalize_maps_letters_digits_and_keeps_offsets() -> None:
    text = "كشته شدند ۱۲ تن در علي‌آباد"
    n = normalize(text)
    assert n.text == "کشته شدند 12 تن در علی آباد"
    i = n.text.index("12")
    assert text[n.start(i) : n.end(i + 2)] == "۱۲"


def test_deleted_diacritics_and_tatweel_still_map_back() -> None:
    text = "طالـــبان مُجاهِد گفت"
    n = normalize(text)
    assert n.text == "طالبان مجاهد گفت"
    s = n.text.index("مجاهد")
    assert text[n.start(s) : n.end(s + len("مجاهد"))] == "مُجاهِد"


def test_arabic_indic_digits() -> None:
    assert normalize("٢٠٢١").text == "2021"


def test_sentences_split_on_persian_marks_not_commas() -> None:
    text = "ولسوالی‌های بانو، پل حصار و ده صلاح تصرف شدند. آیا جنگ پایان یافت؟ بلی\nخط دوم"
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans == ["ولسوالی‌های بانو، پل حصار و ده صلاح تصرف شدند.", "آیا جنگ پایان یافت؟", "بلی", "خط دوم"]


@pytest.mark.parametrize(
    ("words", "value"),
    [("12", 12), ("یک", 1), ("ده", 10), ("بیست و پنج", 25), ("صد و بیست", 120), ("دو هزار و پانصد", 2500),
     ("یازده", 11), ("1,200", 1200)],
)
def test_written_numbers(words: str, value: int) -> None:
    assert parse_number(words) == value


def test_not_a_number() -> None:
    assert parse_number("صلاح") is None
    assert vague("ده ها") == (12, 10, 99, "vague")  # "dozens": ACLED's 12, as the English path reads it


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("طالبان ولسوالی پل حصار را تصرف کردند و جنگ در این منطقه ادامه دارد.", "fa"),
        ("د طالبانو ځواکونو ولسوالۍ ونیوله او جګړه لا روانه ده.", "ps"),
        ("قال المتحدث إن القوات سيطرت على المدينة في الصباح.", "ar"),
        ("طالبان نے ضلع پر قبضہ کر لیا ہے اور لڑائی جاری ہے۔", "ur"),
        ("The Taliban took the district after a short battle.", "en"),
        ("Талибы захватили район.", "ru"),
        ("…", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_paragraph_languages_of_a_mixed_post() -> None:
    text = "جنگ در ولسوالی بانو ادامه دارد.\n\nFighting goes on in Banu district.\n\n123"
    parts = paragraph_languages(text)
    assert [lang for _, _, lang in parts] == ["fa", "en", "en"]
    assert text[parts[1][0] : parts[1][1]] == "Fighting goes on in Banu district."
