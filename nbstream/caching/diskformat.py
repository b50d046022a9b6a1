"""The file of one disk-store entry: the value, then a little metadata, then a trailer.

::

    [payload][meta: pickle][trailer: magic, kind, created, payload and meta sizes]

The payload starts at offset 0, so it is page-aligned when the file is memory-mapped:

* ``F``/``S`` -- a pandas DataFrame / Series as an Arrow IPC file.  It is read back
  memory-mapped and turned into pandas without copying; the columns of plain NumPy
  dtypes are then re-pointed at a private (copy-on-write) mapping of the same pages, so
  the frame is writable like any other while the file is never written (the kernel
  copies a page on its first write).
* ``T``/``B``/``A``/``C`` -- an Arrow Table / RecordBatch / Array / ChunkedArray as an
  Arrow IPC file, read back memory-mapped (Arrow data is immutable).
* ``N`` -- a NumPy array's bytes, read back through a private mapping.
* ``P`` -- a pickle.

Arrow payloads cannot run code when read; pickles (``P``, and the metadata, which holds
the replayed elements) can: the store's folder is created private to its user, and a
file owned by another user is never loaded.

Any problem while reading raises ``CorruptEntry``: the store counts it as a miss and
removes the file.

``dumps`` / ``loads`` are the same format as bytes, for stores that keep entries
elsewhere than in files (the Redis store).
"""

from __future__ import annotations

import io
import mmap
import os
import pickle
import struct
from typing import Any, BinaryIO

from nbstream.caching.values import Array, Arrow, Frame, Frozen, Pickled, copy_on_write

MAGIC = b"NBSC1"
_TRAILER = struct.Struct("<5sc2xdQQ")  # magic, kind, created, payload size, meta size


class CorruptEntry(Exception):
    """An entry file that cannot be read (torn, truncated, from another version, ...)."""


# ---- writing -----------------------------------------------------------------------------


def write(f: BinaryIO, frozen: Frozen, meta: dict[str, Any], created: float) -> None:
    """Write an entry to ``f`` (an open, empty file); raise if the value has no disk form."""
    kind, payload_meta, write_payload = _payload(frozen)
    start = f.tell()
    write_payload(f)
    payload_size = f.tell() - start
    meta_bytes = pickle.dumps({**meta, **payload_meta}, protocol=5)
    f.write(meta_bytes)
    f.write(_TRAILER.pack(MAGIC, kind, created, payload_size, len(meta_bytes)))


def dumps(frozen: Frozen, meta: dict[str, Any], created: float) -> bytes:
    """An entry as bytes, in the format ``write`` writes; raise if the value has no such form."""
    out = io.BytesIO()
    write(out, frozen, meta, created)
    return out.getvalue()


def _payload(frozen: Frozen) -> tuple[bytes, dict[str, Any], Any]:
    if isinstance(frozen, Frame):
        import pandas as pd

        frame, meta = frozen.frame, {}
        kind = b"F"
        if isinstance(frame, pd.Series):
            kind, meta = b"S", {"series_name": frame.name}
            frame = frame.to_frame(name="__nbstream_series__")
        table = _arrow_table(frame)
        if table is not None:
            return kind, meta, lambda f: _write_arrow(f, table)
    elif isinstance(frozen, Arrow):
        import pyarrow as pa

        value = frozen.value
        kinds = {pa.Table: b"T", pa.RecordBatch: b"B", pa.Array: b"A", pa.ChunkedArray: b"C"}
        kind = next(k for t, k in kinds.items() if isinstance(value, t))
        if kind == b"B":
            table = pa.Table.from_batches([value])
        elif kind in (b"A", b"C"):
            table = pa.table({"values": value})
        else:
            table = value
        return kind, {}, lambda f: _write_arrow(f, table)
    elif isinstance(frozen, Array) and frozen.array.dtype.fields is None:
        array = frozen.array
        meta = {"dtype": array.dtype.str, "shape": array.shape}
        return (
            b"N",
            meta,
            lambda f: f.write(
                _contiguous(array).tobytes() if array.size == 0 else memoryview(_contiguous(array)).cast("B")
            ),
        )
    # A frame whose dtypes do not survive Arrow, an exotic array: pickle it.
    data = frozen.data if isinstance(frozen, Pickled) else pickle.dumps(frozen.thaw(), protocol=5)
    return b"P", {"frozen": type(frozen).__name__}, lambda f: f.write(data)


def _contiguous(array: Any) -> Any:
    import numpy as np

    return np.ascontiguousarray(array)


def _arrow_table(frame: Any) -> Any:
    """The frame as an Arrow table, or None when Arrow would not give it back unchanged."""
    import pyarrow as pa

    if not frame.columns.is_unique or not all(isinstance(name, str) for name in frame.columns):
        return None  # Arrow would turn the names into strings
    head = frame.head(3)
    try:
        back = pa.Table.from_pandas(head, preserve_index=None, nthreads=1).to_pandas(use_threads=False)
    except (pa.ArrowException, TypeError, ValueError):
        return None
    same = (
        back.columns.equals(head.columns)
        and list(back.dtypes) == list(head.dtypes)
        and type(back.index) is type(head.index)
        and back.index.dtype == head.index.dtype
        and back.equals(head)
    )
    return pa.Table.from_pandas(frame, preserve_index=None, nthreads=1) if same else None


def _write_arrow(f: BinaryIO, table: Any) -> None:
    import pyarrow as pa

    sink = pa.PythonFile(f, mode="w")
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


# ---- reading -----------------------------------------------------------------------------


def read(path: str) -> tuple[Frozen, dict[str, Any], float]:
    """Read an entry: its value, its metadata and when it was created.

    Raises ``FileNotFoundError`` when there is no entry, ``CorruptEntry`` when there is
    one that cannot be read.
    """
    f = open(path, "rb")  # noqa: SIM115 - FileNotFoundError means no entry, not a corrupt one
    try:
        with f:
            info = os.fstat(f.fileno())
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                raise CorruptEntry("written by another user: not loaded (pickles can run code)")
            size = info.st_size
            if size < _TRAILER.size:
                raise CorruptEntry("too short")
            f.seek(size - _TRAILER.size)
            kind, created, payload_size, meta_size = _trailer(f.read(_TRAILER.size), size)
            f.seek(payload_size)
            meta = pickle.loads(f.read(meta_size))
            if kind == b"P":
                f.seek(0)
                return Pickled(f.read(payload_size)), meta, created
            mapped = mmap.mmap(f.fileno(), size, access=mmap.ACCESS_COPY) if payload_size else None
        return _read_mapped(kind, mapped, payload_size, meta), meta, created
    except CorruptEntry:
        raise
    except Exception as exc:  # whatever a damaged or foreign file makes the readers raise
        raise CorruptEntry(f"{type(exc).__name__}: {exc}") from exc


def loads(data: bytes) -> tuple[Frozen, dict[str, Any], float]:
    """Read an entry from the bytes ``dumps`` made; ``CorruptEntry`` when they cannot be read."""
    try:
        # One writable copy: the frame's columns then point into it, as they point into
        # the private mapping of a file, and a caller may write to them.
        buffer = bytearray(data)
        kind, created, payload_size, meta_size = _trailer(bytes(buffer[-_TRAILER.size :]), len(buffer))
        meta = pickle.loads(buffer[payload_size : payload_size + meta_size])
        if kind == b"P":
            return Pickled(bytes(buffer[:payload_size])), meta, created
        return _read_mapped(kind, buffer if payload_size else None, payload_size, meta), meta, created
    except CorruptEntry:
        raise
    except Exception as exc:  # whatever damaged bytes make the readers raise
        raise CorruptEntry(f"{type(exc).__name__}: {exc}") from exc


def _trailer(tail: bytes, size: int) -> tuple[bytes, float, int, int]:
    if size < _TRAILER.size or len(tail) != _TRAILER.size:
        raise CorruptEntry("too short")
    magic, kind, created, payload_size, meta_size = _TRAILER.unpack(tail)
    if magic != MAGIC or payload_size + meta_size + _TRAILER.size != size:
        raise CorruptEntry("bad trailer")
    return kind, created, payload_size, meta_size


def _read_mapped(kind: bytes, mapped: Any, payload_size: int, meta: dict[str, Any]) -> Frozen:
    import numpy as np

    if kind == b"N":
        dtype = np.dtype(meta["dtype"])
        count = int(np.prod(meta["shape"], dtype=np.int64))
        if count == 0 or mapped is None:
            return Array(np.empty(meta["shape"], dtype=dtype))
        return Array(np.frombuffer(mapped, dtype=dtype, count=count).reshape(meta["shape"]))
    import pyarrow as pa

    table = pa.ipc.open_file(pa.py_buffer(mapped)[:payload_size]).read_all()
    if kind in (b"F", b"S"):
        frame = _writable(table.to_pandas(split_blocks=True), mapped)
        if kind == b"S":
            frame = frame.iloc[:, 0].rename(meta.get("series_name"))
        return Frame(frame, copy_on_write())
    if kind == b"T":
        return Arrow(table)
    if kind == b"B":
        batches = table.combine_chunks().to_batches()
        return Arrow(batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema))
    column = table.column(0)
    if kind == b"A":
        return Arrow(column.combine_chunks())
    if kind == b"C":
        return Arrow(column)
    raise CorruptEntry(f"unknown kind {kind!r}")


def _writable(frame: Any, mapped: Any) -> Any:
    """The same frame with every column writable and no byte copied where it can be.

    Arrow hands out read-only NumPy views of the mapping; pandas cannot write into a
    read-only column it does not share.  Columns of plain dtypes are re-pointed at the
    same bytes of ``mapped``, a private writable mapping; other columns that are not
    Arrow-backed (immutable by design) are copied.
    """
    import numpy as np
    import pandas as pd

    base = np.frombuffer(mapped, dtype=np.uint8)
    start0 = base.__array_interface__["data"][0]
    columns = {}
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        if isinstance(column.dtype, np.dtype) and column.dtype.kind in "biufcmM":
            values = column.to_numpy()
            offset = values.__array_interface__["data"][0] - start0
            if not values.flags.writeable:
                inside = offset >= 0 and offset + values.nbytes <= base.nbytes and values.flags.c_contiguous
                if inside:
                    values = np.frombuffer(mapped, dtype=values.dtype, count=values.size, offset=offset)
                else:
                    values = values.copy()
            columns[i] = values
        elif isinstance(column.array, pd.arrays.ArrowExtensionArray):
            columns[i] = column.array
        else:
            columns[i] = column.array.copy()
    result = pd.DataFrame(columns, index=frame.index, copy=False)
    result.columns = frame.columns
    result.attrs = frame.attrs
    return result
