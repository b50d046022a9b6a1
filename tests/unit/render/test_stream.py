"""What the kernel sends while and after a run: one small patch per quick rerun, streamed
patches during a long one, stale marks, printed output, blobs once."""

from __future__ import annotations

import json
import textwrap
import threading

import pytest
from render_patching import apply

from nbstream.render.stream import Publisher
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession


class Browser:
    """Records what a publisher sends and applies it like the browser would."""

    def __init__(self, publisher: Publisher) -> None:
        self.messages: list[dict] = []
        self.buffers: list[list[bytes]] = []
        self.tree = None
        self.lock = threading.Lock()
        publisher.attach(self.receive)
        state, _ = publisher.snapshot()
        self.tree, self.version = state["tree"], state["v"]

    def receive(self, message: dict, buffers: list[bytes]) -> None:
        with self.lock:
            json.dumps(message)  # everything sent must be JSON
            self.messages.append(message)
            self.buffers.append(buffers)
            if message["t"] == "patch":
                assert message["base"] == self.version
                self.tree = apply(self.tree, message["ops"])
                self.version = message["v"]

    def patches(self) -> list[dict]:
        return [m for m in self.messages if m["t"] == "patch"]

    def texts(self) -> list[str]:
        return [c["props"].get("body", "") for c in self.tree["children"][0]["children"]]


def app(source: str) -> tuple[AppSession, Publisher, Browser]:
    session = AppSession(Script(textwrap.dedent(source)))
    publisher = Publisher(session)
    return session, publisher, Browser(publisher)


@pytest.fixture(autouse=True)
def _close_sessions():
    sessions: list[AppSession] = []
    original = AppSession.__init__

    def track(self, *args, **kwargs):
        original(self, *args, **kwargs)
        sessions.append(self)

    AppSession.__init__ = track
    yield
    AppSession.__init__ = original
    for s in sessions:
        s.close()


def run(session: AppSession, values: dict | None = None) -> None:
    if values is None:
        session.rerun()
    else:
        session.set_values(values)
    assert session.wait(10)


def test_a_quick_run_is_one_patch_and_the_browser_ends_up_with_the_tree():
    session, publisher, browser = app("import nbstream as st\nst.title('Hi')\nst.write('there')")
    run(session)
    (patch,) = browser.patches()
    assert patch["run"] is None
    assert browser.tree == publisher.shown
    assert browser.texts() == ["Hi", "there"]


def test_changing_one_element_of_a_thousand_sends_under_2kb():
    session, publisher, browser = app(
        """
        import nbstream as st
        v = st.slider("v", 0, 10, 0)
        for i in range(998):
            st.write(f"row {i}")
        st.write(f"value {v}")
        """
    )
    run(session)
    slider = browser.tree["children"][0]["children"][0]["props"]["id"]
    before = len(browser.messages)
    run(session, {slider: 5})
    sent = browser.messages[before:]
    assert len(json.dumps(sent)) < 2048
    assert browser.texts()[-1] == "value 5"
    assert browser.tree == publisher.shown


def test_a_long_run_streams_its_output_and_marks_the_rest_stale():
    session, _publisher, browser = app(
        """
        import time
        import nbstream as st
        st.write("first")
        if st.session_state.get("slow"):
            time.sleep(0.6)
        st.write("second")
        st.session_state.slow = True
        """
    )
    run(session)
    run(session)
    streamed = [p for p in browser.patches() if p["run"] is not None]
    assert streamed, "nothing reached the browser while the run slept"
    assert [["main"], 1] in streamed[0]["run"]["fresh"]
    assert browser.patches()[-1]["run"] is None


def test_elements_written_during_a_long_run_arrive_before_it_ends():
    session, _publisher, browser = app(
        """
        import time
        import nbstream as st
        box = st.empty()
        for i in range(3):
            box.write(f"step {i}")
            time.sleep(0.4)
        """
    )
    session.rerun()
    seen = []
    for _ in range(100):
        with browser.lock:
            texts = browser.texts()
        if "step 1" in texts:
            seen.append(session.idle)
            break
        threading.Event().wait(0.05)
    assert seen == [False], "step 1 did not reach the browser while the run went on"
    assert session.wait(10)
    assert browser.texts() == ["step 2"]


def test_an_interrupted_run_leaves_no_stale_marks_once_the_app_is_idle():
    session, _publisher, browser = app(
        """
        import time
        import nbstream as st
        v = st.slider("v", 0, 10, 0)
        st.write("a")
        if v == 1:
            for _ in range(40):
                time.sleep(0.05)
                st.write("looping")
        """
    )
    run(session)
    slider = browser.tree["children"][0]["children"][0]["props"]["id"]
    session.set_values({slider: 1})
    threading.Event().wait(0.3)
    session.stop()
    assert session.wait(10)
    threading.Event().wait(0.3)
    assert browser.patches()[-1]["run"] is None


def test_printed_output_goes_to_the_app_and_is_replaced_by_the_next_run():
    session, _publisher, browser = app("import nbstream as st\nprint('hello from the app')\nst.write('x')")
    run(session)
    outs = [m for m in browser.messages if m["t"] == "out"]
    assert outs[0]["text"] == "hello from the app\n"
    assert outs[0]["stream"] == "stdout"


def test_blobs_travel_once_and_are_dropped_when_unused():
    session, _publisher, browser = app(
        """
        import nbstream as st
        from nbstream.elements._base import add_element
        v = st.slider("v", 0, 10, 0)
        if v < 5:
            add_element("image", {"data": b"\\x89PNG" + bytes(100)})
        st.write(v)
        """
    )
    run(session)
    first = browser.patches()[-1]
    assert len(first["blobs"]) == 1 and len(browser.buffers[-1][0]) == 104
    slider = browser.tree["children"][0]["children"][0]["props"]["id"]
    run(session, {slider: 1})
    assert browser.patches()[-1]["blobs"] == []
    run(session, {slider: 7})
    assert browser.patches()[-1]["drop"] == first["blobs"]


def test_a_new_view_at_another_version_gets_a_snapshot():
    session, publisher, browser = app("import nbstream as st\nst.write('x')")
    run(session)
    publisher.hello(browser.version)
    assert browser.messages[-1]["t"] == "patch"
    publisher.hello(-1)
    snap = browser.messages[-1]
    assert snap["t"] == "snapshot" and snap["tree"] == publisher.shown and snap["v"] == publisher.version


def test_a_value_the_user_sent_is_not_replaced_by_an_older_run():
    session, publisher, browser = app(
        """
        import time
        import nbstream as st
        v = st.slider("v", 0, 10, 0)
        time.sleep(0.2)
        st.write(f"value {v}")
        """
    )
    run(session)
    slider = browser.tree["children"][0]["children"][0]["props"]["id"]
    # The user moves the slider to 4 and, while that run goes on, on to 5 (as the bridge
    # reports each committed value to the publisher, then to the session).
    # A patch made before the 5 was sent may show 4 (the user's latest value then); none
    # made after it may (on a busy machine the 4-run can stream before the 5 arrives).
    after_five = 0
    for value in (4, 5):
        publisher.browser_values({slider: value})
        after_five = len(browser.patches())
        session.set_values({slider: value})
        threading.Event().wait(0.05)
    assert session.wait(10)
    pushed = [
        op["set"]["value"]
        for p in browser.patches()[after_five:]
        for op in p["ops"]
        if op["op"] == "props" and op["at"][-1] == slider and "value" in op["set"]
    ]
    assert 4 not in pushed
    assert browser.tree["children"][0]["children"][0]["props"]["value"] == 5
    assert browser.texts()[-1] == "value 5"


def test_a_value_the_script_sets_after_the_users_still_shows():
    session, publisher, browser = app(
        """
        import nbstream as st
        def reset():
            st.session_state.v = 0
        v = st.slider("v", 0, 10, 0, key="v")
        st.button("Reset", on_click=reset)
        """
    )
    run(session)
    slider, button = (c["props"]["id"] for c in browser.tree["children"][0]["children"])
    publisher.browser_values({slider: 6})
    session.set_values({slider: 6})
    assert session.wait(10)
    session.click(button)
    assert session.wait(10)
    assert browser.tree["children"][0]["children"][0]["props"]["value"] == 0
