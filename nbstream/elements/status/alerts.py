"""Alerts: success, info, warning, error callouts and st.exception."""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element, place
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.text.text import clean_text
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.exceptions import exception_node


def _alert(kind: str, body: Any, icon: str | None, width: Any, title: Any) -> DeltaGenerator:
    if icon is not None and (not isinstance(icon, str) or not icon.strip()):
        raise StreamlitAPIException(
            f'The value "{icon}" is not a valid emoji. '
            "Shortcodes are not allowed, please use a single character instead."
        )
    props = {
        "body": clean_text(body),
        "icon": icon,
        "width": check_width(width, allow_content=False),
        "title": None if title is None else str(title),
    }
    return add_element(kind, props)


@command
def success(
    body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None
) -> DeltaGenerator:
    """Display a success message (green callout).

    Parameters
    ----------
    body : str
        The message, in Markdown.
    icon : str or None
        An emoji or a ``:material/icon_name:`` icon shown next to the message.
    width : "stretch" or int
        The callout's width: its container's (the default) or a number of pixels (at
        most the container's).
    title : str or None
        A bold title above the message (inline Markdown: italics, strikethrough, code,
        links, images); None (the default) shows none.
    """
    return _alert("success", body, icon, width, title)


@command
def info(
    body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None
) -> DeltaGenerator:
    """Display an informational message (blue callout). Same parameters as ``st.success``."""
    return _alert("info", body, icon, width, title)


@command
def warning(
    body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None
) -> DeltaGenerator:
    """Display a warning message (yellow callout). Same parameters as ``st.success``."""
    return _alert("warning", body, icon, width, title)


@command
def error(
    body: Any, *, icon: str | None = None, width: int | str = "stretch", title: Any = None
) -> DeltaGenerator:
    """Display an error message (red callout). Same parameters as ``st.success``."""
    return _alert("error", body, icon, width, title)


@command
def exception(exception: BaseException, width: int | str = "stretch") -> DeltaGenerator:
    """Display an exception: its type, message and the traceback of the user's code.

    Parameters
    ----------
    exception : Exception
        The exception to show.
    width : "stretch" or int
        The element's width: its container's (the default) or a number of pixels.
    """
    if not isinstance(exception, BaseException):
        raise StreamlitAPIException(f"st.exception expects an exception, not {type(exception).__name__}.")
    width = check_width(width, allow_content=False)
    node = exception_node(exception)
    node.props["width"] = width
    return place(node)
