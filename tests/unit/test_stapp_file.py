"""``%%stapp --file app.py`` / ``%stapp app.py``: a script file as the app, rerun on save;
and ``import streamlit`` in a ``%%stapp`` cell."""

from __future__ import annotations

import os
import time

import pytest
from IPython.core.error import UsageError
from test_stapp_magic import ip, main_texts  # noqa: F401  (the IPython shell fixture)

from nbstream import magic

APP_V1 = (
    "import streamlit as st\nst.session_state.runs = st.session_state.get('runs', 0) + 1\nst.title('v1')\n"
)
APP_V2 = "import streamlit as st\nst.session_state.runs += 1\nst.title('v2 after save')\n"


def wait_for(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def save(path, text: str) -> None:
    path.write_text(text)
    stamp = time.time() + 1  # a distinct mtime even on file systems with coarse clocks
    os.utime(path, (stamp, stamp))


def test_stapp_file_runs_the_script_and_reruns_it_when_saved(ip, tmp_path):  # noqa: F811
    script = tmp_path / "app.py"
    script.write_text(APP_V1)
    ip.run_cell_magic("stapp", f"demo --file {script}", "# the app is app.py")
    app = ip.user_ns["demo"]
    assert main_texts(app) == ["v1"]
    save(script, APP_V2)
    assert wait_for(lambda: app.session.idle and main_texts(app) == ["v2 after save"])
    assert app.session_state["runs"] == 2, "the session state is kept across saves"
    save(script, "import streamlit as st\nst.title(\n")  # a syntax error shows in the app
    assert wait_for(
        lambda: [c["kind"] for c in app.publisher.shown["children"][0]["children"]] == ["exception"]
    )
    save(script, APP_V2)
    assert wait_for(lambda: main_texts(app) == ["v2 after save"])
    app.close()
    assert app._watcher is None


def test_the_line_magic_takes_the_script_path(ip, tmp_path):  # noqa: F811
    script = tmp_path / "hello.py"
    script.write_text("import streamlit as st\nst.write(f'hello from {__file__}')\n")
    ip.run_line_magic("stapp", str(script))
    assert ip.shown, "the app is displayed"
    app = ip.shown[-1]
    assert f"hello from {script}" in str(app._snapshot["tree"])


def test_no_run_on_save_does_not_watch(ip, tmp_path):  # noqa: F811
    script = tmp_path / "app.py"
    script.write_text(APP_V1)
    ip.run_line_magic("stapp", f"still --file {script} --no-run-on-save")
    app = ip.user_ns["still"]
    save(script, APP_V2)
    time.sleep(0.8)
    assert main_texts(app) == ["v1"]


def test_file_arguments_are_checked(ip, tmp_path):  # noqa: F811
    with pytest.raises(UsageError, match="cannot read"):
        ip.run_line_magic("stapp", f"{tmp_path / 'missing.py'}")
    script = tmp_path / "app.py"
    script.write_text(APP_V1)
    with pytest.raises(
        UsageError, match=r"only comments and blank lines; it has code: \"st.write\('also this\?'\)\""
    ):
        ip.run_cell_magic("stapp", f"--file {script}", "# a comment\n\nst.write('also this?')\n")
    with pytest.raises(UsageError, match="needs a script file"):
        ip.run_line_magic("stapp", "")


def test_import_streamlit_in_a_stapp_cell_gives_nbstream(ip):  # noqa: F811
    ip.run_cell_magic(
        "stapp",
        "pasted",
        "import streamlit as st\nimport nbstream\nst.title(f'aliased: {st is nbstream}')",
    )
    assert main_texts(ip.user_ns["pasted"]) == ["aliased: True"]


def test_the_cell_form_runs_the_file_through_ipythons_own_cell_path(ip, tmp_path, monkeypatch):  # noqa: F811
    """As a notebook cell: ``%%stapp --file app.py`` over comments and blank lines, unnamed."""
    monkeypatch.chdir(tmp_path)
    script = tmp_path / "app.py"
    script.write_text(APP_V1)
    result = ip.run_cell("%%stapp --file app.py\n# runs app.py\n\n   # reruns when it is saved\n")
    assert result.success, result.error_in_exec
    app = ip.shown[-1]
    assert "v1" in str(app._snapshot["tree"])
    running = magic._APPS[f"file:{script}"]  # with no NAME and no cell ID, the file's path keys the app
    assert running.widget is app
    save(script, APP_V2)
    assert wait_for(lambda: running.session.idle and main_texts(running) == ["v2 after save"])
    assert running.session_state["runs"] == 2


def test_the_cell_form_with_code_in_its_body_is_a_usage_error(ip, tmp_path, monkeypatch, capsys):  # noqa: F811
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(APP_V1)
    shown_before = len(ip.shown)
    result = ip.run_cell("%%stapp --file app.py\n# the app\nx = 1\n")
    assert isinstance(result.error_in_exec, UsageError)
    assert "it has code: 'x = 1'" in str(result.error_in_exec)
    assert len(ip.shown) == shown_before, "no app is shown"
