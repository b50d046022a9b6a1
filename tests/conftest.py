"""Shared fixtures: every test starts from the default configuration and no secrets files."""

from __future__ import annotations

import pytest

from nbstream import config
from nbstream.secrets import secrets


@pytest.fixture(autouse=True)
def _fresh_config(tmp_path_factory, monkeypatch):
    """Config and secrets are read from an empty home and project, and re-read per test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in list(__import__("os").environ):
        if name.startswith(("NBSTREAM_", "STREAMLIT_")):
            monkeypatch.delenv(name)
    config.reload()
    secrets.reload()
    yield
    config.reload()
    secrets.reload()
