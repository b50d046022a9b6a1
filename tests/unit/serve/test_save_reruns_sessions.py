"""``server.runOnSave`` under ``nbstream serve``: a saved app reruns every session of the
kernel with the new script, each keeping its state; ``server.fileWatcherType = "none"``
turns it off."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from nbstream import config
from nbstream.runtime.script import Script
from nbstream.serve import kernel
from nbstream.serve.host import SessionHost

APP = "import nbstream as st\nst.session_state.runs = st.session_state.get('runs', 0) + 1\nst.text('{}')\n"


def texts(hosted: Any) -> list[str]:
    return [n.props.get("body", "") for n in hosted.session.tree.walk() if n.kind == "text"]


def save(path: Any, text: str) -> None:
    path.write_text(text)
    stamp = time.time() + 1  # a distinct mtime even on file systems with coarse clocks
    os.utime(path, (stamp, stamp))


def eventually(predicate: Any, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def options(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def set_options(run_on_save: bool, watcher: str) -> None:
        monkeypatch.setenv("NBSTREAM_SERVER_RUN_ON_SAVE", str(run_on_save).lower())
        monkeypatch.setenv("NBSTREAM_SERVER_FILE_WATCHER_TYPE", watcher)
        config.reload()

    yield set_options
    monkeypatch.delenv("NBSTREAM_SERVER_RUN_ON_SAVE", raising=False)
    monkeypatch.delenv("NBSTREAM_SERVER_FILE_WATCHER_TYPE", raising=False)
    config.reload()


def test_a_saved_script_reruns_every_session_keeping_their_state(tmp_path, options) -> None:
    options(True, "poll")
    path = tmp_path / "app.py"
    path.write_text(APP.format("first"))
    host = SessionHost(Script(path.read_text(), path=str(path)))
    watcher = kernel.watch(str(path), host)
    assert watcher is not None
    try:
        sessions = [host.open(f"s{i}", lambda *_: None) for i in range(3)]
        assert all(h.session.wait(10) for h in sessions)
        assert [texts(h) for h in sessions] == [["first"]] * 3
        save(path, APP.format("saved"))
        assert eventually(lambda: all(h.session.idle and texts(h) == ["saved"] for h in sessions))
        assert [h.session.state["runs"] for h in sessions] == [2, 2, 2]
        # A session opened afterwards runs the saved script too.
        late = host.open("late", lambda *_: None)
        assert late.session.wait(10) and texts(late) == ["saved"]
    finally:
        watcher.close()
        host.close_all()


def test_no_watching_without_run_on_save_or_with_file_watching_off(tmp_path, options) -> None:
    path = tmp_path / "app.py"
    path.write_text(APP.format("first"))
    host = SessionHost(Script(path.read_text(), path=str(path)))
    options(False, "auto")
    assert kernel.watch(str(path), host) is None
    options(True, "none")
    assert kernel.watch(str(path), host) is None


def test_a_saved_notebook_gives_its_new_app_cell_over_the_setup_globals(tmp_path) -> None:
    old = Script("st.text(X)", seed={"X": "from setup"}, folder=str(tmp_path))
    notebook = {
        "cells": [
            {"cell_type": "code", "source": "X = 'setup again'"},
            {"cell_type": "code", "source": "%%stapp\nst.text(X + '!')"},
        ]
    }
    new = kernel.saved_script(str(tmp_path / "app.ipynb"), json.dumps(notebook), old)
    assert new.source == "st.text(X + '!')"
    assert new.seed is old.seed and new.folder == str(tmp_path)
