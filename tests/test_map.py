"""The static map page: what `write_map` / `frontwatch map` put on disk, over a real SQLite store."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.publish import schemas as s
from frontwatch.publish.map import data_script, write_map
from tests.publish_fixtures import HANDOVER_UNIT, build_corpus, fill_store


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    from frontwatch.store import Store

    url = f"sqlite:///{tmp_path}/map.db"
    store = Store(url)
    fill_store(store, build_corpus())
    yield url, store
    store.close()


def read_data(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    prefix = "window.FRONTWATCH_DATA = "
    assert text.startswith(prefix) and text.rstrip().endswith(";")
    return json.loads(text[len(prefix) :].rstrip().rstrip(";"))


def test_write_map_is_self_contained(db: tuple[str, Any], tmp_path: Path) -> None:
    _, store = db
    out = write_map(store, None, tmp_path / "site" / "index.html")
    page = out.read_text(encoding="utf-8")
    # Every script and stylesheet is local, beside the page (opens from file://, no CDN).
    refs = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert refs and not [r for r in refs if r.startswith(("http:", "https:", "//"))]
    for ref in refs:
        if not ref.startswith("data:"):
            assert (out.parent / ref).is_file(), ref
    assert '<script src="index.data.js"></script>' in page
    data = read_data(out.parent / "index.data.js")
    fc = s.EventFeatureCollection.model_validate(data["events"])
    assert {f.id for f in fc.features} == {"ev-khumri", "ev-hesar", "ev-salah", "ev-hostile"}
    for event_id, detail in data["details"].items():
        d = s.EventDetail.model_validate(detail)
        assert d.event_id == event_id and d.evidence
    tl = s.Timelines.model_validate(data["timelines"])
    assert HANDOVER_UNIT in {u.unit_code for u in tl.units}
    assert s.BoundaryCollection.model_validate(data["boundaries"]).features == []


def test_report_text_cannot_break_out_of_the_data_script(db: tuple[str, Any], tmp_path: Path) -> None:
    _, store = db
    out = write_map(store, None, tmp_path / "index.html")
    raw = (tmp_path / "index.data.js").read_text(encoding="utf-8")
    assert "<" not in raw  # every "<" of the hostile report is \u003c: no </script>, no markup
    quote = read_data(tmp_path / "index.data.js")["details"]["ev-hostile"]["evidence"][0]["quote"]
    assert "<script>window.pwned = 'report'</script>" in quote  # the text itself survives intact
    assert "pwned" not in out.read_text(encoding="utf-8")
    # Line separators are legal in JSON but not in older JS string literals.
    assert "\u2028" not in data_script({"x": "a\u2028b"})


def test_map_command_writes_the_page(db: tuple[str, Any], tmp_path: Path) -> None:
    url, _ = db
    out = tmp_path / "cli" / "map.html"
    result = CliRunner().invoke(app, ["map", str(out), "--db", url, "--gazetteer", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 0, result.output
    assert out.is_file() and (out.parent / "map.data.js").is_file()
    assert (out.parent / "static" / "vendor" / "leaflet" / "leaflet.js").is_file()
    assert len(read_data(out.parent / "map.data.js")["events"]["features"]) == 4


def test_map_command_refuses_a_non_html_target(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["map", str(tmp_path / "map.png"), "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 2
    assert "html" in result.output
