"""How the built-in charts read their data: x, y, color and size; wide or long.

* **Wide** data (several ``y`` columns, or none named): the ``y`` columns are melted into
  one value column plus a generated color column naming the series.
* **Long** data (one ``y``, and ``color`` naming a column): sent as it is.
* No ``x``: the index is the x axis (its name, when it has one, is the field name).

A :class:`Plan` records those choices, so ``.add_rows()`` shapes new rows the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException

# Generated column names, chosen so they cannot clash with a user's column.
INDEX, SERIES, VALUE, SORT = "index--nbs", "series--nbs", "value--nbs", "sort--nbs"

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_RGB = re.compile(r"^rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*)?\)$")
# The basic CSS color keywords that Streamlit's charts accept as a color.
_NAMED = frozenset(
    [
        "black",
        "silver",
        "gray",
        "grey",
        "white",
        "maroon",
        "red",
        "purple",
        "fuchsia",
        "green",
        "lime",
        "olive",
        "yellow",
        "navy",
        "blue",
        "teal",
        "aqua",
        "orange",
    ]
)
_BAD_COLOR = (
    "This does not look like a valid color argument: `{}`.\n\n"
    "The color argument can be:\n\n"
    '* A hex string like "#ffaa00" or "#ffaa0088".\n'
    "* An RGB or RGBA tuple with the red, green, blue, and alpha\n"
    "  components specified as ints from 0 to 255 or floats from 0.0 to\n"
    "  1.0."
)


@dataclass
class Plan:
    """How one built-in chart maps its data to the frame the browser draws."""

    x: str  # the x field in the drawn frame
    x_from_index: bool
    y: list[str]  # the y columns of the script's data
    melted: bool
    y_named: bool = False  # the script named the one y column (it titles the axis)
    extra: list[str] = field(default_factory=list)  # data columns kept beside x (color, size)
    color_field: str | None = None
    color_value: str | None = None
    color_range: list[str] | None = None  # one color per series (wide data)
    color_is_literal: bool = False  # the color column holds colors
    size_field: str | None = None
    size_value: float | None = None
    sort_by: str | None = None  # a column copied to SORT for a bar chart's sort
    sort_descending: bool = False
    keep_order: bool = False  # sort=False
    next_index: int = 0  # where a RangeIndex of added rows continues

    @property
    def y_field(self) -> str:
        return VALUE if self.melted else self.y[0]


def column_not_found(df: Any, name: Any) -> StreamlitAPIException:
    available = ", ".join(str(c) for c in df.columns)
    return StreamlitAPIException(
        f'Data does not have a column named `"{name}"`. Available columns are `{available}`'
    )


def _check_column(df: Any, name: Any) -> str:
    if name not in df.columns:
        raise column_not_found(df, name)
    return name


def is_color(value: Any) -> bool:
    """A single color: "#rgb[a]", "#rrggbb[aa]", "rgb(...)", a basic CSS name, or an RGB(A) tuple."""
    if isinstance(value, str):
        return bool(_HEX.match(value) or _RGB.match(value.replace(" ", "")) or value.lower() in _NAMED)
    if isinstance(value, (tuple, list)) and len(value) in (3, 4):
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    return False


def css_color(value: Any) -> str:
    """A color as CSS text: tuples become ``rgb(...)``/``rgba(...)`` (floats 0..1 scaled)."""
    if isinstance(value, str):
        return value
    scale = 255 if all(isinstance(v, float) and v <= 1 for v in value[:3]) else 1
    rgb = [round(v * scale) for v in value[:3]]
    if len(value) == 3:
        return f"rgb({rgb[0]}, {rgb[1]}, {rgb[2]})"
    alpha = value[3] / 255 if value[3] > 1 else value[3]
    return f"rgba({rgb[0]}, {rgb[1]}, {rgb[2]}, {alpha:g})"


def make_plan(
    df: Any,
    *,
    x: str | None,
    y: Any,
    color: Any,
    size: Any = None,
    sort: Any = True,
) -> Plan:
    """Check the arguments against the data and decide how to draw it."""
    if x is not None:
        x = _check_column(df, x)
    color_column = color if isinstance(color, str) and color in df.columns else None
    size_column = _size_column(df, size)
    if y is None:
        taken = {x, color_column, size_column}
        y_cols = [c for c in df.columns if c not in taken]
    else:
        y_cols = [y] if isinstance(y, str) else list(y)
        for col in y_cols:
            _check_column(df, col)
    plan = Plan(
        x=x if x is not None else _index_name(df),
        x_from_index=x is None,
        y=y_cols,
        melted=len(y_cols) > 1,
        y_named=y is not None,
    )
    _plan_color(plan, df, color, color_column)
    if size_column is not None:
        plan.size_field = size_column
    elif size is not None:
        plan.size_value = float(size)
    plan.extra = [c for c in (plan.color_field, plan.size_field) if c not in (None, SERIES, plan.x)]
    plan.extra = list(dict.fromkeys(plan.extra))
    if isinstance(sort, str) and sort:
        plan.sort_descending = sort.startswith("-")
        plan.sort_by = _check_column(df, sort[1:] if plan.sort_descending else sort)
    elif isinstance(sort, bool):
        plan.keep_order = not sort
    else:
        raise StreamlitAPIException(f"Invalid `sort` value: {sort!r}. It must be a bool or a column name.")
    return plan


def _index_name(df: Any) -> str:
    name = df.index.name
    return name if isinstance(name, str) and name and name not in df.columns else INDEX


def _size_column(df: Any, size: Any) -> str | None:
    if size is None:
        return None
    if isinstance(size, str) and size in df.columns:
        return size
    if isinstance(size, (int, float)) and not isinstance(size, bool):
        return None
    raise StreamlitAPIException(
        f"Invalid `size` value. Supported values: a column name, a number. Got {size!r}."
    )


def _plan_color(plan: Plan, df: Any, color: Any, column: str | None) -> None:
    if plan.melted:
        plan.color_field = SERIES
        if color is None or column is not None:
            return
        colors = [color] if is_color(color) or isinstance(color, str) else list(color)
        for c in colors:
            if not is_color(c):
                raise StreamlitAPIException(_BAD_COLOR.format(c))
        if len(colors) != len(plan.y):
            raise StreamlitAPIException(
                f"The list of colors `{colors}` must have the same length as the list of columns to be "
                f"colored `{plan.y}`."
            )
        plan.color_range = [css_color(c) for c in colors]
        return
    if color is None:
        return
    if column is not None:
        plan.color_field = column
        values = df[column].dropna()
        plan.color_is_literal = (
            len(values) > 0 and values.map(lambda v: isinstance(v, str) and is_color(v)).all()
        )
        return
    if is_color(color):
        plan.color_value = css_color(color)
        return
    if isinstance(color, (list, tuple)) and all(is_color(c) for c in color):
        if len(color) != len(plan.y):
            raise StreamlitAPIException(
                f"The list of colors `{list(color)}` must have the same length as the list of columns to be "
                f"colored `{plan.y}`."
            )
        plan.color_value = css_color(color[0])
        return
    raise StreamlitAPIException(_BAD_COLOR.format(color))


def shape(df: Any, plan: Plan) -> Any:
    """The frame the browser draws, for these rows of the script's data."""
    import pandas as pd

    frame = df
    if plan.x_from_index:
        index = df.index
        if isinstance(index, pd.RangeIndex) and plan.next_index and index.start == 0:
            index = pd.RangeIndex(plan.next_index, plan.next_index + len(df))
        frame = df.set_axis(index, axis=0)
        if isinstance(index, pd.RangeIndex) and len(index):
            plan.next_index = index.stop
        frame = frame.rename_axis(plan.x).reset_index()
    for col in plan.y + plan.extra + ([plan.sort_by] if plan.sort_by else []):
        if col not in frame.columns:
            raise column_not_found(df, col)
    keep = [plan.x, *plan.extra]
    if plan.sort_by is not None:
        frame = frame.assign(**{SORT: frame[plan.sort_by]})
        keep.append(SORT)
    if plan.melted:
        long = frame.melt(id_vars=keep, value_vars=plan.y, var_name=SERIES, value_name=VALUE)
        if long[VALUE].dtype == object:  # numbers and text melted together: all text, as Streamlit
            long[VALUE] = long[VALUE].map(lambda v: v if v is None else str(v))
        return long
    return frame[list(dict.fromkeys([*keep, *plan.y]))]
