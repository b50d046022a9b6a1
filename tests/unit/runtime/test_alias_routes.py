"""Every import route gives nbstream for ``streamlit`` inside app runs -- the import
statement, ``__import__``, ``importlib.import_module``, ``importlib.__import__``,
``importlib.util.find_spec`` -- while a real ``streamlit`` already in ``sys.modules``
stays exactly where it is, and is what code outside runs (or with the alias off) gets."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import textwrap
import threading
import types

from test_alias import real_streamlit  # noqa: F401  (a fake installed Streamlit, first on sys.path)

import nbstream as st
from nbstream.testing import AppTest

ROUTES = """
import importlib
import importlib.util
import nbstream

def show(label, module):
    nbstream.text(f"{label}: {module.__name__}")

show("import_module", importlib.import_module("streamlit"))
show("import_module sub", importlib.import_module("streamlit.components.v1"))
show("import_module relative", importlib.import_module(".v1", package="streamlit.components"))
show("__import__", __import__("streamlit"))
show("__import__ fromlist", __import__("streamlit.errors", fromlist=["StreamlitAPIException"]))
show("importlib.__import__", importlib.__import__("streamlit"))
nbstream.text(f"find_spec: {importlib.util.find_spec('streamlit').name}")
nbstream.text(f"find_spec sub: {importlib.util.find_spec('streamlit.components.v1').name}")
nbstream.text(f"find_spec missing: {importlib.util.find_spec('streamlit.web')}")
"""

INSIDE = [
    "import_module: nbstream",
    "import_module sub: nbstream.components.v1",
    "import_module relative: nbstream.components.v1",
    "__import__: nbstream",
    "__import__ fromlist: nbstream.errors",
    "importlib.__import__: nbstream",
    "find_spec: nbstream",
    "find_spec sub: nbstream.components.v1",
    "find_spec missing: None",
]


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), default_timeout=10).run()


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def test_every_route_gives_nbstream_inside_a_run(real_streamlit):  # noqa: F811
    at = run(ROUTES)
    assert not at.exception, at.exception[0].message if at.exception else ""
    assert texts(at) == INSIDE


def test_a_real_streamlit_in_sys_modules_is_neither_returned_nor_replaced(real_streamlit):  # noqa: F811
    import streamlit  # the real one, imported outside any run
    import streamlit.errors

    before = {name: sys.modules[name] for name in ("streamlit", "streamlit.errors")}
    at = run("import streamlit as st\nimport streamlit.errors\n" + ROUTES)
    assert texts(at) == INSIDE, "a cached real Streamlit is not what the app gets"
    assert {name: sys.modules[name] for name in before} == before, "sys.modules is untouched"
    assert not any(name.startswith("streamlit.components") for name in sys.modules)
    # Outside the run every route finds the real one again.
    assert importlib.import_module("streamlit") is streamlit
    assert __import__("streamlit.errors").errors is streamlit.errors
    assert importlib.__import__("streamlit") is streamlit
    assert importlib.util.find_spec("streamlit").origin == str(real_streamlit / "__init__.py")
    assert streamlit.REAL is True


def test_a_module_object_placed_in_sys_modules_stays_there(monkeypatch):
    fake = types.ModuleType("streamlit")
    fake.__spec__ = None  # find_spec of a cached module without a spec raises, as Python does
    monkeypatch.setitem(sys.modules, "streamlit", fake)
    at = run("import streamlit, importlib\nstreamlit.text(importlib.import_module('streamlit').__name__)")
    assert texts(at) == ["nbstream"]
    assert sys.modules["streamlit"] is fake
    assert importlib.import_module("streamlit") is fake
    import streamlit

    assert streamlit is fake


def test_with_the_alias_off_every_route_finds_the_real_streamlit(real_streamlit):  # noqa: F811
    st.set_option("runner.aliasStreamlit", False)
    try:
        at = run(
            """
            import importlib, importlib.util, nbstream
            nbstream.text(str(importlib.import_module("streamlit").REAL))
            nbstream.text(str(__import__("streamlit").REAL))
            nbstream.text(importlib.util.find_spec("streamlit").origin)
            """
        )
    finally:
        st.set_option("runner.aliasStreamlit", True)
    assert texts(at) == ["True", "True", str(real_streamlit / "__init__.py")]


def test_import_module_of_a_module_nbstream_lacks_names_the_streamlit_module():
    at = run("import importlib\nimportlib.import_module('streamlit.web.bootstrap')\n")
    message = at.exception[0].message
    assert "No module named 'streamlit.web'" in message
    assert "runner.aliasStreamlit" in message
    at = run("import importlib.util\nimportlib.util.find_spec('streamlit.web.bootstrap')\n")
    assert "No module named 'streamlit.web'" in at.exception[0].message


def test_relative_import_module_without_a_package_keeps_pythons_error():
    at = run("import importlib\nimportlib.import_module('.v1')\n")
    assert at.exception[0].proto.type == "TypeError"


def test_threads_get_the_alias_only_with_the_runs_context(real_streamlit):  # noqa: F811
    at = run(
        """
        import importlib, threading
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx

        found = {}
        def worker(label):
            found[label] = importlib.import_module("streamlit").__name__

        with_ctx = add_script_run_ctx(threading.Thread(target=worker, args=("with",)))
        without = threading.Thread(target=worker, args=("without",))
        for t in (with_ctx, without):
            t.start()
            t.join()
        st.text(f"{found['with']} {found['without']}")
        """
    )
    assert texts(at) == ["nbstream streamlit"]


def test_a_component_package_using_import_module_gets_nbstream(tmp_path, monkeypatch):
    pkg = tmp_path / "st_lazy_badge"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        "import importlib\n\n"
        "def badge(text):\n"
        "    st = importlib.import_module('streamlit')\n"
        "    components = importlib.import_module('streamlit.components.v1')\n"
        "    components.html(f'<b>{text}</b>', height=30)\n"
        "    return st.markdown(f'badge: {text}')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "st_lazy_badge", raising=False)
    at = run("from st_lazy_badge import badge\nbadge('new')\n")
    assert not at.exception
    assert at.markdown[0].value == "badge: new"


def test_outside_runs_other_threads_are_untouched_while_a_run_imports(real_streamlit):  # noqa: F811
    """A thread of the notebook importing streamlit while an app runs gets the real one."""
    seen: list[object] = []
    started, release = threading.Event(), threading.Event()

    def outside() -> None:
        started.wait(5)
        seen.append(importlib.import_module("streamlit"))
        release.set()

    thread = threading.Thread(target=outside)
    thread.start()
    at = AppTest.from_function(_app_waiting_for_outside, args=(started, release), default_timeout=10).run()
    thread.join(5)
    assert not at.exception
    assert texts(at) == ["nbstream"]
    assert getattr(seen[0], "REAL", False) is True


def _app_waiting_for_outside(started, release):  # no annotations: its body runs as a script
    import importlib

    import nbstream

    started.set()
    release.wait(5)
    nbstream.text(importlib.import_module("streamlit").__name__)
