"""Screenshot the component gallery with Debian's Chromium (dev only).

Run from js/ after `node dev/build.mjs`:  /work/venv/bin/python dev/screenshot.py [section] [theme]
Writes dev/shots/<section>-<theme>.png.
"""

import pathlib
import sys

from playwright.sync_api import sync_playwright

here = pathlib.Path(__file__).parent
section = sys.argv[1] if len(sys.argv) > 1 else ""
theme = sys.argv[2] if len(sys.argv) > 2 else "light"
actions = sys.argv[3] if len(sys.argv) > 3 else ""
(here / "shots").mkdir(exist_ok=True)
url = (here / "gallery.html").resolve().as_uri() + f"?theme={theme}&section={section}"

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--allow-file-access-from-files"])
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.wait_for_timeout(300)
    if actions:
        exec(actions, {"page": page})
        page.wait_for_timeout(300)
    out = here / "shots" / f"{section or 'all'}-{theme}.png"
    page.screenshot(path=str(out), full_page=True)
    print(out, errors)
    browser.close()
