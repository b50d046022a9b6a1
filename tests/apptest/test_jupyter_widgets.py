"""st.widget via AppTest: a Jupyter widget (ipywidgets, anywidget) inside an app -- its
trait is the widget's value, the same instance survives reruns, a change reruns the app
(with on_change), and the instance is closed when the app stops showing it."""

from __future__ import annotations

import pytest
from apphelpers import app, run

SLIDER_APP = """
import ipywidgets
import nbstream as st

if "changes" not in st.session_state:
    st.session_state.changes = []

def moved(tag):
    st.session_state.changes.append((tag, st.session_state.n))

s = st.widget(ipywidgets.IntSlider(value=3, max=10), key="n", on_change=moved, args=("slider",))
st.text(f"value={s.value} squared={s.value ** 2} id={id(s)}")
"""


def _text(at) -> dict[str, str]:
    return dict(part.split("=") for part in at.text[0].value.split())


def test_the_widget_is_listed_with_its_trait_and_model():
    at = run(SLIDER_APP)
    (shown,) = at.get("jupyter_widget")
    assert shown.value == 3 and shown.trait == "value" and shown.key == "n"
    assert shown.widget_class == "ipywidgets.widgets.widget_int.IntSlider"
    assert shown.model_id == shown.widget.model_id
    assert at.session_state["n"] == 3
    assert _text(at)["value"] == "3"


def test_the_same_instance_survives_reruns_and_a_new_one_in_its_place_is_closed():
    at = run(SLIDER_APP)
    first = at.jupyter_widget[0].widget
    at.run()
    assert at.jupyter_widget[0].widget is first
    assert _text(at)["id"] == str(id(first))
    assert first.comm is not None  # still open


def test_set_value_reruns_sets_the_trait_and_calls_on_change():
    at = run(SLIDER_APP)
    at.jupyter_widget[0].set_value(7).run()
    assert _text(at) == {**_text(at), "value": "7", "squared": "49"}
    assert at.jupyter_widget[0].widget.value == 7
    assert at.session_state.changes == [("slider", 7)]


def test_setting_the_trait_in_the_test_reaches_the_app_as_a_user_change():
    at = run(SLIDER_APP)
    at.jupyter_widget[0].widget.value = 9
    at.run()
    assert _text(at)["squared"] == "81"
    assert at.session_state["n"] == 9 and at.session_state.changes == [("slider", 9)]
    at.run()  # nothing changed since: no callback
    assert at.session_state.changes == [("slider", 9)]


def test_session_state_sets_the_widget():
    at = run(
        """
        import ipywidgets
        import nbstream as st
        if st.button("reset"):
            st.session_state.n = 0
        s = st.widget(ipywidgets.IntSlider(value=5), key="n")
        st.text(f"value={s.value}")
        """
    )
    at.jupyter_widget[0].set_value(8).run()
    assert at.text[0].value == "value=8"
    at.button[0].click().run()
    assert at.text[0].value == "value=0" and at.jupyter_widget[0].widget.value == 0


def test_another_trait_can_be_followed():
    at = run(
        """
        import ipywidgets
        import nbstream as st
        box = st.widget(ipywidgets.Text(value="a", description="Name"), trait="description")
        st.text(box.description)
        """
    )
    at.jupyter_widget[0].set_value("Label").run()
    assert at.text[0].value == "Label"


def test_the_widget_is_closed_when_the_app_stops_showing_it():
    at = run(
        """
        import ipywidgets
        import nbstream as st
        show = st.checkbox("show", value=True)
        if show:
            st.session_state.w = st.widget(ipywidgets.IntSlider(), key="s")
        """
    )
    slider = at.session_state.w
    assert slider.comm is not None
    at.checkbox[0].uncheck().run()
    assert at.get("jupyter_widget") == [] or len(at.get("jupyter_widget")) == 0
    assert slider.comm is None  # closed
    at.checkbox[0].check().run()
    assert at.jupyter_widget[0].widget is not slider  # a fresh one, the script's new instance


def test_a_custom_anywidget_is_embedded():
    at = run(
        """
        import anywidget, traitlets
        import nbstream as st

        class Counter(anywidget.AnyWidget):
            _esm = "export default { render({ model, el }) { el.textContent = model.get('count'); } }"
            count = traitlets.Int(0).tag(sync=True)

        c = st.widget(Counter(), trait="count", key="c")
        st.text(f"count={c.count}")
        """
    )
    assert at.jupyter_widget[0].widget_class.endswith("Counter")
    at.jupyter_widget[0].set_value(4).run()
    assert at.text[0].value == "count=4"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.widget(42)", "st.widget takes a Jupyter widget"),
        ("st.widget(ipywidgets.IntSlider(), trait='nope')", "has no trait 'nope'"),
    ],
)
def test_what_is_not_a_widget_is_refused(call, message):
    at = run(
        f"""
        import ipywidgets
        import nbstream as st
        {call}
        """
    )
    assert at.exception[0].proto.type == "StreamlitAPIException"
    assert message in at.exception[0].message


def test_two_widgets_of_one_type_need_keys():
    at = app(
        """
        import ipywidgets
        import nbstream as st
        st.widget(ipywidgets.IntSlider())
        st.widget(ipywidgets.IntSlider())
        """
    ).run()
    assert at.exception[0].proto.type == "DuplicateWidgetID"


def test_a_browser_message_cannot_set_an_embedded_widgets_value():
    from nbstream.elements.components.jupyter import SERDE
    from nbstream.runtime.widgets import InvalidWireValue

    with pytest.raises(InvalidWireValue):
        SERDE.deserialize({})
    with pytest.raises(InvalidWireValue):
        SERDE.deserialize(5)
