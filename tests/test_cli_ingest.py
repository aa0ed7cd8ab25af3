"""The ingest CLI as real subprocesses: usage errors, --quiet, --max-bytes, overrides, show, docs, rejects, --help."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.ingest import iter_inputs
from frontwatch.model import Document

ROOT = Path(__file__).resolve().parents[1]


def fw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "frontwatch", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env={**os.environ, "COLUMNS": "250"})


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    assert fw("ingest", "--db", db).returncode == 2  # no paths
    bad = fw("ingest", str(ROOT / "examples"), "--max-bytes", "0", "--db", db)
    assert bad.returncode == 2 and "--max-bytes" in bad.stderr
    assert fw("db", "upgrade", "--db", db).returncode == 0  # `show` reads a database; it never creates one
    nodoc = fw("show", "ffffffffffff", "--db", db)
    assert nodoc.returncode == 2 and "frontwatch docs" in nodoc.stderr


def test_overrides_show_and_quiet(tmp_path: Path, seed_article: Path) -> None:
    db = str(tmp_path / "s.db")
    res = fw("ingest", str(seed_article), "--db", db, "--publisher", "override.example", "--published", "2021-08-22",
             "--quiet")
    assert res.returncode == 0 and res.stdout == "" and res.stderr == ""
    listed = fw("docs", "--db", db)
    assert "override.example" in listed.stdout and "2021-08-22" in listed.stdout
    [doc] = iter_inputs([str(seed_article)], Settings())
    assert isinstance(doc, Document)
    doc_id = doc.document_id
    assert doc_id[:12] in listed.stdout
    shown = fw("show", doc_id[:8], "--db", db)
    assert shown.returncode == 0, shown.stderr
    assert "publisher: override.example" in shown.stdout and "published: 2021-08-22" in shown.stdout
    assert "removed lines" in shown.stdout and "POLL" in shown.stdout.split("removed lines", 1)[1]
    assert "Pul-e-Khumri" in shown.stdout


def test_max_bytes_rejects_and_summary(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    (tmp_path / "small.txt").write_text("Short report.\n\nClashes on Friday.\n")
    (tmp_path / "large.txt").write_text("Long report.\n\n" + "Clashes on Friday. " * 200)
    res = fw("ingest", str(tmp_path / "small.txt"), str(tmp_path / "large.txt"), "--max-bytes", "1000", "--db", db)
    assert res.returncode == 1
    assert "stored " in res.stdout and "rejected" in res.stdout and "too_large" not in res.stdout.split("rejected")[0]
    assert "1 stored, 0 already stored, 1 rejected" in res.stderr
    rej = fw("rejects", "--db", db)
    assert "too_large" in rej.stdout and "large.txt" in rej.stdout


@pytest.mark.parametrize("command", ["ingest", "docs", "show", "rejects"])
def test_help_has_an_example(command: str) -> None:
    res = fw(command, "--help")
    assert res.returncode == 0 and "Example" in res.stdout and f"frontwatch {command}" in res.stdout
