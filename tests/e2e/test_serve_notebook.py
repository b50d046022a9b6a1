"""`nbstream serve app.ipynb` with two kernels: the notebook's other cells run once per
kernel (their globals are the app's), tabs spread over the kernels; with
``server.runOnSave`` a saved notebook reruns every tab of both kernels."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, free_port, wait_text, write_app
from test_serve import click_add

SETUP = """
import os
with open("setups.txt", "a") as f:
    f.write(f"{os.getpid()}\\n")
GREETING = "Hello from the notebook"
"""

APP = """
st.session_state.setdefault("n", 0)
if st.button("Add"):
    st.session_state.n += 1
st.text(f"{GREETING}: count={st.session_state.n} pid={os.getpid()}")
"""


@pytest.fixture(scope="module")
def served(workdir: Path) -> Iterator[Server]:
    project = workdir / "project"
    project.mkdir()
    notebook = write_app(project, "app", APP)
    # write_app's notebook: [import nbstream as st, %%stapp app ..., *cells]; a setup cell first.
    data = json.loads(notebook.read_text())
    data["cells"].insert(0, {**data["cells"][0], "id": "setup", "source": SETUP})
    notebook.write_text(json.dumps(data))
    port = free_port()
    argv = [sys.executable, "-m", "nbstream.cli", "serve", str(notebook), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--server.kernels", "2", "--server.runOnSave", "true"]  # fmt: skip
    server = Server(argv, workdir, "nbstream/static/manifest.json", port)
    server.project = project  # type: ignore[attr-defined]
    yield server
    server.stop()


def test_tabs_spread_over_the_kernels_with_the_notebooks_globals(chromium, served):
    context = chromium.new_context()
    try:
        pages = [context.new_page() for _ in range(4)]
        for page in pages:
            page.goto(served.url)
            wait_text(page, "Hello from the notebook: count=0", timeout=90_000)
        click_add(pages[1], "Hello from the notebook: count=1")
        for i in (0, 2, 3):
            wait_text(pages[i], "Hello from the notebook: count=0")
        pids = {page.inner_text(".nbs-main").split("pid=")[1].split()[0] for page in pages}
        kernels = {str(pid) for pid in served.kernels()}
        assert len(kernels) == 2 and pids == kernels  # four tabs over both kernels
        # The setup cell ran once in each kernel, not once per tab.
        assert sorted((served.project / "setups.txt").read_text().split()) == sorted(kernels)
    finally:
        context.close()


def test_a_saved_notebook_reruns_every_tab_of_every_kernel_keeping_state(chromium, served):
    context = chromium.new_context()
    notebook = served.project / "app.ipynb"
    original = notebook.read_text()
    try:
        pages = [context.new_page() for _ in range(4)]
        for page in pages:
            page.goto(served.url)
            wait_text(page, "count=0", timeout=90_000)
        click_add(pages[2], "Hello from the notebook: count=1")
        pids = {page.inner_text(".nbs-main").split("pid=")[1].split()[0] for page in pages}
        assert len(pids) == 2  # the tabs are in both kernels
        data = json.loads(original)
        app_cell = next(c for c in data["cells"] if c["source"].startswith("%%stapp"))
        app_cell["source"] = app_cell["source"].replace('st.text(f"{GREETING}', 'st.text(f"Saved {GREETING}')
        notebook.write_text(json.dumps(data))
        stamp = time.time() + 1  # a distinct mtime on file systems with coarse clocks
        os.utime(notebook, (stamp, stamp))
        for i, page in enumerate(pages):
            wait_text(page, f"Saved Hello from the notebook: count={1 if i == 2 else 0}", timeout=30_000)
    finally:
        notebook.write_text(original)
        context.close()
