"""Migrations: the head revision, upgrading an older database on open, two processes opening a fresh one at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from frontwatch.config import normalize_db_url
from frontwatch.store import HEAD, MIGRATIONS, Store

ROOT = Path(__file__).resolve().parents[1]


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def test_head_constant_is_the_last_migration() -> None:
    assert ScriptDirectory.from_config(_config()).get_current_head() == HEAD


def test_a_database_at_an_older_revision_is_upgraded_on_open(store_url: str) -> None:
    engine = create_engine(normalize_db_url(store_url))
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    assert "ix_events_listing" not in {ix["name"] for ix in inspect(engine).get_indexes("events")}
    engine.dispose()
    with Store(store_url) as store:
        assert store.revision() == HEAD
        assert "ix_events_listing" in {ix["name"] for ix in inspect(store.engine).get_indexes("events")}


def test_two_processes_opening_a_fresh_database_at_once_both_succeed(store_url: str, tmp_path: Path) -> None:
    script = tmp_path / "opener.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from frontwatch.store import Store
        s = Store({store_url!r})
        print(s.revision())
        s.close()
    """))
    procs = [subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in results]
    assert [out.strip() for out, _ in results] == [HEAD] * 3
    with Store(store_url) as store:
        assert store.counts()["documents"] == 0


def test_0004_adds_the_write_generation_and_keeps_older_rows_readable(store_url: str) -> None:
    """A database at 0003 holding events: after the upgrade its rows have no layout (the API validates them) and
    the generation starts, then moves with the next write."""
    from tests.publish_fixtures import build_corpus, fill_store

    engine = create_engine(normalize_db_url(store_url))
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    engine.dispose()
    corpus = build_corpus()
    with Store(store_url) as store:  # the upgrade, then rows written with layouts; unset them as 0003 left them
        fill_store(store, corpus)
        with store.engine.begin() as conn:
            for table in ("events", "claims", "control_states"):
                conn.execute(text(f"UPDATE {table} SET layout = NULL"))
        assert {ix["name"] for ix in inspect(store.engine).get_indexes("control_states")} >= {
            "ix_control_unit_since_id"}
        first = store.generation()
        assert [lay for _, lay in store.event_rows()] == [None] * len(corpus.events)
        store.save_fusion(corpus.events, corpus.control, corpus.reliability)
        assert store.generation() != first and first.endswith(".3")  # two documents and a fusion so far


def test_0005_folds_repeated_rejects_and_the_index_refuses_new_repeats(store_url: str) -> None:
    """A database at 0004 holding the same rejection three times (what re-runs stored before): after the upgrade
    it is one row with the latest detail and time and a count of 3; another row for it is refused by the index.
    An origin longer than a PostgreSQL index entry may hold is still recorded (the index holds its hash)."""
    import sqlalchemy as sa
    from sqlalchemy.exc import IntegrityError

    from frontwatch.model import Reject

    engine = create_engine(normalize_db_url(store_url))
    with engine.begin() as conn:
        cfg = _config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        insert = text("INSERT INTO rejects (origin, reason, detail, at) VALUES (:o, :r, :d, :at)")
        for day, detail in ((1, "old"), (2, "older run"), (3, "latest")):
            conn.execute(insert, {"o": "/in/bad.bin", "r": "binary", "d": detail, "at": f"2024-01-0{day} 00:00:00"})
        conn.execute(insert, {"o": "/in/bad.bin", "r": "empty", "d": "other reason", "at": "2024-01-02 00:00:00"})
    engine.dispose()
    long_origin = "http://127.0.0.1/" + "a" * 20_000
    with Store(store_url) as store:
        assert store.revision() == HEAD
        got = [(r.origin, r.reason, r.detail, r.at.day if r.at else None, r.seen) for r in store.rejects()]
        assert got == [("/in/bad.bin", "binary", "latest", 3, 3), ("/in/bad.bin", "empty", "other reason", 2, 1)]
        store.add_reject(Reject("/in/bad.bin", "binary", "again"))
        store.add_reject(Reject(long_origin, "too_large", "x"))
        store.add_reject(Reject(long_origin, "too_large", "y"))
        assert [(r.reason, r.detail, r.seen) for r in store.rejects()] == [
            ("binary", "again", 4), ("empty", "other reason", 1), ("too_large", "y", 2)]
        with pytest.raises(IntegrityError), store.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO rejects (origin, reason, detail, at, origin_key, seen) "
                                 "SELECT origin, reason, 'dup', at, origin_key, 1 FROM rejects WHERE reason = 'empty'"))
        assert store.counts()["rejects"] == 3
