"""`frontwatch eval control` (docs/control.md): scoring a control timeline against ACLED's territorial rows.

tests/data/control-rows.jsonl holds 10 hand-written rows in ACLED's format (invented notes, no ACLED text), 8 of
them territorial: a district centre taken and the district retaken (one unit, two holders), two security posts and a
village taken (contested steps, taker's side), a district taken by name, a capital taken (its district and its
province), a police surrender of district headquarters (a transfer claim with the receiver as actor 1, but the
district's short name is not in the gazetteer: placed at the province only, missed), and "a district in Z province"
(no district named: the province must not move, the row is missed).
Two rows are not territorial (a clash at a checkpoint, an attack in a city) and must move nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from frontwatch.cli.train_cmds import control_floor_failures
from frontwatch.evaluation.control import _Change, score_control
from frontwatch.extract.actors import ActorDictionary
from frontwatch.extract.sides import load_sides
from frontwatch.model import Place

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "control-rows.jsonl"


def _eval(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "frontwatch", "eval", "control", *args], capture_output=True,
                          text=True, timeout=600, env=env, check=False)


def test_fixture_rows_scored_end_to_end(tmp_path: Path, gazetteer_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"control-rows.jsonl": {"recall": 0.7, "precision": 0.8,
                                                         "province_holdings_max": 0}}))
    changes = tmp_path / "changes.jsonl"
    out = _eval(str(FIXTURE), "--json", "--gazetteer", str(gazetteer_path), "--floors", str(floors),
                "--changes", str(changes))
    r = json.loads(out.stdout)
    # --changes: why each territorial row was matched or missed, and each new holding
    records = [json.loads(line) for line in changes.read_text().splitlines()]
    kinds = {d["index"]: d["miss_kind"] for d in records if "miss_kind" in d}
    assert len(kinds) == 8 and sum(k == "hit" for k in kinds.values()) == 7
    [surrender] = [d for d in records if d.get("sub_event_type") == "Non-violent transfer of territory"]
    [given] = surrender["claims"]
    assert given["sub_event_type"] == "Non-violent transfer of territory" and given["scope"] == "centre"
    assert given["actor1"] == "Taliban" and "Police" in given["actor2"]
    # the district named by the short form of its gazetteer name ("X district" for "X-e Y") is found
    assert surrender["miss_kind"] == "hit"
    assert sum(1 for d in records if "holding" in d) == 6  # 5 districts and 1 province, all matching a row
    assert all(d["matched"] for d in records if "holding" in d)
    assert r["file"] == "control-rows.jsonl" and r["n"] == 8
    # 7 of 8: the district the gazetteer does not know is missed
    assert r["recall"] == 0.875 and r["recall_any_side"] == 0.875
    # new district holdings: the district centre, its recapture, the district by name, the capital's district,
    # the surrendered district headquarters; all of them rows of the right side
    assert r["district_changes"] == 5 and r["precision"] == 1.0 and r["precision_side"] == 1.0
    assert r["recall_held"] == 0.625  # posts and a village contest, never hold
    assert r["contested_steps"] == 2
    # one province: the one whose capital fell; not the one where "a district" was taken
    assert r["province_holdings"] == 1
    assert out.returncode == 1 and "province_holdings = 1, ceiling 0" in out.stderr
    floors.write_text(json.dumps({"control-rows.jsonl": {"recall": 0.7, "province_holdings_max": 1}}))
    assert _eval(str(FIXTURE), "--json", "--gazetteer", str(gazetteer_path), "--floors", str(floors)).returncode == 0


def test_missing_file_is_a_usage_error() -> None:
    out = _eval(str(ROOT / "no-such-rows.jsonl"))
    assert out.returncode == 2 and "no such file" in out.stderr


PLACE = Place("Korvalo", 1, "ADM2", "AF", "Tavor", "AF.99", "Korvalo", "AF.99.01", 35.0, 69.0, 2)


def _row(day: str, actor1: str, sub: str = "Non-state actor overtakes territory", admin2: str = "Korvalo") -> dict:
    return {"event_date": day, "sub_event_type": sub, "actor1": actor1, "admin1": "Tavor", "admin2": admin2,
            "latitude": 35.0, "longitude": 69.0, "notes": "-"}


def test_a_change_matches_by_unit_days_and_side() -> None:
    actors, sides = ActorDictionary.load(), load_sides()
    taken = _Change("Korvalo", 2, "held", "Taliban", True, date(2021, 6, 3), PLACE)
    rows = [_row("2021-06-01", "Taliban"),  # two days before: a match
            _row("2021-06-10", "Taliban"),  # a week later: none
            _row("2021-06-03", "Military Forces of Afghanistan (2014-2021)"),  # other side: unit only
            _row("2021-06-03", "Taliban", sub="Armed clash")]  # not territorial: not in the denominator
    r = score_control(rows, [taken], actors, sides)
    assert r["n"] == 3
    assert r["recall"] == round(1 / 3, 3) and r["recall_any_side"] == round(2 / 3, 3)
    assert r["precision"] == 1.0 and r["precision_side"] == 1.0
    # a step far from the row's point, in a unit of another name, is not that unit
    far = _Change("Elsewhere", 2, "held", "Taliban", True, date(2021, 6, 1),
                  Place("Elsewhere", 2, "ADM2", "AF", "Tavor", "AF.99", "Elsewhere", "AF.99.09", 36.0, 70.0, 2))
    assert score_control([_row("2021-06-01", "Taliban")], [far], actors, sides)["recall"] == 0.0


def test_floors_and_ceilings() -> None:
    result = {"file": "f", "recall": 0.5, "province_holdings": 2}
    assert control_floor_failures(result, {"f": {"recall": 0.4, "province_holdings_max": 2}}) == []
    assert control_floor_failures(result, {"f": {"recall": 0.6}}) == ["f: recall = 0.5, floor 0.6"]
    assert control_floor_failures(result, {"f": {"province_holdings_max": 1}}) == [
        "f: province_holdings = 2, ceiling 1"]
    assert control_floor_failures(result, {"f": {"precision": 0.1}}) == ["f: precision missing"]
