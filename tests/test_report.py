"""The situation report on a real SQLite store fused from hand-built claims: control with its sources, the latest
events with their status, and the disputed claims side by side; the `frontwatch report` command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from frontwatch.fuse import fuse_store
from frontwatch.model import Certainty
from frontwatch.publish.report import situation_report
from frontwatch.store import Store
from tests.fuse_helpers import FAR, OTHER, claim, doc, post, spokesman

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "r.db"
    store = Store(f"sqlite:///{path}")
    a = doc("Rebels took Pul-e Hisar district on Friday. More text.", "a.org")
    b = doc("Pul-e Hisar fell to the rebels, a post said. More text.", "b.org")
    c = doc("Rebels captured Deh Salah, C reports. More text.", "c.org")
    d = doc("A Taliban spokesman denied that Deh Salah had fallen. More text.", "d.org")
    e = doc("The Taliban retook Nahrin on 25 August. More text.", "e.org", published=date(2021, 8, 25))
    store.add_document(a, [claim(a, 1)])
    store.add_document(b, [claim(b, 1, certainty=Certainty.REPORTED, via=(post("Valley Front", "b.org"),))])
    store.add_document(c, [claim(c, 1, place=OTHER)])
    store.add_document(d, [claim(d, 1, place=OTHER, certainty=Certainty.DENIED, via=(spokesman("d.org"),))])
    store.add_document(e, [claim(e, 1, place=FAR, holder="Taliban", day=date(2021, 8, 25))])
    fuse_store(store)
    store.close()
    return path


def _render(db: Path, as_of: date | None) -> str:
    store = Store(f"sqlite:///{db}")
    console = Console(record=True, width=220, color_system=None)
    console.print(situation_report(store, as_of))
    store.close()
    return console.export_text()


def _row(text: str, first_cell: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"│ {first_cell}"))


def test_report_shows_control_events_and_disputes(db: Path) -> None:
    text = _render(db, date(2021, 8, 21))
    assert "Situation as of 2021-08-21" in text and "2 events (1 confirmed, 0 reported, 1 contested, 0 denied)" in text
    row = _row(text, "Pul-e Hisar")
    # control is held by a side: rebels who took it from the Taliban (docs/control.md)
    assert "Anti-Taliban forces" in row and "held, confirmed" in row and "2021-08-20" in row
    assert "a.org" in row and "b.org → Valley Front" in row
    row = _row(text, "Deh Salah")
    assert "Anti-Taliban forces (claimed)" in row and "contested" in row
    assert "Nahrin" not in text  # taken on the 25th: not yet on the 21st
    disputed = text[text.index("Disputed"):]
    assert "says Rebels took it" in disputed and "denies" in disputed
    assert "“A Taliban spokesman denied that Deh Salah had fallen”" in disputed
    assert "d.org → Taliban spokesman" in disputed and "c.org" in disputed


def test_report_defaults_to_the_latest_day(db: Path) -> None:
    text = _render(db, None)
    assert "Situation as of 2021-08-25" in text
    assert "Taliban" in _row(text, "Nahrin") and "held, reported" in _row(text, "Nahrin")


def test_report_on_an_empty_store(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/empty.db")
    console = Console(record=True, width=120, color_system=None)
    console.print(situation_report(store, date(2021, 8, 21)))
    store.close()
    text = console.export_text()
    assert "No district changed hands" in text and "No events yet" in text


def test_report_command(db: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "frontwatch", "report", "--db", str(db), "--as-of", "2021-08-21"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    assert "Control by district" in out.stdout and "Disputed" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "frontwatch", "report", "--db", str(db), "--as-of", "21/08/2021"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
