"""st.set_page_config as in Streamlit 1.67: arguments left None keep what an earlier call
set; the sidebar can be "locked" or given a width; Streamlit's messages for bad values."""

from __future__ import annotations

from apphelpers import run


def config(at) -> dict:
    return at._session.tree.props["page_config"]


def test_later_calls_keep_what_earlier_ones_set():
    at = run(
        """
        import nbstream as st
        st.set_page_config(page_title="Sales", layout="wide", menu_items={"About": "v1", "Get help": "https://x.org"})
        st.set_page_config(page_icon="🧊", menu_items={"Get help": None})
        """
    )
    assert config(at) == {
        "page_title": "Sales",
        "page_icon": "🧊",
        "layout": "wide",
        "initial_sidebar_state": "auto",
        "menu_items": {"About": "v1"},
    }
    at.run()
    assert config(at)["layout"] == "wide"


def test_the_layout_stays_for_the_session_until_a_call_changes_it():
    at = run(
        """
        import nbstream as st
        if st.session_state.get("first", True):
            st.set_page_config(layout="wide")
            st.session_state.first = False
        else:
            st.set_page_config(page_title="again")
        """
    )
    at.run()
    assert config(at)["layout"] == "wide" and config(at)["page_title"] == "again"


def test_locked_and_pixel_widths_reach_the_page():
    assert (
        config(run('import nbstream as st\nst.set_page_config(initial_sidebar_state="locked")'))[
            "initial_sidebar_state"
        ]
        == "locked"
    )
    assert (
        config(run("import nbstream as st\nst.set_page_config(initial_sidebar_state=320)"))[
            "initial_sidebar_state"
        ]
        == 320
    )


def test_bad_values_get_streamlits_messages():
    at = run('import nbstream as st\nst.set_page_config(initial_sidebar_state="bogus")')
    assert at.exception[0].value == (
        "Invalid `initial_sidebar_state` value. Supported values: 'auto', 'expanded', 'collapsed', "
        "'locked', a positive integer (width in pixels). Got 'bogus'."
    )
