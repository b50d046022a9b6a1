"""``st.json``: an object or a JSON string as a pretty, collapsible tree."""

from __future__ import annotations

import json as _json
from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException

__all__ = ["json"]


@command
def json(body: Any, *, expanded: bool | int = True, width: int | str = "stretch") -> DeltaGenerator:
    """Display an object or a JSON string as a pretty, collapsible tree.

    Parameters
    ----------
    body : object or str
        A JSON-serializable object, or a string holding JSON.  Objects that are not
        JSON (dates, custom classes) are shown as their ``repr``.
    expanded : bool or int
        Expand the tree (True), collapse it (False), or expand it this many levels deep.
    width : "stretch" or int
        The element's width: its container's (the default) or a number of pixels.
    """
    width = check_width(width, allow_content=False)
    if isinstance(expanded, bool):
        depth = None
    elif isinstance(expanded, int):
        depth, expanded = expanded, True
    else:
        raise StreamlitAPIException(
            f"The type {type(expanded)} of `expanded` is not supported, must be bool or int."
        )
    if hasattr(body, "to_dict") and not isinstance(body, dict):
        body = body.to_dict()
    if isinstance(body, str):
        text = body
    else:
        try:
            text = _json.dumps(body, default=repr)
        except TypeError as exc:
            raise StreamlitAPIException(  # noqa: B904 - the message says it all
                f"The object of type {type(body).__name__} is not JSON-serializable: {exc}"
            )
    props = {"body": text, "expanded": bool(expanded), "max_expand_depth": depth, "width": width}
    return add_element("json", props)
