"""A Streamlit script pasted unchanged into a %%stapp cell (``import streamlit as st``,
worker threads with the run's context) served by Voila: it draws, and clicks work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import Server, close_page, start_voila, wait_text, write_app

PASTED = """
import importlib
import threading
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

st.title("Pasted from Streamlit")
if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Add one"):
    st.session_state.count += 1
st.write(f"Count: {st.session_state.count}")

box = st.container()
worker = threading.Thread(target=lambda: box.write(f"worker saw count {st.session_state.count}"))
add_script_run_ctx(worker, get_script_run_ctx())
worker.start()
worker.join()
st.caption(f"runtime exists: {st.runtime.exists()}")
st.caption(f"import_module gave {importlib.import_module('streamlit.components.v1').__name__}")
"""


@pytest.fixture(scope="module")
def voila(workdir: Path) -> Iterator[Server]:
    apps = workdir / "apps"
    apps.mkdir()
    write_app(apps, "pasted", PASTED)
    server = start_voila(apps, workdir)
    yield server
    server.stop()


def test_import_streamlit_in_a_stapp_cell_serves_and_reruns(chromium, voila):
    page = chromium.new_context().new_page()
    try:
        page.goto(f"{voila.url}voila/render/pasted.ipynb")
        page.wait_for_selector(".nbs-app .nbs-main > [data-kind]", state="attached", timeout=60_000)
        wait_text(page, "Pasted from Streamlit")
        wait_text(page, "worker saw count 0")
        wait_text(page, "runtime exists: True")
        wait_text(page, "import_module gave nbstream.components.v1")
        assert page.locator(".nbs-app [data-kind=exception]").count() == 0
        page.get_by_role("button", name="Add one").click()
        wait_text(page, "Count: 1")
        wait_text(page, "worker saw count 1")
    finally:
        close_page(page)
