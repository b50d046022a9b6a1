"""``st.iframe``: a URL, an HTML string or a local file in a sandboxed frame.

As ``components.html``/``iframe``, the frame is never same-origin with the app (where
Streamlit's ``st.iframe`` gives HTML strings same-origin access): its scripts run
inside it only.  An HTML frame with ``height="content"`` reports its height itself, by a
small script the front end adds to it, since the app cannot look into a sandboxed frame.
"""

from __future__ import annotations

import base64
import logging
import mimetypes
import os
import re
from pathlib import Path
from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.components.frames import SANDBOX
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)

_LOG = logging.getLogger("nbstream")

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
URL = re.compile(r"^(https?:|data:)", re.IGNORECASE)
# Streamlit's fallback height for a frame whose content it cannot measure (a URL, a file).
URL_HEIGHT = 400
MAX_FILE_BYTES = 50 * 1024 * 1024


def _tab_index(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise StreamlitInvalidParameterTypeError(
            f"The `tab_index` parameter must be of type int, but got {type(value).__name__}."
        )
    if value < -1:
        raise StreamlitValueError("tab_index", ["None", "-1", "a non-negative integer"])
    return value


def _alt(alt: Any) -> str:
    if alt is None or not str(alt).strip():
        if alt is not None:
            _LOG.info("st.iframe: an empty `alt` keeps the frame's default title 'st.iframe'.")
        return "st.iframe"
    return str(alt).strip()


def _from_file(path: Path) -> dict[str, str]:
    try:
        if path.suffix.lower() in HTML_SUFFIXES:
            return {"srcdoc": path.read_text(encoding="utf-8")}
        if path.stat().st_size > MAX_FILE_BYTES:
            raise StreamlitAPIException(f"Unable to read file '{path}': larger than {MAX_FILE_BYTES} bytes.")
        data = path.read_bytes()
    except (OSError, UnicodeDecodeError) as exc:
        raise StreamlitAPIException(f"Unable to read file '{path}': {exc}") from exc
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"src": f"data:{mime};base64,{base64.b64encode(data).decode()}"}


def _source(src: Any) -> dict[str, str]:
    if isinstance(src, os.PathLike):
        return _from_file(Path(src))
    if not isinstance(src, str):
        raise StreamlitInvalidParameterTypeError(
            f"The `src` parameter must be of type str or Path, but got {type(src).__name__}."
        )
    text = src.strip()
    if URL.match(text) or (text.startswith("/") and "<" not in text and "\n" not in text):
        return {"src": text}
    return {"srcdoc": src}


@command
def iframe(
    src: str | Path,
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    tab_index: int | None = None,
    alt: str | None = None,
) -> None:
    """Embed a URL, an HTML string or a local file in an iframe.

    Parameters
    ----------
    src : str or Path
        An absolute URL (``http://``, ``https://``, ``data:``), a relative URL starting
        with ``/`` (such as ``/app/static/report.html``), a ``pathlib.Path`` to a local
        file (HTML files are embedded as HTML; other files, such as a PDF or an image,
        are shown by the browser's own viewer), or else an HTML string.
    width : int, "stretch" or "content"
        ``"stretch"`` (default) fills the container; an int is a width in pixels.
        ``"content"`` fills the container too (a sandboxed frame's width is not measured).
    height : int, "stretch" or "content"
        ``"content"`` (default) fits an HTML frame to its content; a URL or a file,
        whose content cannot be measured, is 400 pixels high.  ``"stretch"`` fills
        the container's height; an int is a height in pixels.
    tab_index : int or None
        The frame's place in the tab order: None for the browser's default, -1 to take
        it out of the tab order, a non-negative int for an explicit place.
    alt : str or None
        The frame's accessible name (its ``title``); ``"st.iframe"`` when None or empty.

    The frame is sandboxed (scripts, forms, pop-ups, downloads and modals allowed) and
    never same-origin with the app: embedded scripts cannot reach the app's page.

    Example
    -------
    >>> st.iframe("https://docs.streamlit.io", height=600, alt="Streamlit documentation")
    >>> st.iframe("<p>This is <strong>embedded HTML</strong>.</p>", height=100)
    """
    props: dict[str, Any] = dict(_source(src))
    width = check_width(width)
    height = check_height(height)
    props.update(
        width=width if isinstance(width, int) else None,
        tab_index=_tab_index(tab_index),
        title=_alt(alt),
        sandbox=SANDBOX,
        scrolling=True,
        auto_height=False,
    )
    if height == "stretch":
        props.update(height=None, stretch_height=True)
    elif isinstance(height, int):
        props["height"] = height
    elif "srcdoc" in props:
        # The front end adds a script that reports the document's height (frames.js).
        props.update(height=URL_HEIGHT // 4, auto_height=True)
    else:
        props["height"] = URL_HEIGHT
    add_element("iframe", props)
