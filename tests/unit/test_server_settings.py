"""Server options that map onto the Jupyter server `nbstream run` starts
(``nbstream.launch``): XSRF, CORS, the URL the browser opens, and file watching.

The browser-side check of the defaults (an allowed origin, a POST without its XSRF
token refused) is tests/e2e/test_theme_login_voila.py.
"""

from __future__ import annotations

import json
import time

import pytest

from nbstream import config
from nbstream.launch import browser_url, tornado_settings
from nbstream.render import app as app_module


@pytest.fixture
def options(tmp_path, monkeypatch):
    """Set command-line options (the highest layer) for the test."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)

    def set_flags(**flags: object) -> None:
        monkeypatch.setenv(config.CLI_OPTIONS_ENV, json.dumps(flags))
        config.reload()

    yield set_flags
    monkeypatch.delenv(config.CLI_OPTIONS_ENV, raising=False)
    config.reload()


def test_defaults_keep_jupyters_protections(options):
    options()
    assert tornado_settings() == {}  # XSRF checked, cross-origin refused: Jupyter's defaults


def test_xsrf_protection_off(options):
    options(**{"server.enableXsrfProtection": False})
    assert tornado_settings() == {"disable_check_xsrf": True}


def test_cors_off_allows_every_origin(options):
    options(**{"server.enableCORS": False, "server.corsAllowedOrigins": ["http://a.example"]})
    assert tornado_settings() == {"allow_origin": "*"}


def test_cors_allowed_origins_are_matched_exactly(options):
    import re

    options(**{"server.corsAllowedOrigins": ["http://a.example", "https://b.example:8443/"]})
    pattern = re.compile(tornado_settings()["allow_origin_pat"])
    assert pattern.match("http://a.example")
    assert pattern.match("https://b.example:8443")
    assert not pattern.match("http://a.example.evil.test")
    assert not pattern.match("http://aXexample")  # the dot is not a wildcard


def test_cors_origins_from_the_environment(options, monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_CORS_ALLOWED_ORIGINS", "http://a.example,http://b.example")
    options()
    assert tornado_settings()["allow_origin_pat"] == r"^(http://a\.example|http://b\.example)$"


def test_browser_address_and_port(options):
    options()
    assert browser_url("http://0.0.0.0:8501/app/") == "http://0.0.0.0:8501/app/"
    options(**{"browser.serverAddress": "apps.example", "browser.serverPort": 443})
    assert browser_url("https://localhost:8501/app/") == "https://apps.example:443/app/"
    options(**{"browser.serverAddress": "apps.example"})
    assert browser_url("http://localhost:8501/") == "http://apps.example:8501/"


def test_file_watcher_none_turns_off_run_on_save_and_the_theme_watch(options, tmp_path, monkeypatch):
    watched: list[object] = []
    monkeypatch.setattr(app_module.theme_watch, "watch", watched.append)
    script = tmp_path / "app.py"
    script.write_text("import nbstream as st\nst.text('one')\n")

    options(**{"server.runOnSave": True, "server.fileWatcherType": "none"})
    assert app_module.watching_files() is False
    quiet = app_module.App.from_file(str(script))
    assert quiet._watcher is None
    _ = quiet.widget  # building the widget (displaying the app) would start the theme watch
    assert watched == []

    options(**{"server.runOnSave": True, "server.fileWatcherType": "poll"})
    live = app_module.App.from_file(str(script))
    try:
        assert live._watcher is not None
        _ = live.widget
        assert watched == [live]
        script.write_text("import nbstream as st\nst.text('two')\n")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "two" not in live.session.script.source:
            time.sleep(0.1)
        assert "two" in live.session.script.source
    finally:
        live.unwatch()
