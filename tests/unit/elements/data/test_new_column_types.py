"""Streamlit 1.67's AudioColumn, VideoColumn, MarkdownColumn and MultiselectColumn: their
configs, and what st.data_editor accepts from the browser for them (js/test/columns.test.js
draws and edits them)."""

from __future__ import annotations

import inspect

import pytest

import nbstream as st
from nbstream.errors import StreamlitMissingRequiredParameterError
from nbstream.testing import AppTest

APP = """
import nbstream as st, pandas as pd
df = pd.DataFrame({
    "tags": [["exploration"], ["llm", "visualization"]],
    "notes": ["**first**", "second"],
    "clip": ["https://example.org/a.mp3", None],
    "film": ["https://example.org/a.mp4", None],
})
out = st.data_editor(df, key="ed", column_config={
    "tags": st.column_config.MultiselectColumn(
        "Tags", options=["exploration", "visualization", "llm"], color=["red", "primary"],
        format_func=lambda o: o.upper(), default=["llm"],
    ),
    "notes": st.column_config.MarkdownColumn("Notes", default="*new*"),
    "clip": st.column_config.AudioColumn("Clip"),
    "film": st.column_config.VideoColumn("Film", alignment="center"),
}, num_rows="dynamic")
st.text(repr(out["tags"].tolist()) + " " + repr(out["notes"].tolist()))
"""


def columns(at: AppTest) -> dict[str, dict]:
    return {c["name"]: c for c in at.data_editor[0].proto["columns"]}


def serde_of(at: AppTest):
    return at._session.state.widget_meta(at.data_editor[0].id).serde


def test_the_configs_reach_the_grid():
    at = AppTest.from_string(APP).run()
    assert not at.exception
    cols = columns(at)
    assert cols["tags"]["type"] == "multiselect"
    assert cols["tags"]["config"]["format_labels"] == ["EXPLORATION", "VISUALIZATION", "LLM"]
    assert cols["tags"]["config"]["color"] == ["red", "primary"]
    assert cols["tags"]["default"] == ["llm"] and not cols["tags"]["disabled"]
    assert cols["notes"]["type"] == "markdown" and not cols["notes"]["disabled"]
    assert cols["clip"]["type"] == "audio" and cols["clip"]["disabled"]  # players are read-only
    assert cols["film"]["type"] == "video" and cols["film"]["alignment"] == "center"


def test_edits_come_back_as_lists_of_options_and_markdown_text():
    at = AppTest.from_string(APP).run()
    at.data_editor[0].edit(0, "tags", ["llm", "exploration"]).edit(1, "notes", "# Two").run()
    assert at.text[0].value == "[['llm', 'exploration'], ['llm', 'visualization']] ['**first**', '# Two']"


@pytest.mark.parametrize(
    "edit",
    [{"tags": ["unknown"]}, {"tags": "llm"}, {"tags": [1]}, {"notes": 5}, {"clip": "https://x.org/b.mp3"}],
)
def test_edits_a_user_could_not_make_are_refused(edit):
    at = AppTest.from_string(APP).run()
    with pytest.raises(ValueError):
        serde_of(at).deserialize({"edited_rows": {"0": edit}, "added_rows": [], "deleted_rows": []})


def test_new_options_are_accepted_when_asked_for():
    at = AppTest.from_string(
        APP.replace("format_func=lambda o: o.upper(),", "accept_new_options=True,")
    ).run()
    state = serde_of(at).deserialize(
        {"edited_rows": {"0": {"tags": ["brand new"]}}, "added_rows": [], "deleted_rows": []}
    )
    assert state["edited_rows"] == {0: {"tags": ["brand new"]}}


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("AudioColumn", ["label", "width", "help", "pinned", "alignment"]),
        ("VideoColumn", ["label", "width", "help", "pinned", "alignment"]),
        (
            "MarkdownColumn",
            ["label", "width", "help", "disabled", "required", "pinned", "alignment", "default"],
        ),
        (
            "ButtonColumn",
            ["label", "width", "help", "pinned", "alignment", "type", "on_click", "args", "kwargs", "key"],
        ),
        (
            "MultiselectColumn",
            [
                "label",
                "width",
                "help",
                "disabled",
                "required",
                "pinned",
                "default",
                "options",
                "accept_new_options",
                "color",
                "format_func",
            ],
        ),
    ],
)
def test_signatures_match_streamlit_1_67(name, params):
    signature = inspect.signature(getattr(st.column_config, name))
    assert list(signature.parameters) == params
    assert all(p.default is None for n, p in signature.parameters.items() if n != "type")


# ---- ButtonColumn -------------------------------------------------------------------------------

BUTTONS = """
import nbstream as st, pandas as pd
df = pd.DataFrame({"name": ["Alice", "Bob"], "view": [":material/visibility: View", "Open"]})

def handle_view():
    click = st.session_state.view_click
    st.session_state.log = f"{click['row']} {click.label} {df.iloc[click.row]['name']}"

config = {"view": st.column_config.ButtonColumn("", type="tertiary", on_click=handle_view, key="view_click")}
if st.query_params.get("editor"):
    st.data_editor(df, column_config=config)
else:
    st.dataframe(df, column_config=config)
st.text(f"state={st.session_state.get('view_click')!r} log={st.session_state.get('log')}")
"""


def button_column(at: AppTest) -> dict:
    element = at.data_editor[0] if at.data_editor else at.dataframe[0]
    return next(c for c in element.proto["columns"] if c["name"] == "view")


@pytest.mark.parametrize("editor", [False, True])
def test_a_button_click_runs_the_callback_with_the_click_in_session_state(editor):
    at = AppTest.from_string(BUTTONS)
    if editor:
        at.query_params["editor"] = "1"
    at.run()
    col = button_column(at)
    assert col["type"] == "button" and col["disabled"]
    assert col["config"]["button_type"] == "tertiary"
    wid = col["config"]["widget_id"]
    assert at.text[0].value == "state=None log=None"
    at._session.click(wid, {wid: {"row": 1, "label": "Open"}})  # as the grid's button sends it
    assert at._session.wait(5)
    assert at.text[0].value == "state={'row': 1, 'label': 'Open'} log=1 Open Bob"
    at.run()
    assert at.text[0].value == "state=None log=1 Open Bob"  # the click lasts one run


@pytest.mark.parametrize(
    "wire",
    [{"row": 2, "label": "x"}, {"row": -1, "label": "x"}, {"row": "0", "label": "x"}, {"row": 0}, "click"],
)
def test_clicks_the_table_could_not_send_are_refused(wire):
    at = AppTest.from_string(BUTTONS).run()
    meta = at._session.state.widget_meta(button_column(at)["config"]["widget_id"])
    with pytest.raises(ValueError):
        meta.serde.deserialize(wire)


def test_without_a_key_a_button_column_is_a_plain_config_and_a_callback_needs_one():
    config = st.column_config.ButtonColumn("Go")
    assert config["type_config"] == {"type": "button", "button_type": "secondary"} and config["disabled"]
    with pytest.raises(StreamlitMissingRequiredParameterError, match="The `key` parameter is required"):
        st.column_config.ButtonColumn("Go", on_click=print)
    result = st.column_config.ButtonColumn("Go", key="k")
    assert result.key == "k" and result.config["label"] == "Go"
