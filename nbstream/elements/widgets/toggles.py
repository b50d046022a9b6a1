"""The on/off widgets: checkbox and toggle."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets._select_args import check_wrap
from nbstream.runtime.widgets import InvalidWireValue


class BoolSerde:
    def serialize(self, value: Any) -> bool:
        return bool(value)

    def deserialize(self, wire: Any) -> bool:
        if not isinstance(wire, bool):
            raise InvalidWireValue(f"expected true or false, got {wire!r}")
        return wire


BOOL = BoolSerde()


def _bool_widget(
    kind: str,
    label,
    value,
    key,
    help,
    on_change,
    args,
    kwargs,
    disabled,
    label_visibility,
    width,
    wrap,
    bind,
    persist_state,
) -> bool:
    props = widget_props(
        label, help, disabled, label_visibility, width=check_width(width), wrap=check_wrap(wrap)
    )
    return add_widget(
        kind,
        props,
        serde=BOOL,
        default=bool(value),
        identity={"label": props["label"], "value": bool(value), "help": help},
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=bool(value) is not False,
        bind=bind,
        persist_state=persist_state,
    )


@command
def checkbox(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
) -> bool:
    """Display a checkbox.

    Parameters
    ----------
    label : str
        What the checkbox is for (Markdown).
    value : bool
        Whether it starts checked.
    key : str, int or None
        A unique key; the value is then ``st.session_state[key]``.
    help : str or None
        A tooltip next to the label.
    on_change : callable, "rerun", "ignore" or None
        "rerun" (the default) and None rerun the app on a change; a callable is also
        called first, with ``args`` and ``kwargs``; "ignore" keeps the change in the
        browser until the next run.
    args, kwargs : tuple and dict
        Arguments for ``on_change``.
    disabled : bool
        Disable the checkbox.
    label_visibility : "visible", "hidden" or "collapsed"
        Show the label, keep its space empty, or remove it.
    width : "content", "stretch" or int
        The widget's width: its content's (the default), its container's, or a number
        of pixels (never wider than the container).
    wrap : bool or None
        Whether a long label wraps onto more lines (True) or stays on one line, cut
        with an ellipsis and shown whole in a tooltip (False).  None (the default): it
        stays on one line in a horizontal container or directly in a column, and
        wraps elsewhere.

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
    bool
        Whether the checkbox is checked.
    """
    return _bool_widget(
        "checkbox",
        label,
        value,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )


@command
def toggle(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
) -> bool:
    """Display a toggle switch. Same parameters and return value as ``st.checkbox``."""
    return _bool_widget(
        "toggle",
        label,
        value,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )
