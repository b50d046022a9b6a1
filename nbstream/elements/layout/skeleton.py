"""st.skeleton: a shimmering placeholder that the script later replaces with content."""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.delta_generator import DeltaGenerator, command


class SkeletonPlaceholder(DeltaGenerator):
    """The skeleton's place: writing to it replaces the skeleton, as with ``st.empty``."""

    __slots__ = ()


@command
def skeleton(height: Any = None, *, width: Any = "stretch") -> SkeletonPlaceholder:
    """Show a loading placeholder where content will appear.

    Write to the returned placeholder (``slot.write(...)``, ``with slot:``) to replace the
    skeleton with the content once it is ready.

    Parameters
    ----------
    height : int, "stretch" or None
        The placeholder's height in pixels, all the height left ("stretch"), or None
        for the height of a line of text.
    width : "stretch" or int
        The placeholder's width.

    Returns
    -------
    DeltaGenerator
        The placeholder.
    """
    props = {
        "height": None if height is None else check_height(height, allow_content=False),
        "width": check_width(width, allow_content=False),
    }
    return SkeletonPlaceholder.cast(add_element("skeleton", props))  # type: ignore[return-value]
