"""st.chat_input's 1.67 arguments: submit_mode and height (and that a submission still
returns its text with them)."""

from __future__ import annotations

import pytest

from nbstream.testing import AppTest


def run(body: str) -> AppTest:
    return AppTest.from_string("import nbstream as st\n" + body).run()


def props(body: str) -> dict:
    at = run(body)
    assert not at.exception, at.exception
    return at.chat_input[0].proto


def test_defaults():
    p = props("st.chat_input('Say')")
    assert (p["submit_mode"], p["height"]) == ("submit", "content")


@pytest.mark.parametrize("mode", ["submit", "disable", "stop"])
def test_submit_mode_travels_and_the_text_still_comes_back(mode):
    at = run(f"v = st.chat_input('Say', submit_mode={mode!r})\nst.write(repr(v))")
    assert at.chat_input[0].proto["submit_mode"] == mode
    at.chat_input[0].set_value("hello").run()
    assert at.markdown[0].value == "'hello'"


def test_a_bad_submit_mode_raises():
    at = run("st.chat_input(submit_mode='x')")
    assert at.exception[0].proto.type == "StreamlitValueError"
    assert (
        at.exception[0].message
        == "Invalid `submit_mode` value. Supported values: 'submit', 'disable', 'stop'."
    )


@pytest.mark.parametrize(("height", "sent"), [("'stretch'", "stretch"), ("100", 100), ("30", 30)])
def test_height(height, sent):
    assert props(f"st.chat_input(height={height})")["height"] == sent


def test_a_bad_height_raises():
    at = run("st.chat_input(height='x')")
    assert at.exception[0].proto.type == "StreamlitInvalidHeightError"
    assert at.exception[0].message == (
        "Invalid height value: 'x'. Height must be either a positive integer (pixels), 'stretch', or 'content'."
    )


# ---- accept_audio and audio_sample_rate --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ("accept_audio=True", "ChatInputValue(text='hi', audio=None)"),
        ("accept_audio=True, accept_file=True", "ChatInputValue(text='hi', files=[], audio=None)"),
        ("accept_file=True", "ChatInputValue(text='hi', files=[])"),
        ("", "'hi'"),
    ],
)
def test_the_value_has_the_keys_of_what_the_input_accepts(args, shown):
    at = run(f"v = st.chat_input('Say', {args})\nst.text(repr(v))")
    assert at.text[0].value == "None"
    at.chat_input[0].set_value("hi").run()
    assert at.text[0].value == shown


def test_an_audio_value_reads_by_key_and_attribute():
    body = "v = st.chat_input('Say', accept_audio=True)\n"
    body += "if v: st.text(repr([v.audio, v['audio'], list(v), v.to_dict()]))"
    at = run(body)
    at.chat_input[0].set_value("hi").run()
    assert at.text[0].value == "[None, None, ['text', 'audio'], {'text': 'hi', 'audio': None}]"


@pytest.mark.parametrize(("rate", "sent"), [("None", None), ("48000", 48000), ("8000", 8000)])
def test_audio_sample_rate_travels(rate, sent):
    p = props(f"st.chat_input(accept_audio=True, audio_sample_rate={rate})")
    assert (p["accept_audio"], p["audio_sample_rate"]) == (True, sent)
    assert props("st.chat_input()")["audio_sample_rate"] == 16000


@pytest.mark.parametrize("call", ["accept_audio=True, audio_sample_rate=1234", "audio_sample_rate=1234"])
def test_a_bad_sample_rate_raises_even_without_audio(call):
    at = run(f"st.chat_input({call})")
    assert at.exception[0].proto.type == "StreamlitValueError"
    assert at.exception[0].message == (
        "Invalid `audio_sample_rate` value. Supported values: 8000, 11025, 16000, 22050, 24000, 32000, "
        "44100, 48000, None."
    )
