"""st.html: HTML inserted into the page (not a frame), sanitized in the browser.

The browser removes scripts and event handlers (DOMPurify) and keeps CSS, so ``st.html``
can style the app but never run code in it.
"""

from __future__ import annotations

import os
from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import StreamlitAPIException


def _body_text(body: Any) -> str:
    if hasattr(body, "_repr_html_"):
        return str(body._repr_html_())
    if isinstance(body, os.PathLike) or (isinstance(body, str) and _is_file(body)):
        path = os.fspath(body)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        return f"<style>{text}</style>" if path.lower().endswith(".css") else text
    return str(body)


def _is_file(text: str) -> bool:
    if len(text) > 4096 or "\n" in text or "<" in text:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


@command
def html(body: Any, *, width: int | str = "stretch") -> None:
    """Insert HTML into the app, without an iframe.

    Scripts and JavaScript event handlers are removed before the HTML reaches the page
    (it is sanitized in the browser); CSS in ``<style>`` tags and ``style`` attributes
    is kept.  For HTML with scripts, use ``st.components.v1.html`` (a sandboxed frame).

    Parameters
    ----------
    body : str, path-like or object
        The HTML to insert.  A path to an existing file inserts the file's content (a
        ``.css`` file inside ``<style>`` tags); an object with ``_repr_html_`` inserts
        what that returns; anything else is converted with ``str``.
    width : "stretch", "content" or int
        The element's width: the container's, its content's, or pixels.
    """
    pixels = isinstance(width, int) and not isinstance(width, bool) and width > 0
    if not (pixels or width in ("stretch", "content")):
        raise StreamlitAPIException(
            f"Invalid width value: {width!r}. "
            "Width must be either an integer (pixels), 'stretch', or 'content'."
        )
    text = _body_text(body)
    add_element("html", {"body": text, "width": width})
