"""A suite written for Streamlit (``from streamlit.testing.v1 import AppTest``, an app that
does ``import streamlit as st``) runs unchanged on nbstream, turned on by each documented
route (README: "AppTest suites written for Streamlit"): ``addopts`` in the pytest
config (pyproject.toml or pytest.ini) or a ``conftest.py`` line (``-p`` on the command
line: tests/unit/runtime/test_alias.py).  Without the opt-in, ``import streamlit`` in a
test is never nbstream.

The pyproject route runs the Streamlit-style suite of tests/apptest (an expense tracker
with a form, columns, a sidebar, metrics, a data frame and a toast) in its own pytest
process; the other routes a one-test suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

APPTEST = Path(__file__).resolve().parents[2] / "apptest"
PLUGIN = "nbstream.testing.streamlit_alias"


def streamlit_project(folder: Path) -> Path:
    """The suite and its app as a Streamlit user has them: ``streamlit`` in the imports."""
    suite = (APPTEST / "test_streamlit_style_suite.py").read_text(encoding="utf-8")
    app = (APPTEST / "apps" / "expense_tracker.py").read_text(encoding="utf-8")
    assert "from nbstream.testing.v1 import AppTest" in suite and "import nbstream as st" in app
    (folder / "apps").mkdir(parents=True)
    (folder / "test_expenses.py").write_text(
        suite.replace("from nbstream.testing.v1 import AppTest", "from streamlit.testing.v1 import AppTest")
    )
    (folder / "apps" / "expense_tracker.py").write_text(
        app.replace("import nbstream as st", "import streamlit as st")
    )
    return folder


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )


SMALL_SUITE = """
from streamlit.testing.v1 import AppTest


def test_counter():
    at = AppTest.from_string(
        "import streamlit as st\\n"
        "n = st.number_input('n', 0, 10)\\n"
        "if st.button('Add'):\\n"
        "    st.session_state.total = st.session_state.get('total', 0) + n\\n"
        "st.markdown(f\\"Total: {st.session_state.get('total', 0)}\\")\\n"
    ).run()
    at.number_input[0].set_value(3)
    at.button[0].click().run()
    assert at.markdown[0].value == "Total: 3"
    assert type(at).__module__.startswith("nbstream.")
"""


def test_the_streamlit_style_suite_runs_unchanged_with_addopts_in_pyproject(tmp_path: Path):
    project = streamlit_project(tmp_path)
    (project / "pyproject.toml").write_text(f'[tool.pytest.ini_options]\naddopts = "-p {PLUGIN}"\n')
    done = pytest_in(project)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "8 passed" in done.stdout


@pytest.mark.parametrize("route", ["pytest.ini", "conftest.py"])
def test_the_other_documented_routes_turn_the_alias_on(tmp_path: Path, route: str):
    (tmp_path / "test_counter.py").write_text(SMALL_SUITE)
    if route == "pytest.ini":
        (tmp_path / "pytest.ini").write_text(f"[pytest]\naddopts = -p {PLUGIN}\n")
    else:
        (tmp_path / "conftest.py").write_text(f'pytest_plugins = ["{PLUGIN}"]\n')
    done = pytest_in(tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "1 passed" in done.stdout


def test_without_the_opt_in_import_streamlit_is_never_nbstream(tmp_path: Path):
    (tmp_path / "test_plain.py").write_text(
        "def test_plain():\n"
        "    try:\n"
        "        import streamlit\n"
        "    except ModuleNotFoundError:\n"
        "        return\n"
        "    assert not streamlit.__name__.startswith('nbstream'), streamlit\n"
        "    assert 'nbstream' not in (streamlit.__file__ or '')\n"
    )
    done = pytest_in(tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "1 passed" in done.stdout
