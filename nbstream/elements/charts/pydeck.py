"""st.pydeck_chart: a pydeck ``Deck`` drawn by a bundled deck.gl (its JSON converter reads
what ``Deck.to_json()`` writes), loaded on demand.

No base map is drawn unless the Deck configures a map style (see ``pydeck_basemap``), so
by default nothing is fetched from Mapbox or Carto: the layers are drawn over the app's
background.  With ``on_select="rerun"`` or a callback the chart is a
widget whose value is Streamlit's ``PydeckState``,
``{"selection": {"indices": {layer_id: [i, ...]}, "objects": {layer_id: [obj, ...]}}}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from nbstream.elements._base import add_element, add_widget
from nbstream.elements._sizing import check_height, check_width
from nbstream.elements.charts.pydeck_basemap import base_map
from nbstream.elements.charts.selections import AttrDict, _plain, on_select_mode
from nbstream.elements.delta_generator import DeltaGenerator, command
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from nbstream.runtime.widgets import InvalidWireValue

EMPTY_DECK = {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
SELECTION_MODES = ("single-object", "multi-object")
MAX_SELECTED = 10_000


def deck_json(pydeck_obj: Any) -> str:
    """The deck as deck.gl JSON (``Deck.to_json()``); an empty world map for None."""
    if pydeck_obj is None:
        return json.dumps(EMPTY_DECK)
    to_json = getattr(pydeck_obj, "to_json", None)
    if not callable(to_json):
        raise StreamlitAPIException(
            f"st.pydeck_chart expects a pydeck.Deck (or None), not {type(pydeck_obj).__name__}."
        )
    return str(to_json())


def deck_tooltip(pydeck_obj: Any) -> Any:
    """The Deck's ``tooltip`` argument (where pydeck keeps it depends on its version)."""
    widget = getattr(pydeck_obj, "deck_widget", None)
    tooltip = getattr(widget, "tooltip", None) if widget is not None else None
    if not isinstance(tooltip, (dict, bool)):
        tooltip = getattr(pydeck_obj, "_tooltip", None)
    return tooltip if isinstance(tooltip, (dict, bool)) else None


def pydeck_state(selection: dict[str, Any] | None = None) -> AttrDict:
    """Streamlit's PydeckState: nothing selected unless ``selection`` is given."""
    inner = AttrDict(indices={}, objects={})
    inner.update(selection or {})
    return AttrDict(selection=inner)


class PydeckSelectionSerde:
    """The chart's state; the wire holds its ``selection`` part (per layer id)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    def serialize(self, value: Any) -> dict[str, Any]:
        return {k: dict(v) for k, v in dict(value["selection"]).items()}

    def deserialize(self, wire: Any) -> AttrDict:
        if not isinstance(wire, dict) or set(wire) != {"indices", "objects"}:
            raise InvalidWireValue("a selection is an object of indices and objects")
        indices, objects = wire["indices"], wire["objects"]
        if not isinstance(indices, dict) or not isinstance(objects, dict) or set(indices) != set(objects):
            raise InvalidWireValue("indices and objects are objects keyed by the same layer ids")
        total = 0
        for layer, picked in indices.items():
            things = objects[layer]
            if not isinstance(layer, str) or len(layer) > 1_000:
                raise InvalidWireValue("a layer id is a string")
            if not isinstance(picked, list) or not isinstance(things, list) or len(picked) != len(things):
                raise InvalidWireValue("a layer's indices and objects are lists of one length")
            if any(isinstance(i, bool) or not isinstance(i, int) or i < 0 for i in picked):
                raise InvalidWireValue("indices are non-negative integers")
            if not all(isinstance(o, dict) and _plain(o) for o in things):
                raise InvalidWireValue("each selected object is a plain object")
            total += len(picked)
        if total > MAX_SELECTED or (self.mode == "single-object" and total > 1):
            raise InvalidWireValue("more objects than the selection mode allows")
        return pydeck_state({"indices": dict(indices), "objects": dict(objects)})


def _mode(selection_mode: Any) -> str:
    if not isinstance(selection_mode, str):
        raise StreamlitInvalidParameterTypeError(
            f"Invalid `selection_mode` type: {type(selection_mode).__name__}. Expected: str. "
            "Selection mode must be a single value."
        )
    if selection_mode not in SELECTION_MODES:
        raise StreamlitValueError("selection_mode", ["'multi-object'", "'single-object'"])
    return selection_mode


@command
def pydeck_chart(
    pydeck_obj: Any = None,
    *,
    width: int | str = "stretch",
    use_container_width: bool | None = None,
    height: int | str = 500,
    selection_mode: str = "single-object",
    on_select: str | Callable[..., Any] = "ignore",
    key: str | int | None = None,
    alt: str | None = None,
) -> DeltaGenerator | AttrDict:
    """Display a chart made with pydeck (deck.gl): maps, 3D layers, point clouds.

    Parameters
    ----------
    pydeck_obj : pydeck.Deck or None
        The deck to draw; None draws an empty view of the world.  Layers are drawn by a
        bundled deck.gl.  A base map is drawn under them (by a bundled MapLibre GL, in
        step with the view) only when the Deck sets a map style: a style JSON URL
        (``map_style="https://.../style.json"``), a Carto name (``"light"``, ``"road"``,
        ``"dark_no_labels"``, ...) or a ``mapbox://`` style with a Mapbox key
        (``api_keys={"mapbox": ...}`` or ``MAPBOX_API_KEY``).  pydeck's default style
        (Carto's dark matter, also what ``map_style="dark"`` gives) draws no base map, so
        nothing is fetched; Google Maps styles are not drawn.  A style that fails to load
        leaves the layers with a short note.
    width : "stretch" or int
        ``"stretch"`` (default) fills the container's width; an int is pixels.
    use_container_width : bool or None
        Older form of ``width``: True is ``"stretch"``.
    height : "stretch" or int
        500 pixels by default; ``"stretch"`` fills a container of set height.
    selection_mode : "single-object" or "multi-object"
        With ``on_select``: a click selects one object, or toggles objects in and out of
        the selection.  Only ``pickable`` layers select.
    on_select : "ignore", "rerun" or callable
        ``"ignore"`` (default): a picture you can pan and zoom.  ``"rerun"`` or a
        callback: a selection reruns the app and the command returns the state
        ``{"selection": {"indices": {...}, "objects": {...}}}`` keyed by layer id.
    key : str, int or None
        The chart's Session State key (with ``on_select``).
    alt : str or None
        A short accessible name for the chart.
    """
    width = check_width(width, allow_content=False)
    height = check_height(height, allow_content=False)
    if use_container_width:
        width = "stretch"
    selecting, callback = on_select_mode(on_select)
    mode = _mode(selection_mode) if selecting else None
    spec = deck_json(pydeck_obj)
    tooltip = deck_tooltip(pydeck_obj) if pydeck_obj is not None else None
    props = {
        "spec": spec.encode("utf-8"),  # a blob: sent once, however often the app reruns
        "tooltip": tooltip,
        "base_map": base_map(pydeck_obj) if pydeck_obj is not None else None,
        "width": width,
        "height": height,
        "alt": " ".join(alt.split()) if isinstance(alt, str) and alt.strip() else None,
        "selection_mode": mode,
    }
    if not selecting:
        return add_element("pydeck_chart", props, value=json.loads(spec))
    return add_widget(  # type: ignore[no-any-return]
        "pydeck_chart",
        props,
        serde=PydeckSelectionSerde(mode or "single-object"),
        default=pydeck_state(),
        identity={"mode": mode} if key is not None else {"mode": mode, "spec": spec},
        key=key,
        on_change=callback,
    )
