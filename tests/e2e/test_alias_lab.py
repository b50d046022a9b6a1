"""JupyterLab: ``import streamlit`` (and ``importlib.import_module("streamlit...")``) in a
%%stapp cell gives nbstream, and ``%%stapp --file app.py`` over a comment reruns the app in
the page when the file is saved (run-on-save; the line form ``%stapp app.py`` runs the
same code, tested in tests/unit/test_stapp_file.py)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import SHOWN, Server, current, open_lab, run_notebook, start_lab, wait_text, write_app

PASTED = """
import importlib
import streamlit as st
components = importlib.import_module("streamlit.components.v1")
st.header("Streamlit import in Lab")
st.caption(f"import_module gave {components.__name__}")
if st.button("Press"):
    st.session_state.pressed = st.session_state.get("pressed", 0) + 1
st.write(f"pressed {st.session_state.get('pressed', 0)} times")
"""

SCRIPT_V1 = 'import streamlit as st\nst.title("Version one")\nst.write(f"runs {st.session_state.setdefault(\'n\', 0)}")\n'
SCRIPT_V2 = 'import streamlit as st\nst.title("Version two, saved")\nst.session_state.n += 1\nst.write(f"runs {st.session_state.n}")\n'


@pytest.fixture(scope="module")
def lab(workdir: Path) -> Iterator[Server]:
    root = workdir / "notebooks"
    root.mkdir()
    write_app(root, "pasted", PASTED)
    (root / "script_app.py").write_text(SCRIPT_V1)
    path = write_app(root, "onsave", "")
    notebook = json.loads(path.read_text())
    # The cell form: IPython refuses a cell magic with an empty body, so a comment fills it.
    notebook["cells"][1]["source"] = (
        "%%stapp --file script_app.py\n# runs script_app.py, and reruns it when it is saved\n"
    )
    path.write_text(json.dumps(notebook))
    server = start_lab(root, workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def page(chromium, lab: Server):
    page = open_lab(chromium, lab)
    yield page
    page.context.close()


def test_import_streamlit_in_a_stapp_cell(page):
    run_notebook(page, "pasted")
    wait_text(page, "Streamlit import in Lab", scope=SHOWN)
    wait_text(page, "import_module gave nbstream.components.v1", scope=SHOWN)
    current(page, ".nbs-app").get_by_role("button", name="Press").click()
    wait_text(page, "pressed 1 times", scope=SHOWN)
    assert current(page, ".nbs-app [data-kind=exception]").count() == 0


def test_a_script_file_reruns_in_the_page_when_saved(page, lab, workdir):
    run_notebook(page, "onsave")
    wait_text(page, "Version one", scope=SHOWN)
    wait_text(page, "runs 0", scope=SHOWN)
    script = workdir / "notebooks" / "script_app.py"
    script.write_text(SCRIPT_V2)
    stamp = time.time() + 1
    os.utime(script, (stamp, stamp))
    wait_text(page, "Version two, saved", scope=SHOWN)
    wait_text(page, "runs 1", scope=SHOWN)
