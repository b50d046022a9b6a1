"""The runner's thread model: values coalesce and interrupt, clicks are events.

Scripts here block on a ``threading.Event`` (``gate``) so that input can be sent while a
run is known to be in progress; nothing depends on timing.
"""

from __future__ import annotations

import textwrap
import threading

import pytest

from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession

WAIT = 10.0


class Harness:
    """An AppSession whose script can be held at ``gate.wait()`` and records to ``log``."""

    def __init__(self, source: str) -> None:
        self.gate = threading.Event()
        self.entered = threading.Event()
        self.log: list = []
        seed = {"gate": self.gate, "entered": self.entered, "log": self.log}
        self.session = AppSession(Script(textwrap.dedent(source), seed=seed), name="test")
        self.gate.set()
        self.session.rerun()
        assert self.session.wait(WAIT)

    def wid(self, kind: str, index: int = 0) -> str:
        return [n for n in self.session.tree.walk() if n.kind == kind][index].id

    def hold(self) -> None:
        """Let the next run stop at gate.wait()."""
        self.gate.clear()
        self.entered.clear()

    def wait_entered(self) -> None:
        assert self.entered.wait(WAIT), "the run never reached the gate"

    def release(self) -> None:
        self.gate.set()
        assert self.session.wait(WAIT)

    def texts(self) -> list[str]:
        return [n.props["body"] for n in self.session.tree.walk() if n.kind == "text"]

    def close(self) -> None:
        self.gate.set()
        self.session.close()


@pytest.fixture
def harness():
    made = []

    def make(source: str) -> Harness:
        h = Harness(source)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


VALUE_APP = """
import nbstream as st
v = st.slider("s", 0, 100, key="s")
log.append(("start", v))
entered.set()
gate.wait()
log.append(("between", v))  # plain Python goes on until the next st.* call
st.text(v)
log.append(("end", v))
"""


def test_values_coalesce_and_interrupt_a_running_value_run(harness):
    h = harness(VALUE_APP)
    s = h.wid("slider")
    h.log.clear()
    h.hold()
    h.session.set_values({s: 1})
    h.wait_entered()
    for value in (2, 3, 4):  # sent while the run with 1 is going on
        h.session.set_values({s: value})
    h.release()
    assert h.log == [("start", 1), ("between", 1), ("start", 4), ("between", 4), ("end", 4)]
    assert h.texts() == ["4"]
    assert h.session.state["s"] == 4


def test_an_interrupted_run_does_not_replace_what_is_shown(harness):
    h = harness(VALUE_APP)
    s = h.wid("slider")
    runs = h.session.run_count
    h.hold()
    h.session.set_values({s: 1})
    h.wait_entered()
    h.session.set_values({s: 2})
    h.release()
    assert h.session.run_count == runs + 1  # only the finished run counts
    assert h.texts() == ["2"]


CLICK_APP = """
import nbstream as st
clicked = st.button("b")
v = st.slider("s", 0, 100, key="s")
if clicked:
    st.session_state.clicks = st.session_state.get("clicks", 0) + 1
log.append((clicked, v))
entered.set()
gate.wait()
st.text(f"{clicked} {v}")
"""


def test_a_click_is_its_own_run_and_is_not_interrupted(harness):
    h = harness(CLICK_APP)
    b, s = h.wid("button"), h.wid("slider")
    h.log.clear()
    h.hold()
    h.session.click(b)
    h.wait_entered()
    h.session.set_values({s: 5})  # arrives during the click's run: queued behind it
    h.release()
    assert h.log == [(True, 0), (False, 5)]
    assert h.texts() == ["False 5"]
    assert h.session.state["clicks"] == 1


def test_values_made_before_a_click_apply_before_its_run(harness):
    h = harness(CLICK_APP)
    b, s = h.wid("button"), h.wid("slider")
    h.log.clear()
    h.hold()
    h.session.rerun()
    h.wait_entered()  # a value run is in progress; what follows queues
    h.session.set_values({s: 7})
    h.session.click(b)
    h.release()
    assert h.log == [(False, 0), (True, 7)]  # the value and the click in one run


def test_clicks_queued_during_a_run_each_get_a_run(harness):
    h = harness(CLICK_APP)
    b = h.wid("button")
    h.log.clear()
    h.hold()
    h.session.rerun()
    h.wait_entered()
    for _ in range(20):
        h.session.click(b)
    h.release()
    assert h.session.state["clicks"] == 20
    assert [entry for entry in h.log if entry[0]] == [(True, 0)] * 20


def test_values_after_a_queued_click_do_not_join_it(harness):
    h = harness(CLICK_APP)
    b, s = h.wid("button"), h.wid("slider")
    h.log.clear()
    h.hold()
    h.session.rerun()
    h.wait_entered()
    h.session.click(b)
    h.session.set_values({s: 9})
    h.session.set_values({s: 10})
    h.release()
    assert h.log == [(False, 0), (True, 0), (False, 10)]


def test_a_click_interrupts_a_running_value_run(harness):
    h = harness(
        VALUE_APP.replace(
            'st.slider("s", 0, 100, key="s")', 'st.slider("s", 0, 100, key="s")\nst.button("b")'
        )
    )
    b = h.wid("button")
    h.log.clear()
    h.hold()
    h.session.rerun()
    h.wait_entered()
    h.session.click(b)
    h.release()
    assert h.log == [("start", 0), ("between", 0), ("start", 0), ("between", 0), ("end", 0)]


CALLBACK_APP = """
import nbstream as st
def changed():
    entered.set()
    gate.wait()
    log.append(("callback", st.session_state.s))
v = st.slider("s", 0, 100, key="s", on_change=changed)
log.append(("script", v))
"""


def test_a_callback_runs_to_its_end_even_when_new_input_arrives(harness):
    h = harness(CALLBACK_APP)
    s = h.wid("slider")
    h.log.clear()
    h.hold()
    h.session.set_values({s: 1})
    h.wait_entered()
    h.entered.clear()
    h.session.set_values({s: 2})
    h.release()
    # The first callback finished; its run was then superseded by the run for 2,
    # which has its own callback (the gate is open now).
    assert h.log[0] == ("callback", 1)
    assert h.log[-2:] == [("callback", 2), ("script", 2)]
    assert ("script", 1) not in h.log


def test_stop_interrupts_even_a_click_run(harness):
    h = harness(CLICK_APP)
    b = h.wid("button")
    runs = h.session.run_count
    h.hold()
    h.session.click(b)
    h.wait_entered()
    h.session.stop()
    h.release()
    assert h.session.run_count == runs  # the click's run never finished


def test_rerun_from_the_script_runs_again_at_once(harness):
    h = harness(
        """
        import nbstream as st
        n = st.session_state.get("n", 0) + 1
        st.session_state.n = n
        if n in (2, 3):
            st.rerun()
        st.text(n)
        """
    )
    assert h.texts() == ["1"]
    h.session.rerun()
    assert h.session.wait(WAIT)
    assert h.texts() == ["4"]


def test_bad_values_from_the_browser_are_dropped_and_the_run_goes_on(harness, caplog):
    h = harness(CLICK_APP)
    s = h.wid("slider")
    h.session.set_values({s: "not a number", "$$WID-unknown": 3})
    assert h.session.wait(WAIT)
    assert h.texts() == ["False 0"]
    assert h.session.state["s"] == 0
    assert any("dropped an invalid value" in r.getMessage() for r in caplog.records)


def test_a_click_on_a_non_button_is_dropped(harness):
    h = harness(CLICK_APP)
    s = h.wid("slider")
    h.session.click(s)
    assert h.session.wait(WAIT)
    assert h.texts() == ["False 0"]
    assert "clicks" not in h.session.state


SWITCHER = """
import nbstream as st
import threading
def home():
    if st.button("Go"):
        st.session_state.gate.wait(5)  # input arrives while this click's run goes on
        st.switch_page(st.Page(other))
    st.text_input("Name", key="name")
def other():
    st.markdown("other page")
st.navigation([st.Page(home), st.Page(other)]).run()
"""


def test_switch_page_is_not_lost_to_input_queued_during_the_run():
    session = AppSession(Script(textwrap.dedent(SWITCHER)))
    gate = threading.Event()
    session.state["gate"] = gate
    session.rerun()
    assert session.wait(5)
    ids = {node.kind: node.id for node in session.tree.walk() if node.id}
    session.click(ids["button"])
    session.set_values({ids["text_input"]: "Ada"})  # queued behind the click's run
    gate.set()
    assert session.wait(5)
    bodies = [node.props.get("body") for node in session.tree.walk()]
    assert "other page" in bodies
    assert session.route.current == "other"
    session.close()
