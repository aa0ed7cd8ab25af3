"""The Python API (`frontwatch.open(db).run(paths)`): what `frontwatch run` does, as frozen dataclasses."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

import frontwatch
from frontwatch.errors import ExtraMissing, OutputExists
from frontwatch.ingest import Overrides
from frontwatch.model import ControlState, Event
from frontwatch.pipeline import Pipeline
from frontwatch.publish.map import is_own_page

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def examples_run(pipeline: Pipeline, gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[frontwatch.RunResult, Path]:
    tmp = tmp_path_factory.mktemp("python-api")
    with frontwatch.open(tmp / "fw.db", gazetteer=gazetteer_path, pipeline=pipeline) as fw:
        result = fw.run(ROOT / "examples", report=True, map_out=tmp / "site" / "index.html")
    return result, tmp


def test_run_stores_fuses_and_reports(examples_run: tuple[frontwatch.RunResult, Path]) -> None:
    result, tmp = examples_run
    inputs = [p for p in (ROOT / "examples").rglob("*") if p.is_file() and p.suffix in (".txt", ".html")]
    assert result.summary.stored > len(inputs)  # the feed and the JSON lines hold several reports each
    assert result.summary.rejects == () and result.summary.exit_code == 0
    assert result.summary.claims > 0 and result.events and result.control and result.reliability
    assert all(isinstance(e, Event) for e in result.events)
    assert all(isinstance(s, ControlState) for s in result.control)
    assert result.map_path == tmp / "site" / "index.html" and result.map_path.exists()
    assert "Control by district" in _render(result.report)


def test_results_are_what_the_database_holds(examples_run: tuple[frontwatch.RunResult, Path],
                                             gazetteer_path: Path) -> None:
    result, tmp = examples_run
    with frontwatch.open(tmp / "fw.db", gazetteer=gazetteer_path) as fw:
        assert sorted(fw.events(), key=lambda e: e.event_id) == list(result.events)
        assert len(fw.claims()) == result.summary.claims
        assert fw.control(date(2021, 8, 24))
        assert {r.name for r in fw.reliability()} == {r.name for r in result.reliability}


def test_results_are_frozen(examples_run: tuple[frontwatch.RunResult, Path]) -> None:
    result, _ = examples_run
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.summary.stored = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.events = ()  # type: ignore[misc]


def test_a_second_run_finds_everything_stored(examples_run: tuple[frontwatch.RunResult, Path], pipeline: Pipeline,
                                              gazetteer_path: Path) -> None:
    first, tmp = examples_run
    with frontwatch.open(tmp / "fw.db", gazetteer=gazetteer_path, pipeline=pipeline) as fw:
        again = fw.run(str(ROOT / "examples"), fuse=False)
    assert again.summary.stored == 0 and again.summary.duplicates == first.summary.stored
    assert again.events == () and again.report is None and again.map_path is None


def test_rejects_come_back_with_their_hint(pipeline: Pipeline, gazetteer_path: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", "utf-8")
    (tmp_path / "report.txt").write_text(
        "Fighters seized the district centre of Pul-e Hisar in Baghlan province on Monday, officials said.\n", "utf-8")
    heard: list[str] = []
    with frontwatch.open(tmp_path / "fw.db", gazetteer=gazetteer_path, pipeline=pipeline) as fw:
        result = fw.run([tmp_path / "empty.txt", tmp_path / "report.txt"],
                        Overrides(published=date(2021, 8, 23), publisher="example.org"),
                        on_item=lambda outcome: heard.append(outcome[0]), on_stage=heard.append)
    assert result.summary.stored == 1 and len(result.summary.rejects) == 1 and result.summary.exit_code == 1
    assert sorted(heard) == ["fusing claims", "rejected", "stored"]


def test_the_map_page_is_not_written_over_a_foreign_file_without_force(
        examples_run: tuple[frontwatch.RunResult, Path], pipeline: Pipeline, gazetteer_path: Path,
        tmp_path: Path) -> None:
    # The CLI's rule (`frontwatch map OUT` / `run --map`): a file Frontwatch did not write is refused before any work.
    notes = tmp_path / "notes.html"
    notes.write_text("<html><body>my own notes</body></html>", "utf-8")
    (tmp_path / "report.txt").write_text(
        "Fighters seized the district centre of Pul-e Hisar in Baghlan province on Monday, officials said.\n", "utf-8")
    with frontwatch.open(tmp_path / "fw.db", gazetteer=gazetteer_path, pipeline=pipeline) as fw:
        with pytest.raises(OutputExists, match="not a map page Frontwatch wrote") as err:
            fw.run(tmp_path / "report.txt", Overrides(published=date(2021, 8, 23)), map_out=notes)
        assert "force=True" in (err.value.hint or "") and isinstance(err.value, FileExistsError)
        assert fw.documents() == []  # refused before reading anything
        with pytest.raises(OutputExists):
            fw.write_map(notes)
    assert notes.read_text("utf-8") == "<html><body>my own notes</body></html>"
    _, tmp = examples_run
    with frontwatch.open(tmp / "fw.db", gazetteer=gazetteer_path) as fw:
        assert fw.write_map(tmp / "site" / "index.html") == tmp / "site" / "index.html"  # its own page: rewritten
        assert fw.write_map(notes, force=True) == notes
    assert is_own_page(notes)


def test_the_cli_run_prints_what_the_api_returns(examples_run: tuple[frontwatch.RunResult, Path],
                                                 gazetteer_path: Path, tmp_path: Path) -> None:
    # `frontwatch run` goes through the API: same database content, same report text.
    result, _ = examples_run
    env = {**os.environ, "FRONTWATCH_GAZETTEER": str(gazetteer_path), "COLUMNS": "140"}
    out = subprocess.run([sys.executable, "-m", "frontwatch", "run", str(ROOT / "examples"), "--db",
                          str(tmp_path / "cli.db"), "--quiet"], capture_output=True, text=True, cwd=ROOT,
                         env=env, timeout=600, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout == _render(result.report)
    with frontwatch.open(tmp_path / "cli.db", gazetteer=gazetteer_path) as fw:
        assert sorted(fw.events(), key=lambda e: e.event_id) == list(result.events)


def _render(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=140).print(renderable)
    return out.getvalue()


def test_to_pandas_without_pandas_says_which_package_to_install(examples_run: tuple[frontwatch.RunResult, Path],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    result, tmp = examples_run
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if not installed, whether it is or not
    with frontwatch.open(tmp / "fw.db") as fw:
        for rows in (result.events, result.control, fw.claims(), fw.control()):
            with pytest.raises(ImportError, match="pip install pandas") as err:
                rows.to_pandas()
            assert isinstance(err.value, ExtraMissing) and "needs pandas" in err.value.message


def test_results_become_data_frames_with_pandas(examples_run: tuple[frontwatch.RunResult, Path]) -> None:
    pytest.importorskip("pandas")
    result, tmp = examples_run
    events = result.events.to_pandas()
    assert list(events["event_id"]) == [e.event_id for e in result.events]
    assert list(events["place.lat"]) == [e.place.lat for e in result.events]
    assert len(result.control.to_pandas()) == len(result.control)
    with frontwatch.open(tmp / "fw.db") as fw:
        claims = fw.claims()
        frame = claims.to_pandas()
        assert list(frame["claim_id"]) == [c.claim_id for c in claims] and "sentence.text" in frame.columns
