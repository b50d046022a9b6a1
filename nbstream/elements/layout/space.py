"""st.space: vertical (or, in a horizontal container, horizontal) empty space."""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitValueError

SPACE_SIZES = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


@command
def space(size: Any = "small") -> DeltaGenerator:
    """Add empty space between elements.

    The space runs along its container's direction: vertical in the page and most
    containers, horizontal in ``st.container(horizontal=True)``.

    Parameters
    ----------
    size : str or int
        "xxsmall" to "xxlarge" (a named size; "small", the default, is the height of a
        widget label), "stretch" (all space left in the container), or a number of pixels.
    """
    if not (size in SPACE_SIZES or (isinstance(size, int) and not isinstance(size, bool) and size > 0)):
        supported = [f"'{s}'" for s in SPACE_SIZES] + ["a positive integer"]
        raise StreamlitValueError("size", supported, size, show_got=True)
    return add_element("space", {"size": size})
