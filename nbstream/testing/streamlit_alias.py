"""A pytest plugin: run an AppTest suite written for Streamlit unchanged, on nbstream.

Opt in once per project -- ``addopts = "-p nbstream.testing.streamlit_alias"`` under
``[tool.pytest.ini_options]`` (pyproject.toml) or ``[pytest]`` (pytest.ini), or
``pytest_plugins = ["nbstream.testing.streamlit_alias"]`` in a ``conftest.py`` -- or per
run with ``pytest -p nbstream.testing.streamlit_alias``.  It makes ``import streamlit``
give nbstream in the whole test process, so ``from streamlit.testing.v1 import AppTest``
is nbstream's AppTest.  Installing nbstream never loads it (no entry point): a project
that tests a real Streamlit keeps it.  Scripts run by AppTest need no plugin: inside app runs the alias
is on by default (``runner.aliasStreamlit``).
"""

from __future__ import annotations

from typing import Any

from nbstream.runtime import alias


def pytest_configure(config: Any) -> None:
    alias.alias_everywhere()


def pytest_unconfigure(config: Any) -> None:
    alias.alias_everywhere(False)
