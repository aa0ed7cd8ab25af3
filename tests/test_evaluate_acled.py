"""ACLED-row scoring: the system's own answer, one-to-one matching of split notes, denominators, --rows, splits,
floors. The fixture tests/data/acled-eval-fixture.jsonl holds 9 hand-written rows in ACLED's format (8 notes in 5
countries, 2014-2016): a note split into two rows at two towns, a note that reports no violence, notes with and
without a toll, a note that names no place, coded twice on two dates."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontwatch.evaluation import (
    FIELDS,
    Answer,
    aggregate,
    haversine,
    inter_of,
    match_rows,
    names_place,
    parse_years,
    score_row,
    select_rows,
    system_answers,
)
from frontwatch.extract import ActorDictionary
from frontwatch.model import (
    Actor,
    Certainty,
    Claim,
    Document,
    Place,
    PlaceMention,
    Span,
    TimeSpan,
    document_id_for,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "acled-eval-fixture.jsonl"
ROWS = [json.loads(line) for line in FIXTURE.read_text().splitlines()]
SPLIT = [2, 3]  # one note, two rows: Eldoret and Kisumu


def place(name: str, lat: float, lon: float, admin1: str = "A", code: str = "XX.01") -> Place:
    return Place(name, 1, "PPL", "XX", admin1, code, None, f"{code}.1", lat, lon, 1)


def answer(p: Place | None, confidence: float = 0.5, sub: str = "Peaceful protest", fatalities: int = 0,
           actor1: Actor | None = None, from_text: bool = True) -> Answer:
    return Answer("event", "Protests", sub, actor1, None, p, fatalities, date(2015, 5, 10), from_text, confidence,
                  (p.name if p else "none",), ("s",))


ELDORET = place("Eldoret", 0.5204, 35.2699)
KISUMU = place("Kisumu", -0.1022, 34.7617)
FAR = place("Far", 10.0, 10.0)


def test_split_rows_are_matched_one_to_one_by_place() -> None:
    rows = [ROWS[i] for i in SPLIT]  # Eldoret, then Kisumu
    got = match_rows(rows, [answer(KISUMU, 0.9), answer(ELDORET, 0.8)])
    assert [a.place.name if a and a.place else None for a in got] == ["Eldoret", "Kisumu"]


def test_one_row_takes_the_best_answer_wherever_it_is() -> None:
    # The gold place never chooses among a note's events when ACLED coded one row: no oracle.
    got = match_rows([ROWS[2]], [answer(FAR, 0.9), answer(ELDORET, 0.4)])
    assert got[0] is not None and got[0].place == FAR


def test_only_the_best_k_answers_compete_and_extra_rows_get_none() -> None:
    rows = [ROWS[i] for i in SPLIT]
    # Three answers for two rows: the third (right on Kisumu) is not the system's answer for two rows.
    got = match_rows(rows, [answer(ELDORET, 0.9), answer(FAR, 0.8), answer(KISUMU, 0.1)])
    assert [a.place.name for a in got if a and a.place] == ["Eldoret", "Far"]
    got = match_rows(rows, [answer(KISUMU, 0.9)])
    assert got[0] is None and got[1] is not None and got[1].place == KISUMU
    got = match_rows(rows, [answer(None, 0.9), answer(KISUMU, 0.5)])  # no place: whatever row is left
    assert got[1] is not None and got[1].place == KISUMU and got[0] is not None and got[0].place is None
    assert match_rows(rows, []) == [None, None]


def _claim(doc: Document, start: int, end: int, p: Place | None, confidence: float = 0.8) -> Claim:
    sentence = Span.of(doc.text, start, end)
    return Claim(document_id_for(doc.text + str(start)), doc.document_id, sentence, "Protests", "Peaceful protest",
                 sentence, places=(PlaceMention(Span(start, start + 1, doc.text[start]), p),) if p else (),
                 time=TimeSpan(date(2015, 5, 10), date(2015, 5, 10), 1), confidence=confidence)


def test_system_answers_fuse_the_notes_claims_and_rank_them() -> None:
    text = "Traders marched in A. Traders marched in B. More traders marched in B."
    doc = Document(document_id_for(text), text, "t", "eval", published=date(2015, 5, 10))
    a, b = place("A", 1.0, 1.0, code="XX.01"), place("B", 2.0, 2.0, code="XX.02")
    s1, s2 = text.index("Traders marched in B"), text.index("More")
    claims = [_claim(doc, 0, s1 - 1, a), _claim(doc, s1, s2 - 1, b), _claim(doc, s2, len(text), b)]
    answers = system_answers(doc, claims)
    # Two units, two events; B is backed by two claims, so it ranks first at equal confidence.
    assert [x.place.name for x in answers if x.place] == ["B", "A"]
    assert all(x.kind == "event" for x in answers) and len(answers[0].claim_ids) == 2
    assert answers[0].sentences == ("Traders marched in B.", "More traders marched in B.")
    # No claim placed below the country: fusion makes no event; the best claim answers, marked as such.
    unplaced = system_answers(doc, [_claim(doc, 0, s1 - 1, None, 0.3), _claim(doc, s1, s2 - 1, None, 0.9)])
    assert len(unplaced) == 1 and unplaced[0].kind == "claim" and unplaced[0].sentences == ("Traders marched in B.",)
    assert system_answers(doc, []) == []


def test_a_denied_event_is_never_preferred_to_one_the_note_asserts() -> None:
    text = "Nobody marched in A. Traders may have marched in B."
    doc = Document(document_id_for(text), text, "t", "eval", published=date(2015, 5, 10))
    s1 = text.index("Traders")
    denied = replace(_claim(doc, 0, s1 - 1, place("A", 1.0, 1.0, code="XX.01")), certainty=Certainty.DENIED)
    hedged = replace(_claim(doc, s1, len(text), place("B", 2.0, 2.0, code="XX.02")), certainty=Certainty.HEDGED)
    answers = system_answers(doc, [denied, hedged])
    # The denial is surer than the hedged claim, but it says the event did not happen.
    assert [x.place.name for x in answers if x.place] == ["B", "A"]
    assert answers[1].confidence > answers[0].confidence


def test_names_place_reads_whole_words_through_accents_hyphens_and_apostrophes() -> None:
    row = {"notes": "Clashes in Muranga and near Nyeri-town.", "location": "Kangema", "admin1": "Murang'a"}
    assert names_place(row)
    assert names_place({"notes": "Riots in Nyeri town.", "location": "Nyeri-Town", "admin1": "X"})
    assert names_place({"notes": "Protest at Sao Tome.", "location": "São Tomé", "admin1": "X"})
    assert not names_place({"notes": "Protest in Kisumuland.", "location": "Kisumu", "admin1": "X"})
    assert not names_place({"notes": "Police arrested 12 men.", "location": "Kisumu", "admin1": "Kisumu"})


def test_inter_codes_come_from_the_actor_or_its_name() -> None:
    actors = ActorDictionary.load()
    assert inter_of(Actor("Boko Haram", 2), actors) == 2
    assert inter_of(Actor("Police Forces of Kenya"), actors) == 1
    assert inter_of(Actor("Rioters"), actors) == 5
    assert inter_of(Actor("Pokot Ethnic Militia (Kenya)"), actors) == 4
    assert inter_of(Actor("Some Militia"), actors) == 3
    assert inter_of(Actor("Unknown"), actors) is None and inter_of(None, actors) is None


def test_each_figure_has_its_own_denominator() -> None:
    actors = ActorDictionary.load()

    def same_admin1(p: Place | None, gold: object) -> bool:
        return bool(p and p.admin1 == gold)

    eld = place("Eldoret", 0.5204, 35.2699, admin1="Uasin Gishu")
    scores = [
        score_row(ROWS[0], None, actors, same_admin1),  # a toll (7), named, no answer
        score_row(ROWS[2], answer(eld, actor1=Actor("Protesters", 6)), actors, same_admin1),  # named, no toll
        score_row(ROWS[7], answer(None, from_text=False), actors, same_admin1),  # names no place
    ]
    assert scores[0]["detected"] is False and scores[0]["fatalities_abs_err"] == 7
    assert scores[1]["location_25km_named"] is True and scores[1]["admin1_acc_named"] is True
    assert scores[1]["inter1_acc"] is True and scores[1]["actor1_acc"] is True
    assert scores[2]["location_25km_named"] is None and scores[2]["location_25km"] is False
    r = aggregate(scores)
    assert r["n"] == 3 and r["over"]["detected"] == 3
    assert r["over"]["location_25km_named"] == 2 and r["location_25km_named"] == 0.5  # rows 0 and 2 name it
    assert r["named_share"] == pytest.approx(2 / 3)
    assert r["over"]["fatalities_exact_killed"] == 1 and r["fatalities_exact_killed"] == 0.0
    assert r["fatalities_mae"] == pytest.approx(7 / 3) and r["fatalities_killed_mae"] == 7
    assert r["over"]["actor2_acc"] == 1 and r["over"]["inter2_acc"] == 1  # only row 0 codes an actor2
    assert r["over"]["date_assumed"] == 2 and r["date_assumed"] == 0.5  # over answered rows
    assert r["over"]["date_exact_read"] == 1


def test_years_select_rows_by_event_date() -> None:
    assert parse_years("2004-2015") == (2004, 2015) and parse_years("2016") == (2016, 2016)
    for bad in ("2016-2014", "16-18", "2004 to 2015"):
        with pytest.raises(ValueError):
            parse_years(bad)
    assert select_rows(ROWS, (2015, 2015)) == [2, 3, 4]
    assert select_rows(ROWS, (2016, 2018)) == [5, 6, 7, 8]
    assert select_rows(ROWS, None) == list(range(len(ROWS)))


def _eval(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "frontwatch", "eval", "events", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)


def test_rows_file_order_format_and_figures_agree(tmp_path: Path, gazetteer_path: Path) -> None:
    out_rows = tmp_path / "rows.jsonl"
    floors = tmp_path / "floors.json"
    name = "acled-eval-fixture.jsonl[2015-2016]"
    # The split's key is its own: the unsplit file's floor does not apply, and an unreachable one fails.
    floors.write_text(json.dumps({"acled-eval-fixture.jsonl": {"detected": 2.0}, name: {"detected": 1.01}}))
    out = _eval(str(FIXTURE), "--years", "2015-2016", "--rows", str(out_rows), "--json", "--floors", str(floors),
                "--gazetteer", str(gazetteer_path))
    assert out.returncode == 1, out.stderr
    assert f"{name}: detected" in out.stderr and "floor 2.0" not in out.stderr
    r = json.loads(out.stdout)
    assert r["file"] == name and r["n"] == 7 and r["seconds_per_row"] > 0
    lines = [json.loads(line) for line in out_rows.read_text().splitlines()]
    assert [x["row"] for x in lines] == [2, 3, 4, 5, 6, 7, 8]
    assert all(x["gold"] == ROWS[x["row"]] for x in lines)
    for x in lines:
        s = x["system"]
        if s is None:
            assert not any(v for k, v in x["scores"].items() if k.endswith("_acc") or k == "detected")
            continue
        assert set(FIELDS) | {"claim_ids", "sentences", "answer"} <= set(s) and s["claim_ids"] and s["sentences"]
    # Every toponym the geoparser found, quoted from the note, for error analysis.
    assert all(m["text"] in x["gold"]["notes"] for x in lines for m in x["note_places"])
    assert any(m["location"] for x in lines for m in x["note_places"])
    split = [x["system"] for x in lines if x["row"] in SPLIT]
    if all(split):  # one-to-one: two rows of one note never share an answer
        assert split[0]["claim_ids"] != split[1]["claim_ids"]
    # Denominators follow the gold rows alone: rows 7 and 8 name no place, only row 5 has a toll, rows 5-6 an
    # actor2.
    assert r["over"]["location_25km_named"] == 5 and r["named_share"] == pytest.approx(5 / 7)
    assert r["over"]["fatalities_exact_killed"] == 1
    assert r["over"]["actor2_acc"] == 2 and r["over"]["inter2_acc"] == 2 and r["over"]["geo_precision_acc"] == 7
    # The aggregate is what the rows say.
    systems = [(x["gold"], x["system"]) for x in lines]
    assert r["detected"] == pytest.approx(sum(s is not None for _, s in systems) / 7)
    assert r["sub_event_type_acc"] == pytest.approx(
        sum(bool(s and s["sub_event_type"] == g["sub_event_type"]) for g, s in systems) / 7)
    assert r["fatalities_mae"] == pytest.approx(
        sum(abs((s["fatalities"] if s else 0) - g["fatalities"]) for g, s in systems) / 7)
    assert r["location_25km"] == pytest.approx(sum(
        bool(s and s["latitude"] is not None
             and haversine(g["latitude"], g["longitude"], s["latitude"], s["longitude"]) <= 25)
        for g, s in systems) / 7)


def test_several_splits_in_one_run_each_floored_on_its_own(tmp_path: Path, gazetteer_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"acled-eval-fixture.jsonl": {"detected": 2.0},
                                  "acled-eval-fixture.jsonl[2014-2014]": {"n_rows_figure_absent": 0.5}}))
    out = _eval(str(FIXTURE), "--years", "2014", "--years", "2016-2016", "--json", "--floors", str(floors),
                "--gazetteer", str(gazetteer_path))
    assert out.returncode == 1  # a floored figure the result lacks is a failure, not a pass
    assert "n_rows_figure_absent missing" in out.stderr
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(x["file"], x["n"]) for x in results] == [("acled-eval-fixture.jsonl[2014-2014]", 2),
                                                      ("acled-eval-fixture.jsonl[2016-2016]", 4)]
    floors.write_text(json.dumps({"acled-eval-fixture.jsonl[2016-2016]": {"detected": 0.0, "fatalities_mae": 99}}))
    out = _eval(str(FIXTURE), "--years", "2016", "--json", "--floors", str(floors), "--gazetteer",
                str(gazetteer_path))
    assert out.returncode == 0, out.stderr


def test_usage_errors_exit_2_before_any_model_loads(tmp_path: Path) -> None:
    out = _eval(str(FIXTURE), "--years", "2016-2014", timeout=60)
    assert out.returncode == 2 and "FIRST-LAST" in out.stderr
    out = _eval(str(FIXTURE), "--years", "2014", "--years", "2015", "--rows", str(tmp_path / "r.jsonl"), timeout=60)
    assert out.returncode == 2 and "one ACLED file" in out.stderr
    out = _eval(str(FIXTURE), "--years", "1990", timeout=120)
    assert out.returncode == 2 and "no row" in out.stderr


def _misses_module():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("misses", ROOT / "eval" / "misses.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_misses_are_sorted_by_kind() -> None:
    misses = _misses_module()
    gold = {**ROWS[2], "notes": "Traders marched in Eldoret; several were hurt.", "fatalities": 2,
            "actor2": "Police Forces of Kenya (2013-)", "inter2": 1}
    system = {**dict.fromkeys(FIELDS), "fatalities": 0, "country": None, "feature_code": None,
              "actor1": "Protesters", "inter1": 6, "actor2": "Police forces", "inter2": 1}
    found = {"text": "Eldoret", "location": "Eldoret", "admin1": "Uasin Gishu", "country": "KE",
             "feature_code": "PPLA", "latitude": 0.52, "longitude": 35.27, "method": "ner"}
    scores = {"location_25km": False, "fatalities_exact": False, "actor1_acc": True, "actor2_acc": False,
              "sub_event_type_acc": True}
    rows = [
        {"row": 0, "gold": gold, "system": system, "scores": scores, "note_places": [found]},
        {"row": 1, "gold": {**gold, "notes": "Traders marched in Eldoret."}, "system": {
            **system, "location": "Eldoret", "country": "US", "latitude": 40.0, "longitude": -80.0,
            "actor2": "Police Forces of Uganda"}, "scores": scores, "note_places": []},
        {"row": 2, "gold": gold, "system": None, "scores": {**scores, "actor2_acc": None, "actor1_acc": None,
                                                            "sub_event_type_acc": False}, "note_places": []},
    ]
    out = misses.sort_misses(rows, ActorDictionary.load())
    named = out["place (note names it)"]
    assert named["no place attached, though the geoparser found the place (within 25 km)"] == [0]
    assert named["wrong country"] == [1] and named["no answer"] == [2]
    assert out["fatalities"]["vague word in the note (ACLED's conservative figure)"] == [0]
    assert out["fatalities"]["missed count: the note gives no figure (ACLED's came from the source)"] == [1]
    assert out["actor2"]["state forces without their country"] == [0]
    assert out["actor2"]["wrong country of state forces"] == [1]
    assert out["sub-type"]["Peaceful protest → no answer"] == [2]


def test_a_split_the_classifier_was_trained_on_is_named_in_sample(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from frontwatch.cli.train_cmds import _trained_years
    from frontwatch.extract.classify import data_hash

    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"notes": "x", "event_date": "2010-01-01"}\n', encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text('{"notes": "y", "event_date": "2010-01-01"}\n', encoding="utf-8")
    meta = {"sources": [{"data": "snippets.jsonl", "sha256": "abc", "n": 3},
                        {"acled": str(rows), "sha256": data_hash(rows), "years": [2004, 2015], "n": 1}]}
    pipeline = SimpleNamespace(extractor=SimpleNamespace(classifier=SimpleNamespace(meta=meta)))
    assert _trained_years(pipeline, rows) == [(2004, 2015)]
    assert _trained_years(pipeline, other) == []  # another file's rows were never read
    assert _trained_years(SimpleNamespace(extractor=SimpleNamespace(classifier=None)), rows) == []
