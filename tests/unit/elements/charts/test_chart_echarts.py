"""st.echarts_chart: options (dicts, JSON, DataFrames inside), sizes, errors, selections."""

from __future__ import annotations

import pytest

from nbstream.elements.charts.echarts import EChartsSelectionSerde
from nbstream.runtime.widgets import InvalidWireValue
from tests.unit.elements.charts.chart_helpers import run_app

BAR = {
    "xAxis": {"type": "category", "data": ["a", "b"]},
    "yAxis": {"type": "value"},
    "series": [{"type": "bar", "data": [1, 2]}],
}


def test_an_option_is_drawn_with_streamlits_defaults(chart):
    c = chart(f"st.echarts_chart({BAR!r})")
    assert c.type == "echarts_chart"
    assert c.spec == BAR and c.value == BAR
    p = c.proto
    assert (p["width"], p["height"], p["theme"], p["renderer"], p["alt"]) == (
        "stretch",
        "content",
        "streamlit",
        "canvas",
        None,
    )
    assert p["selecting"] is False and not c.id


def test_dataframes_and_arrays_in_the_option_become_rows(chart):
    c = chart(
        """st.echarts_chart({"dataset": {"source": df[["c", "a"]]}, "series": [{"type": "bar", "data": np.array([1, 2])}]},
        renderer="svg", theme=None, height=300, width=500, alt=" My  chart ")"""
    )
    assert c.spec["dataset"]["source"] == [["c", "a"], ["x", 1], ["y", 2], ["x", 3]]
    assert c.spec["series"][0]["data"] == [1, 2]
    assert (c.proto["renderer"], c.proto["theme"], c.proto["height"], c.proto["width"]) == (
        "svg",
        None,
        300,
        500,
    )
    assert c.proto["alt"] == "My chart"


def test_a_json_string_and_a_pyecharts_like_object(chart):
    assert chart("st.echarts_chart('{\"series\": []}')").spec == {"series": []}
    c = chart(
        """
        class Bar:
            def dump_options(self):
                return '{"title": {"text": "T"}}'
        st.echarts_chart(Bar())
        """.strip().replace("\n        ", "\n"),
        kind="echarts_chart",
    )
    assert c.spec == {"title": {"text": "T"}}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.echarts_chart("x")',
            "The provided ECharts spec could not be parsed as JSON. `st.echarts_chart` only supports JSON-compatible option objects.",
        ),
        ("st.echarts_chart({'a': object()})", "could not be parsed as JSON"),
        ("st.echarts_chart({'a': float('nan')})", "could not be parsed as JSON"),
        ("st.echarts_chart({}, theme='dark')", "Invalid `theme` value. Supported values: 'streamlit', None."),
        (
            "st.echarts_chart({}, renderer='webgl')",
            "Invalid `renderer` value. Supported values: 'canvas', 'svg'.",
        ),
        (
            "st.echarts_chart({}, on_select='x')",
            "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        ("st.echarts_chart({}, height=-1)", "Invalid height value: -1."),
        ("st.echarts_chart({}, width='wide')", "Invalid width value: 'wide'."),
    ],
)
def test_errors(error, call, message):
    assert message in error(call)


def test_on_select_returns_the_state_and_a_selection_reruns_with_it():
    at = run_app(
        f"""
        def picked():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        event = st.echarts_chart({BAR!r}, on_select=picked, key="bars")
        st.session_state.rows = event.selection.selected[0]["data_indices"] if event.selection.selected else []
        st.session_state.areas = event["selection"]["areas"]
        """
    )
    assert at.session_state.rows == [] and at.session_state.areas == []
    chart = at.get("echarts_chart")[0]
    assert chart.selection == {"selection": {"selected": [], "areas": []}}
    wire = {
        "selected": [
            {
                "series_index": 0,
                "series_id": None,
                "series_name": "Sales",
                "data_type": "main",
                "data_indices": [1, 0, 1],
            }
        ],
        "areas": [{"brush_index": 0, "brush_type": "rect", "coord_range": [[0, 1.5], [0, 2]]}],
    }
    chart.set_selection(wire).run()
    assert at.session_state.rows == [0, 1]
    assert at.session_state.areas == [
        {"brush_index": 0, "brush_type": "rect", "coord_range": [[0, 1.5], [0, 2]]}
    ]
    assert at.session_state.calls == 1
    assert at.session_state.bars.selection.selected[0]["series_name"] == "Sales"


@pytest.mark.parametrize(
    "wire",
    [
        None,
        {"selected": "all"},
        {"other": []},
        {
            "selected": [
                {
                    "series_index": -1,
                    "series_id": None,
                    "series_name": None,
                    "data_type": "main",
                    "data_indices": [],
                }
            ]
        },
        {
            "selected": [
                {
                    "series_index": 0,
                    "series_id": None,
                    "series_name": None,
                    "data_type": "x",
                    "data_indices": [],
                }
            ]
        },
        {
            "selected": [
                {
                    "series_index": 0,
                    "series_id": None,
                    "series_name": None,
                    "data_type": "main",
                    "data_indices": [True],
                }
            ]
        },
        {"selected": [{"series_index": 0, "data_indices": [1]}]},
        {"areas": [{"brush_index": 0, "brush_type": "circle", "coord_range": [1, 2]}]},
        {"areas": [{"brush_index": 0, "brush_type": "rect", "coord_range": [[{"x": 1}]]}]},
    ],
)
def test_bad_selections_from_the_browser_are_refused(wire):
    with pytest.raises(InvalidWireValue):
        EChartsSelectionSerde().deserialize(wire)
