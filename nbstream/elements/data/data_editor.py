"""``st.data_editor``: an editable table whose value is the user's edits.

The widget's value (what ``st.session_state[key]`` holds) is Streamlit's edit state:
``{"edited_rows": {row: {column: value}}, "added_rows": [{column: value}],
"deleted_rows": [row]}``, row numbers counting the rows of the data as passed in.  The
function applies it to a copy of the data and returns the result in the input's type.
The browser sends the whole state after each edit; ``EditorSerde.deserialize`` checks
every cell against its column (type, bounds, options, pattern, required) first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements.data.dataframe import fingerprint, make_source, placed_node, size_props, table_props
from nbstream.elements.data.table_columns import INDEX, jsonable
from nbstream.elements.data.tables import SEND_WHOLE_ROWS, TableSource, is_scalar, is_styler, to_dataframe
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

NUM_ROWS = ("fixed", "dynamic", "add", "delete")
MAX_ADDED = 100_000


def empty_state() -> dict[str, Any]:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


# ---- checking one cell ------------------------------------------------------------------------


def check_cell(col: dict[str, Any], value: Any) -> Any:
    """``value`` if a user could have entered it in this column, else InvalidWireValue."""
    name, conf, kind = col["name"], col["config"], col["type"]
    if value is None:
        if col["required"]:
            raise InvalidWireValue(f"column {name!r} is required")
        return None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidWireValue(f"{value!r} is not a number (column {name!r})")
        if conf.get("integer") and float(value) != int(value):
            raise InvalidWireValue(f"{value!r} is not an integer (column {name!r})")
        _check_bounds(name, value, conf.get("min_value"), conf.get("max_value"))
    elif kind in ("text", "link"):
        if not isinstance(value, str):
            raise InvalidWireValue(f"{value!r} is not text (column {name!r})")
        if conf.get("max_chars") and len(value) > conf["max_chars"]:
            raise InvalidWireValue(f"{value!r} is longer than {conf['max_chars']} characters")
        if conf.get("validate") and not re.search(conf["validate"], value):
            raise InvalidWireValue(f"{value!r} does not match {conf['validate']!r}")
    elif kind == "checkbox":
        if not isinstance(value, bool):
            raise InvalidWireValue(f"{value!r} is not true or false (column {name!r})")
    elif kind == "selectbox":
        if conf.get("options") is not None and value not in conf["options"]:
            raise InvalidWireValue(f"{value!r} is not an option of column {name!r}")
    elif kind in ("date", "time", "datetime"):
        parsed = parse_temporal(kind, value)
        bounds = [parse_temporal(kind, conf[k]) if conf.get(k) else None for k in ("min_value", "max_value")]
        _check_bounds(name, parsed, *bounds)
    elif kind == "list" and (not isinstance(value, list) or not all(is_scalar(v) for v in value)):
        raise InvalidWireValue(f"{value!r} is not a list (column {name!r})")
    return value


def _check_bounds(name: str, value: Any, low: Any, high: Any) -> None:
    try:
        if (low is not None and value < low) or (high is not None and value > high):
            raise InvalidWireValue(f"{value!r} is out of the range of column {name!r}")
    except TypeError as exc:
        raise InvalidWireValue(f"{value!r} cannot be compared with the range of column {name!r}") from exc


def parse_temporal(kind: str, value: Any) -> Any:
    """An ISO string from the browser as a date, time or (naive) datetime."""
    if not isinstance(value, str) or len(value) > 40:
        raise InvalidWireValue(f"{value!r} is not an ISO {kind}")
    try:
        if kind == "date":
            return dt.date.fromisoformat(value[:10])
        if kind == "time":
            return dt.time.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError as exc:
        raise InvalidWireValue(f"{value!r} is not an ISO {kind}") from exc


# ---- the widget's serde --------------------------------------------------------------------------


class EditorSerde:
    """The edit state on the wire: the same dict, row numbers as JSON strings in edited_rows."""

    def __init__(self, source: TableSource, num_rows: str) -> None:
        self.rows = source.rows
        self.columns = {c["name"]: c for c in source.shown if not c["index"]}
        self.index_columns = [c for c in source.shown if c["index"]]
        self.can_add = num_rows in ("dynamic", "add")
        self.can_delete = num_rows in ("dynamic", "delete")

    def serialize(self, value: Any) -> dict[str, Any]:
        state = normalize_state(value)
        return {
            "edited_rows": {
                str(r): {c: jsonable(v) for c, v in e.items()} for r, e in state["edited_rows"].items()
            },
            "added_rows": [{c: jsonable(v) for c, v in row.items()} for row in state["added_rows"]],
            "deleted_rows": [int(r) for r in state["deleted_rows"]],
        }

    def deserialize(self, wire: Any) -> dict[str, Any]:
        if not isinstance(wire, dict) or not set(wire) <= {"edited_rows", "added_rows", "deleted_rows"}:
            raise InvalidWireValue(f"expected an edit state, got {type(wire).__name__}")
        edited = wire.get("edited_rows") or {}
        added = wire.get("added_rows") or []
        deleted = wire.get("deleted_rows") or []
        if not isinstance(edited, dict) or not isinstance(added, list) or not isinstance(deleted, list):
            raise InvalidWireValue("edited_rows must be an object, added_rows and deleted_rows lists")
        if (added and not self.can_add) or (deleted and not self.can_delete):
            raise InvalidWireValue("this editor does not add or delete rows")
        if len(added) > MAX_ADDED:
            raise InvalidWireValue("too many added rows")
        state = empty_state()
        for row, cells in edited.items():
            pos = self._row(row)
            if not isinstance(cells, dict):
                raise InvalidWireValue(f"edits of row {row!r} must be an object")
            state["edited_rows"][pos] = {
                name: check_cell(self._editable(name), v) for name, v in cells.items()
            }
        for cells in added:
            if not isinstance(cells, dict):
                raise InvalidWireValue("an added row must be an object")
            row = {}
            for name, v in cells.items():
                if name == INDEX and self.index_columns:
                    row[name] = check_cell(self.index_columns[0], v)
                else:
                    row[name] = check_cell(self._column(name), v)
            for col in self.columns.values():
                if col["required"] and row.get(col["name"]) is None and col["default"] is None:
                    raise InvalidWireValue(
                        f"an added row has no value for the required column {col['name']!r}"
                    )
            state["added_rows"].append(row)
        rows = [self._row(r) for r in deleted]
        if len(set(rows)) != len(rows):
            raise InvalidWireValue("a row is deleted twice")
        state["deleted_rows"] = rows
        return state

    def _row(self, row: Any) -> int:
        if isinstance(row, str) and row.isdigit():
            row = int(row)
        if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < self.rows:
            raise InvalidWireValue(f"no row {row!r}")
        return row

    def _column(self, name: Any) -> dict[str, Any]:
        col = self.columns.get(name) if isinstance(name, str) else None
        if col is None:
            raise InvalidWireValue(f"no column {name!r}")
        return col

    def _editable(self, name: Any) -> dict[str, Any]:
        col = self._column(name)
        if col["disabled"]:
            raise InvalidWireValue(f"column {name!r} is not editable")
        return col


def normalize_state(value: Any) -> dict[str, Any]:
    """An edit state with all three keys and integer row numbers (a state set through
    Session State may use strings, as JSON does)."""
    if not isinstance(value, dict):
        return empty_state()
    edited = {}
    for row, cells in (value.get("edited_rows") or {}).items():
        try:
            edited[int(row)] = dict(cells)
        except (TypeError, ValueError):
            continue
    return {
        "edited_rows": edited,
        "added_rows": [dict(r) for r in value.get("added_rows") or []],
        "deleted_rows": [int(r) for r in value.get("deleted_rows") or []],
    }


# ---- applying the edits ----------------------------------------------------------------------------


def cell_value(kind: str, dtype: Any, value: Any) -> Any:
    """A wire value as a Python value for a column holding ``kind`` data."""
    import pandas as pd

    if value is None:
        return None
    try:
        if kind == "datetime":
            stamp = pd.Timestamp(value)
            tz = getattr(dtype, "tz", None)
            if tz is not None:
                stamp = stamp.tz_localize(tz) if stamp.tzinfo is None else stamp.tz_convert(tz)
            return stamp
        if kind == "date":
            return dt.date.fromisoformat(str(value)[:10])
        if kind == "time":
            return dt.time.fromisoformat(str(value))
        if kind == "integer":
            return int(value) if float(value) == int(float(value)) else float(value)
        if kind in ("float", "decimal"):
            return float(value)
        if kind == "boolean":
            return bool(value)
        if kind == "string" and not isinstance(value, str):
            return str(value)
    except (TypeError, ValueError):
        return None
    return value


def _set(frame: Any, pos: int, j: int, kind: str, value: Any) -> None:
    import numpy as np

    column = frame.columns[j]
    value = cell_value(kind, frame.dtypes.iloc[j], value)
    missing = value is None and kind in ("integer", "float")
    try:
        with warnings.catch_warnings():
            # pandas warns (or raises) when a value does not fit the column's dtype: widen it instead.
            warnings.simplefilter("error")
            frame.iloc[pos, j] = np.nan if missing else value
    except (TypeError, ValueError, Warning):
        frame[column] = frame[column].astype("float64" if missing else object)
        frame.iloc[pos, j] = np.nan if missing else value


def apply_state(frame: Any, state: dict[str, Any], shown: list[dict[str, Any]]) -> tuple[Any, list[int]]:
    """The data with the edits applied, and each resulting row's number in the editor
    (original rows keep theirs; added rows count on from the end)."""
    import numpy as np

    n = len(frame)
    result = frame.copy()
    kind_at = {c["pos"]: c["kind"] for c in shown if not c["index"]}
    names = [str(c) for c in result.columns]
    for row, cells in state["edited_rows"].items():
        if not 0 <= int(row) < n:
            raise StreamlitAPIException(
                f"The edit state of the data editor refers to row {row}, which is not in the data."
            )
        for name, value in cells.items():
            if name in names:
                j = names.index(name)
                _set(result, int(row), j, kind_at.get(j, "object"), value)
    keep = np.ones(n, dtype=bool)
    for row in state["deleted_rows"]:
        if 0 <= row < n:
            keep[row] = False
    result = result.iloc[keep]
    row_ids = [int(i) for i in np.flatnonzero(keep)]
    if state["added_rows"]:
        defaults = {c["name"]: c["default"] for c in shown if not c["index"]}
        result = _append_rows(result, state["added_rows"], names, kind_at, defaults, n)
        row_ids += [n + i for i in range(len(state["added_rows"]))]
    return result, row_ids


def _append_rows(
    result: Any,
    added: list[dict[str, Any]],
    names: list[str],
    kind_at: dict[int, str],
    defaults: dict[str, Any],
    n: int,
) -> Any:
    """``result`` with the added rows after its last row (their columns' dtypes widened as needed)."""
    import pandas as pd

    labels = []
    for i, row in enumerate(added):
        label = row.get(INDEX)
        labels.append(_next_label(result, n + i, len(labels)) if label is None else label)
    columns = {}
    for j, name in enumerate(names):
        kind, dtype = kind_at.get(j, "object"), result.dtypes.iloc[j]
        values = [cell_value(kind, dtype, row.get(name, defaults.get(name))) for row in added]
        series = pd.Series(values, dtype=object)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with contextlib.suppress(TypeError, ValueError):
                series = series.astype(dtype) if series.notna().all() else series.infer_objects()
        columns[j] = series.to_numpy()
    extra = pd.DataFrame(columns, index=pd.Index(labels, name=result.index.name))
    extra.columns = result.columns
    if len(result) == 0:
        return extra
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.concat([result, extra])


def _next_label(frame: Any, fallback: int, already: int) -> Any:
    import pandas as pd

    index = frame.index
    if len(index) == 0:
        return fallback
    if isinstance(index, pd.RangeIndex) or pd.api.types.is_integer_dtype(index.dtype):
        return int(index.max()) + 1 + already
    return None


# ---- the result in the input's type ----------------------------------------------------------------


def _clean(value: Any) -> Any:
    try:
        import pandas as pd

        if not isinstance(value, (list, tuple, dict)) and pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def to_input_type(result: Any, data: Any) -> Any:
    """The edited frame in the type the data came in (DataFrame, Series, list, dict, ...)."""
    import pandas as pd

    if data is None or isinstance(data, pd.DataFrame) or is_styler(data):
        return result
    if isinstance(data, pd.Series):
        out = result.iloc[:, 0]
        out.name = data.name
        return out
    if isinstance(data, pd.Index):
        return pd.Index(result.iloc[:, 0], name=data.name)
    module = type(data).__module__ or ""
    if module.startswith("pyarrow"):
        import pyarrow as pa

        table = pa.Table.from_pandas(result, preserve_index=False)
        return table if isinstance(data, pa.Table) else table.to_batches()[0] if table.num_rows else data
    if module.startswith("numpy"):
        values = result.to_numpy() if data.ndim > 1 else result.iloc[:, 0].to_numpy()
        if data.dtype.kind in "iufb":
            try:
                return values.astype(data.dtype)
            except (TypeError, ValueError):
                return values
        return values.astype(object)
    if isinstance(data, dict):
        if data and all(is_scalar(v) for v in data.values()):
            return {k: _clean(v) for k, v in zip(result.index, result.iloc[:, 0].tolist(), strict=False)}
        if data and all(isinstance(v, dict) for v in data.values()):
            return {c: {k: _clean(v) for k, v in result[c].items()} for c in result.columns}
        return {c: [_clean(v) for v in result[c].tolist()] for c in result.columns}
    if isinstance(data, (list, tuple, set, frozenset)):
        items = list(data)
        if items and all(isinstance(v, dict) for v in items):
            out: Any = [{k: _clean(v) for k, v in row.items()} for row in result.to_dict("records")]
        elif items and not all(is_scalar(v) for v in items):
            out = [[_clean(v) for v in row] for row in result.itertuples(index=False)]
        else:
            out = [_clean(v) for v in result.iloc[:, 0].tolist()] if len(result.columns) else []
        return type(data)(out) if isinstance(data, (tuple, set, frozenset)) else out
    return result


# ---- st.data_editor ------------------------------------------------------------------------------------


@command
def data_editor(
    data: Any,
    *,
    width: int | str | None = None,
    height: int | str | None = None,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: dict[str, Any] | None = None,
    num_rows: str = "fixed",
    disabled: bool | Iterable[str] = False,
    key: str | int | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    row_height: int | None = None,
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
    on_change : callable or None
        Called when the user edits the data, before the rerun.
    args, kwargs : tuple and dict
        Arguments for ``on_change``.

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
    serde = EditorSerde(source, num_rows if num_rows in NUM_ROWS else "fixed")
    props = table_props(
        source,
        **size_props(width, height, use_container_width),
        row_height=row_height,
        num_rows=num_rows,
        editable=disabled is not True,
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
