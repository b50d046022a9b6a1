"""The decorators in plain Python (a notebook cell, a module): keys, options, errors, clearing."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid

import numpy as np
import pytest

import nbstream as st
from nbstream.errors import (
    StreamlitBadTimeStringError,
    UnhashableParamError,
    UnserializableReturnValueError,
    UserHashError,
)
from nbstream.runtime import caches


class Plain:
    def __init__(self, score):
        self.score = score


def test_both_forms_of_the_decorator_cache():
    calls = []

    @st.cache_data
    def bare(x):
        calls.append(("bare", x))
        return x

    @st.cache_data()
    def empty_parens(x):
        calls.append(("parens", x))
        return x

    @st.cache_resource(ttl=60)
    def with_args(x):
        calls.append(("args", x))
        return x

    for _ in range(2):
        assert (bare(1), empty_parens(2), with_args(3)) == (1, 2, 3)
    assert calls == [("bare", 1), ("parens", 2), ("args", 3)]
    assert bare.__name__ == "bare" and bare.__wrapped__ is not None


def test_calls_that_bind_to_the_same_arguments_share_an_entry():
    calls = []

    @st.cache_data
    def f(x, y=2, *rest, **options):
        calls.append(1)
        return x + y

    assert f(1) == f(x=1) == f(1, 2) == f(1, y=2) == 3
    f(1, 2, 3)
    f(1, flag=True)
    assert len(calls) == 3


def test_parameters_starting_with_an_underscore_are_not_hashed():
    calls = []

    @st.cache_data
    def fetch(_connection, num_rows, **options):
        calls.append(num_rows)
        return num_rows

    fetch(object(), 10)
    fetch(object(), 10)
    fetch(object(), 10, _trace=object())
    fetch(object(), 20)
    assert calls == [10, 20]


def test_editing_the_function_starts_a_new_cache():
    namespace: dict = {"st": st, "calls": []}
    first = "@st.cache_data\ndef f():\n    calls.append(1)\n    return 1\n"
    exec(compile(first, "<cell 1>", "exec"), namespace)
    namespace["f"](), namespace["f"]()
    exec(compile(first.replace("return 1", "return 2"), "<cell 2>", "exec"), namespace)
    assert namespace["f"]() == 2
    assert namespace["calls"] == [1, 1]


def test_methods_static_methods_and_class_methods():
    calls = []

    class Resource:
        def __init__(self, url):
            self.url = url

        @st.cache_resource(ttl=300)
        @staticmethod
        def get(url):
            calls.append(("static", url))
            return Resource(url)

        @st.cache_data
        @classmethod
        def describe(cls, n):
            calls.append(("class", n))
            return f"{cls.__name__} {n}"

        @staticmethod
        @st.cache_data
        def reverse_order(n):
            calls.append(("reverse", n))
            return n

        @st.cache_data(hash_funcs={"tests.unit.caching.test_decorators.Plain": lambda p: p.score})
        def scaled(self, factor):
            calls.append(("method", factor))
            return factor

    assert Resource.get("http://example.com/api/") is Resource.get("http://example.com/api/")
    assert Resource.describe(1) == Resource.describe(1) == "Resource 1"
    assert Resource.reverse_order(5) == Resource("u").reverse_order(5) == 5
    assert calls == [("static", "http://example.com/api/"), ("class", 1), ("reverse", 5)]
    with pytest.raises(
        UnhashableParamError, match=r"Cannot hash argument 'self' \(of type .*Resource\) in 'scaled'\."
    ):
        Resource("u").scaled(2)


def test_a_method_whose_instance_is_hashed_by_hash_funcs():
    calls = []

    class Score(Plain):
        @st.cache_data(hash_funcs={Plain: lambda p: p.score})
        def multiply(self, factor):
            calls.append(factor)
            return self.score * factor

    assert Score(15).multiply(2) == Score(15).multiply(2) == 30
    assert Score(16).multiply(2) == 32
    assert calls == [2, 2]
    Score(15).multiply.clear(2)
    Score(15).multiply(2)
    assert calls == [2, 2, 2]


def test_unhashable_argument_message():
    @st.cache_data
    def multiply_score(obj, multiplier):
        return obj.score * multiplier

    with pytest.raises(UnhashableParamError) as info:
        multiply_score(Plain(1), 2)
    first_line = str(info.value).splitlines()[0]
    assert first_line == f"Cannot hash argument 'obj' (of type {Plain.__module__}.Plain) in 'multiply_score'."
    assert "def multiply_score(_obj, ...)" in str(info.value)


def test_a_failing_hash_func_raises_user_hash_error():
    def hash_func(obj):
        raise ValueError("no score")

    @st.cache_data(hash_funcs={Plain: hash_func})
    def f(obj):
        return 1

    with pytest.raises(UserHashError, match="no score") as info:
        f(Plain(1))
    assert "`hash_func()`" in str(info.value) and "`f()`" in str(info.value)


@pytest.mark.parametrize(
    ("ttl", "seconds"),
    [
        (10, 10.0),
        (0.5, 0.5),
        (dt.timedelta(hours=1), 3600.0),
        ("1d", 86400.0),
        ("1D", 86400.0),
        ("10s", 10.0),
        ("1h23m", 4980.0),
        ("1d2h34m", 95640.0),
        ("2 days", 172800.0),
        ("1.5 days", 129600.0),
        ("1h23s", 3623.0),
        ("30 minutes", 1800.0),
        ("00:10:00", 600.0),
        (None, None),
    ],
)
def test_ttl_forms(ttl, seconds):
    from nbstream.caching.api import ttl_seconds

    assert ttl_seconds(ttl) == seconds


def test_a_bad_ttl_string_is_an_error():
    with pytest.raises(StreamlitBadTimeStringError, match="Got: bogus"):
        st.cache_data(ttl="bogus")


def test_ttl_expires_entries():
    @st.cache_data(ttl=0.2)
    def stamp():
        return uuid.uuid4().hex

    first = stamp()
    assert stamp() == first
    time.sleep(0.3)
    assert stamp() != first


def test_max_entries_drops_the_least_recently_used():
    calls = []

    @st.cache_data(max_entries=2)
    def get_large_array(seed):
        calls.append(seed)
        np.random.seed(seed)
        return np.random.rand(10)

    for seed in (1, 2, 1, 3, 1, 2):
        get_large_array(seed)
    assert calls == [1, 2, 3, 2]


def test_cache_data_returns_copies_and_cache_resource_the_object():
    @st.cache_data
    def data():
        return [1, 2, 3]

    @st.cache_resource
    def resource():
        return [1, 2, 3]

    data()[0] = 99
    assert data() == [1, 2, 3]
    resource()[0] = 99
    assert resource() == [99, 2, 3] and resource() is resource()


def test_an_unserializable_return_value_raises():
    @st.cache_data
    def make_lock():
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError):
        make_lock()

    @st.cache_resource
    def make_resource_lock():
        return threading.Lock()

    assert make_resource_lock() is make_resource_lock()


def test_validate_drops_a_stale_resource():
    made = []

    class Connection:
        open = True

    @st.cache_resource(validate=lambda c: c.open)
    def connect():
        made.append(Connection())
        return made[-1]

    first = connect()
    assert connect() is first
    first.open = False
    assert connect() is not first and len(made) == 2


def test_concurrent_calls_with_one_key_compute_once():
    calls = []

    @st.cache_data
    def slow(x):
        calls.append(x)
        time.sleep(0.1)
        return x * 2

    results = []
    threads = [threading.Thread(target=lambda: results.append(slow(21))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 6 and calls == [21]


def test_clearing():
    calls = []

    @st.cache_data
    def one(x):
        calls.append(("one", x))

    @st.cache_resource
    def two(x):
        calls.append(("two", x))

    def run():
        one(1), one(2), two(1)

    run()
    one.clear(1)
    run()
    assert calls.count(("one", 1)) == 2 and calls.count(("one", 2)) == 1
    one.clear()
    run()
    assert calls.count(("one", 2)) == 2
    st.cache_data.clear()
    run()
    assert calls.count(("one", 1)) == 4 and calls.count(("two", 1)) == 1
    st.cache_resource.clear()
    run()
    assert calls.count(("two", 1)) == 2
    assert {"cache_data", "cache_resource"} <= set(caches.clear_all())  # the app menu's Clear cache
    run()
    assert calls.count(("one", 1)) == 5 and calls.count(("two", 1)) == 3


def test_outside_an_app_elements_in_cached_functions_are_no_error():
    calls = []

    @st.cache_data(show_spinner="Loading...")
    def load():
        calls.append(1)
        st.success("Fetched data from API!")
        return 1

    assert load() == load() == 1
    assert calls == [1]


def test_st_cache_is_deprecated_and_maps_to_the_new_decorators():
    with pytest.warns(DeprecationWarning, match="`st.cache` is deprecated"):

        @st.cache
        def data():
            return [1]

    with pytest.warns(DeprecationWarning):

        @st.cache(allow_output_mutation=True, suppress_st_warning=True)
        def resource():
            return [1]

    assert data() is not data() and data() == [1]
    assert resource() is resource()
