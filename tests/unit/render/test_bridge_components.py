"""A component's values reach the kernel through the bridge like any widget's: malformed,
foreign-typed or oversized ones are dropped and change nothing, a valid one reruns."""

from __future__ import annotations

import base64
import textwrap

import pytest

from nbstream.render.app import App
from nbstream.runtime.script import Script

APP = """
import nbstream as st
import nbstream.components.v1 as components
level = st.slider("Level", 0, 10, 3)
c = components.declare_component("probe", url="http://localhost:3001")
got = c(key="probe", default="none")
st.write(f"level={level} got={got!r}")
"""


def custom(content) -> dict:
    return {"content": {"data": {"method": "custom", "content": content}}, "buffers": []}


@pytest.fixture
def live():
    app = App(Script(textwrap.dedent(APP)))
    app.run(wait=10)
    app.widget.send = lambda content, buffers=None: None
    yield app
    app.close()


def shown(app) -> tuple[dict[str, str], str]:
    main = app.widget.publisher.shown["children"][0]["children"]
    ids = {c["kind"]: c["props"]["id"] for c in main if "id" in c["props"]}
    return ids, main[-1]["props"]["body"]


def test_bad_component_values_are_dropped_and_a_good_one_reruns(live):
    app = live
    ids, body = shown(app)
    assert body == "level=3 got='none'"
    comp, slider = ids["component_instance"], ids["slider"]
    runs = app.session.run_count
    bad_values = [
        {"pickle": "x"},
        {"json": 1, "bytes": ""},
        "x" * 100,
        {"bytes": "%%%"},
        {"dataframe": base64.b64encode(b"junk").decode()},
        {"json": "x" * 9_000_000},
    ]
    for value in bad_values:
        app.widget._handle_msg(custom({"t": "set", "values": {comp: value}}))
    # A component's wire value sent to the slider is refused by the slider's serde.
    app.widget._handle_msg(custom({"t": "set", "values": {slider: {"json": 9}}}))
    app.widget._handle_msg(custom({"t": "click", "id": comp, "values": {}}))
    app.session.wait(5)
    assert app.widget.bridge.dropped >= len(bad_values) + 2
    assert app.session.run_count == runs
    assert shown(app)[1] == "level=3 got='none'"

    app.widget._handle_msg(custom({"t": "set", "values": {comp: {"json": {"picked": [1, 2]}}}}))
    assert app.session.wait(10)
    assert shown(app)[1] == "level=3 got={'picked': [1, 2]}"
    assert app.session_state["probe"] == {"picked": [1, 2]}
