"""Data elements in a real browser: an app served by Voila, in Debian's Chromium.

One Voila server for the module.  The app shows a 200,000-row dataframe (only its first
rows travel with the page; the rest come from the kernel on scroll), a data editor whose
edits rerun the app, and a metric.  The tests scroll, sort (in the kernel), edit, and
check the timezone text.
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

big = pd.DataFrame({"n": np.arange(200_000), "sq": np.arange(200_000) * 2})
st.dataframe(big, hide_index=True)
df = pd.DataFrame({"command": ["st.selectbox", "st.balloons"], "rating": [4, 5]})
edited = st.data_editor(df, key="ed")
st.text(f"ratings={list(edited['rating'])}")
st.dataframe(pd.DataFrame({"when": pd.to_datetime(["2020-01-10 10:30"]).tz_localize("EST")}))
st.metric("Temperature", 70, 1.5)
"""


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
        "cells": [cell("import nbstream as st"), cell("%%stapp data\n" + APP)],
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
    root = tmp_path_factory.mktemp("voila-data")
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
        page.wait_for_selector("[data-kind=dataframe] .nbs-df-row", timeout=90_000)
        yield page
        page.goto("about:blank")
        page.wait_for_timeout(1000)
        context.close()
        browser.close()


def _cells(page, nth: int, col: int) -> list[str]:
    grid = page.locator("[data-kind=dataframe]").nth(nth)
    return grid.locator(f".nbs-df-body .nbs-df-row .nbs-df-cell:nth-child({col + 1})").all_text_contents()


def test_scrolling_fetches_rows_from_the_kernel(page):
    grid = page.locator("[data-kind=dataframe]").first
    assert page.locator("[data-kind=dataframe] [role=grid]").first.get_attribute("aria-rowcount") == "200001"
    assert _cells(page, 0, 0)[:3] == ["0", "1", "2"]
    grid.locator(".nbs-df-scroller").evaluate(
        "el => { el.scrollTop = 35 * 150000; el.dispatchEvent(new Event('scroll')); }"
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-kind=dataframe] .nbs-df-body .nbs-df-cell')]"
        ".some(c => c.textContent === '150000')",
        timeout=20_000,
    )
    held = grid.evaluate("el => (el.__grid || el.querySelector('.nbs-df').__grid).store.held()")
    assert held < 5000


def test_sorting_happens_in_the_kernel(page):
    grid = page.locator("[data-kind=dataframe]").first
    grid.locator(".nbs-df-scroller").evaluate(
        "el => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }"
    )
    header = grid.locator("[role=columnheader][data-field=f0]")
    header.click()
    header.click()
    page.wait_for_function(
        "() => document.querySelector('[data-kind=dataframe] .nbs-df-body .nbs-df-cell')?.textContent === '199999'",
        timeout=20_000,
    )
    assert grid.locator("[role=columnheader][data-field=f0]").get_attribute("aria-sort") == "descending"


def test_an_edit_reruns_the_app(page):
    editor = page.locator("[data-kind=data_editor]")
    cell = editor.locator(".nbs-df-body .nbs-df-row").nth(0).locator(".nbs-df-cell").nth(2)
    cell.dblclick()
    field = editor.locator("input.nbs-df-editor")
    field.fill("9")
    field.press("Enter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-kind=text]')].some(t => t.textContent.includes('ratings=[9, 5]'))",
        timeout=20_000,
    )


def test_zoned_datetimes_show_in_their_own_zone(page):
    assert "2020-01-10 10:30:00-05:00" in _cells(page, 1, 1)


def test_metric(page):
    metric = page.locator("[data-kind=metric]")
    assert metric.locator(".nbs-metric-value").text_content() == "70"
    assert metric.locator(".nbs-metric-delta").get_attribute("data-color") == "green"
