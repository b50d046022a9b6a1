"""A typo in a test fails: unknown names raise ``AttributeError`` naming the closest known
name, while every element kind Streamlit knows lists (empty when the app shows none)."""

from __future__ import annotations

import pytest

from nbstream.testing import AppTest

APP = """
import nbstream as st
st.success("saved")
st.button("Go", key="go")
with st.expander("More"):
    st.markdown("inside")
"""


@pytest.fixture(scope="module")
def at() -> AppTest:
    return AppTest.from_string(APP).run()


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("buton", "button"), ("sucess", "success"), ("markdwon", "markdown"), ("sesion_state", "session_state")],
)
def test_a_typo_on_apptest_raises_and_names_the_closest(at, name, suggestion):
    with pytest.raises(AttributeError, match=rf"no attribute '{name}'.*Did you mean '{suggestion}'\?"):
        getattr(at, name)


def test_a_typo_cannot_make_a_count_pass(at):
    with pytest.raises(AttributeError):
        assert len(at.sucess) == 0


@pytest.mark.parametrize("name", ["anything", "write", "args_", "values"])
def test_names_that_are_no_kind_raise(at, name):
    with pytest.raises(AttributeError, match="not an attribute or element kind"):
        getattr(at, name)


def test_blocks_are_strict_too(at):
    with pytest.raises(AttributeError, match="Did you mean 'markdown'"):
        at.expander[0].markdwon
    with pytest.raises(AttributeError, match="Did you mean 'button'"):
        at.main.butons
    with pytest.raises(AttributeError):
        at.sidebar.nothing_here


def test_elements_are_strict(at):
    with pytest.raises(AttributeError, match="Did you mean 'label'"):
        at.button[0].lable
    with pytest.raises(AttributeError, match="'Success' object has no attribute 'colour'"):
        at.success[0].colour


def test_element_lists_are_strict(at):
    with pytest.raises(AttributeError):
        at.button.valus


@pytest.mark.parametrize(
    "name",
    [
        # Streamlit's accessors for elements nbstream draws, and for ones other issues build
        "chat_input",
        "chat_message",
        "file_uploader",
        "camera_input",
        "audio_input",
        "pills",
        "segmented_control",
        "feedback",
        "page_link",
        "link_button",
        "image",
        "html",
        "space",
        "menu_button",
        "pagination",
        "datetime_input",
        "grid",
        "form_submit_button",
        # node types (get()/attribute), and nbstream's own kinds
        "vega_lite_chart",
        "deck_gl_json_chart",
        "plotly_chart",
        "help_info",
        "audio",
        "video",
        "empty",
        "balloons",
        "snow",
        "line_chart",
        "pyplot",
        "map",
        "fragment",
        "popover",
    ],
)
def test_known_kinds_give_empty_lists(at, name):
    listed = getattr(at, name)
    assert len(listed) == 0 and listed.len == 0 and listed.values == []
    assert len(at.get(name)) == 0
    assert len(getattr(at.expander[0], name)) == 0


def test_attributes_and_private_names_are_not_lists(at):
    assert at.default_timeout == 3.0
    with pytest.raises(AttributeError):
        at._no_such_private
