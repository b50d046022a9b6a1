"""st.dataframe, st.table, st.metric, st.json: values, props, windows, sorting, search, add_rows."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pytest

import nbstream as st
from nbstream.elements._base import REQUEST_HANDLERS
from nbstream.elements.delta_generator import ADD_ROWS
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.testing import AppTest


def run(body: str, **state) -> AppTest:
    at = AppTest.from_string("import nbstream as st, pandas as pd, numpy as np, pyarrow as pa\n" + body)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def arrow(blob: bytes) -> pa.Table:
    return pa.ipc.open_stream(blob).read_all()


def ask(element, **payload):
    """Ask an element's request handler as the browser would; returns (content, Arrow table)."""
    node = element._node
    content, buffers = REQUEST_HANDLERS[node.kind](node, payload)
    return content, buffers[0]


# ---- what st.dataframe accepts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "columns", "index"),
    [
        ("pd.DataFrame([1, 2, 3])", [0], [0, 1, 2]),
        ("[1, 2, 3]", ["value"], [0, 1, 2]),
        ("(1, 2, 3)", ["value"], [0, 1, 2]),
        ("{'a': [1, 2], 'b': [3, 4]}", ["a", "b"], [0, 1]),
        ("{'k1': 'v1', 'k2': 'v2'}", ["value"], ["k1", "k2"]),
        ("np.array([[1, 2], [3, 4]])", [0, 1], [0, 1]),
        ("np.array([1, 2, 3])", ["value"], [0, 1, 2]),
        ("pd.Series([1, 2], name='x')", ["x"], [0, 1]),
        ("pa.table({'a': [1, 2]})", ["a"], [0, 1]),
        ("[{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}]", ["a", "b"], [0, 1]),
        ("[[1, 2], [3, 4]]", [0, 1], [0, 1]),
        ("pd.DataFrame({'a': [1.5, 2.0]}).style.format('{:.1f}')", ["a"], [0, 1]),
        ("None", [], []),
    ],
)
def test_dataframe_value_is_the_data_as_a_dataframe(source, columns, index):
    at = run(f"st.dataframe({source})")
    value = at.dataframe[0].value
    assert isinstance(value, pd.DataFrame)
    assert list(value.columns) == columns
    assert list(value.index) == index


def test_objects_with_to_pandas_are_accepted():
    at = run(
        """
class Lazy:
    def to_pandas(self):
        return pd.DataFrame({"z": [7]})
st.dataframe(Lazy())
"""
    )
    assert at.dataframe[0].value["z"].tolist() == [7]


def test_unsupported_data_is_an_api_error():
    at = run("st.dataframe(object())")
    assert "Unable to convert object of type" in at.exception[0].value


def test_cheat_sheet_values():
    at = run(
        """
st.dataframe(pd.DataFrame([1, 2, 3]))
st.metric("My metric", 9500, 1000)
st.json(["hi", {"foo": "bar"}])
st.table(pd.DataFrame([1, 2, 3]))
"""
    )
    assert at.dataframe[0].value.equals(pd.DataFrame([1, 2, 3]))
    assert at.metric[0].value == "9500"
    assert at.metric[0].delta == "1000"
    assert at.json[0].value == '["hi", {"foo": "bar"}]'
    assert at.table[0].value.equals(pd.DataFrame([1, 2, 3]))


# ---- the wire: columns, Arrow, windows -------------------------------------------------------------


def test_rows_travel_as_arrow_ipc_bytes_with_the_columns_described():
    at = run("st.dataframe(pd.DataFrame({'a': [1, 2], 'b': ['x', 'y']}, index=['r1', 'r2']))")
    props = at.dataframe[0].proto
    assert isinstance(props["data"], bytes)
    table = arrow(props["data"])
    assert table.column("_row").to_pylist() == [0, 1]
    names = [(c["name"], c["index"], c["type"]) for c in props["columns"]]
    assert names == [("", True, "text"), ("a", False, "number"), ("b", False, "text")]
    assert table.column("f0").to_pylist() == ["r1", "r2"]
    assert table.column("f1").to_pylist() == [1, 2]


def test_a_large_frame_sends_only_its_first_rows_and_the_rest_on_request():
    at = run("st.dataframe(pd.DataFrame({'n': np.arange(50_000)}))")
    element = at.dataframe[0]
    first = arrow(element.proto["data"])
    assert element.proto["rows"] == 50_000 and not element.proto["whole"]
    assert first.num_rows == 100
    content, blob = ask(element, op="rows", start=25_000, stop=25_100)
    assert content["rows"] == 50_000
    assert arrow(blob).column("f1").to_pylist() == list(range(25_000, 25_100))


def test_sorting_runs_in_the_kernel_over_all_rows():
    at = run("st.dataframe(pd.DataFrame({'n': [3, 1, None, 2] * 100_000}))")
    element = at.dataframe[0]
    n = next(c["field"] for c in element.proto["columns"] if c["name"] == "n")
    _, blob = ask(element, start=0, stop=3, sort=[n, "asc"])
    assert arrow(blob).column(n).to_pylist() == [1, 1, 1]
    _, blob = ask(element, start=0, stop=2, sort=[n, "desc"])
    table = arrow(blob)
    assert table.column(n).to_pylist() == [3, 3]
    assert table.column("_row").to_pylist() == [0, 4]
    # Missing values sort last either way.
    _, blob = ask(element, start=399_999, stop=400_000, sort=[n, "desc"])
    assert arrow(blob).column(n).to_pylist() == [None]


def test_search_filters_rows_containing_the_text_in_any_shown_column():
    at = run("st.dataframe(pd.DataFrame({'name': ['Ann', 'bob', 'Bobby', 'eve'], 'n': [10, 20, 30, 40]}))")
    element = at.dataframe[0]
    content, blob = ask(element, start=0, stop=10, search="BOB")
    assert content["rows"] == 2
    assert arrow(blob).column("_row").to_pylist() == [1, 2]
    content, blob = ask(element, start=0, stop=10, search="40")
    assert arrow(blob).column("_row").to_pylist() == [3]


def test_search_and_sort_combine():
    at = run("st.dataframe(pd.DataFrame({'name': ['b1', 'a', 'b3', 'b2']}))")
    element = at.dataframe[0]
    name = element.proto["columns"][1]["field"]
    _content, blob = ask(element, start=0, stop=10, search="b", sort=[name, "desc"])
    assert arrow(blob).column(name).to_pylist() == ["b3", "b2", "b1"]


@pytest.mark.parametrize(
    "payload",
    [
        {"start": -1},
        {"start": "0"},
        {"sort": ["nope", "asc"]},
        {"sort": ["f1", "sideways"]},
        {"search": 5},
        {"op": "drop_table"},
    ],
)
def test_bad_requests_are_refused(payload):
    at = run("st.dataframe(pd.DataFrame({'a': [1]}))")
    with pytest.raises(ValueError):
        ask(at.dataframe[0], **payload)


def test_csv_download_chunks():
    at = run("st.dataframe(pd.DataFrame({'a': [1, 2, 3], 'b': ['x', 'y', 'z']}), hide_index=True)")
    node = at.dataframe[0]._node
    content, [first] = REQUEST_HANDLERS["dataframe"](node, {"op": "csv", "start": 0, "stop": 2})
    _, [rest] = REQUEST_HANDLERS["dataframe"](node, {"op": "csv", "start": 2, "stop": 3})
    assert (first + rest).decode() == "a,b\n1,x\n2,y\n3,z\n"
    assert content["rows"] == 3


def test_styler_display_values_and_colors_travel_beside_the_values():
    at = run(
        """
df = pd.DataFrame({"price": [1.5, 20.25]})
st.dataframe(df.style.format("${:.2f}").map(lambda v: "color: red" if v > 10 else ""))
"""
    )
    element = at.dataframe[0]
    table = arrow(element.proto["data"])
    field = element.proto["columns"][1]["field"]
    assert table.column(field).to_pylist() == [1.5, 20.25]
    assert table.column("d" + field[1:]).to_pylist() == ["$1.50", "$20.25"]
    assert table.column("s" + field[1:]).to_pylist() == ["", "color:red"]
    assert element.value["price"].tolist() == [1.5, 20.25]


# ---- arguments -----------------------------------------------------------------------------------------


def test_column_order_hide_index_and_column_config():
    at = run(
        """
df = pd.DataFrame({"a": [1], "b": [2], "c": [3]})
st.dataframe(df, column_order=["c", "a"], hide_index=True,
             column_config={"a": st.column_config.NumberColumn("Alpha", format="%d $", help="h"), "c": "Gamma"})
st.dataframe(df, column_config={"b": None, "_index": "Row"})
"""
    )
    cols = at.dataframe[0].proto["columns"]
    assert [(c["name"], c["label"]) for c in cols] == [("c", "Gamma"), ("a", "Alpha")]
    assert cols[1]["config"]["format"] == "%d $" and cols[1]["help"] == "h"
    cols = at.dataframe[1].proto["columns"]
    assert [(c["name"], c["label"]) for c in cols] == [("", "Row"), ("a", "a"), ("c", "c")]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            "width=-1",
            "Invalid width value: -1. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "height=0",
            "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            "on_select='bogus'",
            "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
        ("on_select='rerun', selection_mode='bogus'", "Invalid `selection_mode` value."),
        (
            "on_select='rerun', selection_mode=['single-row', 'multi-row']",
            "`selection_mode='multi-row'` and `selection_mode='single-row'` cannot be used together. "
            "Only one row selection mode can be specified.",
        ),
        ("column_config={'a': 5}", "Invalid column config for column `a`"),
    ],
)
def test_argument_errors(call, message):
    at = run(f"st.dataframe(pd.DataFrame({{'a': [1]}}), {call})")
    assert message in at.exception[0].value


def test_sizes():
    at = run(
        """
df = pd.DataFrame({"a": [1]})
st.dataframe(df)
st.dataframe(df, width=300, height=200)
st.dataframe(df, use_container_width=True, width=300)
"""
    )
    sizes = [(e.proto["width"], e.proto["height"]) for e in at.dataframe]
    assert sizes == [("stretch", "auto"), (300, 200), ("stretch", "auto")]


# ---- selections -------------------------------------------------------------------------------------------


def test_selection_is_returned_and_kept_in_session_state():
    script = """
ev = st.dataframe(pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]}), key="df", on_select="rerun",
                  selection_mode=["multi-row", "multi-column"])
st.text(f"rows={ev.selection.rows} columns={ev.selection.columns}")
st.text(repr(st.session_state.df))
"""
    at = run(script)
    assert at.text[0].value == "rows=[] columns=[]"
    at.dataframe[0].select_rows([0, 2]).select_columns(["b"]).run()
    assert at.text[0].value == "rows=[0, 2] columns=['b']"
    assert "'rows': [0, 2]" in at.text[1].value


def test_a_selection_set_through_session_state_keeps_what_the_modes_allow():
    at = run(
        """
ev = st.dataframe(pd.DataFrame({"a": [1, 2]}), key="df", on_select="rerun")
st.text(repr(ev))
""",
        df={"selection": {"rows": [1], "columns": ["a"]}},
    )
    assert at.text[0].value == "{'selection': {'rows': [1], 'columns': [], 'cells': []}}"


def test_selection_callback_runs_before_the_script():
    at = run(
        """
def picked():
    st.session_state.log = list(st.session_state.df.selection.rows)
st.dataframe(pd.DataFrame({"a": [1, 2]}), key="df", on_select=picked, selection_mode="single-row")
st.text(repr(st.session_state.get("log")))
"""
    )
    at.dataframe[0].select_rows([1]).run()
    assert at.text[0].value == "[1]"


def test_invalid_selections_from_the_browser_are_dropped():
    at = run(
        "ev = st.dataframe(pd.DataFrame({'a': [1, 2]}), on_select='rerun'); st.text(repr(ev.selection.rows))"
    )
    serde = at._session.state.widget_meta(at.dataframe[0].id).serde
    for bad in [
        {"selection": {"rows": [5]}},
        {"selection": {"columns": ["zz"]}},
        "x",
        {"selection": {"rows": [True]}},
    ]:
        with pytest.raises(ValueError):
            serde.deserialize(bad)


def test_dataframe_without_on_select_returns_its_element():
    at = run("el = st.dataframe(pd.DataFrame({'a': [1]})); st.text(type(el).__name__)")
    assert at.text[0].value == "DeltaGenerator"


# ---- timezones (spec 1.5) -------------------------------------------------------------------------------


def test_naive_datetimes_travel_as_is_and_zoned_ones_as_wall_time_plus_offset():
    at = run(
        """
from datetime import datetime
st.dataframe(pd.DataFrame({
    "naive": [datetime(2020, 1, 10, 10, 30)],
    "zoned": pd.to_datetime(["2020-01-10 10:30"]).tz_localize("EST"),
    "berlin": pd.to_datetime(["2020-07-01 12:00"]).tz_localize("Europe/Berlin"),
}), hide_index=True)
"""
    )
    table = arrow(at.dataframe[0].proto["data"])
    wall = [table.column(f).to_pylist()[0] for f in ("f0", "f1", "f2")]
    assert wall == [
        dt.datetime(2020, 1, 10, 10, 30),
        dt.datetime(2020, 1, 10, 10, 30),
        dt.datetime(2020, 7, 1, 12),
    ]
    assert "o0" not in table.column_names
    assert table.column("o1").to_pylist() == [-300]
    assert table.column("o2").to_pylist() == [120]


def test_write_shows_datetimes_in_their_own_zone():
    at = run(
        """
from datetime import datetime, timedelta, timezone
st.write(datetime(2020, 1, 10, 10, 30))
st.write(datetime(2020, 1, 10, 10, 30, tzinfo=timezone(timedelta(hours=-5))))
"""
    )
    assert "2020-01-10 10:30:00" in at.markdown[0].value
    assert "2020-01-10 10:30:00-05:00" in at.markdown[1].value


# ---- add_rows ----------------------------------------------------------------------------------------------


def test_add_rows_appends_and_sends_only_the_new_rows():
    at = run(
        """
t = st.table(pd.DataFrame({"A": [1, 2]}))
d = st.dataframe(pd.DataFrame({"A": [1, 2]}))
for tick in range(2):
    t.add_rows(pd.DataFrame({"A": [10 + tick]}))
    d.add_rows(pd.DataFrame({"A": [10 + tick]}))
"""
    )
    for element in (at.table[0], at.dataframe[0]):
        assert element.value["A"].tolist() == [1, 2, 10, 11]
        assert list(element.value.index) == [0, 1, 2, 3]
        props = element.proto
        assert props["rows"] == 4
        assert arrow(props["data"]).num_rows == 2
        assert [arrow(chunk).column("_row").to_pylist() for chunk in props["tail"]] == [[2], [3]]


def test_add_rows_to_a_large_dataframe_sends_nothing_but_the_count():
    at = run(
        """
d = st.dataframe(pd.DataFrame({"A": np.arange(5000)}))
d.add_rows(pd.DataFrame({"A": [-1]}))
"""
    )
    element = at.dataframe[0]
    assert element.proto["rows"] == 5001 and element.proto["tail"] == []
    _, blob = ask(element, start=5000, stop=5001)
    assert arrow(blob).column("f1").to_pylist() == [-1]


def test_add_rows_to_an_empty_dataframe_takes_the_new_columns():
    at = run("e = st.dataframe(pd.DataFrame()); e.add_rows(pd.DataFrame({'B': [3]}))")
    assert at.dataframe[0].value["B"].tolist() == [3]
    assert [c["name"] for c in at.dataframe[0].proto["columns"]][-1] == "B"


def test_add_rows_with_other_columns_is_an_error():
    at = run("d = st.dataframe(pd.DataFrame({'A': [1]})); d.add_rows(pd.DataFrame({'Z': [3]}))")
    assert "add_rows() needs the same columns" in at.exception[0].value.replace("`", "")


def test_data_kinds_register_their_hooks():
    assert {"dataframe", "table"} <= set(ADD_ROWS)
    assert {"dataframe", "table", "data_editor"} <= set(REQUEST_HANDLERS)


# ---- st.metric -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "body", "delta", "direction", "color"),
    [
        ("'m', 9500, 1000", "9500", "1000", "up", "green"),
        ("'m', None, -5.5", "—", "-5.5", "down", "red"),
        ("'m', 'x', '-2%', delta_color='inverse'", "x", "-2%", "down", "green"),
        ("'m', 1.0, 0", "1.0", "0", "none", "gray"),
        ("'m', 1.0, ''", "1.0", "", "none", "gray"),
        ("'m', 3, 2, delta_color='off'", "3", "2", "up", "gray"),
        ("'m', 3, '+2', delta_color='inverse'", "3", "+2", "up", "red"),
    ],
)
def test_metric(args, body, delta, direction, color):
    at = run(f"st.metric({args})")
    metric = at.metric[0]
    assert (metric.value, metric.delta) == (body, delta)
    assert (metric.proto["direction"], metric.proto["color"]) == (direction, color)


def test_metric_errors():
    assert "delta_color only accepts" in run("st.metric('m', 1, 1, delta_color='blue')").exception[0].value
    assert "value only accepts: int, float, str, or None" in run("st.metric('m', [1])").exception[0].value
    assert "Unsupported label_visibility" in run("st.metric('m', 1, label_visibility='x')").exception[0].value


# ---- st.json ---------------------------------------------------------------------------------------------------


def test_json():
    at = run(
        """
import datetime
st.json(["hi", {"foo": "bar"}])
st.json('{"a": 1}')
st.json({"a": [1, 2]}, expanded=2)
st.json({"d": datetime.date(2020, 1, 1)}, expanded=False)
st.json(pd.Series([1, 2]))
"""
    )
    assert [j.value for j in at.json] == [
        '["hi", {"foo": "bar"}]',
        '{"a": 1}',
        '{"a": [1, 2]}',
        '{"d": "datetime.date(2020, 1, 1)"}',
        '{"0": 1, "1": 2}',
    ]
    assert [j.expanded for j in at.json] == [True, True, 2, False, True]
    assert "`expanded` is not supported" in run("st.json({}, expanded='yes')").exception[0].value


# ---- st.column_config -----------------------------------------------------------------------------------------


def test_column_config_objects_are_plain_dicts():
    import nbstream.column_config as cc

    assert cc is st.column_config
    assert st.column_config.NumberColumn("N", min_value=0, max_value=10, step=1, format="%d", default=3) == {
        "label": "N",
        "width": None,
        "help": None,
        "disabled": None,
        "required": None,
        "pinned": None,
        "alignment": None,
        "default": 3,
        "type_config": {"type": "number", "min_value": 0, "max_value": 10, "format": "%d", "step": 1},
    }
    assert st.column_config.TimeColumn(step=dt.timedelta(minutes=5), min_value=dt.time(1))["type_config"] == {
        "type": "time",
        "format": None,
        "min_value": "01:00:00",
        "max_value": None,
        "step": 300.0,
    }
    assert st.column_config.LineChartColumn(y_min=0, y_max=10)["type_config"] == {
        "type": "line_chart",
        "y_min": 0,
        "y_max": 10,
        "color": None,
    }
    kinds = {name: getattr(cc, name)()["type_config"]["type"] for name in cc.__all__ if name != "Column"}
    assert set(kinds.values()) == {
        "text",
        "number",
        "checkbox",
        "selectbox",
        "datetime",
        "date",
        "time",
        "list",
        "link",
        "image",
        "line_chart",
        "bar_chart",
        "area_chart",
        "progress",
        "json",
        "audio",
        "video",
        "markdown",
        "multiselect",
        "button",
    }
    with pytest.raises(StreamlitAPIException):
        cc.Column(width="huge")
