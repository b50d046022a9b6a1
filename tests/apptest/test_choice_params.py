"""Streamlit 1.67's newer arguments of checkbox, toggle, radio, selectbox, multiselect,
slider and select_slider: what the script gets back, what AppTest's element message
holds, and Streamlit's error (type and message) for a value it refuses."""

from __future__ import annotations

import pytest
from apphelpers import run

MATERIAL_EXAMPLE = ":material\u200b/thumb_up:"


def test_width_and_wrap_reach_the_element_message():
    at = run(
        """
        import nbstream as st
        st.checkbox("Agree", width=240, wrap=False)
        st.toggle("On", width="stretch", wrap=True)
        st.radio("Pick", ["a", "b"])
        st.selectbox("Fruit", ["Apple"], width=300)
        st.multiselect("Tags", ["x", "y"], wrap=False)
        st.slider("Level", width=250)
        st.select_slider("Size", ["S", "M", "L"])
        """
    )
    assert (at.checkbox[0].proto.width, at.checkbox[0].proto.wrap) == (240, False)
    assert (at.toggle[0].proto.width, at.toggle[0].proto.wrap) == ("stretch", True)
    assert at.radio[0].proto.width == "content"
    assert at.selectbox[0].proto.width == 300
    assert (at.multiselect[0].proto.width, at.multiselect[0].proto.wrap) == ("stretch", False)
    assert at.slider[0].proto.width == 250
    assert at.select_slider[0].proto.width == "stretch"


@pytest.mark.parametrize(
    "call, message",
    [
        (
            "st.checkbox('a', width='wide')",
            "Invalid width value: 'wide'. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        (
            "st.radio('a', [1, 2], width=-1)",
            "Invalid width value: -1. Width must be either a positive integer (pixels), "
            "'stretch', or 'content'.",
        ),
        *[
            (
                call,
                "Invalid width value: 'content'. Width must be either a positive integer (pixels) "
                "or 'stretch'.",
            )
            for call in (
                "st.selectbox('a', [1, 2], width='content')",
                "st.multiselect('a', [1, 2], width='content')",
                "st.slider('a', width='content')",
                "st.select_slider('a', [1, 2], width='content')",
            )
        ],
    ],
)
def test_a_bad_width_is_streamlits_width_error(call, message):
    at = run(f"import nbstream as st\n{call}\n")
    assert at.exception[0].proto.type == "StreamlitInvalidWidthError"
    assert at.exception[0].message == message


def test_the_widgets_still_return_their_values_with_the_new_arguments():
    at = run(
        """
        import nbstream as st
        st.text(repr(st.checkbox("Agree", value=True, width="stretch", wrap=False)))
        st.text(repr(st.slider("Level", 0, 10, 4, width=200)))
        st.text(repr(st.select_slider("Size", ["S", "M", "L"], value="M", width=200)))
        """
    )
    assert [t.value for t in at.text] == ["True", "4", "'M'"]
    at.slider[0].set_value(7).run()
    assert at.text[1].value == "7"


def test_selectbox_icon_required_and_filter_mode_reach_the_message():
    at = run(
        """
        import nbstream as st
        st.selectbox("A", ["x"], icon="🔥", required=True, filter_mode="prefix")
        st.selectbox("B", ["x"], icon=":material/search:", filter_mode=None)
        st.selectbox("C", ["x"], icon="spinner")
        st.selectbox("D", ["x"])
        """
    )
    a, b, c, d = at.selectbox
    assert (a.proto.icon, a.proto.required, a.proto.filter_mode) == ("🔥", True, "prefix")
    assert (b.proto.icon, b.proto.filter_mode) == (":material/search:", None)
    assert c.proto.icon == "spinner"
    assert (d.proto.icon, d.proto.required, d.proto.filter_mode) == (None, False, "fuzzy")
    assert d.placeholder == "Choose an option"


def test_required_keeps_the_default_until_the_user_picks():
    at = run(
        """
        import nbstream as st
        st.text(repr(st.selectbox("Size", ["S", "M"], index=None, required=True)))
        """
    )
    assert at.text[0].value == "None"
    at.selectbox[0].select("M").run()
    assert at.text[0].value == "'M'"


@pytest.mark.parametrize(
    "call, exc_type, message",
    [
        (
            "st.selectbox('a', [1], icon='notanicon')",
            "StreamlitAPIException",
            'The value "notanicon" is not a valid icon. Please use a single emoji or a Material '
            f"icon shortcode like `{MATERIAL_EXAMPLE}`.",
        ),
        (
            "st.selectbox('a', [1], icon=':material/Bad Name:')",
            "StreamlitAPIException",
            'The value `":material\u200b/Bad Name:"` is not a valid Material icon. Please use a '
            f"Material icon shortcode like **`{MATERIAL_EXAMPLE}`**.",
        ),
        (
            "st.selectbox('a', [1], filter_mode='regex')",
            "StreamlitValueError",
            "Invalid `filter_mode` value. Supported values: fuzzy, contains, prefix, None.",
        ),
        (
            "st.multiselect('a', [1], filter_mode=None, accept_new_options=True)",
            "StreamlitIncompatibleParametersError",
            "`filter_mode=None` and `accept_new_options=True` cannot be used together. "
            "`filter_mode` cannot be `None` when `accept_new_options=True`. "
            "Set `filter_mode` to `fuzzy`, `contains`, or `prefix`.",
        ),
        (
            "st.multiselect('a', [1], select_all='yes')",
            "StreamlitInvalidParameterTypeError",
            "Invalid `select_all` type. Expected one of: bool, int. Provided type: str.",
        ),
        (
            "st.multiselect('a', [1], select_all=1.5)",
            "StreamlitInvalidParameterTypeError",
            "Invalid `select_all` type. Expected one of: bool, int. Provided type: float.",
        ),
        (
            "st.multiselect('a', [1], select_all=-1)",
            "StreamlitValueError",
            "Invalid `select_all` value. Supported values: True, False, a non-negative integer. "
            "When using an int, `select_all` must be a non-negative integer.",
        ),
        (
            "st.slider('a', on_change='later')",
            "StreamlitValueError",
            "Invalid `on_change` value. Supported values: 'rerun', 'ignore', a callback function.",
        ),
    ],
)
def test_bad_values_raise_streamlits_errors(call, exc_type, message):
    at = run(f"import nbstream as st\n{call}\nst.text('after')\n")
    assert at.exception[0].proto.type == exc_type
    assert at.exception[0].message == message
    assert len(at.text) == 0


def test_select_all_reaches_the_message():
    at = run(
        """
        import nbstream as st
        st.multiselect("A", [1, 2])
        st.multiselect("B", [1, 2], select_all=False)
        st.multiselect("C", [1, 2], select_all=True)
        st.multiselect("D", [1, 2], select_all=5)
        """
    )
    assert [m.proto.select_all for m in at.multiselect] == [1000, False, True, 5]


def test_on_change_rerun_is_the_default_and_a_callback_still_runs():
    at = run(
        """
        import nbstream as st
        st.session_state.setdefault("calls", 0)
        def bump():
            st.session_state.calls += 1
        st.toggle("T", on_change="rerun")
        st.checkbox("C", on_change=bump)
        st.text(st.session_state.calls)
        """
    )
    at.toggle[0].set_value(True).run()
    assert at.text[0].value == "0"
    at.checkbox[0].check().run()
    assert at.text[0].value == "1"


def test_selectbox_accepts_a_new_option_as_a_string():
    at = run(
        """
        import nbstream as st
        v = st.selectbox("Fruit", ["Apple", "Banana"], accept_new_options=True, key="fruit")
        st.text(repr(v))
        """
    )
    box = at.selectbox[0]
    assert box.proto.accept_new_options is True
    assert box.placeholder == "Add an option"
    assert at.text[0].value == "'Apple'"
    box.set_value("Mango").run()
    assert at.text[0].value == "'Mango'"
    assert at.session_state.fruit == "Mango"
    # The browser shows the typed text as the value.
    assert at.selectbox[0]._node.props["value"] == "Mango"


def test_multiselect_accepts_new_options_and_defaults_outside_the_options():
    at = run(
        """
        import nbstream as st
        v = st.multiselect("Tags", ["red", "blue"], default=["teal"], accept_new_options=True)
        st.text(repr(v))
        """
    )
    ms = at.multiselect[0]
    assert ms.placeholder == "Add options"
    assert at.text[0].value == "['teal']"
    assert ms.values == ["teal"]
    ms.select("blue").select("pink").run()
    assert at.text[0].value == "['teal', 'blue', 'pink']"
    assert at.multiselect[0].values == ["teal", "blue", "pink"]


def test_without_accept_new_options_a_default_outside_the_options_is_refused():
    at = run("import nbstream as st\nst.multiselect('Tags', ['red'], default=['teal'])\n")
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert "The default value 'teal' is not part of the options." in at.exception[0].message


@pytest.mark.parametrize(
    "call",
    [
        'st.toggle("t", on_change="ignore")',
        'st.radio("r", ["a", "b"], on_change="ignore")',
        'st.selectbox("s", ["a"], on_change="ignore", accept_new_options=True)',
        'st.multiselect("m", ["a"], on_change="ignore", select_all=False)',
        'st.slider("l", on_change="ignore", width=200)',
        'st.select_slider("z", ["a", "b"], on_change="ignore")',
    ],
)
def test_on_change_ignore_reaches_the_browser_with_the_new_arguments(call):
    at = run(f"import nbstream as st\n{call}\n")
    assert not at.exception
    widget = next(n for n in at._session.tree.walk() if n.props.get("id"))
    assert widget.props["on_change"] == "ignore"
