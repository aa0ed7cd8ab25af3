"""Exports and the fusion commands through real subprocesses on a real SQLite store: every JSONL key, every ACLED
CSV column in order, GeoJSON points, the control JSON (status and evidence), and the usage errors."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontwatch.model import Certainty, Count, CountKind
from frontwatch.publish.exports import ACLED_COLUMNS, EXTRA_COLUMNS, JSONL_KEYS
from frontwatch.store import Store
from tests.fuse_helpers import DISTRICT, OTHER, claim, doc, spokesman

ROOT = Path(__file__).resolve().parents[1]
ISSUE_JSONL_KEYS = [
    "event_id", "event_date", "date_low", "date_high", "time_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "inter1", "inter2", "country", "iso", "admin1", "admin2", "admin2_code", "location", "latitude",
    "longitude", "geo_precision", "fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injured",
    "killed_or_injured", "status", "confidence", "sources", "source_scale", "notes", "claim_ids",
]
ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def fw(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    if data is not None:
        env["FRONTWATCH_DATA"] = str(data)
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env=env)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "x.db"
    store = Store(f"sqlite:///{path}")
    a = doc("Rebels took Pul-e Hisar, killing 7 and wounding 20.", "a.org")
    b = doc("Pul-e Hisar fell to rebels; 9 were killed.", "b.org")
    c = doc("Rebels captured Deh Salah, C reports.", "c.org")
    d = doc("A Taliban spokesman denied that Deh Salah had fallen.", "d.org")
    store.add_document(a, [claim(a, 1, fatalities=7, counts=(Count(CountKind.KILLED, 7),
                                                              Count(CountKind.INJURED, 20)))])
    store.add_document(b, [claim(b, 1, fatalities=9, counts=(Count(CountKind.KILLED, 9),))])
    store.add_document(c, [claim(c, 1, place=OTHER)])
    store.add_document(d, [claim(d, 1, place=OTHER, certainty=Certainty.DENIED, via=(spokesman("d.org"),))])
    store.close()
    out = fw("fuse", "--db", str(path))
    assert out.returncode == 0, out.stderr
    # a holding and its decay to unknown 30 days on, per unit (docs/control.md)
    assert "2 events (1 confirmed, 1 contested), 4 control states" in out.stderr
    return path


def test_key_lists_are_the_documented_ones() -> None:
    assert JSONL_KEYS == ISSUE_JSONL_KEYS
    assert ACLED_COLUMNS == ACLED_ORDER
    assert not set(EXTRA_COLUMNS) & set(ACLED_COLUMNS)


def test_jsonl(db: Path, tmp_path: Path) -> None:
    out = fw("export", "events", "--format", "jsonl", "--out", str(tmp_path / "e.jsonl"), "--db", str(db))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(rows) == 2 and all(list(r) == ISSUE_JSONL_KEYS for r in rows)
    taken = next(r for r in rows if r["admin2_code"] == DISTRICT.admin2_code)
    assert taken["status"] == "confirmed" and taken["event_date"] == "2021-08-20"
    assert (taken["fatalities"], taken["fatalities_low"], taken["fatalities_best"], taken["fatalities_high"]) == (
        7, 7, 8, 9)
    assert taken["injured"] == 20 and taken["killed_or_injured"] is None
    assert taken["actor1"] == "Rebels" and taken["inter1"] == 2 and taken["iso"] == "AF"
    assert (taken["latitude"], taken["longitude"], taken["geo_precision"]) == (35.6, 69.5, 2)
    assert sorted(taken["sources"]) == ["a.org", "b.org"] and len(taken["claim_ids"]) == 2
    contested = next(r for r in rows if r["admin2_code"] == OTHER.admin2_code)
    assert contested["status"] == "contested" and "Contested" in contested["notes"]
    stdout = fw("export", "events", "--db", str(db))  # jsonl on stdout by default
    assert [json.loads(line) for line in stdout.stdout.splitlines()] == rows


def test_csv_has_acled_columns_in_order_then_ours(db: Path, shared_data: Path, tmp_path: Path) -> None:
    out = fw("export", "events", "--format", "csv", "--db", str(db), data=shared_data)
    assert out.returncode == 0, out.stderr
    reader = csv.DictReader(out.stdout.splitlines())
    assert reader.fieldnames == ACLED_ORDER + EXTRA_COLUMNS
    rows = {r["admin2_code"]: r for r in reader}
    r = rows[DISTRICT.admin2_code]
    assert (r["event_date"], r["year"], r["time_precision"]) == ("2021-08-20", "2021", "1")
    assert (r["disorder_type"], r["event_type"]) == ("Political violence", "Battles")
    assert (r["actor1"], r["inter1"], r["actor2"], r["inter2"], r["interaction"]) == ("Rebels", "2", "Taliban", "2",
                                                                                      "22")
    assert (r["country"], r["iso"], r["region"]) == ("Afghanistan", "4", "South Asia")  # ACLED: numeric iso
    assert (r["admin1"], r["admin2"], r["location"], r["admin2_code"]) == ("Baghlan", "Pul-e Hisar", "Pul-e Hisar",
                                                                          "AF.03.1302")
    assert (r["fatalities"], r["fatalities_high"], r["status"]) == ("7", "9", "confirmed")
    assert set(r["source"].split("; ")) == {"a.org", "b.org"}
    assert len(json.loads(r["claim_ids"])) == 2
    # Without the data directory the country is its ISO code, and nothing fails.
    bare = fw("export", "events", "--format", "csv", "--db", str(db), data=tmp_path / "none")
    assert bare.returncode == 0 and {r["iso"] for r in csv.DictReader(bare.stdout.splitlines())} == {"AF"}


def test_geojson_points(db: Path) -> None:
    out = fw("export", "events", "--format", "geojson", "--db", str(db))
    fc = json.loads(out.stdout)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lat, lon) == (f["properties"]["latitude"], f["properties"]["longitude"])
        assert list(f["properties"]) == ISSUE_JSONL_KEYS and f["id"] == f["properties"]["event_id"]


def test_control_json_carries_status_and_evidence(db: Path) -> None:
    out = fw("export", "control", "--as-of", "2021-08-21", "--format", "json", "--db", str(db))
    assert out.returncode == 0, out.stderr
    states = {s["unit_code"]: s for s in json.loads(out.stdout)}
    assert set(states) == {"AF.03.1302", "AF.03.1312"}
    for s in states.values():
        assert {"unit_code", "unit_name", "admin1", "holder", "status", "since", "confidence", "claim_ids"} <= set(s)
    held = states["AF.03.1302"]
    assert (held["holder"], held["status"], held["evidence"], held["since"]) == (
        "Anti-Taliban forces", "held", "confirmed", "2021-08-20")
    contested = states["AF.03.1312"]
    assert contested["status"] == "contested" and len(contested["contradicting_claim_ids"]) == 1
    before = fw("export", "control", "--as-of", "2021-08-19", "--db", str(db))
    assert json.loads(before.stdout) == []


def test_control_and_sources_commands(db: Path) -> None:
    out = fw("control", "--as-of", "2021-08-21", "--admin1", "baghlan", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "AF.03.1302" in out.stdout and "contested" in out.stdout
    assert "AF.03" not in fw("control", "--as-of", "2021-08-21", "--admin1", "Kabul", "--db", str(db)).stdout
    out = fw("sources", "--db", str(db))
    assert out.returncode == 0 and "Taliban spokesman" in out.stdout and "official" in out.stdout


def test_usage_errors(db: Path, tmp_path: Path) -> None:
    bad = fw("export", "events", "--format", "xml", "--db", str(db))
    assert bad.returncode == 2 and "jsonl, csv or geojson" in bad.stderr
    bad = fw("export", "control", "--format", "csv", "--db", str(db))
    assert bad.returncode == 2 and "json" in bad.stderr
    bad = fw("control", "--as-of", "yesterday", "--db", str(db))
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    for cmd in (["fuse"], ["report"], ["control"], ["sources"], ["export", "events"], ["export", "control"]):
        assert "Example:" in fw(*cmd, "--help").stdout, cmd


def test_fuse_command_by_unit(db: Path) -> None:
    out = fw("fuse", "--unit", "AF.03.1312", "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "1 events (1 contested), 2 control states" in out.stderr
    states = json.loads(fw("export", "control", "--as-of", "2021-08-21", "--db", str(db)).stdout)
    assert {s["unit_code"] for s in states} == {"AF.03.1302", "AF.03.1312"}  # the other unit kept
    assert fw("fuse", "--quiet", "--db", str(db)).stderr == ""
