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
        if not ref.startswith(("data:", "#")):  # "#…": an in-page anchor (the skip link)
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


# --- issue 17: tiles, labels, the claims behind control ------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8123/tiles/{z}/{x}/{y}.png?key=abc", "http://127.0.0.1:8123"),
    ],
)
def test_tile_url_gives_a_csp_source_for_its_host_only(url: str, source: str) -> None:
    from frontwatch.publish.map import page_csp, parse_tiles

    tiles = parse_tiles(url, " © Someone ")
    assert tiles is not None and tiles.csp_source == source and tiles.attribution == "© Someone"
    csp = dict(part.split(" ", 1) for part in page_csp(tiles).split("; "))
    assert csp["img-src"] == f"'self' data: {source}"
    assert csp["script-src"] == "'self'" and csp["connect-src"] == "'self'" and csp["default-src"] == "'self'"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)//{z}/{x}/{y}",
        "ftp://tile.example.org/{z}/{x}/{y}.png",
        "https://tile.example.org/tile.png",  # no {z}/{x}/{y}
        "https://user:pw@tile.example.org/{z}/{x}/{y}.png",
        "https://tile{s}.example.org/{z}/{x}/{y}.png",  # {s} must be a whole leading label
        "https://tile.example.org;script-src%20*/{z}/{x}/{y}.png",  # nothing but a host may reach the CSP
        "https:///{z}/{x}/{y}.png",
    ],
)
def test_bad_tile_urls_are_refused_with_a_hint(url: str) -> None:
    from frontwatch.errors import FrontwatchError
    from frontwatch.publish.map import parse_tiles

    with pytest.raises(FrontwatchError) as info:
        parse_tiles(url)
    assert "{z}/{x}/{y}" in (info.value.hint or "")


def test_offline_is_the_default() -> None:
    from frontwatch.publish.map import page_csp, page_html, parse_tiles

    assert parse_tiles(None) is None and parse_tiles("") is None
    assert "img-src 'self' data:;" in page_csp(None)
    assert 'name="fw-tiles"' not in page_html()


def test_map_command_with_tiles_puts_them_in_the_page(db: tuple[str, Any], tmp_path: Path) -> None:
    url, _ = db
    out = tmp_path / "tiles" / "map.html"
    result = CliRunner().invoke(app, ["map", str(out), "--db", url, "--gazetteer", str(tmp_path / "none.sqlite"),
                                      "--tiles", "https://{s}.tile.example.org/{z}/{x}/{y}.png",
                                      "--tiles-attribution", '"Tiles" <i>&</i> co'])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<meta name="fw-tiles" content="https://{s}.tile.example.org/{z}/{x}/{y}.png" ' in page
    assert 'data-attribution="&quot;Tiles&quot; &lt;i&gt;&amp;&lt;/i&gt; co"' in page  # escaped, read as text
    bad = CliRunner().invoke(app, ["map", str(tmp_path / "bad.html"), "--db", url, "--tiles", "tiles.png"])
    assert bad.exit_code == 2 and "{z}/{x}/{y}" in bad.output and not (tmp_path / "bad.html").exists()


def test_served_page_csp_admits_the_tile_host(db: tuple[str, Any], tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from frontwatch.config import Settings
    from frontwatch.publish.api import create_app
    from frontwatch.publish.map import parse_tiles

    _, store = db
    settings = Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp_path / "no-gazetteer.sqlite")
    tiles = parse_tiles("https://tile.example.org/{z}/{x}/{y}.png", "Example")
    with_tiles = TestClient(create_app(settings, store=store, tiles=tiles)).get("/")
    assert "img-src 'self' data: https://tile.example.org;" in with_tiles.headers["content-security-policy"]
    assert 'name="fw-tiles"' in with_tiles.text
    offline = TestClient(create_app(settings, store=store)).get("/")
    assert "img-src 'self' data:;" in offline.headers["content-security-policy"]
    assert "tile.example.org" not in offline.text


def test_unit_claims_route_quotes_the_claims_behind_each_state(db: tuple[str, Any], tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from frontwatch.config import Settings
    from frontwatch.publish.api import create_app

    _, store = db
    corpus = build_corpus()
    settings = Settings(db_url="sqlite:///unused.db", gazetteer_path=tmp_path / "no-gazetteer.sqlite")
    client = TestClient(create_app(settings, store=store))
    body = client.get(f"/map/units/{HANDOVER_UNIT}/claims").json()
    wanted = {i for st in corpus.control if st.unit_code == HANDOVER_UNIT for i in st.claim_ids}
    assert set(body["claims"]) == wanted
    sentences = {c.claim_id: c.sentence.text for cs in corpus.claims.values() for c in cs}
    for claim_id, item in body["claims"].items():
        ev = s.EvidenceOut.model_validate(item)
        assert ev.quote == sentences[claim_id] and ev.claim.claim_id == claim_id and ev.source_chains
    assert client.get("/map/units/AF.99.9999/claims").json()["claims"] == {}


def test_static_page_data_has_provinces_towns_and_control_claims(db: tuple[str, Any], tmp_path: Path) -> None:
    from frontwatch.config import Settings
    from frontwatch.geocode import Gazetteer

    path = Settings.from_env().gazetteer_path
    if not path.exists():
        pytest.skip(f"no gazetteer at {path}: make setup")
    _, store = db
    gaz = Gazetteer.open(path)
    write_map(store, gaz, tmp_path / "index.html")
    data = read_data(tmp_path / "index.data.js")
    provinces = s.BoundaryCollection.model_validate(data["provinces"]).features
    assert provinces and all(f.properties.unit_code.count(".") == 1 for f in provinces)
    towns = data["labels"]["towns"]
    pops = [t["population"] for t in towns]
    assert towns and pops == sorted(pops, reverse=True)
    covered = {f["properties"]["unit_code"][:2].upper() for f in data["boundaries"]["features"]}
    in_covered = gaz.con.execute(
        f"SELECT count(*) FROM places WHERE feature_class = 'P' AND country IN ({','.join('?' * len(covered))})",
        tuple(covered)).fetchone()[0]
    assert len(towns) == min(in_covered, 400)
    wanted = {i for st in build_corpus().control for i in (*st.claim_ids, *st.contradicting_claim_ids)}
    assert set(data["claims"]) == wanted
