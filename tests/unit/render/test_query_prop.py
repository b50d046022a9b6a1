"""The session's query parameters reach the browser as the root's ``query`` prop (which
js/src/voila.js mirrors into a served page's URL): bound widgets' values, after full runs
and after a fragment's own run."""

from __future__ import annotations

import textwrap

from test_stream import Browser

from nbstream.render.stream import Publisher
from nbstream.runtime.script import Script
from nbstream.runtime.session import AppSession

SOURCE = """
import nbstream as st
st.slider("n", 0, 10, key="n", bind="query-params")

@st.fragment
def part():
    st.slider("m", 0, 10, key="m", bind="query-params")

part()
"""


def test_bound_values_reach_the_root_query_prop_after_full_and_fragment_runs():
    session = AppSession(Script(textwrap.dedent(SOURCE)))
    session.query_params = {"n": ["2"], "other": ["x"]}
    browser = Browser(Publisher(session))
    try:
        session.rerun()
        assert session.wait(10)
        assert browser.tree["props"]["query"] == {"n": ["2"], "other": ["x"]}
        session.set_values({session.state.key_owner("n"): 7})
        assert session.wait(10)
        assert browser.tree["props"]["query"] == {"n": ["7"], "other": ["x"]}
        session.set_values({session.state.key_owner("m"): 4})  # the fragment reruns alone
        assert session.wait(10)
        assert browser.tree["props"]["query"] == {"n": ["7"], "other": ["x"], "m": ["4"]}
        session.set_values({session.state.key_owner("n"): 0})
        assert session.wait(10)
        assert browser.tree["props"]["query"] == {"other": ["x"], "m": ["4"]}
    finally:
        session.close()
