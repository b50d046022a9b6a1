"""st.vega_lite_chart and st.altair_chart: specs pass through, frames travel as Arrow."""

from __future__ import annotations

import pytest

from tests.unit.elements.charts.chart_helpers import decode, run_app

pytest.importorskip("altair")

POINT = "{'mark': 'point', 'encoding': {'x': {'field': 'a', 'type': 'quantitative'}}}"


def test_data_becomes_a_named_dataset(chart):
    c = chart(f"st.vega_lite_chart(df, {POINT})")
    assert c.spec["data"] == {"name": "source"}
    assert c.spec["mark"] == "point"
    assert decode(c.proto["datasets"]["source"][0])["a"].tolist() == [1, 2, 3]
    assert c.data["a"].tolist() == [1, 2, 3]


def test_a_dict_alone_is_the_spec_and_inline_values_stay_inline(chart):
    c = chart("st.vega_lite_chart({'data': {'values': [{'a': 1}]}, 'mark': 'bar'})")
    assert c.spec["data"] == {"values": [{"a": 1}]}
    assert c.proto["datasets"] == {}


def test_keyword_arguments_merge_into_the_spec(chart):
    c = chart(f"st.vega_lite_chart(df, {POINT}, title='T', width=200)")
    assert c.spec["title"] == "T"
    assert c.proto["width"] == 200


def test_dataframes_in_spec_datasets_travel_as_arrow(chart):
    c = chart("st.vega_lite_chart({'datasets': {'d': df}, 'data': {'name': 'd'}, 'mark': 'bar'})")
    assert "d" not in c.spec.get("datasets", {})
    assert c.datasets["d"]["b"].tolist() == [4, 5, 6]


def test_spec_is_required(error):
    assert error("st.vega_lite_chart(df)") == (
        "The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict."
    )


def test_theme_values(chart, error):
    assert chart(f"st.vega_lite_chart(df, {POINT}, theme=None)").proto["theme"] is None
    assert error(f"st.vega_lite_chart(df, {POINT}, theme='foo')") == (
        "Invalid `theme` value. Supported values: 'streamlit', None."
    )


def test_selections_need_a_selection_parameter_in_the_spec(error):
    message = error(f"st.vega_lite_chart(df, {POINT}, on_select='rerun')")
    assert "does not have any selections defined" in message


def test_altair_frames_leave_the_spec():
    at = run_app(
        """
        import altair as alt
        big = pd.DataFrame({'x': np.arange(20_000), 'y': np.arange(20_000) % 7})
        base = alt.Chart(big).encode(x='x', y='y')
        st.altair_chart(base.mark_line() + base.mark_point())
        """
    )
    assert not at.exception, at.exception
    c = at.altair_chart[0]
    spec = c.spec
    assert "datasets" not in spec or not spec["datasets"]
    assert spec["data"] == {"name": "data-0"}
    assert list(c.proto["datasets"]) == ["data-0"]  # the shared frame is sent once
    assert len(c.data) == 20_000  # past Altair's 5,000-row limit for inline data


def test_altair_spec_is_stable_across_runs():
    script = """
        import altair as alt
        n = st.session_state.setdefault('n', 0)
        st.session_state.n += 1
        st.altair_chart(alt.Chart(pd.DataFrame({'x': range(n + 2)})).mark_bar().encode(x='x'))
        """
    at = run_app(script)
    first = at.altair_chart[0].spec
    at.run()
    assert at.altair_chart[0].spec == first  # new rows, same spec: the browser swaps data only
    assert len(at.altair_chart[0].data) == 3


def test_altair_chart_needs_an_altair_chart(error):
    assert "expects an Altair chart" in error("st.altair_chart(df)")


def test_add_rows_appends_to_the_one_dataset():
    at = run_app(
        f"""
        c = st.vega_lite_chart(df, {POINT})
        c.add_rows(df.head(1))
        """
    )
    c = at.vega_lite_chart[0]
    assert len(c.proto["datasets"]["source"]) == 2
    assert len(c.data) == 4


def test_add_rows_needs_the_same_columns():
    at = run_app(
        f"""
        c = st.vega_lite_chart(df, {POINT})
        c.add_rows(df[['a']])
        """
    )
    assert at.exception[0].message.startswith("The rows to add have the columns ['a']")
