"""Text elements: markdown, headings, caption, code, text, latex, divider."""

from __future__ import annotations

import textwrap
from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException

DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")


def _body(body: Any) -> str:
    return body if isinstance(body, str) else str(body)


def clean_text(body: Any) -> str:
    """Dedent and strip, as Streamlit does: an indented triple-quoted string is not a code block."""
    return textwrap.dedent(_body(body)).strip()


def _help(help: Any) -> str | None:
    return None if help is None else str(help)


@command
def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> DeltaGenerator:
    """Display a string formatted as Markdown.

    Streamlit's dialect: GitHub-flavored Markdown, emoji shortcodes (``:paw_prints:``),
    colored text (``:red[text]``, ``:blue-background[text]``), Material icons
    (``:material/home:``) and LaTeX between ``$`` or ``$$``.

    Parameters
    ----------
    body : str
        The text to display as Markdown.
    unsafe_allow_html : bool
        If False (the default), HTML in ``body`` is shown as text. Set it to True only
        for HTML you trust.
    help : str or None
        A tooltip shown next to the text.
    """
    return add_element(
        "markdown",
        {"body": clean_text(body), "unsafe_allow_html": bool(unsafe_allow_html), "help": _help(help)},
    )


def _heading(
    kind: str, body: Any, anchor: str | bool | None, help: Any, divider: bool | str = False
) -> DeltaGenerator:
    if divider is not False and divider is not True and divider not in DIVIDER_COLORS:
        raise StreamlitAPIException(
            f"Divider parameter has invalid value: `{divider}`. "
            f"Please choose from: {', '.join(DIVIDER_COLORS)}."
        )
    if anchor is not None and anchor is not False and not isinstance(anchor, str):
        raise StreamlitAPIException(
            f"Anchor parameter has invalid value: {anchor!r}. Supported values: None, any string or False"
        )
    props = {"body": clean_text(body), "anchor": anchor, "help": _help(help), "divider": divider}
    return add_element(kind, props)


@command
def title(body: Any, anchor: str | bool | None = None, *, help: str | None = None) -> DeltaGenerator:
    """Display text in title formatting (the page's main heading, ``h1``).

    Parameters
    ----------
    body : str
        The title text, in Markdown.
    anchor : str, False or None
        The anchor name of the heading; None makes one from ``body``, False shows none.
    help : str or None
        A tooltip shown next to the title.
    """
    return _heading("title", body, anchor, help)


@command
def header(
    body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False
) -> DeltaGenerator:
    """Display text in header formatting (``h2``).

    Parameters
    ----------
    body : str
        The header text, in Markdown.
    anchor : str, False or None
        The anchor name of the heading.
    help : str or None
        A tooltip shown next to the header.
    divider : bool or str
        Show a colored line under the header: True picks the next color, or name one of
        "blue", "green", "orange", "red", "violet", "gray"/"grey" or "rainbow".
    """
    return _heading("header", body, anchor, help, divider)


@command
def subheader(
    body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False
) -> DeltaGenerator:
    """Display text in subheader formatting (``h3``). Same parameters as ``st.header``."""
    return _heading("subheader", body, anchor, help, divider)


@command
def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None) -> DeltaGenerator:
    """Display text in small font, for captions, asides and footnotes (Markdown)."""
    return add_element(
        "caption",
        {"body": clean_text(body), "unsafe_allow_html": bool(unsafe_allow_html), "help": _help(help)},
    )


@command
def code(
    body: Any, language: str | None = "python", *, line_numbers: bool = False, wrap_lines: bool = False
) -> DeltaGenerator:
    """Display a code block with syntax highlighting and a copy button.

    Parameters
    ----------
    body : str
        The code.
    language : str or None
        The language to highlight as (default "python"); None for plain text.
    line_numbers : bool
        Show line numbers on the left.
    wrap_lines : bool
        Wrap long lines instead of scrolling.
    """
    props = {
        "body": _body(body),
        "language": language,
        "line_numbers": bool(line_numbers),
        "wrap_lines": bool(wrap_lines),
    }
    return add_element("code", props)


@command
def text(body: Any, *, help: str | None = None) -> DeltaGenerator:
    """Display fixed-width, preformatted text (no Markdown)."""
    return add_element("text", {"body": clean_text(body), "help": _help(help)})


@command
def latex(body: Any, *, help: str | None = None) -> DeltaGenerator:
    """Display mathematical expressions formatted as LaTeX (rendered with KaTeX).

    ``body`` may also be a SymPy expression, which is converted with ``sympy.latex``.
    """
    if type(body).__module__.startswith("sympy"):
        import sympy

        body = sympy.latex(body)
    return add_element("latex", {"body": _body(body), "help": _help(help)})


@command
def divider() -> DeltaGenerator:
    """Display a horizontal rule."""
    return add_element("divider", {})
