"""A component's value from the browser is validated like any widget's: JSON types only,
bytes and Arrow tables only in their declared envelopes; anything else is refused."""

from __future__ import annotations

import base64

import pandas as pd
import pytest

from nbstream.elements.components.values import COMPONENT, marshall_args, to_arrow_ipc
from nbstream.runtime.widgets import InvalidWireValue


@pytest.mark.parametrize(
    "value",
    [None, 1, 2.5, "x", True, [1, {"a": None}], {"k": ["v"]}],
)
def test_json_values_round_trip(value):
    assert COMPONENT.deserialize(COMPONENT.serialize(value)) == value


def test_bytes_and_frames_round_trip():
    assert COMPONENT.deserialize(COMPONENT.serialize(b"\x00\xff")) == b"\x00\xff"
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    back = COMPONENT.deserialize(COMPONENT.serialize(frame))
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)


@pytest.mark.parametrize(
    "wire",
    [
        None,
        3,
        "json",
        [],
        {},
        {"json": 1, "bytes": ""},
        {"pickle": "gASVAAAA"},
        {"json": float("nan")},
        {"json": float("inf")},
        {"json": {1: "non-string key"}},
        {"json": object()},
        {"json": (1, 2)},
        {"bytes": 5},
        {"bytes": "not base64!"},
        {"dataframe": base64.b64encode(b"not arrow").decode()},
        {"dataframe": 7},
    ],
)
def test_anything_else_is_refused(wire):
    with pytest.raises(InvalidWireValue):
        COMPONENT.deserialize(wire)


def test_too_deep_json_is_refused():
    deep: object = 1
    for _ in range(40):
        deep = [deep]
    with pytest.raises(InvalidWireValue):
        COMPONENT.deserialize({"json": deep})


def test_args_split_into_json_bytes_and_arrow_frames():
    args, dfs = marshall_args({"a": 1, "raw": bytearray(b"ab"), "df": pd.DataFrame({"x": ["s"]})})
    assert args == {"a": 1, "raw": b"ab"}
    assert [d["key"] for d in dfs] == ["df"]
    assert {"data", "index", "columns"} <= set(dfs[0])


def test_arrow_args_use_32_bit_strings_older_readers_understand():
    import pyarrow as pa

    data = to_arrow_ipc(pd.DataFrame({"s": pd.Series(["a", "b"], dtype="str")}), index=False)
    with pa.ipc.open_stream(data) as reader:
        assert reader.schema.field("s").type == pa.string()
