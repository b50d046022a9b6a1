"""Alerts: success, info, warning, error callouts and st.exception."""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element, place
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.elements.text.text import clean_text
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.exceptions import exception_node


def _alert(kind: str, body: Any, icon: str | None) -> DeltaGenerator:
    if icon is not None and (not isinstance(icon, str) or not icon.strip()):
        raise StreamlitAPIException(
            f'The value "{icon}" is not a valid emoji. '
            "Shortcodes are not allowed, please use a single character instead."
        )
    return add_element(kind, {"body": clean_text(body), "icon": icon})


@command
def success(body: Any, *, icon: str | None = None) -> DeltaGenerator:
    """Display a success message (green callout).

    Parameters
    ----------
    body : str
        The message, in Markdown.
    icon : str or None
        An emoji or a ``:material/icon_name:`` icon shown next to the message.
    """
    return _alert("success", body, icon)


@command
def info(body: Any, *, icon: str | None = None) -> DeltaGenerator:
    """Display an informational message (blue callout). Same parameters as ``st.success``."""
    return _alert("info", body, icon)


@command
def warning(body: Any, *, icon: str | None = None) -> DeltaGenerator:
    """Display a warning message (yellow callout). Same parameters as ``st.success``."""
    return _alert("warning", body, icon)


@command
def error(body: Any, *, icon: str | None = None) -> DeltaGenerator:
    """Display an error message (red callout). Same parameters as ``st.success``."""
    return _alert("error", body, icon)


@command
def exception(exception: BaseException) -> DeltaGenerator:
    """Display an exception: its type, message and the traceback of the user's code.

    Parameters
    ----------
    exception : Exception
        The exception to show.
    """
    if not isinstance(exception, BaseException):
        raise StreamlitAPIException(f"st.exception expects an exception, not {type(exception).__name__}.")
    return place(exception_node(exception))
