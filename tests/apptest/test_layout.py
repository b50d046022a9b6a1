"""Layout: sidebar, columns, container, empty, expander, tabs, popover.

Every container works both as ``with c:`` and as ``c.command(...)``, and elements land
in display order.
"""

from __future__ import annotations

import pytest
from apphelpers import run


def kinds(block):
    return [c.type for c in block.children.values()]


def test_sidebar_with_and_method():
    at = run(
        """
        import nbstream as st
        st.sidebar.title("Side title")
        with st.sidebar:
            name = st.text_input("Your name")
        st.text(f"main {name}")
        """
    )
    assert kinds(at.sidebar) == ["title", "text_input"]
    assert kinds(at.main) == ["text"]
    at.sidebar.text_input[0].input("Jane").run()
    assert at.main.text[0].value == "main Jane"


@pytest.mark.parametrize(
    ("spec", "weights"),
    [("3", [1 / 3] * 3), ("[1, 2, 2]", [0.2, 0.4, 0.4]), ("[0.5, 0.5]", [0.5, 0.5])],
)
def test_columns_int_or_weights(spec, weights):
    at = run(f"import nbstream as st\ncols = st.columns({spec})\nfor i, c in enumerate(cols):\n    c.text(i)")
    assert [c.weight for c in at.columns] == pytest.approx(weights)
    assert [c.text[0].value for c in at.columns] == [str(i) for i in range(len(weights))]


@pytest.mark.parametrize("gap", ["small", "medium", "large", None])
def test_columns_gap(gap):
    at = run(f"import nbstream as st\nst.columns(2, gap={gap!r})")
    assert at.get("columns")[0].gap == gap


def test_columns_with_and_method_and_returned_values():
    at = run(
        """
        import nbstream as st
        left, right = st.columns(2, vertical_alignment="bottom")
        with left:
            clicked = st.button("Go")
        value = right.slider("s", 0, 10, 4)
        st.text(f"{clicked} {value}")
        """
    )
    assert at.main.children[0].vertical_alignment == "bottom"  # the row of columns
    assert at.columns[0].button[0].label == "Go"
    assert at.columns[1].slider[0].value == 4
    at.columns[0].button[0].click().run()
    assert at.text[0].value == "True 4"


def test_columns_nest_one_level():
    at = run(
        """
        import nbstream as st
        outer = st.columns(2)
        inner = outer[0].columns(2)
        inner[1].text("nested")
        """
    )
    assert not at.exception
    assert len(at.columns) == 4
    assert at.columns[0].text[0].value == "nested"  # the outer column holds the inner ones


def test_container_draws_later_code_above():
    at = run(
        """
        import nbstream as st
        top = st.container(border=True)
        st.text("second")
        top.text("first")
        with st.container(height=200):
            st.text("scrolls")
        """
    )
    assert [t.value for t in at.text] == ["first", "second", "scrolls"]
    containers = at.get("container")
    assert (containers[0].border, containers[0].height) == (True, None)
    assert (containers[1].border, containers[1].height) == (True, 200)  # a fixed height has a border


def test_empty_holds_one_element_and_clears():
    at = run(
        """
        import nbstream as st
        ph = st.empty()
        ph.text("one")
        ph.text("two")
        other = st.empty()
        with other:
            st.text("a")
            st.text("b")
        gone = st.empty()
        gone.text("gone")
        gone.empty()
        group = st.empty().container()
        group.text("x")
        group.text("y")
        element = st.text("orig")
        element.text("replaced")
        """
    )
    assert [t.value for t in at.text] == ["two", "b", "x", "y", "replaced"]


def test_expander():
    at = run(
        """
        import nbstream as st
        with st.expander("See explanation", expanded=True, icon="🔍"):
            st.text("inside")
        more = st.expander("More")
        more.text("method")
        """
    )
    assert [e.label for e in at.expander] == ["See explanation", "More"]
    assert at.expander[0].expanded is True
    assert at.expander[1].expanded is False
    assert at.expander[0].icon == "🔍"
    assert at.expander[0].text[0].value == "inside"
    assert at.expander[1].text[0].value == "method"


def test_tabs():
    at = run(
        """
        import nbstream as st
        one, two = st.tabs(["Cat", "Dog"])
        with one:
            st.text("meow")
        two.text("woof")
        """
    )
    assert [t.label for t in at.tabs] == ["Cat", "Dog"]
    assert [t.text[0].value for t in at.tabs] == ["meow", "woof"]


def test_popover():
    at = run(
        """
        import nbstream as st
        with st.popover("Open", help="more"):
            name = st.text_input("Name")
        st.text(f"hello {name}")
        """
    )
    pop = at.get("popover")[0]
    assert (pop.label, pop.help) == ("Open", "more")
    pop.text_input[0].input("Jane").run()
    assert at.text[0].value == "hello Jane"


def test_widgets_keep_state_inside_containers():
    at = run(
        """
        import nbstream as st
        tab, = st.tabs(["T"])
        with tab:
            with st.expander("E"):
                c, = st.columns(1)
                v = c.number_input("n", 0, 10)
        st.text(v)
        """
    )
    at.number_input[0].set_value(6).run()
    at.run()
    assert at.text[0].value == "6"


def test_containers_in_the_sidebar():
    at = run(
        """
        import nbstream as st
        with st.sidebar:
            a, b = st.columns(2)
            a.text("left")
            with st.expander("E"):
                st.text("deep")
        """
    )
    assert [t.value for t in at.sidebar.text] == ["left", "deep"]
    assert len(at.main.text) == 0
