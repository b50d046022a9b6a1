"""st.echarts_chart: an Apache ECharts option, drawn by a bundled ECharts loaded on demand.

With ``on_select="rerun"`` or a callback the chart is a widget whose value is Streamlit's
``EChartsState``: ``{"selection": {"selected": [...], "areas": [...]}}`` (attribute access
too), from the series' own selections (``selectedMode``) and brush regions.  The browser
sends that ``selection`` part; it is untrusted and checked field by field here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from nbstream.elements._base import add_element, add_widget
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.charts.selections import AttrDict, on_select_mode
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError
from nbstream.runtime.widgets import InvalidWireValue

DATA_TYPES = ("main", "node", "edge")
BRUSH_TYPES = ("rect", "lineX", "lineY", "polygon")
MAX_ITEMS = 100_000
_NOT_JSON = (
    "The provided ECharts spec could not be parsed as JSON. "
    "`st.echarts_chart` only supports JSON-compatible option objects."
)


def _plain(value: Any) -> Any:
    """What ``json`` cannot encode itself: DataFrames (a header row, then rows, as ECharts'
    ``dataset.source`` takes them), Series and arrays (lists), NumPy scalars."""
    if hasattr(value, "to_dict") and hasattr(value, "columns"):  # a DataFrame
        frame = value.reset_index() if getattr(value.index, "name", None) else value
        rows = json.loads(frame.to_json(orient="values", date_format="iso"))
        return [[str(c) for c in frame.columns], *rows]
    if hasattr(value, "tolist"):  # a Series, an array, a NumPy scalar
        return value.tolist()
    raise TypeError(type(value).__name__)


def option_json(spec: Any) -> str:
    """The option as JSON text: a dict, a JSON string, or an object with ``dump_options()``
    (pyecharts' charts)."""
    if hasattr(spec, "dump_options") and callable(spec.dump_options):
        spec = spec.dump_options()
    if isinstance(spec, str):
        try:
            spec = json.loads(spec)
        except ValueError:
            raise StreamlitAPIException(_NOT_JSON) from None
    if not isinstance(spec, dict):
        raise StreamlitAPIException(_NOT_JSON)
    try:
        return json.dumps(spec, default=_plain, allow_nan=False)
    except (TypeError, ValueError):
        raise StreamlitAPIException(_NOT_JSON) from None


def echarts_state(selection: dict[str, Any] | None = None) -> AttrDict:
    """Streamlit's EChartsState: nothing selected unless ``selection`` is given."""
    inner = AttrDict(selected=[], areas=[])
    inner.update(selection or {})
    return AttrDict(selection=inner)


def _index(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31


def _label(value: Any) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= 1_000)


def _numbers(value: Any, depth: int) -> bool:
    """A coordinate, or lists of them (``[[x0, x1], [y0, y1]]``, polygons)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return math.isfinite(value)
    if isinstance(value, str):  # a category's name on a category axis
        return len(value) <= 1_000
    return (
        depth > 0
        and isinstance(value, list)
        and len(value) <= MAX_ITEMS
        and all(_numbers(v, depth - 1) for v in value)
    )


class EChartsSelectionSerde:
    """The chart's state; the wire holds its ``selection`` part."""

    def serialize(self, value: Any) -> dict[str, Any]:
        return {k: list(v) for k, v in dict(value["selection"]).items()}

    def deserialize(self, wire: Any) -> AttrDict:
        if not isinstance(wire, dict) or set(wire) - {"selected", "areas"}:
            raise InvalidWireValue("a selection is an object of selected and areas")
        selected, areas = wire.get("selected", []), wire.get("areas", [])
        if (
            not isinstance(selected, list)
            or not isinstance(areas, list)
            or len(selected) + len(areas) > 1_000
        ):
            raise InvalidWireValue("selected and areas are lists")
        groups = [self._group(g) for g in selected]
        regions = [self._area(a) for a in areas]
        return echarts_state({"selected": groups, "areas": regions})

    @staticmethod
    def _group(group: Any) -> dict[str, Any]:
        fields = ("series_index", "series_id", "series_name", "data_type", "data_indices")
        if not isinstance(group, dict) or set(group) != set(fields):
            raise InvalidWireValue(f"a selected group has exactly {fields}")
        indices = group["data_indices"]
        ok = (
            _index(group["series_index"])
            and _label(group["series_id"])
            and _label(group["series_name"])
            and group["data_type"] in DATA_TYPES
            and isinstance(indices, list)
            and len(indices) <= MAX_ITEMS
            and all(_index(i) for i in indices)
        )
        if not ok:
            raise InvalidWireValue("a selected group's fields have the wrong types")
        return {**{f: group[f] for f in fields}, "data_indices": sorted(set(indices))}

    @staticmethod
    def _area(area: Any) -> dict[str, Any]:
        fields = ("brush_index", "brush_type", "coord_range")
        if not isinstance(area, dict) or set(area) != set(fields):
            raise InvalidWireValue(f"a brush area has exactly {fields}")
        if not (_index(area["brush_index"]) and area["brush_type"] in BRUSH_TYPES):
            raise InvalidWireValue("a brush area's index or type is wrong")
        if not isinstance(area["coord_range"], list) or not _numbers(area["coord_range"], 3):
            raise InvalidWireValue("a brush area's coord_range is coordinates")
        return {f: area[f] for f in fields}


@command
def echarts_chart(
    spec: Any,
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    theme: str | None = "streamlit",
    key: str | int | None = None,
    on_select: str | Callable[..., Any] = "ignore",
    renderer: str = "canvas",
    alt: str | None = None,
) -> DeltaGenerator | AttrDict:
    """Display an Apache ECharts chart.

    Parameters
    ----------
    spec : dict, str or pyecharts chart
        The ECharts option: a JSON-compatible dict (DataFrames in it, such as
        ``dataset.source``, become a header row and rows), its JSON text, or an object with
        ``dump_options()`` (a pyecharts chart).  JavaScript functions cannot be passed.
    width : "stretch", "content" or int
        ``"stretch"`` (default) fills the container's width; an int is pixels.
    height : "content", "stretch" or int
        ``"content"`` (default) is 400 pixels; ``"stretch"`` fills the container's height
        (inside ``st.container(height=...)``); an int is pixels.
    theme : "streamlit" or None
        ``"streamlit"`` (default) colors the chart like the app; None uses ECharts' own.
    key : str, int or None
        The chart's identity (and its Session State key with ``on_select``).
    on_select : "ignore", "rerun" or callable
        ``"ignore"`` (default): a picture.  ``"rerun"`` or a callback: selecting data (a
        series with ``selectedMode``, a ``brush``) reruns the app and the command returns
        the selection state ``{"selection": {"selected": [...], "areas": [...]}}``.
    renderer : "canvas" or "svg"
        How ECharts draws.
    alt : str or None
        A short accessible name for the chart.
    """
    width = check_width(width)
    height = check_height(height)
    if theme not in ("streamlit", None):
        raise StreamlitValueError("theme", ["'streamlit'", "None"])
    if renderer not in ("canvas", "svg"):
        raise StreamlitValueError("renderer", ["'canvas'", "'svg'"])
    selecting, callback = on_select_mode(on_select)
    option = option_json(spec)
    name = " ".join(alt.split()) if isinstance(alt, str) and alt.strip() else None
    props = {
        "spec": option.encode("utf-8"),  # a blob: sent once, however often the app reruns
        "theme": theme,
        "renderer": renderer,
        "width": width,
        "height": height,
        "alt": name,
        "key": None if key is None else str(key),
        "selecting": selecting,
    }
    if not selecting:
        return add_element("echarts_chart", props, value=json.loads(option))
    return add_widget(  # type: ignore[no-any-return]
        "echarts_chart",
        props,
        serde=EChartsSelectionSerde(),
        default=echarts_state(),
        identity={"spec": option, "theme": theme, "renderer": renderer, "width": width, "height": height},
        key=key,
        on_change=callback,
    )
