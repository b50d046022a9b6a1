"""``import streamlit`` inside apps gives nbstream; outside apps, or with
``runner.aliasStreamlit`` off, a real installed Streamlit is untouched."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import nbstream as st
from nbstream.testing import AppTest


@pytest.fixture
def real_streamlit(tmp_path, monkeypatch):
    """A stand-in for an installed Streamlit, first on sys.path."""
    pkg = tmp_path / "site" / "streamlit"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("REAL = True\n")
    (pkg / "errors.py").write_text("class StreamlitAPIException(Exception):\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    for name in [m for m in sys.modules if m == "streamlit" or m.startswith("streamlit.")]:
        monkeypatch.delitem(sys.modules, name)
    yield pkg
    for name in [m for m in sys.modules if m == "streamlit" or m.startswith("streamlit.")]:
        del sys.modules[name]


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), default_timeout=10).run()


def test_inside_an_app_streamlit_is_nbstream(real_streamlit):
    at = run(
        """
        import streamlit as st
        import streamlit.errors
        from streamlit.testing.v1 import AppTest
        from streamlit import column_config
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        import nbstream
        st.write(f"{st is nbstream} {hasattr(st, 'REAL')}")
        st.write(f"{streamlit.errors.StreamlitAPIException is nbstream.errors.StreamlitAPIException}")
        st.write(f"{AppTest.__module__} {column_config.NumberColumn is nbstream.column_config.NumberColumn}")
        st.write(f"{get_script_run_ctx() is not None}")
        """
    )
    assert not at.exception
    assert [m.value for m in at.markdown] == [
        "True False",
        "True",
        "nbstream.testing.apptest True",
        "True",
    ]


def test_outside_apps_a_real_streamlit_is_untouched(real_streamlit):
    run("import streamlit as st\nst.write('in the app')")  # the alias is installed by now
    import streamlit

    assert streamlit.REAL is True
    from streamlit.errors import StreamlitAPIException

    assert StreamlitAPIException is not st.errors.StreamlitAPIException


def test_the_alias_can_be_turned_off(real_streamlit):
    st.set_option("runner.aliasStreamlit", False)
    try:
        at = run(
            """
            import nbstream
            import streamlit
            nbstream.write(f"real: {getattr(streamlit, 'REAL', False)}")
            """
        )
    finally:
        st.set_option("runner.aliasStreamlit", True)
    assert [m.value for m in at.markdown] == ["real: True"]


def test_a_streamlit_module_nbstream_lacks_says_so():
    at = run("import streamlit.web.bootstrap\n")
    message = at.exception[0].message
    assert "No module named 'streamlit.web'" in message
    assert "runner.aliasStreamlit" in message


def test_a_component_package_imported_inside_an_app_uses_the_alias(tmp_path, monkeypatch):
    pkg = tmp_path / "st_shout"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        "import streamlit as st\n\ndef shout(text):\n    return st.markdown(f'**{text.upper()}**')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "st_shout", raising=False)
    at = run("from st_shout import shout\nshout('hello')\n")
    assert not at.exception
    assert at.markdown[0].value == "**HELLO**"


STREAMLIT_SUITE = '''
from streamlit.testing.v1 import AppTest


def test_increment_and_add():
    """A user increments the number input, then clicks Add"""
    at = AppTest.from_file("app.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


def test_session_state_and_secrets():
    at = AppTest.from_file("app.py")
    at.secrets["WORD"] = "Foobar"
    at.session_state["beans"] = 5
    at.run()
    assert not at.exception
    assert at.markdown[0].value == "Beans counted: 5"
    assert at.text[0].value == "Foobar"
'''

STREAMLIT_APP = """
import streamlit as st

beans = st.session_state.setdefault("beans", 0)
number = st.number_input("Beans to add", 0, 10)
if st.button("Add"):
    st.session_state.beans += number
st.markdown(f"Beans counted: {st.session_state.beans}")
if "WORD" in st.secrets:
    st.text(st.secrets["WORD"])
"""


def test_an_apptest_suite_written_for_streamlit_runs_unchanged(tmp_path: Path):
    (tmp_path / "test_app.py").write_text(STREAMLIT_SUITE)
    (tmp_path / "app.py").write_text(STREAMLIT_APP)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "nbstream.testing.streamlit_alias", "test_app.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout
