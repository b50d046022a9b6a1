"""A recorded message from the browser (st.chat_input(accept_audio=True)): the WAV uploads in
chunks like a file, then the submission names it; the kernel checks it again."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.render.app import App
from nbstream.runtime.script import Script

APP = """
import nbstream as st
v = st.chat_input("Say", accept_audio=True, accept_file=True, file_type="csv", audio_sample_rate=8000)
if v is None:
    st.write("none")
else:
    audio = "-" if v.audio is None else f"{v.audio.name}:{v.audio.type}:{len(v.audio.getvalue())}"
    st.write(f"{v.text}|{len(v.files)}|{audio}")
"""

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(28)


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


def chat_props(widget) -> dict:
    areas = widget.publisher.shown["children"]
    return next(c["props"] for a in areas for c in a["children"] if c["kind"] == "chat_input")


def body(app) -> str:
    app.session.wait(10)
    return app.session.tree.children[0].children[-1].props["body"]


def upload(widget, wid, file_id, data, name, mime, rid="r") -> None:
    msg = {"t": "upload", "rid": rid, "id": wid, "file": file_id, "name": name, "type": mime}
    widget._handle_msg(custom({**msg, "size": len(data), "offset": 0}, [memoryview(data)]))


def submit(widget, wid, value) -> None:
    widget._handle_msg(custom({"t": "click", "id": wid, "values": {}, "value": value}))


def test_the_browser_is_told_to_record_at_the_sample_rate(live):
    _, widget, _ = live
    props = chat_props(widget)
    assert (props["accept_audio"], props["audio_sample_rate"]) == (True, 8000)


def test_a_recording_arrives_as_an_uploaded_wav(live):
    app, widget, sent = live
    wid = chat_props(widget)["id"]
    upload(widget, wid, "a1", WAV, "audio.wav", "audio/wav")
    assert [c["content"] for c, _ in sent if c.get("t") == "response"] == [{"received": len(WAV)}]
    submit(widget, wid, {"text": "", "files": [], "audio": {"file_id": "a1", "name": "audio.wav"}})
    assert body(app) == f"|0|audio.wav:audio/wav:{len(WAV)}"
    submit(widget, wid, {"text": "typed", "files": [], "audio": None})
    assert body(app) == "typed|0|-"
    assert app.session.uploads.get("a1") is None  # the next submission forgets the recording


def test_a_recording_that_is_not_a_wav_is_dropped(live):
    app, widget, _ = live
    wid = chat_props(widget)["id"]
    submit(widget, wid, {"text": "first", "files": [], "audio": None})
    assert body(app) == "first|0|-"
    upload(widget, wid, "c1", b"a,b\n", "data.csv", "text/csv")
    submit(widget, wid, {"text": "x", "files": [], "audio": {"file_id": "c1"}})
    submit(widget, wid, {"text": "x", "files": [], "audio": {"file_id": "missing"}})
    submit(widget, wid, {"text": "x", "files": []})  # no "audio" key
    assert body(app) == "first|0|-"
