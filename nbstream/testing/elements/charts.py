"""AppTest's view of chart elements: ``at.line_chart[0].spec``, ``.data``, ``.datasets``.

Every chart kind lists under its own name (``at.get("bar_chart")``, ``at.altair_chart``,
``at.pyplot``, ``at.map``, ...) and reads the same way:

* ``spec``: what the browser draws from (the Vega-Lite spec, the Plotly figure as a
  dict, the map's settings; None for pyplot's image);
* ``data``: the rows (a DataFrame, rows added with ``.add_rows()`` included; the PNG
  bytes for pyplot; the figure's traces for Plotly);
* ``datasets``: every named dataset of a Vega-Lite chart, as DataFrames.
"""

from __future__ import annotations

from typing import Any

from nbstream.testing.elements._base import Element

VEGA_KINDS = ("line_chart", "area_chart", "bar_chart", "scatter_chart", "altair_chart", "vega_lite_chart")


class Chart(Element):
    """A chart element: its kind (``type``), ``spec`` and ``data``."""

    @property
    def spec(self) -> dict[str, Any] | None:
        kind, props, value = self._node.kind, self._node.props, self._node.value
        if kind == "plotly_chart":
            return value
        if kind == "pyplot":
            return None
        if kind == "map":
            return {k: v for k, v in props.items() if k != "datasets"}
        return props.get("spec")

    @property
    def datasets(self) -> dict[str, Any]:
        value = self._node.value
        names = getattr(value, "datasets", None) or {}
        return {name: value.frame(name) for name in names}

    @property
    def data(self) -> Any:
        value = self._node.value
        if self._node.kind == "pyplot":
            return value
        if self._node.kind == "plotly_chart":
            return (value or {}).get("data", [])
        return value.frame() if value is not None else None

    @property
    def value(self) -> Any:
        return self.data

    def __repr__(self) -> str:
        return f"Chart(type={self.type!r})"


CLASSES: dict[str, type[Element]] = {kind: Chart for kind in (*VEGA_KINDS, "pyplot", "plotly_chart", "map")}
