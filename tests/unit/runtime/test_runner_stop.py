"""Runs that do not end: the click window, the asynchronous stop, the abandoned C-blocked
run and the run-time limit.

Timings are generous bounds (the watchdog checks every 50 ms and escalates after
fractions of a second); what each test asserts is what the user would see.
"""

from __future__ import annotations

import textwrap
import threading
import time

import pytest

from nbstream import config
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession

WAIT = 10.0


def make_session(source: str, **seed: object) -> AppSession:
    session = AppSession(Script(textwrap.dedent(source), seed=dict(seed)), name="test-stop")
    session.rerun()
    assert session.wait(WAIT)
    return session


def button_id(session: AppSession, label: str) -> str:
    return next(n.id for n in session.tree.walk() if n.kind == "button" and n.props.get("label") == label)


def texts(session: AppSession) -> list[str]:
    return [n.props["body"] for n in session.tree.walk() if n.kind == "text"]


def wait_for(predicate, timeout: float = WAIT) -> float:
    """Seconds until ``predicate()`` held; fails after ``timeout``."""
    t0 = time.monotonic()
    while not predicate():
        assert time.monotonic() - t0 < timeout, "timed out"
        time.sleep(0.01)
    return time.monotonic() - t0


@pytest.fixture
def sessions():
    made: list[AppSession] = []
    yield made
    for s in made:
        s.close()


MONITOR = """
import nbstream as st
if "n" not in st.session_state:
    st.session_state.n = 0
start = st.button("Start monitoring")
other = st.button("Other")
if other:
    log.append("other")
    st.text("other answered")
if start:
    slot = st.empty()
    while True:
        st.session_state.n += 1
        slot.text(f"tick {st.session_state.n}")
"""


def test_past_the_window_a_second_button_stops_a_looping_click_run(sessions):
    config.set_option("runner.clickRunWindow", 0.3)
    log: list[str] = []
    s = make_session(MONITOR, log=log)
    sessions.append(s)
    s.click(button_id(s, "Start monitoring"))
    wait_for(lambda: not s.idle and s.state["n"] > 0)
    t0 = time.monotonic()
    s.click(button_id(s, "Other"))
    assert s.wait(WAIT)
    assert time.monotonic() - t0 < 1.5
    assert log == ["other"]
    assert "other answered" in texts(s)


def test_within_the_window_a_click_run_is_not_cut(sessions):
    # Each click's run takes 0.2 s, inside the (default) one-second window: all count.
    source = """
    import time
    import nbstream as st
    if "n" not in st.session_state:
        st.session_state.n = 0
    if st.button("add"):
        time.sleep(0.2)
        st.session_state.n += 1
    st.text(st.session_state.n)
    """
    s = make_session(source)
    sessions.append(s)
    for _ in range(5):
        s.click(button_id(s, "add"))
    assert s.wait(WAIT)
    assert texts(s) == ["5"] and s.lingering == 0


SPIN = """
import nbstream as st
v = st.slider("v", 0, 10, key="v")
if st.button("spin"):
    entered.set()
    while True:
        pass
st.text(f"value {v}")
"""


def test_stop_ends_a_pure_python_loop(sessions):
    entered = threading.Event()
    s = make_session(SPIN, entered=entered)
    sessions.append(s)
    s.click(button_id(s, "spin"))
    assert entered.wait(WAIT)
    s.stop()
    assert wait_for(lambda: s.idle) < 2.0
    assert s.lingering == 0  # stopped in Python, not left behind
    s.set_values({next(n.id for n in s.tree.walk() if n.kind == "slider"): 4})
    assert s.wait(WAIT)
    assert texts(s) == ["value 4"]


def test_new_input_past_the_window_ends_a_pure_python_loop(sessions):
    config.set_option("runner.clickRunWindow", 0.2)
    entered = threading.Event()
    s = make_session(SPIN, entered=entered)
    sessions.append(s)
    s.click(button_id(s, "spin"))
    assert entered.wait(WAIT)
    s.set_values({next(n.id for n in s.tree.walk() if n.kind == "slider"): 7})
    assert wait_for(lambda: texts(s) == ["value 7"]) < 2.0
    assert s.lingering == 0


def test_a_run_blocked_in_c_is_left_behind_and_its_late_writes_never_show(sessions):
    gate, entered = threading.Event(), threading.Event()
    log: list[str] = []
    source = """
    import nbstream as st
    st.text("top")
    if st.button("block"):
        entered.set()
        gate.wait()  # blocked inside C (a lock), as a long time.sleep or C extension is
        log.append("after the block")
        st.text("late")
    """
    s = make_session(source, gate=gate, entered=entered, log=log)
    sessions.append(s)
    s.click(button_id(s, "block"))
    assert entered.wait(WAIT)
    s.stop()
    assert wait_for(lambda: s.idle) < 2.0
    assert s.lingering == 1
    s.rerun()  # the session goes on at once, on a fresh runner thread
    assert s.wait(WAIT)
    assert texts(s) == ["top"]
    gate.set()
    wait_for(lambda: s.lingering == 0)
    assert log == []  # the stop raised as soon as the C call returned
    assert texts(s) == ["top"]


def test_the_run_time_limit_stops_a_run_with_a_message_and_the_app_keeps_working(sessions):
    config.set_option("runner.maxRunSeconds", 0.5)
    entered = threading.Event()
    s = make_session(SPIN, entered=entered)
    sessions.append(s)
    s.click(button_id(s, "spin"))
    assert entered.wait(WAIT)
    assert wait_for(lambda: s.idle) < 3.0
    errors = [n for n in s.tree.walk() if n.kind == "exception"]
    assert [e.props["type"] for e in errors] == ["RunTimeLimitExceeded"]
    assert "stopped after 0.5 seconds" in errors[0].props["message"]
    s.rerun()
    assert s.wait(WAIT)
    assert texts(s) == ["value 0"]
    assert not [n for n in s.tree.walk() if n.kind == "exception"]


def test_the_options_take_only_seconds():
    from nbstream.errors import StreamlitAPIException

    for bad in (-1, "soon", True):
        with pytest.raises(StreamlitAPIException, match="number of seconds"):
            config.set_option("runner.maxRunSeconds", bad)
    config.set_option("runner.clickRunWindow", 2)
    assert config.get_option("runner.clickRunWindow") == 2
