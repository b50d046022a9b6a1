"""``st.dataframe``'s ``selection_default`` and ``lazy`` checks."""

from __future__ import annotations

from typing import Any

from nbstream.elements.data.frames import is_styler
from nbstream.runtime.errors import StreamlitAPIException, StreamlitIncompatibleParametersError

_BAD_STATE = (
    "Selection state must be a dictionary with a 'selection' key containing 'rows', 'columns', "
    "and 'cells' arrays."
)


def default_selection(selection_default: Any, serde: Any) -> dict[str, Any] | None:
    """``selection_default`` reduced to what the table and its modes allow.

    Rows out of range and unknown columns are dropped; a single-selection mode keeps the
    first item; a multi-cell selection cannot be set from code (only a single cell).
    """
    if selection_default is None:
        return None
    sel = selection_default.get("selection") if isinstance(selection_default, dict) else None
    if not isinstance(sel, dict):
        raise StreamlitAPIException(_BAD_STATE)
    modes = serde.modes
    rows = [r for r in sel.get("rows", []) if isinstance(r, int) and not isinstance(r, bool)]
    rows = [r for r in rows if 0 <= r < serde.rows]
    columns = [c for c in sel.get("columns", []) if c in serde.columns]
    cells = [
        (c[0], c[1])
        for c in sel.get("cells", [])
        if isinstance(c, (list, tuple)) and len(c) == 2 and isinstance(c[0], int)
        if 0 <= c[0] < serde.rows and c[1] in serde.columns
    ]
    if "single-row" in modes or "single-row-required" in modes:
        rows = rows[:1]
    if "single-column" in modes:
        columns = columns[:1]
    cells = cells[:1] if "single-cell" in modes else []
    return {"selection": {"rows": rows, "columns": columns, "cells": cells}}


def check_lazy(lazy: Any, data: Any, on_select: Any) -> None:
    """Refuse ``lazy=True`` where rows cannot travel on request (selections, Stylers,
    multi-level column headers)."""
    if lazy is not True:
        return
    if on_select != "ignore":
        raise StreamlitIncompatibleParametersError(
            "`lazy=True` and `on_select` cannot be used together. Lazy dataframes cannot use "
            'position-based selection in this version. Set `on_select="ignore"` or remove `lazy=True`.'
        )
    if is_styler(data):
        raise StreamlitAPIException(
            "`lazy=True` is not supported for `pandas.Styler` objects. Styler output is tied to the "
            "fully materialized table. Remove `lazy=True` or pass the underlying dataframe instead."
        )
    columns = getattr(data, "columns", None)
    if getattr(columns, "nlevels", 1) > 1:
        raise StreamlitAPIException(
            "`lazy=True` is not supported for dataframes with multi-level (`MultiIndex`) column "
            "headers. Flatten the column headers or set `lazy=False`."
        )
