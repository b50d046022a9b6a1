"""The clicks of a keyed ``ButtonColumn``: a widget of their own, which ``st.dataframe``
and ``st.data_editor`` register without drawing anything more -- the grid's buttons send
its clicks.  A click's value, ``{"row", "label"}``, is in ``st.session_state[key]`` for
the run it starts (``on_click`` runs first), then None.
"""

from __future__ import annotations

from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements.data.attribute_dict import AttributeDict
from nbstream.elements.data.column_config.buttons import ButtonColumnResult
from nbstream.runtime.widgets import InvalidWireValue

MAX_LABEL_CHARS = 10_000


class ButtonClickSerde:
    """A button column's click: an event that brings the clicked row and its label."""

    carries_value = True

    def __init__(self, rows: int) -> None:
        self.rows = rows

    def serialize(self, value: Any) -> None:
        return None

    def deserialize(self, wire: Any) -> Any:
        if wire is None:
            return None
        if not isinstance(wire, dict) or set(wire) != {"row", "label"}:
            raise InvalidWireValue(f"{wire!r} is not a button column click")
        row, label = wire["row"], wire["label"]
        if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < self.rows:
            raise InvalidWireValue(f"a click on row {row!r}, which the table does not have")
        if not isinstance(label, str) or len(label) > MAX_LABEL_CHARS:
            raise InvalidWireValue("a click whose label is not text")
        return AttributeDict(row=row, label=label)


def register_button_columns(column_config: Any, shown: list[dict[str, Any]], rows: int) -> None:
    """Register the click widget of every keyed button column shown, and tell its column
    the widget's ID (the grid's buttons send their clicks to it)."""
    if not isinstance(column_config, dict):
        return
    by_name = {c["name"]: c for c in shown}
    for name, conf in column_config.items():
        if not isinstance(conf, ButtonColumnResult) or str(name) not in by_name:
            continue
        wid, _ = add_widget(
            "button_column",
            {},
            serde=ButtonClickSerde(rows),
            default=None,
            identity={"column": str(name)},
            key=conf.key,
            on_change=conf.on_click,
            args=conf.args,
            kwargs=conf.kwargs,
            trigger=True,
            unplaced=True,
        )
        column = by_name[str(name)]
        column["config"] = {**column["config"], "widget_id": wid}
