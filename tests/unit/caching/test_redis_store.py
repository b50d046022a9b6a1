"""The Redis cache store against a real redis-server: two replicas share st.cache_data.

Each "replica" is its own Python process running cached functions with
``[cache] store = "redis"``, driven line by line over stdin, as two nbstream servers of
one app on two machines would be.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
import time
import uuid

import pandas as pd
import pytest
import redis

import nbstream as st
from nbstream import config
from nbstream.caching import cached_func, diskformat, shared
from nbstream.caching.redis_store import RedisStore
from nbstream.caching.values import freeze
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.session import AppSession
from tests.redis_server import RedisServer, redis_binary

APP = "/srv/apps/sales.ipynb"

REPLICA = textwrap.dedent(
    """
    import json, sys, uuid
    import numpy as np, pandas as pd
    import nbstream as st
    from nbstream import config
    from nbstream.caching import cached_func
    from nbstream.runtime.session import AppSession

    config.set_option("cache.store", "redis")
    config.set_option("cache.redisUrl", sys.argv[1])
    AppSession.bare().app_id = sys.argv[2]
    computed = []

    @st.cache_data
    def token(name):
        computed.append(name)
        return uuid.uuid4().hex

    @st.cache_data(ttl=1)
    def short(name):
        computed.append(name)
        return uuid.uuid4().hex

    @st.cache_data(max_entries=2)
    def few(name):
        computed.append(name)
        return uuid.uuid4().hex

    @st.cache_data
    def frame(name):
        computed.append(name)
        return pd.DataFrame({"x": np.arange(1000.0), "run": uuid.uuid4().hex})

    FUNCS = {"token": token, "short": short, "few": few, "frame": frame}
    for line in sys.stdin:
        cmd = json.loads(line)
        computed.clear()
        out = {}
        if cmd["op"] == "call":
            value = FUNCS[cmd["fn"]](cmd["arg"])
            if isinstance(value, pd.DataFrame):
                value.loc[0, "x"] = -1.0  # the caller's own copy: writable, never the cache's
                value = [value["run"].iloc[0], float(value["x"].sum())]
            out = {"value": value, "computed": bool(computed)}
        elif cmd["op"] == "clear":
            FUNCS[cmd["fn"]].clear()
        elif cmd["op"] == "forget":  # a new kernel: nothing in memory
            for memory in cached_func.memory_caches("cache_data"):
                memory.clear()
        print(json.dumps(out), flush=True)
    """
)


class Replica:
    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", REPLICA, url, APP],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=os.getcwd(),
        )

    def send(self, **cmd: object) -> dict:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(cmd) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the replica exited"
        return json.loads(line)

    def call(self, fn: str, arg: str) -> dict:
        return self.send(op="call", fn=fn, arg=arg)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(10)


@pytest.fixture(scope="module")
def replicas(redis_server):
    pair = Replica(redis_server.url), Replica(redis_server.url)
    yield pair
    for replica in pair:
        replica.close()


@pytest.fixture
def redis_store(redis_server):
    config.set_option("cache.store", "redis")
    config.set_option("cache.redisUrl", redis_server.url)
    redis.Redis.from_url(redis_server.url).flushdb()
    bare = AppSession.bare()
    held, bare.app_id = bare.app_id, APP
    yield shared.current()
    bare.app_id = held


def app_keys(url: str) -> list[str]:
    client = redis.Redis.from_url(url)
    return sorted(k.decode() for k in client.keys(RedisStore.app_prefix(APP) + "*"))


def name() -> str:
    return uuid.uuid4().hex[:8]


# ---- two replicas -------------------------------------------------------------------------


def test_an_entry_computed_by_one_replica_is_a_hit_for_the_other(replicas):
    a, b = replicas
    arg = name()
    first = a.call("token", arg)
    second = b.call("token", arg)
    assert first["computed"] and not second["computed"]
    assert second["value"] == first["value"]


def test_a_frame_crosses_replicas_as_arrow_and_each_caller_gets_its_own_copy(replicas, redis_server):
    a, b = replicas
    arg = name()
    first = a.call("frame", arg)
    second = b.call("frame", arg)
    again = b.call("frame", arg)
    assert first["computed"] and not second["computed"] and not again["computed"]
    # every caller wrote -1 into its copy: the cached frame still starts at 0
    assert second["value"] == again["value"] == first["value"]
    assert first["value"][1] == sum(range(1000)) - 1
    client = redis.Redis.from_url(redis_server.url)
    entries = [k for k in app_keys(redis_server.url) if not k.endswith((":lru", ":epoch"))]
    kinds = {client.get(k)[-diskformat._TRAILER.size :][5:6] for k in entries}
    assert b"F" in kinds  # the disk store's format: a DataFrame as Arrow IPC


def test_ttl_expires_for_every_replica(replicas):
    a, b = replicas
    arg = name()
    first = a.call("short", arg)
    assert not b.call("short", arg)["computed"]
    time.sleep(1.2)
    later = b.call("short", arg)
    assert later["computed"] and later["value"] != first["value"]
    assert not a.call("short", arg)["computed"]  # a's memory copy expired too: b's new entry
    assert a.call("short", arg)["value"] == later["value"]


def test_expired_entries_leave_nothing_behind_in_redis(redis_store, redis_server):
    client = redis.Redis.from_url(redis_server.url)
    redis_store.put(APP, "f", "k", freeze("v", "f"), {}, time.time(), None, ttl=0.3)
    lru = RedisStore.app_prefix(APP) + "f:lru"
    assert 0 < client.pttl(redis_store.entry_key(APP, "f", "k")) <= 300
    assert 1000 < client.pttl(lru) <= 1300
    redis_store.put(APP, "f", "old", freeze("v", "f"), {}, time.time() - 10, None, ttl=5)
    assert client.exists(redis_store.entry_key(APP, "f", "old")) == 0  # already past its ttl
    time.sleep(0.35)
    assert redis_store.get(APP, "f", "k", 0.3) is None
    assert client.zcard(lru) == 0


def test_max_entries_counts_the_uses_of_every_replica(replicas, redis_server):
    a, b = replicas
    one, two, three = name(), name(), name()
    a.call("few", one)
    a.call("few", two)
    b.call("few", one)  # one is now the most recently used
    b.call("few", three)  # beyond 2 entries: two, the least recently used, goes
    a.send(op="forget")
    assert not a.call("few", one)["computed"]
    assert not a.call("few", three)["computed"]
    assert a.call("few", two)["computed"]


def test_a_clear_in_one_replica_reaches_the_other_replicas_memory(replicas):
    a, b = replicas
    arg = name()
    first = a.call("token", arg)
    assert b.call("token", arg) == {"value": first["value"], "computed": False}  # now in b's memory
    a.send(op="clear", fn="token")
    after = b.call("token", arg)
    assert after["computed"] and after["value"] != first["value"]


# ---- one process --------------------------------------------------------------------------


def test_a_corrupt_entry_is_a_miss_and_is_removed(redis_store, redis_server):
    store = redis_store
    frozen = freeze(pd.DataFrame({"a": [1, 2, 3]}), "f")
    store.put(APP, "f", "k", frozen, {}, time.time(), None)
    found = store.get(APP, "f", "k", None)
    assert found is not None and found[0].thaw()["a"].tolist() == [1, 2, 3]
    client = redis.Redis.from_url(redis_server.url)
    entry = store.entry_key(APP, "f", "k")
    client.set(entry, client.get(entry)[:-7])  # torn
    assert store.get(APP, "f", "k", None) is None
    assert client.exists(entry) == 0
    client.set(entry, b"not an entry at all, but long enough to have a trailer")
    assert store.get(APP, "f", "k", None) is None


def test_a_corrupt_entry_makes_the_cached_function_compute(redis_store, redis_server):
    calls = []

    @st.cache_data
    def load(n):
        calls.append(n)
        return list(range(n))

    assert load(4) == [0, 1, 2, 3]
    client = redis.Redis.from_url(redis_server.url)
    (entry,) = [k for k in app_keys(redis_server.url) if not k.endswith((":lru", ":epoch"))]
    client.set(entry, b"\x00" * 64)
    for memory in cached_func.memory_caches("cache_data"):
        memory.clear()
    assert load(4) == [0, 1, 2, 3]
    assert calls == [4, 4]


def test_a_big_value_is_sent_in_the_background_and_shared_once_flushed(redis_store, redis_server):
    import numpy as np

    calls = []

    @st.cache_data
    def big(n):
        calls.append(n)
        return pd.DataFrame({"x": np.arange(n, dtype=float)})

    assert len(big(300_000)) == 300_000  # 2.4 MB: over the megabyte sent in the foreground
    assert redis_store.flush(timeout=30)
    assert len([k for k in app_keys(redis_server.url) if not k.endswith((":lru", ":epoch"))]) == 1
    for memory in cached_func.memory_caches("cache_data"):
        memory.clear()
    frame = big(300_000)
    assert calls == [300_000] and frame["x"].iloc[-1] == 299_999.0
    frame.loc[0, "x"] = -1.0  # writable, and the caller's own
    for memory in cached_func.memory_caches("cache_data"):
        memory.clear()
    assert big(300_000).loc[0, "x"] == 0.0


def test_an_entry_redis_refuses_to_read_is_a_miss_without_an_outage_warning(
    redis_store, redis_server, caplog
):
    client = redis.Redis.from_url(redis_server.url)
    entry = redis_store.entry_key(APP, "f", "k")
    client.rpush(entry, b"a list, not an entry")  # GET answers WRONGTYPE
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        assert redis_store.get(APP, "f", "k", None) is None
        redis_store.put(APP, "f", "k", freeze([1, 2], "f"), {}, time.time(), None)
        found = redis_store.get(APP, "f", "k", None)
    assert found is not None and found[0].thaw() == [1, 2]
    assert not caplog.records


def test_the_warning_never_shows_the_password():
    from nbstream.caching.redis_store import _safe_url

    assert _safe_url("redis://:s3cret@cache.internal:6379/0") == "redis://cache.internal:6379/0"
    assert _safe_url("rediss://user:s3cret@h:1/2") == "rediss://h:1/2"


def test_a_value_over_the_size_cap_stays_in_this_kernels_memory(redis_store, redis_server):
    config.set_option("cache.redisMaxValueBytes", 10_000)
    calls = []

    @st.cache_data
    def big(n):
        calls.append(n)
        return pd.DataFrame({"x": range(n)})

    @st.cache_data
    def small(n):
        return pd.DataFrame({"x": range(n)})

    before = set(app_keys(redis_server.url))
    assert len(big(50_000)) == 50_000
    assert len(big(50_000)) == 50_000
    assert calls == [50_000]  # the second call is a hit, from memory
    assert set(app_keys(redis_server.url)) == before  # nothing went to Redis
    small(10)
    assert len(set(app_keys(redis_server.url)) - before) == 2  # the entry and its LRU set


@pytest.mark.skipif(redis_binary() is None, reason="redis-server is not installed")
def test_redis_going_down_mid_run_gives_misses_and_one_warning(caplog):
    server = RedisServer(redis_binary())
    server.start()
    config.set_option("cache.store", "redis")
    config.set_option("cache.redisUrl", server.url)
    bare = AppSession.bare()
    held, bare.app_id = bare.app_id, APP
    calls = []

    @st.cache_data
    def load(n):
        calls.append(n)
        return n * 2

    def new_kernel():
        for memory in cached_func.memory_caches("cache_data"):
            memory.clear()

    try:
        assert load(1) == 2
        new_kernel()
        assert load(1) == 2 and calls == [1]  # from Redis
        server.stop()
        with caplog.at_level(logging.WARNING, logger="nbstream"):
            for _ in range(3):
                new_kernel()
                assert load(1) == 2
            assert load(5) == 10
            load.clear()
            st.cache_data.clear()
        assert calls == [1, 1, 1, 1, 5]
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and "cannot be reached" in warnings[0].getMessage()
        caplog.clear()
        server.start()
        time.sleep(1.1)  # the store tries the server again at most once a second
        with caplog.at_level(logging.WARNING, logger="nbstream"):
            assert load(7) == 14
        assert any("reachable again" in r.getMessage() for r in caplog.records)
        new_kernel()
        assert load(7) == 14 and calls[-1] == 7 and calls.count(7) == 1
    finally:
        bare.app_id = held
        server.stop()


# ---- choosing the store -------------------------------------------------------------------


class DictStore:
    """A store of the test's own, selected by "module:Class"."""

    entries: dict = {}

    def epoch(self, app):
        return 0

    def get(self, app, function, key, ttl):
        data = self.entries.get((app, function, key))
        return diskformat.loads(data) if data is not None else None

    def touch(self, app, function, key):
        pass

    def put(self, app, function, key, frozen, meta, created, max_entries, on_done=None, ttl=None):
        self.entries[(app, function, key)] = diskformat.dumps(frozen, meta, created)

    def delete(self, app, function, key):
        self.entries.pop((app, function, key), None)

    def clear(self, app, function=None, key=None):
        self.entries.clear()

    def flush(self, timeout=None):
        return True


def test_a_store_of_your_own_by_module_and_class(monkeypatch):
    monkeypatch.setenv("NBSTREAM_CACHE_STORE", f"{__name__}:DictStore")
    config.reload()
    bare = AppSession.bare()
    held, bare.app_id = bare.app_id, APP
    try:

        @st.cache_data
        def double(n):
            return n * 2

        assert double(21) == 42
        assert isinstance(shared.current(), DictStore)
        assert len(DictStore.entries) == 1
        for memory in cached_func.memory_caches("cache_data"):
            memory.clear()
        DictStore.entries = {k: diskformat.dumps(freeze(99, "f"), {}, time.time()) for k in DictStore.entries}
        assert double(21) == 99  # read back from the store
    finally:
        bare.app_id = held
        DictStore.entries = {}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("memcached", 'Unknown [cache] store "memcached": use "disk", "redis" or "module:Class"'),
        ("json:NoSuchStore", "cannot import NoSuchStore from json"),
        ("json:JSONDecoder", "lacks the methods epoch, get, touch, put, delete, clear, flush"),
    ],
)
def test_a_store_that_cannot_be_built_is_a_clear_error(monkeypatch, value, message):
    monkeypatch.setenv("NBSTREAM_CACHE_STORE", value)
    config.reload()
    with pytest.raises(shared.StoreConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        shared.current()


def test_set_option_refuses_an_unknown_store():
    with pytest.raises(StreamlitAPIException, match=r'cache\.store must be "disk", "redis"'):
        st.set_option("cache.store", "memcached")
    st.set_option("cache.store", "redis")
    assert isinstance(shared.current(), RedisStore)


def test_config_show_lists_the_store_options(capsys):
    from nbstream import cli

    assert cli.main(["config", "show"]) == 0
    shown = capsys.readouterr().out
    for option in ("store", "redisUrl", "redisMaxValueBytes"):
        assert option in shown
    assert "module:Class" in shown
