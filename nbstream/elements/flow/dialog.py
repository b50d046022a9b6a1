"""``@st.dialog``: a function whose elements show in a modal dialog.

Calling the decorated function opens the dialog; its body is a fragment, so its widgets
rerun only the dialog.  The dialog stays open as long as the script calls the function:
``st.rerun()`` inside it starts a full run that no longer calls it, which closes it.  The
user may dismiss it (Escape, the close button, a click outside) when it is dismissible;
``on_dismiss`` says whether that reruns the app.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import Any, TypeVar

from nbstream.elements._base import add_block, add_widget
from nbstream.elements.flow.fragments import fragment
from nbstream.runtime import context, parallel
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from nbstream.runtime.tree import Node
from nbstream.runtime.widgets import InvalidWireValue

F = TypeVar("F", bound=Callable[..., Any])

WIDTHS = ("small", "medium", "large")
POSITIONS = ("left", "center", "right")
MATERIAL_ICON = re.compile(r":material/[a-z0-9_]+:")

# Each call that opens a dialog gets a new number: a dialog the user dismissed opens
# again when a later run calls it again, even where the page still has its element.
_OPENINGS = itertools.count(1)


class _DismissSerde:
    """The dismissal is an event: the browser clicks it, never sends it a value."""

    def serialize(self, value: Any) -> bool:
        return bool(value)

    def deserialize(self, wire: Any) -> bool:
        raise InvalidWireValue("a dialog's dismissal takes clicks, not values")


def _check_icon(icon: Any) -> None:
    """None, "spinner", a Material icon (``:material/name:``) or an emoji."""
    if icon is None or icon == "spinner":
        return
    if not isinstance(icon, str):
        raise StreamlitInvalidParameterTypeError(
            f"Invalid `icon` type. Expected one of: str, None. Provided type: {type(icon).__name__}."
        )
    text = icon.strip()
    if text.startswith(":material"):
        if not MATERIAL_ICON.fullmatch(text):
            shown = text.replace(":material/", ":material\u200b/")
            raise StreamlitAPIException(
                f'The value `"{shown}"` is not a valid Material icon. '
                "Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**."
            )
        return
    # An emoji is a few code points, none of them an ASCII letter or digit.
    if not text or len(text) > 8 or any(c.isascii() and c.isalnum() for c in text):
        raise StreamlitAPIException(
            f'The value "{icon}" is not a valid icon. Please use a single emoji or a Material icon '
            "shortcode like `:material\u200b/thumb_up:`."
        )


def _check(title: Any, width: Any, on_dismiss: Any) -> None:
    if not isinstance(title, str) or not title.strip():
        raise StreamlitAPIException(
            "A non-empty `title` argument has to be provided for dialogs, for example "
            '`@st.dialog("Example Title")`.'
        )
    if width not in WIDTHS and not (isinstance(width, int) and not isinstance(width, bool) and width > 0):
        raise StreamlitAPIException(
            f"Invalid width value: {width!r}. "
            "Width must be 'small', 'medium', 'large' or a positive int (pixels)."
        )
    if on_dismiss not in ("ignore", "rerun") and not callable(on_dismiss):
        raise StreamlitAPIException(
            f"You have passed {on_dismiss!r} to `on_dismiss`. It must be 'ignore', 'rerun', or a callable."
        )


def dialog(
    title: str,
    *,
    width: str | int = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: str | Callable[..., Any] = "ignore",
) -> Callable[[F], F]:
    """Turn a function into a modal dialog: calling it opens the dialog.

    The function's elements show in a modal over the app.  It is a fragment: a widget
    inside it reruns only the function.  Call ``st.rerun()`` inside it to close it (and
    rerun the app, e.g. after storing the user's input in ``st.session_state``).  Only
    one dialog can be open at a time.

    Parameters
    ----------
    title : str
        The dialog's title (Markdown); it cannot be empty.
    width : "small", "medium", "large" or int
        Up to 500, 750 or 1280 pixels wide, or a fixed width in pixels.
    position : "center", "left" or "right"
        A modal in the middle of the window (the default), or a full-height drawer on
        the window's left or right side that the user can resize by dragging its edge.
    dismissible : bool
        Whether the user can close the dialog (Escape, the close button, a click
        outside it).  With False, only the app closes it (``st.rerun()``).
    icon : str or None
        An emoji, ``:material/icon_name:`` or "spinner" (a spinning circle) shown before
        the title.
    on_dismiss : "ignore", "rerun" or callable
        What dismissing does: nothing in the kernel ("ignore", the default), rerun the
        app ("rerun"), or call this function and rerun.

    Example
    -------
    >>> @st.dialog("Cast your vote")
    ... def vote(item):
    ...     reason = st.text_input("Because...")
    ...     if st.button("Submit"):
    ...         st.session_state.vote = {"item": item, "reason": reason}
    ...         st.rerun()
    """
    _check(title, width, on_dismiss)
    if position not in POSITIONS:
        raise StreamlitValueError("position", [f"'{p}'" for p in POSITIONS])
    _check_icon(icon)

    def decorate(fn: F) -> F:
        body = fragment(fn)

        @functools.wraps(fn)
        def open_dialog(*args: Any, **kwargs: Any) -> Any:
            ctx = context.require()
            if ctx.session.is_bare:
                return fn(*args, **kwargs)
            parallel.check_not_worker("@st.dialog")
            if any(node.kind == "dialog" for node in ctx.root.walk()):
                raise StreamlitAPIException(
                    "Only one dialog is allowed to be opened at the same time. Please make sure "
                    "to not call a dialog-decorated function more than once in a script run."
                )
            props = {
                "title": title,
                "width": width,
                "position": position,
                "icon": icon.strip() if isinstance(icon, str) else None,
                "dismissible": bool(dismissible),
                "dismiss_id": None,
                "opening": next(_OPENINGS),
            }
            place = add_block("dialog", props)
            with place:
                if dismissible and on_dismiss != "ignore":
                    assert place._block is not None
                    props["dismiss_id"] = _dismiss_trigger(place._block, title, on_dismiss)
                return body(*args, **kwargs)

        return open_dialog  # type: ignore[return-value]

    return decorate


def _dismiss_trigger(block: Node, title: str, on_dismiss: Any) -> str:
    """A hidden trigger in the dialog that the browser clicks when the user dismisses it:
    its run is a full rerun, after ``on_dismiss`` if that is a callable."""
    add_widget(
        "dialog_dismiss",
        {},
        serde=_DismissSerde(),
        default=False,
        identity={"title": title},
        key=None,
        on_change=on_dismiss if callable(on_dismiss) else None,
        trigger=True,
    )
    assert block.children
    return block.children[-1].id
