"""st.feedback: a row of icon buttons to rate an answer (thumbs, faces or stars).

It lives with the input widgets, not with chat: it is an ordinary stateful widget (a
choice among options, like a radio) that any app may use; chat apps are its usual home.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

# How many options each style has; the value is the option's index (0: the lowest).
STYLES = {"thumbs": 2, "faces": 5, "stars": 5}


class FeedbackSerde:
    """The selected option's index, or None; the browser may send only an index in range."""

    def __init__(self, count: int) -> None:
        self.count = count

    def serialize(self, value: Any) -> int | None:
        return None if value is None else int(value)

    def deserialize(self, wire: Any) -> int | None:
        if wire is None:
            return None
        if isinstance(wire, bool) or not isinstance(wire, int) or not 0 <= wire < self.count:
            raise InvalidWireValue(f"feedback index {wire!r} out of range 0..{self.count - 1}")
        return wire


@command
def feedback(
    options: str = "thumbs",
    *,
    key: str | int | None = None,
    default: int | None = None,
    disabled: bool = False,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: int | str = "content",
    bind: str | None = None,
    persist_state: str | None = None,
) -> int | None:
    """Display a feedback widget: thumbs up/down, five faces or five stars.

    Clicking an option selects it; clicking the selected option again clears it.

    Parameters
    ----------
    options : "thumbs", "faces" or "stars"
        "thumbs" (default): thumb down (0) and thumb up (1).  "faces": five faces from
        unhappy (0) to happy (4).  "stars": one (0) to five (4) stars.
    key : str, int or None
        A unique key; the value is then ``st.session_state[key]``.
    default : int or None
        The option selected at first (0 or 1 for thumbs, 0 to 4 otherwise).
    disabled : bool
        Disable the widget.
    on_change : callable, "rerun", "ignore" or None
        Called when the selection changes, before the script reruns; ``"ignore"`` holds
        the change in the browser until the next rerun.
    args, kwargs : tuple and dict
        Arguments for ``on_change``.
    width : "content", "stretch" or int
        The widget's width.

    bind : "query-params" or None
        None (the default): the value is not synced with the URL.  "query-params": the
        widget's value is the page URL's query parameter named by ``key`` (required): changing
        the widget updates the URL, a URL with the parameter sets the widget, and the
        parameter leaves the URL while the value equals the default.  A bound parameter
        cannot be set or deleted through ``st.query_params``, only through
        ``st.session_state``.
    persist_state : "page", "session" or None
        How long the value outlives the widget not being drawn (requires ``key``).  None
        (the default): it is lost when the widget is not drawn or the user switches pages.
        "page": kept while the user stays on the page (e.g. a conditionally hidden widget),
        dropped on a page switch.  "session": kept for the whole session, across page
        switches.  With ``bind="query-params"`` the URL keeps it regardless.

    Returns
    -------
    int or None
        The index of the selected option, or None when none is selected.
    """
    if options not in STYLES:
        raise StreamlitAPIException(
            "The options argument to st.feedback must be one of "
            f"['thumbs', 'faces', 'stars']. The argument passed was '{options}'."
        )
    count = STYLES[options]
    if default is not None and (
        isinstance(default, bool) or not isinstance(default, int) or not 0 <= default < count
    ):
        raise StreamlitAPIException(
            f"The default value in '{options}' must be a number between 0 and {count - 1}. "
            f"The passed default value is {default}"
        )
    if not (
        width in ("content", "stretch")
        or (isinstance(width, int) and not isinstance(width, bool) and width > 0)
    ):
        raise StreamlitAPIException(
            f"Invalid width value: {width!r}. Width must be an int (pixels), 'stretch' or 'content'."
        )
    props = {"options": options, "disabled": bool(disabled), "width": width}
    return add_widget(
        "feedback",
        props,
        serde=FeedbackSerde(count),
        default=default,
        identity={"options": options, "default": default},
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=default is not None,
        bind=bind,
        persist_state=persist_state,
    )
