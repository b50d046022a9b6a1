"""Read-only columns that draw their values: images, audio and video players, JSON,
line/bar/area sparklines and progress bars."""

from __future__ import annotations

from typing import Any

from nbstream.elements.data.column_config.column import check_alignment, common_config


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
        **common_config(label, width, help, pinned, alignment=check_alignment(alignment)),
        "type_config": {"type": "image"},
    }


def _player(kind: str, label, width, help, pinned, alignment) -> dict[str, Any]:
    return {
        **common_config(label, width, help, pinned, alignment=check_alignment(alignment)),
        "type_config": {"type": kind},
    }


def AudioColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    """Configure an audio column: each cell is an audio URL (or ``data:audio/...`` URL),
    shown as a player (read-only)."""
    return _player("audio", label, width, help, pinned, alignment)


def VideoColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    """Configure a video column: each cell is a video URL (or ``data:video/...`` URL),
    shown as a small player (read-only)."""
    return _player("video", label, width, help, pinned, alignment)


def _chart(kind: str, label, width, help, pinned, y_min, y_max, color) -> dict[str, Any]:
    return {
        **common_config(label, width, help, pinned),
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
        **common_config(label, width, help, pinned),
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
        **common_config(label, width, help, pinned, alignment=check_alignment(alignment)),
        "type_config": {"type": "json"},
    }
