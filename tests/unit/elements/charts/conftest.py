"""Fixtures for the chart tests."""

from __future__ import annotations

import pytest

from tests.unit.elements.charts.chart_helpers import run_app


@pytest.fixture
def chart():
    """``chart("st.line_chart(df)")`` -> the first chart element the line makes."""

    def make(line: str, kind: str | None = None):
        at = run_app(line)
        assert not at.exception, at.exception[0].value
        kind = kind or line.split("(")[0].split(".")[-1]
        return at.get(kind)[0]

    return make


@pytest.fixture
def error():
    """``error("st.line_chart(df, x='zz')")`` -> the message of the exception it raises."""

    def make(line: str) -> str:
        at = run_app(line)
        assert at.exception, "expected an exception"
        return at.exception[0].message

    return make
