"""The event sub-type classifier and the events evaluation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from frontwatch.errors import ModelMissing
from frontwatch.extract.classify import EventClassifier, macro_f1
from frontwatch.extract.evaluate import check_floors
from frontwatch.model import NOT_AN_EVENT

ROOT = Path(__file__).resolve().parents[1]
TRAIN = [
    ("Warplanes bombed the village, killing civilians.", "Air/drone strike"),
    ("A drone strike hit a car carrying militants.", "Air/drone strike"),
    ("Jets carried out airstrikes on rebel positions.", "Air/drone strike"),
    ("Thousands marched peacefully through the capital demanding reforms.", "Peaceful protest"),
    ("Students held a peaceful sit-in outside parliament.", "Peaceful protest"),
    ("Demonstrators rallied in the square chanting slogans.", "Peaceful protest"),
    ("Police arrested three suspects after a raid.", "Arrests"),
    ("Security forces detained a local journalist.", "Arrests"),
    ("Officers arrested dozens of opposition members.", "Arrests"),
    ("Floods destroyed hundreds of homes after heavy rain.", NOT_AN_EVENT),
    ("The ministers met to discuss trade and tariffs.", NOT_AN_EVENT),
    ("An earthquake struck the region, damaging roads.", NOT_AN_EVENT),
]


def test_train_predict_is_deterministic_and_sensible(tmp_path: Path) -> None:
    texts, labels = zip(*TRAIN, strict=True)
    a = EventClassifier.train(texts, labels, seed=0)
    b = EventClassifier.train(texts, labels, seed=0)
    probe = ["Fighter jets bombed positions near the town.", "Protesters marched peacefully in the capital.",
             "Police detained two men.", "Heavy floods hit the valley."]
    assert a.predict(probe) == b.predict(probe)
    assert [lab for lab, _ in a.predict(probe)] == ["Air/drone strike", "Peaceful protest", "Arrests", NOT_AN_EVENT]
    path = tmp_path / "m.pkl"
    a.save(path)
    assert EventClassifier.load(path).predict(probe) == a.predict(probe)


def test_unknown_labels_and_missing_model_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        EventClassifier.train(["x"], ["Not a label"])
    with pytest.raises(ModelMissing) as exc:
        EventClassifier.load(tmp_path / "none.pkl")
    assert "frontwatch train" in str(exc.value)


def test_macro_f1_by_hand() -> None:
    gold = ["a", "a", "b", "b"]
    pred = ["a", "b", "b", "b"]
    # a: P=1, R=.5, F=.667; b: P=.667, R=1, F=.8
    assert macro_f1(gold, pred) == pytest.approx((2 / 3 + 0.8) / 2)


def test_floors_gate() -> None:
    r = {"file": "x.jsonl", "macro_f1": 0.7, "fatalities_mae": 2.0}
    assert check_floors(r, {"x.jsonl": {"macro_f1": 0.6, "fatalities_mae": 3.0}}) == []
    assert len(check_floors(r, {"x.jsonl": {"macro_f1": 0.8, "fatalities_mae": 1.0}})) == 2


def test_eval_events_on_acled_rows(tmp_path: Path, gazetteer_path: Path) -> None:
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "acled-sample.jsonl").read_text().splitlines()]
    f = tmp_path / "two.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows[:3]) + "\n")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"two.jsonl": {"detected": 0.6, "event_type_acc": 0.6}}))
    out = subprocess.run([sys.executable, "-m", "frontwatch", "eval", "events", str(f), "--json", "--floors",
                          str(floors), "--gazetteer", str(gazetteer_path)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["n"] == 3 and r["detected"] >= 0.6
    assert set(r) >= {"event_type_acc", "sub_event_type_acc", "location_25km", "admin1_acc", "fatalities_exact",
                      "fatalities_mae", "actor1_acc", "actor2_acc", "date_exact"}


def test_floors_gate_exits_1_naming_the_figure(tmp_path: Path, gazetteer_path: Path) -> None:
    rows = (ROOT / "tests" / "data" / "acled-sample.jsonl").read_text().splitlines()[:2]
    f = tmp_path / "pair.jsonl"
    f.write_text("\n".join(rows) + "\n")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"pair.jsonl": {"detected": 1.01}}))  # no figure can reach it
    out = subprocess.run([sys.executable, "-m", "frontwatch", "eval", "events", str(f), "--json", "--floors",
                          str(floors), "--gazetteer", str(gazetteer_path)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert out.returncode == 1
    assert "detected" in out.stdout + out.stderr


def test_eval_with_a_trained_classifier_scores_a_held_out_file_and_refuses_its_training_file(
        tmp_path: Path) -> None:
    train = tmp_path / "train.jsonl"
    train.write_text("".join(json.dumps({"text": t, "sub_event_type": None if lab == NOT_AN_EVENT else lab}) + "\n"
                             for t, lab in TRAIN))
    held = tmp_path / "held.jsonl"
    held.write_text("".join(json.dumps({"text": t, "sub_event_type": lab}) + "\n" for t, lab in [
        ("Warplanes struck a market in the north, killing eight.", "Air/drone strike"),
        ("Police detained four activists in the capital on Monday.", "Arrests"),
        ("Heavy rain flooded the valley and cut the main road.", None)]))
    model = tmp_path / "m.pkl"
    cmd = [sys.executable, "-m", "frontwatch"]
    out = subprocess.run([*cmd, "train", "--data", str(train), "--out", str(model), "--folds", "3", "--quiet"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    out = subprocess.run([*cmd, "eval", "events", str(held), "--classifier", str(model), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["n"] == 3 and 0.0 <= r["macro_f1"] <= 1.0 and "classifier_alone" in r
    out = subprocess.run([*cmd, "eval", "events", str(train), "--classifier", str(model), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 2 and "trained on" in out.stderr
