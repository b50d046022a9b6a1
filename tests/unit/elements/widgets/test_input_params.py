"""Streamlit 1.67's newer arguments of the input widgets (text_input, text_area,
color_picker, number_input, date_input, time_input, camera_input): what the script and
AppTest see, and Streamlit's exception and message for a bad value."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.elements.widgets._inputs import check_icon, check_live, is_single_emoji
from nbstream.testing import AppTest

WIDTH_STRETCH_OR_PIXELS = "Width must be either a positive integer (pixels) or 'stretch'."


def run(source: str) -> AppTest:
    return AppTest.from_string("import nbstream as st\n" + textwrap.dedent(source), default_timeout=10).run()


def error_of(source: str) -> tuple[str, str]:
    at = run(source)
    assert len(at.exception) == 1, source
    return at.exception[0].proto.type, at.exception[0].message


# ---- width ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        "st.text_input('a', width={})",
        "st.text_area('a', width={})",
        "st.number_input('a', width={})",
        "st.date_input('a', width={})",
        "st.time_input('a', width={})",
        "st.camera_input('a', width={})",
    ],
)
def test_width_pixels_or_stretch(call):
    assert not run(call.format(240)).exception
    assert not run(call.format(repr("stretch"))).exception
    kind, message = error_of(call.format(repr("content")))
    assert kind == "StreamlitInvalidWidthError"
    assert message == f"Invalid width value: 'content'. {WIDTH_STRETCH_OR_PIXELS}"
    assert error_of(call.format(0))[1] == f"Invalid width value: 0. {WIDTH_STRETCH_OR_PIXELS}"
    assert error_of(call.format(1.5))[1] == f"Invalid width value: 1.5. {WIDTH_STRETCH_OR_PIXELS}"


def test_width_reaches_the_element():
    at = run(
        """
        st.text_input("t", width=200)
        st.text_area("ta")
        st.number_input("n", width=90)
        st.date_input("d", width=150)
        st.time_input("ti", width=120)
        st.color_picker("c")
        st.color_picker("c2", width="stretch")
        """
    )
    assert at.text_input[0].proto.width == 200
    assert at.text_area[0].proto.width == "stretch"
    assert at.number_input[0].proto.width == 90
    assert at.date_input[0].proto.width == 150
    assert at.time_input[0].proto.width == 120
    assert [c.proto.width for c in at.color_picker] == ["content", "stretch"]


def test_color_picker_takes_content_width_but_not_nonsense():
    kind, message = error_of("st.color_picker('c', width='foo')")
    assert kind == "StreamlitInvalidWidthError"
    assert message == (
        "Invalid width value: 'foo'. Width must be either a positive integer (pixels), 'stretch', or 'content'."
    )


def test_width_is_part_of_the_widget_identity():
    at = run("st.text_input('a')\nst.text_input('a', width=100)")
    assert not at.exception
    assert len(at.text_input) == 2


# ---- required -------------------------------------------------------------------------------


def test_required_travels_and_keeps_the_default():
    at = run(
        """
        t = st.text_input("t", "x", required=True)
        a = st.text_area("a", required=True)
        n = st.number_input("n", required=True)
        d = st.date_input("d", value=None, required=True)
        ti = st.time_input("ti", value=None, required=True)
        st.write(repr((t, a, n, d, ti)))
        """
    )
    assert at.markdown[0].value == "('x', '', 0.0, None, None)"
    for widget in (at.text_input[0], at.text_area[0], at.number_input[0], at.date_input[0], at.time_input[0]):
        assert widget.proto.required is True
    assert run("st.text_input('t')").text_input[0].proto.required is False


def test_required_is_part_of_the_widget_identity():
    at = run("st.number_input('n')\nst.number_input('n', required=True)")
    assert not at.exception


def test_a_required_widget_still_takes_values():
    at = run("v = st.text_input('t', required=True)\nst.write(repr(v))")
    at.text_input[0].input("hello").run()
    assert at.markdown[0].value == "'hello'"


# ---- icon -----------------------------------------------------------------------------------


def test_icon_travels():
    at = run(
        """
        st.text_input("a", icon="🔥")
        st.text_input("b", icon=":material/search:")
        st.text_input("c", icon="spinner")
        st.text_input("d", icon="")
        st.number_input("e", icon=" 💰 ")
        """
    )
    assert [t.proto.icon for t in at.text_input] == ["🔥", ":material/search:", "spinner", None]
    assert at.number_input[0].proto.icon == "💰"


@pytest.mark.parametrize(
    ("icon", "message"),
    [
        (
            "abc",
            'The value "abc" is not a valid icon. Please use a single emoji or a Material icon shortcode '
            "like `:material\u200b/thumb_up:`.",
        ),
        ("🔥🔥", 'The value "🔥🔥" is not a valid emoji. Please use a single emoji.'),
        (
            ":material/Thumb Up:",
            'The value `":material\u200b/Thumb Up:"` is not a valid Material icon. Please use a Material '
            "icon shortcode like **`:material\u200b/thumb_up:`**.",
        ),
    ],
)
@pytest.mark.parametrize("command", ["text_input", "number_input"])
def test_bad_icons_raise_streamlits_message(command, icon, message):
    kind, got = error_of(f"st.{command}('a', icon={icon!r})")
    assert kind == "StreamlitAPIException"
    assert got == message


def test_single_emoji():
    for emoji in ("🔥", "👍🏽", "👨\u200d👩\u200d👧", "🇫🇷", "❤️", "1️⃣"):
        assert is_single_emoji(emoji), emoji
    for text in ("🔥🔥", "é", "a", "🔥a", "", "1"):
        assert not is_single_emoji(text), text
    assert check_icon(None) is None


# ---- validate -------------------------------------------------------------------------------


def test_validate_travels_as_regex_and_message():
    at = run(
        r"""
        st.text_input("a", validate=r"^\d+$")
        st.text_input("b", validate=(r"^\d{3}-\d{4}$", "Use 555-1234."))
        st.text_input("c")
        """
    )
    a, b, c = at.text_input
    assert (a.proto.validate_regex, a.proto.validate_message) == (r"^\d+$", None)
    assert (b.proto.validate_regex, b.proto.validate_message) == (r"^\d{3}-\d{4}$", "Use 555-1234.")
    assert c.proto.validate_regex is None


def test_validate_message_is_not_part_of_the_identity():
    at = run("st.text_input('a', validate='x')\nst.text_input('a', validate=('x', 'm'))")
    assert at.exception[0].proto.type == "DuplicateWidgetID"


@pytest.mark.parametrize(
    ("validate", "kind", "message"),
    [
        (
            "5",
            "StreamlitInvalidParameterTypeError",
            "Invalid `validate` type. Expected one of: None, str, tuple. Provided type: int.",
        ),
        (
            "('a',)",
            "StreamlitValueError",
            "Invalid `validate` value. Supported values: a regex string, a (regex, message) tuple of strings.",
        ),
        (
            "('a', 5)",
            "StreamlitValueError",
            "Invalid `validate` value. Supported values: a regex string, a (regex, message) tuple of strings.",
        ),
    ],
)
def test_bad_validate(validate, kind, message):
    assert error_of(f"st.text_input('a', validate={validate})") == (kind, message)


# ---- live -----------------------------------------------------------------------------------


def test_live_durations():
    assert check_live(False) is None
    assert check_live(True) == 250
    assert check_live("300ms") == 300
    assert check_live("0.5s") == 500
    assert check_live("0") == 0
    assert check_live("1m") == 60_000
    assert check_live(" 1 min ") == 60_000


def test_live_travels():
    at = run("st.text_input('a', live=True)\nst.text_input('b', live='0ms')\nst.text_input('c')")
    assert [t.proto.live_debounce_ms for t in at.text_input] == [250, 0, None]


def test_bad_live():
    kind, message = error_of("st.text_input('a', live=300)")
    assert kind == "StreamlitInvalidParameterTypeError"
    assert message.startswith("Invalid `live` type. Expected one of: bool, str. Provided type: int.")
    assert "`live=300` is not milliseconds" in message
    assert error_of("import datetime\nst.text_input('a', live=datetime.timedelta(seconds=1))")[0] == (
        "StreamlitInvalidParameterTypeError"
    )
    assert error_of("st.text_input('a', live='abc')") == (
        "StreamlitBadTimeStringError",
        "Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, for example. Got: abc",
    )
    for too_long in ("2m", "-1s"):
        kind, message = error_of(f"st.text_input('a', live={too_long!r})")
        assert kind == "StreamlitValueOutOfRangeError"
        assert message == (
            f"The `live` parameter, set to {too_long}, is outside the required range [0ms, 1m]. Use `True` "
            "for the 250ms default, `'0ms'` to commit on every change, or a duration string up to `'1m'`."
        )


# ---- time_input format, camera_input resolution, on_change modes ------------------------------


def test_time_input_format():
    at = run("import datetime\nv = st.time_input('t', datetime.time(13, 45), format='12h')\nst.write(str(v))")
    assert at.time_input[0].proto.format == "12h"
    assert at.markdown[0].value == "13:45:00"
    assert run("st.time_input('t')").time_input[0].proto.format == "24h"
    assert error_of("st.time_input('t', format='13h')") == (
        "StreamlitValueError",
        "Invalid `format` value. Supported values: '12h', '24h', 'localized'.",
    )


def test_time_input_format_is_not_part_of_the_identity():
    at = run("st.time_input('t')\nst.time_input('t', format='12h')")
    assert at.exception[0].proto.type == "DuplicateWidgetID"


def test_camera_input_resolution():
    at = run("st.camera_input('a', resolution='720p')\nst.camera_input('b')")
    assert [c.resolution for c in at.camera_input] == ["720p", None]
    assert at.camera_input[0].proto.resolution_height == 720
    for bad in ("'4k'", "720"):
        assert error_of(f"st.camera_input('a', resolution={bad})") == (
            "StreamlitValueError",
            "Invalid `resolution` value. Supported values: '480p', '720p', '1080p', None.",
        )


@pytest.mark.parametrize(
    "call",
    [
        "st.text_input('a', on_change={})",
        "st.text_area('a', on_change={})",
        "st.color_picker('a', on_change={})",
        "st.number_input('a', on_change={})",
        "st.date_input('a', on_change={})",
        "st.time_input('a', on_change={})",
        "st.camera_input('a', on_change={})",
    ],
)
def test_on_change_modes(call):
    assert not run(call.format("'rerun'")).exception
    at = run(call.format("'ignore'"))
    assert not at.exception
    assert at.main[0].proto.on_change == "ignore"
    kind, message = error_of(call.format("'later'"))
    assert kind == "StreamlitValueError"
    assert message == "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."


# ---- text_input's specialized types ---------------------------------------------------------


def test_specialized_types_bring_their_icon_placeholder_autocomplete_and_rule():
    at = run(
        """
        st.text_input("e", type="email")
        st.text_input("u", type="url")
        st.text_input("p", type="phone")
        st.text_input("s", type="search")
        """
    )
    e, u, p, s = (t.proto for t in at.text_input)
    assert (e.icon, e.autocomplete, e.placeholder) == (":material/mail:", "email", "you@example.com")
    assert (e.validate_regex, e.validate_message) == (
        r"^[^\s@]+@[^\s@]+\.[^\s@]+$",
        "Enter a valid email address.",
    )
    assert (u.icon, u.autocomplete, u.placeholder, u.validate_message) == (
        ":material/link:",
        "url",
        "https://example.com",
        "Enter a valid URL.",
    )
    assert (p.icon, p.autocomplete, p.placeholder, p.validate_regex) == (
        ":material/call:",
        "tel",
        "+1 234 567 8900",
        None,
    )
    assert (s.icon, s.autocomplete, s.placeholder) == (":material/search:", "off", "Search")


def test_arguments_replace_a_types_own():
    at = run(
        """
        st.text_input("a", type="email", icon="", validate="", placeholder="Work email", autocomplete="off")
        st.text_input("b", type="email", validate=r"@corp\\.com$")
        """
    )
    a, b = (t.proto for t in at.text_input)
    assert (a.icon, a.validate_regex, a.placeholder, a.autocomplete) == (None, "", "Work email", "off")
    assert (b.validate_regex, b.validate_message) == (r"@corp\.com$", None)


def test_a_specialized_type_returns_what_was_typed():
    at = run("v = st.text_input('e', type='email')\nst.write(repr(v))")
    at.text_input[0].input("ann@example.com").run()
    assert at.markdown[0].value == "'ann@example.com'"


def test_bad_type():
    assert error_of("st.text_input('t', type='secret')") == (
        "StreamlitValueError",
        "Invalid `type` value. Supported values: 'default', 'password', 'email', 'url', 'phone', 'search'.",
    )
