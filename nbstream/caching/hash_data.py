"""Hashing NumPy, pandas, Arrow and PIL objects without importing those libraries early."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from nbstream.caching.digest import MEMO, SAMPLE_ROWS, SMALL_BYTES, blake, buffer_digest, feed_text, type_name


class Hasher(Protocol):
    """The part of ``hashing.Hasher`` these hashers call back into (for the Python values
    inside a frame or an object array); ``hashing`` imports this module, not the reverse."""

    def update(self, h: Any, obj: Any) -> None: ...


_OBJECT_ITEMS = 50_000  # object arrays up to this length are hashed item by item


def _memory_owner(arr: Any) -> Any:
    """The last ndarray in ``arr``'s chain of bases: alive as long as the memory is."""
    import numpy as np

    while isinstance(arr.base, np.ndarray):
        arr = arr.base
    return arr


def _sampled(arr: Any) -> Any:
    step = max(1, len(arr) // SAMPLE_ROWS)
    return arr[::step]


def ndarray_digest(hs: Hasher, arr: Any) -> bytes:
    """The digest of an array's contents (dtype and shape are hashed by the caller)."""
    import numpy as np

    if arr.dtype.hasobject:
        return _object_array_digest(hs, arr)
    if arr.ndim == 0:
        return arr.tobytes()

    def full() -> bytes:
        return buffer_digest(np.ascontiguousarray(arr))

    if arr.nbytes <= SMALL_BYTES:
        return full()

    def sample() -> bytes:
        return np.ascontiguousarray(_sampled(arr)).tobytes()

    layout = (arr.__array_interface__["data"][0], arr.nbytes, arr.strides, arr.dtype.str, arr.shape)
    return MEMO.digest(_memory_owner(arr), layout, full, sample)


def _object_array_digest(hs: Hasher, arr: Any) -> bytes:
    flat = arr.reshape(-1)

    def items(values: Any) -> bytes:
        h = blake()
        for item in values:
            hs.update(h, item)
        return h.digest()

    if len(flat) <= _OBJECT_ITEMS:
        return items(flat)
    import pandas as pd

    def full() -> bytes:
        # pandas hashes objects through their string form: pair it with each item's type.
        kinds = sorted({type_name(type(x)) for x in _sampled(flat)})
        return buffer_digest(pd.util.hash_array(flat, categorize=False)) + repr(kinds).encode()

    layout = (flat.__array_interface__["data"][0], len(flat), "O")
    return MEMO.digest(_memory_owner(flat), layout, full, lambda: items(_sampled(flat)))


def _numpy(hs: Hasher, h: Any, obj: Any) -> bool:
    import numpy as np

    if isinstance(obj, np.ndarray):
        feed_text(h, b"A", f"{obj.dtype.str}|{obj.shape}")
        h.update(ndarray_digest(hs, obj))
        return True
    if isinstance(obj, np.generic):
        feed_text(h, b"G", obj.dtype.str)
        h.update(ndarray_digest(hs, np.asarray(obj)) if obj.dtype.hasobject else obj.tobytes())
        return True
    if isinstance(obj, np.dtype):
        feed_text(h, b"Y", obj.str)
        return True
    if callable(obj) and hasattr(obj, "__name__"):  # ufuncs and dispatchers: np.sum, np.add
        feed_text(h, b"B", f"{getattr(obj, '__module__', None) or 'numpy'}.{obj.__name__}")
        return True
    return False


def _arrow_array_digest(arr: Any) -> bytes:
    """The digest of an Arrow Array or ChunkedArray: its type, and each chunk's buffers."""
    import numpy as np
    import pyarrow as pa

    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    h = blake()
    feed_text(h, b"R", f"{arr.type}|{len(arr)}")
    for chunk in chunks:
        h.update(f"{chunk.offset}:{len(chunk)}:{chunk.null_count}".encode())
        for buf in chunk.buffers():
            if buf is None:
                h.update(b"-")
                continue
            data = np.frombuffer(buf, dtype=np.uint8)
            h.update(buffer_digest(data) if buf.size > SMALL_BYTES else data.tobytes())
    return h.digest()


def _arrow_digest(arr: Any) -> bytes:
    # Arrow memory is immutable: a digest holds while the array object lives.
    import pyarrow as pa

    if arr.nbytes <= SMALL_BYTES:
        return _arrow_array_digest(arr)
    size = arr.nbytes if not isinstance(arr, pa.ChunkedArray) else sum(c.nbytes for c in arr.chunks)
    return MEMO.digest(arr, ("arrow", size, len(arr)), lambda: _arrow_array_digest(arr), None)


def _pyarrow(hs: Hasher, h: Any, obj: Any) -> bool:
    import pyarrow as pa

    if isinstance(obj, (pa.Table, pa.RecordBatch)):
        h.update(b"W" + obj.schema.serialize().to_pybytes())
        h.update(len(obj).to_bytes(8, "little"))
        for column in obj.columns:
            h.update(_arrow_digest(column))
        return True
    if isinstance(obj, (pa.Array, pa.ChunkedArray)):
        feed_text(h, b"w", type(obj).__name__)
        h.update(_arrow_digest(obj))
        return True
    if isinstance(obj, pa.Schema):
        h.update(b"X" + obj.serialize().to_pybytes())
        return True
    if isinstance(obj, pa.DataType):
        feed_text(h, b"x", str(obj))
        return True
    if isinstance(obj, pa.Scalar):
        feed_text(h, b"v", str(obj.type))
        hs.update(h, obj.as_py())
        return True
    return False


def _series_values_digest(hs: Hasher, values: Any) -> bytes:
    """The digest of one column's values (a pandas array), without copying it if it can."""
    import numpy as np
    import pandas as pd

    if isinstance(values, np.ndarray):
        return ndarray_digest(hs, values)
    if isinstance(values, pd.arrays.ArrowExtensionArray):  # Arrow-backed, pandas 3's str too
        return _arrow_digest(values.__arrow_array__())
    if isinstance(values, pd.Categorical):
        h = blake()
        feed_text(h, b"c", f"{values.ordered}")
        h.update(_index_digest(hs, values.categories))
        h.update(ndarray_digest(hs, values.codes))
        return h.digest()
    data, mask = getattr(values, "_data", None), getattr(values, "_mask", None)
    if isinstance(data, np.ndarray) and isinstance(mask, np.ndarray):  # nullable Int64, boolean, ...
        return ndarray_digest(hs, data) + ndarray_digest(hs, mask)
    asi8 = getattr(values, "asi8", None)  # datetimes with a time zone, periods
    if isinstance(asi8, np.ndarray):
        return ndarray_digest(hs, asi8)
    return buffer_digest(pd.util.hash_array(np.asarray(values, dtype=object), categorize=False))


def _index_digest(hs: Hasher, index: Any) -> bytes:
    import pandas as pd

    h = blake()
    feed_text(h, b"J", f"{type(index).__name__}|{index.dtype}|{len(index)}")
    hs.update(h, list(index.names))
    if isinstance(index, pd.RangeIndex):
        feed_text(h, b"g", f"{index.start},{index.stop},{index.step}")
    elif isinstance(index, pd.MultiIndex):
        for level, codes in zip(index.levels, index.codes, strict=True):
            h.update(_index_digest(hs, level))
            h.update(ndarray_digest(hs, codes))
    else:
        h.update(_series_values_digest(hs, _plain_values(index)))
    return h.digest()


def _plain_values(obj: Any) -> Any:
    """A Series' or Index's values: a NumPy view for NumPy dtypes, else the pandas array."""
    import numpy as np

    if isinstance(obj.dtype, np.dtype):
        return obj.to_numpy()
    return obj.array


def _pandas(hs: Hasher, h: Any, obj: Any) -> bool:
    import pandas as pd

    if isinstance(obj, pd.DataFrame):
        h.update(b"Q" + f"{obj.shape}".encode())
        h.update(_index_digest(hs, obj.columns))
        h.update(_index_digest(hs, obj.index))
        for i in range(obj.shape[1]):
            ser = obj.iloc[:, i]
            feed_text(h, b"k", str(ser.dtype))
            h.update(_series_values_digest(hs, _plain_values(ser)))
        return True
    if isinstance(obj, pd.Series):
        feed_text(h, b"q", str(obj.dtype))
        hs.update(h, obj.name)
        h.update(_index_digest(hs, obj.index))
        h.update(_series_values_digest(hs, _plain_values(obj)))
        return True
    if isinstance(obj, pd.Index):
        h.update(_index_digest(hs, obj))
        return True
    if isinstance(obj, pd.api.extensions.ExtensionArray):
        feed_text(h, b"j", str(obj.dtype))
        h.update(_series_values_digest(hs, obj))
        return True
    scalars = (pd.Timestamp, pd.Timedelta, pd.Period, pd.Interval, pd.DateOffset)
    if isinstance(obj, scalars) or obj is pd.NaT or obj is pd.NA:
        feed_text(h, b"K", f"{type_name(type(obj))}|{obj!r}")
        return True
    return False


def _pil(hs: Hasher, h: Any, obj: Any) -> bool:
    if not hasattr(obj, "tobytes") or not hasattr(obj, "mode") or not hasattr(obj, "size"):
        return False
    feed_text(h, b"H", f"{obj.mode}|{obj.size}")
    h.update(buffer_digest(obj.tobytes()))
    return True


BY_MODULE: dict[str, Callable[[Hasher, Any, Any], bool]] = {
    "numpy": _numpy,
    "pandas": _pandas,
    "pyarrow": _pyarrow,
    "PIL": _pil,
}
