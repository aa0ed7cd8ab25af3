"""Issue 13, the CLI side, through real subprocesses: no report may poison fusion, no text may crash the CLI, no
CSV cell may run as a formula, no setting may lose data or end in a raw traceback, and re-runs stay idempotent.

Network traffic goes to 127.0.0.1 only (a port found closed), never anywhere else."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from frontwatch.model import Actor, ActorRole, Document, Place, PlaceMention, Span, TimeSpan, document_id_for
from frontwatch.store import Store
from tests.fuse_helpers import DISTRICT, OTHER, claim, doc

ROOT = Path(__file__).resolve().parents[1]
WIRE = ROOT / "examples" / "wire-2021-08-10-baghlan-capital.txt"  # dated by its sidecar: 2021-08-10


def fw(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH names this checkout, so the package is found from any working directory.
    full = {**os.environ, "COLUMNS": "250", "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]), **(env or {})}
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, env=full)


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening: a fetch there is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean(out: subprocess.CompletedProcess[str]) -> str:
    """stderr, after checking that no raw Python error reached the user."""
    assert "Traceback" not in out.stderr and not re.search(r"^\w+(Error|Exception):", out.stderr, re.M), out.stderr
    return out.stderr


def undated(text: str) -> Document:
    return Document(document_id_for(text), text, "undated.txt", "text", publisher="undated.example", published=None)


# --- item 1: an undated report must not poison fusion -------------------------------------------------------

def test_undated_claims_stay_out_of_events_and_a_poisoned_database_fuses_again(tmp_path: Path) -> None:
    """A database as the old code left it (claims with no date of their own from a report with no date, and a
    vague claim in year 1, at the edge of the calendar) fuses, and the dated claims become their events."""
    path = tmp_path / "p.db"
    store = Store(f"sqlite:///{path}")
    a = doc("Rebels took Pul-e Hisar.", "a.org")
    b = undated("Rebels took Deh Salah, a report with no date says.")
    c = doc("Rebels took Deh Salah long ago.", "c.org")
    store.add_document(a, [claim(a, 1)])
    store.add_document(b, [replace(claim(b, 1, place=OTHER), time=None)])
    edge = TimeSpan(date(1, 1, 1), date(1, 1, 1), 2, assumed=True)  # vague: fused within a window of days
    store.add_document(c, [replace(claim(c, 1, place=OTHER), time=edge)])
    store.close()
    fused = fw("fuse", "--db", str(path))
    assert fused.returncode == 0, fused.stderr
    err = clean(fused)
    assert "1 event claim left out of events" in err and "--published" in err
    events = [json.loads(line) for line in fw("export", "events", "--db", str(path)).stdout.splitlines()]
    by_unit = {(e["admin2_code"], e["event_date"]) for e in events}
    assert (DISTRICT.admin2_code, "2021-08-20") in by_unit
    assert (OTHER.admin2_code, "0001-01-01") in by_unit  # the edge date is kept, not shifted past the calendar
    assert len(events) == 2  # and the undated claim made none
    assert fw("fuse", "--unit", OTHER.admin2_code or "", "--db", str(path)).returncode == 0
    assert fw("report", "--db", str(path)).returncode == 0
    claims = fw("claims", "--format", "jsonl", "--db", str(path))
    assert len(claims.stdout.splitlines()) == 3  # the undated claim is still a claim


def test_run_an_undated_report_then_dated_ones(tmp_path: Path, seed_article: Path) -> None:
    """The issue's reproduction: the seed article without its sidecar, then a dated report into the same database."""
    (tmp_path / "in").mkdir()
    shutil.copy(seed_article, tmp_path / "in" / "seed-article.txt")  # no .meta.json: no date at all
    db = str(tmp_path / "d.db")
    first = fw("run", str(tmp_path / "in"), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "left out of events" in clean(first)
    second = fw("run", str(WIRE), "--db", db)
    assert second.returncode == 0, second.stderr
    clean(second)
    events = [json.loads(line) for line in fw("export", "events", "--db", db).stdout.splitlines()]
    assert "2021-08-10" in {e["event_date"] for e in events}


# --- item 2: square brackets in user text --------------------------------------------------------------------

def test_square_brackets_in_titles_publishers_texts_and_urls_never_crash(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "report[bold].txt").write_text(
        "Clashes in [bold]Kunduz[/] city\n\nTaliban fighters [/] attacked police checkpoints in Kunduz city on "
        "Monday, officials said. Three police officers were killed. :thumbs_up:\n")
    (inputs / "report[bold].meta.json").write_text(json.dumps(
        {"published": "2021-08-09", "title": "[/] Fighting [bold]in Kunduz", "publisher": "[red]evil[/].example"}))
    url = f"http://127.0.0.1:{closed_port()}/a[/]b"
    db = str(tmp_path / "b.db")
    ran = fw("run", url, str(inputs), str(WIRE), "--db", db, "--allow-private")
    assert ran.returncode == 1, ran.stderr  # the URL is rejected, the rest stored
    assert f"rejected {url}" in clean(ran) and "2 stored" in ran.stderr
    assert "[red]evil[/].example" in ran.stdout  # the report's sources column, as written
    docs = fw("docs", "--db", db)
    assert docs.returncode == 0 and "[/] Fighting [bold]in Kunduz" in docs.stdout
    assert "[red]evil[/].example" in docs.stdout and "report[bold].txt" in docs.stdout
    rejects = fw("rejects", "--db", db)
    assert rejects.returncode == 0 and url in rejects.stdout
    doc_id = next(line.split()[1] for line in docs.stdout.splitlines() if "evil" in line)
    shown = fw("show", doc_id, "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "title: [/] Fighting [bold]in Kunduz" in shown.stdout
    assert "Taliban fighters [/] attacked" in shown.stdout and ":thumbs_up:" in shown.stdout
    for command in (["claims"], ["sources"], ["report"], ["control"], ["fuse"]):
        out = fw(*command, "--db", db)
        assert out.returncode == 0, (command, out.stderr)
        clean(out)
    assert "[red]evil[/].example" in fw("sources", "--db", db).stdout
    assert "[red]evil[/].example" in fw("claims", "--db", db).stdout
    # Errors quote user text too.
    missing = fw("show", "[/]ab12cd", "--db", db)
    assert missing.returncode == 2 and "no document '[/]ab12cd'" in clean(missing)
    bad_flag = fw("run", str(inputs), "--db", db, "--published", "[/]")
    assert bad_flag.returncode == 2 and "[/]" in clean(bad_flag)


# --- item 4: CSV formula injection ---------------------------------------------------------------------------

def test_csv_export_neutralises_formulas_and_keeps_negative_coordinates_numbers(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    store = Store(f"sqlite:///{path}")
    formula = '=HYPERLINK("http://127.0.0.1/?x="&A1,"click")'
    d = doc("Rebels took the town, a hostile publisher says.", formula)
    south_west = Place("+Town", 99, "ADM2", "AF", "-Province", "AF.99", "@District", "AF.99.1", -12.5, -70.25, 2)
    c = claim(d, 1, place=south_west)
    c = replace(c, actors=(ActorRole("actor1", Actor("@SUM(1+1)", 2)), ActorRole("actor2", Actor("\tTab", 2))),
                places=(PlaceMention(Span(5, 9, "x"), south_west, 1.0, "gazetteer+cue:district"),))
    store.add_document(d, [c])
    store.close()
    assert fw("fuse", "--db", str(path)).returncode == 0
    out = fw("export", "events", "--format", "csv", "--out", str(tmp_path / "e.csv"), "--db", str(path))
    assert out.returncode == 0, out.stderr
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["source"] == "'" + formula
    assert (row["actor1"], row["actor2"]) == ("'@SUM(1+1)", "'\tTab")
    assert (row["location"], row["admin1"], row["admin2"]) == ("'+Town", "'-Province", "'@District")
    assert (float(row["latitude"]), float(row["longitude"])) == (-12.5, -70.25)  # numbers, not text
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for k, v in row.items()
                   if k not in ("latitude", "longitude")), row


def test_csv_safe_touches_text_only() -> None:
    from frontwatch.publish.exports import csv_safe

    assert [csv_safe(v) for v in ("=1+1", "+1", "-1", "@x", "\tx", "\rx", "a=b", "", "[x]")] == [
        "'=1+1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "a=b", "", "[x]"]
    assert [csv_safe(v) for v in (-70.25, -3, None)] == [-70.25, -3, None]


# --- item 6: FRONTWATCH_DB= (empty) --------------------------------------------------------------------------

def test_empty_frontwatch_db_means_the_default_file(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("A report.\n\nClashes were reported on Friday.\n")
    out = fw("ingest", "r.txt", env={"FRONTWATCH_DB": ""}, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "stored " in out.stdout
    assert (tmp_path / "frontwatch.db").is_file()  # stored where the default says, not in memory
    assert "r.txt" in fw("docs", "--db", str(tmp_path / "frontwatch.db")).stdout


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_is_refused(tmp_path: Path, url: str) -> None:
    (tmp_path / "r.txt").write_text("A report.\n\nClashes were reported on Friday.\n")
    out = fw("ingest", str(tmp_path / "r.txt"), "--db", url)
    assert out.returncode == 2 and "in-memory" in clean(out) and "hint" in out.stderr


# --- item 11: clear errors, exit 2 or 3, never a raw Python error --------------------------------------------

def _not_sqlite(tmp: Path) -> dict[str, object]:
    (tmp / "notes.db").write_text("these are notes, not a database\n" * 200)
    return {"args": ["docs", "--db", str(tmp / "notes.db")], "code": 3, "says": "not a database"}


def _mysql(tmp: Path) -> dict[str, object]:
    return {"args": ["docs", "--db", "mysql://user:s3cret@127.0.0.1/fw"], "code": 2, "says": "'mysql'"}


def _classifier(tmp: Path) -> dict[str, object]:
    (tmp / "model.pkl").write_bytes(b"\x00garbage, not a pickle" * 50)
    (tmp / "r.txt").write_text("A report.\n\nClashes were reported on Friday.\n")
    return {"args": ["run", str(tmp / "r.txt"), "--db", str(tmp / "c.db")], "code": 3, "says": "frontwatch train",
            "env": {"FRONTWATCH_CLASSIFIER": str(tmp / "model.pkl")}}


def _max_bytes(tmp: Path) -> dict[str, object]:
    return {"args": ["ingest", str(WIRE), "--db", str(tmp / "m.db")], "code": 2, "says": "FRONTWATCH_MAX_BYTES",
            "env": {"FRONTWATCH_MAX_BYTES": "ten megabytes"}}


def _url_timeout(tmp: Path) -> dict[str, object]:
    return {"args": ["ingest", str(WIRE), "--db", str(tmp / "t.db")], "code": 2, "says": "FRONTWATCH_URL_TIMEOUT",
            "env": {"FRONTWATCH_URL_TIMEOUT": "soon"}}


def _out_is_a_folder(tmp: Path) -> dict[str, object]:
    _fused_db(tmp / "x.db")
    return {"args": ["export", "events", "--out", str(tmp), "--db", str(tmp / "x.db")], "code": 2,
            "says": "is a folder"}


def _out_in_a_missing_folder(tmp: Path) -> dict[str, object]:
    _fused_db(tmp / "x.db")
    return {"args": ["export", "control", "--out", str(tmp / "nowhere" / "c.json"), "--db", str(tmp / "x.db")],
            "code": 2, "says": "does not exist"}


def _fused_db(path: Path) -> None:
    store = Store(f"sqlite:///{path}")
    a = doc("Rebels took Pul-e Hisar.", "a.org")
    store.add_document(a, [claim(a, 1)])
    store.close()


@pytest.mark.parametrize("case", [_not_sqlite, _mysql, _classifier, _max_bytes, _url_timeout, _out_is_a_folder,
                                  _out_in_a_missing_folder], ids=lambda f: f.__name__.strip("_"))
def test_setup_and_option_errors_exit_2_or_3_with_a_hint(tmp_path: Path, case) -> None:
    spec = case(tmp_path)
    out = fw(*spec["args"], env=spec.get("env"))
    assert out.returncode == spec["code"], out.stderr
    err = clean(out)
    assert "error:" in err and "hint:" in err and spec["says"] in err, err
    assert "s3cret" not in err  # a URL's password is never echoed
    assert not (tmp_path / "nowhere").exists()


# --- item 12: idempotent rejects, run --max-bytes, the classifier warning, read-only commands, export --force ----

def test_rejects_are_recorded_once_per_input_and_reason(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02" * 100)
    url = f"http://127.0.0.1:{closed_port()}/feed"
    for _ in range(3):
        out = fw("ingest", str(tmp_path / "bad.bin"), url, "--allow-private", "--db", str(db))
        assert out.returncode == 1, out.stderr
    listed = fw("rejects", "--db", str(db)).stdout
    assert listed.count("bad.bin") == 1 and listed.count(url) == 1
    store = Store(f"sqlite:///{db}")
    assert store.counts()["rejects"] == 2
    assert [r.seen for r in store.rejects()] == [3, 3]  # how often each was seen
    store.close()
    # The database itself refuses a second row for the same input and reason (a unique index since 0005; a
    # database holding repeats from earlier versions is folded by the migration, see test_store_migrations).
    with sqlite3.connect(db) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO rejects (origin, reason, detail, at, origin_key) "
                     "SELECT origin, reason, 'again', at, origin_key FROM rejects")


def test_run_takes_max_bytes_and_warns_once_without_a_classifier(tmp_path: Path) -> None:
    (tmp_path / "small.txt").write_text("Short report.\n\nClashes were reported in Kunduz on Friday.\n")
    (tmp_path / "large.txt").write_text("Long report.\n\n" + "Clashes were reported in Kunduz on Friday. " * 100)
    db = str(tmp_path / "m.db")
    env = {"FRONTWATCH_CLASSIFIER": str(tmp_path / "no-such-model.pkl")}
    zero = fw("run", str(tmp_path / "small.txt"), "--max-bytes", "0", "--db", db)
    assert zero.returncode == 2 and "--max-bytes" in clean(zero)
    out = fw("run", str(tmp_path / "small.txt"), str(tmp_path / "large.txt"), "--max-bytes", "1000",
             "--published", "2021-08-20", "--db", db, env=env)
    assert out.returncode == 1, out.stderr
    err = clean(out)
    assert "1 stored" in err and "1 rejected" in err
    assert err.count("no event classifier") == 1 and "make setup" in err and "frontwatch train" in err
    assert "too_large" in fw("rejects", "--db", db).stdout


@pytest.mark.parametrize("command", [["docs"], ["rejects"], ["claims"], ["show", "abcdef"], ["sources"], ["report"],
                                     ["control"], ["fuse"], ["export", "events"], ["export", "control"],
                                     ["db", "info"], ["map", "MAP"]], ids=" ".join)
def test_read_only_commands_create_nothing(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "missing" / "dir" / "x.db"
    args = [str(tmp_path / "m.html") if a == "MAP" else a for a in command]
    out = fw(*args, "--db", str(db))
    assert out.returncode == 3, out.stderr
    assert f"no database at {db}" in clean(out) and "hint:" in out.stderr
    assert not (tmp_path / "missing").exists() and not (tmp_path / "m.html").exists()


def test_export_overwrites_only_with_force(tmp_path: Path) -> None:
    _fused_db(tmp_path / "x.db")
    assert fw("fuse", "--db", str(tmp_path / "x.db")).returncode == 0
    target = tmp_path / "events.jsonl"
    target.write_text("keep me\n")
    refused = fw("export", "events", "--out", str(target), "--db", str(tmp_path / "x.db"))
    assert refused.returncode == 2 and "--force" in clean(refused)
    assert target.read_text() == "keep me\n"
    forced = fw("export", "events", "--out", str(target), "--force", "--db", str(tmp_path / "x.db"))
    assert forced.returncode == 0, forced.stderr
    assert json.loads(target.read_text().splitlines()[0])["event_date"] == "2021-08-20"


# --- left from last session: map OUT over a file it did not write, serve on a missing database ----------------

def test_map_refuses_to_overwrite_a_file_it_did_not_write_unless_forced(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    report = tmp_path / "r.txt"
    report.write_text("Report.\n\nClashes were reported in Kunduz on Friday.\n")
    assert fw("ingest", str(report), "--published", "2021-08-20", "--db", str(db)).returncode == 0
    foreign = tmp_path / "notes.html"
    foreign.write_text("<html><body>my notes</body></html>\n")
    refused = fw("map", str(foreign), "--db", str(db))
    assert refused.returncode == 2, refused.stderr
    assert "not a map page Frontwatch wrote" in clean(refused) and "--force" in clean(refused)
    assert foreign.read_text() == "<html><body>my notes</body></html>\n"
    assert not (tmp_path / "notes.data.js").exists()  # refused before any work
    # `run --map` follows the same rule, before storing anything.
    ran = fw("run", str(report), "--map", str(foreign), "--db", str(tmp_path / "new.db"))
    assert ran.returncode == 2 and "not a map page" in clean(ran), ran.stderr
    assert foreign.read_text().endswith("my notes</body></html>\n") and not (tmp_path / "new.db").exists()
    forced = fw("map", str(foreign), "--force", "--db", str(db))
    assert forced.returncode == 0, forced.stderr
    assert "my notes" not in foreign.read_text()
    # Its own earlier output is rewritten without --force (what `make run` does each run) ...
    again = fw("map", str(foreign), "--db", str(db))
    assert again.returncode == 0, again.stderr
    # ... and so is a page written before the marker existed (it carries the template's title).
    legacy = tmp_path / "old.html"
    legacy.write_text(foreign.read_text().replace('<meta name="generator" content="frontwatch map page">\n', ""))
    assert "generator" not in legacy.read_text()
    assert fw("map", str(legacy), "--db", str(db)).returncode == 0
    assert "frontwatch map page" in legacy.read_text()
    # A folder is not a page.
    (tmp_path / "dir.html").mkdir()
    folder = fw("map", str(tmp_path / "dir.html"), "--db", str(db))
    assert folder.returncode == 2 and "is a folder" in clean(folder)


def test_serve_refuses_a_database_that_does_not_exist_unless_create(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "fw.db"
    for db in (str(missing), f"sqlite:///{missing}"):
        # Before the fix it served (and never returned): the timeout turns that into a failure.
        refused = subprocess.run([sys.executable, "-m", "frontwatch", "serve", "--db", db, "--port", str(closed_port()),
                                  "--gazetteer", str(tmp_path / "none.sqlite")], capture_output=True, text=True,
                                 timeout=60, env={**os.environ, "COLUMNS": "250", "PYTHONPATH": str(ROOT)})
        assert refused.returncode == 3, refused.stderr  # a missing database is exit 3 in every command
        err = clean(refused)
        assert f"no database at {missing}" in err and "frontwatch run" in err and "--create" in err, err
        assert not missing.parent.exists()  # nothing created
    # With --create it serves a new, empty database (on 127.0.0.1 only).
    import time
    import urllib.request

    fresh = tmp_path / "fresh.db"
    port = closed_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "frontwatch", "serve", "--create", "--db", str(fresh), "--port",
                             str(port), "--gazetteer", str(tmp_path / "none.sqlite"), "--quiet"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/events", timeout=5) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                assert proc.poll() is None and time.time() < deadline, proc.communicate()[0]
                time.sleep(0.2)
        assert body["items"] == []
        assert fresh.exists()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
