"""``st.column_config``: how ``st.dataframe`` and ``st.data_editor`` show and edit a column.

Each function returns a plain dict (Streamlit's ``ColumnConfig``): the common keys
(label, width, help, disabled, required, pinned, alignment, default) and a
``type_config`` with the column type and its own parameters.  ``column_config`` maps a
column name (or ``"_index"``) to one of these, to a string (the label), or to None
(hide the column).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException

WIDTHS = ("small", "medium", "large")
ALIGNMENTS = ("left", "center", "right")


def _check_width(width: Any) -> Any:
    if width is None or width in WIDTHS:
        return width
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise StreamlitAPIException(
        f"Invalid column width: {width!r}. "
        "Width must be 'small', 'medium', 'large' or a positive number of pixels."
    )


def _check_alignment(alignment: Any) -> Any:
    if alignment is None or alignment in ALIGNMENTS:
        return alignment
    raise StreamlitAPIException(f"Invalid alignment: {alignment!r}. Use 'left', 'center' or 'right'.")


def _common(label, width, help, pinned, **extra: Any) -> dict[str, Any]:
    return {"label": label, "width": _check_width(width), "help": help, "pinned": pinned, **extra}


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def _seconds(step: Any) -> Any:
    if isinstance(step, dt.timedelta):
        return step.total_seconds()
    return step


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
    return _common(
        label,
        width,
        help,
        pinned,
        disabled=disabled,
        required=required,
        alignment=_check_alignment(alignment),
    )


def TextColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> dict[str, Any]:
    """Configure a text column.

    Parameters are those of ``Column``, and:

    default : str or None
        The value of this column in a row the user adds.
    max_chars : int or None
        The most characters a cell may hold.
    validate : str or None
        A regular expression every edited value must match.
    """
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {"type": "text", "max_chars": max_chars, "validate": validate},
    }


def NumberColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: int | float | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
) -> dict[str, Any]:
    """Configure a number column.

    Parameters are those of ``Column``, and:

    default : int, float or None
        The value of this column in a row the user adds.
    format : str or None
        A printf-style format (``"%d"``, ``"$%.2f"``, ``"%d ⭐"``) or one of "plain",
        "localized", "percent", "dollar", "euro", "yen", "accounting", "compact",
        "scientific", "engineering".
    min_value, max_value : int, float or None
        The smallest and largest value a cell may take.
    step : int, float or None
        The precision of edited values.  The column holds integers when any of
        ``min_value``, ``max_value``, ``step`` or ``default`` is an int.
    """
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {
            "type": "number",
            "min_value": min_value,
            "max_value": max_value,
            "format": format,
            "step": step,
        },
    }


def CheckboxColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: bool | None = None,
) -> dict[str, Any]:
    """Configure a checkbox column (booleans). Parameters are those of ``Column`` and ``default``."""
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {"type": "checkbox"},
    }


def SelectboxColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    options: Iterable[Any] | None = None,
    format_func: Callable[[Any], str] | None = None,
) -> dict[str, Any]:
    """Configure a selectbox column: each cell takes one of ``options``.

    Parameters are those of ``Column``, and:

    default : str, int, float, bool or None
        The value of this column in a row the user adds.
    options : iterable or None
        The values a cell may take (default: a categorical column's categories).
    format_func : callable or None
        How an option is shown (its label).
    """
    opts = None if options is None else list(options)
    type_config: dict[str, Any] = {"type": "selectbox", "options": opts}
    if format_func is not None and opts is not None:
        type_config["format_labels"] = [str(format_func(o)) for o in opts]
    return {
        **_common(label, width, help, pinned, disabled=disabled, required=required),
        "default": default,
        "type_config": type_config,
    }


def _temporal(
    kind: str,
    label,
    width,
    help,
    disabled,
    required,
    pinned,
    alignment,
    default,
    format,
    min_value,
    max_value,
    step,
    **extra: Any,
) -> dict[str, Any]:
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": _iso(default),
        "type_config": {
            "type": kind,
            "format": format,
            "min_value": _iso(min_value),
            "max_value": _iso(max_value),
            "step": _seconds(step),
            **extra,
        },
    }


def DatetimeColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: dt.datetime | None = None,
    format: str | None = None,
    min_value: dt.datetime | None = None,
    max_value: dt.datetime | None = None,
    step: int | float | dt.timedelta | None = None,
    timezone: str | None = None,
) -> dict[str, Any]:
    """Configure a datetime column.

    Parameters are those of ``Column``, and:

    default : datetime or None
        The value of this column in a row the user adds.
    format : str or None
        A Moment.js-style format (``"YYYY-MM-DD HH:mm"``), or "localized", "distance",
        "calendar", "iso8601".  Values are shown in their own timezone, never the viewer's.
    min_value, max_value : datetime or None
        The earliest and latest value a cell may take.
    step : int, float, timedelta or None
        The step of edited values, in seconds.
    timezone : str or None
        The timezone of the column's values when the data has none.
    """
    return _temporal(
        "datetime",
        label,
        width,
        help,
        disabled,
        required,
        pinned,
        alignment,
        default,
        format,
        min_value,
        max_value,
        step,
        timezone=timezone,
    )


def DateColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: dt.date | None = None,
    format: str | None = None,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
    step: int | None = None,
) -> dict[str, Any]:
    """Configure a date column. Parameters as ``DatetimeColumn`` (``step`` in days)."""
    return _temporal(
        "date",
        label,
        width,
        help,
        disabled,
        required,
        pinned,
        alignment,
        default,
        format,
        min_value,
        max_value,
        step,
    )


def TimeColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: dt.time | None = None,
    format: str | None = None,
    min_value: dt.time | None = None,
    max_value: dt.time | None = None,
    step: int | float | dt.timedelta | None = None,
) -> dict[str, Any]:
    """Configure a time column. Parameters as ``DatetimeColumn`` (``step`` in seconds)."""
    return _temporal(
        "time",
        label,
        width,
        help,
        disabled,
        required,
        pinned,
        alignment,
        default,
        format,
        min_value,
        max_value,
        step,
    )


def ListColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Configure a list column: each cell shows a list of values as chips."""
    return {
        **_common(label, width, help, pinned, disabled=disabled, required=required),
        "default": None if default is None else list(default),
        "type_config": {"type": "list"},
    }


def LinkColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> dict[str, Any]:
    """Configure a link column: each cell is a clickable URL.

    Parameters are those of ``TextColumn``, and:

    display_text : str or None
        The text shown instead of the URL; a regular expression with a capturing
        group shows the group's match (``"https://(.*?)\\.example\\.com"``).
    """
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {
            "type": "link",
            "max_chars": max_chars,
            "validate": validate,
            "display_text": display_text,
        },
    }


def ImageColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    """Configure an image column: each cell is an image URL or data URL (read-only)."""
    return {
        **_common(label, width, help, pinned, alignment=_check_alignment(alignment)),
        "type_config": {"type": "image"},
    }


def _chart(kind: str, label, width, help, pinned, y_min, y_max, color) -> dict[str, Any]:
    return {
        **_common(label, width, help, pinned),
        "type_config": {"type": kind, "y_min": y_min, "y_max": y_max, "color": color},
    }


def LineChartColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    """Configure a line chart column: each cell is a list of numbers drawn as a sparkline.

    Parameters are those of ``Column`` (read-only), and:

    y_min, y_max : int, float or None
        The chart's vertical bounds (default: each cell's own minimum and maximum).
    color : str or None
        The line's color.
    """
    return _chart("line_chart", label, width, help, pinned, y_min, y_max, color)


def BarChartColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    """Configure a bar chart column. Parameters as ``LineChartColumn``."""
    return _chart("bar_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    """Configure an area chart column. Parameters as ``LineChartColumn``."""
    return _chart("area_chart", label, width, help, pinned, y_min, y_max, color)


def ProgressColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    """Configure a progress column: each number is drawn as a bar between the bounds.

    Parameters are those of ``Column`` (read-only), and:

    format : str or None
        How the number is written beside the bar (as ``NumberColumn``).
    min_value, max_value : int, float or None
        The bar's bounds (default 0 and 100).
    step : int, float or None
        The precision of the written value.
    color : str or None
        The bar's color.
    """
    return {
        **_common(label, width, help, pinned),
        "type_config": {
            "type": "progress",
            "format": format,
            "min_value": min_value,
            "max_value": max_value,
            "step": step,
            "color": color,
        },
    }


def JsonColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    """Configure a JSON column: dicts and lists shown as JSON text (read-only)."""
    return {
        **_common(label, width, help, pinned, alignment=_check_alignment(alignment)),
        "type_config": {"type": "json"},
    }


__all__ = [
    "AreaChartColumn",
    "BarChartColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
]
