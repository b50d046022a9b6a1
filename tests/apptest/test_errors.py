"""API misuse: each raises the documented exception with a message that says what is wrong.

Uncaught, the error is an ``exception`` element (``value`` is the message, ``proto.type`` the class name) and the run stops
there; caught in the script, it is a ``StreamlitAPIException`` (or a subclass).
"""

from __future__ import annotations

import pytest
from apphelpers import run

PRELUDE = "import datetime\nimport nbstream as st\n"

CASES = [
    # out-of-range defaults
    ("st.slider('s', 10, 0)", "Slider `min_value` must be less than the `max_value`"),
    (
        "st.number_input('n', 0, 10, 11)",
        "The default `value` of 11 must lie between the `min_value` of 0 and the `max_value` of 10",
    ),
    (
        "st.number_input('n', 10, 0)",
        "The `min_value`, set to 10, shouldn't be larger than the `max_value`, set to 0.",
    ),
    (
        "st.date_input('d', datetime.date(2020, 1, 1), min_value=datetime.date(2021, 1, 1))",
        "The default `value` of 2020-01-01 must lie between the `min_value` of 2021-01-01",
    ),
    ("st.text_input('t', 'toolong', max_chars=3)", "7 characters long, more than max_chars (3)"),
    # mismatched and wrong types
    (
        "st.slider('s', 0, 10.0, 5)",
        "Slider value arguments must be of matching types.\n`min_value` has int type.\n`max_value` has float type.",
    ),
    ("st.slider('s', 0.0, 1.0, 5)", "`value` has int type."),
    (
        "st.slider('s', datetime.date(2020, 1, 1), 10)",
        "`min_value` has date type.\n`max_value` has int type.",
    ),
    ("st.slider('s', 0, 10, step=0.5)", "`step` has float type."),
    (
        "st.slider('s', 0, 10, (1, 2, 3))",
        "Slider value should either be a single value or a tuple/list of two values.",
    ),
    ("st.slider('s', 0, 10, step=0)", "Slider `step` must be positive, not 0."),
    (
        "st.number_input('n', 0, 10.0)",
        "All numerical arguments must be of the same type.\n`value` has str type.\n`min_value` has int type.\n`max_value` has float type.",
    ),
    ("st.number_input('n', value='x')", "`value` of st.number_input must be a number, not str."),
    (
        "st.number_input('n', format='%s%s')",
        "Format string for st.number_input contains invalid characters: %s%s",
    ),
    (
        "st.time_input('t', value=5)",
        "The type of value should be one of datetime, time, str or None, not int.",
    ),
    (
        "st.time_input('t', step=30)",
        "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds.",
    ),
    # options
    ("st.selectbox('s', 'abc')", "Options must be a list or other iterable of values, not a single string."),
    ("st.selectbox('s', 5)", "Options of type int are not iterable."),
    ("st.multiselect('m', [1, 2], default=[3])", "The default value '3' is not part of the options."),
    (
        "st.multiselect('m', [1, 2, 3], default=[1, 2], max_selections=1)",
        "Multiselect has 2 options selected but `max_selections` is set to 1.",
    ),
    ("st.select_slider('s', [1, 2], value=3)", "Select slider value 3 is not one of its options."),
    ("st.select_slider('s', [])", "The `options` argument needs to be non-empty"),
    ("st.selectbox('s', [1], format_func=5)", "format_func must be callable, not int."),
    # index out of range
    (
        "st.selectbox('s', [1, 2], index=2)",
        "Selectbox index must be greater than or equal to 0 and less than the length of options.",
    ),
    ("st.selectbox('s', [1, 2], index=-1)", "Selectbox index must be greater than or equal to 0"),
    (
        "st.radio('r', [1, 2], index=5)",
        "Radio index must be greater than or equal to 0 and less than the length of options.",
    ),
    ("st.selectbox('s', [1, 2], index='0')", "Selectbox Value has invalid type: str"),
    # bad label_visibility, colors, formats, types
    (
        "st.checkbox('c', label_visibility='invisible')",
        "Unsupported label_visibility option 'invisible'. Valid values are 'visible', 'hidden' or 'collapsed'.",
    ),
    ("st.slider('s', label_visibility='gone')", "Unsupported label_visibility option 'gone'."),
    ("st.color_picker('c', 'red')", 'This does not look like a valid color: "red".'),
    ("st.color_picker('c', '#12345')", "Colors must be in the format #RRGGBB or #RGB"),
    ("st.date_input('d', format='YYYY/DD/MM')", "The provided format (`YYYY/DD/MM`) is not valid."),
    (
        "st.date_input('d', [datetime.date(2020, 1, 1)] * 3)",
        "list/tuple of 0 - 2 date/datetime values, not 3.",
    ),
    ("st.date_input('d', 'yesterday')", "not a valid ISO date"),
    (
        "st.text_input('t', type='secret')",
        "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone', 'search'.",
    ),
    ("st.text_area('t', height=10)", "Invalid height 10px for st.text_area - must be at least 68 pixels."),
    (
        "st.button('b', type='big')",
        'The type argument to st.button must be "primary", "secondary", or "tertiary".',
    ),
    ("st.text_input('t', key=['x'])", "A widget key must be a string or an int, not list."),
    (
        "st.checkbox('c', on_change='notcallable')",
        "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
    ),
    # layout
    (
        "st.columns(0)",
        "The input argument to st.columns must be either a positive integer or a list of positive numeric weights.",
    ),
    ("st.columns([1, -1])", "The input argument to st.columns must be either a positive integer"),
    (
        "st.columns(2, gap='huge')",
        "Invalid `gap` value. Supported values: 'xxsmall', 'xsmall', 'small', 'medium', 'large', 'xlarge', 'xxlarge', None, a non-negative integer (pixels). Got 'huge'.",
    ),
    ("st.tabs([])", "The input argument to st.tabs must contain at least one tab label."),
    ("st.tabs(['a', 1])", "only allowed to contain strings"),
    ("with st.expander('a'):\n    st.expander('b')", "Expanders may not be nested inside other expanders."),
    ("with st.popover('a'):\n    st.popover('b')", "Popovers may not be nested inside other popovers."),
    (
        "c = st.columns(2)\nwith c[0]:\n    d = st.columns(2)\n    with d[0]:\n        st.columns(2)",
        "Columns can only be placed inside other columns up to one level of nesting.",
    ),
    (
        "with st.sidebar:\n    c = st.columns(2)\n    with c[0]:\n        st.columns(2)",
        "Columns cannot be placed inside other columns in the sidebar.",
    ),
    (
        "st.container(height=-5)",
        "Invalid height value: -5. Height must be either a positive integer (pixels), 'stretch', or 'content'.",
    ),
    ("st.header('h', divider='pink')", "Divider parameter has invalid value: `pink`."),
    ("st.set_page_config(layout='huge')", "Invalid `layout` value. Supported values: 'centered', 'wide'."),
]


SUBCLASS_RAISED = {
    "st.columns(2, gap='huge')": "StreamlitValueError",
    "st.container(height=-5)": "StreamlitInvalidHeightError",
    "st.checkbox('c', on_change='notcallable')": "StreamlitValueError",
    "st.set_page_config(layout='huge')": "StreamlitValueError",
    "st.text_input('t', type='secret')": "StreamlitValueError",
}


@pytest.mark.parametrize(("call", "message"), CASES, ids=[c for c, _ in CASES])
def test_misuse_is_an_exception_element_with_a_helpful_message(call, message):
    at = run(PRELUDE + call + "\nst.text('after')\n")
    assert len(at.exception) == 1
    # Streamlit names the subclass it raised (StreamlitValueError is a StreamlitAPIException).
    assert at.exception[0].proto.type == SUBCLASS_RAISED.get(call, "StreamlitAPIException")
    assert message in at.exception[0].message
    assert len(at.text) == 0  # the run stopped at the error


@pytest.mark.parametrize(("call", "message"), CASES[:6], ids=[c for c, _ in CASES[:6]])
def test_misuse_can_be_caught_as_streamlit_api_exception(call, message):
    at = run(
        PRELUDE
        + "from nbstream.errors import StreamlitAPIException\n"
        + f"try:\n    {call}\nexcept StreamlitAPIException as exc:\n    st.text(str(exc))\n"
    )
    assert not at.exception
    assert message in at.text[0].value


def test_the_errors_module_has_streamlits_names():
    from nbstream import errors

    assert issubclass(errors.DuplicateWidgetID, errors.StreamlitAPIException)
    assert issubclass(errors.StreamlitValueAssignmentNotAllowedError, errors.StreamlitAPIException)
    assert issubclass(errors.StreamlitAPIException, Exception)


@pytest.mark.parametrize(
    ("script", "type_name", "message"),
    [
        ("st.button('OK')\nst.button('OK')", "DuplicateWidgetID", "multiple identical `st.button` widgets"),
        (
            "st.slider('a', key='k')\nst.slider('b', key='k')",
            "DuplicateWidgetID",
            "multiple elements with the same `key='k'`",
        ),
        (
            "st.session_state.b = True\nst.button('b', key='b')",
            "StreamlitValueAssignmentNotAllowedError",
            'button widget with key "b" cannot be set using `st.session_state`',
        ),
        ("st.text(st.session_state['missing'])", "KeyError", 'st.session_state has no key "missing"'),
        (
            "st.text(st.session_state.missing)",
            "AttributeError",
            'st.session_state has no attribute "missing"',
        ),
    ],
)
def test_state_and_identity_errors(script, type_name, message):
    at = run(PRELUDE + script)
    assert at.exception[0].proto.type == type_name
    assert message in at.exception[0].message


def test_an_error_in_one_run_does_not_break_the_next():
    at = run(
        PRELUDE
        + "n = st.number_input('n', 0, 20, key='n')\nst.number_input('m', 0, 10, int(n))\nst.text('ok')"
    )
    at.number_input[0].set_value(15).run()
    assert at.exception[0].proto.type == "StreamlitAPIException"
    at.number_input[0].set_value(5).run()
    assert not at.exception
    assert at.number_input[1].value == 5
