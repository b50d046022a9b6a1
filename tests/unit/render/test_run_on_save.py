"""``nbstream run app.py`` (``App.from_file``) reruns on save when ``server.runOnSave`` is
true, as Streamlit's run-on-save does, and not when it is false (the default)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

import nbstream as st
from nbstream import config
from nbstream.render.app import App

APP = "import streamlit as st\nst.session_state.runs = st.session_state.get('runs', 0) + 1\nst.title('{}')\n"


def titles(app: App) -> list[str]:
    main = app.publisher.shown["children"][0]["children"]
    return [c["props"].get("body") for c in main]


def save(path, text: str) -> None:
    path.write_text(text)
    stamp = time.time() + 1  # a distinct mtime even on file systems with coarse clocks
    os.utime(path, (stamp, stamp))


def eventually(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def run_on_save(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NBSTREAM_SERVER_RUN_ON_SAVE", "true")  # as config.toml or the CLI sets it
    config.reload()
    assert st.get_option("server.runOnSave") is True
    yield
    monkeypatch.delenv("NBSTREAM_SERVER_RUN_ON_SAVE")
    config.reload()


def test_server_run_on_save_reruns_the_saved_script_keeping_state(tmp_path, run_on_save):
    script = tmp_path / "app.py"
    script.write_text(APP.format("first"))
    app = App.from_file(str(script))
    try:
        assert titles(app) == ["first"]
        save(script, APP.format("saved"))
        assert eventually(lambda: app.session.idle and titles(app) == ["saved"])
        assert app.session_state["runs"] == 2
    finally:
        app.close()


def test_without_the_option_a_save_changes_nothing(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(APP.format("first"))
    app = App.from_file(str(script))
    try:
        save(script, APP.format("saved"))
        time.sleep(0.8)
        assert titles(app) == ["first"]
        assert app.session_state["runs"] == 1
    finally:
        app.close()
