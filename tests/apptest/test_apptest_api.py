"""AppTest's own API, as Streamlit suites use it: containers, iteration, keys, attributes."""

from __future__ import annotations

import datetime

import pytest
from apphelpers import run

from nbstream.testing import AppTest

LAYOUT = """
import datetime
import nbstream as st
st.title("T")
with st.sidebar:
    st.checkbox("side", key="side")
left, right = st.columns([1, 3])
left.slider("s", 0, 10, 5, key="s")
right.markdown("<b>x</b>", unsafe_allow_html=True)
with st.expander("More"):
    st.code("x = 1", line_numbers=True)
tabs = st.tabs(["A", "B"])
tabs[1].date_input("d", datetime.date(2024, 1, 2), min_value=datetime.date(2024, 1, 1),
                   max_value=datetime.date(2024, 12, 31), key="d")
st.number_input("n", 1, 9, key="n")
"""


def test_children_by_position():
    at = run(LAYOUT)
    children = at.main.children
    assert list(children) == [0, 1, 2, 3, 4]
    assert [c.type for c in children.values()] == [
        "title",
        "flex_container",  # Streamlit's node type for the row st.columns draws
        "expander",
        "tab_container",
        "number_input",
    ]
    assert at.main[0].value == "T"
    assert len(at.main) == 5
    assert len(at.sidebar) == 1


def test_iteration_walks_the_container_in_display_order():
    at = run(LAYOUT)
    kinds = [e.type for e in at.main]
    assert kinds[0] == "main"
    assert kinds.index("slider") < kinds.index("markdown") < kinds.index("code") < kinds.index("date_input")
    assert "checkbox" not in kinds
    assert [e.type for e in at.sidebar] == ["sidebar", "checkbox"]
    assert "checkbox" in [e.type for e in at]


def test_get_by_key_and_get_by_kind():
    at = run(LAYOUT)
    assert at.main.get_by_key("s").value == 5
    assert at.get_by_key("side").label == "side"
    with pytest.raises(KeyError):
        at.main.get_by_key("side")
    assert [e.value for e in at.get("slider")] == [5]


def test_streamlit_attribute_names():
    at = run(LAYOUT)
    assert (at.slider[0].min, at.slider[0].max, at.slider[0].step) == (0, 10, 1)
    assert (at.number_input[0].min, at.number_input[0].max) == (1, 9)
    assert at.date_input[0].min == datetime.date(2024, 1, 1)
    assert at.date_input[0].max == datetime.date(2024, 12, 31)
    assert at.markdown[0].allow_html is True
    assert at.code[0].show_line_numbers is True
    assert at.code[0].language == "python"


def test_containers_expose_the_same_sequences_as_at():
    at = run(LAYOUT)
    assert at.columns[0].slider[0].key == "s"
    assert at.columns[1].markdown[0].value == "<b>x</b>"
    assert [c.weight for c in at.columns] == [0.25, 0.75]
    assert at.expander[0].label == "More"
    assert at.expander[0].code[0].value == "x = 1"
    assert [t.label for t in at.tabs] == ["A", "B"]
    assert at.tabs[1].date_input[0].value == datetime.date(2024, 1, 2)
    assert len(at.tabs[0].date_input) == 0


def test_element_lists_compare_and_give_values():
    at = run("import nbstream as st\nst.text('a')\nst.text('b')")
    assert at.text.values == ["a", "b"]
    assert len(at.text) == 2
    assert at.text == at.text


def test_unknown_attribute_is_an_attribute_error():
    at = run("import nbstream as st\nst.slider('s')")
    with pytest.raises(AttributeError):
        at.slider[0].no_such_attribute


def test_a_widget_run_runs_the_app():
    at = run("import nbstream as st\nst.text(st.slider('s', 0, 10))")
    assert at.slider[0].set_value(4).run() is at
    assert at.text[0].value == "4"


# ---- runs that take too long ---------------------------------------------------------


def runner_cpu_seconds(seconds: float) -> float:
    """CPU time the process's nbstream threads use over ``seconds``."""
    import threading
    import time

    import psutil

    ids = {t.native_id for t in threading.enumerate() if t.name.startswith("nbstream-")}

    def used() -> float:
        return sum(t.user_time + t.system_time for t in psutil.Process().threads() if t.id in ids)

    before = used()
    time.sleep(seconds)
    return used() - before


def test_a_run_past_its_timeout_raises_and_is_stopped_not_left_spinning():
    import time

    at = AppTest.from_string(
        """
        import nbstream as st
        if st.checkbox("spin"):
            while True:
                pass
        st.write("done")
        """
    ).run()
    at.checkbox[0].check()
    t0 = time.monotonic()
    with pytest.raises(RuntimeError, match=r"^AppTest script run timed out after 0.3\(s\)$"):
        at.run(timeout=0.3)
    assert time.monotonic() - t0 < 2.0
    assert at._session.idle  # the loop was stopped inside its thread
    assert runner_cpu_seconds(0.5) < 0.1  # and no runner thread goes on spinning
    at.checkbox[0].uncheck().run()
    assert at.markdown[0].value == "done"


def test_a_run_blocked_in_c_past_its_timeout_raises_and_the_next_run_goes_on():
    at = AppTest.from_string(
        """
        import time
        import nbstream as st
        if st.checkbox("sleep"):
            time.sleep(5)
        st.write("awake")
        """
    ).run()
    at.checkbox[0].check()
    with pytest.raises(RuntimeError, match=r"timed out after 0\.2\(s\)"):
        at.run(timeout=0.2)
    at.checkbox[0].uncheck().run(timeout=2)
    assert at.markdown[0].value == "awake"
