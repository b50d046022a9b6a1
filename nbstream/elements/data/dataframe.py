"""Data elements: dataframe, table, metric, json.

A table element's node holds a ``TableSource`` (``tables.py``) as its value: the frame
and the windows the browser asks for.  Its props carry the column list, the row count
and the first rows as Arrow IPC bytes (a binary buffer, never JSON rows); the rest
travels on request (``@answers``), sorted and searched in the kernel.
``st.data_editor`` lives in ``data_editor.py``.
"""

from __future__ import annotations

import hashlib
import json as _json
import numbers
from collections.abc import Callable
from typing import Any

from nbstream.elements._base import add_element, add_widget, answers, check_label_visibility
from nbstream.elements.data.table_columns import normalize_config, resolve_columns
from nbstream.elements.data.tables import (
    FIRST_WINDOW,
    MAX_WINDOW,
    SEND_WHOLE_ROWS,
    TableSource,
    ipc_bytes,
    is_styler,
    styler_display,
    to_dataframe,
)
from nbstream.elements.delta_generator import ADD_ROWS, DeltaGenerator, command, current
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node
from nbstream.runtime.widgets import InvalidWireValue

__all__ = ["dataframe", "json", "metric", "table", "to_dataframe"]

DELTA_COLORS = ("normal", "inverse", "off")
SELECTION_MODES = (
    "multi-cell",
    "multi-column",
    "multi-row",
    "single-cell",
    "single-column",
    "single-row",
    "single-row-required",
)
# Appended chunks a fully-sent table keeps as separate buffers before it is re-sent whole.
MAX_TAIL = 16


class AttributeDict(dict):
    """A dict whose keys read as attributes too (``event.selection.rows``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(name) from None
        return (
            AttributeDict(value)
            if isinstance(value, dict) and not isinstance(value, AttributeDict)
            else value
        )


class DataframeState(AttributeDict):
    """What ``st.dataframe(..., on_select=...)`` returns: ``{"selection": {"rows", "columns", "cells"}}``."""


# ---- sizes -----------------------------------------------------------------------------------


def check_width(width: Any) -> Any:
    if width is None or width in ("stretch", "content"):
        return width
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise StreamlitAPIException(
        f"Invalid width value: {width!r}. "
        "Width must be either a positive integer (pixels), 'stretch', or 'content'."
    )


def check_height(height: Any) -> Any:
    if height is None or height in ("auto", "stretch", "content"):
        return height
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    raise StreamlitAPIException(
        f"Invalid height value: {height!r}. "
        "Height must be either a positive integer (pixels), 'stretch', or 'content'."
    )


def size_props(width: Any, height: Any, use_container_width: bool | None) -> dict[str, Any]:
    width, height = check_width(width), check_height(height)
    if use_container_width is True:
        width = "stretch"
    elif use_container_width is False and width in (None, "stretch"):
        width = "content"
    return {
        "width": width if width is not None else "stretch",
        "height": height if height is not None else "auto",
    }


# ---- building a table element ---------------------------------------------------------------


def make_source(
    data: Any,
    *,
    column_config: Any = None,
    column_order: Any = None,
    hide_index: bool | None = None,
    frame: Any = None,
    disabled: Any = True,
    editing: bool = False,
) -> TableSource:
    """The TableSource of ``data`` with the columns the arguments ask for."""
    if frame is None:
        frame = to_dataframe(data)
    display = styler_display(data) if is_styler(data) else None
    shown = resolve_columns(
        frame,
        column_config=normalize_config(column_config),
        column_order=column_order,
        hide_index=hide_index,
        disabled=disabled,
        editing=editing,
    )
    return TableSource(frame, shown, value=None, display=display)


def table_props(source: TableSource, **extra: Any) -> dict[str, Any]:
    """The props of a table element: columns, row count, and its first rows as Arrow IPC."""
    return {
        "columns": source.shown,
        "rows": source.rows,
        "data": source.first_window(),
        "whole": source.rows <= SEND_WHOLE_ROWS,
        "tail": [],
        "version": source.version,
        "styled": source.display is not None,
        **extra,
    }


def fingerprint(source: TableSource) -> str:
    """A cheap identity of a table's data: shape, columns and first rows."""
    frame = source.frame
    digest = hashlib.blake2b(digest_size=8)
    digest.update(
        repr((frame.shape, [str(c) for c in frame.columns], [str(t) for t in frame.dtypes])).encode()
    )
    digest.update(ipc_bytes(source.window_table(range(min(source.rows, FIRST_WINDOW)))))
    return digest.hexdigest()


def placed_node() -> Node:
    """The node the last ``st.*`` call of this run placed (its return value's slot)."""
    ctx = context.require()
    where = current(ctx)
    if where._slot is not None:
        parent, index = where._slot
        assert parent.children is not None
        return parent.children[index]
    block = where._node(ctx)
    assert block is not None and block.children
    return block.children[-1]


# ---- st.dataframe -----------------------------------------------------------------------------


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for mode in modes:
        if mode not in SELECTION_MODES:
            raise StreamlitAPIException(
                "Invalid `selection_mode` value. Supported values: "
                + ", ".join(f"'{m}'" for m in SELECTION_MODES)
                + "."
            )
    for what in ("row", "column", "cell"):
        both = sorted({m for m in modes if what in m})
        if len(both) > 1:
            raise StreamlitAPIException(
                f"`selection_mode='{both[0]}'` and `selection_mode='{both[1]}'` cannot be used together. "
                f"Only one {what} selection mode can be specified."
            )
    return modes


class SelectionSerde:
    """A dataframe's selection: ``{"selection": {"rows": [...], "columns": [...], "cells": [...]}}``.

    ``deserialize`` checks the browser's selection against the table: row numbers in
    range, known column names, only the kinds of selection the modes allow.
    """

    def __init__(self, rows: int, columns: list[str], modes: list[str]) -> None:
        self.rows, self.columns, self.modes = rows, columns, modes

    def serialize(self, value: Any) -> Any:
        sel = (value or {}).get("selection", {})
        return {
            "selection": {
                "rows": list(sel.get("rows", [])),
                "columns": list(sel.get("columns", [])),
                "cells": [list(c) for c in sel.get("cells", [])],
            }
        }

    def deserialize(self, wire: Any) -> DataframeState:
        if not isinstance(wire, dict) or not isinstance(wire.get("selection"), dict):
            raise InvalidWireValue(f"expected a selection, got {wire!r}")
        sel = wire["selection"]
        rows, columns, cells = sel.get("rows", []), sel.get("columns", []), sel.get("cells", [])
        if not all(isinstance(r, int) and not isinstance(r, bool) and 0 <= r < self.rows for r in rows):
            raise InvalidWireValue(f"row numbers out of range: {rows!r}")
        if not all(isinstance(c, str) and c in self.columns for c in columns):
            raise InvalidWireValue(f"unknown columns: {columns!r}")
        for cell in cells:
            if not (
                isinstance(cell, list)
                and len(cell) == 2
                and isinstance(cell[0], int)
                and 0 <= cell[0] < self.rows
                and cell[1] in self.columns
            ):
                raise InvalidWireValue(f"bad cell: {cell!r}")
        return self.coerce({"selection": {"rows": rows, "columns": columns, "cells": cells}})

    def coerce(self, value: Any) -> DataframeState:
        """Keep only what the selection modes allow (also for a value set through Session State)."""
        sel = (value or {}).get("selection", {}) if isinstance(value, dict) else {}
        modes = self.modes
        rows = list(sel.get("rows", [])) if any("row" in m for m in modes) else []
        columns = list(sel.get("columns", [])) if any("column" in m for m in modes) else []
        cells = [tuple(c) for c in sel.get("cells", [])] if any("cell" in m for m in modes) else []
        if "single-row" in modes or "single-row-required" in modes:
            rows = rows[-1:]
        if "single-column" in modes:
            columns = columns[-1:]
        if "single-cell" in modes:
            cells = cells[-1:]
        return DataframeState(
            {"selection": AttributeDict({"rows": rows, "columns": columns, "cells": cells})}
        )


@command
def dataframe(
    data: Any = None,
    width: int | str | None = None,
    height: int | str | None = None,
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: list[str] | None = None,
    column_config: dict[str, Any] | None = None,
    key: str | int | None = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | list[str] = "multi-row",
    row_height: int | None = None,
) -> Any:
    """Display a dataframe as an interactive table.

    The table sorts by a click on a column header, resizes columns by dragging their
    borders, searches with Ctrl/Cmd+F, copies selected cells with Ctrl/Cmd+C, downloads
    as CSV and goes fullscreen from its toolbar.  Only the rows in view are in the
    browser; the kernel sends more as the user scrolls, and sorts and searches the whole
    table itself, so tables of millions of rows stay fast.

    Parameters
    ----------
    data : DataFrame, Series, Styler, Index, pyarrow Table, NumPy array, list, tuple, set, dict, or any
        object with ``to_pandas()`` or ``__dataframe__``.  A Styler's formatted values and
        cell colors are shown.
    width : int, "stretch", "content" or None
        The width in pixels, the container's width ("stretch", the default) or the
        table's own width ("content").
    height : int, "auto", "stretch", "content" or None
        The height in pixels; "auto" (the default) shows up to ten rows.
    use_container_width : bool or None
        True stretches to the container (as ``width="stretch"``).
    hide_index : bool or None
        Hide the index columns.
    column_order : list of str or None
        The columns to show, in this order.
    column_config : dict or None
        Per column (by name, or ``"_index"``): a label, None to hide it, or an
        ``st.column_config`` object.
    key : str, int or None
        A key for the selection state in ``st.session_state``.
    on_select : "ignore", "rerun" or callable
        "ignore": the table is a display element.  "rerun" or a callback: users can
        select rows/columns/cells and the app reruns with the selection.
    selection_mode : str or list of str
        "single-row", "single-row-required", "multi-row", "single-column",
        "multi-column", "single-cell", "multi-cell" (one row, one column and one cell
        mode at most).
    row_height : int or None
        The height of a row in pixels.

    Returns
    -------
    DeltaGenerator or DataframeState
        The element (``.add_rows()`` appends to it); with ``on_select``, the selection
        as ``{"selection": {"rows": [...], "columns": [...], "cells": [...]}}``
        (also readable as attributes).
    """
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise StreamlitAPIException(
            "Invalid `on_select` value. Supported values: 'rerun', 'ignore', a callback function."
        )
    modes = _selection_modes(selection_mode)
    source = make_source(data, column_config=column_config, column_order=column_order, hide_index=hide_index)
    props = table_props(
        source,
        **size_props(width, height, use_container_width),
        row_height=row_height,
        selection_mode=[],
        key=None,
    )
    if on_select == "ignore":
        return add_element("dataframe", props, value=source)
    serde = SelectionSerde(source.rows, [c["name"] for c in source.shown if not c["index"]], modes)
    props["selection_mode"] = modes
    state = add_widget(
        "dataframe",
        props,
        serde=serde,
        default=serde.coerce(None),
        identity={
            "data": fingerprint(source),
            "modes": tuple(modes),
            "column_order": repr(column_order),
            "hide_index": hide_index,
        },
        key=key,
        on_change=on_select if callable(on_select) else None,
        coerce=serde.coerce,
    )
    source.state = state
    placed_node().value = source
    return state


@command
def table(data: Any = None) -> DeltaGenerator:
    """Display a static table: every row and column laid out at once, no scrolling inside.

    Parameters
    ----------
    data : DataFrame, Series, Styler, pyarrow Table, NumPy array, list, dict, ...
        The data to show (as ``st.dataframe`` accepts it).  For large data use
        ``st.dataframe``, which sends only the rows in view.
    """
    source = make_source(data)
    props = table_props(source)
    props["data"] = ipc_bytes(source.window_table(range(source.rows)))
    props["whole"] = True
    return add_element("table", props, value=source)


# ---- requests from the browser: windows, sorting, search, CSV ------------------------------


def _int(payload: dict[str, Any], name: str, default: int) -> int:
    value = payload.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer")
    return value


def parse_view(payload: dict[str, Any], source: TableSource) -> tuple[Any, str]:
    """The sort and search a request asks for, checked (the payload is untrusted)."""
    sort = payload.get("sort")
    if sort is not None:
        if not (isinstance(sort, list) and len(sort) == 2 and sort[1] in ("asc", "desc")):
            raise ValueError("sort must be [field, 'asc' | 'desc']")
        source.column(sort[0])
        sort = (sort[0], sort[1])
    search = payload.get("search") or ""
    if not isinstance(search, str) or len(search) > 1000:
        raise ValueError("search must be a short string")
    return sort, search


def answer_table(node: Node, payload: dict[str, Any]) -> tuple[Any, list[bytes]]:
    """Answer a table element's request: ``{"op": "rows" | "csv", "start", "stop", "sort", "search"}``."""
    source = node.value
    if not isinstance(source, TableSource) or not isinstance(payload, dict):
        raise ValueError("not a table")
    op = payload.get("op", "rows")
    start = _int(payload, "start", 0)
    stop = _int(payload, "stop", start + FIRST_WINDOW)
    sort, search = parse_view(payload, source)
    if op == "rows":
        stop = min(stop, start + MAX_WINDOW)
        total, data = source.window(start, stop, sort, search)
    elif op == "csv":
        stop = min(stop, start + 200_000)
        total, data = source.csv(start, stop, sort, search)
    else:
        raise ValueError(f"unknown op {op!r}")
    return {"rows": total, "start": start, "version": source.version}, [data]


for _kind in ("dataframe", "table", "data_editor"):
    answers(_kind)(answer_table)


# ---- .add_rows() ------------------------------------------------------------------------------


def _add_rows(node: Node, data: Any) -> None:
    """Append rows to a dataframe or table; only the new rows travel to the browser."""
    import pandas as pd

    source: TableSource = node.value
    more = to_dataframe(data)
    if source.rows == 0 and len(source.frame.columns) == 0:
        fresh = make_source(more)
        node.value, node.props = fresh, {**node.props, **table_props(fresh)}
        if node.kind == "table":
            node.props["data"] = ipc_bytes(fresh.window_table(range(fresh.rows)))
        return
    old_cols, new_cols = [str(c) for c in source.frame.columns], [str(c) for c in more.columns]
    if sorted(old_cols) != sorted(new_cols):
        raise StreamlitAPIException(
            f"The rows to add have the columns {new_cols}, but the element has {old_cols}. "
            "`add_rows()` needs the same columns."
        )
    more = more.copy(deep=False)
    more.columns = list(more.columns)
    more = more[[more.columns[new_cols.index(c)] for c in old_cols]]
    more.columns = source.frame.columns
    if isinstance(source.frame.index, pd.RangeIndex) and isinstance(more.index, pd.RangeIndex):
        more.index = pd.RangeIndex(source.frame.index.stop, source.frame.index.stop + len(more))
    first = source.append(more)
    props = dict(node.props)
    props["rows"], props["version"] = source.rows, source.version
    if props.get("whole"):
        tail = [*props.get("tail", []), ipc_bytes(source.window_table(range(first, source.rows)))]
        if len(tail) > MAX_TAIL:
            if node.kind == "table" or source.rows <= SEND_WHOLE_ROWS:
                props["data"], tail = ipc_bytes(source.window_table(range(source.rows))), []
            else:
                props["whole"], tail = False, []
        props["tail"] = tail
    node.props = props


ADD_ROWS["dataframe"] = _add_rows
ADD_ROWS["table"] = _add_rows


# ---- st.metric ------------------------------------------------------------------------------------


def _metric_text(value: Any, what: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, (str, numbers.Number)):
        return str(value)
    raise StreamlitAPIException(
        f"'{value}' is of type {type(value)}, which is not an accepted type. "
        f"{what} only accepts: int, float, str, or None. Please convert the {what} to an accepted type."
    )


def _direction(delta: Any, text: str) -> str:
    if delta is None or text == "":
        return "none"
    if isinstance(delta, numbers.Number) and not isinstance(delta, bool):
        if delta == 0:
            return "none"
        return "down" if delta < 0 else "up"
    return "down" if text.lstrip().startswith("-") else "up"


@command
def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    *,
    help: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
) -> DeltaGenerator:
    """Display a metric in big bold font, with an optional indicator of how it changed.

    Parameters
    ----------
    label : str
        What the metric is (Markdown).
    value : int, float, str or None
        The metric's value; None shows a long dash.
    delta : int, float, str or None
        How much it changed.  A negative number, or a string starting with "-", points
        down; zero points nowhere.
    delta_color : "normal", "inverse" or "off"
        "normal": up is green and down is red; "inverse": up is red and down is green;
        "off": gray.
    help : str or None
        A tooltip next to the label.
    label_visibility : "visible", "hidden" or "collapsed"
        Show the label, keep its space empty, or remove it.
    border : bool
        Draw a border around the metric.
    """
    if delta_color not in DELTA_COLORS:
        raise StreamlitAPIException(
            f"'{delta_color}' is not an accepted value. "
            "delta_color only accepts: 'normal', 'inverse', or 'off'"
        )
    check_label_visibility(label_visibility)
    body = _metric_text(value, "value")
    delta_text = "" if delta is None else _metric_text(delta, "delta")
    direction = _direction(delta, delta_text)
    if direction == "none" or delta_color == "off":
        color = "gray"
    else:
        color = "green" if (direction == "up") == (delta_color == "normal") else "red"
    props = {
        "label": str(label),
        "body": body,
        "delta": delta_text,
        "delta_color": delta_color,
        "direction": direction,
        "color": color,
        "help": help,
        "label_visibility": label_visibility,
        "border": bool(border),
    }
    return add_element("metric", props)


# ---- st.json ----------------------------------------------------------------------------------------


@command
def json(body: Any, *, expanded: bool | int = True) -> DeltaGenerator:
    """Display an object or a JSON string as a pretty, collapsible tree.

    Parameters
    ----------
    body : object or str
        A JSON-serializable object, or a string holding JSON.  Objects that are not
        JSON (dates, custom classes) are shown as their ``repr``.
    expanded : bool or int
        Expand the tree (True), collapse it (False), or expand it this many levels deep.
    """
    if isinstance(expanded, bool):
        depth = None
    elif isinstance(expanded, int):
        depth, expanded = expanded, True
    else:
        raise StreamlitAPIException(
            f"The type {type(expanded)} of `expanded` is not supported, must be bool or int."
        )
    if hasattr(body, "to_dict") and not isinstance(body, dict):
        body = body.to_dict()
    if isinstance(body, str):
        text = body
    else:
        try:
            text = _json.dumps(body, default=repr)
        except TypeError as exc:
            raise StreamlitAPIException(  # noqa: B904 - the message says it all
                f"The object of type {type(body).__name__} is not JSON-serializable: {exc}"
            )
    return add_element("json", {"body": text, "expanded": bool(expanded), "max_expand_depth": depth})
