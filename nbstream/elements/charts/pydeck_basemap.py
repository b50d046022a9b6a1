"""Which base map a pydeck ``Deck`` asks for, as the front end draws it (MapLibre GL).

pydeck writes a map style into every Deck: Carto's dark-matter style when ``map_style`` is
not given.  That default cannot be told apart from an explicit ``map_style="dark"``, so it
counts as "no base map" and nothing is fetched; any other style is drawn:

* a URL of a MapLibre / Mapbox GL style JSON (``http(s)://...``), or a style given as a dict;
* Carto's named styles (``"light"``, ``"road"``, ``"dark_no_labels"``, ...), which pydeck has
  already turned into Carto's public style URLs;
* ``mapbox://`` styles, only with a Mapbox key (``api_keys={"mapbox": ...}`` or the
  ``MAPBOX_API_KEY`` environment variable, which pydeck reads).

Google Maps base maps need Google's own script and are not drawn.
"""

from __future__ import annotations

import os
from typing import Any

CARTO_DARK = "https://basemaps.cartocdn.com/gl/dark-matter-gl-style/style.json"
MAPBOX_DARK = "mapbox://styles/mapbox/dark-v9"
# pydeck's style when ``map_style`` is not given, by provider.
PYDECK_DEFAULTS = {"carto": CARTO_DARK, "maplibre": CARTO_DARK, "mapbox": MAPBOX_DARK}


def _mapbox_key(pydeck_obj: Any) -> str | None:
    key = getattr(pydeck_obj, "mapbox_key", None) or os.environ.get("MAPBOX_API_KEY")
    return key if isinstance(key, str) and key.strip() else None


def base_map(pydeck_obj: Any) -> dict[str, Any] | None:
    """``{"style": url-or-style-dict, "mapbox_key": key-or-None}``, or None for no base map."""
    style = getattr(pydeck_obj, "map_style", None)
    provider = getattr(pydeck_obj, "map_provider", None)
    if provider == "google_maps":
        return None
    if isinstance(style, dict):
        return {"style": style, "mapbox_key": _mapbox_key(pydeck_obj)} if style else None
    if not isinstance(style, str) or not style.strip():
        return None
    style = style.strip()
    if style == PYDECK_DEFAULTS.get(str(provider or "").lower()):
        return None
    if style.startswith("mapbox://"):
        key = _mapbox_key(pydeck_obj)
        return {"style": style, "mapbox_key": key} if key else None
    if style.startswith(("https://", "http://")):
        return {"style": style, "mapbox_key": None}
    return None
