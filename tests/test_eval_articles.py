"""`frontwatch eval articles`: whole articles run as reports, fused, and their events matched to hand-coded ones.

tests/data/articles/fixture-news.jsonl holds three invented articles in the geoparse-dev format (a march, a roadside
bomb, a weather report); tests/data/articles-gold-fixture.jsonl codes them (one event each for the first two, none
for the weather). The scoring itself is pinned on hand-built events, no pipeline: one-to-one matching, articles as
provenance, the same event from two articles, two places of one article, miss kinds, false alarms."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from frontwatch.evaluation import gold_events, score_articles
from frontwatch.extract.actors import ActorDictionary
from frontwatch.model import Actor, Event, EventStatus, Place

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "articles-gold-fixture.jsonl"
DATA = ROOT / "tests" / "data" / "articles"


def _eval(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "frontwatch", "eval", "articles", *args], capture_output=True,
                          text=True, timeout=600, env=env, check=False)


def test_fixture_articles_scored_end_to_end(tmp_path: Path, gazetteer_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"articles-gold-fixture.jsonl": {"recall": 0.9, "false_alarms_max": 0}}))
    out = _eval(str(GOLD), "--data", str(DATA), "--json", "--gazetteer", str(gazetteer_path), "--rows", str(rows),
                "--floors", str(floors))
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["articles"] == 3 and r["articles_without_violence"] == 1 and r["gold_events"] == 2
    # the march in Nairobi on Monday and the bomb in Lashkar Gah on Sunday, each dated from its report's day
    assert r["matched"] == 2 and r["recall"] == 1.0 and r["precision"] == 1.0
    assert r["matched_date_exact_acc"] == 1.0 and r["matched_fatalities_exact_acc"] == 1.0
    assert r["false_alarms"] == 0 and r["misses"] == {}
    lines = [json.loads(x) for x in rows.read_text().splitlines()]
    assert [(x["row"], x["articles"], x["match"]) for x in lines] == [(0, ["fx-protest"], "strict"),
                                                                      (1, ["fx-bomb"], "strict")]
    assert lines[1]["system"]["fatalities"] == 2 and lines[1]["system"]["event_date"] == "2021-05-09"
    # a floor above what is measured fails the run, naming the figure
    floors.write_text(json.dumps({"articles-gold-fixture.jsonl": {"precision": 1.0, "system_events_max": 1}}))
    out = _eval(str(GOLD), "--data", str(DATA), "--json", "--gazetteer", str(gazetteer_path), "--floors",
                str(floors))
    assert out.returncode == 1 and "system_events = 2, ceiling 1" in out.stderr


def test_usage_errors_say_what_to_fix(tmp_path: Path) -> None:
    out = _eval(str(tmp_path / "none.jsonl"), "--data", str(DATA))
    assert out.returncode == 2 and "no such file" in out.stderr
    out = _eval(str(GOLD), "--data", str(tmp_path / "nowhere"))
    assert out.returncode == 2 and "no such directory" in out.stderr and "--data" in out.stderr
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "fx-absent", "dataset": "fixture-news.jsonl", "published": "2022-01-01",
                                "events": []}) + "\n")
    out = _eval(str(gold), "--data", str(DATA))
    assert out.returncode == 2 and "fx-absent" in out.stderr and "hint" in out.stderr
    gold.write_text('{"id": "fx-bomb", "dataset": "fixture-news.jsonl", "published": "someday", "events": []}\n')
    out = _eval(str(gold), "--data", str(DATA))
    assert out.returncode == 2 and "gold.jsonl:1" in out.stderr


# --- the scoring, on hand-built events ---------------------------------------------------------------------------

KABUL = Place("Kabul", None, "PPLC", "AF", "Kabul", "AF.13", "Kabul", "AF.13.1", 34.53, 69.17, 1)
PAGHMAN = Place("Paghman", None, "PPLA2", "AF", "Kabul", "AF.13", "Paghman", "AF.13.2", 34.59, 68.95, 1)  # ~21 km
HERAT = Place("Herat", None, "PPLA", "AF", "Herat", "AF.11", "Herat", "AF.11.1", 34.35, 62.20, 1)


def _gold_row(event_type: str, sub: str, day: str, place: Place, fatalities: int = 0, actor1: str = "Taliban",
              actor2: str = "", kind: str = "lead") -> dict:
    return {"event_type": event_type, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
            "location": place.name, "admin1": place.admin1, "country": "Afghanistan", "latitude": place.lat,
            "longitude": place.lon, "event_date": day, "fatalities": fatalities, "kind": kind}


def _event(eid: str, event_type: str, sub: str, day: str, place: Place, fatalities: int = 0,
           actor1: str | None = "Taliban", status: EventStatus = EventStatus.REPORTED) -> Event:
    d = date.fromisoformat(day)
    return Event(eid, d, d, d, 1, event_type, sub, Actor(actor1) if actor1 else None, None, place, status, 0.8,
                 fatalities=fatalities, claim_ids=(f"{eid}-c",))


def _article(aid: str, *rows: dict, violence: bool = True) -> dict:
    return {"id": aid, "dataset": "x.jsonl", "published": "2021-06-02", "violence": violence, "events": list(rows)}


BAT, CLASH = "Battles", "Armed clash"
ERV, IED = "Explosions/Remote violence", "Remote explosive/landmine/IED"


def test_matching_is_one_to_one_and_within_the_article() -> None:
    actors = ActorDictionary.load()
    gold = [_article("a", _gold_row(BAT, CLASH, "2021-06-01", KABUL, 3),
                     _gold_row(BAT, CLASH, "2021-06-01", PAGHMAN)),
            _article("b", _gold_row(ERV, IED, "2021-06-01", HERAT))]
    events = [_event("e1", BAT, CLASH, "2021-06-02", KABUL, 3),  # a day off: still a match
              _event("e2", ERV, IED, "2021-06-01", HERAT)]  # right in every field, but made from article a
    origin = {"e1": {"a"}, "e2": {"a"}}
    r, records = score_articles(gold, events, origin, actors)
    assert r["gold_events"] == 3 and r["system_events"] == 2
    # e1 stands for one of the two clashes only; e2 cannot stand for article b's bomb
    assert r["matched"] == 1 and r["recall"] == round(1 / 3, 3) and r["precision"] == 0.5
    assert records[0]["match"] == "strict" and records[0]["system"]["location"] == "Kabul"  # the closer of the two
    assert r["matched_date_exact_acc"] == 0.0 and r["matched_fatalities_exact_acc"] == 1.0
    assert r["matched_actor1_acc"] == 1.0
    assert records[2]["miss"] == "no event from the article"
    # the unmatched system event is listed after the gold events, with its article
    last = records[-1]
    assert last["row"] is None and last["articles"] == ["a"] and last["system"]["location"] == "Herat"


def test_miss_kinds_and_loose_matches() -> None:
    actors = ActorDictionary.load()
    gold = [_article("a", _gold_row(BAT, CLASH, "2021-06-01", KABUL)),
            _article("b", _gold_row(BAT, CLASH, "2021-06-01", KABUL)),
            _article("c", _gold_row(BAT, CLASH, "2021-06-01", KABUL))]
    assert len(gold_events(gold)) == 1  # one clash reported by three articles is one event of the corpus
    gold = [_article("a", _gold_row(BAT, CLASH, "2021-06-01", KABUL)),
            _article("b", _gold_row(BAT, CLASH, "2021-06-01", HERAT)),
            _article("c", _gold_row(ERV, IED, "2021-06-01", HERAT))]
    events = [_event("e1", ERV, IED, "2021-06-01", KABUL),  # a: right place and day, wrong type
              _event("e2", BAT, CLASH, "2021-06-05", HERAT),  # b: four days late
              _event("e3", ERV, IED, "2021-06-01", KABUL)]  # c: 600 km off
    origin = {"e1": {"a"}, "e2": {"b"}, "e3": {"c"}}
    r, records = score_articles(gold, events, origin, actors)
    assert r["matched"] == 0 and r["recall"] == 0.0
    assert [x["miss"] for x in records[:3]] == ["wrong type", "wrong date", "wrong place"]
    assert [x["match"] for x in records[:3]] == ["place_only", "type_only", "type_only"]
    assert r["misses"] == {"wrong type": 1, "wrong date": 1, "wrong place": 1}
    assert r["type_only_recall"] == round(2 / 3, 3) and r["place_only_recall"] == round(2 / 3, 3)
    assert r["place_matched_type_acc"] == 0.5  # of a's and b's place matches only b's has the type


def test_false_alarms_count_events_of_articles_without_violence() -> None:
    actors = ActorDictionary.load()
    gold = [_article("a", _gold_row(BAT, CLASH, "2021-06-01", KABUL)), _article("q", violence=False)]
    events = [_event("e1", BAT, CLASH, "2021-06-01", KABUL), _event("e2", ERV, IED, "2021-06-01", HERAT),
              _event("e3", BAT, CLASH, "2021-06-01", HERAT)]
    origin = {"e1": {"a"}, "e2": {"q"}, "e3": {"a", "q"}}  # e3 also rests on an article with violence
    r, _ = score_articles(gold, events, origin, actors)
    assert r["false_alarms"] == 1 and r["false_alarm_articles"] == 1
    assert r["matched"] == 1 and r["precision"] == round(1 / 3, 3)


def test_two_places_of_one_article_stay_two_events() -> None:
    gold = [_article("a", _gold_row(BAT, CLASH, "2021-06-01", KABUL), _gold_row(BAT, CLASH, "2021-06-01", PAGHMAN)),
            _article("b", _gold_row(BAT, CLASH, "2021-06-01", KABUL))]
    golds = gold_events(gold)
    assert [g.articles for g in golds] == [("a", "b"), ("a",)]
