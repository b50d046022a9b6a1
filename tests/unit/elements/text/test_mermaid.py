"""st.mermaid_chart: a Markdown element holding a mermaid fence, as Streamlit sends it."""

from __future__ import annotations

import textwrap

from nbstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string("import nbstream as st\n" + textwrap.dedent(source), default_timeout=20).run()


def test_the_diagram_is_a_mermaid_fence_in_a_markdown_element():
    at = run(
        """
        r = st.mermaid_chart('''
            graph LR
                A[Start] --> B{Decision}
        ''')
        st.session_state.returned = type(r).__name__
        """
    )
    assert not at.exception
    (md,) = at.markdown
    assert md.value == "````mermaid\n\n    graph LR\n        A[Start] --> B{Decision}\n\n````"
    assert md.proto["width"] == "stretch" and md.proto["unsafe_allow_html"] is False
    assert at.session_state.returned == "DeltaGenerator"


def test_the_fence_is_longer_than_any_backticks_in_the_body():
    at = run('st.mermaid_chart("graph TD\\n  A[`````x`] --> B", width=300)')
    assert at.markdown[0].value == "``````mermaid\ngraph TD\n  A[`````x`] --> B\n``````"
    assert at.markdown[0].proto["width"] == 300


def test_alt_travels_as_a_mermaid_comment_after_front_matter():
    at = run(
        """
        st.mermaid_chart("graph TD; A-->B", alt="  Two\\n steps ")
        st.mermaid_chart("---\\ntitle: T\\n---\\ngraph TD; A-->B", alt="Titled")
        st.mermaid_chart("graph TD; A-->B", alt="   ")
        """
    )
    first, second, blank = (m.value for m in at.markdown)
    assert first == "````mermaid\n%% stAlt: Two steps\ngraph TD; A-->B\n````"
    assert second == "````mermaid\n---\ntitle: T\n---\n%% stAlt: Titled\ngraph TD; A-->B\n````"
    assert blank == "````mermaid\ngraph TD; A-->B\n````"


def test_errors():
    at = run(
        """
        for args, kwargs in [((1,), {}), (("graph TD",), {"width": 0})]:
            try:
                st.mermaid_chart(*args, **kwargs)
            except Exception as e:
                st.text(f"{type(e).__name__}: {e}")
        """
    )
    assert [t.value for t in at.text] == [
        "TypeError: st.mermaid_chart expects the diagram as a str, not int.",
        "StreamlitInvalidWidthError: Invalid width value: 0. Width must be either a positive integer "
        "(pixels), 'stretch', or 'content'.",
    ]
    assert not at.markdown
