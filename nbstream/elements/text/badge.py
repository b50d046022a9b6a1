"""st.badge: a small colored label, drawn as Markdown's ``:color-badge[...]`` directive."""

from __future__ import annotations

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import DeltaGenerator, command

BADGE_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary")


def _escape(label: str) -> str:
    # Square brackets in the label would end the directive early.
    return label.replace("[", "\\[").replace("]", "\\]")


@command
def badge(
    label: str,
    *,
    icon: str | None = None,
    color: str = "blue",
    width: int | str = "content",
    help: str | None = None,
) -> DeltaGenerator:
    """Display a colored badge with an optional icon.

    Parameters
    ----------
    label : str
        The badge's text (Markdown).
    icon : str or None
        An emoji or ``:material/icon_name:`` shown before the label.
    color : str
        "red", "orange", "yellow", "blue" (the default), "green", "violet", "gray"/"grey"
        or "primary".
    width : "content", "stretch" or int
        The badge's width.
    help : str or None
        A tooltip shown on hover.
    """
    text = _escape(str(label))
    if icon:
        text = f"{icon} {text}"
    body = f":{color}-badge[{text}]"
    props = {
        "body": body,
        "unsafe_allow_html": False,
        "help": None if help is None else str(help),
        "width": check_width(width),
    }
    return add_element("markdown", props)
