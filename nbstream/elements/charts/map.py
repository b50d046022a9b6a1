"""st.map: points over a map, drawn with no internet by default.

With no tile source configured (``[map] tileUrl`` in config.toml), the points are drawn
on a plain Web Mercator plane with longitude/latitude axes and a graticule; with one
(``https://tile.example/{z}/{x}/{y}.png``), raster tiles are drawn under them.
"""

from __future__ import annotations

from typing import Any

from nbstream.config import get_option
from nbstream.elements._base import add_element
from nbstream.elements.charts._common import ChartValue, arrow_chunk, chart_frame, check_size
from nbstream.elements.charts._shape import column_not_found, css_color, is_color
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException

_LAT_NAMES = ("LAT", "LATITUDE", "lat", "latitude")
_LON_NAMES = ("LON", "LONGITUDE", "lon", "longitude")
DEFAULT_SIZE = 100.0  # meters


def _coordinate(df: Any, given: str | None, names: tuple[str, ...], what: str) -> str:
    if given is not None:
        if given not in df.columns:
            raise column_not_found(df, given)
        return given
    for name in names:
        if name in df.columns:
            return name
    existing = ", ".join(f"'{c}'" for c in df.columns)
    wanted = ", ".join(f"'{n}'" for n in names)
    raise StreamlitAPIException(
        f"Map data must contain a {what} column named: {wanted}. Existing columns: {existing}"
    )


def _numbers(df: Any, column: str) -> Any:
    import pandas as pd

    series = df[column]
    if series.isna().any():
        raise StreamlitAPIException(
            f"Column {column} is not allowed to contain null values, such as NaN, NaT, or None."
        )
    try:
        return pd.to_numeric(series).astype("float64")
    except (ValueError, TypeError) as exc:
        raise StreamlitAPIException(
            f"Column {column} must hold numbers (degrees), not {series.dtype}."
        ) from exc


def map_frame(df: Any, lat: str, lon: str, color: Any, size: Any) -> tuple[Any, dict[str, Any]]:
    """The points as the browser draws them (lat, lon, [color], [size]) and the constants."""
    import pandas as pd

    frame = pd.DataFrame({"lat": _numbers(df, lat), "lon": _numbers(df, lon)})
    style: dict[str, Any] = {"color": None, "size": DEFAULT_SIZE}
    if isinstance(color, str) and color in df.columns:
        frame["color"] = df[color].map(lambda v: css_color(v) if is_color(v) else None)
    elif color is not None:
        if not is_color(color):
            raise StreamlitAPIException(f"This does not look like a valid color argument: `{color}`.")
        style["color"] = css_color(color)
    if isinstance(size, str) and size in df.columns:
        frame["size"] = pd.to_numeric(df[size], errors="coerce")
    elif isinstance(size, (int, float)) and not isinstance(size, bool):
        style["size"] = float(size)
    elif size is not None:
        raise StreamlitAPIException(
            f"Invalid `size` value. Supported values: a column name, a number. Got {size!r}."
        )
    return frame.reset_index(drop=True), style


def tile_source() -> dict[str, str] | None:
    """The configured raster tile source, or None (draw offline)."""
    url = get_option("map.tileUrl")
    if not url:
        return None
    return {"url": str(url), "attribution": str(get_option("map.tileAttribution") or "")}


@command
def map(
    data: Any = None,
    *,
    latitude: str | None = None,
    longitude: str | None = None,
    color: Any = None,
    size: str | float | None = None,
    zoom: int | None = None,
    width: Any = "stretch",
    height: Any = 500,
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> DeltaGenerator:
    """Display points on a map.

    By default the map needs no internet: points are drawn on a plain Web Mercator
    plane with longitude/latitude axes.  Set ``[map] tileUrl`` in
    ``.nbstream/config.toml`` (or ``NBSTREAM_MAP_TILE_URL``) to a raster tile URL
    template such as ``"https://tiles.example.org/{z}/{x}/{y}.png"`` to draw a basemap
    (and ``tileAttribution`` for its credit line).  Drag to pan, scroll to zoom.

    Parameters
    ----------
    data : DataFrame-like
        The points.  Latitude and longitude come from columns named ``lat``/``latitude``
        and ``lon``/``longitude`` (any case shown), or from ``latitude``/``longitude``.
    latitude, longitude : str or None
        The columns holding the coordinates, in degrees.
    color : str, tuple or None
        One color for every point, or a column holding each point's color.
    size : str, float or None
        The points' radius in meters (default 100), or a column holding each radius.
    zoom : int or None
        The zoom level (0 shows the whole world); None fits the points.
    width : "stretch" or int
        The map's width.
    height : "stretch" or int
        The map's height in pixels (default 500).
    use_container_width : bool or None
        Older form of ``width``: True is "stretch".
    alt : str or None
        A text description of the map for screen readers.
    """
    check_size("width", width, allow_content=False)
    check_size("height", height, allow_content=False)
    if use_container_width is True:
        width = "stretch"
    df = chart_frame(data)
    lat = _coordinate(df, latitude, _LAT_NAMES, "latitude")
    lon = _coordinate(df, longitude, _LON_NAMES, "longitude")
    frame, style = map_frame(df, lat, lon, color, size)
    if zoom is not None and (
        isinstance(zoom, bool) or not isinstance(zoom, (int, float)) or not 0 <= zoom <= 24
    ):
        raise StreamlitAPIException(f"Invalid `zoom` value: {zoom!r}. It must be a number from 0 to 24.")
    props = {
        "datasets": {"source": [arrow_chunk(frame)]},
        **style,
        "zoom": zoom,
        "tiles": tile_source(),
        "width": width,
        "height": height,
        "alt": alt,
    }
    return add_element("map", props, value=ChartValue(datasets={"source": [frame]}, source=df))
