"""What each widget returns on its first run, and its type (checked against Streamlit)."""

from __future__ import annotations

import datetime

import pytest

from nbstream.testing import AppTest

PRELUDE = "import datetime\nimport numpy as np\nimport pandas as pd\nimport nbstream as st\n"

FIRST_VALUES = [
    ("st.slider('a')", "0 int"),
    ("st.slider('a', 0.0, 1.0)", "0.0 float"),
    ("st.slider('a', value=0.5)", "0.5 float"),
    ("st.slider('a', value=(10, 20))", "(10, 20) tuple"),
    ("st.slider('a', value=[1.5, 2.5])", "(1.5, 2.5) tuple"),
    ("st.slider('a', value=datetime.date(2020, 1, 15))", "datetime.date(2020, 1, 15) date"),
    ("st.slider('a', value=datetime.time(12, 0))", "datetime.time(12, 0) time"),
    (
        "st.slider('a', value=datetime.datetime(2020, 1, 1, 12, 0))",
        "datetime.datetime(2020, 1, 1, 12, 0) datetime",
    ),
    (
        "st.slider('a', min_value=datetime.date(2020,1,1), max_value=datetime.date(2020,12,31))",
        "datetime.date(2020, 1, 1) date",
    ),
    ("st.slider('a', 0, 100, step=5)", "0 int"),
    ("st.number_input('a')", "0.0 float"),
    ("st.number_input('a', value=None)", "None NoneType"),
    ("st.number_input('a', value=5)", "5 int"),
    ("st.number_input('a', min_value=3)", "3 int"),
    ("st.number_input('a', min_value=1.5)", "1.5 float"),
    ("st.number_input('a', step=2)", "0 int"),
    ("st.text_input('a')", "'' str"),
    ("st.text_input('a', value=None)", "None NoneType"),
    ("st.text_area('a', 'x')", "'x' str"),
    ("st.date_input('a', datetime.date(2020, 1, 1))", "datetime.date(2020, 1, 1) date"),
    ("st.date_input('a', None)", "None NoneType"),
    (
        "st.date_input('a', (datetime.date(2020, 1, 1), datetime.date(2020, 1, 5)))",
        "(datetime.date(2020, 1, 1), datetime.date(2020, 1, 5)) tuple",
    ),
    ("st.date_input('a', [])", "() tuple"),
    ("st.date_input('a', datetime.datetime(2020, 1, 1, 10, 0))", "datetime.date(2020, 1, 1) date"),
    ("st.date_input('a', '2020-03-04')", "datetime.date(2020, 3, 4) date"),
    ("st.time_input('a', datetime.time(8, 45, 30))", "datetime.time(8, 45) time"),
    ("st.time_input('a', None)", "None NoneType"),
    ("st.time_input('a', '10:15')", "datetime.time(10, 15) time"),
    ("st.time_input('a', datetime.datetime(2020,1,1,10,15,33))", "datetime.time(10, 15) time"),
    ("st.color_picker('a')", "'#000000' str"),
    ("st.color_picker('a', '#abc')", "'#abc' str"),
    ("st.select_slider('a', ['x', 'y', 'z'])", "'x' str"),
    ("st.select_slider('a', range(10), value=(2, 5))", "(2, 5) tuple"),
    ("st.radio('a', ['x', 'y'], index=None)", "None NoneType"),
    ("st.selectbox('a', [])", "None NoneType"),
    ("st.multiselect('a', ['x','y'], default='y')", "['y'] list"),
    ("st.multiselect('a', {'k1': 1, 'k2': 2})", "[] list"),
    ("st.selectbox('a', {'k1': 1, 'k2': 2}, index=1)", "'k2' str"),
    ("st.selectbox('a', range(3), index=2)", "2 int"),
    ("st.selectbox('a', pd.Series([4, 5]))", "4 int"),
    ("st.selectbox('a', pd.DataFrame({'c': ['p', 'q'], 'd': [1, 2]}), index=1)", "'q' str"),
    ("st.selectbox('a', np.array([1.5, 2.5]), index=1)", "2.5 float"),
    ("st.checkbox('a', True)", "True bool"),
    ("st.toggle('a', 1)", "True bool"),
    ("st.multiselect('a', ['x','y'], default=('x','y'))", "['x', 'y'] list"),
]


@pytest.mark.parametrize(("call", "shown"), FIRST_VALUES, ids=[c for c, _ in FIRST_VALUES])
def test_first_run_value_and_type(call, shown):
    at = AppTest.from_string(
        PRELUDE + f"v = {call}\nst.text(repr(v) + ' ' + type(v).__name__)", default_timeout=10
    )
    at.run()
    assert not at.exception
    assert at.text[0].value == shown


def run(source: str) -> AppTest:
    return AppTest.from_string(PRELUDE + source, default_timeout=10).run()


@pytest.mark.parametrize(
    ("call", "value", "bounds"),
    [
        ("st.slider('Year', value=2024)", 2024, (0, 2024)),
        ("st.slider('a', value=-5)", -5, (-5, 100)),
        ("st.slider('a', value=2.5)", 2.5, (0.0, 2.5)),
        ("st.slider('a', value=(-3, 300))", (-3, 300), (-3, 300)),
        ("st.slider('a', min_value=200)", 200, (200, 300)),
        ("st.slider('a', max_value=-10)", -110, (-110, -10)),
    ],
)
def test_slider_ends_left_to_their_defaults_make_room_for_the_value(call, value, bounds):
    at = run(f"v = {call}\n")
    assert not at.exception
    assert at.slider[0].value == value
    assert (at.slider[0].min, at.slider[0].max) == bounds


def test_an_explicit_slider_end_moves_out_to_a_default_beyond_it():
    at = run("v = st.slider('a', min_value=5, value=3)")
    assert not at.exception
    assert (at.slider[0].value, at.slider[0].min, at.slider[0].max) == (3, 3, 100)


def test_time_input_shows_minutes():
    at = run("v = st.time_input('t', datetime.time(8, 45, 30))")
    assert at.time_input[0].value == datetime.time(8, 45)
    at.time_input[0].set_value(datetime.time(9, 5)).run()
    assert at.time_input[0].value == datetime.time(9, 5)


def test_date_range_picker_with_one_date_picked():
    at = run(
        "v = st.date_input('d', (datetime.date(2020, 1, 1), datetime.date(2020, 1, 5)))\nst.text(repr(v))"
    )
    at.date_input[0].set_value((datetime.date(2020, 1, 3),)).run()
    assert at.text[0].value == "(datetime.date(2020, 1, 3),)"


def test_number_input_int_and_float_kinds():
    at = run("a = st.number_input('a', 0, 10, 3)\nb = st.number_input('b', 0.0, 1.0, 0.5, step=0.25)")
    at.number_input[0].increment().run()
    at.number_input[1].increment().run()
    assert (at.number_input[0].value, at.number_input[1].value) == (4, 0.75)
    assert isinstance(at.number_input[0].value, int)


def test_number_input_none_until_a_number_is_entered():
    at = run("v = st.number_input('n', value=None, placeholder='Type a number')\nst.text(repr(v))")
    assert at.text[0].value == "None"
    assert at.number_input[0].placeholder == "Type a number"
    at.number_input[0].set_value(3.0).run()
    assert at.text[0].value == "3.0"


def test_radio_options_horizontal_and_captions():
    at = run("st.radio('r', ['a', 'b'], horizontal=True, captions=['first', 'second'])")
    assert at.radio[0].options == ["a", "b"]
    assert at.radio[0].horizontal is True
    assert at.radio[0].captions == ["first", "second"]


def test_format_func_changes_labels_not_values():
    at = run("v = st.selectbox('s', [1, 2], format_func=lambda n: f'#{n}')\nst.text(repr(v))")
    assert at.selectbox[0].options == ["#1", "#2"]
    at.selectbox[0].set_value(2).run()
    assert at.text[0].value == "2"


def test_text_input_password_and_max_chars():
    at = run("st.text_input('p', type='password', max_chars=8, placeholder='secret')")
    assert at.text_input[0].proto["type"] == "password"  # .type is the element kind
    assert at.text_input[0].max_chars == 8
    assert at.text_input[0].placeholder == "secret"


def test_label_visibility_and_help_are_shown_props():
    at = run("st.checkbox('c', help='tip', label_visibility='collapsed', disabled=True)")
    box = at.checkbox[0]
    assert (box.label, box.help, box.label_visibility, box.disabled) == ("c", "tip", "collapsed", True)
