"""Streamlit 1.67's ``type`` of st.expander and ``wrap`` of st.popover."""

from __future__ import annotations

import textwrap

from nbstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string("import nbstream as st\n" + textwrap.dedent(source), default_timeout=20).run()


def test_expander_type_default_compact_step():
    at = run(
        """
        with st.expander("a"):
            st.write("x")
        with st.expander("b", type="compact"):
            st.write("y")
        with st.expander("c", type="step", key="c", on_change="rerun"):
            st.write("z")
        """
    )
    assert not at.exception
    assert [e.proto["type"] for e in at.expander] == ["default", "compact", "step"]
    assert [e.label for e in at.expander] == ["a", "b", "c"]


def test_expander_type_is_checked():
    at = run('st.expander("x", type="big")')
    assert at.exception[0].proto.type == "StreamlitValueError"
    assert at.exception[0].message == "Invalid `type` value. Supported values: 'default', 'compact', 'step'."


def test_popover_wrap_true_false_none():
    at = run(
        """
        st.popover("a")
        st.popover("b", wrap=True)
        st.popover("c", wrap=False)
        """
    )
    assert not at.exception
    assert [p.proto["wrap"] for p in at.get("popover")] == [None, True, False]


def test_popover_wrap_of_another_type_is_a_type_error():
    at = run('st.popover("x", wrap="x")')
    assert at.exception[0].proto.type == "TypeError"
    assert at.exception[0].message == "'str' object cannot be interpreted as an integer"


def test_popover_type_is_still_checked_keyword_first():
    at = run('st.popover("x", type="big")')
    assert at.exception[0].proto.type == "StreamlitAPIException"
