"""st.metric's 1.67 arguments: icon, width, height, chart_data, chart_type, delta_arrow, format,
delta_description -- what the script and AppTest see, and Streamlit's errors."""

from __future__ import annotations

import pytest

from nbstream.testing import AppTest


def run(body: str) -> AppTest:
    return AppTest.from_string("import nbstream as st, pandas as pd, numpy as np\n" + body).run()


def props(body: str) -> dict:
    at = run(body)
    assert not at.exception, at.exception
    return at.metric[0].proto


def error(body: str) -> tuple[str, str]:
    at = run(body)
    return at.exception[0].proto.type, at.exception[0].message


def test_defaults_draw_no_icon_chart_or_description():
    p = props('st.metric("Temp", 70, 1)')
    assert p["icon"] is None and p["chart_data"] is None and p["delta_description"] is None
    assert (p["width"], p["height"], p["chart_type"], p["format"]) == ("stretch", "content", "line", None)


@pytest.mark.parametrize("icon", ["🔥", "👍🏽", "🇫🇷", "👨\u200d👩\u200d👧", ":material/thumb_up:", "spinner"])
def test_icon_accepts_an_emoji_a_material_icon_or_spinner(icon):
    assert props(f"st.metric('L', 1, icon={icon!r})")["icon"] == icon


@pytest.mark.parametrize(
    ("icon", "message"),
    [
        (
            "notanicon",
            'The value "notanicon" is not a valid icon. Please use a single emoji or a Material icon '
            "shortcode like `:material\u200b/thumb_up:`.",
        ),
        ("🔥🔥", 'The value "🔥🔥" is not a valid emoji. Please use a single emoji.'),
        (
            ":material/Not Real:",
            'The value `":material\u200b/Not Real:"` is not a valid Material icon. '
            "Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**.",
        ),
    ],
)
def test_a_bad_icon_raises_streamlits_message(icon, message):
    assert error(f"st.metric('L', 1, icon={icon!r})") == ("StreamlitAPIException", message)


def test_width_and_height_travel_and_bad_ones_raise():
    p = props('st.metric("L", 1, width=240, height="stretch")')
    assert (p["width"], p["height"]) == (240, "stretch")
    assert props('st.metric("L", 1, width="content", height=90)')["height"] == 90
    assert error('st.metric("L", 1, width="x")') == (
        "StreamlitInvalidWidthError",
        "Invalid width value: 'x'. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
    )
    assert error('st.metric("L", 1, height=0)') == (
        "StreamlitInvalidHeightError",
        "Invalid height value: 0. Height must be either a positive integer (pixels), 'stretch', or 'content'.",
    )


@pytest.mark.parametrize(
    ("data", "values"),
    [
        ("[1, 2.5, '3']", [1.0, 2.5, 3.0]),
        ("{4, 5}", [4.0, 5.0]),
        ("5", [5.0]),
        ("pd.DataFrame({'a': [1, 2], 'b': [3, 4]})", [1.0, 2.0]),
        ("pd.Series([7, 8])", [7.0, 8.0]),
        ("np.array([1, 2, 3])", [1.0, 2.0, 3.0]),
        ("[True, 2]", [1.0, 2.0]),
        ("[]", None),
    ],
)
def test_chart_data_becomes_floats_from_the_first_column(data, values):
    p = props(f"st.metric('L', 1, chart_data={data}, chart_type='bar')")
    assert p["chart_data"] == values
    assert p["chart_type"] == "bar"


def test_chart_data_that_is_not_numeric_raises():
    assert error("st.metric('L', 1, chart_data=[1, None])") == (
        "StreamlitAPIException",
        "Only numeric values are supported for chart data sequence. "
        "The value 'None' is of type <class 'NoneType'> and cannot be converted to float.",
    )
    assert "The value 'a' is of type <class 'str'>" in error("st.metric('L', 1, chart_data=['a'])")[1]


def test_an_unknown_chart_type_draws_a_line_as_streamlit_does():
    assert props("st.metric('L', 1, chart_data=[1, 2], chart_type='pie')")["chart_type"] == "line"


@pytest.mark.parametrize(
    ("call", "direction", "color"),
    [
        ("-3, delta_arrow='auto'", "down", "red"),
        ("-3, delta_arrow='up'", "up", "red"),
        ("3, delta_arrow='down'", "down", "green"),
        ("-3, delta_arrow='off'", "none", "red"),
        ("0, delta_arrow='down'", "down", "gray"),
        ("None, delta_arrow='up'", "none", "gray"),
    ],
)
def test_delta_arrow_forces_or_hides_the_arrow_and_keeps_the_color(call, direction, color):
    p = props(f"st.metric('L', 5, {call})")
    assert (p["direction"], p["color"]) == (direction, color)


def test_a_bad_delta_arrow_raises():
    assert error("st.metric('L', 5, 1, delta_arrow='left')") == (
        "StreamlitValueError",
        "Invalid `delta_arrow` value. Supported values: 'auto', 'up', 'down', 'off'.",
    )


def test_format_and_description_travel_and_the_value_stays_raw_for_the_script():
    at = run("st.metric('Revenue', 1234.567, -12.3, format='dollar', delta_description='month over month')")
    metric = at.metric[0]
    assert (metric.value, metric.delta) == ("1234.567", "-12.3")
    assert metric.proto["format"] == "dollar"
    assert metric.proto["delta_description"] == "month over month"
    assert props("st.metric('L', 1, delta_description='')")["delta_description"] is None
