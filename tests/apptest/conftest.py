"""Fixtures for the AppTest suites."""

from __future__ import annotations

import pytest


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder as the working directory (where pytest would run)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
