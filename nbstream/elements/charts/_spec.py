"""Vega-Lite specs for the built-in charts (line, area, bar, scatter), from a Plan.

The spec names its data (``{"name": "source"}``) instead of holding it: the rows travel
as Arrow chunks beside it, and the browser inserts them into the named dataset.
"""

from __future__ import annotations

from typing import Any

from nbstream.elements.charts._common import field_ref
from nbstream.elements.charts._shape import INDEX, SERIES, SORT, VALUE, Plan
from nbstream.runtime.errors import StreamlitAPIException

DATASET = "source"
STACKS = (True, False, "normalize", "center", "layered", None)
_TITLES = {INDEX: "index", SERIES: "series", VALUE: "value"}


def check_stack(stack: Any) -> None:
    if stack not in STACKS or (stack is not None and not isinstance(stack, (bool, str))):
        raise StreamlitAPIException(
            "Invalid `stack` value. Supported values: True, False, 'normalize', 'center', 'layered', None."
        )


def vl_type(series: Any, *, ordinal: bool = False) -> str:
    """The Vega-Lite type of a column: temporal, quantitative, or nominal/ordinal."""
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "temporal"
    if ordinal:
        return "ordinal"
    if pd.api.types.is_bool_dtype(dtype):
        return "nominal"
    if pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype):
        return "quantitative"
    return "nominal"


def chart_spec(
    mark: str,
    plan: Plan,
    frame: Any,
    *,
    x_label: str | None,
    y_label: str | None,
    stack: Any = None,
    horizontal: bool = False,
) -> dict[str, Any]:
    """The Vega-Lite spec of a built-in chart whose first rows are ``frame``."""
    x_enc = _x_encoding(mark, plan, frame, x_label)
    y_enc = _y_encoding(plan, frame, y_label)
    encoding: dict[str, Any] = {"x": x_enc, "y": y_enc}
    color = _color_encoding(plan, frame)
    if color:
        encoding["color"] = color
    if plan.size_field is not None:
        encoding["size"] = {
            "field": field_ref(plan.size_field),
            "type": "quantitative",
            "title": plan.size_field,
        }
    elif plan.size_value is not None:
        encoding["size"] = {"value": plan.size_value}
    encoding["tooltip"] = _tooltip(plan, frame)
    if mark in ("bar", "area"):
        _stack(mark, encoding, stack)
    if horizontal:
        encoding["x"], encoding["y"] = encoding["y"], encoding["x"]
        if "xOffset" in encoding:
            encoding["yOffset"] = encoding.pop("xOffset")
    spec: dict[str, Any] = {"data": {"name": DATASET}}
    zoom = {"name": "zoom", "select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}
    if mark == "line":
        hover = {
            "name": "hover",
            "select": {"type": "point", "on": "pointerover", "nearest": True, "clear": "pointerout"},
        }
        points = {"type": "point", "filled": True, "size": 65}
        spec["layer"] = [
            {"mark": {"type": "line"}, "encoding": encoding, "params": [zoom]},
            {
                "mark": points,
                "encoding": {
                    **encoding,
                    "opacity": {"condition": {"param": "hover", "empty": False, "value": 1}, "value": 0},
                },
                "params": [hover],
            },
        ]
        return spec
    spec["mark"] = {"type": "circle" if mark == "scatter" else mark, "tooltip": True}
    spec["encoding"] = encoding
    if mark in ("scatter", "area"):
        spec["params"] = [zoom]
    return spec


def _axis(series: Any, *, grid: bool) -> dict[str, Any]:
    """An axis; over whole numbers its ticks are too (no "2,000.5" between years), as
    Streamlit's built-in charts do."""
    import pandas as pd

    axis: dict[str, Any] = {"grid": grid}
    dtype = series.dtype
    if pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        axis["tickMinStep"] = 1
    return axis


def _title(name: str) -> str:
    return _TITLES.get(name, name)


def _x_encoding(mark: str, plan: Plan, frame: Any, x_label: str | None) -> dict[str, Any]:
    xtype = vl_type(frame[plan.x], ordinal=mark == "bar")
    enc: dict[str, Any] = {
        "field": field_ref(plan.x),
        "type": xtype,
        "axis": _axis(frame[plan.x], grid=False),
    }
    enc["title"] = x_label if x_label is not None else ("" if plan.x_from_index else plan.x)
    if mark == "bar" and plan.sort_by is not None:
        enc["sort"] = {"field": SORT, "order": "descending" if plan.sort_descending else "ascending"}
    elif mark == "bar" and plan.keep_order:
        enc["sort"] = None  # sort=False: bars in the data's order
    return enc


def _y_encoding(plan: Plan, frame: Any, y_label: str | None) -> dict[str, Any]:
    field = plan.y_field
    enc: dict[str, Any] = {
        "field": field_ref(field),
        "type": vl_type(frame[field]),
        "axis": _axis(frame[field], grid=True),
    }
    named = not plan.melted and plan.y_named
    enc["title"] = y_label if y_label is not None else (plan.y[0] if named else "")
    return enc


def _color_encoding(plan: Plan, frame: Any) -> dict[str, Any] | None:
    if plan.color_value is not None:
        return {"value": plan.color_value}
    if plan.color_field is None:
        return None
    enc: dict[str, Any] = {"field": field_ref(plan.color_field)}
    if plan.color_field == SERIES:
        enc.update(type="nominal", title=None, legend={"orient": "bottom"})
        enc["sort"] = plan.y
        if plan.color_range is not None:
            enc["scale"] = {"domain": plan.y, "range": plan.color_range}
        return enc
    enc["type"] = vl_type(frame[plan.color_field])
    enc["title"] = plan.color_field
    if plan.color_is_literal:
        enc["scale"] = None  # the column holds the colors themselves
    else:
        enc["legend"] = {"orient": "bottom"}  # as Streamlit's built-in charts place it
    return enc


def _tooltip(plan: Plan, frame: Any) -> list[dict[str, Any]]:
    fields = [plan.x, plan.y_field, *(f for f in (plan.color_field, plan.size_field) if f)]
    tips = []
    for name in dict.fromkeys(fields):
        tip = {"field": field_ref(name), "type": vl_type(frame[name]), "title": _title(name)}
        if tip["type"] == "temporal":
            tip["format"] = "%Y-%m-%d %H:%M:%S"
        tips.append(tip)
    return tips


def _stack(mark: str, encoding: dict[str, Any], stack: Any) -> None:
    y = encoding["y"]
    if stack is None and mark == "area":
        stack = "layered"  # area charts overlap by default
    if stack is None:
        return
    if stack == "layered":
        y["stack"] = False
        encoding["opacity"] = {"value": 0.7}
    elif stack is False:
        y["stack"] = False
        if mark == "bar" and "color" in encoding and "field" in encoding["color"]:
            encoding["xOffset"] = {"field": encoding["color"]["field"], "sort": encoding["color"].get("sort")}
        elif mark == "area":
            encoding["opacity"] = {"value": 0.7}
    else:
        y["stack"] = "zero" if stack is True else stack
