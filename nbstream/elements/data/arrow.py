"""Columns on the wire: a column's values as an Arrow array the browser can show, a table as IPC bytes."""

from __future__ import annotations

import json
from typing import Any


def to_arrow(series: Any, kind: str) -> tuple[Any, Any]:
    """A column as an Arrow array the browser can show, and for a zoned datetime column
    each value's UTC offset in minutes (else None).

    Zoned datetimes travel as their wall-clock time in their own zone plus the offset,
    so the browser shows exactly what the kernel has (spec: "Working with timezones")
    without a timezone database of its own.
    """
    import pandas as pd
    import pyarrow as pa

    if kind == "datetime":
        values = pd.to_datetime(series, errors="coerce", utc=False) if series.dtype == object else series
        tz = getattr(values.dtype, "tz", None)
        offsets = None
        if tz is not None:
            wall = values.dt.tz_localize(None)
            utc = values.dt.tz_convert("UTC").dt.tz_localize(None)
            offsets = pa.array(((wall - utc).dt.total_seconds() // 60).astype("Int32"), type=pa.int32())
            values = wall
        try:
            arr = pa.array(values, from_pandas=True).cast(pa.timestamp("ms"), safe=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
            return _as_text(series), None
        return arr, offsets
    if kind in ("timedelta", "object", "bytes", "categorical"):
        return _as_text(series), None
    if kind == "dict":
        return pa.array(
            [None if _missing(v) else json.dumps(v, default=str) for v in series], type=pa.string()
        ), None
    if kind == "decimal":
        return pa.array(pd.to_numeric(series, errors="coerce"), type=pa.float64(), from_pandas=True), None
    if kind == "list":
        return _as_list(series), None
    try:
        arr = pa.array(series, from_pandas=True)
    except (
        pa.ArrowInvalid,
        pa.ArrowTypeError,
        pa.ArrowNotImplementedError,
        TypeError,
        ValueError,
        OverflowError,
    ):
        return _as_text(series), None
    if pa.types.is_time(arr.type):
        arr = arr.cast(pa.time32("ms"), safe=False)
    elif pa.types.is_date64(arr.type):
        arr = arr.cast(pa.date32())
    elif (
        pa.types.is_dictionary(arr.type)
        or pa.types.is_large_string(arr.type)
        or pa.types.is_string_view(arr.type)
    ):
        arr = arr.cast(pa.string())
    return arr, None


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except Exception:
        return False


def _text(value: Any) -> str | None:
    if _missing(value):
        return None
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return repr(value)
    return str(value)


def _as_text(series: Any) -> Any:
    import pyarrow as pa

    return pa.array([_text(v) for v in series], type=pa.string())


def _as_list(series: Any) -> Any:
    import pyarrow as pa

    values = [None if v is None or (not hasattr(v, "__len__") and _missing(v)) else list(v) for v in series]
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return pa.array(
            [None if v is None else [_text(x) for x in v] for v in values], type=pa.list_(pa.string())
        )


def ipc_bytes(table: Any) -> bytes:
    """An Arrow table as IPC stream bytes."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()
