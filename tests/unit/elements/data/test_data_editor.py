"""st.data_editor: edit state, validation of browser edits, results in the input's type."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from nbstream.elements._base import REQUEST_HANDLERS
from nbstream.testing import AppTest

COMMANDS = """
import nbstream as st, pandas as pd, numpy as np, pyarrow as pa
df = pd.DataFrame([
    {"command": "st.selectbox", "rating": 4, "is_widget": True},
    {"command": "st.balloons", "rating": 5, "is_widget": False},
    {"command": "st.time_input", "rating": 3, "is_widget": True},
])
"""


def run(body: str, **state) -> AppTest:
    at = AppTest.from_string(COMMANDS + body)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def serde_of(at: AppTest, index: int = 0):
    return at._session.state.widget_meta(at.data_editor[index].id).serde


def test_the_spec_example_favorite_command_follows_edits():
    at = run(
        """
edited_df = st.data_editor(df)
favorite_command = edited_df.loc[edited_df["rating"].idxmax()]["command"]
st.markdown(f"Your favorite command is **{favorite_command}** 🎈")
"""
    )
    assert "**st.balloons**" in at.markdown[0].value
    at.data_editor[0].edit(2, "rating", 9).run()
    assert "**st.time_input**" in at.markdown[0].value
    assert at.data_editor[0].value["rating"].tolist() == [4, 5, 9]
    assert at.data_editor[0].value["rating"].dtype == np.int64


def test_session_state_holds_the_edits_in_the_documented_format():
    at = run(
        """
st.data_editor(df, key="my_key", num_rows="dynamic")
st.write(st.session_state["my_key"])
st.text(repr(st.session_state["my_key"]))
"""
    )
    assert at.text[0].value == "{'edited_rows': {}, 'added_rows': [], 'deleted_rows': []}"
    at.data_editor[0].edit(0, "rating", 1).add_row(command="st.write", rating=2).delete_rows(1).run()
    assert at.text[0].value == (
        "{'edited_rows': {0: {'rating': 1}}, 'added_rows': [{'command': 'st.write', 'rating': 2}], "
        "'deleted_rows': [1]}"
    )
    result = at.data_editor[0].value
    assert result["command"].tolist() == ["st.selectbox", "st.time_input", "st.write"]
    assert result["rating"].tolist() == [1, 3, 2]


def test_a_state_set_before_the_run_applies_with_string_row_numbers():
    at = run(
        """
out = st.data_editor(df, key="ed", num_rows="dynamic")
st.text(f"rows={len(out)} commands={list(out['command'])} ratings={list(out['rating'])}")
""",
        ed={"edited_rows": {"0": {"rating": 7}}, "added_rows": [], "deleted_rows": [2]},
    )
    assert at.text[0].value == "rows=2 commands=['st.selectbox', 'st.balloons'] ratings=[7, 5]"


def test_added_rows_get_column_defaults_and_missing_values():
    at = run(
        """
config = {"rating": st.column_config.NumberColumn(default=1)}
out = st.data_editor(df, key="ed", num_rows="dynamic", column_config=config)
st.text(repr([out[c].tolist()[-1] for c in out.columns]))
st.text(str(out["rating"].dtype))
""",
        ed={"edited_rows": {}, "added_rows": [{"command": "new"}], "deleted_rows": []},
    )
    assert at.text[0].value == "['new', 1, None]"
    assert at.text[1].value == "int64"


@pytest.mark.parametrize(
    ("data", "state", "expected"),
    [
        (
            '["red", "green", "blue"]',
            {"edited_rows": {0: {"value": "pink"}}, "added_rows": [{"value": "cyan"}], "deleted_rows": [1]},
            "['pink', 'blue', 'cyan']",
        ),
        ('("a", "b")', {"edited_rows": {1: {"value": "z"}}}, "('a', 'z')"),
        (
            '{"st.text_area": "widget", "st.markdown": "element"}',
            {"edited_rows": {1: {"value": "x"}}},
            "{'st.text_area': 'widget', 'st.markdown': 'x'}",
        ),
        (
            '[{"name": "st.text_area", "type": "widget"}, {"name": "st.markdown", "type": "element"}]',
            {"added_rows": [{"name": "new"}]},
            "[{'name': 'st.text_area', 'type': 'widget'}, {'name': 'st.markdown', 'type': 'element'}, "
            "{'name': 'new', 'type': None}]",
        ),
        ('{"a": [1, 2], "b": [3, 4]}', {"edited_rows": {0: {"a": 10}}}, "{'a': [10, 2], 'b': [3, 4]}"),
        ('pd.Series([1, 2], name="s")', {"edited_rows": {0: {"s": 10}}}, "[10, 2] s"),
        (
            "np.array([[1.5, 2.0], [3.0, 4.0]])",
            {"edited_rows": {1: {"0": 9.5}}},
            "[[1.5, 2.0], [9.5, 4.0]] float64",
        ),
        (
            'np.array([["st.text_area", "widget"], ["st.markdown", "element"]])',
            {"edited_rows": {0: {"1": "zzz"}}},
            "[['st.text_area', 'zzz'], ['st.markdown', 'element']] object",
        ),
    ],
)
def test_results_come_back_in_the_input_type(data, state, expected):
    state = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **state}
    at = run(
        f"""
out = st.data_editor({data}, key="ed", num_rows="dynamic")
if isinstance(out, pd.Series):
    st.text(f"{{out.tolist()}} {{out.name}}")
elif isinstance(out, np.ndarray):
    st.text(f"{{out.tolist()}} {{out.dtype}}")
else:
    st.text(repr(out))
""",
        ed=state,
    )
    assert not at.exception, at.exception
    assert at.text[0].value == expected


def test_arrow_tables_come_back_as_arrow_tables():
    at = run(
        "out = st.data_editor(pa.table({'a': [1, 2]}), key='ed'); st.text(repr(out.column('a').to_pylist()))",
        ed={"edited_rows": {0: {"a": 10}}, "added_rows": [], "deleted_rows": []},
    )
    assert at.text[0].value == "[10, 2]"


def test_column_names_become_strings():
    at = run("out = st.data_editor(pd.DataFrame({1: [10], 2: [20]})); st.text(repr(list(out.columns)))")
    assert at.text[0].value == "['1', '2']"


def test_temporal_edits():
    at = run(
        """
data = pd.DataFrame({
    "d": [dt.date(2020, 1, 1)], "t": [dt.time(1, 2)], "when": pd.to_datetime(["2020-01-01 10:00"]),
    "zoned": pd.to_datetime(["2020-01-01 10:00"]).tz_localize("US/Eastern"),
})
out = st.data_editor(data, key="ed")
st.text(repr(out.iloc[0].tolist()))
""".replace("dt.", "datetime.").replace("data = ", "import datetime\ndata = "),
        ed={
            "edited_rows": {
                0: {
                    "d": "2021-02-03",
                    "t": "03:04:05",
                    "when": "2022-03-04T05:06:07",
                    "zoned": "2022-03-04T05:06:07",
                }
            },
            "added_rows": [],
            "deleted_rows": [],
        },
    )
    values = at.data_editor[0].value.iloc[0].tolist()
    assert values[0] == dt.date(2021, 2, 3)
    assert values[1] == dt.time(3, 4, 5)
    assert values[2] == pd.Timestamp("2022-03-04 05:06:07")
    assert values[3] == pd.Timestamp("2022-03-04 05:06:07", tz="US/Eastern")


# ---- validation of what the browser sends -------------------------------------------------------------------


CONFIGURED = """
config = {
    "command": st.column_config.TextColumn(max_chars=12, validate="^st\\\\.", required=True),
    "rating": st.column_config.NumberColumn(min_value=0, max_value=10),
    "kind": st.column_config.SelectboxColumn(options=["widget", "element"]),
}
data = df.assign(kind=["widget", "element", "widget"], when=[datetime.date(2020, 1, 1)] * 3)
import datetime
config["when"] = st.column_config.DateColumn(min_value=datetime.date(2019, 1, 1))
out = st.data_editor(data, key="ed", column_config=config, num_rows="dynamic", disabled=["is_widget"])
""".replace("data = df", "import datetime\ndata = df")


@pytest.mark.parametrize(
    "edit",
    [
        {"rating": "five"},
        {"rating": 11},
        {"rating": 2.5},
        {"rating": True},
        {"command": "x" * 13},
        {"command": "write"},
        {"command": None},
        {"kind": "gadget"},
        {"is_widget": False},
        {"when": "2018-12-31"},
        {"when": "not a date"},
        {"nope": 1},
    ],
)
def test_invalid_cell_edits_are_refused(edit):
    at = run(CONFIGURED)
    serde = serde_of(at)
    with pytest.raises(ValueError):
        serde.deserialize({"edited_rows": {"0": edit}, "added_rows": [], "deleted_rows": []})


def test_valid_edits_are_accepted_and_row_numbers_become_ints():
    at = run(CONFIGURED)
    state = serde_of(at).deserialize(
        {
            "edited_rows": {
                "1": {"rating": 10, "command": "st.write", "kind": "element", "when": "2020-05-05"}
            },
            "added_rows": [{"command": "st.new"}],
            "deleted_rows": [0],
        }
    )
    assert state["edited_rows"] == {
        1: {"rating": 10, "command": "st.write", "kind": "element", "when": "2020-05-05"}
    }


@pytest.mark.parametrize(
    "wire",
    [
        {"edited_rows": {"3": {"rating": 1}}},
        {"edited_rows": {"-1": {"rating": 1}}},
        {"deleted_rows": [0, 0]},
        {"deleted_rows": [7]},
        {"added_rows": [{"rating": 1}]},
        {"added_rows": "x"},
        {"surprise": 1},
        [],
    ],
)
def test_invalid_states_are_refused(wire):
    at = run(CONFIGURED)
    with pytest.raises(ValueError):
        serde_of(at).deserialize(wire)


def test_a_fixed_editor_refuses_added_and_deleted_rows():
    at = run("st.data_editor(df)")
    with pytest.raises(ValueError):
        serde_of(at).deserialize({"added_rows": [{"command": "x"}]})
    with pytest.raises(ValueError):
        serde_of(at).deserialize({"deleted_rows": [0]})


def test_an_invalid_edit_from_a_test_never_reaches_the_app():
    at = run("out = st.data_editor(df, column_config={'rating': st.column_config.NumberColumn(max_value=5)})")
    at.data_editor[0].edit(0, "rating", 99).run()
    assert at.data_editor[0].value["rating"].tolist() == [4, 5, 3]


def test_disabled_true_locks_every_column():
    at = run("st.data_editor(df, disabled=True)")
    assert all(c["disabled"] for c in at.data_editor[0].proto["columns"])
    with pytest.raises(ValueError):
        serde_of(at).deserialize({"edited_rows": {"0": {"rating": 1}}})


def test_an_incompatible_column_type_is_an_error_unless_disabled():
    at = run("st.data_editor(df, column_config={'rating': st.column_config.ListColumn()})")
    assert (
        "The configured column type `list` for column `rating` is not compatible for editing the underlying "
        "data type `integer`." in at.exception[0].value
    )
    at = run(
        "st.data_editor(df, column_config={'rating': st.column_config.ListColumn()}, disabled=['rating'])"
    )
    assert not at.exception


def test_two_identical_editors_need_keys():
    at = run("st.data_editor(df); st.data_editor(df)")
    assert "multiple identical `st.data_editor` widgets" in at.exception[0].value


def test_on_change_runs_before_the_script():
    at = run(
        """
def changed():
    st.session_state.seen = st.session_state.ed["edited_rows"]
st.data_editor(df, key="ed", on_change=changed)
st.text(repr(st.session_state.get("seen")))
"""
    )
    at.data_editor[0].edit(1, "command", "st.snow").run()
    assert at.text[0].value == "{1: {'command': 'st.snow'}}"


def test_the_editor_serves_the_edited_rows_with_their_row_numbers():
    at = run("st.data_editor(df, key='ed', num_rows='dynamic')")
    at.data_editor[0].delete_rows(0).add_row(command="st.new", rating=1).run()
    node = at.data_editor[0]._node
    table = pa.ipc.open_stream(node.props["data"]).read_all()
    assert table.column("_row").to_pylist() == [1, 2, 3]
    _, [blob] = REQUEST_HANDLERS["data_editor"](node, {"start": 0, "stop": 10, "search": "new"})
    assert pa.ipc.open_stream(blob).read_all().column("_row").to_pylist() == [3]


def test_the_empty_dataframe_example_collects_typed_rows():
    at = run(
        """
df = pd.DataFrame(columns=['name','age','color'])
colors = ['red', 'orange', 'yellow', 'green', 'blue', 'indigo', 'violet']
config = {
    'name' : st.column_config.TextColumn('Full Name (required)', width='large', required=True),
    'age' : st.column_config.NumberColumn('Age (years)', min_value=0, max_value=122),
    'color' : st.column_config.SelectboxColumn('Favorite Color', options=colors)
}
result = st.data_editor(df, column_config = config, num_rows='dynamic')
if st.button('Get results'):
    st.write(result)
"""
    )
    editor = at.data_editor[0]
    labels = [(c["label"], c["type"]) for c in editor.proto["columns"]]
    assert labels == [
        ("Full Name (required)", "text"),
        ("Age (years)", "number"),
        ("Favorite Color", "selectbox"),
    ]
    editor.add_row(name="Ann", age=30, color="red").run()
    with pytest.raises(ValueError):
        serde_of(at).deserialize({"added_rows": [{"age": 30}]})
    at.button[0].click().run()
    assert at.data_editor[0].value.to_dict("records") == [{"name": "Ann", "age": 30, "color": "red"}]
