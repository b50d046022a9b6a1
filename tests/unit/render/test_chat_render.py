"""Chat through the render layer: chat_input's submission travels with its click event
and is validated like any browser input; a streamed answer reaches the browser as appends."""

from __future__ import annotations

import json
import textwrap

import pytest
from render_patching import apply

from nbstream.render.app import App
from nbstream.render.diff import APPEND_MIN_CHARS, diff
from nbstream.render.stream import Publisher
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession

CHAT = """
import nbstream as st
if "log" not in st.session_state:
    st.session_state.log = []
msg = st.chat_input("Ask", max_chars=10)
if msg:
    st.session_state.log.append(msg)
clicked = st.button("Go")
st.text(f"log={st.session_state.log} clicked={clicked}")
"""


def custom(content) -> dict:
    return {"content": {"data": {"method": "custom", "content": content}}, "buffers": []}


@pytest.fixture
def live():
    app = App(Script(textwrap.dedent(CHAT)))
    app.run(wait=10)
    widget = app.widget
    widget.send = lambda content, buffers=None: None
    yield app, widget
    app.close()


def shown_text(widget) -> str:
    main = widget.publisher.shown["children"][0]["children"]
    return next(c["props"]["body"] for c in main if c["kind"] == "text")


def ids(widget) -> dict[str, str]:
    """Widget IDs by kind, in every area (the chat input is in the bottom area)."""
    areas = widget.publisher.shown["children"]
    return {c["kind"]: c["props"]["id"] for a in areas for c in a["children"] if "id" in c["props"]}


def test_a_submission_reaches_the_script_once(live):
    app, widget = live
    chat = ids(widget)["chat_input"]
    assert (
        widget._handle_msg(custom({"t": "click", "id": chat, "value": "hi", "seq": 1, "page": "p"}))
        is not False
    )
    assert app.session.wait(10)
    assert shown_text(widget) == "log=['hi'] clicked=False"
    app.session.rerun()
    assert app.session.wait(10)
    assert shown_text(widget) == "log=['hi'] clicked=False"


def test_bad_submissions_are_dropped(live):
    app, widget = live
    known = ids(widget)
    chat, button = known["chat_input"], known["button"]
    bad = [
        {"t": "click", "id": chat},  # a submission without its text
        {"t": "click", "id": chat, "value": 5},
        {"t": "click", "id": chat, "value": None},
        {"t": "click", "id": chat, "value": ["hi"]},
        {"t": "click", "id": chat, "value": "x" * 11},  # over max_chars
        {"t": "click", "id": button, "value": "hi"},  # a button takes no value
        {"t": "set", "values": {chat: "hi"}},  # a submission is an event, not a value
    ]
    before = widget.bridge.dropped
    for msg in bad:
        widget._handle_msg(custom(msg))
    assert widget.bridge.dropped - before == len(bad)
    assert app.session.wait(10)
    assert shown_text(widget) == "log=[] clicked=False"


def test_a_grown_text_prop_is_sent_as_its_tail():
    body = "word " * 20
    old = {"kind": "markdown", "key": "m", "props": {"body": body, "help": None}}
    new = {"kind": "markdown", "key": "m", "props": {"body": body + "more", "help": None}}
    ops = diff(old, new)
    assert ops == [{"op": "props", "at": [], "set": {}, "del": [], "append": {"body": "more"}}]
    assert apply(old, ops) == new
    short = {"kind": "markdown", "key": "m", "props": {"body": "a" * (APPEND_MIN_CHARS - 1)}}
    longer = {"kind": "markdown", "key": "m", "props": {"body": "a" * APPEND_MIN_CHARS}}
    assert diff(short, longer)[0]["set"] == {"body": "a" * APPEND_MIN_CHARS}
    changed = {"kind": "markdown", "key": "m", "props": {"body": "other " * 20}}
    assert diff(old, changed)[0]["set"] == {"body": "other " * 20}


def test_a_streamed_answer_is_sent_as_small_appends():
    tokens = 200
    session = AppSession(
        Script(
            textwrap.dedent(
                f"""
                import time
                import nbstream as st
                def model():
                    for i in range({tokens}):
                        time.sleep(0.002)
                        yield f"tok{{i:03d}} "
                with st.chat_message("assistant"):
                    st.write_stream(model)
                """
            )
        )
    )
    publisher = Publisher(session, interval=0.02)
    sent: list[dict] = []
    state, _ = publisher.snapshot()
    tree = state["tree"]

    def receive(message, buffers):
        nonlocal tree
        if message["t"] == "patch":
            tree = apply(tree, message["ops"])
        sent.append(message)

    publisher.attach(receive)
    try:
        session.rerun()
        assert session.wait(20)
        patches = [m for m in sent if m["t"] == "patch"]
        assert len(patches) >= 5  # it streamed, not one patch at the end
        appends = [op for m in patches for op in m["ops"] if "append" in op]
        assert len(appends) >= 3
        text = "".join(f"tok{i:03d} " for i in range(tokens)).strip()
        message = tree["children"][0]["children"][0]
        assert message["kind"] == "chat_message"
        assert message["children"][0]["props"]["body"] == text
        total = sum(len(json.dumps(m)) for m in patches)
        per_token = total / tokens
        assert per_token <= 3 * len("tok000 ") + 100, per_token
    finally:
        publisher.close()
        session.close()
