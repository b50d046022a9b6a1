"""Selections on Plotly charts (``st.plotly_chart(on_select=...)``).

A chart with ``on_select="rerun"`` or a callback is a widget: its value is Streamlit's
selection state, ``{"selection": {"points": [...], "point_indices": [...], "box": [...],
"lasso": [...]}}`` with attribute access, also kept in Session State under its key.
The browser sends the ``selection`` part; it is untrusted, so its shape, types and sizes
are checked before it reaches the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError
from nbstream.runtime.widgets import InvalidWireValue

PLOTLY_MODES = ("points", "box", "lasso")
SELECTION_FIELDS = ("points", "point_indices", "box", "lasso")
MAX_ITEMS = 100_000
MAX_DEPTH = 4


class AttrDict(dict):  # type: ignore[type-arg]
    """A dict whose keys also read as attributes (``event.selection.points``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"The selection state has no field {name!r}.") from None


def plotly_state(selection: dict[str, Any] | None = None) -> AttrDict:
    """Streamlit's PlotlyState: an empty selection unless ``selection`` is given."""
    inner = AttrDict({name: [] for name in SELECTION_FIELDS})
    inner.update(selection or {})
    return AttrDict(selection=inner)


def on_select_mode(on_select: Any) -> tuple[bool, Callable[..., Any] | None]:
    """Whether the chart reports selections, and the callback to run first."""
    if on_select in ("ignore", None):
        return False, None
    if on_select == "rerun":
        return True, None
    if callable(on_select):
        return True, on_select
    raise StreamlitValueError("on_select", ["'rerun'", "'ignore'", "a callback function"])


def plotly_modes(selection_mode: Any) -> list[str]:
    """The selection modes as a list, each one of points, box and lasso."""
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode or [])
    bad = [m for m in modes if m not in PLOTLY_MODES]
    if bad or not modes:
        raise StreamlitAPIException(
            f"Invalid selection mode: {bad[0] if bad else selection_mode}. "
            f"Valid options are: {list(PLOTLY_MODES)}"
        )
    return modes


def _plain(value: Any, depth: int = 0) -> bool:
    """JSON scalars, and lists/objects of them, not nested too deep."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return not isinstance(value, str) or len(value) <= 10_000
    if depth >= MAX_DEPTH:
        return False
    if isinstance(value, list):
        return len(value) <= MAX_ITEMS and all(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return len(value) <= 100 and all(
            isinstance(k, str) and _plain(v, depth + 1) for k, v in value.items()
        )
    return False


class PlotlySelectionSerde:
    """The chart's state; the wire holds its ``selection`` part."""

    def __init__(self, modes: list[str]) -> None:
        self.modes = modes

    def serialize(self, value: Any) -> dict[str, Any]:
        return {k: list(v) for k, v in dict(value["selection"]).items()}

    def deserialize(self, wire: Any) -> AttrDict:
        if not isinstance(wire, dict) or set(wire) - set(SELECTION_FIELDS):
            raise InvalidWireValue("a selection is an object of points, point_indices, box and lasso")
        for name, items in wire.items():
            if not isinstance(items, list) or not _plain(items):
                raise InvalidWireValue(f"the selection's {name} must be a list of plain values")
        indices = wire.get("point_indices", [])
        if any(isinstance(i, bool) or not isinstance(i, int) or i < 0 for i in indices):
            raise InvalidWireValue("point_indices must be non-negative integers")
        if any(not isinstance(p, dict) for p in wire.get("points", [])):
            raise InvalidWireValue("each selected point is an object")
        if (wire.get("box") and "box" not in self.modes) or (wire.get("lasso") and "lasso" not in self.modes):
            raise InvalidWireValue("a selection in a mode the chart does not allow")
        return plotly_state({k: list(v) for k, v in wire.items()})


# ---- Vega-Lite (st.altair_chart, st.vega_lite_chart) -------------------------------------------


def vega_params(spec: Any) -> list[str]:
    """The names of the spec's selection parameters (``{"name": ..., "select": ...}``), anywhere in it."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for param in node.get("params") or []:
                named = isinstance(param, dict) and "select" in param and isinstance(param.get("name"), str)
                if named and param["name"] not in found:
                    found.append(param["name"])
            for value in node.values():
                if isinstance(value, (dict, list)):
                    visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(spec)
    return found


def vega_modes(command: str, spec: Any, selection_mode: Any) -> list[str]:
    """The selection parameters the chart reports: all of the spec's, or those named."""
    params = vega_params(spec)
    if not params:
        raise StreamlitAPIException(
            "Selections are activated, but the provided chart spec does not have any selections defined. "
            f"To add selections to `st.{command}`, add a selection parameter (`alt.selection_point()`, "
            '`alt.selection_interval()`, or a "params" entry with "select") to the chart.'
        )
    if selection_mode is None:
        return params
    names = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in names:
        if name not in params:
            raise StreamlitAPIException(
                f"Selection parameter '{name}' is not defined in the chart spec. "
                f"Available selection parameters are: {params}."
            )
    return names


def project_points(spec: Any, params: list[str]) -> Any:
    """The spec with each reported point selection projected on the chart's encoded fields.

    A point selection without ``fields`` or ``encodings`` keys its tuples by Vega's
    internal row ids, which mean nothing to the app; projected on the data's fields, the
    selection reports the selected rows' values.
    """
    fields: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for channel in (node.get("encoding") or {}).values():
                field = channel.get("field") if isinstance(channel, dict) else None
                if isinstance(field, str) and field not in fields:
                    fields.append(field)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    def project(node: Any) -> None:
        if isinstance(node, dict):
            for param in node.get("params") or []:
                if not isinstance(param, dict) or param.get("name") not in params:
                    continue
                select = param.get("select")
                select = {"type": select} if isinstance(select, str) else select
                is_point = isinstance(select, dict) and select.get("type") == "point"
                if is_point and not select.get("fields") and not select.get("encodings") and fields:
                    param["select"] = {**select, "fields": list(fields)}
            for value in node.values():
                project(value)
        elif isinstance(node, list):
            for item in node:
                project(item)

    collect(spec)
    project(spec)
    return spec


def vega_state(params: list[str], selection: dict[str, Any] | None = None) -> AttrDict:
    """Streamlit's VegaLiteState: each reported parameter's selection ({} while empty)."""
    inner = AttrDict({name: {} for name in params})
    for name, value in (selection or {}).items():
        inner[name] = AttrDict(value) if isinstance(value, dict) else value
    return AttrDict(selection=inner)


class VegaSelectionSerde:
    """The wire holds parameter name -> the parameter's selection: an interval's
    ``{field: [low, high]}`` or a point selection's list of ``{field: value}``."""

    def __init__(self, params: list[str]) -> None:
        self.params = params

    def serialize(self, value: Any) -> dict[str, Any]:
        return {k: v for k, v in dict(value["selection"]).items()}

    def deserialize(self, wire: Any) -> AttrDict:
        if not isinstance(wire, dict) or set(wire) - set(self.params):
            raise InvalidWireValue("a selection names only the chart's selection parameters")
        for name, value in wire.items():
            if not isinstance(value, (dict, list)) or not _plain(value):
                raise InvalidWireValue(
                    f"the selection of {name!r} must be an object or a list of plain values"
                )
        return vega_state(self.params, wire)
