"""st.mermaid_chart: a Mermaid diagram.  As in Streamlit it is a Markdown element whose
body is a ``mermaid`` code fence (``at.markdown`` lists it); the browser draws such
fences with a bundled Mermaid loaded on demand."""

from __future__ import annotations

import re

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.text.text import clean_text

ALT_PREFIX = "%% stAlt: "
_FRONTMATTER = re.compile(r"\A\s*---\n.*?\n---[ \t]*\n", re.DOTALL)


def with_alt(body: str, alt: str) -> str:
    """The body with the accessible name as a Mermaid comment the browser reads (after a
    YAML front matter block, which must come first)."""
    line = f"{ALT_PREFIX}{alt}\n"
    front = _FRONTMATTER.match(body)
    if front:
        return body[: front.end()] + line + body[front.end() :]
    return line + body


def fenced(body: str) -> str:
    """The body in a ``mermaid`` fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * max(4, longest + 1)
    return f"{fence}mermaid\n{body}\n{fence}"


@command
def mermaid_chart(body: str, *, width: int | str = "stretch", alt: str | None = None) -> DeltaGenerator:
    """Display a Mermaid diagram (flowchart, sequence, class, state, Gantt, pie, ...).

    Parameters
    ----------
    body : str
        The diagram in Mermaid's syntax.
    width : "stretch", "content" or int
        ``"stretch"`` (default) lets the diagram use the container's width; ``"content"``
        draws it at its own size; an int is pixels (at most the container's width).
    alt : str or None
        A short accessible name for the diagram.  None keeps the diagram's own
        ``accTitle``/``accDescr``.  It travels in the source as a ``%% stAlt:`` comment.

    Example
    -------
    >>> st.mermaid_chart('''
    ...     graph LR
    ...         A[Start] --> B{Decision}
    ...         B -->|Yes| C[OK]
    ...         B -->|No| D[Cancel]
    ... ''')
    """
    if not isinstance(body, str):
        raise TypeError(f"st.mermaid_chart expects the diagram as a str, not {type(body).__name__}.")
    width = check_width(width)
    name = " ".join(alt.split()) if isinstance(alt, str) else None
    if name:
        body = with_alt(clean_text(body), name)
    props = {"body": clean_text(fenced(body)), "unsafe_allow_html": False, "help": None, "width": width}
    return add_element("markdown", props)
