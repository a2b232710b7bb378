"""Render the README's screenshots of kg serve (docs/screenshots/*.png) with Debian's headless Chromium.

    python scripts/screenshots.py --store STORE [--out docs/screenshots]

The store the README's pictures show: the seeds and tests/corpus (kg build seeds tests/corpus --store S).
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VIEWS = {"home": "/", "query": "/queries/bilateral-timeline?a=KHM&b=USA",
         "interaction": "/interaction/event/000_4182529e3da3c08d/1", "person": "/person/hun-sen",
         "country": "/country/KHM", "network": "/network", "timeline": "/timeline?a=KHM&b=USA",
         "sparql": "/sparql/ui?query=SELECT+%3Fevent+%3Fdate+WHERE+%7B+GRAPH+%3Fg+%7B+%3Fevent+a+"
                   "%3Chttps%3A%2F%2Fw3id.org%2Fdipkg%2Fontology%23Meeting%3E+%3B+%3Chttps%3A%2F%2Fschema.org"
                   "%2FstartDate%3E+%3Fdate+%7D+%7D+ORDER+BY+%3Fdate+LIMIT+10"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    import uvicorn
    from playwright.sync_api import sync_playwright
    from kg.web.app import make_app
    server = uvicorn.Server(uvicorn.Config(make_app(args.store), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    args.out.mkdir(parents=True, exist_ok=True)
    flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        for name, url in VIEWS.items():
            page.goto(f"http://127.0.0.1:{port}{url}")
            if name == "network":
                page.locator("svg#network line.edge[data-a='KHM'][data-b='USA']").dispatch_event("click")
                page.wait_for_selector("#edge-reports li")
            page.screenshot(path=str(args.out / f"{name}.png"))
            print(args.out / f"{name}.png")
        browser.close()
    server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
