"""Migrations: the head revision, upgrading an older database on open, two processes opening a fresh one at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

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
