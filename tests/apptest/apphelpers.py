"""Helpers for the AppTest suites (imported as ``apphelpers``; no package __init__ needed)."""

from __future__ import annotations

import textwrap

from nbstream.testing import AppTest

TIMEOUT = 10.0


def app(source: str) -> AppTest:
    """An AppTest for an inline script, not yet run."""
    return AppTest.from_string(textwrap.dedent(source), default_timeout=TIMEOUT)


def run(source: str) -> AppTest:
    """An AppTest for an inline script, after its first run."""
    return app(source).run()


def values(elements) -> list:
    return [e.value for e in elements]
