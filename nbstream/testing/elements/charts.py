"""AppTest's view of chart elements: ``at.line_chart[0].spec``, ``.data``, ``.datasets``.

Every chart kind lists under its own name (``at.get("bar_chart")``, ``at.altair_chart``,
``at.pyplot``, ``at.map``, ...) and reads the same way:

* ``spec``: what the browser draws from (the Vega-Lite spec, the Plotly figure as a
  dict, the map's settings, Graphviz's DOT text; None for pyplot's image);
* ``data``: the rows (a DataFrame, rows added with ``.add_rows()`` included; the PNG
  bytes for pyplot; the figure's traces for Plotly);
* ``datasets``: every named dataset of a Vega-Lite chart, as DataFrames.
"""

from __future__ import annotations

import json
from typing import Any

from nbstream.testing.elements._base import Element
from nbstream.testing.errors import AppTestError

VEGA_KINDS = ("line_chart", "area_chart", "bar_chart", "scatter_chart", "altair_chart", "vega_lite_chart")


def _figure(node: Any) -> dict[str, Any]:
    """A selectable Plotly chart's figure (its node's value is the selection state)."""
    return json.loads(bytes(node.props["figure"]).decode("utf-8"))  # type: ignore[no-any-return]


class Chart(Element):
    """A chart element: its kind (``type``), ``spec`` and ``data``."""

    @property
    def spec(self) -> dict[str, Any] | str | None:
        kind, props, value = self._node.kind, self._node.props, self._node.value
        if kind == "plotly_chart":
            return _figure(self._node) if self._node.id else value
        if kind == "pyplot":
            return None
        if kind in ("echarts_chart", "pydeck_chart"):
            return json.loads(bytes(props["spec"]).decode("utf-8"))  # type: ignore[no-any-return]
        if kind == "map":
            return {k: v for k, v in props.items() if k != "datasets"}
        return props.get("spec")

    @property
    def datasets(self) -> dict[str, Any]:
        if self._node.id:  # a chart with on_select keeps its selection state instead
            return {}
        value = self._node.value
        names = getattr(value, "datasets", None) or {}
        return {name: value.frame(name) for name in names}

    @property
    def data(self) -> Any:
        value = self._node.value
        if self._node.kind in ("pyplot", "graphviz_chart"):
            return value
        if self._node.kind in ("echarts_chart", "pydeck_chart"):
            return self.spec
        if self._node.kind == "plotly_chart":
            return ((_figure(self._node) if self._node.id else value) or {}).get("data", [])
        if self._node.id:  # a Vega chart with on_select: its value is the selection state
            return None
        return value.frame() if value is not None else None

    @property
    def value(self) -> Any:
        return self.data

    @property
    def selection(self) -> Any:
        """The selection state of a chart with ``on_select`` (None for one without)."""
        if not self._node.id:
            return None
        pending = self.root._pending_values
        return pending.get(self.id, self._node.value)

    def select(
        self,
        points: list[dict[str, Any]] | None = None,
        point_indices: list[int] | None = None,
        box: list[dict[str, Any]] | None = None,
        lasso: list[dict[str, Any]] | None = None,
    ) -> Chart:
        """Select on a Plotly chart with ``on_select``, as a user's click, box or lasso would
        (``set_selection`` takes any chart's selection as its browser sends it)."""
        given = {"points": points, "point_indices": point_indices, "box": box, "lasso": lasso}
        return self.set_selection({k: list(v) for k, v in given.items() if v is not None})

    def set_selection(self, wire: dict[str, Any]) -> Chart:
        """Set a chart's selection as the browser sends it: for a Vega-Lite or Altair chart,
        parameter name -> its selection (``{"brush": {"x": [1, 3]}}``); for Plotly, the
        ``points``/``point_indices``/``box``/``lasso`` lists."""
        if not self._node.id:
            raise AppTestError(f"This {self.type} has no on_select: it takes no selections.")
        # What a browser could not send, a test cannot either.
        state = self.root._widget_meta(self).serde.deserialize(wire)
        self.root._set_widget_value(self, state)
        return self

    def __repr__(self) -> str:
        return f"Chart(type={self.type!r})"


CHART_KINDS = (
    *VEGA_KINDS,
    "pyplot",
    "plotly_chart",
    "map",
    "graphviz_chart",
    "echarts_chart",
    "pydeck_chart",
)
CHART_KINDS = (
    *VEGA_KINDS,
    "pyplot",
    "plotly_chart",
    "map",
    "graphviz_chart",
    "echarts_chart",
    "pydeck_chart",
)
CLASSES: dict[str, type[Element]] = dict.fromkeys(CHART_KINDS, Chart)
