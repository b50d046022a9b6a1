"""The built-in charts: st.line_chart, st.area_chart, st.bar_chart, st.scatter_chart.

Each is a Vega-Lite spec built here (``_spec.py``) from the data's shape (``_shape.py``),
drawn in the browser by the vega component; ``.add_rows()`` appends an Arrow chunk.
"""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_element
from nbstream.elements.charts._common import ChartValue, arrow_chunk, chart_frame, sizes
from nbstream.elements.charts._shape import make_plan, shape
from nbstream.elements.charts._spec import DATASET, chart_spec, check_stack
from nbstream.elements.delta_generator import ADD_ROWS, DeltaGenerator, command
from nbstream.runtime.tree import Node

_MARKS = {"line_chart": "line", "area_chart": "area", "bar_chart": "bar", "scatter_chart": "scatter"}

_COMMON_DOC = """
    data : DataFrame, Series, Arrow table, NumPy array, dict, list, ... or None
        The data to plot.  Wide data (one column per series) and long data (one value
        column, with ``color`` naming the series column) both work.
    x : str or None
        The column for the x axis; None uses the data's index.
    y : str, list of str or None
        The column(s) for the y axis; None plots every column but ``x`` (and ``color``,
        ``size``).  Several columns are drawn as several series.
    x_label, y_label : str or None
        Axis titles; by default the column names (nothing for the index or several series).
    color : str, tuple, list or None
        A column name (its values pick the series, or are the colors themselves), one
        color ("#ffaa00", "rgb(...)", a basic CSS name, an RGB(A) tuple), or one color per
        ``y`` column.
    width : "stretch", "content" or int
        The chart's width: the container's, the chart's own, or pixels.
    height : "content", "stretch" or int
        The chart's height: the default (350 px), the container's, or pixels.
    use_container_width : bool or None
        Older form of ``width``: True is "stretch", False is "content".
    alt : str or None
        A text description of the chart for screen readers.

    Returns
    -------
    DeltaGenerator
        The chart's place: call ``.add_rows(df)`` on it to append data in place."""


def _doc(summary: str, extra: str = "") -> str:
    return (
        f"{summary}\n\n    Parameters\n    ----------{_COMMON_DOC.replace('    alt :', extra + '    alt :')}"
    )


def _chart(
    kind: str, data: Any, *, width: Any, height: Any, use_container_width: Any, alt: Any, **args: Any
) -> DeltaGenerator:
    size_props = sizes(width, height, use_container_width)
    df = chart_frame(data)
    check_stack(args.get("stack"))
    props, value = _render(kind, df, args)
    props.update(size_props, alt=alt, theme="streamlit")
    return add_element(kind, props, value=value)


def _render(kind: str, df: Any, args: dict[str, Any]) -> tuple[dict[str, Any], ChartValue]:
    if len(df.columns) == 0:  # an empty chart, to be filled by .add_rows()
        spec = {"data": {"name": DATASET}, "mark": {"type": _MARKS[kind].replace("scatter", "circle")}}
        return {"spec": spec, "datasets": {DATASET: []}}, ChartValue(datasets={DATASET: []}, args=args)
    layout = {k: args.get(k) for k in ("x_label", "y_label", "stack")}
    plan = make_plan(
        df, x=args["x"], y=args["y"], color=args["color"], size=args.get("size"), sort=args.get("sort", True)
    )
    frame = shape(df, plan)
    spec = chart_spec(_MARKS[kind], plan, frame, horizontal=bool(args.get("horizontal")), **layout)
    value = ChartValue(datasets={DATASET: [frame]}, plan=plan, source=df, args=args)
    return {"spec": spec, "datasets": {DATASET: [arrow_chunk(frame)]}}, value


def _add_rows(node: Node, data: Any) -> None:
    """Append rows: only the new rows travel, as one more Arrow chunk of the dataset."""
    import pandas as pd

    value: ChartValue = node.value
    df = chart_frame(data)
    if value.plan is None:
        # A chart made without data takes its shape from the first rows added.
        props, new_value = _render(node.kind, df, value.args)
        node.props = {**node.props, **props}
        node.value = new_value
        return
    frame = shape(df, value.plan)
    chunks = node.props["datasets"][DATASET]
    node.props = {**node.props, "datasets": {DATASET: [*chunks, arrow_chunk(frame)]}}
    value.datasets[DATASET].append(frame)
    value.source = pd.concat([value.source, df])


for _kind in _MARKS:
    ADD_ROWS[_kind] = _add_rows


@command
def line_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: Any = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    width: Any = "stretch",
    height: Any = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    args = {"x": x, "y": y, "x_label": x_label, "y_label": y_label, "color": color}
    return _chart(
        "line_chart",
        data,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
        **args,
    )


@command
def area_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: Any = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    stack: bool | str | None = None,
    width: Any = "stretch",
    height: Any = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    args = {"x": x, "y": y, "x_label": x_label, "y_label": y_label, "color": color, "stack": stack}
    return _chart(
        "area_chart",
        data,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
        **args,
    )


@command
def bar_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: Any = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    horizontal: bool = False,
    sort: bool | str = True,
    stack: bool | str | None = None,
    width: Any = "stretch",
    height: Any = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    args = {
        "x": x, "y": y, "x_label": x_label, "y_label": y_label, "color": color,
        "horizontal": horizontal, "sort": sort, "stack": stack,
    }  # fmt: skip
    return _chart(
        "bar_chart",
        data,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
        **args,
    )


@command
def scatter_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: Any = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    size: str | float | None = None,
    width: Any = "stretch",
    height: Any = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    args = {"x": x, "y": y, "x_label": x_label, "y_label": y_label, "color": color, "size": size}
    return _chart(
        "scatter_chart",
        data,
        width=width,
        height=height,
        use_container_width=use_container_width,
        alt=alt,
        **args,
    )


line_chart.__doc__ = _doc(
    "Display a line chart: one line per series, with a tooltip on the nearest point.\n\n"
    "    ``st.line_chart(df)`` draws every column against the index; ``x``, ``y`` and\n"
    "    ``color`` pick columns of long data."
)
area_chart.__doc__ = _doc(
    "Display an area chart.",
    '    stack : bool, "normalize", "center", "layered" or None\n'
    '        How series pile up: None and "layered" overlap them (semi-transparent),\n'
    '        True stacks them, "normalize" stacks to 100%, "center" around the middle.\n',
)
bar_chart.__doc__ = _doc(
    "Display a bar chart (vertical bars, or horizontal ones).",
    "    horizontal : bool\n"
    "        Draw the bars horizontally (the x column on the vertical axis).\n"
    "    sort : bool or str\n"
    '        True sorts the bars by x; False keeps the data\'s order; "col" / "-col" sorts by a\n'
    "        column, ascending / descending.\n"
    '    stack : bool, "normalize", "center", "layered" or None\n'
    '        None and True stack the series; False puts them side by side; "layered" overlaps\n'
    '        them; "normalize" stacks to 100%; "center" stacks around the middle.\n',
)
scatter_chart.__doc__ = _doc(
    "Display a scatter chart: one circle per row.",
    "    size : str, float or None\n"
    "        A column whose values size the circles, or one size (area in pixels) for all.\n",
)
