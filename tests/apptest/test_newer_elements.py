"""st.badge, st.space, st.datetime_input, and the newer arguments of st.container and st.columns."""

from __future__ import annotations

import datetime as dt

import pytest
from apphelpers import run


def test_badge_is_a_markdown_badge_directive():
    at = run(
        """
        import nbstream as st
        st.badge("New", icon=":material/star:", color="green")
        st.badge("Plain [1]", help="tip")
        """
    )
    assert [m.value for m in at.markdown] == [
        ":green-badge[:material/star: New]",
        ":blue-badge[Plain \\[1\\]]",
    ]
    assert at.markdown[1].help == "tip"


def test_badge_width_is_checked():
    at = run('import nbstream as st\nst.badge("x", width="wide")')
    assert at.exception[0].proto.type == "StreamlitInvalidWidthError"


@pytest.mark.parametrize("size", ["small", "xxlarge", "stretch", 40])
def test_space_sizes(size):
    at = run(f"import nbstream as st\nst.text('a')\nst.space({size!r})\nst.text('b')")
    assert [c.type for c in at.main.children.values()] == ["text", "space", "text"]
    assert at.get("space")[0].proto.size == size


@pytest.mark.parametrize("size", ["'huge'", "-3", "0", "True"])
def test_space_rejects_other_sizes(size):
    at = run(f"import nbstream as st\nst.space({size})")
    assert at.exception[0].proto.type == "StreamlitValueError"
    assert at.exception[0].message.startswith(
        "Invalid `size` value. Supported values: 'stretch', 'xxsmall', 'xsmall', 'small', 'medium', "
        "'large', 'xlarge', 'xxlarge', a positive integer. Got "
    )


def test_datetime_input_value_bounds_and_set_value():
    at = run(
        """
        import nbstream as st
        import datetime as dt
        v = st.datetime_input("When", value=dt.datetime(2025, 3, 4, 10, 17), key="when")
        st.text(repr(v))
        st.text(repr(st.session_state.when))
        """
    )
    widget = at.datetime_input[0]
    assert widget.type == "date_time_input"
    assert at.get("date_time_input")[0] == widget
    assert widget.value == dt.datetime(2025, 3, 4, 10, 17)
    assert widget.proto.min_value == "2015-03-04T00:00"
    assert widget.proto.max_value == "2035-03-04T23:59"
    assert widget.proto.step == 900
    widget.set_value("2024-01-01 08:00").run()
    assert at.text[0].value == "datetime.datetime(2024, 1, 1, 8, 0)"
    assert at.text[1].value == at.text[0].value


def test_datetime_input_value_kinds():
    at = run(
        """
        import nbstream as st
        import datetime as dt
        st.text(repr(st.datetime_input("a", value=None)))
        st.text(repr(st.datetime_input("b", value=dt.date(2024, 5, 6))))
        st.text(repr(st.datetime_input("c", value="2024-05-06T07:08")))
        now = st.datetime_input("d")
        st.text(str(now.second == 0 and abs((dt.datetime.now() - now).total_seconds()) < 120))
        """
    )
    assert [t.value for t in at.text] == [
        "None",
        "datetime.datetime(2024, 5, 6, 0, 0)",
        "datetime.datetime(2024, 5, 6, 7, 8)",
        "True",
    ]


def test_datetime_input_on_change_runs_first():
    at = run(
        """
        import nbstream as st
        def note():
            st.session_state.seen = st.session_state.t
        st.datetime_input("t", value="2025-01-01 00:00", key="t", on_change=note)
        st.text(repr(st.session_state.get("seen")))
        """
    )
    at.datetime_input[0].set_value("2025-06-01 12:30").run()
    assert at.text[0].value == "datetime.datetime(2025, 6, 1, 12, 30)"


@pytest.mark.parametrize(
    ("call", "exc_type", "message"),
    [
        (
            'st.datetime_input("a", value="2024-01-02 10:00", min_value="2025-01-01")',
            "StreamlitValueBelowMinError",
            "The `value` 2024-01-02 10:00:00 is less than the `min_value` 2025-01-01 00:00:00.",
        ),
        (
            'st.datetime_input("a", value="2024-01-02 10:00", max_value="2023-01-01")',
            "StreamlitValueAboveMaxError",
            "The `value` 2024-01-02 10:00:00 is greater than the `max_value` 2023-01-01 00:00:00.",
        ),
        (
            'st.datetime_input("a", value=None, min_value="2025-01-01", max_value="2024-01-01")',
            "StreamlitInvalidMinMaxError",
            "The `min_value`, set to 2025-01-01 00:00:00, cannot be greater than the `max_value`, set to "
            "2024-01-01 00:00:00.",
        ),
        (
            'st.datetime_input("a", value="xyz")',
            "StreamlitInvalidParameterTypeError",
            'Invalid `value` type. Expected one of: datetime, date, time, ISO string, "now". Provided type: str.',
        ),
        (
            'st.datetime_input("a", step=30)',
            "StreamlitValueOutOfRangeError",
            "The `step` parameter, set to 30 seconds, is outside the required range [60 seconds, 23 hours].",
        ),
        (
            'st.datetime_input("a", format="YY")',
            "StreamlitAPIException",
            "The provided format (`YY`) is not valid.",
        ),
    ],
)
def test_datetime_input_errors(call, exc_type, message):
    at = run(f"import nbstream as st\n{call}")
    assert at.exception[0].proto.type == exc_type
    assert message in at.exception[0].message


def test_container_layout_arguments_reach_the_browser():
    at = run(
        """
        import nbstream as st
        row = st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center",
                           gap="large", width=300, height="stretch", border=True)
        row.button("One")
        row.button("Two")
        st.container(height=200)
        """
    )
    row, fixed = at.container[0], at.container[1]
    assert row.proto.horizontal is True
    assert row.proto.horizontal_alignment == "distribute"
    assert row.proto.vertical_alignment == "center"
    assert row.proto.gap == "large"
    assert row.proto.width == 300
    assert row.proto.height_mode == "stretch"
    assert row.proto.border is True
    assert [b.label for b in row.button] == ["One", "Two"]
    assert fixed.proto.height == 200 and fixed.proto.border is True  # a fixed height draws a border


@pytest.mark.parametrize(
    ("call", "exc_type", "message"),
    [
        (
            "st.container(horizontal_alignment='middle')",
            "StreamlitValueError",
            "Invalid `horizontal_alignment` value. Supported values: 'left', 'center', 'right', 'distribute'. "
            "Got 'middle'.",
        ),
        (
            "st.container(vertical_alignment='x')",
            "StreamlitValueError",
            "Invalid `vertical_alignment` value. Supported values: 'top', 'center', 'bottom', 'distribute'.",
        ),
        ("st.container(gap='huge')", "StreamlitValueError", "Invalid `gap` value."),
        (
            "st.container(width=-1)",
            "StreamlitInvalidWidthError",
            "Invalid width value: -1. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        ("st.columns(2, width='content')", "StreamlitInvalidWidthError", "Invalid width value: 'content'."),
    ],
)
def test_container_argument_errors(call, exc_type, message):
    at = run(f"import nbstream as st\n{call}")
    assert at.exception[0].proto.type == exc_type
    assert message in at.exception[0].message


def test_columns_take_named_and_pixel_gaps():
    at = run(
        """
        import nbstream as st
        a, b = st.columns(2, gap="xxsmall", border=True, vertical_alignment="bottom")
        c, d = st.columns([1, 2], gap=12, width=500, wrap=False)
        """
    )
    assert at.columns[0].proto.gap == "xxsmall"
    assert at.columns[0].proto.border is True
    assert at.columns[2].proto.gap == 12
