"""st.pills and st.segmented_control: defaults, modes, errors, session state, callbacks.

AppTest lists both under ``at.button_group`` (Streamlit's node type) and under their own
accessors; the wrapper is Streamlit's ``ButtonGroup``.
"""

from __future__ import annotations

import pytest
from apphelpers import run

from nbstream.testing.elements.widgets import ButtonGroup


@pytest.mark.parametrize("kind", ["pills", "segmented_control"])
def test_single_mode_starts_empty_and_returns_the_chosen_option(kind):
    at = run(
        f"""
        import nbstream as st
        v = st.{kind}("Direction", ["North", "East", "South"])
        st.text(repr(v))
        """
    )
    widget = at.get(kind)[0]
    assert isinstance(widget, ButtonGroup)
    assert widget.type == "button_group"
    assert at.button_group[0] == widget
    assert widget.value is None and widget.indices == []
    assert widget.options == ["North", "East", "South"]
    assert at.text[0].value == "None"
    widget.set_value("South").run()
    assert at.text[0].value == "'South'"
    assert at.get(kind)[0].indices == [2]
    at.get(kind)[0].unselect("South").run()
    assert at.text[0].value == "None"


def test_multi_mode_keeps_the_order_of_choice():
    at = run(
        """
        import nbstream as st
        v = st.pills("Tags", ["a", "b", "c"], selection_mode="multi", default=["c", "a"], key="tags")
        st.text(repr(v))
        st.text(repr(st.session_state.tags))
        """
    )
    pills = at.pills[0]
    assert pills.value == ["c", "a"]
    assert pills.indices == [2, 0]
    assert [t.value for t in at.text] == ["['c', 'a']", "['c', 'a']"]
    pills.select("b").run()
    assert at.text[0].value == "['c', 'a', 'b']"
    at.pills[0].unselect("c").run()
    assert at.text[0].value == "['a', 'b']"
    at.pills[0].set_value([]).run()
    assert at.text[0].value == "[]"


def test_format_func_changes_the_labels_not_the_values():
    at = run(
        """
        import nbstream as st
        v = st.segmented_control("Size", [1, 2, 3], default=2, format_func=lambda n: f"{n} px")
        st.text(repr(v))
        """
    )
    control = at.segmented_control[0]
    assert control.options == ["1 px", "2 px", "3 px"]
    assert control.formatted_values == ["2 px"]
    assert at.text[0].value == "2"
    control.select(3).run()
    assert at.text[0].value == "3"


def test_icons_in_options_reach_the_browser_as_markdown():
    at = run(
        """
        import nbstream as st
        st.pills("Mood", [":material/mood: Happy", "😢 Sad"])
        """
    )
    assert at.pills[0].options == [":material/mood: Happy", "😢 Sad"]
    assert at.pills[0].proto.style == "pills"


def test_session_state_sets_the_value_and_callbacks_run_before_the_script():
    at = run(
        """
        import nbstream as st
        if "log" not in st.session_state:
            st.session_state.log = []
            st.session_state.choice = "y"
        def changed(tag):
            st.session_state.log.append((tag, st.session_state.choice))
        v = st.pills("Pick", ["x", "y", "z"], key="choice", on_change=changed, args=("cb",))
        st.text(repr(v))
        st.text(repr(st.session_state.log))
        """
    )
    assert at.pills[0].value == "y"
    at.pills[0].select("z").run()
    assert at.text[0].value == "'z'"
    assert at.text[1].value == "[('cb', 'z')]"
    at.pills[0].select("z").run()  # no change: no callback
    assert at.text[1].value == "[('cb', 'z')]"


def test_enum_options_survive_reruns():
    at = run(
        """
        import nbstream as st
        from enum import Enum
        class Color(Enum):
            RED = 1
            BLUE = 2
        v = st.segmented_control("Color", Color, default=Color.RED)
        st.text(str(v is Color.RED or v is Color.BLUE))
        st.text(str(v))
        """
    )
    assert at.text[1].value == "Color.RED"
    at.segmented_control[0].set_value(at.segmented_control[0].value).run()
    assert at.text[0].value == "True"


@pytest.mark.parametrize(
    ("call", "exc_type", "message"),
    [
        (
            'st.pills("a", ["x"], selection_mode="bad")',
            "StreamlitValueError",
            "Invalid `selection_mode` value. Supported values: 'single', 'multi'.",
        ),
        (
            'st.pills("a", ["x"], selection_mode="multi", required=True)',
            "StreamlitIncompatibleParametersError",
            "`required=True` and `selection_mode='multi'` cannot be used together.",
        ),
        (
            'st.segmented_control("a", ["x", "y"], default="z")',
            "StreamlitDefaultNotInOptionsError",
            "The default value 'z' is not part of the options.",
        ),
        (
            'st.pills("a", ["x", "y"], default=["x", "y"])',
            "StreamlitAPIException",
            "The default argument to `st.pills` must be a single value when `selection_mode='single'`.",
        ),
        (
            'st.pills("a", ["x"], width=0)',
            "StreamlitInvalidWidthError",
            "Invalid width value: 0.",
        ),
        ('st.pills("a", ["x"], format_func=3)', "StreamlitAPIException", "format_func must be callable"),
    ],
)
def test_errors(call, exc_type, message):
    at = run(f"import nbstream as st\n{call}\nst.text('after')\n")
    assert at.exception[0].proto.type == exc_type
    assert message in at.exception[0].message
    assert len(at.text) == 0


def test_the_new_exception_classes_are_streamlit_api_exceptions():
    from nbstream.errors import (
        StreamlitAPIException,
        StreamlitDefaultNotInOptionsError,
        StreamlitIncompatibleParametersError,
        StreamlitValueError,
    )

    for cls in (StreamlitValueError, StreamlitIncompatibleParametersError, StreamlitDefaultNotInOptionsError):
        assert issubclass(cls, StreamlitAPIException)


def test_required_single_choice_starts_at_its_default():
    at = run(
        """
        import nbstream as st
        v = st.segmented_control("Mode", ["Fast", "Safe"], default="Safe", required=True)
        st.text(repr(v))
        """
    )
    assert at.text[0].value == "'Safe'"
    assert at.segmented_control[0].proto.required is True
