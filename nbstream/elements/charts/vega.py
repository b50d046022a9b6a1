"""st.altair_chart and st.vega_lite_chart: a Vega-Lite spec from the script, drawn as is.

DataFrames in the chart (Altair's data, or the ``data`` argument) leave the spec: each
becomes a named dataset sent as Arrow, so a large frame costs no JSON and Altair's
5,000-row limit does not apply.  Data already inline in a spec (``{"values": [...]}``)
stays inline.
"""

from __future__ import annotations

import copy
import json
import threading
from typing import Any

from nbstream.elements._base import add_element, add_widget
from nbstream.elements.charts._common import (
    ChartValue,
    arrow_chunk,
    chart_frame,
    check_theme,
    dataset_props,
    sizes,
)
from nbstream.elements.charts.selections import (
    VegaSelectionSerde,
    on_select_mode,
    project_points,
    vega_modes,
    vega_state,
)
from nbstream.elements.delta_generator import ADD_NAMED_ROWS, ADD_ROWS, command
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.tree import Node

# Altair's data transformer registry is global: one conversion at a time.
_ALTAIR_LOCK = threading.Lock()
_captured: dict[str, Any] = {}


def _add_rows(node: Node, data: Any) -> None:
    """Append rows to a chart's one dataset (its columns must be the same)."""
    value = _chart_value(node)
    if len(value.datasets) != 1:
        raise StreamlitAPIException(
            "`add_rows()` on a Vega-Lite or Altair chart needs the chart to have exactly one dataset "
            f"(this one has {len(value.datasets)}); name the one to extend: `add_rows(name=df)`."
        )
    (name,) = value.datasets
    _add_named_rows(node, name, data)


def _add_named_rows(node: Node, name: str, data: Any) -> None:
    """Append rows to the chart's dataset ``name`` (its columns must be the same)."""
    value = _chart_value(node)
    if name not in value.datasets:
        raise StreamlitAPIException(
            f"The chart has no dataset named {name!r}; its datasets are {sorted(value.datasets)}."
        )
    frame = chart_frame(data)
    old = value.datasets[name][0]
    if list(frame.columns) != list(old.columns):
        raise StreamlitAPIException(
            f"The rows to add have the columns {list(frame.columns)}; "
            f"the chart's data has {list(old.columns)}."
        )
    chunks = node.props["datasets"][name]
    node.props = {**node.props, "datasets": {**node.props["datasets"], name: [*chunks, arrow_chunk(frame)]}}
    value.datasets[name].append(frame)


def _chart_value(node: Node) -> ChartValue:
    if not isinstance(node.value, ChartValue):  # a chart with on_select holds its selection state
        raise StreamlitAPIException("`add_rows()` does not work on a chart with `on_select`.")
    return node.value


ADD_ROWS["vega_lite_chart"] = _add_rows
ADD_ROWS["altair_chart"] = _add_rows
ADD_NAMED_ROWS["vega_lite_chart"] = _add_named_rows
ADD_NAMED_ROWS["altair_chart"] = _add_named_rows


def _vega_element(
    kind: str, spec: dict[str, Any], frames: dict[str, Any], *, width: Any, height: Any,
    use_container_width: Any, theme: Any, alt: Any, key: Any = None, on_select: Any = "ignore",
    selection_mode: Any = None,
) -> Any:  # fmt: skip
    check_theme(theme)
    selecting, callback = on_select_mode(on_select)
    params = vega_modes(kind, spec, selection_mode) if selecting else []
    if selecting:
        spec = project_points(copy.deepcopy(spec), params)
    size_props = sizes(width, height, use_container_width)
    wire, value = dataset_props(frames)
    props = {"spec": spec, "datasets": wire, "theme": theme, "alt": alt, **size_props}
    if not selecting:
        return add_element(kind, props, value=ChartValue(datasets=value))
    props["selection_params"] = params
    state = add_widget(
        kind,
        props,
        serde=VegaSelectionSerde(params),
        default=vega_state(params),
        identity={"spec": json.dumps(spec, sort_keys=True, default=str), "params": params},
        key=key,
        on_change=callback,
    )
    return state


@command
def vega_lite_chart(
    data: Any = None,
    spec: dict[str, Any] | None = None,
    *,
    width: Any = None,
    height: Any = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: str | int | None = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
    **kwargs: Any,
) -> Any:
    """Display a chart from a Vega-Lite spec (https://vega.github.io/vega-lite/).

    Parameters
    ----------
    data : DataFrame-like, dict or None
        The data the spec draws (it becomes the spec's top-level data).  A dict given
        with no ``spec`` is taken as the spec.
    spec : dict or None
        The Vega-Lite spec.  Keyword arguments are merged into it.
    width : "stretch", "content", int or None
        None uses the spec's own width, or the container's when the spec has none.
    height : "content", "stretch" or int
        "content" uses the spec's own height (or a default).
    use_container_width : bool or None
        Older form of ``width``: True is "stretch".
    theme : "streamlit" or None
        "streamlit" styles the chart to match the app (light or dark); None keeps
        Vega-Lite's own look.
    key : str, int or None
        A unique key; a chart with selections keeps its state in ``st.session_state[key]``.
    on_select : "ignore", "rerun" or callable
        "ignore" (the default): the chart is a picture.  "rerun" or a callback: a
        selection made on the chart reruns the app (after the callback) and the command
        returns the selection state, ``{"selection": {param_name: ...}}``.
    selection_mode : str, list of str or None
        The selection parameters to report (their names); None reports all of them.
    alt : str or None
        A text description of the chart for screen readers.
    """
    if spec is None and isinstance(data, dict):
        spec, data = data, None
    spec = {**(spec or {}), **kwargs}
    if not spec:
        raise StreamlitAPIException(
            "The `spec` parameter is required. Vega-Lite charts require a non-empty spec dict."
        )
    spec = copy.deepcopy(spec)
    frames: dict[str, Any] = {}
    if data is not None:
        frames["source"] = chart_frame(data)
        spec["data"] = {"name": "source"}
    for name, values in list((spec.get("datasets") or {}).items()):
        if not isinstance(values, list):  # a DataFrame in "datasets": send it as Arrow
            frames[name] = chart_frame(values)
            del spec["datasets"][name]
    return _vega_element(
        "vega_lite_chart", spec, frames, width=width, height=height,
        use_container_width=use_container_width, theme=theme, alt=alt, key=key, on_select=on_select,
        selection_mode=selection_mode,
    )  # fmt: skip


def _altair_capture(data: Any) -> dict[str, str]:
    """Altair data transformer: keep the frame aside, leave its name in the spec.

    Names go by order of appearance, not content, so a rerun with new data keeps the
    same spec and the browser swaps the rows in place (no redraw of the whole chart).
    """
    for name, (source, _) in _captured.items():
        if source is data:
            return {"name": name}
    name = f"data-{len(_captured)}"
    _captured[name] = (data, chart_frame(data))
    return {"name": name}


def altair_spec(chart: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """An Altair chart as (Vega-Lite spec, {dataset name: DataFrame})."""
    import altair as alt

    with _ALTAIR_LOCK:
        if "nbstream" not in alt.data_transformers.names():
            alt.data_transformers.register("nbstream", _altair_capture)
        _captured.clear()
        with alt.data_transformers.enable("nbstream"):
            spec = chart.to_dict()
        frames = {name: frame for name, (_, frame) in _captured.items()}
        _captured.clear()
    return spec, frames


@command
def altair_chart(
    altair_chart: Any,
    *,
    width: Any = None,
    height: Any = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: str | int | None = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
) -> Any:
    """Display a chart made with Altair (https://altair-viz.github.io/).

    Parameters
    ----------
    altair_chart : altair.Chart (or LayerChart, HConcatChart, ...)
        The chart to display.
    width : "stretch", "content", int or None
        None uses the chart's own width, or the container's when it has none.
    height : "content", "stretch" or int
        "content" uses the chart's own height (or a default).
    use_container_width : bool or None
        Older form of ``width``: True is "stretch".
    theme : "streamlit" or None
        "streamlit" styles the chart to match the app (light or dark); None keeps
        Altair's own look.
    key : str, int or None
        A unique key; a chart with selections keeps its state in ``st.session_state[key]``.
    on_select : "ignore", "rerun" or callable
        "ignore" (the default): the chart is a picture.  "rerun" or a callback: a
        selection made on the chart reruns the app (after the callback) and the command
        returns the selection state, ``{"selection": {param_name: ...}}``.
    selection_mode : str, list of str or None
        The selection parameters to report (their names); None reports all of them.
    alt : str or None
        A text description of the chart for screen readers.
    """
    if not type(altair_chart).__module__.startswith("altair") or not hasattr(altair_chart, "to_dict"):
        raise StreamlitAPIException(
            f"st.altair_chart expects an Altair chart (alt.Chart, alt.LayerChart, ...), "
            f"not {type(altair_chart).__name__}."
        )
    spec, frames = altair_spec(altair_chart)
    return _vega_element(
        "altair_chart", spec, frames, width=width, height=height,
        use_container_width=use_container_width, theme=theme, alt=alt, key=key, on_select=on_select,
        selection_mode=selection_mode,
    )  # fmt: skip
