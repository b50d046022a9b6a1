"""Text elements: markdown, headings, caption, code, text, latex, divider."""

from __future__ import annotations

import textwrap
from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.text._layout import check_icon, check_text_alignment, check_wrap
from nbstream.runtime.errors import StreamlitAPIException, StreamlitIncompatibleParametersError

DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")


def _body(body: Any) -> str:
    return body if isinstance(body, str) else str(body)


def clean_text(body: Any) -> str:
    """Dedent and strip, as Streamlit does: an indented triple-quoted string is not a code block."""
    return textwrap.dedent(_body(body)).strip()


def _help(help: Any) -> str | None:
    return None if help is None else str(help)


def _one_line_without_html(layout: dict[str, Any], unsafe_allow_html: Any) -> None:
    if not layout["wrap"] and unsafe_allow_html:
        raise StreamlitIncompatibleParametersError(
            "`wrap=False` and `unsafe_allow_html=True` cannot be used together. One-line markdown "
            "cannot ellipsize raw HTML. Pass `wrap=True` to render HTML, or omit `unsafe_allow_html` "
            "to truncate."
        )


def _layout(width: Any, text_alignment: Any, wrap: Any, *, auto: bool = False) -> dict[str, Any]:
    """The width, alignment and wrapping props of a text element, checked."""
    return {
        "width": width if auto and width == "auto" else check_width(width),
        "text_alignment": check_text_alignment(text_alignment),
        "wrap": check_wrap(wrap),
    }


@command
def markdown(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: int | str = "auto",
    text_alignment: str = "left",
    anchors: bool = True,
    wrap: bool = True,
) -> DeltaGenerator:
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
    width : "auto", "stretch", "content" or int
        "auto" (the default) stretches in a vertical container and fits the content in
        a horizontal one; otherwise as for every text element: the container's width,
        the content's, or a number of pixels (never wider than the container).
    text_alignment : "left", "center", "right" or "justify"
        The horizontal alignment of the text.
    anchors : bool
        Show a link icon on hover next to Markdown headings (True, the default).  The
        headings keep their ``id`` either way, so ``#heading`` links still work.
    wrap : bool
        True (the default): long text wraps.  False: one line, truncated with an
        ellipsis (hover shows the whole text); only inline Markdown is rendered, and it
        cannot be combined with ``unsafe_allow_html=True``.
    """
    layout = _layout(width, text_alignment, wrap, auto=True)
    _one_line_without_html(layout, unsafe_allow_html)
    props = {
        "body": clean_text(body),
        "unsafe_allow_html": bool(unsafe_allow_html),
        "help": _help(help),
        "anchors": bool(anchors),
        **layout,
    }
    return add_element("markdown", props)


def _heading(
    kind: str,
    body: Any,
    anchor: str | bool | None,
    help: Any,
    divider: bool | str,
    icon: str | None,
    layout: dict[str, Any],
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
    props = {
        "body": clean_text(body),
        "anchor": anchor,
        "help": _help(help),
        "divider": divider,
        "icon": check_icon(icon),
        **layout,
    }
    return add_element(kind, props)


@command
def title(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Display text in title formatting (the page's main heading, ``h1``).

    Parameters
    ----------
    body : str
        The title text, in Markdown.
    anchor : str, False or None
        The anchor name of the heading; None makes one from ``body``, False shows none.
    help : str or None
        A tooltip shown next to the title.
    icon, width, text_alignment, wrap
        As for ``st.header``.
    """
    return _heading("title", body, anchor, help, False, icon, _layout(width, text_alignment, wrap))


@command
def header(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: bool | str = False,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
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
    icon : str or None
        An emoji, a ``:material/icon_name:`` icon or "spinner" shown before the text
        (None or "": no icon).  It is decorative: not part of the anchor.
    width : "stretch", "content" or int
        The element's width: its container's, its content's (at most the container's)
        or a number of pixels (at most the container's).
    text_alignment : "left", "center", "right" or "justify"
        The horizontal alignment of the text inside the element.
    wrap : bool
        True (the default): a long heading wraps.  False: its first line only, on one
        line, truncated with an ellipsis (hover shows it whole).
    """
    layout = _layout(width, text_alignment, wrap)
    return _heading("header", body, anchor, help, divider, icon, layout)


@command
def subheader(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: bool | str = False,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Display text in subheader formatting (``h3``). Same parameters as ``st.header``."""
    layout = _layout(width, text_alignment, wrap)
    return _heading("subheader", body, anchor, help, divider, icon, layout)


@command
def caption(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: int | str = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Display text in small font, for captions, asides and footnotes (Markdown).

    Takes ``st.markdown``'s parameters (``width`` without "auto"); with ``wrap=False``
    the caption stays on one line, truncated with an ellipsis.
    """
    layout = _layout(width, text_alignment, wrap)
    _one_line_without_html(layout, unsafe_allow_html)
    props = {
        "body": clean_text(body),
        "unsafe_allow_html": bool(unsafe_allow_html),
        "help": _help(help),
        **layout,
    }
    return add_element("caption", props)


@command
def code(
    body: Any,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: int | str | None = "content",
    width: int | str = "stretch",
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
    height : "content", "stretch", int or None
        "content" (the default; also None): as tall as the code.  "stretch": at least
        as tall as the parent container.  A number of pixels: a fixed height that
        scrolls.
    width : "stretch", "content" or int
        The block's width: its container's, its content's (at most the container's)
        or a number of pixels.
    """
    props = {
        "body": _body(body),
        "language": language,
        "line_numbers": bool(line_numbers),
        "wrap_lines": bool(wrap_lines),
        "height": "content" if height is None else check_height(height),
        "width": check_width(width),
    }
    return add_element("code", props)


@command
def text(
    body: Any,
    *,
    help: str | None = None,
    width: int | str = "content",
    text_alignment: str = "left",
    wrap: bool = True,
) -> DeltaGenerator:
    """Display fixed-width, preformatted text (no Markdown).

    Parameters
    ----------
    body : str
        The text.
    help : str or None
        A tooltip shown next to the text.
    width : "content", "stretch" or int
        The element's width: its content's (the default, at most the container's),
        the container's, or a number of pixels.
    text_alignment : "left", "center", "right" or "justify"
        The horizontal alignment of the text.
    wrap : bool
        True (the default): long lines wrap.  False: the text stays on one line
        (newlines are not shown as line breaks), truncated with an ellipsis.
    """
    props = {"body": clean_text(body), "help": _help(help), **_layout(width, text_alignment, wrap)}
    return add_element("text", props)


@command
def latex(body: Any, *, help: str | None = None, width: int | str = "stretch") -> DeltaGenerator:
    """Display mathematical expressions formatted as LaTeX (rendered with KaTeX).

    ``body`` may also be a SymPy expression, which is converted with ``sympy.latex``.
    ``width`` is "stretch" (the default), "content" or a number of pixels.
    """
    if type(body).__module__.startswith("sympy"):
        import sympy

        body = sympy.latex(body)
    return add_element("latex", {"body": _body(body), "help": _help(help), "width": check_width(width)})


@command
def divider(*, width: int | str = "stretch") -> DeltaGenerator:
    """Display a horizontal rule, as wide as its container ("stretch") or ``width`` pixels."""
    return add_element("divider", {"width": check_width(width, allow_content=False)})
