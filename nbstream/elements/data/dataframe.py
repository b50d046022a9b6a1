"""``st.dataframe``, with its row, column and cell selections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nbstream.elements._alt import normalize_alt
from nbstream.elements._base import add_element, add_widget
from nbstream.elements.data.arrow import ipc_bytes
from nbstream.elements.data.attribute_dict import AttributeDict
from nbstream.elements.data.button_clicks import register_button_columns
from nbstream.elements.data.dataframe_options import check_lazy, default_selection
from nbstream.elements.data.table_element import (
    fingerprint,
    make_source,
    placed_node,
    size_props,
    table_props,
)
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import StreamlitAPIException, StreamlitIncompatibleParametersError
from nbstream.runtime.widgets import InvalidWireValue

__all__ = ["dataframe"]

SELECTION_MODES = (
    "multi-cell",
    "multi-column",
    "multi-row",
    "single-cell",
    "single-column",
    "single-row",
    "single-row-required",
)


class DataframeState(AttributeDict):
    """What ``st.dataframe(..., on_select=...)`` returns: ``{"selection": {"rows", "columns", "cells"}}``."""


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
    width: int | str | None = "stretch",
    height: int | str | None = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: list[str] | None = None,
    column_config: dict[str, Any] | None = None,
    key: str | int | None = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | list[str] = "multi-row",
    selection_default: dict[str, Any] | None = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    lazy: bool | None = None,
    alt: str | None = None,
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
    selection_default : dict or None
        The selection on the first run, as ``{"selection": {"rows": [0, 2]}}`` (the
        shape of the returned state); with ``on_select`` only.  Rows out of range,
        unknown columns and kinds of selection the modes do not allow are dropped, a
        single-selection mode keeps the first, and multi-cell selections cannot be set.
        It never overrides the user's later selection.
    row_height : int or None
        The height of a row in pixels.
    placeholder : str or None
        The text of missing values (None shows "None"; "" leaves the cell empty).
    lazy : bool or None
        Whether rows travel to the browser as the user scrolls (True) or all at once
        (False).  None: tables of more than 1,000 rows load lazily.  With True, tables
        of at most 1,000 rows still go at once, and selections, Stylers and multi-level
        column headers are refused.
    alt : str or None
        A short accessible name for the grid (blank text is None).

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
    if selection_default is not None and on_select == "ignore":
        raise StreamlitIncompatibleParametersError(
            "`selection_default` and `on_select='ignore'` cannot be used together. "
            "Set `on_select` to `'rerun'` or a callback to use `selection_default`."
        )
    check_lazy(lazy, data, on_select)
    source = make_source(data, column_config=column_config, column_order=column_order, hide_index=hide_index)
    register_button_columns(column_config, source.shown, source.rows)
    props = table_props(
        source,
        **size_props(width, height, use_container_width),
        row_height=row_height,
        selection_mode=[],
        key=None,
        placeholder=None if placeholder is None else str(placeholder),
        alt=normalize_alt(alt),
    )
    if lazy is False:
        props.update(data=ipc_bytes(source.window_table(range(source.rows))), whole=True)
    if on_select == "ignore":
        return add_element("dataframe", props, value=source)
    serde = SelectionSerde(source.rows, [c["name"] for c in source.shown if not c["index"]], modes)
    props["selection_mode"] = modes
    state = add_widget(
        "dataframe",
        props,
        serde=serde,
        default=serde.coerce(default_selection(selection_default, serde)),
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
