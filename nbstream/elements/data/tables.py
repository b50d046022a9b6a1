"""``TableSource``: the data of one table element and the windows of rows it serves, sorted and searched.

A ``TableSource`` holds the element's DataFrame (``frames.to_dataframe``) for the life
of the element and answers the browser's questions: a window of rows as Arrow IPC, in
some sort order, filtered by a search.  The browser never holds more than the windows it
shows, so a 10M-row frame costs the first paint one small window (see
``benchmarks/dataframe.py``).

Sorting and search run here with pyarrow compute over the whole column, so they work
at any size; the resulting row order (a permutation) is kept for the next windows.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from nbstream.elements.data.arrow import ipc_bytes, to_arrow
from nbstream.elements.data.frames import extend_display

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


def pd_series(values: Any) -> Any:
    import pandas as pd

    return pd.Series(values, copy=False)


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
        self.display = None if self.display is None else extend_display(self.display, more)
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
