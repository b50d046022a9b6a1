"""st.altair_chart / st.vega_lite_chart with on_select: the docs' selection example, the
state, callbacks, selection_mode and errors."""

from __future__ import annotations

import pytest
from apphelpers import run

ALTAIR = """
import altair as alt
import pandas as pd
import nbstream as st

df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [4.0, 5.0, 6.0], "c": [7.0, 8.0, 9.0]})
point_selector = alt.selection_point("point_selection")
interval_selector = alt.selection_interval("interval_selection")
chart = (
    alt.Chart(df)
    .mark_circle()
    .encode(x="a", y="b", size="c", color="c", tooltip=["a", "b", "c"],
            fillOpacity=alt.condition(point_selector, alt.value(1), alt.value(0.3)))
    .add_params(point_selector, interval_selector)
)
def seen():
    st.session_state.seen = sorted(st.session_state.alt_chart.selection)
event = st.altair_chart(chart, key="alt_chart", on_select=seen)
st.text(repr(event))
st.text(f"interval={event.selection.interval_selection} seen={st.session_state.get('seen')}")
"""


def test_the_docs_altair_example_starts_with_empty_selections():
    pytest.importorskip("altair")
    at = run(ALTAIR)
    assert at.text[0].value == "{'selection': {'point_selection': {}, 'interval_selection': {}}}"


def test_a_selection_reaches_the_app_after_the_callback():
    pytest.importorskip("altair")
    at = run(ALTAIR)
    at.altair_chart[0].set_selection({"interval_selection": {"a": [1.5, 3.0], "b": [4.0, 6.0]}}).run()
    assert at.text[1].value == (
        "interval={'a': [1.5, 3.0], 'b': [4.0, 6.0]} seen=['interval_selection', 'point_selection']"
    )
    at.altair_chart[0].set_selection({"point_selection": [{"a": 2.0, "b": 5.0, "c": 8.0}]}).run()
    assert "'point_selection': [{'a': 2.0, 'b': 5.0, 'c': 8.0}]" in at.text[0].value


def test_selection_mode_picks_parameters_and_the_wire_is_checked():
    spec = {
        "mark": "point",
        "params": [{"name": "brush", "select": "interval"}, {"name": "pick", "select": "point"}],
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    }
    at = run(
        f"""
        import nbstream as st
        event = st.vega_lite_chart({{"values": [{{"a": 1}}]}}, {spec!r}, on_select="rerun", selection_mode="brush")
        st.text(repr(event.selection))
        """
    )
    assert at.text[0].value == "{'brush': {}}"
    with pytest.raises(ValueError, match="names only the chart's selection parameters"):
        at.vega_lite_chart[0].set_selection({"pick": [{"a": 1}]})


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.vega_lite_chart({"mark": "bar"}, on_select="rerun")',
            "Selections are activated, but the provided chart spec does not have any selections defined.",
        ),
        (
            'st.vega_lite_chart({"mark": "bar", "params": [{"name": "p", "select": "point"}]}, '
            'on_select="rerun", selection_mode="q")',
            "Selection parameter 'q' is not defined in the chart spec. Available selection parameters are: ['p'].",
        ),
        (
            'st.vega_lite_chart({"mark": "bar"}, on_select=5)',
            "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
    ],
)
def test_errors(call, message):
    at = run(f"import nbstream as st\n{call}")
    assert message in at.exception[0].message


def test_add_rows_by_dataset_name():
    at = run(
        """
        import pandas as pd
        import nbstream as st
        from nbstream.errors import StreamlitAPIException
        spec = {
            "layer": [
                {"data": {"name": "first"}, "mark": "line", "encoding": {"x": {"field": "a", "type": "quantitative"}}},
                {"data": {"name": "second"}, "mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}}},
            ],
            "datasets": {"first": pd.DataFrame({"a": [1, 2]}), "second": pd.DataFrame({"a": [5]})},
        }
        chart = st.vega_lite_chart(spec)
        chart.add_rows(second=pd.DataFrame({"a": [6, 7]}))
        try:
            chart.add_rows(pd.DataFrame({"a": [3]}))
        except StreamlitAPIException as e:
            st.text(str(e))
        try:
            chart.add_rows(third=pd.DataFrame({"a": [3]}))
        except StreamlitAPIException as e:
            st.text(str(e))
        """
    )
    chart = at.vega_lite_chart[0]
    assert list(chart.datasets["second"]["a"]) == [5, 6, 7]
    assert list(chart.datasets["first"]["a"]) == [1, 2]
    assert "name the one to extend: `add_rows(name=df)`" in at.text[0].value
    assert "The chart has no dataset named 'third'" in at.text[1].value
