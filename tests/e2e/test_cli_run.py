"""`nbstream run app.py --voila` serves a Streamlit-style script (only its import changed) in
Voila, with its pages/ folder as the app's other pages (test_serve*.py: the default, serve)."""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, free_port, wait_text

SCRIPT = '''"""A Streamlit script: only the import line differs."""
import nbstream as st
import streamlit  # inside apps, `import streamlit` gives nbstream too
from helper import greeting

st.title("Visits")
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Visit"):
    st.session_state.n += 1
st.write(f"{greeting()} {st.session_state.n} times")
streamlit.caption(open("note.txt").read())
import numpy as np
noise = np.random.default_rng(0).integers(0, 255, (1000, 1000, 3), dtype=np.uint8)
st.image(noise, caption="Noise", alt="Noise")  # a 3 MB PNG: served by URL, not over the websocket
'''


@pytest.fixture(scope="module")
def served(workdir: Path) -> Iterator[Server]:
    project = workdir / "project"
    project.mkdir()
    (project / "app.py").write_text(SCRIPT)
    (project / "helper.py").write_text("def greeting():\n    return 'Visited'\n")
    (project / "note.txt").write_text("read from the script's folder")
    (project / "pages").mkdir()
    (project / "pages" / "1_📊_Other.py").write_text(
        "import nbstream as st\nst.write(f'Other page after {st.session_state.n} visits')\n"
    )
    port = free_port()
    # XSRF and CORS protections off (test_theme_login_voila.py checks them on, the default).
    argv = [sys.executable, "-m", "nbstream.cli", "run", str(project / "app.py"), "--voila",
            "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
            "--server.enableXsrfProtection", "false", "--server.enableCORS", "false"]  # fmt: skip
    server = Server(argv, workdir, "voila/static/voila.js", port)
    yield server
    server.stop()


def test_a_script_runs_from_its_folder_and_reacts(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(served.url)
        wait_text(page, "Visited 0 times", timeout=60_000)
        wait_text(page, "read from the script's folder")
        page.get_by_role("button", name="Visit").click()
        wait_text(page, "Visited 1 times")
        page.get_by_role("button", name="Visit").click()
        wait_text(page, "Visited 2 times")
    finally:
        close_page(page)


def test_large_media_are_served_by_the_runs_own_media_route(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(served.url)
        wait_text(page, "Visited 0 times", timeout=60_000)
        img = page.get_by_role("img", name="Noise")
        img.wait_for()
        assert "/nbstream/media/" in (img.get_attribute("src") or "")
        page.wait_for_function(
            "document.querySelector('.nbs-image img').naturalWidth === 1000", timeout=30_000
        )
    finally:
        close_page(page)


def test_its_pages_folder_makes_pages_with_their_own_url(chromium, served):
    page = chromium.new_context().new_page()
    try:
        page.goto(served.url)
        wait_text(page, "Visited 0 times", timeout=60_000)
        page.get_by_role("button", name="Visit").click()
        wait_text(page, "Visited 1 times")
        menu = page.locator(".nbs-sidebar nav[aria-label=Pages]")
        assert menu.locator(".nbs-nav-label").all_inner_texts() == ["app", "Other"]
        menu.get_by_role("link", name="Other").click()
        wait_text(page, "Other page after 1 visits")
        assert "page=Other" in page.url
        page.reload()  # a new session on the same page
        wait_text(page, "Other page after", timeout=60_000)
        page.wait_for_timeout(200)
        page.go_back()  # back to the home page, in the same document
        wait_text(page, "Visited", timeout=60_000)
    finally:
        close_page(page)


def test_xsrf_and_cors_protections_off(served):
    """`server.enableXsrfProtection = false`: a POST without its XSRF token gets past the
    check (to Voila's handler, which knows no kernel "none"); `server.enableCORS = false`:
    every origin is allowed."""
    request = urllib.request.Request(
        served.url + "voila/api/shutdown/none", method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        status = urllib.request.urlopen(request, timeout=10).status
    except urllib.error.HTTPError as error:
        status = error.code
    assert status != 403
    request = urllib.request.Request(served.url, headers={"Origin": "http://any.example"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.headers["Access-Control-Allow-Origin"] == "*"
