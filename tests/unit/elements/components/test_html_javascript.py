"""st.html's ``unsafe_allow_javascript``: off by default (the browser sanitizes), on when
the app asks; anything but a bool/int is Streamlit's TypeError."""

from __future__ import annotations

from nbstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string("import nbstream as st\n" + source, default_timeout=20).run()


def test_the_flag_travels_with_the_html():
    at = run('st.html("<b>a</b>")\nst.html("<script>1</script>", unsafe_allow_javascript=True)')
    assert not at.exception
    first, second = at.get("html")
    assert first.proto["unsafe_allow_javascript"] is False
    assert second.proto["unsafe_allow_javascript"] is True
    assert second.proto["body"] == "<script>1</script>"


def test_a_string_is_a_type_error():
    at = run('st.html("<b>x</b>", unsafe_allow_javascript="yes")')
    assert at.exception[0].proto.type == "TypeError"
    assert at.exception[0].message == "'str' object cannot be interpreted as an integer"
