"""The render layer watches embedded Jupyter widgets (st.widget): a change of the
followed trait from outside the app (the browser, through the widget's own model)
reruns the app with on_change; the app's own sync does not."""

from __future__ import annotations

import textwrap

import ipywidgets
import pytest

from nbstream.render.app import App
from nbstream.runtime.script import Script

APP = """
import nbstream as st
if "calls" not in st.session_state:
    st.session_state.calls = 0
def moved():
    st.session_state.calls += 1
if st.button("reset"):
    st.session_state.n = 0
s = st.widget(st.session_state.slider, key="n", on_change=moved)
st.write(f"value={s.value} calls={st.session_state.calls}")
"""


@pytest.fixture
def live():
    slider = ipywidgets.IntSlider(value=2, max=10)
    app = App(Script(textwrap.dedent(APP)))
    app.session.state["slider"] = slider  # the instance the test moves, as a browser would
    app.run(wait=10)
    app.widget.send = lambda content, buffers=None: None
    yield app, slider
    app.close()


def body(app) -> str:
    main = app.widget.publisher.shown["children"][0]["children"]
    return main[-1]["props"]["body"]


def settle(app) -> None:
    for _ in range(3):
        app.session.wait(10)


def test_a_trait_change_from_outside_reruns_with_on_change(live):
    app, slider = live
    assert body(app) == "value=2 calls=0"
    runs = app.session.run_count
    slider.value = 7  # as the browser's comm message sets it
    settle(app)
    assert app.session.run_count == runs + 1
    assert body(app) == "value=7 calls=1"
    assert app.session.state["n"] == 7


def test_the_apps_own_change_does_not_rerun_again(live):
    app, slider = live
    slider.value = 5
    settle(app)
    runs = app.session.run_count
    button = next(m for m in app.widget.publisher.shown["children"][0]["children"] if m["kind"] == "button")
    app.session.click(button["props"]["id"])
    settle(app)
    assert slider.value == 0 and body(app) == "value=0 calls=1"
    assert app.session.run_count == runs + 1  # the reset's own run, no echo run


def test_the_script_setting_the_trait_itself_does_not_rerun():
    slider = ipywidgets.IntSlider(value=2, max=10)
    app = App(
        Script(
            "import nbstream as st\ns = st.widget(st.session_state.slider)\ns.value = min(s.value + 1, 9)\nst.write(s.value)"
        )
    )
    app.session.state["slider"] = slider
    app.run(wait=10)
    settle(app)
    runs = app.session.run_count
    settle(app)
    assert app.session.run_count == runs == 1  # no run set off by its own assignment
    assert slider.value == 3
    app.close()


def test_closing_the_app_closes_the_widget(live):
    app, slider = live
    app.close()
    assert slider.comm is None


def test_the_apps_own_browser_messages_cannot_set_an_embedded_widgets_value(live):
    app, slider = live
    shown = app.widget.publisher.shown["children"][0]["children"]
    wid = next(m["props"]["id"] for m in shown if m["kind"] == "jupyter_widget")
    runs = app.session.run_count
    for wire in ({}, 9, {"value": 9}, None):
        assert app.widget.bridge.handle({"t": "set", "values": {wid: wire}}) is False
    settle(app)
    assert app.session.run_count == runs and slider.value == 2 and body(app) == "value=2 calls=0"
