"""When things go wrong, in JupyterLab: the kernel interrupt button stops a looping app's
run (not only a cell), and an app whose kernel died says so, with its widgets disabled."""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from e2e_helpers import SHOWN, Server, app_text, open_lab, run_notebook, start_lab, wait_text, write_app

SPIN = """
import os
if "pongs" not in st.session_state:
    st.session_state.pongs = 0
st.write(f"Kernel {os.getpid()}")
if st.button("Ping"):
    st.session_state.pongs += 1
st.write(f"Pongs: {st.session_state.pongs}")
if st.button("Spin"):
    st.write("spinning")
    while True:
        pass
"""


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    root.mkdir()
    write_app(root, "spin", SPIN)
    server = start_lab(root, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(chromium, lab: Server):
    page = open_lab(chromium, lab)
    run_notebook(page, "spin")
    wait_text(page, "Pongs: 0", timeout=60_000, scope=SHOWN)
    yield page
    page.context.close()


def app(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .nbs-app")


def kernel_pid(page) -> int:
    found = re.search(r"Kernel (\d+)", app_text(page, SHOWN))
    assert found
    return int(found.group(1))


def cpu_percent(pid: int, seconds: float) -> float:
    proc = psutil.Process(pid)
    proc.cpu_percent(None)
    time.sleep(seconds)
    return proc.cpu_percent(None)


def test_the_kernel_interrupt_button_stops_a_looping_app(page):
    pid = kernel_pid(page)
    app(page).get_by_role("button", name="Spin").click()
    wait_text(page, "spinning", scope=SHOWN)
    time.sleep(0.5)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:interrupt-kernel')")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .nbs-status')].every(e => e.hidden)",
        timeout=5_000,
    )
    assert cpu_percent(pid, 2.0) < 8, "the interrupted loop still spins"
    app(page).get_by_role("button", name="Ping").click()
    wait_text(page, "Pongs: 1", timeout=3_000, scope=SHOWN)


def test_an_app_whose_kernel_died_says_so(page):
    pid = kernel_pid(page)
    os.kill(pid, signal.SIGKILL)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .nbs-connection')]
            .some(e => !e.hidden && e.innerText.includes('This app stopped'))""",
        timeout=5_000,
    )
    text = app(page).locator(".nbs-connection").inner_text()
    assert "kernel died" in text and "Run the app's cell again" in text
    assert app(page).locator(".nbs-body").evaluate("el => el.inert") is True
