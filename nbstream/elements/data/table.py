"""``st.table``: a static table, every row and column laid out at once."""

from __future__ import annotations

from typing import Any

from nbstream.elements._alt import normalize_alt
from nbstream.elements._base import add_element
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.data.arrow import ipc_bytes
from nbstream.elements.data.frames import is_scalar, to_dataframe
from nbstream.elements.data.table_element import make_source, table_props
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitValueError

__all__ = ["table"]


def _border(border: Any) -> str:
    if border is True or border is False:
        return "all" if border else "none"
    if border == "horizontal":
        return "horizontal"
    raise StreamlitValueError("border", ["True", "False", "'horizontal'"])


def _names_no_columns(data: Any) -> bool:
    """True for data whose columns have no names of the user's (lists, arrays, a key->value dict)."""
    if type(data).__module__.startswith("numpy"):
        return True
    if isinstance(data, (list, tuple, set, frozenset)):
        return not any(isinstance(item, dict) for item in data)
    if isinstance(data, dict):
        return bool(data) and all(is_scalar(v) for v in data.values())
    return False


@command
def table(
    data: Any = None,
    *,
    border: bool | str = True,
    width: int | str = "stretch",
    height: int | str = "content",
    hide_index: bool | None = None,
    hide_header: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    """Display a static table: every row and column laid out at once.

    Parameters
    ----------
    data : DataFrame, Series, Styler, pyarrow Table, NumPy array, list, dict, ...
        The data to show (as ``st.dataframe`` accepts it).  For large data use
        ``st.dataframe``, which sends only the rows in view.
    border : bool or "horizontal"
        Borders around the table and between all cells (True), none (False), or only
        lines between rows ("horizontal").
    width : "stretch", "content" or int
        As wide as the parent container, as wide as the table's content, or that many
        pixels (the index columns stay in view when a fixed width scrolls).
    height : "content", "stretch" or int
        Every row ("content"), the parent container's height ("stretch"), or that many
        pixels with scrolling under a sticky header row.
    hide_index : bool or None
        Hide the index columns.  None hides a default ``RangeIndex`` and shows any other.
    hide_header : bool or None
        Hide the row of column names.  None hides it for data without column names of
        its own (lists, NumPy arrays, a key-value dict) and shows it otherwise.
    alt : str or None
        A short description of the table for screen readers (its accessible name).
        Blank text counts as None.
    """
    border_mode = _border(border)
    width = check_width(width)
    height = check_height(height)
    frame = to_dataframe(data)
    if hide_index is None:
        import pandas as pd

        hide_index = isinstance(frame.index, pd.RangeIndex)
    if hide_header is None:
        hide_header = _names_no_columns(data)
    source = make_source(data, frame=frame, hide_index=bool(hide_index))
    props = table_props(
        source,
        border=border_mode,
        width=width,
        height=height,
        hide_header=bool(hide_header),
        alt=normalize_alt(alt),
    )
    props["data"] = ipc_bytes(source.window_table(range(source.rows)))
    props["whole"] = True
    return add_element("table", props, value=source)
