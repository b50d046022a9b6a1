"""`nbstream serve app.ipynb` with two kernels: the notebook's other cells run once per
kernel (their globals are the app's), tabs spread over the kernels."""

from __future__ import annotations

import sys
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
    import json

    data = json.loads(notebook.read_text())
    data["cells"].insert(0, {**data["cells"][0], "id": "setup", "source": SETUP})
    notebook.write_text(json.dumps(data))
    port = free_port()
    argv = [sys.executable, "-m", "nbstream.cli", "serve", str(notebook), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--server.kernels", "2"]  # fmt: skip
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
