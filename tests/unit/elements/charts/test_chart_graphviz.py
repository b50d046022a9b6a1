"""st.graphviz_chart: DOT text and graphviz objects, sizes, engines, errors."""

from __future__ import annotations

from tests.unit.elements.charts.chart_helpers import run_app

DOT = "digraph { run -> intr; intr -> runbl }"


def test_a_dot_string_is_drawn_with_dot_at_its_own_size(chart):
    c = chart(f"st.graphviz_chart({DOT!r})")
    assert c.type == "graphviz_chart"
    assert c.spec == DOT
    assert c.value == DOT
    assert c.proto["engine"] == "dot"
    assert (c.proto["width"], c.proto["height"]) == ("content", "content")
    assert c.proto["alt"] is None


def test_a_graphviz_object_gives_its_source_and_engine():
    # Any object with a string ``.source`` (as graphviz.Graph/Digraph/Source have).
    at = run_app(
        """
        class Digraph:
            engine = "neato"
            def __init__(self):
                self.lines = []
            def edge(self, a, b):
                self.lines.append(f"{a} -> {b}")
            @property
            def source(self):
                return "digraph {\\n" + "\\n".join(self.lines) + "\\n}"
        g = Digraph()
        g.edge("a", "b")
        r = st.graphviz_chart(g, width=300, height="stretch", alt="two nodes")
        st.session_state.returned = type(r).__name__
        """
    )
    c = at.get("graphviz_chart")[0]
    assert c.spec == "digraph {\na -> b\n}"
    assert c.proto["engine"] == "neato"
    assert (c.proto["width"], c.proto["height"], c.proto["alt"]) == (300, "stretch", "two nodes")
    assert at.session_state.returned == "DeltaGenerator"


def test_an_unknown_engine_falls_back_to_dot():
    at = run_app(
        """
        class G:
            source = "graph { a -- b }"
            engine = "made-up"
        st.graphviz_chart(G())
        """
    )
    assert at.get("graphviz_chart")[0].proto["engine"] == "dot"


def test_use_container_width_sets_the_width(chart):
    assert chart(f"st.graphviz_chart({DOT!r}, use_container_width=True)").proto["width"] == "stretch"
    assert chart(f"st.graphviz_chart({DOT!r}, True, width=200)").proto["width"] == "stretch"
    assert chart(f"st.graphviz_chart({DOT!r}, use_container_width=False)").proto["width"] == "content"


def test_errors_are_streamlits():
    at = run_app(
        f"""
        for args, kwargs in [((1,), {{}}), (({DOT!r},), {{"width": "x"}}), (({DOT!r},), {{"height": 0}})]:
            try:
                st.graphviz_chart(*args, **kwargs)
            except Exception as e:
                st.write(f"{{type(e).__name__}}: {{e}}")
        """
    )
    assert [m.value for m in at.markdown] == [
        "StreamlitInvalidParameterTypeError: Invalid `figure_or_dot` type. Expected one of: "
        "graphviz.Graph, graphviz.Digraph, graphviz.Source, str. Provided type: int.",
        "StreamlitInvalidWidthError: Invalid width value: 'x'. Width must be either a positive "
        "integer (pixels), 'stretch', or 'content'.",
        "StreamlitInvalidHeightError: Invalid height value: 0. Height must be either a positive "
        "integer (pixels), 'stretch', or 'content'.",
    ]
    assert not at.get("graphviz_chart")


def test_containers_have_it():
    at = run_app(
        f"""
        col, = st.columns(1)
        col.graphviz_chart({DOT!r})
        st.sidebar.graphviz_chart("graph {{ x }}")
        """
    )
    assert at.columns[0].get("graphviz_chart")[0].spec == DOT
    assert at.sidebar.get("graphviz_chart")[0].spec == "graph { x }"
