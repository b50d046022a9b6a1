"""Streamlit 1.67's fragment options: ``@st.fragment(key=...)`` with ``st.rerun("<key>")``
from widget callbacks, and ``@st.fragment(parallel=True)``."""

from __future__ import annotations

import inspect
import time

import pytest
from apphelpers import app, run

import nbstream as st
from nbstream.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)

KEYED = """
import nbstream as st
if "log" not in st.session_state:
    st.session_state.log = []

@st.fragment(key="charts")
def charts():
    st.session_state.log.append("charts")
    st.text("charts drawn")

@st.fragment(key=7)
def table():
    st.session_state.log.append("table")

charts()
table()
st.session_state.log.append("main")
st.button("one", key="one", on_click=lambda: st.rerun("charts"))
st.button("both", key="both", on_click=lambda: st.rerun(["charts", 7]))
st.button("unknown", key="unknown", on_click=lambda: st.rerun("nope"))
st.button("plain", key="plain")
"""


def clicked(name: str) -> list[str]:
    at = run(KEYED)
    assert not at.exception and at.session_state.log == ["charts", "table", "main"]
    at.session_state.log = []
    at.button(key=name).click().run()
    return at


def test_a_callback_reruns_only_the_fragment_it_names():
    at = clicked("one")
    assert at.session_state.log == ["charts"]
    assert not at.exception
    assert [b.key for b in at.button] == ["one", "both", "unknown", "plain"]  # the page stays


def test_a_list_of_keys_reruns_each_named_fragment_and_int_keys_are_strings():
    assert clicked("both").session_state.log == ["charts", "table"]


def test_an_unknown_key_is_an_error_in_the_app_and_nothing_reruns():
    at = clicked("unknown")
    assert at.session_state.log == []
    assert [e.value for e in at.exception] == [
        "No fragment found for target 'nope'. Pass the same `key` you set on `@st.fragment(key=...)`, "
        "and make sure that fragment has rendered at least once."
    ]


def test_without_a_keyed_rerun_the_interaction_reruns_the_app():
    assert clicked("plain").session_state.log == ["charts", "table", "main"]


def test_a_keyed_rerun_beside_a_plain_callback_escalates_to_the_whole_app():
    at = run(
        KEYED
        + """
st.checkbox("other", key="other", on_change=lambda: None)
"""
    )
    at.session_state.log = []
    at.checkbox(key="other").check()
    at.button(key="one").click().run()
    assert at.session_state.log == ["charts", "table", "main"]


def test_a_keyed_rerun_from_the_script_body_is_an_error():
    at = run(
        """
        import nbstream as st

        @st.fragment(key="k")
        def f():
            st.text("f")

        f()
        st.rerun("k")
        """
    )
    assert "only allowed from a widget callback" in at.exception[0].value


@pytest.mark.parametrize("reserved", ["app", "fragment"])
def test_reserved_keys(reserved):
    with pytest.raises(StreamlitAPIException, match=f"`{reserved}` is a reserved name"):
        st.fragment(key=reserved)


def test_two_fragment_functions_cannot_share_a_key_but_call_sites_can():
    at = run(
        """
        import nbstream as st

        @st.fragment(key="k")
        def a(n):
            st.text(f"a{n}")

        @st.fragment(key="k")
        def b():
            st.text("b")

        a(1)
        a(2)
        b()
        """
    )
    assert [t.value for t in at.text] == ["a1", "a2"]
    assert at.exception[0].value == (
        "There are multiple elements with the same `key='k'`. To fix this, please make sure that "
        "the `key` argument is unique for each element you create."
    )


def test_rerun_scope_types():
    with pytest.raises(StreamlitInvalidParameterTypeError, match="Provided type: float"):
        st.rerun(1.5)
    with pytest.raises(StreamlitValueError, match="Got an empty list"):
        st.rerun([])


def test_signatures_match_streamlit_1_67():
    frag = inspect.signature(st.fragment).parameters
    assert [(n, p.default) for n, p in frag.items()] == [
        ("func", None),
        ("run_every", None),
        ("parallel", False),
        ("key", None),
    ]
    (scope,) = inspect.signature(st.rerun).parameters.values()
    assert scope.name == "scope" and scope.default == "app" and scope.kind is scope.POSITIONAL_OR_KEYWORD


# ---- parallel=True ------------------------------------------------------------------------------

PARALLEL = """
import time
import nbstream as st

mode = st.query_params.get("mode", "")

@st.fragment(parallel=True)
def slow(n):
    time.sleep(0.4)
    st.text(f"slow {n}")
    if mode == "sidebar":
        st.sidebar.text("side")
    if mode == "dialog":
        @st.dialog("D")
        def d():
            st.text("x")
        d()
    if mode == "error" and n == 2:
        raise ValueError("broken body")
    return 42

t0 = time.perf_counter()
first, second = slow(1), slow(2)
st.text(f"after {first} {second} {time.perf_counter() - t0 < 0.3}")
"""


def run_mode(mode: str):
    at = app(PARALLEL)
    at.query_params["mode"] = mode
    return at.run()


def test_parallel_bodies_run_beside_the_script_and_each_other():
    started = time.perf_counter()
    at = run_mode("")
    took = time.perf_counter() - started
    assert not at.exception
    # The calls returned at once (None); both bodies drew in their places before the run ended.
    assert [t.value for t in at.text] == ["slow 1", "slow 2", "after None None True"]
    assert took < 0.75  # two 0.4 s bodies overlapped


def test_a_parallel_body_writes_only_inside_itself():
    at = run_mode("sidebar")
    assert [t.value for t in at.text] == ["slow 1", "slow 2", "after None None True"]
    assert len(at.exception) == 2 and at.exception[0].value.startswith(
        "Writing to a container created outside a parallel fragment"
    )
    assert [t.value for t in at.sidebar.text] == []


def test_a_parallel_body_cannot_open_a_dialog_on_its_first_run():
    at = run_mode("dialog")
    assert len(at.exception) == 2
    assert at.exception[0].value.startswith("`@st.dialog` cannot be called from a parallel fragment")


def test_an_error_in_one_body_shows_there_and_the_rest_of_the_app_goes_on():
    at = run_mode("error")
    assert [t.value for t in at.text] == ["slow 1", "slow 2", "after None None True"]
    assert [e.value for e in at.exception] == ["broken body"]


def test_a_parallel_fragment_reruns_alone_and_in_place_after_an_interaction():
    at = run(
        """
        import nbstream as st
        if "runs" not in st.session_state:
            st.session_state.runs = 0
        st.session_state.runs += 1

        @st.fragment(parallel=True)
        def counter():
            n = st.number_input("n", value=1, key="n")
            st.text(f"n={n}")

        counter()
        st.text(f"runs={st.session_state.runs}")
        """
    )
    assert [t.value for t in at.text] == ["n=1", "runs=1"]
    at.number_input(key="n").set_value(5)
    at.run_fragment("counter")  # as the browser reruns it: sequentially, in the run's thread
    assert [t.value for t in at.text] == ["n=5", "runs=1"]


def test_st_rerun_in_a_parallel_body_reruns_the_app_once_the_bodies_are_done():
    at = run(
        """
        import nbstream as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1

        @st.fragment(parallel=True)
        def once():
            st.text("body")
            if st.session_state.runs == 1:
                st.rerun()

        once()
        st.text(f"runs={st.session_state.runs}")
        """
    )
    assert not at.exception and [t.value for t in at.text] == ["body", "runs=2"]
