"""Streamlit 1.67's layout arguments of the text elements: width, text_alignment, wrap,
a heading's icon, markdown's anchors, code's height, and the errors for bad values."""

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


def test_defaults_reach_the_browser_as_streamlit_documents_them():
    at = run(
        """
        st.markdown("m")
        st.caption("c")
        st.text("t")
        st.title("T")
        st.code("x = 1")
        st.divider()
        st.latex("x")
        """
    )
    assert not at.exception
    md = at.markdown[0].proto
    assert (md["width"], md["text_alignment"], md["wrap"], md["anchors"]) == ("auto", "left", True, True)
    assert at.caption[0].proto["width"] == "stretch"
    assert at.text[0].proto["width"] == "content"
    assert at.title[0].proto["width"] == "stretch" and at.title[0].icon == ""
    assert (at.code[0].proto["height"], at.code[0].proto["width"]) == ("content", "stretch")
    assert at.divider[0].proto["width"] == "stretch"
    assert at.latex[0].proto["width"] == "stretch"


def test_width_alignment_and_wrap_are_kept():
    at = run(
        """
        st.markdown("m", width=200, text_alignment="center", wrap=False, anchors=False)
        st.caption("c", width="content", text_alignment="right")
        st.text("t", width="stretch", text_alignment="justify", wrap=False)
        st.header("H", width=300, text_alignment="center", wrap=False)
        st.code("x", height=120, width="content")
        st.divider(width=50)
        st.latex("x", width="content")
        """
    )
    assert not at.exception
    md = at.markdown[0].proto
    assert (md["width"], md["text_alignment"], md["wrap"], md["anchors"]) == (200, "center", False, False)
    assert (at.caption[0].proto["width"], at.caption[0].proto["text_alignment"]) == ("content", "right")
    assert (at.text[0].proto["text_alignment"], at.text[0].proto["wrap"]) == ("justify", False)
    h = at.header[0].proto
    assert (h["width"], h["text_alignment"], h["wrap"]) == (300, "center", False)
    assert (at.code[0].proto["height"], at.code[0].proto["width"]) == (120, "content")
    assert at.divider[0].proto["width"] == 50
    assert at.latex[0].proto["width"] == "content"


def test_text_alignment_none_is_left_and_icons_are_stripped():
    at = run('st.header("H", text_alignment=None, icon="  🔥 ")')
    assert not at.exception
    assert at.header[0].proto["text_alignment"] == "left"
    assert at.header[0].icon == "🔥"


def test_code_height_none_is_content():
    at = run('st.code("x", height=None)')
    assert at.code[0].proto["height"] == "content"


@pytest.mark.parametrize(
    ("call", "icon"),
    [
        ('st.title("T", icon="🔥")', "🔥"),
        ('st.header("H", icon=":material/home:")', ":material/home:"),
        ('st.subheader("S", icon="spinner")', "spinner"),
        ('st.title("T", icon="👨\u200d👩\u200d👧")', "👨\u200d👩\u200d👧"),
        ('st.title("T", icon="")', ""),
    ],
)
def test_heading_icons_as_apptest_shows_them(call: str, icon: str):
    at = run(call)
    assert not at.exception
    heading = (at.title or at.header or at.subheader)[0]
    assert heading.icon == icon


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        (
            'st.markdown("x", text_alignment="middle")',
            "StreamlitValueError",
            "Invalid `text_alignment` value. Supported values: 'left', 'center', 'right', 'justify'.",
        ),
        (
            'st.caption("x", text_alignment="Center")',
            "StreamlitValueError",
            "Invalid `text_alignment` value. Supported values: 'left', 'center', 'right', 'justify'.",
        ),
        (
            'st.markdown("x", width="wide")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.title("x", width="auto")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'auto'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.text("x", width=0)',
            "StreamlitInvalidWidthError",
            "Invalid width value: 0. Width must be either a positive integer (pixels), 'stretch', or 'content'.",
        ),
        (
            'st.markdown("x", wrap="no")',
            "StreamlitValueError",
            "Invalid `wrap` value. Supported values: True, False.",
        ),
        (
            'st.markdown("x", wrap=False, unsafe_allow_html=True)',
            "StreamlitIncompatibleParametersError",
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line markdown cannot "
            "ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit `unsafe_allow_html` to truncate.",
        ),
        (
            'st.caption("x", wrap=False, unsafe_allow_html=True)',
            "StreamlitIncompatibleParametersError",
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line markdown cannot "
            "ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit `unsafe_allow_html` to truncate.",
        ),
        (
            'st.title("x", icon="bad")',
            "StreamlitAPIException",
            'The value "bad" is not a valid icon. Please use a single emoji or a Material icon '
            "shortcode like `:material\u200b/thumb_up:`.",
        ),
        (
            'st.header("x", icon="😀😀")',
            "StreamlitAPIException",
            'The value "😀😀" is not a valid emoji. Please use a single emoji.',
        ),
        (
            'st.title("x", icon=":material/Home:")',
            "StreamlitAPIException",
            'The value `":material\u200b/Home:"` is not a valid Material icon. '
            "Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**.",
        ),
        (
            'st.title("x", icon=5)',
            "StreamlitInvalidParameterTypeError",
            "Invalid `icon` type. Expected one of: str, None. Provided type: int.",
        ),
        (
            'st.code("x", height="big")',
            "StreamlitInvalidHeightError",
            "Invalid height value: 'big'. Height must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            'st.divider(width="content")',
            "StreamlitInvalidWidthError",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
        (
            "st.help(st, width='content')",
            "StreamlitInvalidWidthError",
            "Invalid width value: 'content'. Width must be either a positive integer (pixels) or 'stretch'.",
        ),
    ],
)
def test_bad_values_raise_streamlits_errors(call: str, kind: str, message: str):
    assert error_of(call) == (kind, message)


def test_help_takes_a_width():
    at = run("st.help(st.text, width=400)")
    assert not at.exception
    assert at.help[0].proto["width"] == 400 and at.help[0].name == "text"
