"""st.graphviz_chart: a Graphviz graph (a DOT string or a ``graphviz`` object), laid out
and drawn as SVG in the browser by a bundled Graphviz (WebAssembly) loaded on demand."""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitInvalidParameterTypeError

# The layout engines the bundled Graphviz has; another name falls back to "dot".
ENGINES = ("circo", "dot", "fdp", "neato", "osage", "patchwork", "sfdp", "twopi")


def dot_source(figure_or_dot: Any) -> tuple[str, str]:
    """The DOT text and the layout engine of a ``graphviz`` object or a DOT string.

    Objects are duck-typed (a string ``.source``, as ``graphviz.Graph``, ``Digraph`` and
    ``Source`` have), so the ``graphviz`` package is not needed to draw a DOT string.
    """
    if isinstance(figure_or_dot, str):
        return figure_or_dot, "dot"
    source = getattr(figure_or_dot, "source", None)
    if isinstance(source, str):
        engine = getattr(figure_or_dot, "engine", None)
        return source, engine if engine in ENGINES else "dot"
    raise StreamlitInvalidParameterTypeError(
        "Invalid `figure_or_dot` type. Expected one of: graphviz.Graph, graphviz.Digraph, "
        f"graphviz.Source, str. Provided type: {type(figure_or_dot).__name__}."
    )


@command
def graphviz_chart(
    figure_or_dot: Any,
    use_container_width: bool | None = None,
    *,
    width: int | str = "content",
    height: int | str = "content",
    alt: str | None = None,
) -> DeltaGenerator:
    """Display a graph drawn by Graphviz.

    Parameters
    ----------
    figure_or_dot : graphviz.Graph, graphviz.Digraph, graphviz.Source or str
        The graph: an object of the ``graphviz`` package, or its DOT source as a string.
        The object's layout ``engine`` (``dot``, ``neato``, ``circo``, ...) is used.
    use_container_width : bool or None
        Older form of ``width``: True is ``"stretch"``, False is ``"content"``.
    width : "content", "stretch" or int
        ``"content"`` (default) draws the graph at its natural width (at most the
        container's); ``"stretch"`` fills the container; an int is pixels.
    height : "content", "stretch" or int
        ``"content"`` (default) is the graph's natural height; ``"stretch"`` fills the
        container's height (e.g. inside ``st.container(height=...)``); an int is pixels.
        The graph scales to fit, keeping its proportions.
    alt : str or None
        A text description of the graph for screen readers.

    Example
    -------
    >>> st.graphviz_chart('''
    ...     digraph {
    ...         run -> intr
    ...         intr -> runbl
    ...     }
    ... ''')
    """
    dot, engine = dot_source(figure_or_dot)
    width = check_width(width)
    height = check_height(height)
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    props = {"spec": dot, "engine": engine, "width": width, "height": height, "alt": alt}
    return add_element("graphviz_chart", props, value=dot)
