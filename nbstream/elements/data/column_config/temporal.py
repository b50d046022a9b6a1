"""Date, time and datetime columns (bounds and defaults travel as ISO strings, steps as seconds)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from nbstream.elements.data.column_config.column import Column


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def _seconds(step: Any) -> Any:
    if isinstance(step, dt.timedelta):
        return step.total_seconds()
    return step


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
