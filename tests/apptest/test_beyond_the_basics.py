"""Spec 2.2 "Beyond the basics": at.secrets, at.session_state, at.query_params."""

from __future__ import annotations

import pytest
from apphelpers import app, run

from nbstream.testing import AppTest

SECRETS_APP = """
import nbstream as st
st.text(st.secrets["db_username"])
st.text(st.secrets.db_password)
st.text(repr(st.secrets["my_other_secrets"]["things_i_like"]))
st.text(repr(st.secrets.my_other_secrets.things_i_like))
st.text(repr(st.secrets["my_other_secrets.things_i_like"]))
st.text(repr(st.secrets.my_other_secrets["things_i_like"]))
st.text("my_other_secrets" in st.secrets)
"""


def test_declaring_secrets_in_a_test():
    at = app(SECRETS_APP)
    at.secrets["db_username"] = "Jane"
    at.secrets["db_password"] = "mypassword"
    at.secrets["my_other_secrets.things_i_like"] = ["Streamlit", "Python"]
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == [
        "Jane",
        "mypassword",
        *["['Streamlit', 'Python']"] * 4,
        "True",
    ]


def test_secrets_are_read_with_key_notation_in_the_test():
    at = app("import nbstream as st")
    at.secrets["my_key"] = "value"
    assert at.secrets["my_key"] == "value"


def test_a_missing_secret_is_a_keyerror_in_the_app():
    at = app('import nbstream as st\nst.text(st.secrets["nope"])')
    at.secrets["other"] = "x"
    at.run()
    assert at.exception[0].proto.type == "KeyError"
    assert 'st.secrets has no key "nope"' in at.exception[0].message


def test_secrets_of_one_test_do_not_leak_into_another_apptest():
    first = app('import nbstream as st\nst.text(st.secrets.get("token", "none"))')
    first.secrets["token"] = "abc"
    first.run()
    second = app('import nbstream as st\nst.text(st.secrets.get("token", "none"))')
    second.secrets["other"] = "x"
    second.run()
    assert first.text[0].value == "abc"
    assert second.text[0].value == "none"


def test_secrets_are_read_only_in_the_app():
    at = app(
        """
        import nbstream as st
        try:
            st.secrets.token = "new"
        except TypeError as exc:
            st.text(f"attribute: {exc}")
        try:
            st.secrets["token"] = "new"
        except TypeError:
            st.text("item: TypeError")
        st.text(st.secrets.token)
        """
    )
    at.secrets["token"] = "abc"
    at.run()
    assert [t.value for t in at.text] == [
        "attribute: Secrets does not support attribute assignment.",
        "item: TypeError",
        "abc",
    ]


# ---- session state -------------------------------------------------------------------------


def test_testing_a_multipage_app_page_with_session_state():
    at = AppTest.from_file("apps/multipage/pages/second.py")
    at.session_state["magic_word"] = "Balloons"
    at.run()
    assert at.markdown[0].value == ":balloon:"


def test_second_page_without_the_magic_word_shows_nothing():
    at = AppTest.from_file("apps/multipage/pages/second.py").run()
    assert len(at.markdown) == 0
    assert at.session_state.magic_word == "Streamlit"


def test_first_page_sets_the_magic_word():
    at = AppTest.from_file("apps/multipage/first.py").run()
    at.text_input[0].input("Balloons").run()
    assert at.session_state["magic_word"] == "Streamlit"
    at.button[0].click().run()
    assert at.session_state["magic_word"] == "Balloons"


def test_session_state_key_and_attribute_notation():
    at = app(
        """
        import nbstream as st
        st.text(st.session_state.a + st.session_state["b"])
        st.session_state.c = "set by app"
        """
    )
    at.session_state["a"] = 1
    at.session_state.b = 2
    at.run()
    assert at.text[0].value == "3"
    assert at.session_state.c == "set by app"
    assert at.session_state["c"] == "set by app"
    assert "c" in at.session_state
    assert "zzz" not in at.session_state


def test_session_state_of_the_test_can_be_read_at_any_time():
    at = run("import nbstream as st\nst.session_state.count = st.session_state.get('count', 0) + 1")
    assert at.session_state.count == 1
    at.run()
    assert at.session_state.count == 2
    at.session_state.count = 10
    at.run()
    assert at.session_state.count == 11


def test_test_sets_a_widget_value_through_session_state():
    at = run("import nbstream as st\nv = st.slider('s', 0, 10, key='s')\nst.text(v)")
    at.session_state["s"] = 6
    at.run()
    assert at.slider[0].value == 6
    assert at.text[0].value == "6"


def test_missing_session_state_key_in_the_test():
    at = run("import nbstream as st")
    with pytest.raises(KeyError):
        at.session_state["nope"]
    with pytest.raises(AttributeError):
        at.session_state.nope


# ---- query params --------------------------------------------------------------------------


def test_query_params_declared_before_the_first_run():
    at = app(
        """
        import nbstream as st
        st.text(st.query_params["page"])
        st.text(st.query_params.page)
        st.text(st.query_params.get("missing", "default"))
        """
    )
    at.query_params["page"] = "home"
    at.run()
    assert [t.value for t in at.text] == ["home", "home", "default"]


def test_query_params_set_by_the_app_are_seen_by_the_test():
    at = run(
        """
        import nbstream as st
        st.query_params["tab"] = "settings"
        st.query_params.count = 3
        """
    )
    assert at.query_params["tab"] == "settings"
    assert at.query_params["count"] == "3"


def test_query_params_values_are_strings_in_the_app():
    at = app("import nbstream as st\nst.text(repr(st.query_params['n']))")
    at.query_params["n"] = 5
    at.run()
    assert at.text[0].value == "'5'"


def test_query_param_lists_are_repeated_keys():
    at = app(
        """
        import nbstream as st
        st.text(st.query_params["tag"])
        st.text(repr(st.query_params.get_all("tag")))
        """
    )
    at.query_params["tag"] = ["a", "b"]
    at.run()
    assert at.text[0].value == "b"
    assert at.text[1].value == "['a', 'b']"
