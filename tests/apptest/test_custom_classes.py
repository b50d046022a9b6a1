"""Spec 1.3 "Using custom Python classes": class redefinition per run, widget options, Enums."""

from __future__ import annotations

import pytest
from apphelpers import app, run

import nbstream as st
from nbstream.testing import AppTest


def markdowns(at):
    return [m.value for m in at.markdown]


def test_a_class_defined_in_the_script_is_redefined_every_run():
    at = run(
        """
        import nbstream as st
        # MyClass gets redefined every time app.py reruns
        class MyClass:
            def __init__(self, var1, var2):
                self.var1 = var1
                self.var2 = var2
        if "my_instance" not in st.session_state:
            st.session_state.my_instance = MyClass("foo", "bar")
        # Displays True on the first run then False on every rerun
        st.write(isinstance(st.session_state.my_instance, MyClass))
        st.button("Rerun")
        """
    )
    assert markdowns(at) == ["`True`"]
    at.button[0].click().run()
    assert markdowns(at) == ["`False`"]
    at.run()
    assert markdowns(at) == ["`False`"]


def test_pattern_1_a_class_from_a_module_is_not_redefined():
    at = AppTest.from_file("apps/custom_class_imported.py").run()
    assert markdowns(at) == ["`True`"]
    at.button[0].click().run()
    assert markdowns(at) == ["`True`"]


def test_pattern_2_dataclass_comparison():
    at = run(
        """
        import nbstream as st
        from dataclasses import dataclass
        @dataclass
        class MyDataclass:
            var1: int
            var2: float
        if "my_dataclass" not in st.session_state:
            st.session_state.my_dataclass = MyDataclass(1, 5.5)
        # Displays True on the first run the False on every rerun
        st.session_state.my_dataclass == MyDataclass(1, 5.5)
        st.button("Rerun")
        """
    )
    assert markdowns(at) == ["`True`"]
    at.button[0].click().run()
    assert markdowns(at) == ["`False`"]


def test_pattern_2_define_eq():
    at = run(
        """
        import nbstream as st
        from dataclasses import dataclass
        @dataclass
        class MyDataclass:
            var1: int
            var2: float
            def __eq__(self, other):
                # An instance of MyDataclass is equal to another object if the object
                # contains the same fields with the same values
                return (self.var1, self.var2) == (other.var1, other.var2)
        if "my_dataclass" not in st.session_state:
            st.session_state.my_dataclass = MyDataclass(1, 5.5)
        # Displays True on every rerun
        st.session_state.my_dataclass == MyDataclass(1, 5.5)
        st.button("Rerun")
        """
    )
    assert markdowns(at) == ["`True`"]
    at.button[0].click().run()
    assert markdowns(at) == ["`True`"]


def test_pattern_3_store_as_serialized_data():
    at = run(
        """
        import nbstream as st
        from dataclasses import dataclass
        @dataclass
        class MyDataclass:
            var1: int
            var2: float
            def to_str(self):
                return f"{self.var1},{self.var2}"
            @classmethod
            def from_str(cls, serial_str):
                values = serial_str.split(",")
                var1 = int(values[0])
                var2 = float(values[1])
                return cls(var1, var2)
        if "my_dataclass" not in st.session_state:
            st.session_state.my_dataclass = MyDataclass(1, 5.5).to_str()
        # Displays True on every rerun
        MyDataclass.from_str(st.session_state.my_dataclass) == MyDataclass(1, 5.5)
        st.button("Rerun")
        """
    )
    assert markdowns(at) == ["`True`"]
    at.button[0].click().run()
    assert markdowns(at) == ["`True`"]


PATHOLOGICAL = """
import nbstream as st
from dataclasses import dataclass
@dataclass
class Student:
    student_id: int
    name: str
Marshall_A = Student(1, "Marshall")
if "B" not in st.session_state:
    st.session_state.B = Student(1, "Marshall")
Marshall_B = st.session_state.B
options = [Marshall_A,Marshall_B]
selected = st.selectbox("Pick", options)
# This comparison does not return expected results:
selected == Marshall_A
# This comparison evaluates as expected:
selected == Marshall_B
"""


def test_the_pathological_example():
    at = run(PATHOLOGICAL)
    assert markdowns(at) == ["`True`", "`True`"]
    at.run()  # the selectbox now returns an option of the previous run's list
    assert markdowns(at) == ["`False`", "`True`"]
    assert not at.exception


def test_selectbox_returns_the_option_object_itself():
    at = run(
        """
        import nbstream as st
        class Opt:
            def __init__(self, name):
                self.name = name
            def __str__(self):
                return self.name
        options = [Opt("a"), Opt("b"), Opt("c")]
        v = st.selectbox("x", options)
        st.text(v is options[0])
        st.text(type(v).__name__)
        """
    )
    assert not at.exception
    assert [t.value for t in at.text] == ["True", "Opt"]
    assert at.selectbox[0].options == ["a", "b", "c"]


def test_options_recreated_every_run_keep_the_user_choice():
    """Plain objects compare by identity; the choice of the previous run must still show."""
    at = run(
        """
        import nbstream as st
        class Opt:
            def __init__(self, name):
                self.name = name
            def __str__(self):
                return self.name
        options = [Opt("a"), Opt("b"), Opt("c")]
        v = st.selectbox("x", options)
        st.text(str(v))
        m = st.multiselect("m", options)
        st.text(",".join(map(str, m)))
        r = st.radio("r", options)
        st.text(str(r))
        s = st.select_slider("s", options)
        st.text(str(s))
        """
    )
    at.selectbox[0].select_index(1)
    at.radio[0].select_index(2)
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == ["b", "", "c", "a"]
    assert (at.selectbox[0].index, at.radio[0].index) == (1, 2)
    at.run()
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == ["b", "", "c", "a"]
    assert (at.selectbox[0].index, at.radio[0].index) == (1, 2)


def test_options_are_shown_as_strings():
    at = run(
        """
        import nbstream as st
        number = st.selectbox("Pick a number, any number", options=[1, 2, 3])
        st.text(repr(number))
        """
    )
    assert at.selectbox[0].options == ["1", "2", "3"]
    assert at.text[0].value == "1"
    at.selectbox[0].set_value(3).run()
    assert at.text[0].value == "3"


# ---- Enum coercion ---------------------------------------------------------------------------

ENUM_APP = """
from enum import Enum
import nbstream as st
# class syntax
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
selected_colors = set(st.multiselect("Pick colors", options=Color))
if selected_colors == {Color.RED, Color.GREEN}:
    st.write("Hooray, you found the color YELLOW!")
one = st.selectbox("One color", Color)
st.text(f"selectbox: {one is Color.GREEN}")
r = st.radio("Radio color", Color)
st.text(f"radio: {r is Color.BLUE}")
s = st.select_slider("Slider color", Color)
st.text(f"select_slider: {s is Color.GREEN}")
"""


def _pick_colors(at):
    color = type(at.selectbox[0].value)
    at.multiselect[0].set_value([color.RED, color.GREEN])
    at.selectbox[0].set_value(color.GREEN)
    at.radio[0].set_value(color.BLUE)
    at.select_slider[0].set_value(color.GREEN)
    return at.run()


def test_enum_options_are_shown_by_their_str():
    at = run(ENUM_APP)
    assert at.multiselect[0].options == ["Color.RED", "Color.GREEN", "Color.BLUE"]
    assert at.selectbox[0].value.name == "RED"


def test_enum_coercion_is_on_by_default():
    assert st.get_option("runner.enumCoercion") == "nameOnly"
    at = _pick_colors(run(ENUM_APP))
    assert not at.exception
    assert markdowns(at) == ["Hooray, you found the color YELLOW!"]
    assert [t.value for t in at.text] == ["selectbox: True", "radio: True", "select_slider: True"]
    at.run()
    assert markdowns(at) == ["Hooray, you found the color YELLOW!"]
    assert [t.value for t in at.text] == ["selectbox: True", "radio: True", "select_slider: True"]


def test_enum_coercion_off():
    st.set_option("runner.enumCoercion", "off")
    at = _pick_colors(run(ENUM_APP))
    assert not at.exception
    assert markdowns(at) == []  # members of the previous run's Color never equal this run's
    assert [t.value for t in at.text] == ["selectbox: False", "radio: False", "select_slider: False"]
    assert [m.name for m in at.multiselect[0].value] == ["RED", "GREEN"]
    assert at.selectbox[0].index == 1
    at.run()
    assert not at.exception
    assert at.selectbox[0].index == 1


ENUM_VALUES_CHANGE = """
from enum import Enum
import nbstream as st
v = st.session_state.get("v", 1)
Color = Enum("Color", {"RED": v, "GREEN": v + 10})
sel = st.selectbox("one", Color)
st.text(f"{type(sel) is Color} {sel.name}")
"""


@pytest.mark.parametrize(("mode", "coerced"), [("nameOnly", True), ("nameAndValue", False), ("off", False)])
def test_enum_coercion_modes_when_the_values_change(mode, coerced):
    st.set_option("runner.enumCoercion", mode)
    at = run(ENUM_VALUES_CHANGE)
    at.selectbox[0].set_value(type(at.selectbox[0].value).GREEN).run()
    at.session_state["v"] = 5  # the next run defines Color with other values
    at.run()
    assert not at.exception
    assert at.text[0].value == f"{coerced} GREEN"


def test_enum_coercion_name_and_value_with_the_same_values():
    st.set_option("runner.enumCoercion", "nameAndValue")
    at = _pick_colors(run(ENUM_APP))
    assert markdowns(at) == ["Hooray, you found the color YELLOW!"]


def test_enum_coercion_from_the_config_file(project):
    from nbstream import config

    (project / ".streamlit").mkdir()
    (project / ".streamlit" / "config.toml").write_text('[runner]\nenumCoercion = "off"\n')
    config.reload()
    assert st.get_option("runner.enumCoercion") == "off"
    at = _pick_colors(run(ENUM_APP))
    assert markdowns(at) == []


def test_enum_coercion_rejects_an_unknown_mode():
    from nbstream.errors import StreamlitAPIException

    with pytest.raises(StreamlitAPIException, match="enumCoercion"):
        st.set_option("runner.enumCoercion", "sometimes")


def test_enum_members_set_through_session_state_are_coerced():
    at = app(
        """
        from enum import Enum
        import nbstream as st
        class Size(Enum):
            S = 1
            M = 2
        if st.session_state.get("pick_m"):
            st.session_state.size = Size.M
            st.session_state.pick_m = False
        v = st.radio("size", Size, key="size")
        st.text(f"{v is Size.M}")
        """
    )
    at.run()
    at.session_state["pick_m"] = True
    at.run()
    assert at.text[0].value == "True"
    at.run()
    assert at.text[0].value == "True"
