"""``on_change="ignore"`` (Streamlit 1.67): a widget whose changes do not rerun the app;
the browser keeps them and sends them with the next run (js/test/shell.test.js checks
that side).  ``"rerun"`` is the default; a callable is a callback."""

from __future__ import annotations

import pytest
from apphelpers import run


def props_of(at, kind: str) -> dict:
    return next(n.props for n in at._session.tree.walk() if n.kind == kind)


def test_an_ignored_widget_says_so_to_the_browser_and_takes_its_value_at_the_next_run():
    at = run(
        """
        import nbstream as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        quiet = st.checkbox("quiet", key="quiet", on_change="ignore")
        loud = st.checkbox("loud", key="loud", on_change="rerun")
        st.text(f"{quiet} {loud} runs={st.session_state.runs}")
        """
    )
    assert props_of(at, "checkbox")["on_change"] == "ignore"
    assert [n.props.get("on_change") for n in at._session.tree.walk() if n.kind == "checkbox"] == [
        "ignore",
        None,
    ]
    at.checkbox(key="quiet").check()
    at.checkbox(key="loud").check().run()  # the change the browser held rides with this run
    assert [t.value for t in at.text] == ["True True runs=2"]


@pytest.mark.parametrize(
    "call",
    [
        'st.pills("p", ["a", "b"], on_change="ignore")',
        'st.segmented_control("s", ["a", "b"], on_change="ignore")',
        'st.pagination(5, on_change="ignore")',
        'st.text_input("t", on_change="ignore")',
        'st.slider("s", on_change="ignore")',
    ],
)
def test_every_widget_takes_ignore(call):
    at = run(f"import nbstream as st\n{call}")
    assert not at.exception


def test_ignore_has_no_effect_in_a_form():
    at = run(
        """
        import nbstream as st
        with st.form("f"):
            st.checkbox("in form", on_change="ignore")
            st.form_submit_button()
        """
    )
    assert not at.exception and "on_change" not in props_of(at, "checkbox")


def test_other_values_are_refused_with_streamlits_message():
    at = run('import nbstream as st\nst.toggle("t", on_change=5)')
    assert (
        at.exception[0].value
        == "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function."
    )
