"""st.html: HTML inserted into the page (not a frame), sanitized in the browser.

The browser removes scripts and event handlers (DOMPurify) and keeps CSS, so ``st.html``
can style the app but runs no code in it, unless the app passes
``unsafe_allow_javascript=True``.
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
def html(body: Any, *, width: int | str = "stretch", unsafe_allow_javascript: bool = False) -> None:
    """Insert HTML into the app, without an iframe.

    Scripts and JavaScript event handlers are removed before the HTML reaches the page
    (it is sanitized in the browser) unless ``unsafe_allow_javascript=True``; CSS in
    ``<style>`` tags and ``style`` attributes is kept.  For HTML with scripts, a
    sandboxed frame (``st.components.v1.html``) is the safer choice.

    Parameters
    ----------
    body : str, path-like or object
        The HTML to insert.  A path to an existing file inserts the file's content (a
        ``.css`` file inside ``<style>`` tags); an object with ``_repr_html_`` inserts
        what that returns; anything else is converted with ``str``.
    width : "stretch", "content" or int
        The element's width: the container's, its content's, or pixels.
    unsafe_allow_javascript : bool
        False (the default): scripts and event handlers are removed.  True: the HTML is
        inserted as it is and its ``<script>`` tags run, in the page itself.  Never pass
        untrusted input with True.
    """
    pixels = isinstance(width, int) and not isinstance(width, bool) and width > 0
    if not (pixels or width in ("stretch", "content")):
        raise StreamlitAPIException(
            f"Invalid width value: {width!r}. "
            "Width must be either an integer (pixels), 'stretch', or 'content'."
        )
    if not isinstance(unsafe_allow_javascript, int):
        raise TypeError(
            f"'{type(unsafe_allow_javascript).__name__}' object cannot be interpreted as an integer"
        )
    text = _body_text(body)
    add_element(
        "html", {"body": text, "width": width, "unsafe_allow_javascript": bool(unsafe_allow_javascript)}
    )
