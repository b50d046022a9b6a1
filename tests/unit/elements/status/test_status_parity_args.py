"""Streamlit 1.67's arguments of the status elements: alerts' width and title,
st.exception's width, progress/spinner/status widths, status' type, toast's duration."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string("import nbstream as st\n" + textwrap.dedent(source), default_timeout=20).run()


def error_of(source: str) -> tuple[str, str]:
    at = run(source)
    assert len(at.exception) == 1, f"no error from {source!r}"
    return at.exception[0].proto.type, at.exception[0].message


def test_alerts_take_a_title_and_a_width():
    at = run(
        """
        st.error("Disk full", title="Oops", width=300)
        st.info("body")
        st.success("ok", title=42)
        st.warning("w", title="")
        """
    )
    assert not at.exception
    assert at.error[0].value == "Disk full"
    assert (at.error[0].proto["title"], at.error[0].proto["width"]) == ("Oops", 300)
    assert (at.info[0].proto["title"], at.info[0].proto["width"]) == (None, "stretch")
    assert at.success[0].proto["title"] == "42"
    assert at.warning[0].proto["title"] == ""


def test_exception_progress_and_json_take_a_width():
    at = run(
        """
        st.exception(ValueError("v"), width=200)
        st.progress(10, width=100)
        st.json({"a": 1}, width=150)
        """
    )
    assert at.exception[0].proto["width"] == 200
    assert at.exception[0].message == "v"
    assert at.get("progress")[0].proto["width"] == 100
    assert at.json[0].proto["width"] == 150


def test_status_type_and_width():
    at = run(
        """
        with st.status("Thinking", type="compact", width=300):
            st.write("step one")
        with st.status("Plain"):
            pass
        """
    )
    assert not at.exception
    first, second = at.status
    assert (first.proto["type"], first.proto["width"], first.state) == ("compact", 300, "complete")
    assert (second.proto["type"], second.proto["width"]) == ("default", "stretch")


def test_toast_durations():
    at = run(
        """
        st.toast("a")
        st.toast("b", duration="long")
        st.toast("c", duration="infinite")
        st.toast("d", duration=7)
        """
    )
    assert not at.exception
    assert [t.proto["duration"] for t in at.toast] == ["short", "long", "infinite", 7]
    assert [t.value for t in at.toast] == ["a", "b", "c", "d"]


def test_spinner_width_is_checked_and_the_block_runs():
    at = run(
        """
        with st.spinner("Working", width="stretch"):
            st.session_state.ran = True
        """
    )
    assert not at.exception and at.session_state.ran is True


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        (
            'st.error("x", width="content")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            'st.exception(ValueError(), width="content")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            'st.progress(1, width="content")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            'st.json({}, width="content")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            'st.status("x", type="big")',
            "StreamlitValueError",
            "Invalid `type` value. Supported values: 'default', 'compact', 'step'.",
        ),
        (
            'st.status("x", width="content")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            'with st.spinner("x", width="auto"): pass',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'auto'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.toast("x", duration="medium")',
            "StreamlitValueError",
            "Invalid `duration` value. Supported values: short, long, infinite, a positive integer.",
        ),
        (
            'st.toast("x", duration=0)',
            "StreamlitValueError",
            "Invalid `duration` value. Supported values: short, long, infinite, a positive integer.",
        ),
        (
            'st.toast("x", duration=2.5)',
            "StreamlitValueError",
            "Invalid `duration` value. Supported values: short, long, infinite, a positive integer.",
        ),
        (
            'st.toast("x", duration=True)',
            "TypeError",
            "Field Toast.duration: Expected an int, got a boolean.",
        ),
    ],
)
def test_bad_values_raise_streamlits_errors(call: str, kind: str, message: str):
    assert error_of(call) == (kind, message)
