"""A declared component's data, both ways.

Python -> frame: ``args`` are JSON values; ``bytes`` stay bytes (binary buffers on the
wire); DataFrames, numpy arrays and Arrow tables travel as Arrow IPC (``dfs``, as
Streamlit's component library reads them).

Frame -> Python: the browser sends ``{"json": value}``, ``{"bytes": base64}`` or
``{"dataframe": base64 Arrow IPC}``; ``ComponentSerde`` validates it (JSON types only,
sizes bounded by the bridge) and turns it into the value the script gets.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

MAX_BYTES = 50 * 1024 * 1024  # Streamlit's default server.maxMessageSize


class MarshallComponentException(StreamlitAPIException):
    """Raised when a component's arguments cannot be sent to its front end."""


def _is_frame_like(value: Any) -> bool:
    return type(value).__module__.split(".")[0] in ("pandas", "numpy", "pyarrow", "polars")


def to_arrow_ipc(value: Any, *, index: bool = True) -> bytes:
    """A DataFrame-like value (pandas, numpy, pyarrow, polars) as one Arrow IPC stream;
    ``index=False`` leaves a pandas index out (the component library reads it apart)."""
    import pyarrow as pa

    if isinstance(value, pa.Table):
        table = value
    elif type(value).__module__.startswith("numpy"):
        import pandas as pd

        table = pa.Table.from_pandas(pd.DataFrame(value), preserve_index=index)
    elif hasattr(value, "to_arrow"):
        table = value.to_arrow()
    else:
        import pandas as pd

        table = pa.Table.from_pandas(pd.DataFrame(value), preserve_index=index)
    table = _without_large_types(table)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _without_large_types(table: Any) -> Any:
    """Large strings and binaries (pandas 3's default strings) as their 32-bit forms: the
    Arrow readers bundled in published components (apache-arrow 0.x-4.x) cannot read them."""
    import pyarrow as pa

    fields = []
    for f in table.schema:
        if pa.types.is_large_string(f.type):
            f = f.with_type(pa.string())
        elif pa.types.is_large_binary(f.type):
            f = f.with_type(pa.binary())
        fields.append(f)
    schema = pa.schema(fields, metadata=table.schema.metadata)
    return table if schema.equals(table.schema) else table.cast(schema)


def _single_column_ipc(name: str, values: list[Any]) -> bytes:
    import pyarrow as pa

    return to_arrow_ipc(pa.table({name: pa.array([str(v) for v in values])}))


def marshall_args(kwargs: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Split a component call's arguments into JSON args (bytes kept as bytes) and Arrow
    dataframes; raise ``MarshallComponentException`` for anything else."""
    args: dict[str, Any] = {}
    dfs: list[dict[str, Any]] = []
    for name, value in kwargs.items():
        if _is_frame_like(value) and not isinstance(value, (bool, int, float)):
            columns = list(getattr(value, "columns", [])) if hasattr(value, "columns") else []
            index = list(getattr(value, "index", [])) if hasattr(value, "index") else []
            dfs.append(
                {
                    "key": name,
                    "data": to_arrow_ipc(value, index=False),
                    "index": _single_column_ipc("index", index),
                    "columns": _single_column_ipc("columns", columns),
                }
            )
        elif isinstance(value, (bytes, bytearray, memoryview)):
            args[name] = bytes(value)
        else:
            try:
                args[name] = json.loads(json.dumps(value, allow_nan=True))
            except (TypeError, ValueError) as exc:
                raise MarshallComponentException(f"Could not convert component args to JSON: {exc}") from exc
    return args, dfs


class ComponentSerde:
    """A declared component's value between the script and the browser."""

    def serialize(self, value: Any) -> dict[str, Any]:
        if isinstance(value, (bytes, bytearray, memoryview)):
            return {"bytes": base64.b64encode(bytes(value)).decode("ascii")}
        if _is_frame_like(value) and hasattr(value, "columns"):
            return {"dataframe": base64.b64encode(to_arrow_ipc(value)).decode("ascii")}
        try:
            return {"json": json.loads(json.dumps(value))}
        except (TypeError, ValueError) as exc:
            raise ValueError(f"a component value must be JSON, bytes or a DataFrame ({exc})") from exc

    def deserialize(self, wire: Any) -> Any:
        if not isinstance(wire, dict) or len(wire) != 1:
            raise InvalidWireValue("a component value is one of {json}, {bytes}, {dataframe}")
        ((kind, payload),) = wire.items()
        if kind == "json":
            _check_json(payload, 0)
            return payload
        if kind in ("bytes", "dataframe"):
            data = _b64(payload)
            return data if kind == "bytes" else _read_arrow(data)
        raise InvalidWireValue(f"unknown component value type {str(kind)[:40]!r}")


def _check_json(value: Any, depth: int) -> None:
    """Only the types JSON.parse produces (the bridge already bounds size and depth)."""
    if depth > 32:
        raise InvalidWireValue("a component value nested too deep")
    if value is None or isinstance(value, (bool, int, str)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidWireValue("a component value with a non-finite number")
        return
    if isinstance(value, list):
        for item in value:
            _check_json(item, depth + 1)
        return
    if isinstance(value, dict):
        for name, item in value.items():
            if not isinstance(name, str):
                raise InvalidWireValue("a component value with a non-string key")
            _check_json(item, depth + 1)
        return
    raise InvalidWireValue(f"a component value of type {type(value).__name__}")


def _b64(payload: Any) -> bytes:
    if not isinstance(payload, str) or len(payload) > MAX_BYTES * 4 // 3 + 4:
        raise InvalidWireValue("component bytes must be a base64 string within the size limit")
    try:
        return base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidWireValue(f"component bytes are not base64 ({exc})") from None


def _read_arrow(data: bytes) -> Any:
    import pyarrow as pa

    try:
        with pa.ipc.open_stream(data) as reader:
            table = reader.read_all()
    except (pa.ArrowInvalid, pa.ArrowException, OSError, ValueError) as exc:
        raise InvalidWireValue(f"a component dataframe that is not Arrow IPC ({exc})") from None
    return table.to_pandas()


COMPONENT = ComponentSerde()
