"""``Column``: the settings every column type shares (label, width, help, editing, pinning, alignment)."""

from __future__ import annotations

from typing import Any

from nbstream.runtime.errors import StreamlitAPIException

WIDTHS = ("small", "medium", "large")
ALIGNMENTS = ("left", "center", "right")


def check_width(width: Any) -> Any:
    if width is None or width in WIDTHS:
        return width
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise StreamlitAPIException(
        f"Invalid column width: {width!r}. "
        "Width must be 'small', 'medium', 'large' or a positive number of pixels."
    )


def check_alignment(alignment: Any) -> Any:
    if alignment is None or alignment in ALIGNMENTS:
        return alignment
    raise StreamlitAPIException(f"Invalid alignment: {alignment!r}. Use 'left', 'center' or 'right'.")


def common_config(label, width, help, pinned, **extra: Any) -> dict[str, Any]:
    """The keys every column config has (label, width, help, pinned), and ``extra``."""
    return {"label": label, "width": check_width(width), "help": help, "pinned": pinned, **extra}


def Column(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    """Configure a column of any type (its label, width, help tooltip, editing).

    Parameters
    ----------
    label : str or None
        The column's header (default: the column name).
    width : "small", "medium", "large", int or None
        The column's width (an int is pixels); None sizes it to its content.
    help : str or None
        A tooltip on the column header.
    disabled : bool or None
        In ``st.data_editor``, forbid editing this column.
    required : bool or None
        In ``st.data_editor``, a cell of this column must have a value.
    pinned : bool or None
        Keep the column at the left while scrolling sideways.
    alignment : "left", "center", "right" or None
        How cell content is aligned.
    """
    return common_config(
        label,
        width,
        help,
        pinned,
        disabled=disabled,
        required=required,
        alignment=check_alignment(alignment),
    )
