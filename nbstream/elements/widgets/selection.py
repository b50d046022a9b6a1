"""Choice widgets: checkbox, toggle, radio, selectbox, multiselect."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets._options import (
    IndexSerde,
    IndicesSerde,
    as_options,
    check_format_func,
    enum_coercer,
    formatted,
    index_of,
)
from nbstream.runtime.errors import StreamlitAPIException
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
    bind,
    persist_state,
) -> bool:
    props = widget_props(label, help, disabled, label_visibility)
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
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
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
    on_change : callable or None
        Called when the value changes, before the script reruns.
    args, kwargs : tuple and dict
        Arguments for ``on_change``.
    disabled : bool
        Disable the checkbox.
    label_visibility : "visible", "hidden" or "collapsed"
        Show the label, keep its space empty, or remove it.

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
        bind,
        persist_state,
    )


@command
def toggle(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
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
        bind,
        persist_state,
    )


def _check_index(kind: str, index: Any, options: Sequence[Any]) -> None:
    if index is None:
        return
    if isinstance(index, bool) or not isinstance(index, int):
        raise StreamlitAPIException(f"{kind.capitalize()} Value has invalid type: {type(index).__name__}")
    if len(options) == 0 and index == 0:
        return
    if not 0 <= index < len(options):
        raise StreamlitAPIException(
            f"{kind.capitalize()} index must be greater than or equal to 0 "
            "and less than the length of options."
        )


def _single_choice(
    kind: str,
    label: Any,
    options: Any,
    index: int | None,
    format_func: Callable[[Any], Any],
    key: Any,
    help: str | None,
    on_change: Any,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
    bind: str | None = None,
    persist_state: str | None = None,
    **extra: Any,
) -> Any:
    opts = as_options(options)
    check_format_func(format_func)
    _check_index(kind, index, opts)
    labels = formatted(opts, format_func)
    default = opts[index] if index is not None and opts else None
    props = widget_props(label, help, disabled, label_visibility, options=labels, **extra)
    identity = {"label": props["label"], "options": labels, "index": index, "help": help, **extra}
    return add_widget(
        kind,
        props,
        serde=IndexSerde(opts, format_func),
        default=default,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=index not in (0, None),
        coerce=enum_coercer(opts),
        bind=bind,
        persist_state=persist_state,
    )


@command
def radio(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: str = "visible",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a radio button group.

    Parameters
    ----------
    label : str
        What the choice is for (Markdown).
    options : iterable
        The choices (a list, tuple, set, range, dict keys, Enum class, Series, ...).
    index : int or None
        The index of the preselected option; None selects nothing (returns None).
    format_func : callable
        Turns an option into its label; the widget still returns the option itself.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.
    horizontal : bool
        Lay the options out in a row.
    captions : list of str or None
        A caption under each option.

    bind, persist_state
        As for ``st.checkbox``.

    Returns
    -------
    any
        The selected option, or None.
    """
    caps = None if captions is None else [str(c) for c in captions]
    return _single_choice(
        "radio",
        label,
        options,
        index,
        format_func,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        bind,
        persist_state,
        horizontal=bool(horizontal),
        captions=caps,
    )


@command
def selectbox(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str = "Choose an option",
    disabled: bool = False,
    label_visibility: str = "visible",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a select widget (a drop-down of options).

    Parameters
    ----------
    label : str
        What the choice is for (Markdown).
    options : iterable
        The choices.  The browser shows ``str(format_func(option))``.
    index : int or None
        The index of the preselected option (default 0); None starts empty and returns None.
    format_func : callable
        Turns an option into its label.
    placeholder : str
        Shown while nothing is selected.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.

    bind, persist_state
        As for ``st.checkbox``.

    Returns
    -------
    any
        The selected option, or None.
    """
    return _single_choice(
        "selectbox",
        label,
        options,
        index,
        format_func,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        bind,
        persist_state,
        placeholder=str(placeholder),
    )


@command
def multiselect(
    label: str,
    options: Any,
    default: Any | None = None,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    bind: str | None = None,
    persist_state: str | None = None,
) -> list[Any]:
    """Display a multiselect widget.

    Parameters
    ----------
    label : str
        What the choice is for (Markdown).
    options : iterable
        The choices.
    default : option, list of options or None
        The preselected options; each must be one of ``options``.
    format_func : callable
        Turns an option into its label.
    max_selections : int or None
        The most options a user may select.
    placeholder : str or None
        Shown while nothing is selected; None shows "Choose options".
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.

    bind, persist_state
        As for ``st.checkbox``.

    Returns
    -------
    list
        The selected options, in the order they were selected.
    """
    opts = as_options(options)
    check_format_func(format_func)
    chosen = _defaults(default, opts)
    if max_selections is not None and len(chosen) > max_selections:
        raise StreamlitAPIException(
            f"Multiselect has {len(chosen)} options selected "
            f"but `max_selections` is set to {max_selections}. "
            "This happened because you either gave too many options to `default` or you manipulated the "
            "widget's state through `st.session_state`."
        )
    labels = formatted(opts, format_func)
    if placeholder is None:
        placeholder = "Choose options"
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        options=labels,
        max_selections=max_selections,
        placeholder=str(placeholder),
    )
    default_idx = [index_of(opts, v) for v in chosen]
    identity = {
        "label": props["label"],
        "options": labels,
        "default": default_idx,
        "help": help,
        "max": max_selections,
        "placeholder": str(placeholder),
    }
    return add_widget(
        "multiselect",
        props,
        serde=IndicesSerde(opts, max_selections, format_func),
        default=chosen,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=bool(chosen),
        coerce=enum_coercer(opts),
        bind=bind,
        persist_state=persist_state,
    )


def _defaults(default: Any, opts: list[Any]) -> list[Any]:
    if default is None:
        return []
    values = as_options(default) if not isinstance(default, str) and _is_container(default) else [default]
    for v in values:
        try:
            index_of(opts, v)
        except ValueError:
            raise StreamlitAPIException(
                f"The default value '{v}' is not part of the options. "
                "Please make sure that every default values also exists in the options."
            ) from None
    return values


def _is_container(value: Any) -> bool:
    from enum import Enum

    return isinstance(value, Iterable) and not isinstance(value, Enum)
