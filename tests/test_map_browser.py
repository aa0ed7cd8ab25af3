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
        # markercluster adds markers in chunks (chunkedLoading): on a loaded machine it may still be adding them.
        page.page.wait_for_function("window.fw.cluster.getLayers().length === "
                                    "parseInt(document.getElementById('fw-count').textContent.replace(/,/g, ''))")
        page.page.evaluate("id => new Promise(r => { if (!window.fw.showEvent(id, r)) r(null); })", target.event_id)
        page.page.locator(f'.fw-marker[data-event-id="{target.event_id}"]').click()
        popup = page.page.locator(f'.leaflet-popup .fw-popup[data-event-id="{target.event_id}"]')
        assert popup.locator("h3").inner_text() == target.sub_event_type
        assert page.errors == []
    finally:
        page.close()


# --- issue 17: labels, tooltip, district panel, timeline, view in the URL, downloads, tiles, print -----------------


def _zoom_to(page: Page, lat: float, lon: float, zoom: float) -> None:
    page.page.evaluate("([lat, lon, z]) => window.fw.map.setView([lat, lon], z, {animate: false})", [lat, lon, zoom])
    page.page.wait_for_function("z => document.body.getAttribute('data-label-zoom') === String(z)", arg=zoom)


def _labels(page: Page, kind: str) -> list[dict[str, Any]]:
    return page.page.evaluate(
        "kind => [...document.querySelectorAll(`.fw-label[data-kind=${kind}]`)].map(e => "
        "({text: e.textContent, population: Number(e.getAttribute('data-population') || 0), "
        "unit: e.getAttribute('data-unit')}))", kind)


def _boundary(server: Server, level: int, unit: str) -> dict[str, Any]:
    return next(f["properties"] for f in server.get(f"boundaries?level={level}")["features"]
                if f["properties"]["unit_code"] == unit)


def test_labels_follow_the_zoom(browser: Any, built_server: Server) -> None:
    provinces = {f["properties"]["name"] for f in built_server.get("boundaries?level=1")["features"]}
    districts = {f["properties"]["name"] for f in built_server.get("boundaries?level=2")["features"]}
    page = Page(browser, built_server.url)
    try:
        _zoom_to(page, 34.5, 67.5, 6)  # the whole country: provinces and the largest towns only
        low_provinces, low_towns = _labels(page, "province"), _labels(page, "town")
        assert len(low_provinces) >= 10 and {x["text"] for x in low_provinces} <= provinces
        assert _labels(page, "district") == []
        assert low_towns and all(t["population"] >= 100_000 for t in low_towns)
        _zoom_to(page, 35.7, 69.0, 9.5)  # a few districts: their names and smaller towns, no provinces
        high_districts = _labels(page, "district")
        assert len(high_districts) >= 5 and {x["text"] for x in high_districts} <= districts
        assert _labels(page, "province") == []
        assert any(t["population"] < 100_000 for t in _labels(page, "town"))
        # Labels never overlap one another (the placement drops the less important one).
        boxes = page.page.evaluate("[...document.querySelectorAll('.fw-label-text')].map(e => {"
                                   "const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })")
        overlaps = [(a, b) for a, b in itertools.combinations(boxes, 2)
                    if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]
        assert overlaps == []
        assert page.errors == []
    finally:
        page.close()


def test_provinces_are_drawn_with_their_outline(browser: Any, built_server: Server) -> None:
    n = len(built_server.get("boundaries?level=1")["features"])
    page = Page(browser, built_server.url)
    try:
        assert page.page.locator("path.fw-province").count() >= n > 20
        assert page.errors == []
    finally:
        page.close()


def test_hover_tooltip_names_district_province_holder_status_since(browser: Any, built_server: Server) -> None:
    unit = "AF.03.1302"
    props = _boundary(built_server, 2, unit)
    states = built_server.get(f"control/timeline?unit={unit}")["units"][0]["states"]
    after = max(states, key=lambda st: st["since"])
    page = Page(browser, built_server.url)
    try:
        page.set_day(date.fromisoformat(after["since"]) + timedelta(days=1))
        page.page.locator(f'path.fw-district[data-unit="{unit}"]').hover(force=True)
        tip = page.page.locator(".leaflet-tooltip .fw-tip")
        tip.wait_for(timeout=5_000)
        text = tip.inner_text()
        assert props["name"] in text and f"{props['admin1']} province" in text
        assert f"Held by {after['holder']['name']}" in text
        assert f"since {after['since']}" in text and after["evidence"] in text
        assert page.errors == []
    finally:
        page.close()


def test_district_panel_timeline_for_a_district_that_changed_hands(browser: Any, pipeline_server: Server) -> None:
    found = _handovers(pipeline_server)
    assert found, "the examples corpus yields no change of control"
    page = Page(browser, pipeline_server.url)
    try:
        drawn = [f for f in found if page.page.locator(f'path.fw-district[data-unit="{f[0]}"]').count() > 0]
        assert drawn, "no district that changed hands has a polygon"
        unit, before, after = drawn[0]
        states = sorted(pipeline_server.get(f"control/timeline?unit={unit}")["units"][0]["states"],
                        key=lambda st: st["since"])
        page.page.locator(f'path.fw-district[data-unit="{unit}"]').first.dispatch_event("click")
        panel = page.page.locator(f'#fw-district[data-unit="{unit}"]')
        panel.wait_for(timeout=5_000)
        changes = panel.locator("li.fw-change")
        assert changes.count() == len(states)
        for i, st in enumerate(states):
            assert changes.nth(i).get_attribute("data-since") == st["since"]
            assert changes.nth(i).get_attribute("data-status") == st["status"]
            assert changes.nth(i).get_attribute("data-holder") == ((st["holder"] or {}).get("name") or "")
        # Holder by day: the strip's cells before and after the change differ, as the map's colours do.
        fill = "d => document.querySelector(`#fw-district .fw-strip rect[data-day='${d}']`).getAttribute('fill')"
        assert page.page.evaluate(fill, before.isoformat()) != page.page.evaluate(fill, after.isoformat())
        # The claims behind each change, quoted, with their sources; contradicting ones marked.
        claims = pipeline_server.get(f"map/units/{unit}/claims")["claims"]
        wanted = [i for st in states for i in st["claim_ids"]]
        assert wanted and set(wanted) <= set(claims)
        quote = panel.locator(f'.fw-quote[data-claim-id="{wanted[0]}"]').first
        quote.wait_for(timeout=10_000)
        assert " ".join(quote.inner_text().split()) == " ".join(claims[wanted[0]]["quote"].split())
        against = [i for st in states for i in st["contradicting_claim_ids"]]
        assert panel.locator(".fw-contradicts").count() == len([i for i in against if i in claims])
        # Its events, each opening the marker's popup with the quoted sentence.
        codes = [(f["properties"]["unit_code"] or "") for f in pipeline_server.get("events?f=geojson&limit=10000")
                 ["features"]]
        events = [c for c in codes if c == unit or c.startswith(unit + ".")]
        buttons = panel.locator(".fw-event-list button")
        assert buttons.count() == len(events)
        if events:
            target = buttons.first.get_attribute("data-event-id")
            buttons.first.click()
            popup = page.page.locator(f'.leaflet-popup .fw-popup[data-event-id="{target}"]')
            popup.locator(".fw-quote").first.wait_for(timeout=10_000)
        panel.locator(".fw-close").click()
        assert page.page.locator("#fw-district").is_hidden()
        assert page.pwned() is None and page.errors == []
    finally:
        page.close()


def test_district_panel_in_the_static_page(browser: Any, built_server: Server, tmp_path: Path) -> None:
    out = _static_copy(built_server, tmp_path)
    page = Page(browser, out.as_uri())
    try:
        page.page.evaluate("window.fw.openUnit('AF.03.1302')")
        panel = page.page.locator("#fw-district")
        panel.locator('.fw-quote[data-claim-id="claim-hesar"]').wait_for(timeout=5_000)
        assert panel.locator("li.fw-change").count() == 2
        assert "Held by Anti-Taliban resistance" in panel.inner_text()
        assert page.errors == []
    finally:
        page.close()


def _static_copy(server: Server, tmp_path: Path, extra_events: list[Any] | None = None,
                 control: list[Any] | None = None) -> Path:
    from frontwatch.geocode import Gazetteer
    from frontwatch.publish.map import write_map
    from frontwatch.store import Store

    corpus = build_corpus()
    store = Store(f"sqlite:///{tmp_path}/static.db")
    try:
        fill_store(store, corpus)
        if extra_events or control:
            store.save_fusion([*corpus.events, *(extra_events or [])], control or corpus.control, corpus.reliability)
        return write_map(store, Gazetteer.open(_gazetteer()), tmp_path / "site" / "index.html")
    finally:
        store.close()


def _drag_days(page: Page, first: date, last: date) -> None:
    area = page.page.locator(".fw-brush-area")
    box = area.bounding_box()
    lo, hi = int(area.get_attribute("data-first-day")), int(area.get_attribute("data-last-day"))
    epoch = date(1970, 1, 1)

    def x(d: date) -> float:
        return box["x"] + ((d - epoch).days - lo) / (hi - lo) * box["width"]

    y = box["y"] + box["height"] / 2
    page.page.mouse.move(x(first), y)
    page.page.mouse.down()
    page.page.mouse.move((x(first) + x(last)) / 2, y)
    page.page.mouse.move(x(last), y)
    page.page.mouse.up()


def test_brushing_the_chart_filters_the_markers(browser: Any, built_server: Server) -> None:
    events = built_server.get("events?f=geojson&limit=100")["features"]
    first, last = date(2021, 8, 20), date(2021, 8, 21)
    inside = {f["id"] for f in events if first.isoformat() <= f["properties"]["event_date"] <= last.isoformat()}
    assert 0 < len(inside) < len(events)
    page = Page(browser, built_server.url)
    try:
        _drag_days(page, first, last)
        assert page.page.text_content("#fw-count") == f"{len(inside)} of {len(events)} events shown"
        # The slider followed the chart: "as of" is the range's last day, the range is spelled out.
        assert page.page.text_content("#fw-asof-value") == last.isoformat()
        assert page.page.text_content("#fw-range-text").strip() == f"Events {first} to {last}"
        assert page.page.evaluate("window.fw.cluster.getLayers().map(m => m.getElement ? 1 : 0).length") == len(inside)
        # Moving the slider moves the chart's cursor; clearing the range shows every event up to the day again.
        cursor_before = page.page.get_attribute(".fw-cursor", "x1")
        page.set_day(date(2021, 8, 22))
        assert page.page.get_attribute(".fw-cursor", "x1") != cursor_before
        page.page.click("#fw-range-clear")
        assert page.page.text_content("#fw-count") == f"{len(events)} of {len(events)} events shown"
        # The chart counts the day's events by type: a bar path per type present.
        types = {f["properties"]["event_type"] for f in events}
        assert page.page.locator(".fw-chart path.fw-bars").count() == len(types)
        assert page.errors == []
    finally:
        page.close()


def test_chart_and_controls_work_from_the_keyboard(browser: Any, built_server: Server) -> None:
    page = Page(browser, built_server.url)
    try:
        page.page.keyboard.press("Tab")
        assert page.page.evaluate("document.activeElement.className") == "fw-skip"
        page.page.keyboard.press("Enter")  # the skip link lands on the slider, the first control
        reached = [page.page.evaluate("document.activeElement.id")]
        for _ in range(20):  # Tab on from there: every control is reachable, the chart too
            page.page.keyboard.press("Tab")
            reached.append(page.page.evaluate("document.activeElement.id || "
                                              "document.activeElement.getAttribute('class')"))
        for wanted in ("fw-asof", "fw-filter-type", "fw-filter-status", "fw-filter-actor", "fw-unit",
                       "fw-download-csv", "fw-download-geojson", "fw-chart"):
            assert any(wanted in (r or "") for r in reached), (wanted, reached)
        page.page.focus(".fw-chart")
        day = page.page.text_content("#fw-asof-value")
        page.page.keyboard.press("ArrowLeft")
        assert page.page.text_content("#fw-asof-value") == (date.fromisoformat(day) - timedelta(days=1)).isoformat()
        page.page.keyboard.press("Shift+ArrowLeft")
        page.page.keyboard.press("Shift+ArrowLeft")
        assert not page.page.locator("#fw-range").is_hidden()
        page.page.keyboard.press("Escape")
        assert page.page.locator("#fw-range").is_hidden()
        page.page.select_option("#fw-unit", "AF.03.1302")  # a district's panel without a mouse
        assert page.page.get_attribute("#fw-district", "data-unit") == "AF.03.1302"
        assert page.errors == []
    finally:
        page.close()


def test_url_hash_restores_the_same_view(browser: Any, built_server: Server) -> None:
    page = Page(browser, built_server.url)
    try:
        page.page.select_option("#fw-filter-type", "Battles")
        _drag_days(page, date(2021, 8, 10), date(2021, 8, 20))
        page.page.evaluate("window.fw.map.setView([35.7, 69.2], 8.5, {animate: false})")
        page.page.evaluate("window.fw.openUnit('AF.03.1302')")
        page.page.wait_for_function("location.hash.includes('u=AF.03.1302') && location.hash.includes('z=8.5')")
        url = page.page.url
        seen = {k: page.page.text_content(k) for k in ("#fw-count", "#fw-asof-value", "#fw-range-text")}
    finally:
        page.close()
    assert "#" in url
    again = Page(browser, url)
    try:
        assert {k: again.page.text_content(k) for k in seen} == seen
        assert again.page.input_value("#fw-filter-type") == "Battles"
        zoom, lat, lon = again.page.evaluate("[fw.map.getZoom(), fw.map.getCenter().lat, fw.map.getCenter().lng]")
        assert zoom == 8.5 and abs(lat - 35.7) < 1e-3 and abs(lon - 69.2) < 1e-3
        assert again.page.get_attribute("#fw-district", "data-unit") == "AF.03.1302"
        assert again.page.locator("#fw-district").is_visible()
        assert again.errors == []
    finally:
        again.close()
    # A hand-written hash with a value the page does not know falls back to the default for that part.
    odd = Page(browser, built_server.url + "#d=2021-08-21&type=Nonsense&z=bad")
    try:
        assert odd.page.text_content("#fw-asof-value") == "2021-08-21"
        assert odd.page.input_value("#fw-filter-type") == ""
        assert odd.page.text_content("#fw-count") == "3 of 4 events shown"
        assert odd.errors == []
    finally:
        odd.close()


def test_download_gives_the_rows_shown(browser: Any, built_server: Server, tmp_path: Path) -> None:
    import csv
    import dataclasses
    import io

    from frontwatch.model import Actor
    from frontwatch.publish.exports import ACLED_COLUMNS

    base = build_corpus().events[0]
    formula = dataclasses.replace(base, event_id="ev-formula", actor1=Actor("=HYPERLINK(\"http://x\")", 2),
                                  claim_ids=())
    out = _static_copy(built_server, tmp_path, [formula])
    page = Page(browser, out.as_uri())
    try:
        page.page.select_option("#fw-filter-type", "Battles")
        page.set_day(date(2021, 8, 20))
        assert page.page.text_content("#fw-count") == "3 of 5 events shown"
        with page.page.expect_download() as info:
            page.page.click("#fw-download-csv")
        text = Path(info.value.path()).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        header = next(csv.reader(io.StringIO(text)))
        assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
        assert {r["event_id_cnty"] for r in rows} == {"ev-khumri", "ev-hesar", "ev-formula"}
        assert all(r["event_type"] == "Battles" and r["event_date"] <= "2021-08-20" for r in rows)
        assert next(r for r in rows if r["event_id_cnty"] == "ev-formula")["actor1"] == "'=HYPERLINK(\"http://x\")"
        hesar = next(r for r in rows if r["event_id_cnty"] == "ev-hesar")
        assert float(hesar["latitude"]) == pytest.approx(35.61794, abs=1e-4)
        assert hesar["actor1"] == "Anti-Taliban resistance" and hesar["disorder_type"] == "Political violence"
        with page.page.expect_download() as info:
            page.page.click("#fw-download-geojson")
        fc = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
        assert {f["id"] for f in fc["features"]} == {"ev-khumri", "ev-hesar", "ev-formula"}
        assert all(not k.startswith("_") for f in fc["features"] for k in f["properties"])
        assert page.errors == []
    finally:
        page.close()


def test_export_columns_match_the_server_csv() -> None:
    """The page's CSV header is the server's ACLED column list (fw-export.js keeps its own copy)."""
    import re

    from frontwatch.publish.exports import ACLED_COLUMNS

    js = (ROOT / "frontwatch" / "publish" / "static" / "fw-export.js").read_text(encoding="utf-8")
    listed = re.search(r"var ACLED_COLUMNS = \[(.*?)\];", js, re.S)
    assert listed is not None
    assert re.findall(r"'([a-z0-9_]+)'", listed.group(1)) == ACLED_COLUMNS


def test_print_gives_a_clean_map_with_legend_and_date(browser: Any, built_server: Server) -> None:
    page = Page(browser, built_server.url)
    try:
        page.set_day(date(2021, 8, 21))
        page.page.emulate_media(media="print")
        assert page.page.locator(".fw-legend").is_visible()
        assert "as of 2021-08-21" in page.page.text_content("#fw-print-head")
        assert page.page.locator("#fw-print-head").is_visible()
        for hidden in (".fw-controls", "#fw-timeline", ".leaflet-control-zoom"):
            assert page.page.locator(hidden).is_hidden(), hidden
        pdf = page.page.pdf(format="A4", landscape=True)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        assert page.errors == []
    finally:
        page.close()


class _TileServer:
    """A tile server on 127.0.0.1 answering every path with one small PNG and counting the requests."""

    def __init__(self) -> None:
        import http.server
        import threading
        import zlib

        def png() -> bytes:
            import struct

            def chunk(kind: bytes, data: bytes) -> bytes:
                return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

            raw = b"".join(b"\x00" + b"\xcc\xdd\xee" * 256 for _ in range(256))
            return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0))
                    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

        body = png()
        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.hits = hits
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_tiles_come_from_the_configured_host_with_attribution(browser: Any, tmp_path: Path) -> None:
    _need_browser()
    gaz = _gazetteer()
    from frontwatch.store import Store

    store = Store(f"sqlite:///{tmp_path}/tiles.db")
    fill_store(store, build_corpus())
    store.close()
    tiles = _TileServer()
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [*FRONTWATCH, "serve", "--port", str(port), "--db", f"sqlite:///{tmp_path}/tiles.db", "--gazetteer",
         str(gaz), "--quiet", "--tiles", f"http://127.0.0.1:{tiles.port}/{{z}}/{{x}}/{{y}}.png",
         "--tiles-attribution", "<b>Test tiles</b>"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    csp = r.headers["Content-Security-Policy"]
                break
            except OSError:
                assert proc.poll() is None and time.time() < deadline, (tmp_path / "serve.log").read_text()
                time.sleep(0.2)
        assert f"img-src 'self' data: http://127.0.0.1:{tiles.port};" in csp
        page = Page(browser, url)
        try:
            page.page.wait_for_function("[...document.querySelectorAll('img.leaflet-tile')]"
                                        ".some(i => i.complete && i.naturalWidth === 256)", timeout=10_000)
            assert tiles.hits and all(h.endswith(".png") for h in tiles.hits)
            attribution = page.page.locator(".leaflet-control-attribution")
            assert "<b>Test tiles</b>" in attribution.inner_text()  # the configured text, shown as text
            assert attribution.locator("b").count() == 0
            assert page.errors == []
        finally:
            page.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
        tiles.stop()


def test_a_held_province_is_coloured(browser: Any, pipeline_server: Server) -> None:
    held = [(u["unit_code"], st) for u in pipeline_server.get("control/timeline")["units"] if u["level"] == 1
            for st in u["states"] if st["status"] == "held" and st["holder"]]
    if not held:
        pytest.skip("the examples corpus holds no province as a whole")
    unit, st = held[0]
    page = Page(browser, pipeline_server.url)
    try:
        page.set_day(date.fromisoformat(st["since"]))
        fill = page.page.locator(f'path.fw-province-fill[data-unit="{unit}"]').first
        assert fill.get_attribute("data-status") == "held"
        assert fill.get_attribute("data-holder") == st["holder"]["name"]
        page.set_day(date.fromisoformat(st["since"]) - timedelta(days=1))
        assert fill.get_attribute("data-status") == "none"
        assert page.page.locator(f'path.fw-province[data-unit="{unit}"]').count() >= 1  # the outline
        assert page.errors == []
    finally:
        page.close()


def test_legend_merges_one_holder_spelt_two_ways(browser: Any, built_server: Server, tmp_path: Path) -> None:
    """Fusion merges an actor's spellings; case and spacing must not split one holder into two colours."""
    import dataclasses

    from frontwatch.model import Actor

    corpus = build_corpus()
    respelt = [dataclasses.replace(st, holder=Actor("  " + st.holder.name.upper() + " ", st.holder.inter))
               if st.unit_code == "AF.03.1301" and st.holder else st for st in corpus.control]
    out = _static_copy(built_server, tmp_path, control=respelt)
    page = Page(browser, out.as_uri())
    try:
        page.set_day(date(2021, 8, 15))
        rows = [r for r in page.page.locator(".fw-legend .fw-legend-row").all_inner_texts() if r.startswith("Held by")]
        assert sorted(" ".join(r.lower().split()) for r in rows) == ["held by anti-taliban resistance",
                                                                     "held by taliban"]
        assert page.fill_of("AF.03.1301") == page.fill_of("AF.03.1302")  # both held by the Taliban on that day
        assert page.errors == []
    finally:
        page.close()
