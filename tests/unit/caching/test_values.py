"""What cache_data keeps of a value, and that every caller's copy is its own."""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from nbstream.caching.values import Array, Arrow, Frame, Immutable, Pickled, freeze
from nbstream.errors import UnserializableReturnValueError


def test_immutable_values_are_kept_as_they_are():
    for value in (None, 1, 2.5, "s", b"b", (1, ("a", None)), frozenset({1})):
        frozen = freeze(value, "f")
        assert isinstance(frozen, Immutable)
        assert frozen.thaw() is value


def test_a_frame_copy_is_mutation_safe_and_shares_memory_until_written():
    frame = pd.DataFrame({"a": np.arange(5.0), "s": list("abcde")})
    frozen = freeze(frame, "f")
    assert isinstance(frozen, Frame)
    frame.loc[0, "a"] = 100.0  # the caller's own value, after the miss
    first, second = frozen.thaw(), frozen.thaw()
    assert first.loc[0, "a"] == 0.0
    assert np.shares_memory(first["a"].to_numpy(), second["a"].to_numpy())
    first.loc[1, "a"] = -1.0
    del first["s"]
    assert second.loc[1, "a"] == 1.0 and list(second.columns) == ["a", "s"]
    assert frozen.thaw().equals(pd.DataFrame({"a": np.arange(5.0), "s": list("abcde")}))


def test_series_are_copy_on_write_too():
    frozen = freeze(pd.Series([1, 2, 3], name="n"), "f")
    copy = frozen.thaw()
    copy.iloc[0] = 9
    assert frozen.thaw().tolist() == [1, 2, 3]


def test_object_columns_are_pickled_because_their_items_may_be_mutable():
    frame = pd.DataFrame({"lists": [[1], [2]]})
    frozen = freeze(frame, "f")
    assert isinstance(frozen, Pickled)
    copy = frozen.thaw()
    copy.loc[0, "lists"].append(99)
    assert frozen.thaw().loc[0, "lists"] == [1]


def test_arrays_are_copied():
    frozen = freeze(np.arange(4), "f")
    assert isinstance(frozen, Array)
    copy = frozen.thaw()
    copy[0] = 42
    assert frozen.thaw()[0] == 0


def test_arrow_data_is_immutable_and_shared():
    table = pa.table({"a": [1, 2]})
    frozen = freeze(table, "f")
    assert isinstance(frozen, Arrow)
    assert frozen.thaw() is table


def test_other_values_are_pickled_copies():
    value = {"rows": [1, 2, 3]}
    frozen = freeze(value, "f")
    copy = frozen.thaw()
    copy["rows"].append(4)
    assert frozen.thaw() == {"rows": [1, 2, 3]}


def test_unpicklable_values_raise_as_in_streamlit():
    with pytest.raises(
        UnserializableReturnValueError,
        match=r"Cannot serialize the return value \(of type `_thread.lock`\) in `make\(\)`",
    ):
        freeze(threading.Lock(), "make")
    with pytest.raises(UnserializableReturnValueError):
        freeze(lambda: 1, "make")


def test_classes_of_the_app_script_are_found_by_name_in_the_current_run():
    namespace: dict = {"__name__": "__main__"}
    exec("class Point:\n    def __init__(self, x):\n        self.x = x\n", namespace)
    frozen = freeze(namespace["Point"](3), "f")
    assert isinstance(frozen, Pickled) and not frozen.portable and "Point" in frozen.reason
    rerun: dict = {"__name__": "__main__"}
    exec("class Point:\n    def __init__(self, x):\n        self.x = x\n", rerun)
    copy = frozen.thaw(rerun)
    assert type(copy) is rerun["Point"] and copy.x == 3
    assert type(frozen.thaw({})) is namespace["Point"]  # no namespace: the class it was made with
