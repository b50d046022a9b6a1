"""Layout containers: columns, container, empty, expander, tabs, popover (and the sidebar
and the bottom area)."""

from __future__ import annotations

import builtins
import numbers
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from nbstream.elements._base import add_block, add_element, place
from nbstream.elements._sizing import check_choice, check_gap, check_height, check_width
from nbstream.elements.delta_generator import BOTTOM, SIDEBAR, DeltaGenerator, command, current
from nbstream.elements.layout.open_state import (
    OpenableContainer,
    check_bound_labels,
    open_flag_block,
    open_tab_bar,
    tracking,
)
from nbstream.runtime import context
from nbstream.runtime.binding import check_bind
from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError
from nbstream.runtime.tree import Node

sidebar = SIDEBAR
# st.bottom: the area pinned below the main area (the bottom of the window in Voila, of the
# app's output in JupyterLab); ``st.chat_input`` called in the main area is placed there.
bottom = BOTTOM

ALIGNMENTS = ("top", "center", "bottom")
H_ALIGNMENTS = ("left", "center", "right", "distribute")
V_ALIGNMENTS = ("top", "center", "bottom", "distribute")
EXPANDABLE_TYPES = ("default", "compact", "step")


def _where() -> tuple[str, ...]:
    return current(context.require()).path


@command
def columns(
    spec: int | Sequence[float],
    *,
    gap: str | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: int | str = "stretch",
    wrap: bool = True,
) -> list[DeltaGenerator]:
    """Insert containers laid out as side-by-side columns.

    Parameters
    ----------
    spec : int or list of numbers
        An int makes that many equal columns; a list of positive numbers makes one
        column per number, with widths in those proportions (``[1, 2, 2]``).
    gap : "xxsmall" .. "xxlarge", int or None
        The space between columns (a named size, pixels, or none).
    vertical_alignment : "top", "center" or "bottom"
        How the columns' contents line up vertically.
    border : bool
        Draw a border around each column.
    width : "stretch" or int
        The width of the row of columns.
    wrap : bool
        On a narrow screen, stack the columns instead of squeezing them.

    Returns
    -------
    list of DeltaGenerator
        One container per column: use ``with col:`` or ``col.write(...)``.
    """
    weights = _weights(spec)
    gap = check_gap(gap)
    width = check_width(width, allow_content=False)
    if vertical_alignment not in ALIGNMENTS:
        raise StreamlitAPIException(
            'The vertical_alignment argument to st.columns must be "top", "center", or "bottom". \n'
            f"The argument passed was {vertical_alignment}."
        )
    path = _where()
    depth = path.count("column")
    if depth and path[0] == "sidebar":
        raise StreamlitAPIException(
            "Columns cannot be placed inside other columns in the sidebar. "
            "This is only possible in the main area of the app."
        )
    if depth >= 2:
        raise StreamlitAPIException(
            "Columns can only be placed inside other columns up to one level of nesting."
        )
    row_props = {"gap": gap, "vertical_alignment": vertical_alignment, "border": bool(border)}
    row = add_block("columns", {**row_props, "width": width, "wrap": bool(wrap)})
    total = sum(weights)
    cols = []
    for w in weights:
        # Each column carries the row's settings too, as Streamlit's Column message does.
        props = {"weight": w / total, "gap": gap, "vertical_alignment": vertical_alignment}
        props["border"] = bool(border)
        with row:
            cols.append(place(Node("column", props, children=[])))
    return cols


def _weights(spec: int | Sequence[float]) -> list[float]:
    message = (
        "The input argument to st.columns must be either a positive integer or a list of positive "
        "numeric weights. See documentation for more information."
    )
    if isinstance(spec, numbers.Integral) and not isinstance(spec, bool):
        if int(spec) <= 0:
            raise StreamlitAPIException(message)
        return [1.0] * int(spec)
    if isinstance(spec, (str, bytes)) or not isinstance(spec, Sequence) or len(spec) == 0:
        raise StreamlitAPIException(message)
    weights = []
    for w in spec:
        if isinstance(w, bool) or not isinstance(w, numbers.Real) or w <= 0:
            raise StreamlitAPIException(message)
        weights.append(float(w))
    return weights


@command
def container(
    *,
    border: bool | None = None,
    key: str | None = None,
    width: int | str = "stretch",
    height: int | str | None = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: str | int | None = "small",
    autoscroll: bool | None = None,
) -> DeltaGenerator:
    """Insert a multi-element container.

    Elements written to it appear inside it, in order, wherever the container is on the
    page -- so code that runs later can draw above code that ran earlier.

    Parameters
    ----------
    border : bool or None
        Draw a border.  None draws one when ``height`` is a number of pixels.
    key : str or None
        A stable identity for the container (used for styling and diffing).
    width : "stretch", "content" or int
        The container's width: its parent's, its content's, or pixels.
    height : "content", "stretch" or int
        Fit the content, fill the parent, or a fixed height in pixels (the content
        scrolls inside it).  None is "content".
    horizontal : bool
        Lay the elements out in a row instead of a column.
    wrap : bool
        In a horizontal container, move elements that do not fit onto a new row.
    horizontal_alignment : "left", "center", "right" or "distribute"
        How the elements line up across the width.
    vertical_alignment : "top", "center", "bottom" or "distribute"
        How the elements line up across the height.
    gap : "xxsmall" .. "xxlarge", int or None
        The space between elements (a named size, pixels, or none).
    autoscroll : bool or None
        In a container of fixed height, keep the view at the bottom as content is added
        (None: do so for chat messages only).
    """
    width = check_width(width)
    height = check_height("content" if height is None else height)
    check_choice("horizontal_alignment", horizontal_alignment, H_ALIGNMENTS)
    check_choice("vertical_alignment", vertical_alignment, V_ALIGNMENTS)
    gap = check_gap(gap)
    fixed = isinstance(height, int)
    show_border = bool(border) if border is not None else fixed
    props = {
        "height": height if fixed else None,
        "height_mode": height if not fixed else "pixels",
        "width": width,
        "border": show_border,
        "key": key,
        "horizontal": bool(horizontal),
        "wrap": bool(wrap),
        "horizontal_alignment": horizontal_alignment,
        "vertical_alignment": vertical_alignment,
        "gap": gap,
        "autoscroll": autoscroll,
    }
    return add_block("container", props)


@command
def empty() -> DeltaGenerator:
    """Insert a single-element placeholder.

    Writing to it replaces what it held, so it shows the last thing written; call
    ``.empty()`` on it to clear it.  To update several elements at once, put a
    ``st.container()`` inside it.
    """
    return add_element("empty", {})


def expandable_type(value: Any) -> str:
    """An expander's or a status container's ``type``: "default", "compact" or "step"."""
    if value in EXPANDABLE_TYPES:
        return value  # type: ignore[no-any-return]
    raise StreamlitValueError("type", [f"'{t}'" for t in EXPANDABLE_TYPES])


@command
def expander(
    label: str,
    expanded: bool = False,
    *,
    key: str | int | None = None,
    icon: str | None = None,
    type: str = "default",
    width: int | str = "stretch",
    on_change: Callable[..., Any] | str | None = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    bind: str | None = None,
) -> OpenableContainer:
    """Insert a container that can be expanded and collapsed.

    Parameters
    ----------
    label : str
        The header of the expander, in Markdown.
    expanded : bool
        Whether it starts expanded.
    key : str, int or None
        A key; with ``on_change`` other than "ignore", ``st.session_state[key]`` is whether
        it is expanded (and setting it opens or closes it).
    icon : str or None
        An emoji or ``:material/icon_name:`` shown next to the label.
    type : "default", "compact" or "step"
        "default": a box with a border.  "compact": a minimal inline toggle (for AI
        reasoning or collapsible metadata).  "step": a step of a timeline, an icon
        column with a line joining consecutive steps (an element between two steps,
        or a step without content, ends the timeline).
    width : "stretch" or int
        The expander's width.
    on_change : "ignore", "rerun" or callable
        "ignore" (the default): the expander does not track its state (``.open`` is None).
        "rerun" or a callback: opening or closing it reruns the app (after the callback),
        and ``.open`` says whether it is expanded.
    args, kwargs : tuple and dict
        Arguments for the ``on_change`` callback.

    bind : "query-params" or None
        None (the default): the expanded state is not synced with the URL.
        "query-params": the URL's query parameter named by ``key`` (required) is "true" or
        "false" while the state differs from ``expanded``; toggling updates it and a URL
        with it sets the state.  The expander then tracks its state (``.open``) and reruns
        the app when toggled, as with ``on_change="rerun"``.

    Returns
    -------
    DeltaGenerator
        The expander's container, with an ``open`` attribute.
    """
    if label is None or not isinstance(label, str):
        raise StreamlitAPIException("A label is required for an expander")
    if "expander" in _where():
        raise StreamlitAPIException("Expanders may not be nested inside other expanders.")
    check_bind(bind, key)
    tracked, callback = tracking(on_change)
    tracked = tracked or bind is not None  # a bound expander tracks its state
    props = {
        "label": label,
        "expanded": bool(expanded),
        "icon": icon,
        "type": expandable_type(type),
        "width": check_width(width, allow_content=False),
    }
    if not tracked:
        return OpenableContainer.of(add_block("expander", props), None)
    identity = {"label": label, "icon": icon, "expanded": bool(expanded)}
    return open_flag_block(
        "expander",
        props,
        default=bool(expanded),
        key=key,
        callback=callback,
        args=args,
        kwargs=kwargs,
        identity=identity,
        bind=bind,
    )


@command
def tabs(
    tabs: Sequence[str],
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    default: str | None = None,
    key: str | int | None = None,
    on_change: Callable[..., Any] | str | None = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    bind: str | None = None,
) -> list[OpenableContainer]:
    """Insert containers separated into tabs.

    Parameters
    ----------
    tabs : list of str
        One label per tab (Markdown).
    width : "stretch" or int
        The width of the tab bar and its panels.
    height : "content", "stretch" or int
        The panels' height; a fixed height scrolls.
    default : str or None
        The label of the tab selected first (None: the first tab).
    key : str, int or None
        A key; with ``on_change`` other than "ignore", ``st.session_state[key]`` is the
        open tab's label (and setting it switches tabs).
    on_change : "ignore", "rerun" or callable
        "ignore" (the default): every tab's content runs and ``.open`` is None.  "rerun"
        or a callback: switching tabs reruns the app (after the callback) and each tab's
        ``.open`` says whether it is the selected one, so hidden tabs can skip work.
    args, kwargs : tuple and dict
        Arguments for the ``on_change`` callback.

    bind : "query-params" or None
        None (the default): the open tab is not synced with the URL.  "query-params": the
        URL's query parameter named by ``key`` (required) is the open tab's label while it
        is not the default tab; switching tabs updates it, a URL with a label opens that
        tab, and a label that is no tab is dropped.  The tabs then track the open tab
        (``.open``) and switching reruns the app, as with ``on_change="rerun"``.  Labels
        must be non-empty and unique.

    Returns
    -------
    list of DeltaGenerator
        One container per tab, each with an ``open`` attribute.
    """
    if isinstance(tabs, str) or not isinstance(tabs, Sequence) or len(tabs) == 0:
        raise StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.")
    if any(not isinstance(label, str) for label in tabs):
        raise StreamlitAPIException("The tabs input list to st.tabs is only allowed to contain strings.")
    if default is not None and default not in tabs:
        raise StreamlitValueError(
            "default", [f"a tab label from `tabs`. `{default}` is not in the list of tabs"]
        )
    check_bind(bind, key)
    if bind is not None:
        check_bound_labels(tabs)
    tracked, callback = tracking(on_change)
    tracked = tracked or bind is not None  # bound tabs track the open tab
    labels = list(tabs)
    first = labels.index(default) if default is not None else 0
    props = {
        "labels": labels,
        "default": first,
        "width": check_width(width, allow_content=False),
        "height": check_height(height),
    }
    if tracked:
        bar, chosen = open_tab_bar(
            labels,
            props,
            default=labels[first],
            key=key,
            callback=callback,
            args=args,
            kwargs=kwargs,
            bind=bind,
        )
        selected: int | None = labels.index(chosen)
    else:
        bar, selected = add_block("tab_container", props), None
    out = []
    for i, label in enumerate(labels):
        with bar:
            tab = place(Node("tab", {"label": label}, children=[]))
        out.append(OpenableContainer.of(tab, None if selected is None else i == selected))
    return out


@command
def popover(
    label: str,
    *,
    type: str = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    wrap: bool | None = None,
    key: str | int | None = None,
    on_change: Callable[..., Any] | str | None = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
) -> OpenableContainer:
    """Insert a popover: a button that opens a floating container.

    Parameters
    ----------
    label : str
        The button's label (Markdown).
    help : str or None
        A tooltip on the button.
    icon : str or None
        An emoji or ``:material/icon_name:`` shown next to the label.
    disabled : bool
        Disable the button.
    use_container_width : bool or None
        Stretch the button to the width of its parent (``width="stretch"``).
    type : "primary", "secondary" or "tertiary"
        The button's emphasis.
    width : "content", "stretch" or int
        The button's width.
    wrap : bool or None
        Whether a long label wraps onto more lines (True) or stays on one line,
        truncated with an ellipsis (False).  None (the default): one line in a
        horizontal container or directly in a column, wrapping elsewhere.
    key : str, int or None
        A key; with ``on_change`` other than "ignore", ``st.session_state[key]`` is whether
        the popover is open.
    on_change : "ignore", "rerun" or callable
        "ignore" (the default): the popover does not track its state (``.open`` is None).
        "rerun" or a callback: opening or closing it reruns the app (after the callback),
        and ``.open`` says whether it is open.
    args, kwargs : tuple and dict
        Arguments for the ``on_change`` callback.

    Returns
    -------
    DeltaGenerator
        The popover's container, with an ``open`` attribute.
    """
    if not isinstance(label, str):
        raise StreamlitAPIException("A label is required for a popover")
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            f'The type argument to st.popover must be "primary", "secondary", or "tertiary". \n'
            f'The argument passed was "{type}".'
        )
    width = check_width(width)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    if wrap is not None and not isinstance(wrap, int):
        raise TypeError(f"'{builtins.type(wrap).__name__}' object cannot be interpreted as an integer")
    tracked, callback = tracking(on_change)
    if "popover" in _where():
        raise StreamlitAPIException("Popovers may not be nested inside other popovers.")
    props = {
        "label": label,
        "help": help,
        "icon": icon,
        "disabled": bool(disabled),
        "use_container_width": width == "stretch",
        "type": type,
        "width": width,
        "wrap": None if wrap is None else bool(wrap),
    }
    if not tracked:
        return OpenableContainer.of(add_block("popover", props), None)
    identity = {"label": label, "icon": icon, "help": help}
    return open_flag_block(
        "popover",
        props,
        default=False,
        key=key,
        callback=callback,
        args=args,
        kwargs=kwargs,
        identity=identity,
    )
