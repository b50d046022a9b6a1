"""Tabs, expanders and popovers that track being open (``on_change="rerun"`` or a callback):
``.open``, the value under their key, callbacks, and the errors."""

from __future__ import annotations

import pytest
from apphelpers import run

TRACKED = """
import nbstream as st
if "log" not in st.session_state:
    st.session_state.log = []
def switched():
    st.session_state.log.append(st.session_state.t)
tabs = st.tabs(["A", "B", "C"], key="t", on_change=switched, default="B")
st.text(f"tabs={st.session_state.t} open={[t.open for t in tabs]} log={st.session_state.log}")
pop = st.popover("Pop", key="p", on_change="rerun")
exp = st.expander("More", key="e", on_change="rerun", expanded=True)
st.text(f"pop={st.session_state.p} {pop.open} exp={st.session_state.e} {exp.open}")
plain = st.tabs(["X", "Y"])
st.text(f"plain={[t.open for t in plain]} {st.popover('P2').open} {st.expander('E2').open}")
with tabs[1]:
    st.text("in B")
"""


def lines(at) -> list[str]:
    """The app's status lines (the first text is inside tab B, which comes first on the page)."""
    return [t.value for t in at.text][1:]


def test_tracked_containers_start_at_their_defaults():
    at = run(TRACKED)
    assert lines(at) == [
        "tabs=B open=[False, True, False] log=[]",
        "pop=False False exp=True True",
        "plain=[None, None] None None",
    ]
    assert at.tabs[1].text[0].value == "in B"


def test_session_state_switches_tab_and_opens_containers():
    at = run(TRACKED)
    at.session_state["t"] = "C"
    at.session_state["p"] = True
    at.session_state["e"] = False
    at.run()
    assert lines(at)[:2] == [
        "tabs=C open=[False, False, True] log=[]",  # no callback for the script's own change
        "pop=True True exp=False False",
    ]


def test_a_browser_tab_switch_runs_the_callback_first():
    at = run(TRACKED)
    bar = next(n for n in at._session.tree.walk() if n.kind == "tab_container" and n.id)
    at._session.set_values({bar.id: 2})  # what the browser sends: the clicked tab's index
    at._session.wait(5)
    at.run()
    assert lines(at)[0] == "tabs=C open=[False, False, True] log=['C']"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.tabs(["A"], default="Z")', "Invalid `default` value. Supported values: a tab label from `tabs`. "
         "`Z` is not in the list of tabs."),
        ('st.tabs(["A"], on_change="x")', "Invalid `on_change` value. Supported values: 'rerun', 'ignore', "
         "a callback function."),
        ('st.popover("a", on_change=3)', "Invalid `on_change` value."),
        ('st.expander("a", on_change="always")', "Invalid `on_change` value."),
    ],
)  # fmt: skip
def test_errors(call, message):
    at = run(f"import nbstream as st\n{call}")
    assert at.exception[0].proto.type == "StreamlitValueError"
    assert message in at.exception[0].message
