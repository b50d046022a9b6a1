"""Bugs real public Streamlit apps hit in nbstream (issue 11), each checked against
Streamlit 1.67's behaviour for the same script."""

from __future__ import annotations

import datetime
from enum import Enum

import pytest
from apphelpers import run

import nbstream as st

# ---- frames whose index holds objects ----------------------------------------------------


@pytest.mark.parametrize(
    "index",
    [
        "[datetime.date(2024, 1, 1), datetime.date(2024, 1, 2)]",
        "[(1, 'a'), (2, 'b')]",
        "pd.Index(['x', 'y'], dtype=object)",
        "pd.Index([datetime.time(8), datetime.time(9)], dtype=object)",
    ],
)
@pytest.mark.parametrize("command", ["st.dataframe", "st.write"])
def test_a_frame_with_an_object_index_is_shown(index, command):
    at = run(
        "import datetime\nimport pandas as pd\nimport nbstream as st\n"
        f"df = pd.DataFrame({{'v': [1, 2]}}, index={index})\n{command}(df)\n"
    )
    assert not at.exception
    shown = at.dataframe[0].value
    assert list(shown["v"]) == [1, 2]
    assert len(shown.index) == 2


# ---- sliders widen their bounds to a default outside them ---------------------------------


@pytest.mark.parametrize(
    ("call", "value", "bounds"),
    [
        ("st.slider('Years', 1986, 2006, (2000, 2016))", (2000, 2016), (1986, 2016)),
        ("st.slider('s', 0, 10, 11)", 11, (0, 11)),
        ("st.slider('s', 0.5, 1.0, 0.25)", 0.25, (0.25, 1.0)),
        ("st.slider('s', 10, 20, (5, 30))", (5, 30), (5, 30)),
        (
            "st.slider('d', datetime.date(2020, 1, 1), datetime.date(2020, 2, 1), datetime.date(2019, 5, 5))",
            datetime.date(2019, 5, 5),
            (datetime.date(2019, 5, 5), datetime.date(2020, 2, 1)),
        ),
        (
            "st.slider('t', datetime.time(9), datetime.time(17), (datetime.time(8), datetime.time(12)))",
            (datetime.time(8), datetime.time(12)),
            (datetime.time(8), datetime.time(17)),
        ),
        (
            "st.slider('dt', datetime.datetime(2024, 1, 1), datetime.datetime(2024, 1, 2), "
            "datetime.datetime(2024, 1, 5))",
            datetime.datetime(2024, 1, 5),
            (datetime.datetime(2024, 1, 1), datetime.datetime(2024, 1, 5)),
        ),
    ],
)
def test_a_slider_widens_its_bounds_to_fit_its_default(call, value, bounds):
    at = run(f"import datetime\nimport nbstream as st\nv = {call}\nst.write(repr(v))\n")
    assert not at.exception
    assert at.slider[0].value == value
    assert at.markdown[0].value == repr(value)
    # The same slider drawn with the widened bounds given explicitly (min/max read in wire form).
    label = call.split("'")[1]
    same = run(
        f"import datetime\nimport nbstream as st\nst.slider({label!r}, {bounds[0]!r}, {bounds[1]!r}, {value!r})\n"
    )
    assert (at.slider[0].min, at.slider[0].max) == (same.slider[0].min, same.slider[0].max)
    assert at.slider[0].min != at.slider[0].max


def test_number_input_keeps_its_out_of_range_error():
    at = run("import nbstream as st\nst.number_input('n', 0, 10, 11)\n")
    assert at.exception[0].message == (
        "The default `value` of 11 must lie between the `min_value` of 0 and the `max_value` of 10, inclusively."
    )


# ---- Enum members of another copy of the options' class ------------------------------------

ENUM_APP = """
from enum import Enum
import nbstream as st
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
picked = st.multiselect("Pick colors", options=Color)
st.text(f"multiselect: {[type(c) is Color for c in picked]} {[c.name for c in picked]}")
one = st.select_slider("Slider color", Color)
st.text(f"select_slider: {type(one) is Color} {one.name}")
box = st.selectbox("Box color", Color)
st.text(f"selectbox: {type(box) is Color} {box.name}")
"""


class Color(Enum):  # the test's own copy, as a Streamlit AppTest suite writes it
    RED = 1
    GREEN = 2
    BLUE = 3


def test_set_value_takes_members_of_another_copy_of_the_enum_class():
    at = run(ENUM_APP)
    at.multiselect[0].set_value([Color.RED, Color.GREEN])
    at.select_slider[0].set_value(Color.GREEN)
    at.selectbox[0].set_value(Color.BLUE)
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == [
        "multiselect: [True, True] ['RED', 'GREEN']",
        "select_slider: True GREEN",
        "selectbox: True BLUE",
    ]


def test_members_of_the_previous_runs_class_are_coerced_for_multiselect():
    at = run(ENUM_APP)
    previous = type(at.selectbox[0].value)
    at.multiselect[0].set_value([previous.BLUE]).run()
    at.multiselect[0].select(type(at.selectbox[0].value).RED).run()
    assert at.text[0].value == "multiselect: [True, True] ['BLUE', 'RED']"


def test_without_coercion_another_class_is_not_an_option():
    st.set_option("runner.enumCoercion", "off")
    try:
        at = run(ENUM_APP)
        with pytest.raises(ValueError, match="is not one of the options"):
            at.multiselect[0].set_value([Color.RED])
    finally:
        st.set_option("runner.enumCoercion", "nameOnly")


# ---- cache_data refuses what pickle refuses ------------------------------------------------


def test_cache_data_returning_a_lambda_raises_unserializable_return_value_error():
    at = run(
        """
        import nbstream as st
        from nbstream.errors import UnserializableReturnValueError

        @st.cache_data
        def make_adder():
            return lambda x: x + 1

        try:
            make_adder()
        except UnserializableReturnValueError as e:
            st.text(f"refused: {type(e).__name__}")
        """
    )
    assert [t.value for t in at.text] == ["refused: UnserializableReturnValueError"]


def test_cache_data_returning_a_lambda_outside_an_app_raises_too():
    from nbstream.errors import UnserializableReturnValueError

    @st.cache_data(persist=False)
    def make_adder():
        return lambda x: x + 1

    with pytest.raises(UnserializableReturnValueError):
        make_adder()


def test_cache_data_returning_a_lambda_raises_in_a_process_with_no_disk_store(monkeypatch):
    from nbstream import config
    from nbstream.caching.stores import DiskStore

    monkeypatch.setenv("NBSTREAM_CACHE_PERSIST", "false")  # no disk store in this process
    config.reload()
    try:
        assert not DiskStore.enabled()
        test_cache_data_returning_a_lambda_raises_unserializable_return_value_error()
    finally:
        monkeypatch.delenv("NBSTREAM_CACHE_PERSIST")
        config.reload()


def test_cache_data_still_returns_functions_the_script_defines_at_top_level():
    at = run(
        """
        import nbstream as st

        def double(x):
            return 2 * x

        @st.cache_data
        def pick():
            return double

        st.text(str(pick()(21)) + " " + str(pick() is double))
        """
    )
    assert not at.exception
    assert at.text[0].value == "42 True"
