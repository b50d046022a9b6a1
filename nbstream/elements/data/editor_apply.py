"""Applying a data editor's edit state to the data, and the result in the type the data came in."""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings
from typing import Any

from nbstream.elements.data.frames import is_scalar, is_styler
from nbstream.elements.data.table_columns import INDEX
from nbstream.runtime.errors import StreamlitAPIException

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
