"""The map page with many events: load, slider and filter times in real headless Chromium (default 10,000 events).

A store of N synthetic events over Afghanistan (bench_api's generator) is written as a static page (`write_map`)
and opened from disk, the way an analyst opens `site/index.html`. Measured in the page with `performance.now()`:
time to ready (data parsed, districts and markers drawn), one slider move (markers re-filtered and re-clustered,
districts recoloured; mean of 10 moves across the range), one filter change, and opening a marker's popup. The JS
heap in use after loading says what the page costs the browser.

    python bench/bench_map.py [--events 10000] [--compare main --rounds 3]

`--compare REF` measures the page as it was at git REF and as it is now over the same data, alternately, in one run
(the machine is shared: only ratios taken side by side are fair), and prints the medians and the ratios.

`run(n) -> list[dict]` gives the rows for the suite's table (bench/run.py).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_api import synthetic_events  # noqa: E402
from frontwatch.config import Settings  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# One slider move, measured until the browser has painted the result (two animation frames).
MOVE = """async (day) => {
  const t0 = performance.now();
  window.fw.setDay(day);
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}"""
FILTER = """async (value) => {
  const sel = document.getElementById('fw-filter-type');
  const t0 = performance.now();
  sel.value = value;
  sel.dispatchEvent(new Event('change'));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}"""


def measure(page_path: Path, target: str) -> dict[str, float]:
    """Open the page and time it: ready, slider move (mean of 10), filter change, one popup; heap after loading."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=120_000)
        ready_ms = page.evaluate("performance.now()")
        shown = page.text_content("#fw-count") or ""
        lo, hi = page.evaluate("[parseInt(document.getElementById('fw-asof').min), "
                               "parseInt(document.getElementById('fw-asof').max)]")
        moves = [page.evaluate(MOVE, lo + (hi - lo) * k // 10) for k in range(1, 11)]
        page.evaluate(MOVE, hi)
        types = page.evaluate("[...document.querySelectorAll('#fw-filter-type option')].map(o => o.value)")
        filter_ms = page.evaluate(FILTER, types[1]) if len(types) > 1 else float("nan")
        page.evaluate(FILTER, "")
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0")
        # markercluster adds markers in chunks (chunkedLoading): on a loaded machine the last filter change may
        # still be adding them, so wait for the target before timing the popup.
        page.wait_for_function("window.fw.cluster.getLayers().length === "
                               "parseInt(document.getElementById('fw-count').textContent.replace(/,/g, ''))",
                               timeout=60_000)
        popup_ms = page.evaluate("""async (id) => {
          const t0 = performance.now();
          await new Promise(r => { if (!window.fw.showEvent(id, r)) r(null); });
          document.querySelector(`.fw-marker[data-event-id="${id}"]`).click();
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t0;
        }""", target)
        browser.close()
    if errors:
        raise RuntimeError(f"the map page raised errors: {errors[:3]}")
    return {"ready_ms": ready_ms, "move_ms": sum(moves) / len(moves), "move_max_ms": max(moves),
            "filter_ms": filter_ms, "popup_ms": popup_ms, "heap_mb": heap, "shown": shown}  # type: ignore[dict-item]


def page_at(ref: str, site: Path, out: Path) -> Path:
    """A copy of the written site `site` whose page and scripts are those of git `ref` (same data, same vendor)."""
    shutil.copytree(site, out)
    static = "frontwatch/publish/static"
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{ref}:{static}"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split()
    for old in (out / "static").glob("fw-*"):
        old.unlink()
    for name in names:
        if name == "vendor":
            continue
        body = subprocess.run(["git", "show", f"{ref}:{static}/{name}"], cwd=ROOT, check=True,
                              capture_output=True).stdout
        if name == "map.template.html":
            data = next(site.glob("*.data.js")).name
            page = body.decode().replace("{{STATIC}}", "static").replace("{{TILES_META}}", "")
            (out / "index.html").write_text(page.replace("{{DATA_SCRIPT}}", f'<script src="{data}"></script>'))
        else:
            (out / "static" / name).write_bytes(body)
    return out / "index.html"


def compare(n: int, ref: str, rounds: int) -> list[dict[str, Any]]:
    from frontwatch.geocode import Gazetteer
    from frontwatch.publish.map import write_map
    from frontwatch.store import Store

    settings = Settings.from_env()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/map.db")
        events = synthetic_events(n)
        store.save_fusion(events, [], [])
        now = write_map(store, Gazetteer.open(settings.gazetteer_path), Path(tmp) / "site" / "index.html")
        store.close()
        then = page_at(ref, now.parent, Path(tmp) / "site-ref")
        runs: dict[str, list[dict[str, float]]] = {"ref": [], "now": []}
        for _ in range(rounds):  # alternate, so a load spike hits both sides alike
            runs["ref"].append(measure(then, events[0].event_id))
            runs["now"].append(measure(now, events[0].event_id))
    rows = []
    for key, label in (("ready_ms", "time to ready"), ("move_ms", "slider move, mean of 10"),
                       ("filter_ms", "event-type filter change"), ("popup_ms", "open one popup"),
                       ("heap_mb", "JS heap after loading (MB)")):
        a = statistics.median(r[key] for r in runs["ref"])
        b = statistics.median(r[key] for r in runs["now"])
        rows.append({"figure": f"{label}: {ref} → now (median of {rounds}, alternating)",
                     "value": f"{a:.0f} → {b:.0f} (×{b / a:.2f})"})
    return rows


def run(n: int = 10_000) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    from frontwatch.geocode import Gazetteer
    from frontwatch.publish.map import write_map
    from frontwatch.store import Store

    settings = Settings.from_env()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/map.db")
        events = synthetic_events(n)
        store.save_fusion(events, [], [])
        page_path = write_map(store, Gazetteer.open(settings.gazetteer_path), Path(tmp) / "site" / "index.html")
        store.close()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready=true]", timeout=120_000)
            ready_ms = page.evaluate("performance.now()")
            shown = page.text_content("#fw-count")
            lo, hi = page.evaluate("[parseInt(document.getElementById('fw-asof').min), "
                                   "parseInt(document.getElementById('fw-asof').max)]")
            moves = [page.evaluate(MOVE, lo + (hi - lo) * k // 10) for k in range(1, 11)]
            page.evaluate(MOVE, hi)
            types = page.evaluate("[...document.querySelectorAll('#fw-filter-type option')].map(o => o.value)")
            filter_ms = page.evaluate(FILTER, types[1]) if len(types) > 1 else float("nan")
            page.evaluate(FILTER, "")
            heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0")
            target = events[0].event_id
            popup_ms = page.evaluate("""async (id) => {
              const t0 = performance.now();
              await new Promise(r => { if (!window.fw.showEvent(id, r)) r(null); });
              document.querySelector(`.fw-marker[data-event-id="${id}"]`).click();
              await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
              return performance.now() - t0;
            }""", target)
            browser.close()
    if errors:
        raise RuntimeError(f"the map page raised errors: {errors[:3]}")
    return [
        {"figure": f"map page with {n:,} events: time to ready (parse, draw districts and clusters)",
         "value": f"{ready_ms / 1000:.2f} s ({shown})"},
        {"figure": "slider move (re-filter, re-cluster, recolour districts), mean of 10",
         "value": f"{sum(moves) / len(moves):.0f} ms (max {max(moves):.0f} ms)"},
        {"figure": "event-type filter change", "value": f"{filter_ms:.0f} ms"},
        {"figure": "open one event's popup (zoom out of its cluster, click)", "value": f"{popup_ms:.0f} ms"},
        {"figure": "JS heap in use after loading", "value": f"{heap:.0f} MB"},
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--compare", metavar="REF", help="also measure the page as it was at this git ref, alternately")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rows = compare(args.events, args.compare, args.rounds) if args.compare else run(args.events)
    for row in rows:
        print(f"{row['figure']}: {row['value']}")


if __name__ == "__main__":
    main()
