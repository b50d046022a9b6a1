"""`nbstream run app.py` serves a Streamlit-style script (only its import changed) in Voila."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, free_port, wait_text

SCRIPT = '''"""A Streamlit script: only the import line differs."""
import nbstream as st
from helper import greeting

st.title("Visits")
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Visit"):
    st.session_state.n += 1
st.write(f"{greeting()} {st.session_state.n} times")
st.caption(open("note.txt").read())
'''


@pytest.fixture(scope="module")
def served(workdir: Path) -> Iterator[Server]:
    project = workdir / "project"
    project.mkdir()
    (project / "app.py").write_text(SCRIPT)
    (project / "helper.py").write_text("def greeting():\n    return 'Visited'\n")
    (project / "note.txt").write_text("read from the script's folder")
    port = free_port()
    argv = [sys.executable, "-m", "nbstream.cli", "run", str(project / "app.py"),
            "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]  # fmt: skip
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
