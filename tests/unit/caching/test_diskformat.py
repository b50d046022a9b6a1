"""Entry files: every kind of value round-trips; frames come back writable; damage is detected."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from nbstream.caching import diskformat
from nbstream.caching.values import freeze


def roundtrip(tmp_path, value, meta=None):
    path = tmp_path / "entry.nbc"
    with open(path, "wb") as f:
        diskformat.write(f, freeze(value, "f"), meta or {"replay": None}, 1234.5)
    frozen, meta, created = diskformat.read(str(path))
    assert created == 1234.5
    return frozen.thaw(), meta


@pytest.mark.parametrize(
    "value",
    [
        pd.DataFrame(
            {
                "a": np.arange(3.0),
                "b": [1, 2, 3],
                "s": ["x", "y", "z"],
                "t": pd.date_range("2024", periods=3, tz="UTC"),
            }
        ),
        pd.DataFrame({"a": [1.5, 2.5]}, index=pd.Index(["r1", "r2"], name="row")),
        pd.DataFrame(
            {"i": pd.array([1, None], dtype="Int64"), "c": pd.Categorical(["u", "v"]), "b": [True, False]}
        ),
        pd.DataFrame({7: [1, 2]}),  # a non-string column name: pickled
        pd.DataFrame({"c": [1 + 2j, 3j]}),  # complex: Arrow has no such type, pickled
        pd.DataFrame(),
    ],
)
def test_frames_round_trip(tmp_path, value):
    back, _ = roundtrip(tmp_path, value)
    pd.testing.assert_frame_equal(back, value)


def test_series_keep_their_name(tmp_path):
    value = pd.Series([1.0, 2.0], name=("x", 1))
    back, _ = roundtrip(tmp_path, value)
    pd.testing.assert_series_equal(back, value)


@pytest.mark.parametrize(
    "value",
    [
        pa.table({"a": [1, 2]}),
        pa.record_batch({"a": [1]}),
        pa.array(["x", None]),
        pa.chunked_array([[1], [2, 3]]),
    ],
)
def test_arrow_values_round_trip(tmp_path, value):
    back, _ = roundtrip(tmp_path, value)
    assert type(back) is type(value) and back.equals(value)


def test_arrays_and_pickles_round_trip(tmp_path):
    for value in (
        np.arange(6).reshape(2, 3),
        np.zeros((0, 2)),
        np.array(["a", None], dtype=object),
        {"k": [1, 2]},
        "text",
    ):
        back, _ = roundtrip(tmp_path, value)
        assert type(back) is type(value)
        assert repr(back) == repr(value)


def test_metadata_comes_back(tmp_path):
    _, meta = roundtrip(tmp_path, 1, {"replay": ["recorded"], "function": "f"})
    assert meta["replay"] == ["recorded"]


def test_a_frame_read_from_disk_is_zero_copy_writable_and_leaves_the_file_alone(tmp_path):
    frame = pd.DataFrame({"a": np.arange(100_000, dtype=float), "b": np.arange(100_000)})
    path = tmp_path / "entry.nbc"
    with open(path, "wb") as f:
        diskformat.write(f, freeze(frame, "f"), {}, 0.0)
    frozen, _, _ = diskformat.read(str(path))
    stored = frozen.frame
    column = stored["a"].to_numpy()
    assert column.base is not None and not column.flags.owndata  # a view of the mapping
    stored.loc[0, "a"] = -1.0  # the only owner writes in place: into private pages
    again, _, _ = diskformat.read(str(path))
    assert again.frame.loc[0, "a"] == 0.0


def test_damaged_files_are_reported(tmp_path):
    path = tmp_path / "entry.nbc"
    with open(path, "wb") as f:
        diskformat.write(f, freeze(pd.DataFrame({"a": [1.0, 2.0]}), "f"), {}, 0.0)
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        f.truncate(size - 10)
    with pytest.raises(diskformat.CorruptEntry):
        diskformat.read(str(path))
    path.write_bytes(b"\0" * 100)
    with pytest.raises(diskformat.CorruptEntry):
        diskformat.read(str(path))
    with pytest.raises(FileNotFoundError):
        diskformat.read(str(tmp_path / "missing.nbc"))
