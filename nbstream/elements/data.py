"""Data elements: dataframe, table, metric, json.

Tables travel to the browser as Arrow IPC bytes (a binary buffer, never JSON rows);
the Python-side value (what AppTest's ``.value`` returns) is a pandas DataFrame.
"""

from __future__ import annotations

import json as _json
import numbers
from typing import Any

from nbstream.elements._base import add_element, check_label_visibility
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException

DELTA_COLORS = ("normal", "inverse", "off")


def to_dataframe(data: Any) -> Any:
    """Any supported data as a pandas DataFrame (pandas, Arrow, NumPy, lists, dicts, ...)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (pd.Series, pd.Index)):
        return data.to_frame()
    module = type(data).__module__
    if module.startswith("pandas.io.formats.style"):
        return data.data
    if module.startswith("pyarrow"):
        return data.to_pandas()
    if module.startswith("numpy"):
        return pd.DataFrame(data if data.ndim > 0 else [data.item()])
    if isinstance(data, dict):
        if all(_is_scalar(v) for v in data.values()):
            # {"a": 1, "b": 2}: one row per key, as a key/value table.
            return pd.DataFrame({"value": list(data.values())}, index=list(data.keys()))
        return pd.DataFrame(data)
    if isinstance(data, (list, tuple, set, frozenset)):
        return pd.DataFrame(list(data))
    if hasattr(data, "to_pandas"):
        return data.to_pandas()
    if hasattr(data, "__dataframe__"):
        return pd.api.interchange.from_dataframe(data)
    raise StreamlitAPIException(f"Unable to convert object of type `{type(data).__name__}` to a dataframe.")


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bytes, bool, numbers.Number))


def arrow_ipc(df: Any) -> bytes:
    """A DataFrame as Arrow IPC stream bytes (column names as strings, the index kept)."""
    import pyarrow as pa

    frame = df.copy(deep=False)
    frame.columns = [str(c) for c in frame.columns]
    table = pa.Table.from_pandas(frame, preserve_index=True)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _table_props(df: Any, **extra: Any) -> dict[str, Any]:
    return {"data": arrow_ipc(df), "rows": len(df), "columns": [str(c) for c in df.columns], **extra}


@command
def dataframe(
    data: Any = None,
    width: int | None = None,
    height: int | None = None,
    *,
    use_container_width: bool = True,
    hide_index: bool | None = None,
    column_order: list[str] | None = None,
) -> DeltaGenerator:
    """Display a dataframe as an interactive table.

    Parameters
    ----------
    data : DataFrame, Series, Styler, Arrow table, NumPy array, list, dict, ...
        The data to show.
    width, height : int or None
        The size in pixels; by default as wide as the container and up to ten rows high.
    use_container_width : bool
        Stretch to the container's width (overrides ``width``).
    hide_index : bool or None
        Hide the index column.
    column_order : list of str or None
        The columns to show, in this order.
    """
    df = to_dataframe(data)
    shown = df[column_order] if column_order is not None else df
    props = _table_props(
        shown, width=width, height=height, use_container_width=bool(use_container_width), hide_index=hide_index
    )
    return add_element("dataframe", props, value=df)


@command
def table(data: Any = None) -> DeltaGenerator:
    """Display a static table: every row and column laid out at once."""
    df = to_dataframe(data)
    return add_element("table", _table_props(df), value=df)


def _metric_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (str, numbers.Number)):
        return str(value)
    raise StreamlitAPIException(
        f"'{value}' is of type {type(value)}, which is not an accepted type. "
        "value only accepts: int, float, str, or None. Please convert the value to an accepted type."
    )


@command
def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    *,
    help: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
) -> DeltaGenerator:
    """Display a metric in big bold font, with an optional indicator of how it changed.

    Parameters
    ----------
    label : str
        What the metric is (Markdown).
    value : int, float, str or None
        The metric's value; None shows a long dash.
    delta : int, float, str or None
        How much it changed; a negative number (or a string starting with "-") points down.
    delta_color : "normal", "inverse" or "off"
        "normal": up is green; "inverse": up is red; "off": gray.
    help : str or None
        A tooltip next to the label.
    label_visibility : "visible", "hidden" or "collapsed"
        Show the label, keep its space empty, or remove it.
    border : bool
        Draw a border around the metric.
    """
    if delta_color not in DELTA_COLORS:
        raise StreamlitAPIException(
            f"'{delta_color}' is not an accepted value. delta_color only accepts: 'normal', 'inverse', or 'off'"
        )
    check_label_visibility(label_visibility)
    delta_text = "" if delta is None else _metric_text(delta)
    direction = "none"
    if delta_text:
        direction = "down" if delta_text.lstrip().startswith("-") else "up"
    props = {
        "label": str(label),
        "body": _metric_text(value),
        "delta": delta_text,
        "delta_color": delta_color,
        "direction": direction,
        "help": help,
        "label_visibility": label_visibility,
        "border": bool(border),
    }
    return add_element("metric", props)


@command
def json(body: Any, *, expanded: bool | int = True) -> DeltaGenerator:
    """Display an object or a JSON string as a pretty, collapsible tree.

    Parameters
    ----------
    body : object or str
        A JSON-serializable object, or a string holding JSON.
    expanded : bool or int
        Expand the tree (True), collapse it (False), or expand it this many levels deep.
    """
    if not isinstance(expanded, int):
        raise StreamlitAPIException(f"The type {type(expanded)} of `expanded` is not supported, must be bool or int.")
    if hasattr(body, "to_dict") and not isinstance(body, dict):
        body = body.to_dict()
    if isinstance(body, str):
        text = body
    else:
        text = _json.dumps(body, default=repr)
    return add_element("json", {"body": text, "expanded": expanded})
