"""st.chat_input(accept_file=...): a message with files, as a ChatInputValue (spec: chat
apps; Streamlit's API reference for st.chat_input), driven the way Streamlit's AppTest
does: ``at.chat_input[0].upload(name, content, mime).set_value(text).run()``."""

from __future__ import annotations

import pytest
from apphelpers import app

from nbstream import config
from nbstream.elements.chat.files import ChatInputValue
from nbstream.testing.errors import AppTestError

APP = """
import nbstream as st
if "log" not in st.session_state:
    st.session_state.log = []
prompt = st.chat_input("Say something", accept_file={accept!r}, file_type={types!r}, key="chat"{extra})
if prompt:
    st.session_state.log.append(
        (prompt.text, prompt["text"], [(f.name, f.type, f.size, f.read()) for f in prompt.files])
    )
    st.text(repr(st.session_state.chat == prompt))
st.text(repr(prompt is None))
"""


def chat_app(accept="multiple", types=None, extra=""):
    return app(APP.format(accept=accept, types=types, extra=extra)).run()


def test_text_and_files_arrive_together_once():
    at = chat_app(types=["txt", ".CSV"])
    assert at.chat_input[0].accept_file == "multiple"
    assert at.chat_input[0].file_type == [".txt", ".csv"]
    chat = at.chat_input[0].upload("notes.txt", b"hello", "text/plain").upload("data.csv", b"a,b")
    chat.set_value("look at these").run()
    assert not at.exception
    assert at.session_state.log == [
        (
            "look at these",
            "look at these",
            [("notes.txt", "text/plain", 5, b"hello"), ("data.csv", "application/octet-stream", 3, b"a,b")],
        )
    ]
    assert [t.value for t in at.text] == ["True", "False"]  # session_state holds the value in its run
    at.run()  # the next run gets None, and the files are not sent again
    assert at.text[-1].value == "True"
    assert len(at.session_state.log) == 1


def test_files_alone_submit_a_message_with_empty_text():
    at = chat_app(accept=True)
    at.chat_input[0].upload("a.pdf", b"%PDF").upload("b.pdf", b"%PDF-2").run()  # True: one file, the last
    assert at.session_state.log == [("", "", [("b.pdf", "application/octet-stream", 6, b"%PDF-2")])]


def test_a_text_only_message_to_a_file_chat_input_has_no_files():
    at = chat_app()
    at.chat_input[0].set_value("hi").run()
    assert at.session_state.log == [("hi", "hi", [])]


def test_clear_takes_staged_files_back_but_not_the_text():
    at = chat_app()
    at.chat_input[0].upload("a.txt", b"x").set_value("hi").clear().run()
    assert at.session_state.log == [("hi", "hi", [])]


def test_file_type_and_size_limit_are_checked_as_in_the_browser():
    at = chat_app(types="pdf")
    with pytest.raises(AppTestError, match=r"\.png files are not allowed\."):
        at.chat_input[0].upload("cat.png", b"png")
    at = chat_app(extra=", max_upload_size=1")
    with pytest.raises(AppTestError, match=r"File must be 1MB or smaller\."):
        at.chat_input[0].upload("big.bin", b"x" * (1024 * 1024 + 1))
    at.chat_input[0].upload("small.bin", b"x" * 1024).run()
    assert at.session_state.log[0][2][0][2] == 1024


def test_server_max_upload_size_is_the_default_limit(monkeypatch):
    monkeypatch.setenv("NBSTREAM_SERVER_MAX_UPLOAD_SIZE", "1")
    config.reload()
    try:
        at = chat_app()
        assert at.chat_input[0].proto.max_bytes == 1024 * 1024
        with pytest.raises(AppTestError, match=r"File must be 1MB or smaller\."):
            at.chat_input[0].upload("big.bin", b"x" * (1024 * 1024 + 1))
    finally:
        monkeypatch.delenv("NBSTREAM_SERVER_MAX_UPLOAD_SIZE")
        config.reload()


def test_directory_keeps_paths_inside_the_folder():
    at = chat_app(accept="directory")
    at.chat_input[0].upload("docs/a.md", b"# A").upload("docs/sub/b.md", b"# B").run()
    assert [f[0] for f in at.session_state.log[0][2]] == ["docs/a.md", "docs/sub/b.md"]


def test_upload_needs_accept_file_and_good_arguments():
    at = app('import nbstream as st\nst.chat_input("x", key="plain")').run()
    with pytest.raises(AppTestError, match=r"st\.chat_input \(key='plain'\) does not accept files"):
        at.chat_input[0].upload("a.txt", b"x")
    with pytest.raises(AppTestError, match="does not accept files"):
        at.chat_input[0].clear()
    at = chat_app()
    with pytest.raises(AppTestError, match="must be bytes"):
        at.chat_input[0].upload("a.txt", "text")
    with pytest.raises(AppTestError, match="non-empty string"):
        at.chat_input[0].upload("", b"x")


def test_file_type_without_accept_file_is_ignored_as_in_streamlit():
    at = app('import nbstream as st\nv = st.chat_input("x", file_type="pdf")\nst.text(repr(v))').run()
    at.chat_input[0].set_value("plain").run()
    assert not at.exception
    assert at.text[0].value == "'plain'"


def test_chat_input_value_reads_like_streamlits():
    value = ChatInputValue("hi", [])
    assert (value.text, value["files"], list(value), len(value)) == ("hi", [], ["text", "files"], 2)
    assert value.to_dict() == {"text": "hi", "files": []}
    assert repr(value) == "ChatInputValue(text='hi', files=[])"
    value["text"] = "yo"
    assert value.text == "yo"
    with pytest.raises(KeyError, match="Invalid key: audio"):
        value["audio"]
    with pytest.raises(KeyError, match="Invalid key: other"):
        value["other"] = 1
