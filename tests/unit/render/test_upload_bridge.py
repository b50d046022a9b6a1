"""Uploads from the browser: chunked binary messages, checked again in the kernel."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.render.app import App
from nbstream.runtime.script import Script

APP = """
import nbstream as st
f = st.file_uploader("CSV", type="csv", max_upload_size=1)
st.write("none" if f is None else f"{f.name}:{f.size}:{f.getvalue()[:5]!r}")
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


def uploader_id(widget) -> str:
    main = widget.publisher.shown["children"][0]["children"]
    return next(c["props"]["id"] for c in main if c["kind"] == "file_uploader")


def body(app) -> str:
    app.session.wait(10)
    return app.session.tree.children[0].children[-1].props["body"]


def chunk(wid, file_id, offset, data, size, rid="r", name="data.csv") -> dict:
    msg = {"t": "upload", "rid": rid, "id": wid, "file": file_id, "name": name, "type": "text/csv"}
    return custom({**msg, "size": size, "offset": offset}, [memoryview(data)])


def replies(sent) -> list:
    return [c.get("content", c.get("error")) for c, _ in sent if c.get("t") == "response"]


def test_a_file_in_chunks_then_named_in_the_value(live):
    app, widget, sent = live
    wid = uploader_id(widget)
    data = b"a,b\n" + b"1,2\n" * 1000
    for i, offset in enumerate(range(0, len(data), 1000)):
        widget._handle_msg(chunk(wid, "f1", offset, data[offset : offset + 1000], len(data), rid=f"r{i}"))
    assert replies(sent)[-1] == {"received": len(data)}
    assert app.session.uploads.get("f1").data == data
    ref = {"file_id": "f1", "name": "data.csv", "type": "text/csv", "size": len(data)}
    widget._handle_msg(custom({"t": "set", "values": {wid: [ref]}}))
    assert body(app) == f"data.csv:{len(data)}:b'a,b\\n1'"
    widget._handle_msg(custom({"t": "set", "values": {wid: []}}))  # removed in the browser
    assert body(app) == "none"
    assert app.session.uploads.get("f1") is None


def test_the_kernel_refuses_what_the_browser_should_not_send(live):
    app, widget, sent = live
    wid = uploader_id(widget)
    widget._handle_msg(chunk(wid, "big", 0, b"x", 2 * 1024 * 1024))
    widget._handle_msg(chunk(wid, "txt", 0, b"x", 1, name="notes.txt"))
    widget._handle_msg(chunk(wid, "gap", 0, b"ab", 4))
    widget._handle_msg(chunk(wid, "gap", 3, b"cd", 4))  # a chunk missing in between
    widget._handle_msg(chunk(wid, "over", 0, b"abcdef", 4))
    assert replies(sent) == [
        "File must be 1MB or smaller.",
        ".txt files are not allowed.",
        {"received": 2},
        "chunk at offset 3, expected 2",
        "more bytes than the declared 4",
    ]
    assert len(app.session.uploads) == 0 and app.session.uploads.pending_bytes == 0


def test_an_unfinished_upload_never_reaches_the_value(live):
    app, widget, _ = live
    wid = uploader_id(widget)
    widget._handle_msg(chunk(wid, "half", 0, b"a,b\n", 8))
    ref = {"file_id": "half", "name": "data.csv", "type": "text/csv", "size": 8}
    assert not widget.bridge.handle({"t": "set", "values": {wid: [ref]}})
    assert body(app) == "none"
    widget._handle_msg(custom({"t": "upload", "rid": "c", "id": wid, "file": "half", "cancel": True}))
    assert app.session.uploads.pending_bytes == 0


def test_malformed_upload_messages_are_dropped(live):
    app, widget, _ = live
    wid = uploader_id(widget)
    bridge = widget.bridge
    base = {
        "t": "upload",
        "rid": "r",
        "id": wid,
        "file": "f",
        "name": "a.csv",
        "type": "",
        "size": 1,
        "offset": 0,
    }
    assert not bridge.handle(base, [])  # no buffer
    assert not bridge.handle(base, [b"x", b"y"])  # two buffers
    assert not bridge.handle({**base, "id": "$$WID-nope"}, [b"x"])
    assert not bridge.handle({**base, "size": "1"}, [b"x"])
    assert not bridge.handle({"t": "set", "values": {wid: "x"}}, [b"x"])  # buffers on another type
    assert not bridge.handle({**base, "evil": 1}, [b"x"])
    assert bridge.handle(base, [b"x"])
    assert app.session.uploads.get("f").data == b"x"
