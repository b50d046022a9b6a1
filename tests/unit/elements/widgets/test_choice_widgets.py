"""Choice widgets (selectbox, radio, multiselect, select_slider): options, defaults, returns."""

from __future__ import annotations

import textwrap

import pytest

from nbstream.testing import AppTest

OPT = """
import nbstream as st
class Opt:
    def __init__(self, name):
        self.name = name
    def __str__(self):
        return self.name
options = [Opt("a"), Opt("b"), Opt("c")]
"""


def run(source: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), default_timeout=10).run()


@pytest.mark.parametrize(
    "call",
    [
        "st.selectbox('x', options, index=1)",
        "st.radio('x', options, index=1)",
        "st.select_slider('x', options, value=options[1])",
    ],
)
def test_objects_compared_by_identity_work_as_options(call):
    at = run(OPT + f"v = {call}\nst.text(f'{{v}} {{v is options[1]}}')\n")
    assert not at.exception
    assert at.text[0].value == "b True"


def test_multiselect_default_of_objects():
    at = run(OPT + "v = st.multiselect('x', options, default=[options[2]])\nst.text(','.join(map(str, v)))\n")
    assert not at.exception
    assert at.text[0].value == "c"


def test_multiselect_returns_a_fresh_list_each_run():
    at = run(
        """
        import nbstream as st
        v = st.multiselect('x', ['a', 'b'], default=['a'])
        v.append('mutated')
        st.text(repr(v))
        """
    )
    at.run()
    assert at.text[0].value == "['a', 'mutated']"
    assert at.multiselect[0].value == ["a"]


@pytest.mark.parametrize("kind", ["selectbox", "radio"])
def test_the_chosen_one_of_equal_options_stays_chosen(kind):
    at = run(f"import nbstream as st\nv = st.{kind}('x', ['a', 'b', 'a'])\nst.text(v)")
    at.get(kind)[0].select_index(2).run()
    assert at.get(kind)[0].index == 2
    assert at.text[0].value == "a"
    at.run()
    assert at.get(kind)[0].index == 2  # not moved to the first equal option


def test_a_value_kept_between_runs_keeps_its_position_for_the_browser():
    from nbstream.runtime.script import Script
    from nbstream.runtime.session import AppSession

    session = AppSession(Script("import nbstream as st\nst.selectbox('x', ['a', 'b', 'a'])"))
    session.rerun()
    assert session.wait(10)
    wid = next(n.id for n in session.tree.walk() if n.kind == "selectbox")
    session.set_values({wid: 2})  # the browser picked the second "a"
    assert session.wait(10)
    session.rerun()
    assert session.wait(10)
    assert next(n for n in session.tree.walk() if n.kind == "selectbox").props["value"] == 2
    session.close()


def test_a_selection_changed_in_place_through_session_state_is_shown():
    at = run(
        """
        import nbstream as st
        if st.session_state.get("add_b"):
            st.session_state.m.append("b")
            st.session_state.add_b = False
        st.multiselect("m", ["a", "b"], default=["a"], key="m")
        """
    )
    at.session_state.add_b = True
    at.run()
    assert at.multiselect[0].value == ["a", "b"]
    assert at.multiselect[0].indices == [0, 1]
