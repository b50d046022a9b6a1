"""cache_data and the disk store, in one process: what is shared, what stays in memory."""

from __future__ import annotations

import sys
import types
import uuid

import pandas as pd
import pytest

import nbstream as st
from nbstream import config
from nbstream.caching import cached_func
from nbstream.caching.stores import DISK
from nbstream.runtime.session import AppSession

APP = "/home/me/notebook.ipynb"


@pytest.fixture(autouse=True)
def app_identity():
    """The bare session (plain notebook cells) gets the notebook's path, as a front end sets it."""
    bare = AppSession.bare()
    held, bare.app_id = bare.app_id, APP
    yield
    bare.app_id = held


def forget_memory():
    """What a new kernel of the app starts with: nothing in memory, the disk store as it is."""
    for kind in ("cache_data", "cache_resource"):
        for memory in cached_func.memory_caches(kind):
            memory.clear()


def files(cache_dir):
    return sorted(p for p in cache_dir.rglob("*.nbc"))


def test_an_entry_written_by_one_kernel_is_a_hit_for_the_next(cache_dir):
    calls = []

    @st.cache_data
    def load(n):
        calls.append(n)
        return pd.DataFrame({"a": range(n)})

    first = load(3)
    DISK.flush()
    forget_memory()
    second = load(3)
    assert calls == [3]
    pd.testing.assert_frame_equal(first, second)
    assert len(files(cache_dir)) == 1


def test_a_clear_in_another_kernel_reaches_this_kernels_memory(cache_dir):
    @st.cache_data
    def stamp():
        return uuid.uuid4().hex

    first = stamp()
    assert stamp() == first
    DISK.clear(APP)  # what st.cache_data.clear() does in another kernel of the app
    assert stamp() != first


def test_persist_false_and_the_option_keep_entries_in_memory(cache_dir):
    @st.cache_data(persist=False)
    def local():
        return 1

    local()
    assert files(cache_dir) == []
    config.set_option("cache.persist", False)

    @st.cache_data
    def by_option():
        return 2

    @st.cache_data(persist="disk")
    def forced():
        return 3

    by_option(), forced()
    assert len(files(cache_dir)) == 1


def test_without_an_app_identity_nothing_goes_to_disk(cache_dir):
    AppSession.bare().app_id = None

    @st.cache_data
    def f():
        return 1

    f()
    assert files(cache_dir) == []


def test_keys_made_with_id_stay_in_this_process(cache_dir):
    class Model:
        pass

    @st.cache_data(hash_funcs={Model: id})
    def layers(model):
        return ["conv"]

    layers(Model())
    assert files(cache_dir) == []


def test_a_value_of_a_class_defined_in_the_script_stays_in_memory(cache_dir, caplog):
    namespace = {"__name__": "__main__", "st": st, "calls": []}
    source = (
        "class Point:\n"
        "    def __init__(self, x):\n"
        "        self.x = x\n"
        "@st.cache_data\n"
        "def make():\n"
        "    calls.append(1)\n"
        "    return Point(1)\n"
    )
    exec(compile(source, "<app script>", "exec"), namespace)
    with caplog.at_level("DEBUG", logger="nbstream"):
        value = namespace["make"]()
    assert type(namespace["make"]()) is namespace["Point"] and value.x == 1
    assert namespace["calls"] == [1]
    assert files(cache_dir) == []
    assert "defined in the app script" in caplog.text


def test_a_corrupt_entry_is_recomputed_and_replaced(cache_dir):
    calls = []

    @st.cache_data
    def f():
        calls.append(1)
        return {"v": 1}

    f()
    [path] = files(cache_dir)
    path.write_bytes(b"not an entry")
    forget_memory()
    assert f() == {"v": 1} and calls == [1, 1]
    assert files(cache_dir) == [path] and path.read_bytes() != b"not an entry"


def test_an_entry_this_kernel_cannot_unpickle_is_a_miss(cache_dir, monkeypatch):
    # Another kernel stored an object of a class this kernel does not have.
    module = types.ModuleType("only_in_the_other_kernel")
    exec("class Gone:\n    pass\n", module.__dict__)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    values = [module.Gone(), {"v": 2}]

    @st.cache_data
    def f():
        return values.pop(0)

    f()
    DISK.flush()
    forget_memory()
    monkeypatch.delitem(sys.modules, module.__name__)
    assert f() == {"v": 2}  # recomputed
    forget_memory()
    assert f() == {"v": 2}  # and the new entry replaced the unreadable one


def test_clearing_a_function_removes_its_files_for_the_app(cache_dir):
    @st.cache_data
    def a():
        return 1

    @st.cache_data
    def b():
        return 2

    a(), b()
    assert len(files(cache_dir)) == 2
    a.clear()
    assert len(files(cache_dir)) == 1
    st.cache_data.clear()
    assert files(cache_dir) == []
