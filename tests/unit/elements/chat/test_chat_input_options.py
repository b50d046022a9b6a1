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
