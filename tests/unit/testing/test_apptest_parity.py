"""Every public name of Streamlit 1.67's ``streamlit.testing.v1`` exists on nbstream's AppTest.

The lists below were read from Streamlit 1.67 installed in a throw-away venv (``dir()`` of
each class and of the elements of an app that draws them; the fields Streamlit's elements
read from their protobuf message are listed separately).  They are kept here so CI needs
no Streamlit.  Each name is checked on a reference app: attributes read without error,
methods are callable.  Classes of elements nbstream does not draw yet (chat, media,
pills, ...) are skipped until their ``st.*`` command exists.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

import nbstream as st
from nbstream.testing.v1 import AppTest, AppTestError

COMMON = ["key", "proto", "root", "run", "type", "value"]
BLOCK = ["children", "get", "get_by_key", "key", "proto", "root", "run", "type"]
WIDGET_FIELDS = ["id", "label", "help", "disabled", "form_id"]  # read from the message

# Streamlit 1.67: class -> public names (dir() of class and instance).
STREAMLIT_NAMES: dict[str, list[str]] = {
    "AppTest": [
        "args",
        "context",
        "default_timeout",
        "from_file",
        "from_function",
        "from_string",
        "get",
        "get_by_key",
        "kwargs",
        "main",
        "query_params",
        "run",
        "secrets",
        "session_state",
        "sidebar",
        "switch_page",
        "user",
    ],
    "ElementList": ["len", "values"],
    "WidgetList": ["len", "values"],
    "BlockList": ["len"],
    "Block": BLOCK,
    "SpecialBlock": BLOCK,
    "Column": [*BLOCK, "gap", "weight"],
    "Tab": [*BLOCK, "label"],
    "Expander": [*BLOCK, "icon", "label"],
    "Status": [*BLOCK, "icon", "label", "state"],
    "ChatMessage": [*BLOCK, "avatar", "name"],
    "Button": [*COMMON, "click", "set_value"],
    "ButtonGroup": [
        *COMMON,
        "format_func",
        "formatted_values",
        "indices",
        "options",
        "select",
        "set_value",
        "unselect",
    ],
    "Caption": [*COMMON, "is_caption"],
    "ChatInput": [*COMMON, "clear", "set_value", "upload"],
    "Checkbox": [*COMMON, "check", "set_value", "uncheck"],
    "Code": COMMON,
    "ColorPicker": [*COMMON, "pick", "set_value"],
    "Dataframe": [*COMMON, "editing_mode"],
    "DateInput": [*COMMON, "max", "min", "set_value"],
    "Divider": [*COMMON, "is_caption"],
    "DownloadButton": [*COMMON, "click", "set_value"],
    "Error": COMMON,
    "Exception": [*COMMON, "is_markdown", "stack_trace"],
    "Feedback": [*COMMON, "set_value"],
    "Header": [*COMMON, "icon"],
    "Help": [*COMMON, "doc_string", "name"],
    "Html": COMMON,
    "Info": COMMON,
    "Json": COMMON,
    "Latex": [*COMMON, "is_caption"],
    "LinkButton": COMMON,
    "Markdown": [*COMMON, "is_caption"],
    "Metric": COMMON,
    "Multiselect": [
        *COMMON,
        "format_func",
        "indices",
        "options",
        "select",
        "set_value",
        "unselect",
        "values",
    ],
    "NumberInput": [*COMMON, "decrement", "increment", "max", "min", "set_value"],
    "Progress": [*COMMON, "text"],
    "Radio": [*COMMON, "format_func", "index", "options", "set_value"],
    "SelectSlider": [*COMMON, "format_func", "options", "set_range", "set_value"],
    "Selectbox": [*COMMON, "format_func", "index", "options", "select", "select_index", "set_value"],
    "Slider": [*COMMON, "set_range", "set_value"],
    "Subheader": [*COMMON, "icon"],
    "Success": COMMON,
    "Table": COMMON,
    "Text": COMMON,
    "TextArea": [*COMMON, "input", "set_value"],
    "TextInput": [*COMMON, "input", "set_value"],
    "TimeInput": [*COMMON, "decrement", "increment", "set_value"],
    "Title": [*COMMON, "icon"],
    "Toast": COMMON,
    "Toggle": [*COMMON, "set_value"],
    "Warning": COMMON,
}

# Fields Streamlit's elements give from their protobuf message (``Element.__getattr__``).
MESSAGE_FIELDS: dict[str, list[str]] = {
    "Button": WIDGET_FIELDS,
    "Checkbox": WIDGET_FIELDS,
    "Toggle": WIDGET_FIELDS,
    "Radio": [*WIDGET_FIELDS, "horizontal", "captions"],
    "Selectbox": [*WIDGET_FIELDS, "placeholder"],
    "Multiselect": [*WIDGET_FIELDS, "placeholder", "max_selections"],
    "Slider": [*WIDGET_FIELDS, "min", "max", "step", "options", "format", "data_type"],
    "SelectSlider": WIDGET_FIELDS,
    "NumberInput": [*WIDGET_FIELDS, "step", "format", "placeholder"],
    "TextInput": [*WIDGET_FIELDS, "max_chars", "placeholder", "autocomplete"],
    "TextArea": [*WIDGET_FIELDS, "max_chars", "placeholder"],
    "DateInput": [*WIDGET_FIELDS, "is_range", "format"],
    "TimeInput": [*WIDGET_FIELDS, "step"],
    "ColorPicker": WIDGET_FIELDS,
    "DownloadButton": WIDGET_FIELDS,
    "Title": ["body", "anchor", "help", "divider"],
    "Markdown": ["body", "allow_html", "help"],
    "Code": ["code_text", "language", "show_line_numbers", "wrap_lines"],
    "Text": ["body", "help"],
    "Success": ["body", "icon"],
    "Exception": ["message", "stack_trace"],
    "Json": ["body", "expanded", "max_expand_depth"],
    "Metric": ["label", "body", "delta", "help", "label_visibility"],
    "Help": ["doc_string", "name"],
    "Progress": ["value", "text"],
    "Toast": ["body", "icon"],
    "Column": ["weight", "vertical_alignment", "show_border"],
    "Expander": ["label", "expanded", "icon"],
    "Status": ["label", "expanded", "state"],
}

REFERENCE_APP = """
import datetime as dt
import pandas as pd
import nbstream as st

st.title("Title")
st.header("Header")
st.subheader("Sub")
st.markdown("**md**")
st.caption("cap")
st.code("x = 1")
st.text("plain")
st.latex("x^2")
st.divider()
st.success("ok")
st.info("i")
st.warning("w")
st.error("e")
st.exception(ValueError("bad"))
st.json({"a": 1})
st.metric("M", 10, 2)
st.help(st.title)
st.progress(50, text="half")
st.toast("toasty")
st.table(pd.DataFrame({"a": [1]}))
st.dataframe(pd.DataFrame({"a": [1]}))
st.button("B")
st.checkbox("C")
st.toggle("T")
st.radio("R", ["a", "b"])
st.selectbox("S", ["a", "b"])
st.multiselect("MS", ["a", "b"])
st.slider("Sl", 0, 10, 5)
st.select_slider("SS", ["a", "b"])
st.number_input("N")
st.text_input("TI")
st.text_area("TA")
st.date_input("D", dt.date(2020, 1, 1))
st.time_input("Tm", dt.time(1, 0))
st.color_picker("CP")
st.download_button("DB", "data")
c1, c2 = st.columns(2)
c1.write("c1")
(t1,) = st.tabs(["tab"])
t1.write("in tab")
with st.expander("Exp"):
    st.write("e")
with st.status("Stat"):
    st.write("s")
st.sidebar.write("side")
for name, call in [
    ("html", lambda: st.html("<b>h</b>")),
    ("link_button", lambda: st.link_button("LB", "https://example.com")),
    ("pills", lambda: st.pills("P", ["a", "b"])),
    ("feedback", lambda: st.feedback("thumbs")),
    ("chat_input", lambda: st.chat_input("say")),
]:
    if hasattr(st, name):
        call()
if hasattr(st, "chat_message"):
    with st.chat_message("user"):
        st.write("hi")
"""

# Streamlit class -> how to find one in the reference app, and the st.* command it needs.
FINDERS = {
    "Block": ("tab_container", None),
    "SpecialBlock": ("main", None),
    "Column": ("columns", None),
    "Tab": ("tabs", None),
    "Expander": ("expander", None),
    "Status": ("status", None),
    "ChatMessage": ("chat_message", "chat_message"),
    "ButtonGroup": ("button_group", "pills"),
    "ChatInput": ("chat_input", "chat_input"),
    "Feedback": ("feedback", "feedback"),
    "Html": ("html", "html"),
    "LinkButton": ("link_button", "link_button"),
    "Exception": ("exception", None),
    "DownloadButton": ("download_button", None),
    "NumberInput": ("number_input", None),
    "SelectSlider": ("select_slider", None),
    "TextArea": ("text_area", None),
    "TextInput": ("text_input", None),
    "TimeInput": ("time_input", None),
    "DateInput": ("date_input", None),
    "ColorPicker": ("color_picker", None),
    "Selectbox": ("selectbox", None),
    "Multiselect": ("multiselect", None),
}


def _accessor(cls_name: str) -> tuple[str, str | None]:
    if cls_name in FINDERS:
        return FINDERS[cls_name]
    # CamelCase -> snake_case is the accessor for the rest (Title -> title).
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in cls_name).lstrip("_")
    return snake, None


@pytest.fixture(scope="module")
def at() -> AppTest:
    at = AppTest.from_string(textwrap.dedent(REFERENCE_APP), default_timeout=30).run()
    assert not at.exception[1:], at.exception  # only the st.exception the app draws
    return at


def _instance(at: AppTest, cls_name: str):
    if cls_name == "AppTest":
        return at
    if cls_name in ("ElementList", "BlockList", "WidgetList"):
        return {"ElementList": at.markdown, "WidgetList": at.button, "BlockList": at.columns}[cls_name]
    accessor, command = _accessor(cls_name)
    if command is not None and not hasattr(st, command):
        pytest.skip(f"st.{command} is not in nbstream yet (its own issue)")
    if accessor == "main":
        return at.main
    found = at.get(accessor)
    assert found, f"the reference app shows no {accessor}"
    return found[0]


@pytest.mark.parametrize("cls_name", sorted(STREAMLIT_NAMES))
def test_every_public_name_exists(at, cls_name):
    obj = _instance(at, cls_name)
    missing = [name for name in STREAMLIT_NAMES[cls_name] if not hasattr(obj, name)]
    assert missing == [], f"{cls_name} lacks {missing}"


@pytest.mark.parametrize("cls_name", sorted(MESSAGE_FIELDS))
def test_message_fields_read_as_attributes_and_on_proto(at, cls_name):
    obj = _instance(at, cls_name)
    for name in MESSAGE_FIELDS[cls_name]:
        attr = getattr(obj, name)
        if name not in ("form_id", "id") and name in obj.proto:
            assert getattr(obj.proto, name) == obj.proto[name]
        if name in ("label", "body") and cls_name != "Exception":
            assert isinstance(attr, str) and attr


@pytest.mark.parametrize("cls_name", sorted(STREAMLIT_NAMES))
def test_methods_are_callable(at, cls_name):
    obj = _instance(at, cls_name)
    methods = {
        "run",
        "set_value",
        "click",
        "check",
        "uncheck",
        "select",
        "unselect",
        "select_index",
        "set_range",
        "increment",
        "decrement",
        "input",
        "pick",
        "get",
        "get_by_key",
        "from_file",
        "from_string",
        "from_function",
        "switch_page",
        "upload",
        "clear",
    }
    for name in set(STREAMLIT_NAMES[cls_name]) & methods:
        assert callable(getattr(obj, name)), f"{cls_name}.{name}"


def test_every_block_accessor_of_streamlit_lists(at):
    accessors = [
        "audio_input",
        "button",
        "button_group",
        "camera_input",
        "caption",
        "chat_input",
        "chat_message",
        "checkbox",
        "code",
        "color_picker",
        "columns",
        "container",
        "data_editor",
        "dataframe",
        "date_input",
        "datetime_input",
        "divider",
        "download_button",
        "error",
        "exception",
        "expander",
        "feedback",
        "file_uploader",
        "form",
        "form_submit_button",
        "grid",
        "header",
        "help",
        "html",
        "image",
        "info",
        "json",
        "latex",
        "link_button",
        "markdown",
        "menu_button",
        "metric",
        "multiselect",
        "number_input",
        "page_link",
        "pagination",
        "pills",
        "progress",
        "radio",
        "segmented_control",
        "select_slider",
        "selectbox",
        "slider",
        "space",
        "status",
        "subheader",
        "success",
        "table",
        "tabs",
        "text",
        "text_area",
        "text_input",
        "time_input",
        "title",
        "toast",
        "toggle",
        "warning",
    ]
    for holder in (at, at.main, at.sidebar, at.expander[0], at.columns[0]):
        for name in accessors:
            listed = getattr(holder, name)
            assert len(listed) == listed.len, name
            assert list(listed) == [listed[i] for i in range(len(listed))]


def test_the_reference_app_behaves(at):
    """A few values per class, to show the names are not just present."""
    assert at.title[0].value == "Title" and at.title[0].icon == ""
    assert at.caption[0].is_caption and not at.markdown[0].is_caption
    assert at.exception[0].value == "bad" and at.exception[0].proto.type == "ValueError"
    assert at.exception[0].is_markdown is False
    assert at.progress[0].value == 50 and at.progress[0].text == "half"
    assert at.help[0].type == "help_info" and "title" in at.help[0].name and at.help[0].doc_string
    assert at.dataframe[0].editing_mode == "read_only"
    assert at.selectbox[0].format_func is str and at.radio[0].format_func("a") == "a"
    assert at.multiselect[0].values == [] and at.multiselect[0].options == ["a", "b"]
    assert at.slider[0].options == [] and at.select_slider[0].options == ["a", "b"]
    assert at.button[0].form_id == "" and at.button[0].label == "B" and at.button[0].id
    assert at.date_input[0].min == dt.date(2010, 1, 1)
    assert (at.columns[0].weight, at.columns[0].gap) == (0.5, "small")
    assert at.tabs[0].label == "tab" and at.expander[0].label == "Exp"
    assert (at.status[0].label, at.status[0].state, at.status[0].icon) == (
        "Stat",
        "complete",
        ":material/check:",
    )
    assert at.main.type == "main" and at.sidebar.markdown.values == ["side"]
    assert at.default_timeout == 30 and at.args is None and at.kwargs is None
    assert at.user == {"email": "test@example.com"} and at.context == {}
    assert issubclass(AppTestError, Exception)
    # ChatInput.upload/clear exist as in Streamlit, and refuse a chat_input without accept_file.
    with pytest.raises(AppTestError, match="does not accept files"):
        at.chat_input[0].upload("a.txt", b"x")
