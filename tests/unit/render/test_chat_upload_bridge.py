"""Files sent with a chat message from the browser: chunks as for file_uploader, then a
click whose value names them; the kernel checks everything again."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.render.app import App
from nbstream.runtime.script import Script

APP = """
import nbstream as st
v = st.chat_input("Say", accept_file="multiple", file_type="csv", max_upload_size=1)
st.write("none" if v is None else f"{v.text}|" + ",".join(f"{f.name}:{f.size}" for f in v.files))
"""


@pytest.fixture
def live():
    app = App(Script(textwrap.dedent(APP)))
    app.run(wait=10)
    sent: list[tuple[dict, list]] = []
    widget = app.widget
    widget.send = lambda content, buffers=None: sent.append((content, buffers or []))
    yield app, widget, sent
    app.close()


def custom(content, buffers=None) -> dict:
    return {"content": {"data": {"method": "custom", "content": content}}, "buffers": buffers or []}


def chat_id(widget) -> str:
    """The chat input's ID (in the main area it is placed in the bottom area)."""
    areas = widget.publisher.shown["children"]
    return next(c["props"]["id"] for a in areas for c in a["children"] if c["kind"] == "chat_input")


def body(app) -> str:
    app.session.wait(10)
    return app.session.tree.children[0].children[-1].props["body"]


def upload(widget, wid, file_id, data, name="data.csv", rid="r") -> None:
    msg = {"t": "upload", "rid": rid, "id": wid, "file": file_id, "name": name, "type": "text/csv"}
    widget._handle_msg(custom({**msg, "size": len(data), "offset": 0}, [memoryview(data)]))


def ref(file_id, size, name="data.csv") -> dict:
    return {"file_id": file_id, "name": name, "type": "text/csv", "size": size}


def test_props_tell_the_browser_what_it_may_attach(live):
    _, widget, _ = live
    areas = widget.publisher.shown["children"]
    props = next(c for a in areas for c in a["children"] if c["kind"] == "chat_input")["props"]
    assert (props["accept_file"], props["file_type"], props["max_bytes"]) == (
        "multiple",
        [".csv"],
        1024 * 1024,
    )


def test_a_message_with_files_then_the_next_submission_forgets_them(live):
    app, widget, sent = live
    wid = chat_id(widget)
    upload(widget, wid, "f1", b"a,b\n1,2\n")
    upload(widget, wid, "f2", b"x,y\n", name="more.csv", rid="r2")
    assert [c["content"] for c, _ in sent if c.get("t") == "response"] == [{"received": 8}, {"received": 4}]
    value = {"text": "see", "files": [ref("f1", 8), ref("f2", 4, "more.csv")]}
    widget._handle_msg(custom({"t": "click", "id": wid, "values": {}, "value": value}))
    assert body(app) == "see|data.csv:8,more.csv:4"
    widget._handle_msg(
        custom({"t": "click", "id": wid, "values": {}, "value": {"text": "again", "files": []}})
    )
    assert body(app) == "again|"
    assert app.session.uploads.get("f1") is None and app.session.uploads.get("f2") is None


def test_the_kernel_refuses_files_and_submissions_the_browser_should_not_send(live):
    app, widget, sent = live
    wid = chat_id(widget)
    upload(widget, wid, "t", b"x", name="notes.txt")
    upload(widget, wid, "big", b"x" * (1024 * 1024 + 1), rid="r2")
    assert [c.get("error") for c, _ in sent if c.get("t") == "response"] == [
        ".txt files are not allowed.",
        "File must be 1MB or smaller.",
    ]
    bridge = widget.bridge
    assert not bridge.handle({"t": "click", "id": wid, "values": {}, "value": "plain text"})
    assert not bridge.handle(
        {"t": "click", "id": wid, "values": {}, "value": {"text": "x", "files": [ref("nope", 1)]}}
    )
    assert not bridge.handle({"t": "click", "id": wid, "values": {}, "value": {"text": "x"}})
    assert not bridge.handle({"t": "click", "id": wid, "values": {}, "value": {"text": 5, "files": []}})
    assert body(app) == "none"
