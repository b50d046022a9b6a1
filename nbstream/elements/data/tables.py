"""The kernel side of every table element (dataframe, table, data_editor).

Data of any supported type becomes a pandas DataFrame (``to_dataframe``); a
``TableSource`` holds it for the life of the element and answers the browser's
questions: a window of rows as Arrow IPC, in some sort order, filtered by a search.
The browser never holds more than the windows it shows, so a 10M-row frame costs the
first paint one small window (see ``benchmarks/dataframe.py``).

Sorting and search run here with pyarrow compute over the whole column, so they work
at any size; the resulting row order (a permutation) is kept for the next windows.
"""

from __future__ import annotations

import json
import numbers
import re
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException

# A table up to this many rows travels whole with the element; a larger one sends its
# first FIRST_WINDOW rows and the rest on request.
SEND_WHOLE_ROWS = 1000
FIRST_WINDOW = 100
# The most rows one request may ask for.
MAX_WINDOW = 5000
# Sorted or searched row orders kept per table (each is 8 bytes a row).
VIEWS_KEPT = 2
# Numeric sorts are stable (ties in row order) up to this many rows.
STABLE_SORT_ROWS = 2_000_000


def to_dataframe(data: Any) -> Any:
    """Any supported data as a pandas DataFrame (pandas, Arrow, NumPy, lists, dicts, ...)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, pd.Index):
        return data.to_frame(index=False)
    module = type(data).__module__ or ""
    if module.startswith("pandas.io.formats.style"):
        return data.data
    if module.startswith("pyarrow"):
        return data.to_pandas()
    if module.startswith("numpy"):
        if data.ndim == 0:
            return pd.DataFrame()
        if data.ndim == 1:
            return pd.DataFrame({"value": data})
        return pd.DataFrame(data)
    if isinstance(data, dict):
        if data and all(is_scalar(v) for v in data.values()):
            # {"a": 1, "b": 2}: one row per key.
            return pd.DataFrame({"value": list(data.values())}, index=list(data.keys()))
        return pd.DataFrame(data)
    if isinstance(data, (list, tuple, set, frozenset)):
        items = list(data)
        if items and all(is_scalar(v) for v in items):
            return pd.DataFrame({"value": items})
        return pd.DataFrame(items)
    if hasattr(data, "to_pandas"):
        return data.to_pandas()
    if hasattr(data, "__dataframe__"):
        return pd.api.interchange.from_dataframe(data)
    if hasattr(data, "__iter__") and not isinstance(data, (str, bytes)):
        return to_dataframe(list(data))
    raise StreamlitAPIException(
        f"Unable to convert object of type `{type(data)}` to `pandas.DataFrame`. "
        "Offending object:\n```py\n" + repr(data)[:300] + "\n```"
    )


def is_scalar(value: Any) -> bool:
    import datetime as dt

    return value is None or isinstance(
        value, (str, bytes, bool, numbers.Number, dt.date, dt.time, dt.timedelta)
    )


def is_styler(data: Any) -> bool:
    return (type(data).__module__ or "").startswith("pandas.io.formats.style")


# ---- column types ----------------------------------------------------------------------------

# What kind of values a column holds (as Streamlit names them in its messages).
NUMERIC = ("integer", "float", "decimal")


def data_kind(series: Any) -> str:
    """integer, float, decimal, boolean, string, datetime, date, time, timedelta,
    categorical, list, dict, bytes, empty or object."""
    import pandas as pd
    from pandas.api import types

    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return "categorical"
    if isinstance(dtype, pd.ArrowDtype):
        return _arrow_kind(dtype.pyarrow_dtype)
    if types.is_bool_dtype(dtype):
        return "boolean"
    if types.is_integer_dtype(dtype):
        return "integer"
    if types.is_float_dtype(dtype):
        return "float"
    if types.is_datetime64_any_dtype(dtype):
        return "datetime"
    if types.is_timedelta64_dtype(dtype):
        return "timedelta"
    if types.is_complex_dtype(dtype):
        return "object"
    if types.is_string_dtype(dtype) and not types.is_object_dtype(dtype):
        return "string"
    if not types.is_object_dtype(dtype):
        return "object"
    sample = series.head(1000).dropna() if len(series) else series
    if len(sample) == 0:
        return "empty"
    inferred = types.infer_dtype(sample, skipna=True)
    first = sample.iloc[0]
    if isinstance(first, (list, tuple)) or type(first).__name__ == "ndarray":
        return "list"
    if isinstance(first, dict):
        return "dict"
    return {
        "string": "string",
        "integer": "integer",
        "floating": "float",
        "mixed-integer-float": "float",
        "decimal": "decimal",
        "boolean": "boolean",
        "datetime": "datetime",
        "datetime64": "datetime",
        "date": "date",
        "time": "time",
        "timedelta": "timedelta",
        "timedelta64": "timedelta",
        "bytes": "bytes",
        "empty": "empty",
    }.get(inferred, "object")


def _arrow_kind(pa_type: Any) -> str:
    import pyarrow as pa

    checks = [
        (pa.types.is_boolean, "boolean"),
        (pa.types.is_integer, "integer"),
        (pa.types.is_floating, "float"),
        (pa.types.is_decimal, "decimal"),
        (pa.types.is_timestamp, "datetime"),
        (pa.types.is_date, "date"),
        (pa.types.is_time, "time"),
        (pa.types.is_duration, "timedelta"),
        (pa.types.is_string, "string"),
        (pa.types.is_large_string, "string"),
        (pa.types.is_list, "list"),
        (pa.types.is_large_list, "list"),
        (pa.types.is_struct, "dict"),
        (pa.types.is_binary, "bytes"),
        (pa.types.is_dictionary, "categorical"),
    ]
    for check, kind in checks:
        if check(pa_type):
            return kind
    return "object"


# The grid's column type for each data kind when no column_config says otherwise.
DEFAULT_TYPES = {
    "integer": "number",
    "float": "number",
    "decimal": "number",
    "boolean": "checkbox",
    "datetime": "datetime",
    "date": "date",
    "time": "time",
    "list": "list",
    "dict": "json",
    "categorical": "selectbox",
}


# ---- columns on the wire -------------------------------------------------------------------


def index_names(frame: Any) -> list[str]:
    """Display names of the index levels ("" for an unnamed one)."""
    return ["" if n is None else str(n) for n in frame.index.names]


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


def pd_series(values: Any) -> Any:
    import pandas as pd

    return pd.Series(values, copy=False)


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


# ---- the kernel side of one table element ---------------------------------------------------


class TableSource:
    """The data of one table element and its windows.

    ``frame`` is the data as a DataFrame (index included); ``shown`` lists the columns
    the browser shows, as (field, name, is_index, level or column position, kind).
    ``display`` holds a Styler's formatted strings and cell styles, if any.  ``value``
    is what AppTest's ``.value`` returns.
    """

    def __init__(self, frame: Any, shown: list[dict[str, Any]], *, value: Any, display: Any = None) -> None:
        self.frame = frame
        self.shown = shown
        self._value = value
        self.display = display
        self.version = 0
        self.state: Any = None
        # Each row's number as the browser reports it (data_editor: rows of the input
        # data, added rows after them); None: the row's position.
        self.row_ids: Any = None
        self._views: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._numpy: dict[str, Any] = {}
        self._lock = threading.Lock()

    @property
    def value(self) -> Any:
        """What AppTest's ``.value`` returns: the data (the frame unless set otherwise)."""
        return self.frame if self._value is None else self._value

    @value.setter
    def value(self, value: Any) -> None:
        self._value = value

    @property
    def rows(self) -> int:
        return len(self.frame)

    # ---- windows -------------------------------------------------------------------------

    def series(self, col: dict[str, Any], frame: Any = None) -> Any:
        """The values of a shown column, for all rows of ``frame`` (default: all rows)."""
        frame = self.frame if frame is None else frame
        if col["index"]:
            return frame.index.get_level_values(col["pos"]).to_series(index=None).reset_index(drop=True)
        return frame.iloc[:, col["pos"]].reset_index(drop=True)

    def window_table(self, positions: Any) -> Any:
        """Rows at ``positions`` (original row numbers) as an Arrow table.

        Fields: ``_row`` (the original row number), then one ``f<i>`` per shown column,
        ``o<i>`` with the UTC offsets of a zoned datetime column, ``d<i>`` and ``s<i>``
        with a Styler's display text and CSS.
        """
        import numpy as np
        import pyarrow as pa

        positions = np.asarray(positions, dtype=np.int64)
        part = None
        ids = positions if self.row_ids is None else np.asarray(self.row_ids, dtype=np.int64)[positions]
        arrays, names = [pa.array(ids, type=pa.int64())], ["_row"]
        for col in self.shown:
            fast = self.numpy_values(col)
            if fast is not None:
                # A numeric column: take the rows from its NumPy array (no frame copy).
                arr, offsets = to_arrow(pd_series(fast[positions]), col["kind"])
            else:
                if part is None:
                    part = self.frame.iloc[positions]
                arr, offsets = to_arrow(self.series(col, part), col["kind"])
            arrays.append(arr)
            names.append(col["field"])
            if offsets is not None:
                arrays.append(offsets)
                names.append("o" + col["field"][1:])
            if self.display is not None and not col["index"]:
                text, css = self.display
                arrays.append(pa.array(text.iloc[positions, col["pos"]].tolist(), type=pa.string()))
                names.append("d" + col["field"][1:])
                arrays.append(pa.array(css.iloc[positions, col["pos"]].tolist(), type=pa.string()))
                names.append("s" + col["field"][1:])
        return pa.Table.from_arrays(arrays, names=names)

    def numpy_values(self, col: dict[str, Any]) -> Any:
        """A column's values as a NumPy array when it has a plain numeric, boolean or naive
        datetime dtype (a view, computed once), else None."""
        import numpy as np

        field = col["field"]
        if field not in self._numpy:
            values = None
            if col["kind"] in ("integer", "float", "boolean", "datetime"):
                if col["index"]:
                    data = self.frame.index.get_level_values(col["pos"])
                else:
                    data = self.frame.iloc[:, col["pos"]]
                if isinstance(data.dtype, np.dtype) and data.dtype.kind in "iufbM":
                    values = data.to_numpy()
            self._numpy[field] = values
        return self._numpy[field]

    def first_window(self) -> bytes:
        """What the element carries: the whole table if small, else its first rows."""
        stop = self.rows if self.rows <= SEND_WHOLE_ROWS else FIRST_WINDOW
        return ipc_bytes(self.window_table(range(stop)))

    def window(self, start: int, stop: int, sort: Any = None, search: str = "") -> tuple[int, bytes]:
        """Rows ``start:stop`` of the view (sorted by ``sort``, filtered by ``search``):
        the view's row count and the rows as Arrow IPC."""
        import numpy as np

        order = self.view(sort, search)
        total = self.rows if order is None else len(order)
        start, stop = max(0, min(start, total)), max(0, min(stop, total))
        positions = np.arange(start, stop) if order is None else order[start:stop]
        return total, ipc_bytes(self.window_table(positions))

    # ---- sorting and search ----------------------------------------------------------------

    def view(self, sort: Any, search: str) -> Any:
        """The row order of a view (original row numbers), None for the natural order."""
        if not sort and not search:
            return None
        key = (self.version, tuple(sort) if sort else None, search)
        with self._lock:
            if key in self._views:
                self._views.move_to_end(key)
                return self._views[key]
        order = self._compute_view(sort, search)
        with self._lock:
            self._views[key] = order
            while len(self._views) > VIEWS_KEPT:
                self._views.popitem(last=False)
        return order

    def _compute_view(self, sort: Any, search: str) -> Any:
        import numpy as np

        order = None
        if sort:
            field, direction = sort
            order = self.sort_order(self.column(field), descending=direction == "desc")
        if search:
            mask = self.search_mask(search)
            order = np.flatnonzero(mask) if order is None else order[mask[order]]
        return order

    def column(self, field: str) -> dict[str, Any]:
        for col in self.shown:
            if col["field"] == field:
                return col
        raise ValueError(f"no column {field!r}")

    def sort_order(self, col: dict[str, Any], *, descending: bool) -> Any:
        """Row numbers in the order of one column, missing values last.

        Numeric columns sort with NumPy (faster than pyarrow for plain arrays); the
        others with pyarrow compute.
        """
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        values = self.numpy_values(col)
        if values is not None and values.dtype.kind in "iufb":
            # Ties keep their row order (stable) up to STABLE_SORT_ROWS rows; beyond that
            # the faster unstable sort is used.
            kind = "stable" if len(values) <= STABLE_SORT_ROWS else None
            if descending and values.dtype.kind in "fi":
                return np.argsort(-values, kind=kind)  # NaN stays last
            order = np.argsort(values, kind=kind)
            return order[::-1].copy() if descending else order
        arr, _ = to_arrow(self.series(col), col["kind"])
        if pa.types.is_list(arr.type) or pa.types.is_struct(arr.type):
            arr = pa.array([None if v is None else str(v) for v in arr.to_pylist()], type=pa.string())
        order = "descending" if descending else "ascending"
        return pc.array_sort_indices(arr, order=order, null_placement="at_end").to_numpy()

    def search_mask(self, text: str) -> Any:
        """A boolean array: the rows where any shown cell contains ``text`` (any case)."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        numeric_query = re.fullmatch(r"[-+0-9.eE]+|nan|inf", text.strip(), flags=re.IGNORECASE) is not None

        def hits(col: dict[str, Any]) -> Any:
            if self.display is not None and not col["index"]:
                arr = pa.array(self.display[0].iloc[:, col["pos"]].tolist(), type=pa.string())
            elif col["kind"] in ("integer", "float", "decimal") and not numeric_query:
                return None  # a number's text has no letters
            else:
                arr, _ = to_arrow(self.series(col), col["kind"])
                arr = _searchable(arr)
            hit = pc.match_substring(arr, pattern=text, ignore_case=True)
            return hit.fill_null(False).to_numpy(zero_copy_only=False)

        mask = np.zeros(self.rows, dtype=bool)
        # pyarrow releases the GIL: columns are searched side by side.
        with ThreadPoolExecutor(max_workers=min(4, max(1, len(self.shown)))) as pool:
            for hit in pool.map(hits, self.shown):
                if hit is not None:
                    mask |= hit
        return mask

    # ---- appending (add_rows) ----------------------------------------------------------------

    def append(self, more: Any) -> int:
        """Append rows (add_rows); returns the first new row number."""
        import pandas as pd

        first = self.rows
        self.frame = pd.concat([self.frame, more]) if first else more
        self.display = None if self.display is None else _extend_display(self.display, more)
        self.version += 1
        self._numpy.clear()
        with self._lock:
            self._views.clear()
        return first

    # ---- CSV download ----------------------------------------------------------------------

    def csv(self, start: int, stop: int, sort: Any = None, search: str = "") -> tuple[int, bytes]:
        """Rows ``start:stop`` of the view as CSV (with the header for the first chunk)."""
        import numpy as np
        import pandas as pd

        order = self.view(sort, search)
        total = self.rows if order is None else len(order)
        start, stop = max(0, min(start, total)), max(0, min(stop, total))
        positions = np.arange(start, stop) if order is None else order[start:stop]
        part = self.frame.iloc[positions]
        out = pd.DataFrame({col["name"]: self.series(col, part) for col in self.shown})
        out.columns = [col["name"] for col in self.shown]
        return total, out.to_csv(index=False, header=start == 0).encode("utf-8")


def _searchable(arr: Any) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_string(arr.type):
        return arr
    if pa.types.is_timestamp(arr.type):
        return pc.strftime(arr, format="%Y-%m-%d %H:%M:%S")
    try:
        return pc.cast(arr, pa.string())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return pa.array([None if v is None else str(v) for v in arr.to_pylist()], type=pa.string())


def _extend_display(display: Any, more: Any) -> Any:
    import pandas as pd

    text, css = display
    extra_text = more.astype(str)
    extra_text.columns = text.columns
    extra_css = pd.DataFrame("", index=more.index, columns=css.columns)
    return pd.concat([text, extra_text]), pd.concat([css, extra_css])


def styler_display(styler: Any) -> tuple[Any, Any]:
    """A Styler's formatted text and each cell's CSS, as two string frames.

    Uses the Styler's own rendering (``_translate``), the one place pandas exposes the
    formatted value of every cell.
    """
    import pandas as pd

    data = styler.data
    text = pd.DataFrame("", index=range(len(data)), columns=range(data.shape[1]), dtype=object)
    css = pd.DataFrame("", index=range(len(data)), columns=range(data.shape[1]), dtype=object)
    styler._compute()
    translated = styler._translate(False, False, blank="")
    for r, row in enumerate(translated["body"]):
        cells = [c for c in row if c.get("type") == "td"]
        for c, cell in enumerate(cells[: data.shape[1]]):
            text.iat[r, c] = str(cell.get("display_value", ""))
    for (r, c), props in styler.ctx.items():
        if r < len(data) and c < data.shape[1]:
            css.iat[r, c] = ";".join(f"{k}:{v}" for k, v in props)
    return text, css
