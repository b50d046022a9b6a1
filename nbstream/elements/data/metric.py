"""``st.metric``: a value in big bold font, with an arrow and color for how it changed."""

from __future__ import annotations

import numbers
from typing import Any

from nbstream.elements._base import add_element, check_label_visibility
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.data.metric_options import (
    CHART_TYPES,
    chart_values,
    check_delta_arrow,
    check_icon,
)
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException

__all__ = ["metric"]

DELTA_COLORS = ("normal", "inverse", "off")


def _metric_text(value: Any, what: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, (str, numbers.Number)):
        return str(value)
    raise StreamlitAPIException(
        f"'{value}' is of type {type(value)}, which is not an accepted type. "
        f"{what} only accepts: int, float, str, or None. Please convert the {what} to an accepted type."
    )


def _direction(delta: Any, text: str) -> str:
    if delta is None or text == "":
        return "none"
    if isinstance(delta, numbers.Number) and not isinstance(delta, bool):
        if delta == 0:
            return "none"
        return "down" if delta < 0 else "up"
    return "down" if text.lstrip().startswith("-") else "up"


@command
def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    *,
    help: str | None = None,
    icon: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: int | str = "stretch",
    height: int | str = "content",
    chart_data: Any = None,
    chart_type: str = "line",
    delta_arrow: str = "auto",
    format: str | None = None,
    delta_description: str | None = None,
) -> DeltaGenerator:
    """Display a metric in big bold font, with an optional indicator of how it changed.

    Parameters
    ----------
    label : str
        What the metric is (Markdown).
    value : int, float, str or None
        The metric's value; None shows a long dash.
    delta : int, float, str or None
        How much it changed.  A negative number, or a string starting with "-", points
        down; zero points nowhere.
    delta_color : "normal", "inverse" or "off"
        "normal": up is green and down is red; "inverse": up is red and down is green;
        "off": gray.
    help : str or None
        A tooltip next to the label.
    icon : str or None
        An emoji, a ``":material/icon_name:"`` icon or ``"spinner"`` shown next to the label.
    label_visibility : "visible", "hidden" or "collapsed"
        Show the label, keep its space empty, or remove it.
    border : bool
        Draw a border around the metric.
    width : "stretch", "content" or int
        As wide as the parent container, as wide as its content, or that many pixels.
    height : "content", "stretch" or int
        As tall as its content, as tall as the parent container, or that many pixels
        (scrolling beyond).
    chart_data : Iterable or None
        Numbers drawn as a small chart under the value (a dataframe's first column), in
        the delta's color.  Each value is converted to float.
    chart_type : "line", "bar" or "area"
        The sparkline's kind.
    delta_arrow : "auto", "up", "down" or "off"
        The arrow follows the delta's sign ("auto"), points one way, or is hidden
        (the delta stays).
    format : str or None
        How a numeric value and delta are shown: "plain", "localized", "percent",
        "dollar", "euro", "yen", "accounting", "bytes", "compact", "scientific",
        "engineering" or a printf pattern such as ``"%.2f"`` or ``"%,d"``.  Text that is
        not a number is shown as it is.
    delta_description : str or None
        A short muted note beside the delta, such as "month over month".
    """
    if delta_color not in DELTA_COLORS:
        raise StreamlitAPIException(
            f"'{delta_color}' is not an accepted value. "
            "delta_color only accepts: 'normal', 'inverse', or 'off'"
        )
    check_label_visibility(label_visibility)
    arrow = check_delta_arrow(delta_arrow)
    icon = check_icon(icon)
    width = check_width(width)
    height = check_height(height)
    values = chart_values(chart_data)
    body = _metric_text(value, "value")
    delta_text = "" if delta is None else _metric_text(delta, "delta")
    direction = _direction(delta, delta_text)
    if direction == "none" or delta_color == "off":
        color = "gray"
    else:
        color = "green" if (direction == "up") == (delta_color == "normal") else "red"
    if arrow == "off":
        direction = "none"
    elif arrow != "auto" and delta_text:
        direction = arrow
    props = {
        "label": str(label),
        "body": body,
        "delta": delta_text,
        "delta_color": delta_color,
        "direction": direction,
        "color": color,
        "help": help,
        "label_visibility": label_visibility,
        "border": bool(border),
        "icon": icon,
        "width": width,
        "height": height,
        "chart_data": values,
        "chart_type": chart_type if chart_type in CHART_TYPES else "line",
        "format": format or None,
        "delta_description": delta_description or None,
    }
    return add_element("metric", props)
