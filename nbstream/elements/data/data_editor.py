"""``st.data_editor``: an editable table whose value is the user's edits.

The widget's value is the edit state (``editor_state.py``); the function applies it to
a copy of the data and returns the result in the input's type (``editor_apply.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._alt import normalize_alt
from nbstream.elements._base import add_widget
from nbstream.elements.data.button_clicks import register_button_columns
from nbstream.elements.data.editor_apply import apply_state, to_input_type
from nbstream.elements.data.editor_state import EditorSerde, empty_state, normalize_state
from nbstream.elements.data.frames import to_dataframe
from nbstream.elements.data.table_element import (
    fingerprint,
    make_source,
    placed_node,
    size_props,
    table_props,
)
from nbstream.elements.data.tables import SEND_WHOLE_ROWS, TableSource
from nbstream.elements.delta_generator import command

NUM_ROWS = ("fixed", "dynamic", "add", "delete")


@command
def data_editor(
    data: Any,
    *,
    width: int | str | None = "stretch",
    height: int | str | None = "auto",
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: dict[str, Any] | None = None,
    num_rows: str = "fixed",
    disabled: bool | Iterable[str] = False,
    key: str | int | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    alt: str | None = None,
) -> Any:
    """Display an editable table: a spreadsheet-like editor for data.

    Double-click a cell (or start typing) to edit it; values are checked against the
    column's type and ``column_config`` (no letters in number cells; min/max, options,
    required, ``validate`` patterns).  Paste cells from a spreadsheet with Ctrl/Cmd+V,
    and drag the handle at a selection's corner to fill neighbouring cells.

    Parameters
    ----------
    data : DataFrame, Series, Styler, pyarrow Table, NumPy array, list, tuple, set, dict, or any
        object with ``to_pandas()`` or ``__dataframe__``.
    width, height, use_container_width, hide_index, column_order, row_height :
        As in ``st.dataframe``.
    column_config : dict or None
        Per column (by name, or ``"_index"``): a label, None to hide it, or an
        ``st.column_config`` object (its type, validation and default for new rows).
    num_rows : "fixed", "dynamic", "add" or "delete"
        "dynamic" lets users add rows (the + in the toolbar, or the row below the
        table) and delete selected rows; "add" and "delete" allow only one of those.
    disabled : bool or list of str
        True disables editing everywhere; a list disables those columns.
    key : str, int or None
        The key under which ``st.session_state`` holds the edits:
        ``{"edited_rows": {0: {"col": value}}, "added_rows": [{"col": value}],
        "deleted_rows": [2]}``.
    on_change : callable, "rerun", "ignore" or None
        "rerun" (or None): an edit reruns the app; a callable is also called first;
        "ignore": edits stay in the browser and reach the script with the next rerun
        that something else starts.
    args, kwargs : tuple and dict
        Arguments for ``on_change``.
    placeholder : str or None
        The text of missing values (None shows "None"; "" leaves the cell empty).
    alt : str or None
        A short accessible name for the editor's grid (blank text is None).

    Returns
    -------
    DataFrame, Series, pyarrow Table, NumPy array, list, tuple, set or dict
        The edited data, in the type of ``data`` (other dataframe types, a Styler
        included, come back as a pandas DataFrame).  Column names become strings.
    """
    frame = to_dataframe(data).copy(deep=False)
    frame.columns = [str(c) for c in frame.columns]
    import pandas as pd

    if hide_index is None and num_rows in ("dynamic", "add") and isinstance(frame.index, pd.RangeIndex):
        hide_index = True
    if not isinstance(disabled, bool):
        disabled = [str(c) for c in disabled]
    order = None if column_order is None else [str(c) for c in column_order]
    source = make_source(
        data,
        frame=frame,
        column_config=column_config,
        column_order=order,
        hide_index=hide_index,
        disabled=disabled,
        editing=True,
    )
    register_button_columns(column_config, source.shown, source.rows)
    serde = EditorSerde(source, num_rows if num_rows in NUM_ROWS else "fixed")
    props = table_props(
        source,
        **size_props(width, height, use_container_width),
        row_height=row_height,
        num_rows=num_rows,
        editable=disabled is not True,
        placeholder=None if placeholder is None else str(placeholder),
        alt=normalize_alt(alt),
    )
    state = add_widget(
        "data_editor",
        props,
        serde=serde,
        default=empty_state(),
        identity={
            "data": fingerprint(source),
            "column_config": repr(column_config),
            "num_rows": num_rows,
            "column_order": repr(order),
            "hide_index": hide_index,
        },
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
    )
    result, row_ids = apply_state(frame, normalize_state(state), source.shown)
    node = placed_node()
    shown = make_source(
        None,
        frame=result,
        column_config=column_config,
        column_order=order,
        hide_index=hide_index,
        disabled=disabled,
    ).shown
    edited = TableSource(
        result,
        [{**c, "disabled": s["disabled"]} for c, s in zip(shown, source.shown, strict=False)],
        value=to_input_type(result, data),
    )
    edited.row_ids = row_ids
    edited.state = state
    edited.version = hashlib.blake2b(repr(serde.serialize(state)).encode(), digest_size=6).hexdigest()
    node.props.update(
        rows=edited.rows,
        data=edited.first_window(),
        base_rows=source.rows,
        version=edited.version,
        whole=edited.rows <= SEND_WHOLE_ROWS,
    )
    node.value = edited
    return edited.value
