"""The hasher: what is told apart, what is equal, what is unhashable, big data."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import decimal
import enum
import functools
import io
import json
import subprocess
import sys
import textwrap
import uuid
import zoneinfo

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import pytz

from nbstream.caching import digest
from nbstream.caching.hashing import Hasher, HashFuncFailed, Unhashable


def h(obj, **kwargs):
    return Hasher(**kwargs).digest(obj)


class Color(enum.Enum):
    RED = 1
    BLUE = 2


@dataclasses.dataclass
class Point:
    x: int
    y: list


class Plain:
    def __init__(self, score):
        self.score = score


def test_values_that_print_alike_are_told_apart():
    values = [1, 1.0, True, "1", b"1", None, 0, False, "", (), [], {}, (1,), [1], {1}, frozenset({1}), 1 + 0j]
    assert len({h(v) for v in values}) == len(values)


def test_equal_values_hash_equal():
    for make in (
        lambda: [1, "a", (2.5, None)],
        lambda: {"a": [1, 2], "b": {"c": 3}},
        lambda: dt.datetime(2024, 5, 1, 12, 30),
        lambda: decimal.Decimal("1.10"),
        lambda: uuid.UUID(int=5),
        lambda: Point(1, [2, 3]),
        lambda: Color.RED,
        lambda: np.arange(10),
        lambda: pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}),
        lambda: pa.table({"a": [1, 2]}),
        lambda: collections.OrderedDict(a=1),
        lambda: range(3),
    ):
        assert h(make()) == h(make())


def test_dict_order_counts_but_set_order_does_not():
    assert h({"a": 1, "b": 2}) != h({"b": 2, "a": 1})  # the function may iterate it
    assert h({"x", "y", "z"}) == h({"z", "y", "x"})


def test_long_lists_of_primitives_keep_their_types():
    assert h(list(range(100))) != h([float(i) for i in range(100)])
    assert h(list(range(100))) != h([str(i) for i in range(100)])


def test_named_tuples_and_subclasses_count_their_type():
    Pair = collections.namedtuple("Pair", "a b")
    assert h(Pair(1, 2)) != h((1, 2))

    class Name(str):
        pass

    assert h(Name("x")) != h("x")


def test_datetimes_with_time_zones():
    naive = dt.datetime(2024, 1, 1, 9)
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    aware = naive.replace(tzinfo=berlin)
    assert h(naive) != h(aware)
    assert h(aware) != h(naive.replace(tzinfo=zoneinfo.ZoneInfo("Europe/Paris")))
    # pytz and zoneinfo name the same zone: the same instant in the same zone hashes alike
    assert h(pytz.timezone("Europe/Berlin").localize(naive)) == h(aware)
    assert h(pytz.timezone("Europe/Berlin").localize(naive)) != h(pytz.timezone("UTC").localize(naive))
    assert h(dt.datetime(2024, 1, 1, tzinfo=dt.UTC)) != h(
        dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    )
    assert h(dt.date(2024, 1, 1)) != h(dt.datetime(2024, 1, 1))
    assert h(dt.time(9, 30)) != h(dt.time(9, 30, tzinfo=berlin))
    assert h(dt.timedelta(days=1)) == h(dt.timedelta(hours=24))
    assert h(pd.Timestamp("2024-01-01", tz="UTC")) != h(pd.Timestamp("2024-01-01"))


def test_enums_dataclasses_and_classes():
    assert h(Color.RED) != h(Color.BLUE)
    assert h(Point(1, [2])) != h(Point(1, [3]))
    assert h(Plain) != h(Point)


def test_functions_hash_by_name_and_source():
    def a(x):
        return x + 1

    def b(x):
        return x + 2

    assert h(a) != h(b)
    assert h(a) == h(a)
    assert h(len) != h(abs)
    assert h(str.upper) != h(str.lower)
    assert h(functools.partial(a, 1)) != h(functools.partial(a, 2))
    assert h(np.sum) != h(np.mean)


def test_files_hash_by_name_size_time_and_position(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("a,b\n1,2\n")
    with open(path) as f1, open(path) as f2:
        assert h(f1) == h(f2)
        f2.readline()
        assert h(f1) != h(f2)
    assert h(io.BytesIO(b"abc")) == h(io.BytesIO(b"abc"))
    assert h(io.BytesIO(b"abc")) != h(io.BytesIO(b"abd"))
    assert h(io.StringIO("abc")) != h(io.BytesIO(b"abc"))


def test_numpy_pandas_arrow():
    assert h(np.arange(3)) != h(np.arange(3.0))
    assert h(np.arange(6).reshape(2, 3)) != h(np.arange(6).reshape(3, 2))
    assert h(np.array(["a", None], dtype=object)) == h(np.array(["a", None], dtype=object))
    assert h(np.float64(1.5)) != h(1.5)
    frame = pd.DataFrame(
        {
            "a": [1, 2],
            "s": ["x", "y"],
            "c": pd.Categorical(["u", "v"]),
            "i": pd.array([1, None], dtype="Int64"),
        }
    )
    assert h(frame) == h(frame.copy())
    assert h(frame) != h(frame.rename(columns={"a": "z"}))
    assert h(frame) != h(frame.set_index("a"))
    changed = frame.copy()
    changed.loc[1, "s"] = "w"
    assert h(frame) != h(changed)
    assert h(frame["a"]) != h(frame["a"].rename("b"))
    assert h(pd.Index([1, 2])) != h(pd.Index([1, 3]))
    assert h(pa.table({"a": [1, 2]})) != h(pa.table({"a": [1, 3]}))
    assert h(pa.array([1, 2])) != h(pa.chunked_array([[1, 2]]))


def test_custom_objects_are_unhashable():
    with pytest.raises(Unhashable):
        h(Plain(1))
    with pytest.raises(Unhashable):
        h([1, {"k": Plain(1)}])


def test_hash_funcs_by_type_by_name_and_by_base_class():
    assert h(Plain(1), hash_funcs={Plain: lambda p: p.score}) == h(
        Plain(1), hash_funcs={Plain: lambda p: p.score}
    )
    assert h(Plain(1), hash_funcs={Plain: lambda p: p.score}) != h(
        Plain(2), hash_funcs={Plain: lambda p: p.score}
    )
    name = f"{Plain.__module__}.{Plain.__qualname__}"
    assert h(Plain(1), hash_funcs={name: lambda p: p.score}) == h(
        Plain(1), hash_funcs={Plain: lambda p: p.score}
    )

    class Child(Plain):
        pass

    assert h(Child(3), hash_funcs={Plain: lambda p: p.score}) == h(
        Plain(3), hash_funcs={Plain: lambda p: p.score}
    )
    # a hash func overrides the default hashing of a type nbstream knows
    by_minute = {dt.datetime: lambda d: d.strftime("%H:%M")}
    assert h(dt.datetime(2024, 1, 1, 9, 30, 1), hash_funcs=by_minute) == h(
        dt.datetime(2024, 1, 1, 9, 30, 59), hash_funcs=by_minute
    )


def test_a_failing_hash_func_is_reported():
    def broken(obj):
        raise ValueError("boom")

    with pytest.raises(HashFuncFailed) as info:
        h(Plain(1), hash_funcs={Plain: broken})
    assert info.value.func is broken


def test_id_as_hash_func_makes_the_key_process_local():
    hasher = Hasher({Plain: id})
    hasher.digest(Plain(1))
    assert hasher.process_local
    assert not Hasher({Plain: lambda p: p.score}).process_local


def test_cycles_do_not_recurse_forever():
    a = [1]
    a.append(a)
    assert h(a) == h(a)


def test_digests_are_the_same_in_another_process():
    # The disk store is shared by kernels: keys must not depend on hash randomization.
    values = {
        "set": {"alpha", "beta", "gamma", "delta"},
        "frozen": frozenset({"x", "y"}),
        "dict": {"b": 1, "a": [1.5, None]},
        "when": dt.datetime(2024, 1, 1, 9, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")),
        "frame": pd.DataFrame({"a": [1, 2], "s": ["x", "y"]}),
        "array": np.arange(5),
        "color": Color.RED,
    }
    here = {name: h(value).hex() for name, value in values.items()}
    script = textwrap.dedent(
        """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        import test_hashing as t
        values = {
            "set": {"alpha", "beta", "gamma", "delta"},
            "frozen": frozenset({"x", "y"}),
            "dict": {"b": 1, "a": [1.5, None]},
            "when": t.dt.datetime(2024, 1, 1, 9, tzinfo=t.zoneinfo.ZoneInfo("Europe/Berlin")),
            "frame": t.pd.DataFrame({"a": [1, 2], "s": ["x", "y"]}),
            "array": t.np.arange(5),
            "color": t.Color.RED,
        }
        print(json.dumps({name: t.h(value).hex() for name, value in values.items()}))
        """
    )
    import os

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", script, os.path.dirname(__file__)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert json.loads(out.stdout) == here


# ---- big data -----------------------------------------------------------------------------


@pytest.fixture
def small_threshold(monkeypatch):
    """Treat arrays above 8 KiB as big, so the memo is tested with small data."""
    from nbstream.caching import hash_data

    monkeypatch.setattr(digest, "SMALL_BYTES", 8 * 1024)
    monkeypatch.setattr(hash_data, "SMALL_BYTES", 8 * 1024)
    digest.clear_memo()
    yield
    digest.clear_memo()


def test_a_big_frame_is_hashed_in_full_once_then_by_sample(small_threshold, monkeypatch):
    frame = pd.DataFrame(np.random.default_rng(0).random((100_000, 2)), columns=["a", "b"])
    calls = []
    real = digest.buffer_digest
    monkeypatch.setattr(
        "nbstream.caching.hash_data.buffer_digest", lambda data: calls.append(1) or real(data)
    )
    first = h(frame)
    full_reads = len(calls)
    assert full_reads >= 2  # one per column
    assert h(frame) == first
    assert h(frame.copy(deep=False)) == first  # a copy-on-write copy shares the memory
    assert len(calls) == full_reads  # no full read again


def test_a_new_frame_is_hashed_in_full_so_any_change_is_seen(small_threshold):
    frame = pd.DataFrame({"a": np.arange(100_000, dtype=float)})
    first = h(frame)
    copy = frame.copy()
    copy.iloc[12_345, 0] = -1.0  # a row the sample skips
    assert h(copy) != first
    assert h(frame.copy()) == first


def test_an_in_place_edit_of_a_sampled_row_is_seen(small_threshold):
    arr = np.arange(100_000, dtype=float)
    first = h(arr)
    arr[0] = -1.0  # row 0 is always in the sample
    assert h(arr) != first


def test_the_memo_never_trusts_reused_memory(small_threshold):
    first = h(np.zeros(100_000))
    second = h(np.ones(100_000))  # may get the first array's address once it is freed
    assert first != second
    assert h(np.zeros(100_000)) == first


def test_hash_funcs_apply_inside_long_lists_too():
    by_parity = {int: lambda i: i % 2}
    assert h(list(range(100)), hash_funcs=by_parity) == h([i + 2 for i in range(100)], hash_funcs=by_parity)
    assert h(list(range(100))) != h([i + 2 for i in range(100)])
