"""Types for annotating app code, at Streamlit's path (``from streamlit.typing import ...``).

The classes values really have are re-exported; the states that are plain dicts with
attribute access are described as ``TypedDict`` shapes, for type checkers only.
"""

from __future__ import annotations

from typing import Any, TypedDict

from nbstream.elements.chat.files import ChatInputValue
from nbstream.elements.data.dataframe import DataframeState
from nbstream.runtime.uploads import UploadedFile

CellValue = str | int | float | bool | list[str] | None


class DataEditorState(TypedDict):
    """The edits ``st.data_editor`` keeps under its key in Session State."""

    edited_rows: dict[int, dict[str, CellValue]]
    added_rows: list[dict[str, CellValue]]
    deleted_rows: list[int]


class ButtonColumnClickState(TypedDict):
    """A click on a button column: the row and the clicked button's label."""

    row: int
    label: str


class PlotlySelectionState(TypedDict):
    points: list[dict[str, Any]]
    point_indices: list[int]
    box: list[dict[str, Any]]
    lasso: list[dict[str, Any]]


class PlotlyState(TypedDict):
    """What ``st.plotly_chart(..., on_select=...)`` returns."""

    selection: PlotlySelectionState


class VegaLiteState(TypedDict):
    """What ``st.altair_chart``/``st.vega_lite_chart(..., on_select=...)`` return: the
    selection by parameter name."""

    selection: dict[str, Any]


class EChartsSelectionState(TypedDict):
    selected: list[dict[str, Any]]
    areas: list[dict[str, Any]]


class EChartsState(TypedDict):
    """What ``st.echarts_chart(..., on_select=...)`` returns."""

    selection: EChartsSelectionState


class PydeckSelectionState(TypedDict):
    indices: dict[str, list[int]]
    objects: dict[str, list[dict[str, Any]]]


class PydeckState(TypedDict):
    """What ``st.pydeck_chart(..., on_select=...)`` returns: picked objects by layer ID."""

    selection: PydeckSelectionState


__all__ = [
    "ButtonColumnClickState",
    "ChatInputValue",
    "DataEditorState",
    "DataframeState",
    "EChartsSelectionState",
    "EChartsState",
    "PlotlySelectionState",
    "PlotlyState",
    "PydeckSelectionState",
    "PydeckState",
    "UploadedFile",
    "VegaLiteState",
]
