"""st.pagination (a page number) and st.menu_button (a button with a menu of actions)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets._options import as_options, check_format_func, formatted, wire_index
from nbstream.elements.widgets.buttons import check_button_type, check_not_in_form
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitMissingRequiredParameterError,
    StreamlitValueOutOfRangeError,
)
from nbstream.runtime.widgets import InvalidWireValue


class PageSerde:
    """A page number from 1 to ``num_pages``, as an int on the wire."""

    def __init__(self, num_pages: int) -> None:
        self.num_pages = num_pages

    def serialize(self, value: Any) -> int:
        return int(value)

    def deserialize(self, wire: Any) -> int:
        if isinstance(wire, bool) or not isinstance(wire, int) or not 1 <= wire <= self.num_pages:
            raise InvalidWireValue(f"page {wire!r} is not in 1..{self.num_pages}")
        return wire


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@command
def pagination(
    num_pages: int,
    *,
    default: int = 1,
    max_visible_pages: int | None = 7,
    width: int | str = "content",
    key: str | int | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    bind: str | None = None,
    persist_state: str | None = None,
) -> int:
    """Display page navigation: previous/next buttons and page numbers.

    Parameters
    ----------
    num_pages : int
        How many pages there are (at least 1).
    default : int
        The page selected first (1-based).
    max_visible_pages : int or None
        How many page numbers show at once (the first, the last and those around the
        current page); None shows all.
    width : "content", "stretch" or int
        The widget's width.
    key : str, int or None
        A unique key; the page is then ``st.session_state[key]``.
    on_change : callable, "rerun" or None
        "rerun" (the default) reruns the app when the page changes; a callable is also
        called first, with ``args`` and ``kwargs``.
    disabled : bool
        Disable the widget.

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
    int
        The selected page, from 1 to ``num_pages``.
    """
    if not _positive_int(num_pages):
        raise StreamlitAPIException(f"`num_pages` must be an integer of at least 1. Got {num_pages!r}.")
    if isinstance(default, bool) or not isinstance(default, int) or not 1 <= default <= num_pages:
        raise StreamlitValueOutOfRangeError(
            f"The `default` parameter, set to {default}, is outside the required range [1, {num_pages}]."
        )
    if max_visible_pages is not None and not _positive_int(max_visible_pages):
        raise StreamlitAPIException(
            f"`max_visible_pages` must be a positive integer or None. Got {max_visible_pages!r}."
        )
    props = {
        "num_pages": num_pages,
        "default": default,
        "max_visible_pages": max_visible_pages,
        "width": check_width(width),
        "disabled": bool(disabled),
    }
    return add_widget(  # type: ignore[no-any-return]
        "pagination",
        props,
        serde=PageSerde(num_pages),
        default=default,
        identity={"num_pages": num_pages, "default": default},
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=default != 1,
        bind=bind,
        persist_state=persist_state,
    )


class MenuChoiceSerde:
    """A menu's choice is an event: the browser sends the chosen option's index with it."""

    carries_value = True

    def __init__(self, options: list[Any], format_func: Callable[[Any], Any]) -> None:
        self.options = options
        self.format_func = format_func  # read by AppTest

    def serialize(self, value: Any) -> None:
        return None

    def deserialize(self, wire: Any) -> Any:
        return self.options[wire_index(wire, len(self.options))]


@command
def menu_button(
    label: str,
    options: Any,
    *,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    width: int | str = "content",
    format_func: Callable[[Any], Any] = str,
    wrap: bool | None = None,
) -> Any:
    """Display a button that opens a menu of actions.

    Like ``st.button``, it keeps no state: it returns the chosen option in the run the
    choice starts, and None in every other run.

    Parameters
    ----------
    label : str
        The button's label (Markdown).
    options : iterable
        The menu's entries (at least one).  The menu shows ``str(format_func(option))``.
    key : str, int or None
        A unique key; the choice is then ``st.session_state[key]`` (None between choices).
    help : str or None
        A tooltip on the button.
    on_click : callable or None
        Called when an entry is chosen, before the script reruns.
    args, kwargs : tuple and dict
        Arguments for ``on_click``.
    type : "primary", "secondary" or "tertiary"
        The button's emphasis.
    icon : str or None
        An emoji or ``:material/icon_name:`` shown next to the label.
    disabled : bool
        Disable the button.
    width : "content", "stretch" or int
        The button's width.
    format_func : callable
        Turns an option into its menu entry; the widget still returns the option.
    wrap : bool or None
        Whether the label may wrap.

    Returns
    -------
    any or None
        The option chosen in the interaction that started this run, else None.
    """
    check_button_type("menu_button", type)
    check_not_in_form("menu_button")
    opts = as_options(options)
    if not opts:
        raise StreamlitMissingRequiredParameterError(
            "The `options` parameter is required. Provide at least one option."
        )
    fmt = check_format_func(format_func)
    labels = formatted(opts, fmt)
    props = widget_props(
        label,
        help,
        disabled,
        "visible",
        options=labels,
        type=type,
        icon=icon,
        width=check_width(width),
        wrap=wrap,
    )
    identity = {"label": props["label"], "options": labels, "help": help, "type": type, "icon": icon}
    return add_widget(
        "menu_button",
        props,
        serde=MenuChoiceSerde(opts, fmt),
        default=None,
        identity=identity,
        key=key,
        on_change=on_click,
        args=args,
        kwargs=kwargs,
        trigger=True,
    )
