"""st.write_stream's ``cursor``: shown after the text while it streams, gone once the
text is complete; the returned text never holds it."""

from __future__ import annotations

import textwrap

from nbstream.testing import AppTest

SCRIPT = """
import nbstream as st
from nbstream.runtime import context

def markdown_props():
    def walk(node):
        if node.kind == "markdown":
            yield node.props
        for child in node.children or []:
            yield from walk(child)
    return [dict(p) for p in walk(context.get().root)]

seen = []

def words():
    for w in ["Once ", "upon ", "a time"]:
        yield w
        seen.append(markdown_props()[-1])

text = st.write_stream(words, cursor=CURSOR)
st.session_state.text = text
st.session_state.seen = seen
st.session_state.after = markdown_props()[0]
"""


def run(cursor: str | None) -> AppTest:
    source = textwrap.dedent(SCRIPT).replace("CURSOR", repr(cursor))
    return AppTest.from_string(source, default_timeout=20).run()


def test_the_cursor_shows_while_streaming_and_goes_at_the_end():
    at = run("▌")
    assert not at.exception
    seen = at.session_state.seen
    assert [p["body"] for p in seen] == ["Once", "Once upon", "Once upon a time"]
    assert all(p.get("cursor") == "▌" for p in seen)
    assert "cursor" not in at.session_state.after
    assert at.session_state.text == "Once upon a time"
    assert at.markdown[0].value == "Once upon a time"


def test_no_cursor_by_default():
    at = run(None)
    assert not at.exception
    assert all("cursor" not in p for p in at.session_state.seen)


def test_a_non_text_chunk_ends_the_cursor_of_the_text_before_it():
    at = AppTest.from_string(
        textwrap.dedent(
            """
            import nbstream as st
            out = st.write_stream(iter(["Hello ", {"a": 1}, "again"]), cursor=":material/edit:")
            st.session_state.n = len(out)
            """
        ),
        default_timeout=20,
    ).run()
    assert not at.exception
    assert at.session_state.n == 3
    assert [m.proto.get("cursor") for m in at.markdown] == [None, None]
    assert [m.value for m in at.markdown] == ["Hello", "again"]
