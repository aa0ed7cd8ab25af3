"""Event type that holds up on later years (issue 15, `type13` area): the temporal figure of eval/cv_kenya.py, a
classifier trained on the CASE snippets and the notes of earlier years only, the later development years scored by
the whole pipeline, on an invented coded file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = [
    ("Warplanes bombed the village, killing civilians.", "Air/drone strike"),
    ("A drone strike hit a car carrying militants.", "Air/drone strike"),
    ("Jets carried out airstrikes on rebel positions.", "Air/drone strike"),
    ("Floods destroyed hundreds of homes after heavy rain.", "Not a conflict event"),
    ("The ministers met to discuss trade and tariffs.", "Not a conflict event"),
    ("An earthquake struck the region, damaging roads.", "Not a conflict event"),
]
# (year, note, sub-type): invented notes, two earlier years' and one later year's
NOTES = [
    (2010, "Hundreds of market vendors marched to the town hall over new stall fees.", "Peaceful protest"),
    (2010, "Nurses held a sit-in outside the county offices demanding unpaid wages.", "Peaceful protest"),
    (2010, "Parents gathered at the school gate to oppose the transfer of the head teacher.", "Peaceful protest"),
    (2011, "Police detained four men suspected of running an illegal brewery.", "Arrests"),
    (2011, "Officers arrested a councillor accused of inciting violence.", "Arrests"),
    (2011, "Detectives held two traders over forged land titles.", "Arrests"),
    (2013, "Fishermen marched to the harbour office over new licence charges.", "Peaceful protest"),
    (2013, "Police detained three men found with stolen cattle.", "Arrests"),
]


def _cv_kenya():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        import cv_kenya
    finally:
        sys.path.remove(str(ROOT / "eval"))
    return cv_kenya


def _files(tmp_path: Path) -> tuple[Path, Path]:
    snippets = tmp_path / "snippets.jsonl"
    snippets.write_text("".join(json.dumps({"text": t, "sub_event_type": s}) + "\n" for t, s in SNIPPETS))
    acled = tmp_path / "acled.jsonl"
    acled.write_text("".join(json.dumps({
        "event_date": f"{y}-03-0{1 + k % 8}", "notes": note, "sub_event_type": sub,
        "event_type": "Protests" if sub == "Peaceful protest" else "Strategic developments", "country": "Kenya",
        "actor1": "", "actor2": "", "inter1": 0, "inter2": 0, "admin1": "", "location": "", "latitude": 0.0,
        "longitude": 37.0, "fatalities": 0, "geo_precision": 1, "time_precision": 1}) + "\n"
        for k, (y, note, sub) in enumerate(NOTES)))
    return snippets, acled


def test_the_temporal_mode_refuses_held_out_years_and_a_training_span_that_is_not_earlier(tmp_path: Path) -> None:
    cv_kenya = _cv_kenya()
    snippets, acled = _files(tmp_path)
    for train, score in (("2004-2012", "2016-2018"), ("2004-2013", "2013-2015"), ("2014-2015", "2010-2012")):
        with pytest.raises(SystemExit) as exc:
            cv_kenya.main([str(acled), "--snippets", str(snippets), "--train-years", train, "--score-years", score,
                           "--models", str(tmp_path / "m")])
        assert "development years only" in str(exc.value.code), (train, score)


def test_the_temporal_mode_trains_on_the_earlier_notes_and_scores_the_later_rows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], gazetteer_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from frontwatch.extract.classify import EventClassifier

    monkeypatch.setenv("FRONTWATCH_GAZETTEER", str(gazetteer_path))

    cv_kenya = _cv_kenya()
    snippets, acled = _files(tmp_path)
    assert cv_kenya.main([str(acled), "--snippets", str(snippets), "--train-years", "2010-2011",
                          "--score-years", "2013", "--models", str(tmp_path / "m")]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["n"] == sum(y == 2013 for y, _, _ in NOTES)  # only the later year's rows are scored
    model = EventClassifier.load(tmp_path / "m" / "temporal-2010-2011.pkl")
    # trained on the snippets and the earlier notes, never on a scored one
    assert model.meta["n"] == len(SNIPPETS) + sum(y < 2013 for y, _, _ in NOTES)
    assert 0.0 <= result["classifier_alone_sub_acc"] <= 1.0
