"""Screenshot the chart dev page in Debian's Chromium and fail on any outside request (dev only).

Run from js/: /work/venv/bin/python dev/charts/shot.py [light|dark]
Serves dev/charts over 127.0.0.1; writes dev/charts/shots/charts-<theme>.png.
"""

import functools
import http.server
import pathlib
import sys
import threading

from playwright.sync_api import sync_playwright

here = pathlib.Path(__file__).parent
theme = sys.argv[1] if len(sys.argv) > 1 else "light"
(here / "shots").mkdir(exist_ok=True)
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(here))
handler.log_message = lambda *a: None
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"

with sync_playwright() as p:
    browser = p.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
    )
    page = browser.new_page(viewport={"width": 900, "height": 900})
    outside, errors = [], []
    page.on(
        "request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else outside.append(r.url)
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and "favicon" not in m.location.get("url", "")
            else None
        ),
    )
    page.goto(f"{base}/page.html?theme={theme}")
    page.wait_for_selector("body[data-ready]")
    page.wait_for_selector(".nbs-plotly-chart[data-drawn]", timeout=20000)
    page.wait_for_timeout(800)
    page.screenshot(path=str(here / "shots" / f"charts-{theme}.png"), full_page=True)
    svg = page.locator("[data-kind=line_chart] svg.marks")
    before = svg.evaluate("s => s.querySelector('.mark-line path').getAttribute('d').length")
    page.evaluate("addRows(10)")
    page.wait_for_timeout(500)
    after = svg.evaluate("s => s.querySelector('.mark-line path').getAttribute('d').length")
    same = page.evaluate("document.querySelectorAll('[data-kind=line_chart] svg.marks').length")
    page.locator("[data-kind=line_chart]").screenshot(path=str(here / "shots" / f"line-added-{theme}.png"))
    print("line path length", before, "->", after, "svg count", same)
    print("outside requests:", outside)
    print("errors:", errors)
    browser.close()
server.shutdown()
sys.exit(1 if outside or errors else 0)
