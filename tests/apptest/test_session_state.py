"""Spec 3.7 "Add statefulness to apps": the Session State API and its errors."""

from __future__ import annotations

import pytest
from apphelpers import app, run

import nbstream as st


def texts(at):
    return [t.value for t in at.text]


def test_initialization_with_dict_and_attribute_syntax():
    at = run(
        """
        import nbstream as st
        if 'key' not in st.session_state:
            st.session_state['key'] = 'value'
        if 'other' not in st.session_state:
            st.session_state.other = 'value2'
        st.text(st.session_state.key)
        st.text(st.session_state['other'])
        """
    )
    assert texts(at) == ["value", "value2"]


def test_reads_and_updates():
    at = run(
        """
        import nbstream as st
        if 'key' not in st.session_state:
            st.session_state['key'] = 'value'
        st.write(st.session_state.key)
        st.session_state.key = 'value2'     # Attribute API
        st.session_state['key'] = 'value3'  # Dictionary like API
        st.write(st.session_state.key)
        """
    )
    assert [m.value for m in at.markdown] == ["value", "value3"]


def test_an_uninitialized_key_throws():
    at = run("import nbstream as st\nst.write(st.session_state['value'])")
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "KeyError"
    assert 'st.session_state has no key "value". Did you forget to initialize it?' in at.exception[0].message


def test_an_uninitialized_attribute_throws_attribute_error():
    at = run("import nbstream as st\nst.write(st.session_state.value)")
    assert at.exception[0].proto.type == "AttributeError"
    assert at.exception[0].value == (
        'st.session_state has no attribute "value". Did you forget to initialize it? '
        "More info: https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
    )


def test_deleting_a_missing_key_or_attribute():
    at = run("import nbstream as st\ndel st.session_state['nope']")
    assert at.exception[0].proto.type == "KeyError"
    assert 'st.session_state has no key "nope". Did you forget to initialize it?' in at.exception[0].message
    at = run("import nbstream as st\ndel st.session_state.nope")
    assert at.exception[0].proto.type == "AttributeError"
    assert (
        'st.session_state has no attribute "nope". Did you forget to initialize it?'
        in at.exception[0].message
    )


def test_dict_api():
    at = run(
        """
        import nbstream as st
        st.session_state["a"] = 1
        st.session_state.b = 2
        st.slider("s", key="s")
        st.text(repr(sorted(st.session_state)))
        st.text(repr(len(st.session_state)))
        st.text(repr(sorted(st.session_state.keys())))
        st.text(repr(sorted(st.session_state.to_dict().items())))
        st.text(repr(st.session_state.get("zz", "default")))
        st.text(repr(st.session_state.get("a")))
        st.text(repr(("a" in st.session_state, "zz" in st.session_state, 7 in st.session_state)))
        del st.session_state.a
        del st.session_state["b"]
        st.text(repr(sorted(st.session_state)))
        st.session_state.update({"c": 3})
        st.text(repr(st.session_state.pop("c")))
        st.text(repr(sorted(st.session_state.items())))
        """
    )
    assert texts(at) == [
        "['a', 'b', 's']",
        "3",
        "['a', 'b', 's']",
        "[('a', 1), ('b', 2), ('s', 0)]",
        "'default'",
        "1",
        "(True, False, False)",
        "['s']",
        "3",
        "[('s', 0)]",
    ]


def test_non_string_keys_are_stored_as_strings():
    at = run(
        """
        import nbstream as st
        st.session_state[5] = 'five'
        st.text(st.session_state['5'])
        st.text(st.session_state[5])
        st.text(repr((5 in st.session_state, st.session_state.get(5))))
        st.slider("s", key=6)
        st.text(repr((st.session_state.get(6), 6 in st.session_state, sorted(st.session_state))))
        del st.session_state[5]
        st.text(repr("5" in st.session_state))
        """
    )
    assert texts(at) == ["five", "five", "(True, 'five')", "(0, True, ['5', '6'])", "False"]


@pytest.mark.parametrize(
    ("assignment", "widget", "problem"),
    [
        ("'abc'", "st.slider('w', 0, 10, key='w')", "expected a number"),
        ("50", "st.slider('w', 0, 10, key='w')", "50 is outside 0..10"),
        ("'yes'", "st.checkbox('w', key='w')", "it holds bool values"),
        ("5", "st.text_input('w', key='w')", "it holds str values"),
        ("'red'", "st.color_picker('w', key='w')", "expected a #RRGGBB color"),
        ("datetime.date(1990, 1, 1)", "st.date_input('w', datetime.date(2020, 1, 1), key='w')", "is outside"),
    ],
)
def test_a_widget_value_set_through_session_state_must_fit_the_widget(assignment, widget, problem):
    at = run(f"import datetime\nimport nbstream as st\nst.session_state.w = {assignment}\n{widget}")
    assert at.exception[0].proto.type == "StreamlitAPIException"
    message = at.exception[0].message
    assert message.startswith(f"`st.session_state.w` is set to {assignment}, which the ")
    assert problem in message


@pytest.mark.parametrize(
    ("assignment", "widget", "shown"),
    [
        ("5", "st.number_input('w', 0.0, 10.0, key='w')", "5"),
        ("('a',)", "st.multiselect('w', ['a', 'b'], key='w')", "('a',)"),
        ("[2, 4]", "st.slider('w', 0, 10, (1, 3), key='w')", "[2, 4]"),
        ("datetime.time(9, 30)", "st.time_input('w', key='w')", "datetime.time(9, 30)"),
        ("None", "st.selectbox('w', ['a'], key='w')", "None"),
    ],
)
def test_values_that_fit_the_widget_are_accepted(assignment, widget, shown):
    at = run(
        f"import datetime\nimport nbstream as st\nst.session_state.w = {assignment}\nst.text(repr({widget}))"
    )
    assert not at.exception
    assert at.text[0].value == shown


def test_clear_forgets_everything():
    at = run(
        """
        import nbstream as st
        if st.session_state.get("clear"):
            st.session_state.clear()
        st.session_state.count = st.session_state.get("count", 0) + 1
        st.text(st.session_state.count)
        """
    )
    at.run()
    assert texts(at) == ["2"]
    at.session_state.clear = True
    at.run()
    assert texts(at) == ["1"]
    assert "clear" not in at.session_state


def test_state_persists_between_reruns_but_variables_do_not():
    at = run(
        """
        import nbstream as st
        st.title('Counter Example')
        count = 0
        if 'count' not in st.session_state:
            st.session_state.count = 0
        increment = st.button('Increment')
        if increment:
            count += 1
            st.session_state.count += 1
        st.write('Count = ', count, st.session_state.count)
        """
    )
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Count =  `1` `2`"


def test_widget_value_mirrored_under_its_key():
    """The Celsius example: set and get a widget's value through Session State."""
    at = run(
        """
        import nbstream as st
        if "celsius" not in st.session_state:
            # set the initial default value of the slider widget
            st.session_state.celsius = 50.0
        st.slider(
            "Temperature in Celsius",
            min_value=-100.0,
            max_value=100.0,
            key="celsius"
        )
        # This will get the value of the slider widget
        st.write(st.session_state.celsius)
        """
    )
    assert at.slider[0].value == 50.0
    assert at.markdown[0].value == "`50.0`"
    at.slider[0].set_value(-12.5).run()
    assert at.markdown[0].value == "`-12.5`"
    assert at.session_state.celsius == -12.5


def test_sessions_do_not_share_state():
    src = "import nbstream as st\nst.session_state.n = st.session_state.get('n', 0) + 1\nst.text(st.session_state.n)"
    one, two = run(src), run(src)
    one.run()
    one.run()
    two.run()
    assert (texts(one), texts(two)) == (["3"], ["2"])


def test_session_state_outside_a_run_is_a_working_mapping():
    st.session_state.outside = 1
    assert st.session_state.outside == 1
    del st.session_state.outside
    assert "outside" not in st.session_state


# ---- serializable session state ------------------------------------------------------------

UNSERIALIZABLE = """
import nbstream as st
def unserializable_data():
    return lambda x: x
#👇 results in an exception when enforceSerializableSessionState is on
st.session_state.unserializable = unserializable_data()
st.text("stored")
"""


def test_unserializable_values_are_allowed_by_default():
    at = run(UNSERIALIZABLE)
    assert not at.exception
    assert texts(at) == ["stored"]


def test_enforce_serializable_session_state_with_set_option():
    st.set_option("runner.enforceSerializableSessionState", True)
    at = run(UNSERIALIZABLE)
    assert texts(at) == []
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert (
        "Cannot serialize the value (of type `<class 'function'>`) of 'unserializable'"
        in at.exception[0].message
    )
    assert "unserializable" not in at.session_state


def test_enforce_serializable_session_state_from_the_config_file(project):
    from nbstream import config

    (project / ".streamlit").mkdir()
    (project / ".streamlit" / "config.toml").write_text("[runner]\nenforceSerializableSessionState = true\n")
    config.reload()
    at = run(UNSERIALIZABLE)
    assert at.exception[0].proto.type == "StreamlitAPIException"


def test_enforce_serializable_allows_picklable_values():
    st.set_option("runner.enforceSerializableSessionState", True)
    at = run(
        """
        import datetime
        import nbstream as st
        st.session_state.values = {"a": [1, 2.5, "x"], "when": datetime.date(2024, 1, 2)}
        st.text("ok")
        """
    )
    assert texts(at) == ["ok"]


def test_the_test_sets_session_state_before_the_first_run():
    at = app("import nbstream as st\nst.text(st.session_state.preset)")
    at.session_state.preset = "from the test"
    at.run()
    assert texts(at) == ["from the test"]


@pytest.mark.parametrize("key", ["a", "with space", "ünïcode"])
def test_any_string_key(key):
    at = run(f"import nbstream as st\nst.session_state[{key!r}] = 1\nst.text(st.session_state[{key!r}])")
    assert texts(at) == ["1"]
