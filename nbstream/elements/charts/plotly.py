"""st.plotly_chart: a Plotly figure, drawn by plotly.js in the browser.

plotly.js (4.8 MB) is not part of nbstream's bundle: the browser asks the kernel for it
the first time a Plotly chart is drawn, and the kernel answers with the copy the
installed ``plotly`` package ships, so it always matches the figure's schema and no
request leaves the machine.  Apps without Plotly charts never load it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from nbstream.elements._base import add_element, add_widget, answers
from nbstream.elements.charts._common import check_theme, sizes
from nbstream.elements.charts.selections import (
    PlotlySelectionSerde,
    on_select_mode,
    plotly_modes,
    plotly_state,
)
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node

_PLOTLY_JS: bytes | None = None


def plotly_js() -> bytes:
    """plotly.js as the installed ``plotly`` package ships it (read once)."""
    global _PLOTLY_JS
    if _PLOTLY_JS is None:
        _PLOTLY_JS = resources.files("plotly").joinpath("package_data", "plotly.min.js").read_bytes()
    return _PLOTLY_JS


@answers("plotly_chart")
def _send_plotly_js(node: Node, payload: dict[str, Any]) -> tuple[Any, list[bytes]]:
    if payload.get("asset") != "plotly.js":
        raise ValueError("plotly_chart answers only {'asset': 'plotly.js'}")
    import plotly

    return {"version": plotly.__version__}, [plotly_js()]


def figure_json(figure_or_data: Any) -> str:
    """A Plotly figure (or its data, or a dict) as its JSON text, validated by plotly."""
    import plotly.graph_objects as go
    import plotly.io as pio

    if isinstance(figure_or_data, go.Figure):
        fig = figure_or_data
    else:
        try:
            fig = go.Figure(figure_or_data)
        except ValueError as exc:
            raise StreamlitAPIException(f"st.plotly_chart could not read the figure: {exc}") from exc
    return pio.to_json(fig, validate=False, remove_uids=False)


@command
def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool | None = None,
    *,
    width: Any = "stretch",
    height: Any = "content",
    theme: str | None = "streamlit",
    key: str | int | None = None,
    on_select: Any = "ignore",
    selection_mode: Any = ("points", "box", "lasso"),
    config: dict[str, Any] | None = None,
    alt: str | None = None,
) -> DeltaGenerator | dict[str, Any]:
    """Display an interactive Plotly chart (https://plotly.com/python/).

    Needs the ``plotly`` package (``pip install nbstream[charts]``).

    Parameters
    ----------
    figure_or_data : plotly.graph_objects.Figure, dict or list
        The figure, or what ``go.Figure(...)`` accepts (a dict, a list of traces).
    use_container_width : bool or None
        Older form of ``width``: True is "stretch", False is "content".
    width : "stretch", "content" or int
        The chart's width: the container's, the figure's own, or pixels.
    height : "content", "stretch" or int
        The chart's height: the figure's own (450 px by default), the container's, or pixels.
    theme : "streamlit" or None
        "streamlit" matches the app's colors and fonts (light or dark); None keeps the
        figure's template.
    key : str, int or None
        A unique key; a chart with selections keeps its state in ``st.session_state[key]``.
    on_select : "ignore", "rerun" or callable
        "ignore" (the default): the chart is a picture.  "rerun" or a callback: selecting
        points (click, box or lasso) reruns the app (after the callback) and the command
        returns the selection state instead of the chart's place.
    selection_mode : "points", "box", "lasso" or a list of them
        The selection gestures the chart offers (all three by default).
    config : dict or None
        plotly.js configuration (``{"displayModeBar": False}``, ...).
    alt : str or None
        A text description of the chart for screen readers.

    Returns
    -------
    DeltaGenerator or dict
        The chart's place; with selections, the selection state:
        ``{"selection": {"points", "point_indices", "box", "lasso"}}`` (attribute access too).
    """
    selecting, callback = on_select_mode(on_select)
    modes = plotly_modes(selection_mode) if selecting else []
    check_theme(theme)
    try:
        import plotly  # noqa: F401
    except ImportError as exc:
        raise ModuleNotFoundError(
            "st.plotly_chart needs the plotly package: pip install plotly (or nbstream[charts])."
        ) from exc
    size_props = sizes(width, height, use_container_width)
    figure = figure_json(figure_or_data)
    props = {
        "figure": figure.encode("utf-8"),  # a blob: sent once, however often the app reruns
        "config": dict(config or {}),
        "theme": theme,
        "alt": alt,
        **size_props,
    }
    if not selecting:
        return add_element("plotly_chart", props, value=json.loads(figure))
    props["selection_mode"] = modes
    return add_widget(  # type: ignore[no-any-return]
        "plotly_chart",
        props,
        serde=PlotlySelectionSerde(modes),
        default=plotly_state(),
        identity={"figure": figure, "modes": modes},
        key=key,
        on_change=callback,
    )
