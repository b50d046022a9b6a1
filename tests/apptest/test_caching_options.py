"""The cache decorators' newer arguments (Streamlit 1.67): ``max_size``, ``scope``,
``refresh_mode``, ``on_release``, and ``async def`` functions."""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
import time

import numpy as np
import pytest
from apphelpers import app, run

import nbstream as st
from nbstream import config
from nbstream.caching import cached_func, refresh
from nbstream.errors import (
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitValueError,
)


@pytest.fixture(autouse=True)
def _fresh_caches(tmp_path):
    config.set_option("cache.dir", str(tmp_path / "cache"))
    st.cache_data.clear()
    st.cache_resource.clear()
    cached_func._apps.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def wait_for_refreshes() -> None:
    deadline = time.monotonic() + 5
    while not refresh.idle():
        assert time.monotonic() < deadline, "the background refresh never finished"
        time.sleep(0.01)


# ---- the signatures, as Streamlit 1.67 has them (its parameters in its order, its defaults) ----

DATA_167 = [
    ("func", None),
    ("ttl", None),
    ("max_entries", None),
    ("max_size", None),
    ("show_spinner", True),
    ("show_time", False),
    ("persist", None),
    ("hash_funcs", None),
    ("scope", "global"),
    ("refresh_mode", "foreground"),
]
RESOURCE_167 = [
    ("func", None),
    ("ttl", None),
    ("max_entries", None),
    ("show_spinner", True),
    ("show_time", False),
    ("validate", None),
    ("hash_funcs", None),
    ("on_release", None),
    ("scope", "global"),
    ("refresh_mode", "foreground"),
]


@pytest.mark.parametrize(
    ("decorator", "expected"), [(st.cache_data, DATA_167), (st.cache_resource, RESOURCE_167)]
)
def test_parameters_match_streamlit_1_67(decorator, expected):
    params = inspect.signature(decorator).parameters
    ours = [(name, params[name].default) for name in params if name in dict(expected)]
    assert ours == expected


# ---- max_size ---------------------------------------------------------------------------------

SIZE_RULE = (
    "Invalid `max_size` value. Supported values: a positive byte size. Use an integer number of "
    'bytes or a positive value with an explicit unit, such as "500MB", "1.5GB", or "200KiB".'
)


@pytest.mark.parametrize("bad", ["500", "5 parsecs", -1, 0, "0MB", "MB"])
def test_max_size_refuses_values_that_are_not_a_positive_size(bad):
    with pytest.raises(StreamlitValueError) as raised:
        st.cache_data(max_size=bad)
    assert str(raised.value) == SIZE_RULE


@pytest.mark.parametrize("bad", [1.5, True])
def test_max_size_refuses_other_types(bad):
    with pytest.raises(StreamlitInvalidParameterTypeError, match=r"Provided type: (float|bool)\."):
        st.cache_data(max_size=bad)


@pytest.mark.parametrize(
    ("text", "size"),
    [("1.1KB", 1126), ("200KiB", 204800), ("1.5gb", 1610612736), ("64 B", 64), (4096, 4096)],
)
def test_max_size_units_are_powers_of_1024(text, size):
    assert st.cache_data(max_size=text)(lambda: 1)._max_bytes == size


def test_max_size_evicts_the_least_recently_used_values():
    calls = []

    @st.cache_data(max_size="3KiB", persist=False)
    def block(i):
        calls.append(i)
        return np.full(128, i, dtype=np.float64)  # 1 KiB each

    for i in (1, 2, 3):
        block(i)
    block(1)  # 1 is now the most recently used
    block(4)  # over 3 KiB: 2 goes
    assert calls == [1, 2, 3, 4]
    block(1), block(3), block(4)
    assert calls == [1, 2, 3, 4]
    block(2)
    assert calls == [1, 2, 3, 4, 2]
    assert block._memory().nbytes <= 3 * 1024


def test_a_value_over_max_size_is_kept_alone_until_the_next_replaces_it(caplog):
    calls = []

    @st.cache_data(max_size=2048, persist=False)
    def block(n):
        calls.append(n)
        return np.zeros(n // 8, dtype=np.float64)

    block(1024)
    with caplog.at_level(logging.WARNING, logger="nbstream"):
        block(4096)
    assert "more than its max_size" in caplog.text
    block(4096)
    assert calls == [1024, 4096]  # the big one is a hit, the small one went
    block(1024)
    assert calls == [1024, 4096, 1024]
    block(1024)
    assert calls == [1024, 4096, 1024] and len(block._memory()) == 1


# ---- scope="session" ----------------------------------------------------------------------------

SESSION_APP = """
import nbstream as st
if "log" not in st.session_state:
    st.session_state.log = []

@st.cache_data(scope="session")
def load(x):
    st.session_state.log.append(x)
    return x * 10

st.text(f"{load(1)} {load(1)} {len(st.session_state.log)}")
"""


def test_session_scoped_data_is_computed_once_per_session():
    first, second = run(SESSION_APP), run(SESSION_APP)
    assert [t.value for t in first.text] == ["10 10 1"]
    assert [t.value for t in second.text] == ["10 10 1"]  # its own entry, not first's
    first.run()
    assert [t.value for t in first.text] == ["10 10 1"]  # still a hit in its own session


def test_session_scoped_resources_are_released_when_the_session_ends():
    released = []
    app_test = app(
        """
        import nbstream as st
        import builtins

        @st.cache_resource(scope="session", on_release=builtins._nbs_released.append)
        def connection():
            return {"open": True}

        st.write(connection()["open"])
        """
    )
    import builtins

    builtins._nbs_released = released
    try:
        app_test.run()
        assert not app_test.exception and released == []
        app_test._session.close()
        assert [r["open"] for r in released] == [True]
    finally:
        del builtins._nbs_released


def test_session_scope_outside_a_run_is_an_error():
    @st.cache_data(scope="session")
    def f():
        return 1

    with pytest.raises(StreamlitAPIException, match="session-scoped cache was accessed outside"):
        f()


def test_bad_scope():
    with pytest.raises(
        StreamlitValueError, match=r"^Invalid `scope` value. Supported values: 'global', 'session'.$"
    ):
        st.cache_resource(scope="user")


# ---- refresh_mode="background" --------------------------------------------------------------------


def test_background_refresh_hands_out_the_old_value_while_it_computes_the_new():
    version = [0]
    gate = threading.Event()
    gate.set()

    @st.cache_data(ttl=0.4, refresh_mode="background")
    def value():
        assert gate.wait(5)
        version[0] += 1
        return version[0]

    assert value() == 1
    gate.clear()  # the refresh waits until the old value was handed out
    time.sleep(0.5)  # expired, within the grace of one more ttl
    assert value() == 1  # at once, the old value...
    gate.set()
    wait_for_refreshes()
    assert value() == 2  # ...and the new one is there after the refresh
    wait_for_refreshes()
    time.sleep(0.85)  # past ttl * 2: the call waits for a fresh value
    assert value() == 3


def test_background_refresh_releases_the_old_resource():
    released = []
    made = []
    gate = threading.Event()
    gate.set()

    @st.cache_resource(ttl=0.1, refresh_mode="background", on_release=released.append)
    def client():
        assert gate.wait(5)
        made.append(object())
        return made[-1]

    first = client()
    gate.clear()
    time.sleep(0.15)
    assert client() is first
    gate.set()
    wait_for_refreshes()
    assert client() is made[1] and released == [first]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"refresh_mode": "later"}, StreamlitValueError, "Supported values: foreground, background."),
        (
            {"refresh_mode": "background"},
            StreamlitMissingRequiredParameterError,
            "The `ttl` parameter is required",
        ),
        (
            {"refresh_mode": "background", "ttl": 5, "persist": "disk"},
            StreamlitIncompatibleParametersError,
            "cannot be used together",
        ),
    ],
)
def test_background_refresh_refuses(kwargs, error, message):
    with pytest.raises(error, match=message):
        st.cache_data(**kwargs)(lambda: 1)


def test_background_refresh_refuses_async_functions():
    async def fetch():
        return 1

    for decorate in (
        lambda: st.cache_data(fetch, ttl=5, refresh_mode="background"),
        lambda: st.cache_resource(ttl=5, refresh_mode="background")(fetch),
    ):
        with pytest.raises(StreamlitValueError, match="not supported for coroutine functions"):
            decorate()


# ---- on_release -------------------------------------------------------------------------------------


def test_on_release_sees_every_object_that_leaves():
    released = []

    @st.cache_resource(max_entries=2, on_release=released.append, validate=lambda r: r != "stale")
    def resource(name):
        return name

    resource("a"), resource("b"), resource("c")  # "a" evicted
    assert released == ["a"]
    resource.clear("b")
    assert released == ["a", "b"]
    resource("stale"), resource("stale")  # refused by validate on the hit: dropped, made again
    assert released == ["a", "b", "stale"]
    st.cache_resource.clear()
    assert sorted(released[3:]) == ["c", "stale"]


def test_on_release_sees_an_expired_object_when_it_is_next_asked_for():
    released = []

    @st.cache_resource(ttl=0.05, on_release=released.append)
    def resource():
        return object()

    first = resource()
    time.sleep(0.1)
    assert resource() is not first and released == [first]


def test_a_failing_on_release_is_logged_and_the_cache_goes_on(caplog):
    def broken(_):
        raise RuntimeError("boom")

    @st.cache_resource(max_entries=1, on_release=broken)
    def resource(i):
        return i

    with caplog.at_level(logging.ERROR, logger="nbstream"):
        assert resource(1) == 1 and resource(2) == 2
    assert "on_release of resource() failed" in caplog.text


def test_async_on_release_is_refused():
    async def release(_):
        pass

    with pytest.raises(StreamlitAPIException, match="must be a synchronous function"):
        st.cache_resource(on_release=release)


# ---- async def functions ---------------------------------------------------------------------------


def test_async_functions_are_cached_and_awaited():
    calls = []

    @st.cache_data
    async def fetch(x):
        calls.append(x)
        await asyncio.sleep(0)
        return [x]

    async def main():
        first = await fetch(2)
        first.append("mutated")  # each caller gets its own copy
        return first, await fetch(2)

    _, second = asyncio.run(main())
    assert second == [2] and calls == [2]

    @st.cache_resource
    async def client(name):
        calls.append(name)
        return object()

    async def twice():
        return await client("db"), await client("db")

    one, two = asyncio.run(twice())
    assert one is two and calls == [2, "db"]


def test_async_functions_in_an_app_run():
    at = run(
        """
        import asyncio
        import nbstream as st

        @st.cache_data
        async def greet(name):
            return f"hello {name}"

        st.write(asyncio.run(greet("app")))
        """
    )
    assert not at.exception and [m.value for m in at.markdown] == ["hello app"]
