"""Button-group choices: st.pills and st.segmented_control.

Both show their options as a row of buttons.  With ``selection_mode="single"`` the value
is one option or None (an index or null on the wire); with ``"multi"`` it is a list of
options (a list of distinct indices, in the order they were chosen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitDefaultNotInOptionsError,
    StreamlitIncompatibleParametersError,
    StreamlitValueError,
)

SELECTION_MODES = ("single", "multi")


def _defaults(kind: str, default: Any, opts: list[Any], multi: bool) -> list[Any]:
    if default is None:
        return []
    many = isinstance(default, (list, tuple, set, frozenset))
    values = list(default) if many else [default]
    if many and not multi and len(values) > 1:
        raise StreamlitAPIException(
            f"The default argument to `st.{kind}` must be a single value when `selection_mode='single'`."
        )
    for v in values:
        try:
            index_of(opts, v)
        except ValueError:
            raise StreamlitDefaultNotInOptionsError(v) from None
    return values


def _button_group(
    kind: str,
    label: Any,
    options: Any,
    selection_mode: str,
    default: Any,
    required: bool,
    format_func: Callable[[Any], Any] | None,
    key: Any,
    help: str | None,
    on_change: Any,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
    width: Any,
    wrap: bool | None,
    bind: Any,
    persist_state: Any,
) -> Any:
    if selection_mode not in SELECTION_MODES:
        raise StreamlitValueError("selection_mode", ["'single'", "'multi'"])
    multi = selection_mode == "multi"
    if required and multi:
        raise StreamlitIncompatibleParametersError(
            "`required=True` and `selection_mode='multi'` cannot be used together. "
            "`required` is only supported for single-select mode."
        )
    fmt = check_format_func(str if format_func is None else format_func)
    opts = as_options(options)
    chosen = _defaults(kind, default, opts, multi)
    labels = formatted(opts, fmt)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        options=labels,
        selection_mode=selection_mode,
        required=bool(required),
        width=check_width(width),
        wrap=wrap,
        style="pills" if kind == "pills" else "segmented_control",
    )
    default_idx = [index_of(opts, v) for v in chosen]
    identity = {
        "label": props["label"],
        "options": labels,
        "default": default_idx,
        "help": help,
        "mode": selection_mode,
        "required": bool(required),
    }
    serde: Any
    if multi:
        serde = IndicesSerde(opts, None, fmt)
        start: Any = chosen
    else:
        # required=True only keeps the browser from clearing the choice.
        serde = IndexSerde(opts, fmt)
        start = chosen[0] if chosen else None
    return add_widget(
        kind,
        props,
        serde=serde,
        default=start,
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


@command
def pills(
    label: str,
    options: Any,
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a pills widget: the options as a row of pill-shaped buttons.

    Like ``st.selectbox`` (``selection_mode="single"``) or ``st.multiselect``
    (``selection_mode="multi"``), with every option visible.

    Parameters
    ----------
    label : str
        What the choice is for (Markdown).
    options : iterable
        The choices (a list, tuple, set, range, dict keys, Enum class, Series, ...).  Each
        label may hold Markdown, emoji and ``:material/icon_name:`` icons.
    selection_mode : "single" or "multi"
        Whether one option or several can be selected.
    default : option, iterable of options or None
        The initial selection; each value must be one of ``options``.  In single mode a
        single value.
    required : bool
        In single mode, once an option is selected it cannot be deselected.  Not allowed
        with ``selection_mode="multi"``.
    format_func : callable or None
        Turns an option into its label; the widget still returns the option itself.
    key : str, int or None
        A unique key; the value is then ``st.session_state[key]``.
    help : str or None
        A tooltip next to the label.
    on_change : callable, "rerun" or None
        "rerun" (the default) and None rerun the app on a change; a callable is also
        called first, with ``args`` and ``kwargs``.
    args, kwargs : tuple and dict
        Arguments for ``on_change``.
    disabled : bool
        Disable the widget.
    label_visibility : "visible", "hidden" or "collapsed"
        Show the label, keep its space empty, or remove it.
    width : "content", "stretch" or int
        The widget's width: its content's, its container's, or pixels.
    wrap : bool or None
        Whether the options wrap onto more rows (None: they do, but in a row of columns).
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
    any, list or None
        Single mode: the selected option or None.  Multi mode: the selected options, in
        the order they were chosen (defaults first).
    """
    return _button_group(
        "pills", label, options, selection_mode, default, required, format_func, key, help,
        on_change, args, kwargs, disabled, label_visibility, width, wrap, bind, persist_state,
    )  # fmt: skip


@command
def segmented_control(
    label: str,
    options: Any,
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a segmented control: the options as one row of joined buttons.

    Same parameters and return value as ``st.pills``; only the look differs.

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
    any, list or None
        Single mode: the selected option or None.  Multi mode: the selected options, in
        the order they were chosen (defaults first).
    """
    return _button_group(
        "segmented_control", label, options, selection_mode, default, required, format_func, key,
        help, on_change, args, kwargs, disabled, label_visibility, width, wrap, bind, persist_state,
    )  # fmt: skip
