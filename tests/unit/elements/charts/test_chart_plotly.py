"""st.plotly_chart: the figure as a JSON blob; plotly.js served from the kernel."""

from __future__ import annotations

import json

import pytest

from nbstream.elements._base import REQUEST_HANDLERS
from nbstream.runtime.tree import Node
from tests.unit.elements.charts.chart_helpers import run_app

pytest.importorskip("plotly")


def test_figure_spec_and_blob():
    at = run_app(
        """
        import plotly.express as px
        st.plotly_chart(px.bar(df, x='c', y='b'), config={'displayModeBar': False}, theme=None, height=300)
        """
    )
    c = at.plotly_chart[0]
    assert isinstance(c.proto["figure"], bytes)
    assert json.loads(c.proto["figure"]) == c.spec
    assert c.spec["data"][0]["type"] == "bar"
    assert c.data == c.spec["data"]
    assert c.proto["config"] == {"displayModeBar": False}
    assert (c.proto["theme"], c.proto["height"], c.proto["width"]) == (None, 300, "stretch")


def test_dicts_and_trace_lists_are_figures(chart):
    c = chart("st.plotly_chart([{'type': 'scatter', 'y': [1, 3, 2]}])")
    assert c.spec["data"][0]["y"] == [1, 3, 2]
    c = chart("st.plotly_chart({'data': [{'type': 'bar', 'y': [1]}], 'layout': {'title': {'text': 'T'}}})")
    assert c.spec["layout"]["title"]["text"] == "T"


def test_the_kernel_answers_with_plotly_js():
    import plotly

    handler = REQUEST_HANDLERS["plotly_chart"]
    content, buffers = handler(Node("plotly_chart"), {"asset": "plotly.js"})
    assert content == {"version": plotly.__version__}
    assert len(buffers) == 1 and b"plotly" in buffers[0][:2000].lower()
    with pytest.raises(ValueError):
        handler(Node("plotly_chart"), {"asset": "../../etc/passwd"})


def test_errors(error):
    assert "could not read the figure" in error("st.plotly_chart(5)")
    assert (
        error("st.plotly_chart([], theme='x')")
        == "Invalid `theme` value. Supported values: 'streamlit', None."
    )
