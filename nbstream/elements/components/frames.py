"""Static components: ``components.html`` (an HTML string in a sandboxed frame) and
``components.iframe`` (a URL in one).

Both frames are sandboxed without ``allow-same-origin``: their scripts run, but inside
the frame only; they cannot reach the app's page, its cookies or other components.
"""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import StreamlitAPIException

# Streamlit's flags but for allow-same-origin (which would hand a srcdoc frame the page).
SANDBOX = "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-scripts allow-downloads"
DEFAULT_HEIGHT = 150


def check_tab_index(tab_index: Any) -> int | None:
    if tab_index is None:
        return None
    if isinstance(tab_index, bool) or not isinstance(tab_index, int) or tab_index < -1:
        raise StreamlitAPIException(
            f"tab_index must be None, -1, or a non-negative integer. Got {tab_index!r}."
        )
    return tab_index


def _size(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise StreamlitAPIException(
            f"`{name}` must be a non-negative number of pixels or None, not {value!r}."
        )
    return int(value)


def _frame(props: dict[str, Any], width: Any, height: Any, scrolling: bool, tab_index: Any) -> None:
    props.update(
        width=_size("width", width),
        height=_size("height", height) if height is not None else DEFAULT_HEIGHT,
        scrolling=bool(scrolling),
        tab_index=check_tab_index(tab_index),
        sandbox=SANDBOX,
    )
    add_element("iframe", props)


@command
def html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> None:
    """Display an HTML string in a sandboxed iframe; its scripts run inside the frame.

    Parameters
    ----------
    html : str
        The HTML document (or fragment) to show.
    width : int or None
        The frame's width in pixels; None fills the container.
    height : int or None
        The frame's height in pixels (150 when None).
    scrolling : bool
        Whether the frame scrolls when its content is larger than it.
    tab_index : int or None
        The frame's place in the tab order: None for the browser's default, -1 to leave
        it out, a non-negative integer for an explicit place.

    The frame is sandboxed (scripts, forms, pop-ups, downloads and modals allowed) but
    never same-origin with the app: its scripts cannot reach the app's page.
    """
    _frame({"srcdoc": str(html)}, width, height, scrolling, tab_index)


@command
def iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> None:
    """Load a remote URL in a sandboxed iframe.

    Parameters
    ----------
    src : str
        The URL of the page to embed.
    width : int or None
        The frame's width in pixels; None fills the container.
    height : int or None
        The frame's height in pixels (150 when None).
    scrolling : bool
        Whether the frame scrolls when its content is larger than it.
    tab_index : int or None
        The frame's place in the tab order (None, -1 or a non-negative integer).
    """
    _frame({"src": str(src)}, width, height, scrolling, tab_index)
