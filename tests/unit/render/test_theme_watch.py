"""Spec 4.2: theme options in config.toml change a running app live; other options wait."""

from __future__ import annotations

import os
import textwrap
import time

import pytest

from nbstream import config
from nbstream.render import theme_watch
from nbstream.render.app import App
from nbstream.runtime.script import Script


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text('[theme]\nprimaryColor = "red"\n')
    config.reload()
    running = App(Script(textwrap.dedent("import nbstream as st\nst.text('hi')\n")))
    running.run(wait=10)
    assert running.widget.get_state()["_config"]["theme"] == {"primaryColor": "red"}
    yield running
    running.close()


def rewrite(path, text):
    path.write_text(text)
    stamp = time.time() + 5  # a distinct modification time, however coarse the file system's clock
    os.utime(path, (stamp, stamp))


def test_a_theme_change_reaches_the_widget(app, tmp_path):
    rewrite(tmp_path / ".streamlit" / "config.toml", '[theme]\nprimaryColor = "purple"\nbase = "dark"\n')
    assert theme_watch.check() is True
    assert app.widget.get_state()["_config"]["theme"] == {"primaryColor": "purple", "base": "dark"}
    assert theme_watch.check() is False  # nothing changed since


def test_set_option_survives_and_other_options_wait_for_a_restart(app, tmp_path):
    config.set_option("client.toolbarMode", "minimal")
    rewrite(tmp_path / ".streamlit" / "config.toml", '[theme]\nprimaryColor = "green"\n')
    theme_watch.check()
    assert config.get_option("client.toolbarMode") == "minimal"
    assert app.widget.get_state()["_config"]["theme"] == {"primaryColor": "green"}
    assert app.widget.get_state()["_config"]["toolbar_mode"] == "auto"  # shown as it started


def test_the_watcher_thread_notices_by_itself(app, tmp_path):
    rewrite(tmp_path / ".streamlit" / "config.toml", '[theme]\ntextColor = "#123456"\n')
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and app.widget.get_state()["_config"]["theme"] != {
        "textColor": "#123456"
    }:
        time.sleep(0.1)
    assert app.widget.get_state()["_config"]["theme"] == {"textColor": "#123456"}
