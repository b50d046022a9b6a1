"""%%stapp and st.* in ordinary cells, driven through IPython without a server."""

from __future__ import annotations

import IPython
import IPython.display
import pytest
from IPython.core.error import UsageError
from IPython.testing.globalipapp import start_ipython

import nbstream
from nbstream import magic
from nbstream.render import assets
from nbstream.runtime import context


@pytest.fixture
def ip(monkeypatch):
    shell = start_ipython() or IPython.get_ipython()
    shell.run_line_magic("load_ext", "nbstream")
    nbstream.load_ipython_extension(shell)  # again: load_ext loads an extension once per process
    shown: list = []
    scripts: list = []

    def display(*objs, **kw):
        # Run with no server, an app's display is preceded by the script that lets
        # nbconvert's HTML export draw it (render.app.show); keep the two apart.
        for obj in objs:
            (scripts if isinstance(obj, dict) else shown).append(obj)

    monkeypatch.setattr(IPython.display, "display", display)
    shell.shown = shown
    shell.scripts = scripts
    yield shell
    for app in list(magic._APPS.values()):
        app.close()
    magic._APPS.clear()
    context.set_outside_run_factory(None)


def main_texts(app) -> list[str]:
    main = app.publisher.shown["children"][0]["children"]
    return [c["props"].get("body") or c["props"].get("label") or c["kind"] for c in main]


def test_load_ext_and_import_register_the_magic(ip):
    assert "stapp" in ip.magics_manager.magics["cell"]
    nbstream._register_in_ipython()
    assert "stapp" in ip.magics_manager.magics["cell"]


def test_stapp_runs_the_cell_as_an_app_and_binds_it(ip):
    ip.run_cell_magic(
        "stapp", "counter", "import nbstream as st\nst.session_state.setdefault('n', 0)\nst.title('Counter')"
    )
    app = ip.user_ns["counter"]
    assert ip.shown == [app.widget]
    assert ip.scripts == [{"text/html": assets.export_shim_html()}], (
        "no server: the export script comes first"
    )
    assert app.session_state["n"] == 0
    assert main_texts(app) == ["Counter"]
    assert app.widget._snapshot["tree"] == app.publisher.shown


def test_rerunning_the_cell_swaps_the_script_and_keeps_state(ip):
    ip.run_cell_magic(
        "stapp", "demo", "import nbstream as st\nst.session_state.n = st.session_state.get('n', 0) + 1"
    )
    app = ip.user_ns["demo"]
    widget = app.widget
    ip.run_cell_magic("stapp", "demo", "import nbstream as st\nst.session_state.n += 10\nst.write('v2')")
    assert ip.user_ns["demo"] is app and app.widget is widget
    assert app.session_state["n"] == 11
    assert main_texts(app) == ["v2"]
    ip.run_cell_magic(
        "stapp", "demo --reset", "import nbstream as st\nst.write(st.session_state.get('n', 'fresh'))"
    )
    assert main_texts(app) == ["fresh"]


def test_rerun_and_stop_from_another_cell(ip):
    ip.run_cell_magic(
        "stapp", "app", "import nbstream as st\nst.session_state.runs = st.session_state.get('runs', 0) + 1"
    )
    app = ip.user_ns["app"]
    app.rerun()
    assert app.session_state["runs"] == 2
    app.stop()


def test_the_script_reads_notebook_globals_and_does_not_leak_back(ip):
    ip.user_ns["factor"] = 6
    ip.run_cell_magic("stapp", "calc", "import nbstream as st\nresult = factor * 7\nst.write(result)")
    assert main_texts(ip.user_ns["calc"]) == ["`42`"]
    assert "result" not in ip.user_ns


def test_a_script_error_is_shown_in_the_app_which_keeps_working(ip):
    ip.run_cell_magic("stapp", "broken", "import nbstream as st\nst.write('before')\n1 / 0")
    app = ip.user_ns["broken"]
    kinds = [c["kind"] for c in app.publisher.shown["children"][0]["children"]]
    assert kinds == ["markdown", "exception"]
    exc = app.publisher.shown["children"][0]["children"][1]["props"]
    assert exc["type"] == "ZeroDivisionError" and exc["traceback"]
    ip.run_cell_magic("stapp", "broken", "import nbstream as st\nst.write('fixed')")
    assert main_texts(app) == ["fixed"]


def test_display_options_reach_the_widget(ip):
    ip.run_cell_magic("stapp", "tall --height 300 --wide", "import nbstream as st\nst.write('x')")
    config = ip.user_ns["tall"].widget._config
    assert config["height"] == 300 and config["wide"] is True and config["host"] == "lab"


@pytest.mark.parametrize("line", ["not-a-name", "x --height -3"])
def test_bad_arguments_are_usage_errors(ip, line):
    with pytest.raises(UsageError):
        ip.run_cell_magic("stapp", line, "pass")


def test_st_calls_in_an_ordinary_cell_show_in_that_cell(ip):
    result = ip.run_cell(
        "import nbstream as st\nst.title('Plain cell')\nvalue = st.slider('s', 0, 10, 4)\nst.write(value)"
    )
    assert result.success
    (widget,) = ip.shown
    main = widget._snapshot["tree"]["children"][0]["children"]
    assert [c["kind"] for c in main] == ["title", "slider", "markdown"]
    assert ip.user_ns["value"] == 4  # widgets return their defaults
    assert widget._config["interactive"] is False
    ip.run_cell("st.write('next cell')")
    assert len(ip.shown) == 2  # a new cell, a new display


def test_under_a_jupyter_server_no_export_script_is_shown(ip, monkeypatch):
    monkeypatch.setenv("JPY_SESSION_NAME", "served.ipynb")
    ip.run_cell_magic("stapp", "served", "import nbstream as st\nst.title('Served')")
    assert ip.shown == [ip.user_ns["served"].widget]
    assert ip.scripts == []


def test_a_stapp_cell_is_the_home_page_of_a_pages_folder_beside_the_notebook(ip, tmp_path, monkeypatch):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "1_Report.py").write_text("import nbstream as st\nst.title('Report')\n")
    monkeypatch.chdir(tmp_path)
    ip.run_cell_magic("stapp", "home", "import nbstream as st\nst.title('Home')")
    app = ip.user_ns["home"]
    menu = app.session.tree.children[1].props["navigation"]
    assert [p["title"] for p in menu["sections"][0]["pages"]] == ["home", "Report"]
    monkeypatch.chdir("/")  # the app keeps the notebook's folder
    app.widget.bridge.handle({"t": "page", "path": "Report"})
    assert app.session.wait(10)
    assert main_texts(app) == ["Report"]
