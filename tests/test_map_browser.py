"""The map page in a real browser (Debian's Chromium through Playwright) against a real `frontwatch serve`.

Two servers: one over a store filled with hand-built model objects (a known hand-over, a hostile report), one over
a store filled by the real pipeline (`frontwatch run examples/ tests/data/malicious/`). Each test drives the page the
way an analyst does: load it, move the slider, click a marker, read the popup. Screenshots go to artifacts/.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.publish_fixtures import MALICIOUS_DIR, build_corpus, fill_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]
ARTIFACTS = ROOT / "artifacts"
FRONTWATCH = [sys.executable, "-m", "frontwatch"]


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("FRONTWATCH_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} missing: apt-get install -y chromium (make sysdeps)")
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium")
    from frontwatch.publish.map import vendor_missing

    if vendor_missing():
        pytest.fail("Leaflet files missing from frontwatch/publish/static/vendor: run `make setup`")


def _gazetteer() -> Path:
    from frontwatch.config import Settings

    path = Settings.from_env().gazetteer_path.resolve()
    if not path.exists():
        pytest.skip(f"no gazetteer at {path} (district polygons come from it): make setup")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, db: str, gazetteer: Path, log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            [*FRONTWATCH, "serve", "--port", str(self.port), "--db", db, "--gazetteer", str(gazetteer), "--quiet"],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 60
        while True:
            try:
                self.get("healthz")
                return
            except OSError:
                if self.proc.poll() is not None or time.time() > deadline:
                    self.stop()
                    raise RuntimeError(f"frontwatch serve did not start: {log.read_text()}") from None
                time.sleep(0.2)

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.load(r)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def built_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A store of hand-built objects: a hand-over in AF.03.1302 on 2021-08-20 and a hostile report."""
    _need_browser()
    gaz = _gazetteer()
    from frontwatch.store import Store

    tmp = tmp_path_factory.mktemp("built")
    store = Store(f"sqlite:///{tmp}/built.db")
    fill_store(store, build_corpus())
    store.close()
    server = Server(f"sqlite:///{tmp}/built.db", gaz, tmp / "serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def pipeline_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A store filled by the real pipeline over the examples corpus and the hostile report."""
    _need_browser()
    gaz = _gazetteer()
    if not (ROOT / "examples").is_dir():
        pytest.skip("no examples/ corpus yet")
    tmp = tmp_path_factory.mktemp("pipeline")
    db = f"sqlite:///{tmp}/pipeline.db"
    run = subprocess.run(
        [*FRONTWATCH, "run", "examples/", str(MALICIOUS_DIR / "hostile-report.txt"), "--db", db,
         "--gazetteer", str(gaz), "--no-report", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert run.returncode in (0, 1), run.stderr[-3000:]
    server = Server(db, gaz, tmp / "serve.log")
    yield server
    server.stop()


class Page:
    """One browser tab on the map, recording console errors and uncaught exceptions."""

    def __init__(self, browser: Any, url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 860})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready=true]", timeout=60_000)

    def fill_of(self, unit: str) -> str | None:
        return self.page.get_attribute(f'path.fw-district[data-unit="{unit}"]', "fill")

    def set_day(self, day: date) -> None:
        self.page.fill("#fw-asof", str((day - date(1970, 1, 1)).days))
        assert self.page.text_content("#fw-asof-value") == day.isoformat()

    def open_popup(self, event_id: str) -> Any:
        self.page.evaluate("id => new Promise(r => { if (!window.fw.showEvent(id, r)) r(null); })", event_id)
        self.page.locator(f'.fw-marker[data-event-id="{event_id}"]').click()
        popup = self.page.locator(f'.leaflet-popup .fw-popup[data-event-id="{event_id}"]')
        popup.locator(".fw-quote").first.wait_for(timeout=10_000)
        return popup

    def pwned(self) -> Any:
        return self.page.evaluate("window.pwned")

    def close(self) -> None:
        self.page.close()


def _handover(server: Server) -> tuple[str, date, date] | None:
    """A unit whose holder or status changes, with a day before and a day after the change."""
    return next(iter(_handovers(server)), None)


def _handovers(server: Server) -> list[tuple[str, date, date]]:
    """Each unit whose holder or status changes (its first change), with a day before and a day after it."""
    found = []
    for unit in server.get("control/timeline")["units"]:
        states = sorted(unit["states"], key=lambda st: st["since"])
        for a, b in itertools.pairwise(states):
            look_a = (a["status"], (a["holder"] or {}).get("name"))
            look_b = (b["status"], (b["holder"] or {}).get("name"))
            if look_a != look_b and b["since"] > a["since"]:
                day = date.fromisoformat(b["since"])
                found.append((unit["unit_code"], day - timedelta(days=1), day + timedelta(days=1)))
                break
    return found


def _hostile_event(server: Server) -> tuple[str, str] | None:
    for feat in server.get("events?f=geojson&limit=10000")["features"]:
        detail = server.get(f"events/{feat['id']}")
        for ev in detail["evidence"]:
            if "pwned" in ev["quote"]:
                return feat["id"], ev["quote"]
    return None


# --- over hand-built data --------------------------------------------------------------------------------


def test_page_draws_districts_and_markers_without_errors(browser: Any, built_server: Server) -> None:
    page = Page(browser, built_server.url)
    try:
        assert page.page.locator("path.fw-district").count() > 300  # Afghanistan has ~400 districts
        assert page.page.locator(".fw-marker, .marker-cluster").count() >= 1
        assert page.page.text_content("#fw-count") == "4 of 4 events shown"
        legend = page.page.text_content(".fw-legend")
        assert "Held by Taliban" in legend and "Contested" in legend
        attribution = page.page.text_content(".leaflet-control-attribution")
        assert "GeoNames" in attribution and "geoBoundaries" in attribution
        assert page.errors == []
    finally:
        page.close()


def test_slider_recolours_the_district_across_the_handover(browser: Any, built_server: Server) -> None:
    found = _handover(built_server)
    assert found is not None
    unit, before, after = found
    page = Page(browser, built_server.url)
    try:
        page.set_day(before)
        colour_before = page.fill_of(unit)
        holder_before = page.page.get_attribute(f'path[data-unit="{unit}"]', "data-holder")
        page.set_day(after)
        colour_after = page.fill_of(unit)
        assert colour_before and colour_after and colour_before != colour_after
        assert holder_before == "Taliban"
        assert page.page.get_attribute(f'path[data-unit="{unit}"]', "data-holder") == "Anti-Taliban resistance"
        # Before any state (10 August is the first), the district has no information.
        page.set_day(date(2021, 8, 9))
        assert page.page.get_attribute(f'path[data-unit="{unit}"]', "data-status") == "none"
        assert page.page.text_content("#fw-count") == "0 of 4 events shown"
        assert page.errors == []
    finally:
        page.close()


def test_marker_popup_quotes_the_source_sentence(browser: Any, built_server: Server) -> None:
    detail = built_server.get("events/ev-hesar")
    page = Page(browser, built_server.url)
    try:
        popup = page.open_popup("ev-hesar")
        text = popup.inner_text()
        assert detail["evidence"][0]["quote"] in text
        assert "Panjshir Province (Twitter)" in text and "example.org" in text
        assert "reported" in text and "0.60" in text
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "map-built.png"))
        assert page.errors == []
    finally:
        page.close()


def test_filters_narrow_the_markers(browser: Any, built_server: Server) -> None:
    page = Page(browser, built_server.url)
    try:
        page.page.select_option("#fw-filter-type", "Violence against civilians")
        assert page.page.text_content("#fw-count") == "1 of 4 events shown"
        page.page.select_option("#fw-filter-type", "")
        page.page.select_option("#fw-filter-status", "contested")
        assert page.page.text_content("#fw-count") == "1 of 4 events shown"
        page.page.select_option("#fw-filter-status", "")
        page.page.select_option("#fw-filter-actor", "Taliban")
        assert page.page.text_content("#fw-count") == "2 of 4 events shown"
    finally:
        page.close()


def test_hostile_report_never_runs_and_shows_as_text(browser: Any, built_server: Server) -> None:
    page = Page(browser, built_server.url)
    try:
        popup = page.open_popup("ev-hostile")
        text = popup.inner_text()
        assert "<script>window.pwned = 'report'</script>" in text  # shown as text, verbatim
        assert "<img src=x onerror=" in text  # the actor name, as text
        assert "<script>window.pwned='chain'</script>" in text  # the source chain, as text
        assert popup.locator("script, img, b, i").count() == 0  # no markup from the data became elements
        # The document link is the API's, never the report's javascript: URL.
        hrefs = [a.get_attribute("href") for a in popup.locator("a").all()]
        assert hrefs and all(not h.lower().startswith("javascript") for h in hrefs)
        page.page.locator(".leaflet-popup-close-button").click()  # the popup may cover the district
        page.page.locator('path.fw-district[data-unit="AF.03.1312"]').hover()
        assert page.pwned() is None
        assert page.errors == []
    finally:
        page.close()


def test_static_page_opens_from_disk(browser: Any, built_server: Server, tmp_path: Path) -> None:
    from frontwatch.geocode import Gazetteer
    from frontwatch.publish.map import write_map
    from frontwatch.store import Store

    db = next(Path(a.split("sqlite:///", 1)[1]) for a in built_server.proc.args if str(a).startswith("sqlite:///"))
    store = Store(f"sqlite:///{db}")
    try:
        out = write_map(store, Gazetteer.open(_gazetteer()), tmp_path / "site" / "index.html")
    finally:
        store.close()
    page = Page(browser, out.as_uri())
    try:
        assert page.page.locator("path.fw-district").count() > 300
        popup = page.open_popup("ev-hostile")
        assert "<script>window.pwned = 'report'</script>" in popup.inner_text()
        page.set_day(date(2021, 8, 19))
        taliban = page.fill_of("AF.03.1302")
        page.set_day(date(2021, 8, 21))
        assert page.fill_of("AF.03.1302") != taliban
        assert page.pwned() is None
        assert page.errors == []
    finally:
        page.close()


# --- over the real pipeline's output ---------------------------------------------------------------------


def test_pipeline_corpus_on_the_map(browser: Any, pipeline_server: Server) -> None:
    events = pipeline_server.get("events?f=geojson&limit=10000")["features"]
    placed = [f for f in events if f["geometry"]]
    assert placed, "the pipeline produced no placed events for examples/"
    page = Page(browser, pipeline_server.url)
    try:
        assert page.page.locator("path.fw-district").count() > 300
        assert page.page.locator(".fw-marker, .marker-cluster").count() >= 1
        # A marker's popup quotes the sentence its claim came from.
        target = placed[0]["id"]
        quote = pipeline_server.get(f"events/{target}")["evidence"][0]["quote"]
        popup = page.open_popup(target)
        assert " ".join(quote.split()) in " ".join(popup.inner_text().split())
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.wait_for_timeout(400)  # let the popup finish fading in
        page.page.screenshot(path=str(ARTIFACTS / "map.png"))
        assert page.errors == []
    finally:
        page.close()


def test_pipeline_handover_recolours(browser: Any, pipeline_server: Server) -> None:
    found = _handovers(pipeline_server)
    if not found:
        pytest.fail("the examples corpus yields no change of control: see examples/README.md (hand-over scenario)")
    page = Page(browser, pipeline_server.url)
    try:
        # provinces are held too (their capital taken) but the map draws districts: take a district that changed
        drawn = [f for f in found if page.page.locator(f'path.fw-district[data-unit="{f[0]}"]').count() > 0]
        if not drawn:
            pytest.fail(f"units {[f[0] for f in found]} change hands but none has a polygon on the map")
        unit, before, after = drawn[0]
        page.set_day(before)
        colour_before = page.fill_of(unit)
        page.set_day(after)
        assert page.fill_of(unit) != colour_before
        assert page.errors == []
    finally:
        page.close()


def test_pipeline_hostile_report_never_runs(browser: Any, pipeline_server: Server) -> None:
    found = _hostile_event(pipeline_server)
    assert found is not None, "the pipeline made no event quoting the hostile report (tests/data/malicious/)"
    event_id, _quote = found
    page = Page(browser, pipeline_server.url)
    try:
        popup = page.open_popup(event_id)
        text = popup.inner_text()
        assert "<script>" in text or "<img" in text  # shown as text
        assert popup.locator("script, img").count() == 0
        assert page.pwned() is None
        assert page.errors == []
    finally:
        page.close()


# --- many events -----------------------------------------------------------------------------------------------

def test_ten_thousand_events_stay_usable(browser: Any, tmp_path: Path) -> None:
    """10,000 events: clustered (far fewer DOM markers than events), the slider filters them exactly, a popup opens.
    How fast is measured in bench/bench_map.py, not asserted here."""
    from bench.bench_api import synthetic_events
    from frontwatch.geocode import Gazetteer
    from frontwatch.publish.map import write_map
    from frontwatch.store import Store

    events = synthetic_events(10_000)
    store = Store(f"sqlite:///{tmp_path}/many.db")
    try:
        store.save_fusion(events, [], [])
        out = write_map(store, Gazetteer.open(_gazetteer()), tmp_path / "site" / "index.html")
    finally:
        store.close()
    page = Page(browser, out.as_uri())
    try:
        assert page.page.text_content("#fw-count") == "10,000 of 10,000 events shown"
        drawn = page.page.locator(".fw-marker, .marker-cluster").count()
        assert 0 < drawn < 1_000, drawn
        middle = sorted(e.event_date for e in events)[5_000]
        page.set_day(middle)
        expected = sum(1 for e in events if e.event_date <= middle)
        assert page.page.text_content("#fw-count") == f"{expected:,} of 10,000 events shown"
        target = next(e for e in events if e.event_date <= middle)
        page.page.evaluate("id => new Promise(r => { if (!window.fw.showEvent(id, r)) r(null); })", target.event_id)
        page.page.locator(f'.fw-marker[data-event-id="{target.event_id}"]').click()
        popup = page.page.locator(f'.leaflet-popup .fw-popup[data-event-id="{target.event_id}"]')
        assert popup.locator("h3").inner_text() == target.sub_event_type
        assert page.errors == []
    finally:
        page.close()
