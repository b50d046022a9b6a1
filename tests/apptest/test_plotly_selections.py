"""st.plotly_chart(on_select=...): the selection state, Session State, callbacks, errors."""

from __future__ import annotations

import pytest
from apphelpers import run

APP = """
import nbstream as st
import plotly.express as px
fig = px.scatter(x=[1, 2, 3], y=[4, 5, 6])
def picked():
    st.session_state.picked = len(st.session_state.chart.selection.points)
event = st.plotly_chart(fig, key="chart", on_select=picked, selection_mode=("points", "box"))
st.text(f"points={event.selection.points} indices={event['selection']['point_indices']} box={event.selection.box}")
st.text(f"picked={st.session_state.get('picked')} same={st.session_state.chart == event}")
"""


def test_an_empty_selection_first():
    pytest.importorskip("plotly")
    at = run(APP)
    assert at.text[0].value == "points=[] indices=[] box=[]"
    chart = at.plotly_chart[0]
    assert chart.selection == {"selection": {"points": [], "point_indices": [], "box": [], "lasso": []}}
    assert chart.spec["data"][0]["type"] == "scatter"  # the figure still reads


def test_a_selection_reruns_after_the_callback():
    pytest.importorskip("plotly")
    at = run(APP)
    point = {"curve_number": 0, "point_number": 1, "point_index": 1, "x": 2, "y": 5}
    box = {"xref": "x", "yref": "y", "x": [1.5, 2.5], "y": [4.5, 5.5]}
    at.plotly_chart[0].select(points=[point], point_indices=[1], box=[box]).run()
    assert at.text[0].value == f"points=[{point}] indices=[1] box=[{box}]"
    assert at.text[1].value == "picked=1 same=True"


def test_a_selection_the_chart_does_not_offer_is_refused():
    pytest.importorskip("plotly")
    at = run(APP)
    with pytest.raises(ValueError, match="mode the chart does not allow"):
        at.plotly_chart[0].select(lasso=[{"x": [1, 2, 3], "y": [4, 5, 6]}])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            'on_select="always"',
            "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        ('on_select="rerun", selection_mode="circle"', "Invalid selection mode: circle."),
    ],
)
def test_errors(args, message):
    pytest.importorskip("plotly")
    at = run(f"import nbstream as st\nst.plotly_chart({{'data': []}}, {args})")
    assert message in at.exception[0].message


def test_without_on_select_the_chart_is_a_picture():
    pytest.importorskip("plotly")
    at = run("import nbstream as st\nst.plotly_chart({'data': [{'type': 'bar', 'y': [1, 2]}]})")
    assert at.plotly_chart[0].selection is None
