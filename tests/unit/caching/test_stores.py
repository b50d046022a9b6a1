"""The memory cache of a function, and the disk store kernels share."""

from __future__ import annotations

import os
import threading
import time

import numpy as np
import pandas as pd

from nbstream import config
from nbstream.caching.memory import Entry, MemoryCache
from nbstream.caching.stores import DISK, default_dir
from nbstream.caching.values import freeze

APP = "/home/me/app.ipynb"


def put(key, value, *, app=APP, function="f", created=None, max_entries=None):
    DISK.put(app, function, key, freeze(value, "f"), {"replay": None}, created or time.time(), max_entries)
    DISK.flush(timeout=30)


def get(key, *, app=APP, function="f", ttl=None):
    found = DISK.get(app, function, key, ttl)
    return None if found is None else found[0].thaw()


# ---- memory ------------------------------------------------------------------------------


def test_memory_ttl_and_least_recently_used_eviction():
    cache = MemoryCache("f")
    cache.max_entries = 2
    cache.put("a", Entry(1))
    cache.put("b", Entry(2))
    assert cache.get("a").value == 1  # a is now more recent than b
    cache.put("c", Entry(3))
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None
    cache.ttl = 10
    cache.put("old", Entry(4, created=time.time() - 11))
    assert cache.get("old") is None


def test_concurrent_computations_of_one_key_wait_for_each_other():
    cache = MemoryCache("f")
    inside, overlaps = [], []

    def work():
        with cache.computing("k"):
            if inside:
                overlaps.append(1)
            inside.append(1)
            time.sleep(0.02)
            inside.pop()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not overlaps
    assert not cache._key_locks  # released


# ---- disk ---------------------------------------------------------------------------------


def test_the_default_folder_is_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_dir() == tmp_path / "nbstream" / "cache"
    config.set_option("cache.dir", "")
    assert DISK.root() == tmp_path / "nbstream" / "cache" / "v1"


def test_the_folder_and_size_come_from_options_and_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NBSTREAM_CACHE_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("NBSTREAM_CACHE_MAX_DISK_SIZE", "7")
    config.reload()
    assert DISK.root() == tmp_path / "elsewhere" / "v1"
    assert DISK.cap_bytes() == 7 * 1024 * 1024


def test_entries_are_keyed_by_app_function_and_key(cache_dir):
    put("k", "one")
    put("k", "two", app="/home/me/other.ipynb")
    put("k", "three", function="g")
    assert get("k") == "one"
    assert get("k", app="/home/me/other.ipynb") == "two"
    assert get("k", function="g") == "three"
    assert get("missing") is None
    assert oct(os.stat(cache_dir / "v1").st_mode & 0o777) == "0o700"


def test_writes_are_atomic_and_leave_no_temporary_files(cache_dir):
    big = pd.DataFrame({"a": np.arange(300_000, dtype=float)})  # > 1 MB: a background write
    put("k", big)
    files = [p.name for p in cache_dir.rglob("*") if p.is_file()]
    assert not [n for n in files if n.endswith(".tmp")]
    pd.testing.assert_frame_equal(get("k"), big)


def test_ttl_counts_from_creation_in_every_process():
    put("k", 1, created=time.time() - 100)
    assert get("k", ttl=1000) == 1
    assert get("k", ttl=10) is None
    assert get("k", ttl=1000) is None  # the expired file was removed


def test_max_entries_keeps_the_most_recently_used(cache_dir):
    for key in ("a", "b", "c"):
        put(key, key, max_entries=3)
        time.sleep(0.01)
    assert get("a") == "a"  # touched: now the most recent
    time.sleep(0.01)
    put("d", "d", max_entries=3)
    assert get("b") is None
    assert [get(k) for k in ("a", "c", "d")] == ["a", "c", "d"]


def test_the_size_cap_removes_least_recently_used_entries(cache_dir):
    config.set_option("cache.maxDiskSize", 1)  # 1 MiB
    blob = b"x" * 300_000
    for key in ("a", "b", "c"):
        put(key, blob)
        time.sleep(0.01)
    get("a")
    time.sleep(0.01)
    put("d", blob)
    DISK.enforce_cap()
    assert get("b") is None
    assert get("a") == blob and get("d") == blob


def test_a_corrupt_entry_is_a_miss_and_is_removed(cache_dir):
    put("k", {"v": 1})
    path = DISK.entry_path(APP, "f", "k")
    path.write_bytes(b"garbage")
    assert get("k") is None
    assert not path.exists()


def test_values_the_disk_cannot_hold_stay_in_memory(cache_dir, caplog):
    namespace = {"__name__": "__main__"}
    exec("class Local:\n    pass\n", namespace)
    frozen = freeze(namespace["Local"](), "f")
    with caplog.at_level("DEBUG", logger="nbstream"):
        DISK.put(APP, "f", "k", frozen, {}, time.time(), None)
    assert DISK.get(APP, "f", "k", None) is None
    assert "stays in this kernel's memory" in caplog.text and "Local" in caplog.text
    config.set_option("cache.maxDiskSize", 0)
    with caplog.at_level("DEBUG", logger="nbstream"):
        put("big", b"x" * 100)
    assert "exceed cache.maxDiskSize" in caplog.text


def test_an_unwritable_folder_is_logged_not_raised(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    config.set_option("cache.dir", str(blocker))
    with caplog.at_level("DEBUG", logger="nbstream"):
        put("k", 1)
    assert get("k") is None
    assert "stays in this kernel's memory" in caplog.text


def test_clear_removes_files_and_moves_the_epoch():
    put("k", 1)
    put("k", 2, function="g")
    before = DISK.epoch(APP)
    DISK.clear(APP, "f")
    assert get("k") is None and get("k", function="g") == 2
    after = DISK.epoch(APP)
    assert after != before
    DISK.clear(APP)
    assert get("k", function="g") is None and DISK.epoch(APP) != after


def test_stale_temporary_files_are_swept(cache_dir):
    put("k", 1)
    stale = DISK.entry_path(APP, "f", "k").parent / ".dead.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    DISK.enforce_cap()
    assert not stale.exists()
