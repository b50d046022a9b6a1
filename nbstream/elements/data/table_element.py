"""What every table element shares: its source, props and size, the browser's requests, add_rows.

A table element's node holds a ``TableSource`` (``tables.py``) as its value: the frame
and the windows the browser asks for.  Its props carry the column list, the row count
and the first rows as Arrow IPC bytes (a binary buffer, never JSON rows); the rest
travels on request (``answer_table``), sorted and searched in the kernel.
"""

from __future__ import annotations

import hashlib
from typing import Any

from nbstream.elements._base import answers
from nbstream.elements.data.arrow import ipc_bytes
from nbstream.elements.data.frames import is_styler, styler_display, to_dataframe
from nbstream.elements.data.table_columns import normalize_config, resolve_columns
from nbstream.elements.data.tables import FIRST_WINDOW, MAX_WINDOW, SEND_WHOLE_ROWS, TableSource
from nbstream.elements.delta_generator import ADD_ROWS, current
from nbstream.runtime import context
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node

# Appended chunks a fully-sent table keeps as separate buffers before it is re-sent whole.
MAX_TAIL = 16


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
