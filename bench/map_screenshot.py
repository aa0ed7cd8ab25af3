"""The README's map screenshot: the examples corpus through the real pipeline, written as a static page, opened in
headless Chromium (docs/screenshot.png).

    python bench/map_screenshot.py [--out docs/screenshot.png] [--db sqlite:///…] [--hash 'd=2021-08-20&z=7']

Without --db it runs `frontwatch run examples/` into a temporary store first. `--hash` opens the page at that view
(the map keeps its view in the URL hash); `--click UNIT` opens a district's panel before the shot.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def shoot(db: str, out: Path, hash_: str = "", click: str | None = None, width: int = 1280, height: int = 860) -> None:
    from playwright.sync_api import sync_playwright

    from frontwatch.config import Settings
    from frontwatch.geocode import Gazetteer
    from frontwatch.publish.map import write_map
    from frontwatch.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(db)
        try:
            page_path = write_map(store, Gazetteer.open(Settings.from_env().gazetteer_path), Path(tmp) / "index.html")
        finally:
            store.close()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_path.as_uri() + (f"#{hash_}" if hash_ else ""))
            page.wait_for_selector("body[data-ready=true]", timeout=120_000)
            if click:
                page.evaluate("code => window.fw.openUnit && window.fw.openUnit(code)", click)
            page.wait_for_timeout(600)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    ap.add_argument("--db", default=None)
    ap.add_argument("--hash", default="")
    ap.add_argument("--click", default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = f"sqlite:///{tmp}/examples.db"
            subprocess.run([sys.executable, "-m", "frontwatch", "run", "examples/", "--db", db, "--no-report",
                            "--quiet"], cwd=ROOT, check=False)
        shoot(db, args.out, args.hash, args.click)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
