"""Spec 3.5 "Working with fragments": fragment reruns, outside containers, run_every."""

from __future__ import annotations

import time

import pytest
from apphelpers import run, values

from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession

COUNTED = """
import nbstream as st
st.session_state.full = st.session_state.get("full", 0) + 1
st.title("My Awesome App")
@st.fragment()
def toggle_and_text():
    st.session_state.frag = st.session_state.get("frag", 0) + 1
    cols = st.columns(2)
    on = cols[0].toggle("Toggle")
    cols[1].text_area("Enter text")
    st.text(f"toggle={on}")
toggle_and_text()
cols = st.columns(2)
cols[0].selectbox("Select", [1, 2, 3], None)
cols[1].button("Update")
st.text(f"full={st.session_state.full}")
"""


def test_the_basic_fragment_example():
    at = run(
        """
        import nbstream as st
        @st.fragment
        def fragment_function():
            if st.button("Hi!"):
                st.write("Hi back!")
        fragment_function()
        """
    )
    at.button[0].click()
    at.run_fragment("fragment_function")
    assert values(at.markdown) == ["Hi back!"]
    at.run_fragment("fragment_function")
    assert values(at.markdown) == []


def test_a_fragment_rerun_executes_only_the_fragment():
    at = run(COUNTED)
    at.toggle[0].set_value(True)
    at.fragment[0].run()
    assert at.session_state.full == 1
    assert at.session_state.frag == 2
    assert values(at.text) == ["toggle=True", "full=1"]
    assert values(at.title) == ["My Awesome App"], "the rest of the page is untouched"


def test_an_interaction_outside_the_fragment_reruns_everything():
    at = run(COUNTED)
    at.button[0].click().run()
    assert (at.session_state.full, at.session_state.frag) == (2, 2)


def test_apptest_run_stays_a_full_run():
    at = run(COUNTED)
    at.toggle[0].set_value(True).run()
    assert (at.session_state.full, at.session_state.frag) == (2, 2)


def test_fragment_in_the_sidebar():
    at = run(
        """
        import nbstream as st
        @st.fragment
        def part():
            st.checkbox("in fragment")
        with st.sidebar:
            part()
        """
    )
    assert [c.label for c in at.sidebar.checkbox] == ["in fragment"]
    at.sidebar.checkbox[0].check()
    at.run_fragment("part")
    assert at.sidebar.checkbox[0].value is True


def test_elements_written_outside_accumulate_until_the_next_full_run():
    at = run(
        """
        import nbstream as st
        log = st.container()
        @st.fragment
        def part():
            st.button("tick")
            log.text("tick")
        part()
        """
    )
    at.run_fragment("part")
    at.run_fragment("part")
    assert values(at.text) == ["tick", "tick", "tick"]
    at.run()
    assert values(at.text) == ["tick"]


def test_st_empty_outside_keeps_one_element():
    at = run(
        """
        import nbstream as st
        slot = st.empty()
        @st.fragment
        def part():
            st.session_state.n = st.session_state.get("n", 0) + 1
            slot.text(f"run {st.session_state.n}")
        part()
        """
    )
    at.run_fragment("part")
    assert values(at.text) == ["run 2"]


def test_widgets_cannot_be_written_outside_the_fragment_body():
    at = run(
        """
        import nbstream as st
        outside = st.container()
        @st.fragment
        def part():
            outside.button("no")
        part()
        """
    )
    assert at.exception[0].message.startswith("Fragments cannot write widgets to outside containers.")


def test_full_rerun_from_inside_a_fragment():
    at = run(
        """
        import nbstream as st
        st.session_state.full = st.session_state.get("full", 0) + 1
        @st.fragment
        def part():
            if st.button("Rerun app"):
                st.rerun()
        part()
        """
    )
    at.button[0].click()
    at.run_fragment("part")
    assert at.session_state.full == 2


def test_fragment_scoped_rerun():
    at = run(
        """
        import nbstream as st
        @st.fragment
        def part():
            st.session_state.n = st.session_state.get("n", 0) + 1
            if st.session_state.n == 2:
                st.rerun(scope="fragment")
            st.text(f"n={st.session_state.n}")
        part()
        """
    )
    at.run_fragment("part")
    assert values(at.text) == ["n=3"]


def test_rerun_scope_fragment_outside_a_fragment_raises():
    at = run('import nbstream as st\nst.rerun(scope="fragment")\n')
    assert at.exception[0].proto.type == "StreamlitAPIException"


def test_fragment_widgets_keep_state_across_full_reruns_and_are_cleaned_with_the_fragment():
    at = run(
        """
        import nbstream as st
        show = st.checkbox("show", value=True)
        @st.fragment
        def part():
            st.text_input("inside", key="inside")
        if show:
            part()
        """
    )
    at.text_input[0].input("kept")
    at.run_fragment("part")
    at.run()
    assert at.session_state["inside"] == "kept"
    at.checkbox[0].uncheck().run()
    assert "inside" not in at.session_state


def test_a_fragment_rerun_cleans_only_its_own_widgets():
    at = run(
        """
        import nbstream as st
        st.text_input("outside", key="outside")
        @st.fragment
        def part():
            if st.toggle("more", key="more"):
                st.text_input("extra", key="extra")
        part()
        """
    )
    at.text_input(key="outside").input("o").run()
    at.toggle[0].set_value(True)
    at.run_fragment("part")
    at.text_input(key="extra").input("e")
    at.run_fragment("part")
    at.toggle[0].set_value(False)
    at.run_fragment("part")
    assert "extra" not in at.session_state
    assert at.session_state["outside"] == "o"


@pytest.mark.parametrize("interval", [0.05, "50ms"])
def test_run_every_reruns_the_fragment_without_interaction(interval):
    source = f"""
import nbstream as st
@st.fragment(run_every={interval!r})
def ticker():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.text(f"ticks={{st.session_state.ticks}}")
ticker()
"""
    session = AppSession(Script(source))
    try:
        session.rerun()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and session.state.get("ticks", 0) < 4:
            time.sleep(0.02)
        assert session.state["ticks"] >= 4
    finally:
        session.close()
    assert session.fragments.active_timers() == 0, "closing the session stops its timers"


def test_run_every_pauses_without_a_view_and_stops_when_the_fragment_is_gone():
    source = """
import nbstream as st
@st.fragment(run_every=0.05)
def ticker():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
if st.session_state.get("on", True):
    ticker()
"""
    session = AppSession(Script(source))
    try:
        session.rerun()
        session.wait(5)
        session.fragments.paused = True
        time.sleep(0.1)
        session.wait(5)
        paused_at = session.state["ticks"]
        time.sleep(0.3)
        assert session.state["ticks"] == paused_at
        session.fragments.paused = False
        session.state["on"] = False
        session.rerun()
        session.wait(5)
        assert session.fragments.active_timers() == 0
    finally:
        session.close()
