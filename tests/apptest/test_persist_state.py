"""Streamlit 1.67's ``persist_state``: a widget's value outliving the widget not being drawn.

The expected values are what real Streamlit 1.67's AppTest shows for the same app.
"""

from __future__ import annotations

import textwrap

from nbstream.testing import AppTest

PAGE_A = """
import nbstream as st
show = st.checkbox("show", value=True, key="show")
if show:
    st.text_input("p", key="p", persist_state="page")
    st.text_input("s", key="s", persist_state="session")
    st.text_input("n", key="n")
st.markdown(repr({k: st.session_state.get(k) for k in ("p", "s", "n")}))
"""
PAGE_B = """
import nbstream as st
st.markdown("B " + repr({k: st.session_state.get(k) for k in ("p", "s", "n")}))
"""
APP = """
import nbstream as st
st.navigation([st.Page("a.py"), st.Page("b.py")]).run()
"""


def _project(folder):
    for name, source in {"a.py": PAGE_A, "b.py": PAGE_B, "app.py": APP}.items():
        (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")


def _typed(project) -> AppTest:
    _project(project)
    at = AppTest.from_file("app.py").run()
    for key in "psn":
        at.text_input(key=key).input(key.upper() * 3)
    return at.run()


def test_a_hidden_widget_keeps_its_value_with_page_or_session_scope(project):
    at = _typed(project)
    at.checkbox(key="show").uncheck().run()
    at.checkbox(key="show").check().run()
    assert [t.value for t in at.text_input] == ["PPP", "SSS", ""]
    assert at.markdown[-1].value == "{'p': 'PPP', 's': 'SSS', 'n': ''}"


def test_a_page_switch_drops_page_scope_and_keeps_session_scope(project):
    at = _typed(project)
    at.switch_page("b.py").run()
    # As in Streamlit, the page's values are still there while the other page first runs.
    assert at.markdown[-1].value == "B {'p': 'PPP', 's': 'SSS', 'n': 'NNN'}"
    at.switch_page("a.py").run()
    assert [t.value for t in at.text_input] == ["", "SSS", ""]
    assert at.markdown[-1].value == "{'p': '', 's': 'SSS', 'n': ''}"


def test_a_page_scope_value_survives_reruns_while_hidden_on_its_page():
    def app():
        import nbstream as st

        if st.toggle("show", key="show", value=True):
            st.slider("level", 0, 10, key="level", persist_state="page")
        st.markdown(f"level: {st.session_state.get('level')}")

    at = AppTest.from_function(app).run()
    at.slider(key="level").set_value(8).run()
    at.toggle(key="show").set_value(False).run()
    at.run()
    at.run()
    assert at.markdown[-1].value == "level: 8"
    at.toggle(key="show").set_value(True).run()
    assert at.slider(key="level").value == 8
