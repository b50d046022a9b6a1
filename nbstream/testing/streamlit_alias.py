"""A pytest plugin: run an AppTest suite written for Streamlit unchanged, on nbstream.

``pytest -p nbstream.testing.streamlit_alias`` (or ``pytest_plugins =
["nbstream.testing.streamlit_alias"]`` in a ``conftest.py``) makes ``import streamlit``
give nbstream in the whole test process, so ``from streamlit.testing.v1 import AppTest``
is nbstream's AppTest.  Scripts run by AppTest need no plugin: inside app runs the alias
is on by default (``runner.aliasStreamlit``).
"""

from __future__ import annotations

from typing import Any

from nbstream.runtime import alias


def pytest_configure(config: Any) -> None:
    alias.alias_everywhere()


def pytest_unconfigure(config: Any) -> None:
    alias.alias_everywhere(False)
