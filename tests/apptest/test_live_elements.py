"""Spec 1.1 "Animate and update elements": empty, progress, spinner, status, toast, balloons, snow."""

from __future__ import annotations

import threading
import time

import pytest
from apphelpers import run, values

from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession


def test_empty_shows_only_the_last_element_written():
    at = run(
        """
        import nbstream as st
        slot = st.empty()
        for i in range(3):
            slot.text(f"frame {i}")
        st.text("after")
        """
    )
    assert values(at.text) == ["frame 2", "after"]


def test_empty_called_as_a_method_clears_the_placeholder():
    at = run('import nbstream as st\nslot = st.empty()\nslot.text("x")\nslot.empty()\n')
    assert len(at.text) == 0


def test_a_container_inside_empty_is_replaced_as_a_whole():
    at = run(
        """
        import nbstream as st
        slot = st.empty()
        with slot.container():
            st.text("old 1")
            st.text("old 2")
        with slot.container():
            st.text("new")
        """
    )
    assert values(at.text) == ["new"]


def test_progress_updates_in_place_and_accepts_ints_and_floats():
    at = run(
        """
        import nbstream as st
        bar = st.progress(0, text="Operation in progress. Please wait.")
        for pct in range(0, 101, 25):
            bar.progress(pct, text=f"{pct}%")
        st.progress(0.5)
        """
    )
    assert values(at.progress) == [100, 50]
    assert at.progress[0].text == "100%"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (101, "Progress Value has invalid value [0, 100]: 101"),
        (1.5, "Progress Value has invalid value [0.0, 1.0]: 1.5"),
        ("half", "Progress Value has invalid type: str"),
    ],
)
def test_progress_rejects_bad_values(value, message):
    at = run(f"import nbstream as st\nst.progress({value!r})\n")
    assert at.exception[0].message == message


def test_progress_bar_can_be_cleared():
    at = run("import nbstream as st\nbar = st.progress(10)\nbar.empty()\n")
    assert len(at.progress) == 0


def test_spinner_shows_while_its_block_runs_and_goes_after():
    at = run(
        """
        import nbstream as st
        with st.spinner("Wait for it..."):
            st.session_state.seen = len(st.session_state.get("x", ""))
            st.text("working")
        st.success("Done!")
        """
    )
    assert len(at.spinner) == 0
    assert values(at.text) == ["working"]
    assert values(at.success) == ["Done!"]


def test_spinner_is_visible_during_the_run():
    source = """
import nbstream as st, threading
with st.spinner("Loading..."):
    st.session_state.gate.wait(5)
"""
    session = AppSession(Script(source))
    gate = threading.Event()
    session.state["gate"] = gate
    seen = []

    class Listener:
        def run_started(self, ctx):
            pass

        def tree_changed(self, ctx):
            seen.extend(n.props["text"] for n in ctx.root.walk() if n.kind == "spinner")

        def run_finished(self, ctx, completed):
            pass

    session.add_listener(Listener())
    try:
        session.rerun()
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            time.sleep(0.01)
        gate.set()
        assert session.wait(5)
        assert seen[0] == "Loading..."
        assert not [n for n in session.tree.walk() if n.kind == "spinner"]
    finally:
        session.close()


def test_status_completes_when_its_block_ends():
    at = run(
        """
        import nbstream as st
        with st.status("Downloading data...", expanded=True) as status:
            st.write("Searching for data...")
            st.write("Found URL.")
        status.update(label="Download complete!", state="complete", expanded=False)
        """
    )
    status = at.status[0]
    assert (status.label, status.state, status.expanded) == ("Download complete!", "complete", False)
    assert values(status.markdown) == ["Searching for data...", "Found URL."]


def test_status_turns_to_error_when_its_block_raises():
    at = run(
        """
        import nbstream as st
        try:
            with st.status("Working"):
                raise ValueError("boom")
        except ValueError:
            pass
        """
    )
    assert at.status[0].state == "error"


def test_status_rejects_unknown_states():
    at = run('import nbstream as st\nst.status("x", state="done")\n')
    assert "Unknown state (done)" in at.exception[0].message


def test_toast_is_updated_in_place():
    at = run(
        """
        import nbstream as st
        msg = st.toast("Gathering ingredients...")
        msg.toast("Cooking...")
        msg.toast("Ready!", icon="🥞")
        st.toast("That was lit!", icon="🔥")
        """
    )
    assert [(t.value, t.icon) for t in at.toast] == [("Ready!", "🥞"), ("That was lit!", "🔥")]
    assert len(at.main.children) == 0, "toasts float above the page, not in the main body"


def test_balloons_and_snow_replay_on_every_call():
    at = run("import nbstream as st\nst.balloons()\nst.snow()\n")
    first = (at.balloons[0].nonce, at.snow[0].nonce)
    at.run()
    assert len(at.balloons) == len(at.snow) == 1
    assert (at.balloons[0].nonce, at.snow[0].nonce) != first


def test_balloons_and_snow_are_listed_where_they_are_called():
    # As Streamlit's AppTest shows them: elements of the page, in order, in the
    # container (or sidebar) they were called in; toasts alone float in the event area.
    at = run(
        """
        import nbstream as st
        st.write("a")
        st.balloons()
        with st.sidebar:
            st.snow()
        c = st.container()
        c.write("b")
        c.snow()
        st.toast("hi")
        st.write("c")
        """
    )
    assert [n.type for n in at.main] == [
        "main",
        "markdown",
        "balloons",
        "flex_container",
        "markdown",
        "snow",
        "markdown",
    ]
    assert [n.type for n in at.sidebar] == ["sidebar", "snow"]
    assert len(at.get("balloons")) == 1 and len(at.get("snow")) == 2
    assert at.get("balloons")[0].proto.show is True
    assert [n.type for n in at.main.children[2].children.values()] == ["markdown", "snow"]
    assert [n.type for n in at if n.type in ("event", "toast")] == ["event", "toast"]


def test_animation_loop_streams_updates_while_the_script_runs():
    source = """
import nbstream as st, time
progress_text = "Operation in progress. Please wait."
my_bar = st.progress(0, text=progress_text)
for percent_complete in range(0, 100, 20):
    time.sleep(0.02)
    my_bar.progress(percent_complete + 20, text=progress_text)
"""
    session = AppSession(Script(source))
    seen: list[int] = []

    class Listener:
        def run_started(self, ctx):
            pass

        def tree_changed(self, ctx):
            seen.extend(n.props["value"] for n in ctx.root.walk() if n.kind == "progress")

        def run_finished(self, ctx, completed):
            pass

    session.add_listener(Listener())
    try:
        session.rerun()
        assert session.wait(5)
    finally:
        session.close()
    assert seen[0] == 0 and seen[-1] == 100
    assert sorted(set(seen)) == [0, 20, 40, 60, 80, 100]
