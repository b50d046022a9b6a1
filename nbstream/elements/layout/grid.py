"""st.grid: a container that lays its elements out in a grid of cells."""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_block
from nbstream.elements._sizing import check_choice, check_gap, check_height, check_width
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitValueError, StreamlitValueOutOfRangeError

MAX_COLUMNS = 24
ALIGNMENTS = ("top", "center", "bottom")


class GridContainer(DeltaGenerator):
    """A grid: each element written to it fills the next cell."""

    __slots__ = ()


def _auto_or_pixels(name: str, value: Any) -> Any:
    if value == "auto" or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        return value
    raise StreamlitValueError(name, ['"auto"', "a positive integer"], value, show_got=True)


@command
def grid(
    columns: Any = "auto",
    *,
    min_column_width: Any = "auto",
    wrap: bool = True,
    gap: Any = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    row_height: Any = "content",
    width: Any = "stretch",
    height: Any = "content",
    key: str | None = None,
    dense: bool = False,
) -> GridContainer:
    """Insert a grid container: elements written to it fill its cells row by row.

    Parameters
    ----------
    columns : "auto" or int
        The number of columns (1 to 24), or "auto" to fit as many as ``min_column_width``
        allows.
    min_column_width : "auto" or int
        The narrowest a column may get, in pixels.
    wrap : bool
        On a narrow screen, let cells move to fewer columns.
    gap : "xxsmall" .. "xxlarge", int, None, or a pair of them
        The space between cells; a pair is (row gap, column gap).
    vertical_alignment : "top", "center" or "bottom"
        How the cells of a row line up.
    border : bool
        Draw a border around each cell.
    row_height : "content" or int
        Rows as tall as their content, or a fixed height in pixels.
    width : "stretch" or int
        The grid's width.
    height : "content", "stretch" or int
        The grid's height.
    key : str or None
        A stable identity (the CSS class ``st-key-<key>``).
    dense : bool
        Fill holes left by larger cells with later ones.

    Returns
    -------
    DeltaGenerator
        The grid: use ``with grid:`` or ``grid.write(...)``.
    """
    counted = isinstance(columns, int) and not isinstance(columns, bool) and 1 <= columns <= MAX_COLUMNS
    if columns != "auto" and not counted:
        raise StreamlitValueOutOfRangeError(
            f"The `columns` parameter, set to {columns}, is outside the required range [1, {MAX_COLUMNS}]."
        )
    pair = gap if isinstance(gap, (tuple, list)) else (gap, gap)
    if len(pair) != 2:
        raise StreamlitValueError(
            "gap", ["a gap size", "a pair of gap sizes (row, column)"], gap, show_got=True
        )
    row_gap, column_gap = (check_gap(g) for g in pair)
    props = {
        "columns": columns,
        "min_column_width": _auto_or_pixels("min_column_width", min_column_width),
        "wrap": bool(wrap),
        "row_gap": row_gap,
        "column_gap": column_gap,
        "vertical_alignment": check_choice(
            "vertical_alignment", vertical_alignment, ("top", "center", "bottom")
        ),
        "border": bool(border),
        "row_height": "content" if row_height == "content" else _auto_or_pixels("row_height", row_height),
        "width": check_width(width, allow_content=False),
        "height": check_height(height),
        "key": key,
        "dense": bool(dense),
    }
    return GridContainer.cast(add_block("grid_container", props))  # type: ignore[return-value]
