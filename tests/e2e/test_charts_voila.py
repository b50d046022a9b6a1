"""Charts in a real browser: an app served by Voila, in Debian's Chromium.

One Voila server for the module.  The app draws a line chart from a slider's value, a
button streams rows into it with ``.add_rows()`` (the spec's example), and a map.  The
tests check that the chart is drawn, that a rerun and ``.add_rows()`` update the drawn
view in place (the same SVG element, never emptied), and that no request leaves the
machine (``--host-resolver-rules`` makes any outside host fail, and a request listener
records every attempt).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]  # fmt: skip

APP = """\
import numpy as np
import pandas as pd

points = st.slider("Points", 5, 50, 10)
rng = np.random.default_rng(points)
df = pd.DataFrame(rng.standard_normal((points, 3)), columns=["A", "B", "C"])
chart = st.line_chart(df)
if st.button("Stream"):
    for tick in range(5):
        chart.add_rows(pd.DataFrame(rng.standard_normal((1, 3)), columns=["A", "B", "C"]))
st.map(pd.DataFrame({"lat": [52.5, 48.85, 40.4], "lon": [13.4, 2.35, -3.7]}))
import plotly.graph_objects as go
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
"""

# Voila's own page template links a web font on a CDN: not ours, and blocked anyway.
VOILA_OWN = (
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "cdn.jsdelivr.net",
    "unpkg.com",
    "cdnjs.cloudflare.com",
)


def _notebook(path: Path) -> None:
    def cell(src):
        return {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": src,
        }

    nb = {
        "cells": [cell("import nbstream as st"), cell("%%stapp charts\n" + APP)],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory):
    if not Path(CHROMIUM).exists() or shutil.which("voila", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("needs /usr/bin/chromium and voila")
    pytest.importorskip("playwright")
    root = tmp_path_factory.mktemp("voila-charts")
    _notebook(root / "app.ipynb")
    env = dict(os.environ, JUPYTER_PLATFORM_DIRS="1")
    for name in ("CONFIG", "DATA", "RUNTIME"):
        env[f"JUPYTER_{name}_DIR"] = str(root / name.lower())
    port = _free_port()
    cmd = [
        str(Path(sys.executable).parent / "voila"), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
        "--Voila.tornado_settings=disable_check_xsrf=True", "app.ipynb",
    ]  # fmt: skip
    log = (root / "voila.log").open("w")
    proc = subprocess.Popen(
        cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/voila/static/voila.js", timeout=2)
            break
        except OSError as exc:
            if getattr(exc, "code", None):  # any HTTP answer means the server is up
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGTERM)
                pytest.fail(f"voila did not start: {(root / 'voila.log').read_text()[-2000:]}")
            time.sleep(0.2)
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    log.close()


@pytest.fixture(scope="module")
def page(voila_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1000, "height": 900})
        page = context.new_page()
        outside: list[str] = []
        local = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")
        page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
        page.outside = outside  # type: ignore[attr-defined]
        page.goto(voila_url)
        page.wait_for_selector("[data-kind=line_chart] svg.marks .mark-line path", timeout=60_000)
        yield page
        page.goto("about:blank")
        page.wait_for_timeout(1000)
        context.close()
        browser.close()


def _rows(page) -> int:
    return int(page.get_attribute("[data-kind=line_chart]", "data-rows") or 0)


def _watch_chart(page) -> None:
    """Remember the drawn SVG and record any removal of it (a redraw or a flicker)."""
    page.evaluate(
        """() => {
        const chart = document.querySelector('[data-kind=line_chart]');
        window.__svg = chart.querySelector('svg.marks');
        window.__removed = 0;
        window.__observer?.disconnect();
        window.__observer = new MutationObserver((records) => {
            for (const r of records) for (const n of r.removedNodes) if (n.contains?.(window.__svg)) window.__removed += 1;
        });
        window.__observer.observe(chart, {childList: true, subtree: true});
    }"""
    )


def _same_svg(page) -> bool:
    return page.evaluate(
        "() => document.querySelector('[data-kind=line_chart] svg.marks') === window.__svg && window.__removed === 0"
    )


def test_the_chart_is_drawn_with_its_rows(page):
    assert _rows(page) == 30  # 10 points x 3 series
    assert page.locator("[data-kind=line_chart] .mark-line path").count() == 3


def test_a_rerun_updates_the_drawn_chart_in_place(page):
    _watch_chart(page)
    slider = page.get_by_role("slider", name="Points")
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('[data-kind=line_chart]').dataset.rows === '45'", timeout=20_000
    )
    assert _same_svg(page)


def test_add_rows_appends_points_in_place(page):
    before = _rows(page)
    _watch_chart(page)
    page.get_by_role("button", name="Stream").click()
    page.wait_for_function(
        f"() => document.querySelector('[data-kind=line_chart]').dataset.rows === '{before + 15}'",
        timeout=20_000,
    )
    assert _same_svg(page)


def test_the_map_draws_offline_with_axes(page):
    map_el = page.locator("[data-kind=map]")
    assert map_el.locator("circle").count() == 3
    labels = map_el.locator("text").all_text_contents()
    assert any(t.endswith("N") for t in labels) and any(t.endswith(("E", "W")) for t in labels)
    assert map_el.locator("img").count() == 0


def test_plotly_js_comes_from_the_kernel(page):
    pytest.importorskip("plotly")
    page.wait_for_selector("[data-kind=plotly_chart][data-drawn] .main-svg", timeout=60_000)
    assert page.locator("[data-kind=plotly_chart] .bars path").count() == 3


def test_no_request_leaves_the_machine(page):
    outside = page.outside  # type: ignore[attr-defined]
    print("outside requests (all blocked):", outside)
    assert [u for u in outside if not any(host in u for host in VOILA_OWN)] == []
