"""Choice widgets: radio, selectbox, multiselect (checkbox and toggle are in toggles.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
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
from nbstream.elements.widgets._select_args import (
    NewOptionSerde,
    NewOptionsSerde,
    check_filter_mode,
    check_icon,
    check_select_all,
    check_wrap,
)
from nbstream.runtime.errors import StreamlitAPIException


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
    *,
    width: Any,
    allow_content: bool,
    accept_new_options: bool = False,
    look: dict[str, Any] | None = None,
    **extra: Any,
) -> Any:
    """radio and selectbox.  ``extra`` props make the widget what it is (a change makes a
    new widget); ``look`` props only change how it looks."""
    opts = as_options(options)
    check_format_func(format_func)
    _check_index(kind, index, opts)
    labels = formatted(opts, format_func)
    default = opts[index] if index is not None and opts else None
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        options=labels,
        width=check_width(width, allow_content=allow_content),
        **extra,
        **(look or {}),
    )
    identity = {"label": props["label"], "options": labels, "index": index, "help": help, **extra}
    if accept_new_options:
        identity["new"] = True
    serde = NewOptionSerde(opts, format_func, labels) if accept_new_options else IndexSerde(opts, format_func)
    return add_widget(
        kind,
        props,
        serde=serde,
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
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: str = "visible",
    width: int | str = "content",
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
    width : "content", "stretch" or int
        The widget's width: its content's (the default), its container's, or a number
        of pixels (never wider than the container).

    bind, persist_state
        As for ``st.checkbox``.

    Returns
    -------
    any
        The selected option, or None.
    """
    caps = None if captions is None else [str(c) for c in captions]
    return _single_choice(
        "radio", label, options, index, format_func, key, help, on_change, args, kwargs, disabled,
        label_visibility, bind, persist_state, width=width, allow_content=True,
        horizontal=bool(horizontal), captions=caps,
    )  # fmt: skip


@command
def selectbox(
    label: str,
    options: Any,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    accept_new_options: bool = False,
    filter_mode: str | None = "fuzzy",
    width: int | str = "stretch",
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
    placeholder : str or None
        Shown while nothing is selected; None shows "Choose an option" (or "Add an
        option" with ``accept_new_options``).
    required : bool
        Once the user picks an option they cannot clear it again.  The widget still
        returns its default (``index``) until then.
    icon : str or None
        An emoji, ``:material/icon_name:`` or "spinner", shown in the field left of the value.
    accept_new_options : bool
        Let the user type a value that is not among the options; it is returned as a
        string (an option whose label matches regardless of case is returned instead).
    filter_mode : "fuzzy", "contains", "prefix" or None
        How typing filters the options: in-order letters ranked by match ("fuzzy", the
        default), a case-insensitive substring, a case-insensitive prefix, or no typing
        at all (None; not with ``accept_new_options``).
    width : "stretch" or int
        The container's width (the default) or a number of pixels.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.

    bind, persist_state
        As for ``st.checkbox``.

    Returns
    -------
    any
        The selected option, a string the user typed, or None.
    """
    accept_new_options = bool(accept_new_options)
    filter_mode = check_filter_mode(filter_mode, accept_new_options)
    if placeholder is None:
        placeholder = "Add an option" if accept_new_options else "Choose an option"
    return _single_choice(
        "selectbox", label, options, index, format_func, key, help, on_change, args, kwargs, disabled,
        label_visibility, bind, persist_state, width=width, allow_content=False,
        accept_new_options=accept_new_options,
        look={"accept_new_options": accept_new_options, "required": bool(required),
              "icon": check_icon(icon), "filter_mode": filter_mode},
        placeholder=str(placeholder),
    )  # fmt: skip


@command
def multiselect(
    label: str,
    options: Any,
    default: Any | None = None,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    filter_mode: str | None = "fuzzy",
    select_all: bool | int = 1000,
    width: int | str = "stretch",
    wrap: bool | None = None,
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
        The preselected options; each must be one of ``options`` (or, with
        ``accept_new_options``, any string).
    format_func : callable
        Turns an option into its label.
    max_selections : int or None
        The most options a user may select.
    placeholder : str or None
        Shown while nothing is selected; None shows "Choose options" (or "Add options"
        with ``accept_new_options``).
    accept_new_options : bool
        Let the user type values that are not among the options; each is returned as a
        string (an option whose label matches regardless of case is picked instead).
    filter_mode : "fuzzy", "contains", "prefix" or None
        How typing filters the options, as for ``st.selectbox``.
    select_all : bool or int
        When the drop-down offers "Select all" (or "Select N matches" while searching):
        True whenever two or more unselected options are on offer, False never, or a
        number: when at most that many are on offer (default 1000).
    width : "stretch" or int
        The container's width (the default) or a number of pixels.
    wrap : bool or None
        Whether the chips of the selected options wrap onto more rows (True) or stay in
        one row that scrolls sideways (False).  None (the default): one row in a
        horizontal container or directly in a column, wrapping elsewhere.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.

    bind, persist_state
        As for ``st.checkbox``.

    Returns
    -------
    list
        The selected options, in the order they were selected.
    """
    accept_new_options = bool(accept_new_options)
    filter_mode = check_filter_mode(filter_mode, accept_new_options)
    select_all = check_select_all(select_all)
    opts = as_options(options)
    check_format_func(format_func)
    chosen = _defaults(default, opts, accept_new_options)
    if max_selections is not None and len(chosen) > max_selections:
        raise StreamlitAPIException(
            f"Multiselect has {len(chosen)} options selected "
            f"but `max_selections` is set to {max_selections}. "
            "This happened because you either gave too many options to `default` or you manipulated the "
            "widget's state through `st.session_state`."
        )
    labels = formatted(opts, format_func)
    if placeholder is None:
        placeholder = "Add options" if accept_new_options else "Choose options"
    serde = (
        NewOptionsSerde(opts, max_selections, format_func, labels)
        if accept_new_options
        else IndicesSerde(opts, max_selections, format_func)
    )
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        options=labels,
        max_selections=max_selections,
        placeholder=str(placeholder),
        accept_new_options=accept_new_options,
        filter_mode=filter_mode,
        select_all=select_all,
        width=check_width(width, allow_content=False),
        wrap=check_wrap(wrap),
    )
    identity = {
        "label": props["label"],
        "options": labels,
        "default": serde.serialize(chosen),
        "help": help,
        "max": max_selections,
        "placeholder": str(placeholder),
        "new": accept_new_options,
    }
    return add_widget(
        "multiselect",
        props,
        serde=serde,
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


def _defaults(default: Any, opts: list[Any], accept_new_options: bool) -> list[Any]:
    if default is None:
        return []
    values = as_options(default) if not isinstance(default, str) and _is_container(default) else [default]
    for v in values:
        try:
            index_of(opts, v)
        except ValueError:
            if accept_new_options and isinstance(v, str):
                continue
            raise StreamlitAPIException(
                f"The default value '{v}' is not part of the options. "
                "Please make sure that every default values also exists in the options."
            ) from None
    return values


def _is_container(value: Any) -> bool:
    from enum import Enum

    return isinstance(value, Iterable) and not isinstance(value, Enum)
