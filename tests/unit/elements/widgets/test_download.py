"""st.download_button: the file stays in the kernel until the browser asks for it, and the
answer carries the exact bytes, name and MIME type the script gave."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.elements._base import REQUEST_HANDLERS
from nbstream.render.app import App
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.script import Script
from nbstream.testing import AppTest

SCRIPT = """
import io, os
import nbstream as st
size = st.session_state.get("size", 1000)
st.download_button("Text", "héllo\\n", file_name="a.txt")
st.download_button("Bytes", bytes(range(256)) * (size // 256), file_name="b.bin", mime="application/x-demo")
st.download_button("File", io.BytesIO(b"from a file"), file_name="c.dat", on_click="ignore")
st.download_button("Later", lambda: "made on click", file_name="d.txt", mime="text/plain")
"""


@pytest.fixture
def live():
    app = App(Script(textwrap.dedent(SCRIPT)))
    app.run(wait=10)
    sent: list[tuple[dict, list]] = []
    widget = app.widget
    widget.send = lambda content, buffers=None: sent.append((content, buffers or []))
    yield app, widget, sent
    app.close()


def buttons(widget) -> dict[str, dict]:
    main = widget.publisher.shown["children"][0]["children"]
    return {c["props"]["label"]: c for c in main}


def ask(widget, sent, label: str, payload: dict) -> tuple[dict, list]:
    sent.clear()
    key = buttons(widget)[label]["key"]
    widget._handle_msg(
        {
            "content": {
                "data": {
                    "method": "custom",
                    "content": {"t": "request", "rid": "r", "at": ["main", key], "payload": payload},
                }
            },
            "buffers": [],
        }
    )
    widget.bridge.wait_requests(10)
    [(answer, buffers)] = [m for m in sent if m[0].get("t") == "response"]
    return answer, buffers


def test_the_tree_sent_to_the_browser_holds_no_file(live):
    _, widget, _ = live
    shown = buttons(widget)
    assert shown["Bytes"]["props"]["size"] == 768
    assert shown["Text"]["props"]["mime"] == "text/plain"
    assert shown["File"]["props"]["ignore_click"] is True
    assert shown["Later"]["props"]["size"] is None
    for node in shown.values():
        assert "data" not in node["props"]
        assert "$blob" not in str(node["props"])


@pytest.mark.parametrize(
    ("label", "name", "mime", "content"),
    [
        ("Text", "a.txt", "text/plain", "héllo\n".encode()),
        ("Bytes", "b.bin", "application/x-demo", bytes(range(256)) * 3),
        ("File", "c.dat", "application/octet-stream", b"from a file"),
        ("Later", "d.txt", "text/plain", b"made on click"),
    ],
)
def test_a_request_answers_the_exact_file(live, label, name, mime, content):
    _, widget, sent = live
    answer, buffers = ask(widget, sent, label, {"file": True})
    assert answer["content"] == {"file_name": name, "mime": mime, "size": len(content)}
    assert [bytes(b) for b in buffers] == [content]


@pytest.mark.parametrize("payload", [{}, {"file": 1}, {"file": True, "path": "/etc/passwd"}, {"file": "yes"}])
def test_other_requests_are_refused(live, payload):
    _, widget, sent = live
    answer, buffers = ask(widget, sent, "Text", payload)
    assert "error" in answer and buffers == []


def test_a_disabled_button_serves_nothing():
    at = AppTest.from_string('import nbstream as st\nst.download_button("D", "x", disabled=True)').run()
    node = at._session.tree.children[0].children[0]
    with pytest.raises(ValueError, match="disabled"):
        REQUEST_HANDLERS["download_button"](node, {"file": True})


def test_click_returns_true_once_and_runs_the_callback():
    at = AppTest.from_string(
        """
import nbstream as st
def saved():
    st.session_state.saved = st.session_state.get("saved", 0) + 1
clicked = st.download_button("Save", b"x", on_click=saved, key="dl")
st.write(f"clicked={clicked} saved={st.session_state.get('saved', 0)}")
"""
    ).run()
    assert at.markdown[0].value == "clicked=False saved=0"
    at.download_button(key="dl").click().run()
    assert at.markdown[0].value == "clicked=True saved=1"
    at.run()
    assert at.markdown[0].value == "clicked=False saved=1"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.download_button("d", 3)', "Invalid binary data format: int"),
        ('st.download_button("d", "x", on_click="sometimes")', 'must be "rerun", "ignore"'),
        ('st.download_button("d", "x", type="big")', "The type argument to st.download_button must be"),
    ],
)
def test_bad_arguments_raise_streamlits_exception(call, message):
    at = AppTest.from_string(f"import nbstream as st\n{call}").run()
    assert at.exception[0].proto.type == StreamlitAPIException.__name__
    assert message in at.exception[0].message


def test_text_files_default_to_text_plain():
    at = AppTest.from_string(
        'import io\nimport nbstream as st\nst.download_button("d", io.StringIO("é"))'
    ).run()
    button = at.download_button[0]
    assert (button.mime, button.file_name, button.data) == ("text/plain", "download", "é".encode())
