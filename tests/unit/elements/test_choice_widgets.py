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
