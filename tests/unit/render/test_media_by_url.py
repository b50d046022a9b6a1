"""Large media leave through the server's media directory, not the widget connection."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from test_stream import Browser, run

from nbstream import media_files
from nbstream.render.stream import Publisher
from nbstream.render.wire import to_wire
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession
from nbstream.runtime.tree import Node

BIG = media_files.THRESHOLD + 1

SOURCE = """
import nbstream as st
v = st.slider("v", 0, 10, 0)
if v < 5:
    st.video(b"\\x1aE\\xdf\\xa3" + bytes({big}), format="video/webm")
st.audio(b"RIFF" + bytes(40))
st.write(v)
"""


@pytest.fixture
def media_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(media_files.ENV, str(tmp_path))
    return tmp_path


def served_files(root: Path) -> list[Path]:
    return [p for p in root.glob("*/*") if p.name != media_files.KEY_FILE and not p.name.endswith(".type")]


def test_a_large_medium_is_a_url_and_its_bytes_never_travel_as_a_buffer(media_dir):
    session = AppSession(Script(textwrap.dedent(SOURCE.format(big=BIG))))
    publisher = Publisher(session)
    browser = Browser(publisher)
    try:
        run(session)
        video, audio = browser.tree["children"][0]["children"][1:3]
        src = video["props"]["src"]
        assert src["$media"].startswith("nbstream/media/") and src["session"] == publisher._media.session
        assert all(len(b) < 1000 for buffers in browser.buffers for b in buffers)  # the small audio only
        assert "$blob" in audio["props"]["src"]
        (file,) = served_files(media_dir)
        assert file.stat().st_size == BIG + 4
        assert (file.parent / f"{file.name}.type").read_text() == "video/webm"
        slider = browser.tree["children"][0]["children"][0]["props"]["id"]
        run(session, {slider: 1})  # shown again: same URL, not written again
        assert browser.tree["children"][0]["children"][1]["props"]["src"] == src
        assert served_files(media_dir) == [file]
        run(session, {slider: 7})  # no longer shown: the file goes
        assert served_files(media_dir) == []
    finally:
        publisher.close()
        session.close()
    assert list(media_dir.iterdir()) == []  # the session's directory went with it


def test_without_a_server_directory_large_media_stay_buffers(monkeypatch):
    monkeypatch.delenv(media_files.ENV, raising=False)
    wire, blobs = to_wire(Node("main", {}, [Node("video", {"src": bytes(BIG), "mime": "video/mp4"})]))
    assert "$blob" in wire["children"][0]["props"]["src"] and len(next(iter(blobs.values()))) == BIG


def test_only_media_kinds_are_served(media_dir):
    store = media_files.MediaStore(media_dir, threshold=10)
    try:
        tree = Node(
            "main",
            {},
            [
                Node("download_button", {"src": bytes(50)}),
                Node("image", {"images": [{"src": bytes(50), "mime": "image/png"}]}),
            ],
        )
        wire, blobs = to_wire(tree, store)
        button, image = wire["children"]
        assert "$blob" in button["props"]["src"]
        assert (
            "$media" in image["props"]["images"][0]["src"]
            and image["props"]["images"][0]["mime"] == "image/png"
        )
        assert len(blobs) == 1
    finally:
        store.close()


def test_when_the_servers_directory_is_gone_the_bytes_go_as_a_buffer(media_dir):
    store = media_files.MediaStore(media_dir / "gone", threshold=10)
    wire, blobs = to_wire(Node("main", {}, [Node("video", {"src": bytes(50), "mime": "video/mp4"})]), store)
    assert "$blob" in wire["children"][0]["props"]["src"] and list(blobs.values()) == [bytes(50)]


def test_an_app_without_large_media_leaves_no_directory(media_dir):
    store = media_files.MediaStore(media_dir)
    to_wire(Node("main", {}, [Node("image", {"images": [{"src": bytes(5), "mime": "image/png"}]})]), store)
    store.close()
    assert list(media_dir.iterdir()) == []
