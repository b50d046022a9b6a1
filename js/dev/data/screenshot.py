"""Screenshots of the data elements dev page, in Debian's Chromium (dev only).

    cd js && node dev/data/build.mjs && /work/venv/bin/python dev/data/screenshot.py

Writes dev/data/shots/*.png: the page, a sorted and searched 1M-row table, a scrolled
one, an edit in the data editor.
"""

import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

here = Path(__file__).parent
(here / "shots").mkdir(exist_ok=True)
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([sys.executable, str(here / "serve.py"), str(port)])
try:
    time.sleep(6)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1100, "height": 1000})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"http://127.0.0.1:{port}/index.html")
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(here / "shots" / "page.png"), full_page=True)
        big = page.locator("[data-kind=dataframe]").nth(1)
        big.locator("[data-field=f2]").click()  # sort by "b"
        big.locator("[data-field=f2]").click()  # descending
        page.wait_for_timeout(4000)
        big.screenshot(path=str(here / "shots" / "sorted.png"))
        scroller = big.locator(".nbs-df-scroller")
        scroller.evaluate(
            "el => { el.scrollTop = el.scrollHeight / 2; el.dispatchEvent(new Event('scroll')); }"
        )
        page.wait_for_timeout(1500)
        big.screenshot(path=str(here / "shots" / "scrolled.png"))
        big.locator(".nbs-df-grid").focus()
        page.keyboard.press("Control+f")
        page.keyboard.type("1.23")
        page.wait_for_timeout(5000)
        big.screenshot(path=str(here / "shots" / "searched.png"))
        editor = page.locator("[data-kind=data_editor]")
        editor.locator(".nbs-df-body .nbs-df-row").nth(0).locator(".nbs-df-cell").nth(1).dblclick()
        page.keyboard.type("9")
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)
        editor.locator("[aria-label='Add row']").first.click()
        page.wait_for_timeout(500)
        editor.screenshot(path=str(here / "shots" / "editor.png"))
        print("errors:", errors)
        browser.close()
finally:
    server.terminate()
