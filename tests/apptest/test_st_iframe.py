"""st.iframe (Streamlit 1.67): a URL, an HTML string or a local file in a sandboxed frame,
with width/height/tab_index/alt checked as Streamlit checks them."""

from __future__ import annotations

import base64

import pytest
from apphelpers import run


def test_spec_examples_an_external_site_and_html():
    at = run(
        """
        import nbstream as st
        st.iframe("https://docs.streamlit.io", height=600, alt="Streamlit documentation")
        st.iframe('''
        <style>body { font-family: sans-serif; padding: 1rem; }</style>
        <p>This is <strong>embedded HTML</strong>.</p>
        ''', height=100)
        """
    )
    url, html = at.get("iframe")
    assert url.src == "https://docs.streamlit.io" and url.height == 600
    assert url.proto["title"] == "Streamlit documentation"
    assert "<strong>embedded HTML</strong>" in html.srcdoc and html.height == 100
    for frame in (url, html):
        assert "allow-scripts" in frame.sandbox and "allow-same-origin" not in frame.sandbox


def test_heights_content_fits_html_and_urls_fall_back_to_400():
    at = run(
        """
        import nbstream as st
        st.iframe("<p>fit</p>")
        st.iframe("/app/static/report.html")
        st.iframe("https://example.com", height="stretch", width=300)
        """
    )
    fit, relative, stretch = at.get("iframe")
    assert fit.proto["auto_height"] is True and fit.srcdoc == "<p>fit</p>"
    assert relative.src == "/app/static/report.html" and relative.height == 400
    assert relative.proto["auto_height"] is False
    assert stretch.proto["stretch_height"] is True and stretch.proto["width"] == 300
    assert fit.proto["title"] == "st.iframe"


def test_local_files_html_inline_others_by_the_browsers_viewer(tmp_path):
    page = tmp_path / "dashboard.html"
    page.write_text("<h1>Dashboard</h1>", encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 tiny")
    at = run(
        f"""
        from pathlib import Path
        import nbstream as st
        st.iframe(Path({str(page)!r}), height=800)
        st.iframe(Path({str(pdf)!r}))
        st.iframe(Path({str(tmp_path / "missing.html")!r}))
        """
    )
    html, viewer = at.get("iframe")
    assert html.srcdoc == "<h1>Dashboard</h1>" and html.height == 800
    assert viewer.src == "data:application/pdf;base64," + base64.b64encode(b"%PDF-1.4 tiny").decode()
    assert at.exception[0].message.startswith("Unable to read file ")


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        ("st.iframe('x', width=0)", "StreamlitInvalidWidthError", "Invalid width value: 0"),
        ("st.iframe('x', height='tall')", "StreamlitInvalidHeightError", "Invalid height value: 'tall'"),
        ("st.iframe('x', tab_index=-2)", "StreamlitValueError", "Invalid `tab_index` value"),
        ("st.iframe('x', tab_index='1')", "StreamlitInvalidParameterTypeError", "tab_index"),
        ("st.iframe(42)", "StreamlitInvalidParameterTypeError", "`src`"),
    ],
)
def test_bad_arguments_raise_streamlits_errors(call, kind, message):
    at = run(f"import nbstream as st\n{call}\n")
    assert at.exception[0].proto.type == kind
    assert message in at.exception[0].message


def test_st_iframe_in_a_container_and_the_components_iframe_stay_distinct():
    at = run(
        """
        import nbstream as st
        import nbstream.components.v1 as components
        with st.sidebar:
            st.iframe("https://example.com/a", height=50, tab_index=-1)
        st.sidebar.iframe("https://example.com/b", height=60)
        components.iframe("https://example.com/c", height=70)
        """
    )
    a, b = at.sidebar.get("iframe")
    assert (a.src, a.height, a.proto["tab_index"], b.src) == (
        "https://example.com/a",
        50,
        -1,
        "https://example.com/b",
    )
    (c,) = at.main.get("iframe")
    assert (c.src, c.height) == ("https://example.com/c", 70) and "title" not in c.proto
