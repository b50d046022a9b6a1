"""st.line_chart, st.area_chart, st.bar_chart, st.scatter_chart: data shapes, encodings, errors."""

from __future__ import annotations

import pytest

from tests.unit.elements.charts.chart_helpers import decode, run_app

INDEX, SERIES, VALUE = "index--nbs", "series--nbs", "value--nbs"


def enc(chart):
    spec = chart.spec
    return (spec["layer"][0] if "layer" in spec else spec)["encoding"]


# ---- wide data ------------------------------------------------------------------------


def test_wide_data_is_melted_against_the_index(chart):
    c = chart("st.line_chart(df[['a', 'b']])")
    e = enc(c)
    assert e["x"] == {
        "field": INDEX,
        "type": "quantitative",
        "axis": {"grid": False, "tickMinStep": 1},
        "title": "",
    }
    assert e["y"]["field"] == VALUE and e["y"]["title"] == ""
    assert e["color"]["field"] == SERIES and e["color"]["sort"] == ["a", "b"]
    assert c.data.to_dict("list") == {
        INDEX: [0, 1, 2, 0, 1, 2],
        SERIES: list("aaabbb"),
        VALUE: [1, 2, 3, 4, 5, 6],
    }


def test_axes_over_whole_numbers_tick_at_whole_numbers(chart):
    # Streamlit's rule: tickMinStep 1 on an axis of an integer column (no "2,000.5"
    # between years on a wide chart), none over floats; grid lines on y only.
    c = chart("st.line_chart(pd.DataFrame({'year': [2000, 2001], 'v': [0.5, 1.5]}), x='year', y='v')")
    assert enc(c)["x"]["axis"] == {"grid": False, "tickMinStep": 1}
    assert enc(c)["y"]["axis"] == {"grid": True}
    c = chart("st.scatter_chart(pd.DataFrame({'x': [0.1, 0.2], 'n': [1, 2]}), x='x', y='n')")
    assert enc(c)["x"]["axis"] == {"grid": False}
    assert enc(c)["y"]["axis"] == {"grid": True, "tickMinStep": 1}


def test_the_sent_chunk_is_the_data(chart):
    c = chart("st.area_chart(df[['a', 'b']])")
    chunks = c.proto["datasets"]["source"]
    assert len(chunks) == 1
    assert decode(chunks[0]).equals(c.data)


def test_several_y_columns_against_an_x_column(chart):
    c = chart("st.line_chart(df, x='a', y=['b', 's'])")
    e = enc(c)
    assert e["x"]["field"] == "a" and e["x"]["title"] == "a"
    assert list(c.data.columns) == ["a", SERIES, VALUE]
    assert c.data[SERIES].tolist() == ["b"] * 3 + ["s"] * 3


def test_mixed_columns_melt_to_text_like_streamlit(chart):
    c = chart("st.line_chart(df[['a', 'c']])")
    assert enc(c)["y"]["type"] == "nominal"
    assert c.data[VALUE].tolist() == ["1", "2", "3", "x", "y", "x"]


@pytest.mark.parametrize(
    ("data", "columns"),
    [
        ("[1, 2, 3]", ["value"]),
        ("np.arange(3)", ["value"]),
        ("pd.Series([1, 2], name='n')", ["n"]),
        ("{'q': [1, 2], 'r': [3, 4]}", ["q", "r"]),
        ("np.array([[1, 2], [3, 4]])", ["0", "1"]),
    ],
)
def test_accepted_inputs(chart, data, columns):
    c = chart(f"st.line_chart({data})")
    if len(columns) == 1:
        assert enc(c)["y"]["field"] == columns[0]
    else:
        assert c.data[SERIES].unique().tolist() == columns


def test_a_named_datetime_index_is_a_temporal_x(chart):
    c = chart(
        "st.line_chart(pd.DataFrame({'v': [1, 2]}, index=pd.date_range('2024-01-01', periods=2, name='when')))"
    )
    e = enc(c)
    assert e["x"]["field"] == "when" and e["x"]["type"] == "temporal" and e["x"]["title"] == ""
    chunk = decode(c.proto["datasets"]["source"][0])
    assert str(chunk["when"].dtype).startswith("datetime64[ms")


def test_string_index_is_nominal(chart):
    assert (
        enc(chart("st.line_chart(pd.DataFrame({'v': [1, 2]}, index=['p', 'q']))"))["x"]["type"] == "nominal"
    )


# ---- long data ------------------------------------------------------------------------


def test_long_data_with_a_color_column(chart):
    c = chart("st.line_chart(df, x='a', y='b', color='c')")
    e = enc(c)
    # The legend goes below the chart, as Streamlit places it.
    assert e["color"] == {"field": "c", "type": "nominal", "title": "c", "legend": {"orient": "bottom"}}
    assert e["y"]["title"] == "b"
    assert list(c.data.columns) == ["a", "c", "b"]


def test_a_color_column_of_colors_is_used_as_is(chart):
    assert enc(chart("st.line_chart(df, x='a', y='b', color='h')"))["color"]["scale"] is None


def test_a_numeric_color_column_is_quantitative(chart):
    assert enc(chart("st.scatter_chart(df, x='a', y='b', color='s')"))["color"]["type"] == "quantitative"


@pytest.mark.parametrize(
    ("color", "value"),
    [
        ("'#ff0000'", "#ff0000"),
        ("'red'", "red"),
        ("(255, 0, 0)", "rgb(255, 0, 0)"),
        ("(1.0, 0.0, 0.0, 0.5)", "rgba(255, 0, 0, 0.5)"),
    ],
)
def test_one_color(chart, color, value):
    assert enc(chart(f"st.line_chart(df, x='a', y='b', color={color})"))["color"] == {"value": value}


def test_one_color_per_series(chart):
    e = enc(chart("st.line_chart(df, x='a', y=['b', 's'], color=['#f00', '#00f'])"))
    assert e["color"]["scale"] == {"domain": ["b", "s"], "range": ["#f00", "#00f"]}


def test_labels_override_titles(chart):
    e = enc(chart("st.line_chart(df, x='a', y='b', x_label='X', y_label='Y')"))
    assert (e["x"]["title"], e["y"]["title"]) == ("X", "Y")


def test_field_names_with_dots_are_escaped(chart):
    e = enc(chart("st.line_chart(pd.DataFrame({'a.b': [1, 2], 'c[0]': [3, 4]}), x='a.b', y='c[0]')"))
    assert e["x"]["field"] == "a\\.b" and e["y"]["field"] == "c\\[0\\]"


# ---- marks, stacking, sizes -----------------------------------------------------------


def test_bar_chart_x_is_ordinal_and_horizontal_swaps_axes(chart):
    e = enc(chart("st.bar_chart(df, x='c', y='b')"))
    assert e["x"]["type"] == "ordinal" and e["y"]["field"] == "b"
    e = enc(chart("st.bar_chart(df, x='c', y='b', horizontal=True)"))
    assert e["y"]["field"] == "c" and e["x"]["field"] == "b"


@pytest.mark.parametrize(
    ("stack", "expected"),
    [("True", "zero"), ("'normalize'", "normalize"), ("'center'", "center"), ("False", False)],
)
def test_bar_stack(chart, stack, expected):
    e = enc(chart(f"st.bar_chart(df, x='c', y=['a', 'b'], stack={stack})"))
    assert e["y"]["stack"] == expected
    assert ("xOffset" in e) == (expected is False)  # side by side


def test_bar_stack_default_is_vega_lites(chart):
    assert "stack" not in enc(chart("st.bar_chart(df, x='c', y=['a', 'b'])"))["y"]


def test_area_charts_overlap_by_default(chart):
    e = enc(chart("st.area_chart(df[['a', 'b']])"))
    assert e["y"]["stack"] is False and e["opacity"] == {"value": 0.7}
    assert enc(chart("st.area_chart(df[['a', 'b']], stack=True)"))["y"]["stack"] == "zero"


def test_bar_sort(chart):
    assert enc(chart("st.bar_chart(df, x='c', y='b', sort='-b')"))["x"]["sort"] == {
        "field": "sort--nbs",
        "order": "descending",
    }
    assert enc(chart("st.bar_chart(df, x='c', y='b', sort=False)"))["x"]["sort"] is None
    assert "sort" not in enc(chart("st.bar_chart(df, x='c', y='b')"))["x"]


def test_scatter_size(chart):
    assert enc(chart("st.scatter_chart(df, x='a', y='b', size='s')"))["size"]["field"] == "s"
    assert enc(chart("st.scatter_chart(df, x='a', y='b', size=80)"))["size"] == {"value": 80.0}
    assert chart("st.scatter_chart(df, x='a', y='b')").spec["mark"]["type"] == "circle"


def test_line_chart_layers_a_hover_point(chart):
    spec = chart("st.line_chart(df, x='a', y='b')").spec
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point"]
    assert spec["data"] == {"name": "source"}


@pytest.mark.parametrize(
    ("args", "width", "height"),
    [
        ("", "stretch", "content"),
        ("width=300, height=200", 300, 200),
        ("use_container_width=False", "content", "content"),
    ],
)
def test_sizes(chart, args, width, height):
    c = chart(f"st.line_chart(df, x='a', y='b', {args})")
    assert (c.proto["width"], c.proto["height"]) == (width, height)
    assert c.proto["theme"] == "streamlit"


# ---- errors, with Streamlit's messages ------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "st.line_chart(df, x='zz')",
        "st.line_chart(df, y=['a', 'zz'])",
        "st.bar_chart(df, x='c', y='b', sort='zz')",
    ],
)
def test_missing_columns(error, line):
    assert error(line) == 'Data does not have a column named `"zz"`. Available columns are `a, b, c, h, s`'


def test_color_list_length(error):
    assert error("st.line_chart(df, x='a', y=['b', 's'], color=['#ff0000'])") == (
        "The list of colors `['#ff0000']` must have the same length as the list of columns to be colored `['b', 's']`."
    )


def test_invalid_color(error):
    assert error("st.line_chart(df, x='a', y='b', color='zz')").startswith(
        "This does not look like a valid color argument: `zz`."
    )


def test_invalid_stack(error):
    assert error("st.bar_chart(df, stack='bogus')") == (
        "Invalid `stack` value. Supported values: True, False, 'normalize', 'center', 'layered', None."
    )


def test_invalid_size(error):
    assert error("st.scatter_chart(df, x='a', y='b', size='zz')") == (
        "Invalid `size` value. Supported values: a column name, a number. Got 'zz'."
    )


def test_invalid_width_and_height(error):
    assert error("st.line_chart(df, width='foo')") == (
        "Invalid width value: 'foo'. Width must be either a positive integer (pixels), 'stretch', or 'content'."
    )
    assert error("st.line_chart(df, height=-3)").startswith("Invalid height value: -3.")


def test_unconvertible_data(error):
    assert (
        error("st.line_chart(5)") == "Unable to convert object of type `<class 'int'>` to `pandas.DataFrame`."
    )


# ---- add_rows -------------------------------------------------------------------------


def test_add_rows_appends_one_chunk_and_continues_the_index():
    at = run_app(
        """
        c = st.line_chart(df[['a', 'b']])
        c.add_rows(pd.DataFrame({'a': [7], 'b': [8]}))
        c.add_rows(pd.DataFrame({'a': [9], 'b': [10]}))
        """
    )
    c = at.line_chart[0]
    chunks = c.proto["datasets"]["source"]
    assert len(chunks) == 3
    assert decode(chunks[1]).to_dict("list") == {INDEX: [3, 3], SERIES: ["a", "b"], VALUE: [7, 8]}
    assert decode(chunks[2])[INDEX].tolist() == [4, 4]
    assert len(c.data) == 10


def test_add_rows_to_long_data_keeps_its_shape():
    at = run_app(
        """
        c = st.scatter_chart(df, x='a', y='b', color='c', size='s')
        c.add_rows(pd.DataFrame({'a': [4], 'b': [7], 'c': ['z'], 's': [40], 'h': ['#000']}))
        """
    )
    data = at.scatter_chart[0].data
    assert list(data.columns) == ["a", "c", "s", "b"]
    assert data.iloc[-1].tolist() == [4, "z", 40, 7]


def test_add_rows_to_an_empty_chart_builds_it():
    at = run_app(
        """
        c = st.bar_chart()
        c.add_rows(df[['a', 'b']])
        """
    )
    c = at.bar_chart[0]
    assert enc(c)["color"]["field"] == SERIES
    assert len(c.data) == 6


def test_add_rows_without_the_charts_columns_fails():
    at = run_app(
        """
        c = st.line_chart(df, x='a', y='b')
        c.add_rows(pd.DataFrame({'a': [4]}))
        """
    )
    assert at.exception[0].message.startswith('Data does not have a column named `"b"`')
