"""Spec 3.8 "Widget behavior": identity, statefulness, clean-up, callbacks and their order."""

from __future__ import annotations

import logging

import pytest
from apphelpers import app, run


def markdowns(at):
    return [m.value for m in at.markdown]


def test_widgets_return_their_defaults_on_the_first_run():
    at = run(
        """
        import nbstream as st
        st.text(repr(st.selectbox('s', ['x', 'y'])))
        st.text(repr(st.button('b')))
        st.text(repr(st.slider('n')))
        st.text(repr(st.text_input('t')))
        st.text(repr(st.checkbox('c')))
        st.text(repr(st.multiselect('m', ['a'])))
        st.text(repr(st.radio('r', [1, 2], index=None)))
        """
    )
    assert [t.value for t in at.text] == ["'x'", "False", "0", "''", "False", "[]", "None"]


def test_widgets_are_session_dependent():
    src = "import nbstream as st\nst.text(st.slider('s', 0, 10))"
    one, two = run(src), run(src)
    one.slider[0].set_value(7).run()
    two.run()
    assert (one.text[0].value, two.text[0].value) == ("7", "0")


def test_two_identical_widgets_raise_duplicate_widget_id():
    at = run(
        """
        import nbstream as st
        # This will cause a DuplicateWidgetID error.
        st.button("OK")
        st.button("OK")
        """
    )
    assert len(at.button) == 1
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "DuplicateWidgetID"
    assert "`st.button`" in at.exception[0].message
    assert "`key`" in at.exception[0].message


def test_keys_distinguish_otherwise_identical_widgets():
    at = run(
        """
        import nbstream as st
        st.button("OK", key="privacy")
        st.button("OK", key="terms")
        """
    )
    assert not at.exception
    assert [b.key for b in at.button] == ["privacy", "terms"]


def test_the_same_key_on_two_widgets_is_a_duplicate():
    at = run("import nbstream as st\nst.slider('a', key='k')\nst.checkbox('b', key='k')")
    assert at.exception[0].proto.type == "DuplicateWidgetID"
    assert "key='k'" in at.exception[0].message


def test_the_duplicate_error_can_be_caught_in_the_script():
    at = run(
        """
        import nbstream as st
        from nbstream.errors import DuplicateWidgetID, StreamlitAPIException
        st.button("OK")
        try:
            st.button("OK")
        except DuplicateWidgetID as exc:
            st.text(f"caught {isinstance(exc, StreamlitAPIException)}")
        """
    )
    assert at.text[0].value == "caught True"


def test_callbacks_see_the_new_value_and_run_before_the_script():
    """Order of operations: session state updated, callback, then the rerun."""
    at = run(
        """
        import nbstream as st
        if "log" not in st.session_state:
            st.session_state.log = []
        def changed():
            st.session_state.log.append(("callback", st.session_state.n))
        st.session_state.log.append(("script", st.session_state.get("n")))
        st.number_input("n", key="n", on_change=changed)
        """
    )
    at.number_input[0].set_value(4).run()
    assert at.session_state.log == [("script", None), ("callback", 4.0), ("script", 4.0)]


def test_callback_output_appears_above_the_page():
    at = run(
        """
        import nbstream as st
        def changed():
            st.write("from the callback")
        st.write("script")
        st.checkbox("c", on_change=changed)
        """
    )
    at.checkbox[0].check().run()
    assert markdowns(at) == ["from the callback", "script"]
    at.run()  # it disappears with the next action
    assert markdowns(at) == ["script"]


def test_callback_args_are_captured_when_the_widget_is_drawn():
    at = run(
        """
        import nbstream as st
        if "seen" not in st.session_state:
            st.session_state.seen = []
        def cb(arg, kw=None):
            st.session_state.seen.append((arg, kw, st.session_state.n))
        v = st.number_input("n", key="n", on_change=cb,
                            args=(st.session_state.get("n", "init"),), kwargs={"kw": "k"})
        """
    )
    at.number_input[0].set_value(3).run()
    at.number_input[0].set_value(4).run()
    # The args were fixed at the previous draw: the new value only through session state.
    assert at.session_state.seen == [("init", "k", 3.0), (3.0, "k", 4.0)]


def test_callbacks_of_several_widgets_run_in_page_order():
    at = run(
        """
        import nbstream as st
        if "log" not in st.session_state:
            st.session_state.log = []
        def cb(name):
            st.session_state.log.append(name)
        st.text_input("a", key="a", on_change=cb, args=("a",))
        st.checkbox("b", key="b", on_change=cb, args=("b",))
        st.slider("c", key="c", on_change=cb, args=("c",))
        st.button("d", on_click=cb, args=("d",))
        """
    )
    at.slider[0].set_value(5)
    at.button[0].click()
    at.checkbox[0].check()
    at.text_input[0].input("x")
    at.run()
    assert at.session_state.log == ["a", "b", "c", "d"]


def test_a_callback_runs_only_when_the_value_changes():
    at = run(
        """
        import nbstream as st
        st.session_state.calls = st.session_state.get("calls", 0)
        def cb():
            st.session_state.calls += 1
        st.slider("s", 0, 10, 3, on_change=cb)
        """
    )
    at.slider[0].set_value(3).run()
    assert at.session_state.calls == 0
    at.slider[0].set_value(4).run()
    at.run()
    assert at.session_state.calls == 1


def test_callback_exception_is_shown_and_the_session_goes_on():
    at = run(
        """
        import nbstream as st
        def cb():
            raise ValueError("bad callback")
        st.checkbox("c", on_change=cb)
        st.text("drawn")
        """
    )
    at.checkbox[0].check().run()
    assert at.exception[0].proto.type == "ValueError"
    assert at.exception[0].value == "bad callback"
    assert len(at.checkbox) == 0  # the script did not run after the failed callback
    at.run()
    assert not at.exception
    assert at.text[0].value == "drawn"
    assert at.checkbox[0].value is True


# ---- statefulness ------------------------------------------------------------------------

CHANGE_PARAMETERS = """
import nbstream as st
cols = st.columns([2, 1, 2])
minimum = cols[0].number_input("Minimum", 1, 5)
maximum = cols[2].number_input("Maximum", 6, 10, 10)
st.slider("No default, no key", minimum, maximum)
st.slider("No default, with key", minimum, maximum, key="a")
st.slider("With default, no key", minimum, maximum, value=5)
st.slider("With default, with key", minimum, maximum, value=5, key="b")
"""


def test_changing_a_parameter_resets_the_widget_keyed_or_not():
    at = run(CHANGE_PARAMETERS)
    for slider, value in zip(at.slider, [3, 4, 6, 7], strict=True):
        slider.set_value(value)
    at.run()
    assert [s.value for s in at.slider] == [3, 4, 6, 7]
    at.run()
    assert [s.value for s in at.slider] == [3, 4, 6, 7]  # stateful while parameters stay
    at.number_input[0].set_value(2).run()  # the minimum changes
    assert [s.value for s in at.slider] == [2, 2, 5, 5]
    assert (at.session_state.a, at.session_state.b) == (2, 5)
    assert [s.min for s in at.slider] == [2, 2, 2, 2]


def test_callbacks_label_visibility_and_disabled_are_not_identity():
    at = run(
        """
        import nbstream as st
        flip = st.session_state.get("flip", False)
        st.slider("s", 0, 10, disabled=flip, label_visibility="hidden" if flip else "visible",
                  on_change=(lambda: None) if flip else None, args=(1,) if flip else None)
        """
    )
    at.slider[0].set_value(8).run()
    at.session_state.flip = True
    at.run()
    assert at.slider[0].value == 8
    assert at.slider[0].disabled is True


@pytest.mark.parametrize(
    "change",
    ["label", "help", "placeholder", "max_chars", "value"],
)
def test_identity_parameters_of_a_text_input(change):
    at = run(
        f"""
        import nbstream as st
        args = dict(label="Name", help="h", placeholder="p", max_chars=20, value="")
        if st.session_state.get("changed"):
            args["{change}"] = {{"label": "Other", "help": "h2", "placeholder": "p2", "max_chars": 30, "value": "x"}}["{change}"]
        st.text_input(args.pop("label"), key="t", **args)
        """
    )
    at.text_input[0].input("typed").run()
    at.session_state.changed = True
    at.run()
    expected = "x" if change == "value" else ""  # a new widget: its (new) default
    assert at.text_input[0].value == expected
    assert at.session_state.t == expected


def test_widgets_not_drawn_are_cleaned_up_with_their_keys():
    at = run(
        """
        import nbstream as st
        show = st.checkbox("show", value=True)
        if show:
            st.text_input("t", key="t")
        st.text("t" in st.session_state)
        """
    )
    at.text_input[0].input("hello").run()
    assert at.session_state.t == "hello"
    at.checkbox[0].uncheck().run()
    assert at.text[0].value == "True"  # clean-up happens at the end of the run
    assert "t" not in at.session_state
    at.checkbox[0].check().run()
    assert at.text_input[0].value == ""  # a new widget: its default
    assert at.text[0].value == "True"


def test_save_widget_values_under_another_key():
    """The temporary underscore key pattern keeps a value while the widget is away."""
    at = run(
        """
        import nbstream as st
        def store_value():
            # Copy the value to the permanent key
            st.session_state["my_key"] = st.session_state["_my_key"]
        if "my_key" in st.session_state:
            # Copy the saved value to the temporary key
            st.session_state["_my_key"] = st.session_state["my_key"]
        if st.checkbox("show", value=True):
            st.number_input("Number of filters", key="_my_key", on_change=store_value)
        """
    )
    at.number_input[0].set_value(3).run()
    at.checkbox[0].uncheck().run()
    at.run()
    assert at.session_state.my_key == 3
    at.checkbox[0].check().run()
    assert at.number_input[0].value == 3


def test_save_widget_values_functionalized():
    at = run(
        """
        import nbstream as st
        def store_value(key):
            st.session_state[key] = st.session_state["_"+key]
        def load_value(key):
            st.session_state["_"+key] = st.session_state[key]
        if "my_key" not in st.session_state:
            st.session_state.my_key = 1
        load_value("my_key")
        st.number_input("Number of filters", key="_my_key", on_change=store_value, args=["my_key"])
        """
    )
    assert at.number_input[0].value == 1
    at.number_input[0].set_value(6).run()
    assert at.session_state.my_key == 6
    at.run()
    assert at.number_input[0].value == 6


def test_a_new_widget_takes_an_existing_key_value():
    at = app(
        """
        import nbstream as st
        st.text(repr(st.slider("s", 0, 10, key="k")))
        """
    )
    at.session_state.k = 4
    at.run()
    assert at.text[0].value == "4"
    assert at.slider[0].value == 4


def test_a_label_change_makes_a_new_widget_and_resets_the_key():
    """Alpha -> Beta: key "A" belongs to Alpha; the new widget starts from its default."""
    at = run(
        """
        import nbstream as st
        label = "Beta" if st.session_state.get("beta") else "Alpha"
        st.number_input(label, key="A")
        """
    )
    at.number_input[0].set_value(7).run()
    assert at.session_state.A == 7
    at.session_state.beta = True
    at.run()
    assert at.number_input[0].label == "Beta"
    assert at.number_input[0].value == 0
    assert at.session_state.A == 0


def test_a_deleted_key_is_recreated_from_the_frontend_value():
    at = run(
        """
        import nbstream as st
        if st.session_state.get("delete"):
            del st.session_state["n"]
            st.session_state.delete = False
            st.text("n" in st.session_state)
        st.number_input("n", key="n")
        """
    )
    at.number_input[0].set_value(7).run()
    at.session_state.delete = True
    at.run()
    assert at.text[0].value == "False"
    assert at.number_input[0].value == 7  # not reverted to the default
    assert at.session_state.n == 7


def test_interrupting_the_clean_up_keeps_the_value():
    at = run(
        """
        import nbstream as st
        if "my_key" in st.session_state:
            st.session_state.my_key = st.session_state.my_key
        if st.checkbox("show", value=True):
            st.text_input("t", key="my_key")
        """
    )
    at.text_input[0].input("kept").run()
    at.checkbox[0].uncheck().run()
    at.run()
    assert at.session_state.my_key == "kept"
    at.checkbox[0].check().run()
    assert at.text_input[0].value == "kept"


RETAIN = """
import nbstream as st
# Set default value
if "a" not in st.session_state:
    st.session_state.a = 5
cols = st.columns(2)
minimum = cols[0].number_input("Min", 1, 5, key="min")
maximum = cols[1].number_input("Max", 6, 10, 10, key="max")
def update_value():
    # Helper function to ensure consistency between widget parameters and value
    st.session_state.a = min(st.session_state.a, maximum)
    st.session_state.a = max(st.session_state.a, minimum)
# Validate the slider value before rendering
update_value()
st.slider("A", minimum, maximum, key="a")
"""


def test_retain_statefulness_when_changing_parameters():
    at = run(RETAIN)
    assert at.slider[0].value == 5
    at.slider[0].set_value(8).run()
    at.number_input(key="min").set_value(3).run()
    assert at.slider[0].value == 8
    assert at.slider[0].min == 3
    at.number_input(key="max").set_value(7).run()
    assert at.slider[0].value == 7  # clamped to the new maximum
    assert not at.exception


def test_modifying_a_widget_key_after_it_rendered_raises():
    at = run(
        """
        import nbstream as st
        st.slider("s", key="s")
        st.session_state.s = 5
        """
    )
    assert len(at.exception) == 1
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "`st.session_state.s` cannot be modified after the widget with key `s` is instantiated" in (
        at.exception[0].message
    )


def test_modifying_a_widget_key_before_it_renders_is_allowed():
    at = run(
        """
        import nbstream as st
        st.session_state.s = 5
        st.text(repr(st.slider("s", key="s")))
        """
    )
    assert not at.exception
    assert at.text[0].value == "5"


# ---- the default-vs-session-state warning --------------------------------------------------


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture
def warnings_log():
    handler = Recorder()
    logger = logging.getLogger("nbstream")
    logger.addHandler(handler)
    yield handler.messages
    logger.removeHandler(handler)


WARN_APP = """
import nbstream as st
if "s" not in st.session_state:
    st.session_state.s = 3
st.text(repr(st.slider("s", 0, 10, 5, key="s")))
if st.session_state.get("again"):
    st.session_state.again = False
"""


def _default_warnings(messages):
    return [m for m in messages if "created with a default value but also had its value set" in m]


def test_default_and_session_state_value_warns_once_per_widget_per_session(warnings_log):
    at = run(WARN_APP)
    assert at.text[0].value == "3"  # the session state value wins
    assert len(at.warning) == 0  # a log warning, not an element
    at.run()
    at.slider[0].set_value(7).run()
    at.session_state.s = 2
    at.run()
    assert _default_warnings(warnings_log) == [
        'The widget with key "s" was created with a default value but also had its value set via the '
        "Session State API."
    ]
    run(WARN_APP)  # another session warns again
    assert len(_default_warnings(warnings_log)) == 2


def test_no_warning_without_a_default(warnings_log):
    run(
        """
        import nbstream as st
        st.session_state.s = 3
        st.slider("s", 0, 10, key="s")
        st.session_state.t = "x"
        st.text_input("t", key="t")
        """
    )
    assert _default_warnings(warnings_log) == []


@pytest.mark.parametrize(
    ("call", "value"),
    [
        ("st.slider('w', 0, 10, key='w')", "4"),
        ("st.select_slider('w', [1, 2, 3], key='w')", "2"),
        ("st.number_input('w', key='w')", "2.0"),
        ("st.selectbox('w', [1, 2, 3], key='w')", "2"),
        ("st.radio('w', [1, 2, 3], key='w')", "2"),
        ("st.multiselect('w', [1, 2, 3], key='w')", "[2]"),
        ("st.checkbox('w', key='w')", "True"),
        ("st.toggle('w', key='w')", "True"),
        ("st.text_input('w', key='w')", "'x'"),
        ("st.text_area('w', key='w')", "'x'"),
        ("st.color_picker('w', key='w')", "'#00FF00'"),
        ("st.date_input('w', key='w')", "datetime.date(2020, 1, 2)"),
        ("st.time_input('w', key='w')", "datetime.time(9, 30)"),
    ],
)
def test_no_warning_for_a_widget_given_no_default(warnings_log, call, value):
    at = run(f"import datetime\nimport nbstream as st\nst.session_state.w = {value}\nst.text(repr({call}))")
    assert not at.exception
    assert at.text[0].value == value
    assert _default_warnings(warnings_log) == []


def test_the_warning_can_be_turned_off(warnings_log):
    import nbstream as st

    st.set_option("global.disableWidgetStateDuplicationWarning", True)
    run(WARN_APP)
    assert _default_warnings(warnings_log) == []
