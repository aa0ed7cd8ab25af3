"""Gazetteer and geoparser: transliteration keys, recognition filters, context ranking, the build, eval metrics."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from frontwatch.geocode.evaluate import check_floors, prf, resolution_metrics
from frontwatch.geocode.keys import name_key
from frontwatch.model import Document, Span, document_id_for

SAME = [
    ("Pol-e-Hesar", "Pul-e-Hisar"), ("Pul-e-Hesar", "Puli Hisar"), ("Pul-e Ḩişār", "Pul-e-Hesar"),
    ("De Salah", "Deh-e-Salah"), ("Dih Salah", "Deh-e Şalāḩ"), ("Pul-e-Khumri", "Pol-e Khomri"),
    ("Puli Khumri", "Pul-e Khumrī"), ("Hissar", "Hesar"), ("Qandahar", "Kandahar"),
    ("Mazar-i-Sharif", "Mazar-e Sharif"),
    ("Baghlan Province", "Baghlan"), ("پل حصار", "پل‌حصار"), ("Andarāb", "Andarab"), ("Kabul", "Kabol"),
    ("Khost", "Xost"), ("Wardak", "Vardak"), ("Shindand", "SHINDAND"), ("كابل", "کابل"),
]
DIFFERENT = [("Kabul", "Khost"), ("Herat", "Hart"), ("Paris", "Peru"), ("Banu", "Bamyan"), ("Taloqan", "Talaqan"),
             ("Kunduz", "Kunar"), ("Ghazni", "Gardez")]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_variant_spellings_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_places_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def _doc(text: str) -> Document:
    return Document(document_id_for(text), text, "t", "text")


def places(geoparser, nlp, text: str) -> list:
    return geoparser.places(_doc(text), nlp(text))


def test_build_records_its_sources(gazetteer) -> None:
    info = gazetteer.info()
    assert info["places"] > 200_000 and info["boundaries"] > 300
    assert any(s["path"].endswith("cities500.txt.gz") for s in info["sources"])
    assert gazetteer.admin_unit("AF.03").name == "Baghlan"
    assert gazetteer.admin_unit("AF.03.1302").admin2_code == "AF.03.1302"
    fc = gazetteer.boundary_geojson(2)
    codes = {f["properties"]["unit_code"] for f in fc["features"]}
    assert {"AF.03.1302", "AF.03.1312", "AF.03.1307", "AF.03.1301"} <= codes


def test_persian_names_resolve(gazetteer) -> None:
    assert any(c.admin1_code == "AF.03" for c in gazetteer.candidates("بغلان"))
    assert any(c.country == "AF" and c.feature_code == "PPLC" for c in gazetteer.candidates("کابل"))


def test_hyphenated_names_and_district_lists_are_found(geoparser, nlp) -> None:
    found = places(geoparser, nlp, "The Banu, Pol-e-Hesar and De Salah districts of Baghlan were seized.")
    codes = {m.span.text: m.place.admin2_code for m in found if m.place}
    assert codes["Banu"] == "AF.03.1307"
    assert codes["Pol-e-Hesar"] == "AF.03.1302"
    assert codes["De Salah"] == "AF.03.1312"


def test_blocs_organisations_and_demonyms_are_not_event_places(geoparser, nlp) -> None:
    found = places(geoparser, nlp, "The Taliban staggered the West, NATO officials said, as Russian diplomats left.")
    texts = {m.span.text: m for m in found}
    assert "West" not in texts and "the West" not in texts and "NATO" not in texts
    assert texts["Russian"].method == "demonym" and texts["Russian"].place.country == "RU"


def test_context_resolves_an_ambiguous_name_both_ways(geoparser, nlp) -> None:
    af = places(geoparser, nlp, "Fighting spread from Baghlan province. Banu district was retaken by rebels.")
    pk = places(geoparser, nlp, "Police in Khyber Pakhtunkhwa said Bannu district was calm after a raid in Peshawar.")
    banu_af = next(m for m in af if m.span.text.startswith("Banu"))
    bannu_pk = next(m for m in pk if m.span.text.startswith("Bannu"))
    assert banu_af.place.country == "AF" and banu_af.place.admin1_code == "AF.03"
    assert bannu_pk.place.country == "PK"


def test_cue_words_pick_the_unit_kind(geoparser, nlp) -> None:
    [prov] = [m for m in places(geoparser, nlp, "Clashes were reported across Baghlan province.")
              if m.span.text.startswith("Baghlan")]
    assert prov.place.feature_code == "ADM1" and prov.place.geo_precision == 3


def test_explain_lists_scored_candidates(geoparser, nlp) -> None:
    rows = geoparser.explain("Banu district of Baghlan", nlp("Banu district of Baghlan"))
    banu = next(r for r in rows if r["text"] == "Banu")
    assert len(banu["candidates"]) >= 2
    assert banu["candidates"][0]["score"] >= banu["candidates"][1]["score"]
    assert "admin1_context" in banu["candidates"][0]["parts"]


def test_gold_span_resolution(geoparser) -> None:
    text = "Officials in Kabul and Kandahar said the roads were open."
    d = _doc(text)
    out = geoparser.resolve(d, [Span(13, 18, "Kabul"), Span(23, 31, "Kandahar")])
    assert [m.place.country for m in out] == ["AF", "AF"]


def test_metrics_on_a_hand_checked_fixture() -> None:
    m = resolution_metrics([0.0, 100.0, 500.0, 20039.0])
    assert m["acc_161"] == 0.5
    assert m["median_km"] == 300.0
    assert math.isclose(m["mean_km"], (0 + 100 + 500 + 20039) / 4)
    scaled = sorted(math.log(1 + e) / math.log(20040) for e in (0.0, 100.0, 500.0, 20039.0))
    expected_auc = sum((a + b) / 2 for a, b in itertools.pairwise(scaled)) / 3
    assert math.isclose(m["auc"], expected_auc)
    p = prf({("a", 0, 5), ("a", 10, 15), ("b", 0, 3)}, {("a", 0, 5), ("b", 0, 4)})
    assert p == {"precision": 0.5, "recall": 1 / 3, "f1": 0.4}
    result = {"file": "x.jsonl", "recognition": {"f1": 0.7}, "resolution": {"acc_161": 0.9, "auc": 0.3}}
    assert check_floors(result, {"x.jsonl": {"recognition.f1": 0.8, "resolution.auc": 0.2}}) == [
        "x.jsonl: recognition.f1 = 0.700, floor 0.8", "x.jsonl: resolution.auc = 0.300, floor 0.2"]


def test_eval_command_on_a_small_gold_file(tmp_path: Path, gazetteer_path: Path) -> None:
    text = "Heavy rain hit Kabul on Monday while officials in Paris met counterparts from Berlin."
    gold = {"id": "t1", "text": text, "toponyms": [
        {"start": 15, "end": 20, "name": "Kabul", "lat": 34.52813, "lon": 69.17233},
        {"start": 50, "end": 55, "name": "Paris", "lat": 48.85341, "lon": 2.3488},
        {"start": 78, "end": 84, "name": "Berlin", "lat": 52.52437, "lon": 13.41053}]}
    f = tmp_path / "gold.jsonl"
    f.write_text(json.dumps(gold) + "\n")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"gold.jsonl": {"gold_spans_resolution.acc_161": 0.99}}))
    out = subprocess.run([sys.executable, "-m", "frontwatch", "eval", "geoparse", str(f), "--json", "--floors",
                          str(floors), "--gazetteer", str(gazetteer_path)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["toponyms"] == 3 and r["gold_spans_resolution"]["acc_161"] == 1.0
    assert r["recognition"]["recall"] == 1.0
    floors.write_text(json.dumps({"gold.jsonl": {"recognition.precision": 1.01}}))
    failing = subprocess.run([sys.executable, "-m", "frontwatch", "eval", "geoparse", str(f), "--floors", str(floors),
                              "--gazetteer", str(gazetteer_path)], capture_output=True, text=True, timeout=300)
    assert failing.returncode == 1 and "below floor" in failing.stderr


def test_missing_gazetteer_says_how_to_build(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "frontwatch", "geocode", "Kabul", "--gazetteer",
                          str(tmp_path / "none.sqlite")], capture_output=True, text=True, timeout=120)
    assert out.returncode == 3 and "gazetteer build" in out.stderr


def test_after_a_locative_preposition_a_known_town_is_a_place_whatever_the_model_thought(geoparser, nlp) -> None:
    found = places(geoparser, nlp, "Suspected jihadists attacked a military post in Djibo on Sunday. "
                                   "Rebels swept into Aleppo and an airstrike hit a house in Khan Younis.")
    by = {m.span.text: m.place for m in found if m.place}
    assert by["Djibo"].country == "BF"
    assert by["Aleppo"].country == "SY"
    assert by["Khan Younis"].country == "PS"
    # a part of a longer capitalised name is not taken
    other = places(geoparser, nlp, "Delegates met in Lucy Street Hall on Monday.")
    assert not any(m.span.text.startswith("Lucy") for m in other)


def test_each_country_keeps_its_own_name(gazetteer) -> None:
    # a countryInfo copy in circulation lists IL under another country's name; the country's own record wins
    assert [c.name for c in gazetteer.candidates("Israel") if c.feature_code == "PCLI"] == ["Israel"]
    assert {c.country for c in gazetteer.candidates("Palestine") if c.feature_code == "PCLI"} == {"PS"}


def _resolve_names(geoparser, text: str, names: list[str]) -> dict[str, list]:
    """Resolve every occurrence of `names` in `text` as given spans; name → its places in text order."""
    spans = sorted((Span(i, i + len(n), n) for n in names for i in _occurrences(text, n)), key=lambda s: s.start)
    out: dict[str, list] = {}
    for m in geoparser.resolve(_doc(text), spans):
        out.setdefault(m.span.text, []).append(m.place)
    return out


def _occurrences(text: str, name: str) -> list[int]:
    found, i = [], text.find(name)
    while i >= 0:
        found.append(i)
        i = text.find(name, i + 1)
    return found


def test_a_name_after_a_comma_is_the_unit_holding_the_one_before(geoparser) -> None:
    for town in ("Athens", "Rome"):
        got = _resolve_names(geoparser, f"The storm hit {town}, Georgia on Friday.", [town, "Georgia"])
        assert (got[town][0].country, got[town][0].admin1_code) == ("US", "US.GA")
        assert got["Georgia"][0].feature_code == "ADM1" and got["Georgia"][0].admin1_code == "US.GA"
    # …both ways round, also when the town's name is a foreign province's too ("Cairo" governorate).
    got = _resolve_names(geoparser, "The levee at Cairo, Illinois held.", ["Cairo", "Illinois"])
    assert got["Cairo"][0].admin1_code == "US.IL"
    # A historic alternate name of a town elsewhere ("Atlanta" for a Kansas town) loses to the town in the state named.
    text = "The girl flew from Atlanta, Georgia to Wichita, Kansas on Saturday."
    got = _resolve_names(geoparser, text, ["Atlanta", "Georgia", "Wichita", "Kansas"])
    assert got["Atlanta"][0].name == "Atlanta" and got["Atlanta"][0].admin1_code == "US.GA"
    # A country is in nothing; two provinces side by side are a list, not one inside the other.
    got = _resolve_names(geoparser, "Floods hit Russia, Romania and Moldova.", ["Russia", "Romania", "Moldova"])
    assert got["Russia"][0].country == "RU" and got["Russia"][0].feature_code == "PCLI"
    got = _resolve_names(geoparser, "Rain fell on Washington, Oregon and Idaho.", ["Washington", "Oregon", "Idaho"])
    assert got["Washington"][0].feature_code == "ADM1" and got["Oregon"][0].feature_code == "ADM1"


def test_a_province_named_elsewhere_does_not_outweigh_a_far_larger_namesake(geoparser) -> None:
    got = _resolve_names(geoparser, "Voters in Ohio went to the polls. In Moscow, officials said turnout was low.",
                         ["Ohio", "Moscow"])
    assert got["Moscow"][0].country == "RU"
    got = _resolve_names(geoparser, "Officials in Illinois closed schools. Flights from Cairo were cancelled.",
                         ["Illinois", "Cairo"])
    assert got["Cairo"][0].country == "EG"


def test_a_kind_word_in_the_name_prefers_the_place_called_so(geoparser) -> None:
    got = _resolve_names(geoparser, "Health officials in New York and Mexico City reported new cases.",
                         ["New York", "Mexico City"])
    assert got["Mexico City"][0].country == "MX" and got["Mexico City"][0].feature_code == "PPLC"


def test_the_spelling_as_written_beats_a_transliteration_namesake(geoparser) -> None:
    got = _resolve_names(geoparser, "Doctors in Lyon said the patient was recovering.", ["Lyon"])
    assert got["Lyon"][0].country == "FR"


def test_a_name_in_a_list_is_of_the_kind_of_its_peers(geoparser) -> None:
    text = "The outbreak reached New Jersey and Texas. Clinics in Alberta, Ontario and New Brunswick also saw cases."
    got = _resolve_names(geoparser, text, ["New Jersey", "Texas", "Alberta", "Ontario", "New Brunswick"])
    assert got["New Brunswick"][0].country == "CA" and got["New Brunswick"][0].feature_code == "ADM1"


def test_units_without_a_point_get_one_from_inside_them() -> None:
    import sqlite3

    from frontwatch.geocode.build import SCHEMA, _fill_unit_points

    con = sqlite3.connect(":memory:")
    con.executescript(SCHEMA)
    rows = [
        (1, "Alpha", "A", "ADM1", "XX", "XX.01", None, 10.0, 20.0, 0),
        (2, "Bravo District", "A", "ADM2", "XX", "XX.01", "XX.01.01", None, None, 0),  # a seat of its name
        (3, "Bravo", "P", "PPLA2", "XX", "XX.01", "XX.01.01", 10.5, 20.5, 900),
        (8, "Bravo", "P", "PPL", "XX", "XX.02", None, 50.0, 50.0, 9000),  # a namesake in another province
        (4, "Charlie", "A", "ADM2", "XX", "XX.01", "XX.01.02", None, None, 0),  # no town of its name: the province
        (5, "Delta", "A", "ADM1", "XX", "XX.02", None, None, None, 0),  # no town of its name: its capital
        (6, "Echo", "P", "PPLA", "XX", "XX.02", None, -3.0, 30.0, 5000),
        (7, "Foxtrot", "P", "PPL", "XX", "XX.02", None, -4.0, 31.0, 80000),
    ]
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO admin_units VALUES (?,?,?,?)",
                    [("XX.01", 1, "Alpha", 1), ("XX.01.01", 2, "Bravo District", 2), ("XX.01.02", 2, "Charlie", 4),
                     ("XX.02", 1, "Delta", 5)])
    assert _fill_unit_points(con) == 3
    point = {pid: (lat, lon) for pid, lat, lon in con.execute("SELECT id, lat, lon FROM places")}
    assert point[2] == (10.5, 20.5) and point[4] == (10.0, 20.0) and point[5] == (-3.0, 30.0)


def test_a_loose_match_on_another_continent_is_left_unplaced(geoparser, nlp) -> None:
    text = "Malian troops, backed by Russian mercenaries, retook the town of Boni in central Mali on Wednesday."
    by = {m.span.text: m for m in places(geoparser, nlp, text)}
    assert by["Mali"].place is not None and by["Mali"].place.country == "ML"  # "in central X", though NER said PERSON
    assert by["Russian"].place.country == "RU"
    # "Boni" only matches far-away namesakes through the transliteration key (Bonn, Annaba): not placed at all
    assert "Boni" not in by or by["Boni"].place is None
    # spelt exactly as a place in another country, a name keeps its place
    text = "Officials in Kabul and Kandahar met envoys from Paris."
    kept = {m.span.text: m.place for m in places(geoparser, nlp, text)}
    assert kept["Paris"].country == "FR"


def test_a_dateline_names_a_place_and_the_capital_points_back_to_it(geoparser, nlp) -> None:
    text = "KABUL, Aug 15 (Reuters) - Taliban insurgents entered the Afghan capital on Sunday."
    by = {m.span.text: m for m in places(geoparser, nlp, text)}
    assert by["KABUL"].method.startswith("dateline") and by["KABUL"].place.feature_code == "PPLC"
