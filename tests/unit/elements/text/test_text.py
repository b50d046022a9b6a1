"""Text elements and alerts: what the user sees of the body they passed."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), default_timeout=10).run()


INDENTED = '''
import nbstream as st
body = """
    # Title
    some *text*
"""
'''


@pytest.mark.parametrize("kind", ["markdown", "caption", "text", "success", "info", "warning", "error"])
def test_an_indented_triple_quoted_body_is_dedented_and_stripped(kind):
    at = run(INDENTED + f"st.{kind}(body)\n")
    assert at.get(kind)[0].value == "# Title\nsome *text*"


@pytest.mark.parametrize("kind", ["title", "header", "subheader"])
def test_headings_are_stripped(kind):
    at = run(f"import nbstream as st\nst.{kind}('  padded  ')")
    assert at.get(kind)[0].value == "padded"


def test_code_keeps_its_indentation():
    at = run("import nbstream as st\nst.code('    indented = True')")
    assert at.code[0].value == "    indented = True"


def test_write_joins_strings_with_spaces():
    at = run("import nbstream as st\nst.write('  a  ', 'b', 1)")
    assert at.markdown[0].value == "a   b `1`"


def test_non_string_bodies_are_shown_as_text():
    at = run("import nbstream as st\nst.markdown(42)\nst.title(3.5)\nst.info(['x'])")
    assert at.markdown[0].value == "42"
    assert at.title[0].value == "3.5"
    assert at.info[0].value == "['x']"


def test_markdown_does_not_allow_html_by_default():
    at = run(
        "import nbstream as st\nst.markdown('<b>bold</b>')\nst.markdown('<i>x</i>', unsafe_allow_html=True)"
    )
    assert at.markdown[0].unsafe_allow_html is False
    assert at.markdown[1].unsafe_allow_html is True


def test_divider_and_header_divider():
    at = run(
        "import nbstream as st\nst.divider()\nst.header('H', divider='blue')\nst.subheader('S', divider=True)"
    )
    assert at.divider[0].value == "---"
    assert at.header[0].divider == "blue"
    assert at.subheader[0].divider is True


def test_invalid_divider_color():
    at = run("import nbstream as st\nst.header('H', divider='pink')")
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "pink" in at.exception[0].message
    assert "blue" in at.exception[0].message


def test_alert_icon_and_empty_icon():
    at = run("import nbstream as st\nst.success('ok', icon='✅')\nst.error('bad', icon='')")
    assert at.success[0].icon == "✅"
    assert at.exception[0].proto.type == "StreamlitAPIException"


def test_code_language_and_latex():
    at = run(
        "import nbstream as st\nst.code('x = 1', language='python')\nst.code('SELECT 1', language='sql')\nst.latex(r'e^{i\\pi} + 1 = 0')"
    )
    assert [c.language for c in at.code] == ["python", "sql"]
    assert at.latex[0].value == "$$\n" + r"e^{i\pi} + 1 = 0" + "\n$$"  # as Streamlit's AppTest


def test_echo_shows_the_code_and_runs_it():
    at = run(
        """
        import nbstream as st
        with st.echo():
            st.text("inside echo")
        st.text("after")
        """
    )
    assert at.code[0].value == 'st.text("inside echo")'
    assert [t.value for t in at.text] == ["inside echo", "after"]
    kinds = [c.type for c in at.main.children.values()]
    assert kinds.index("code") < kinds.index("text")


def test_echo_below():
    at = run(
        """
        import nbstream as st
        with st.echo(code_location="below"):
            st.text("first")
        """
    )
    kinds = [c.type for c in at.main.children.values()]
    assert kinds == ["text", "code"]
