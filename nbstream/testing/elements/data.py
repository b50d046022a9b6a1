"""AppTest wrappers of the data elements: dataframe, table, data_editor, metric, json.

``at.dataframe[0].value`` and ``at.table[0].value`` are the data as a pandas DataFrame;
``at.metric[0].value``/``.delta`` and ``at.json[0].value`` are strings, as in
Streamlit's cheat sheet.  A data editor takes edits the way a user makes them::

    at.data_editor[0].edit(0, "rating", 5).add_row({"command": "st.write"}).delete_rows(2).run()

Edits travel through the editor's serde, so a test cannot make an edit the browser
could not (a letter in a number column, a value outside min/max).
"""

from __future__ import annotations

from typing import Any

from nbstream.testing.elements._base import Element, Widget


def _source(element: Element) -> Any:
    return element._node.value


class Dataframe(Widget):
    """``st.dataframe``: ``.value`` is the data; with ``on_select``, ``.selection`` and
    ``select_rows``/``select_columns``/``select_cells`` change the selection."""

    @property
    def value(self) -> Any:
        return _source(self).value

    @property
    def editing_mode(self) -> str:
        """``"read_only"``: ``st.dataframe`` is not editable (an editor's mode is its ``num_rows``)."""
        return "read_only"

    @property
    def selection(self) -> Any:
        """The selection the app got (``{"rows", "columns", "cells"}``), or the one set for the next run."""
        pending = self.root._pending_values.get(self.id)
        state = pending if pending is not None else _source(self).state
        return None if state is None else state["selection"]

    def _select(self, **changes: Any) -> Dataframe:
        if not self.id:
            raise TypeError(
                "This dataframe has no selection: pass on_select='rerun' (or a callback) to st.dataframe."
            )
        current = dict(self.selection or {"rows": [], "columns": [], "cells": []})
        current.update(changes)
        meta = self.root._widget_meta(self)
        self.set_value(meta.serde.coerce({"selection": current}))
        return self

    def select_rows(self, rows: list[int]) -> Dataframe:
        """Select these rows (positions in the data)."""
        return self._select(rows=list(rows))

    def select_columns(self, columns: list[str]) -> Dataframe:
        """Select these columns (by name)."""
        return self._select(columns=[str(c) for c in columns])

    def select_cells(self, cells: list[tuple[int, str]]) -> Dataframe:
        """Select these cells, as (row, column name) pairs."""
        return self._select(cells=[(int(r), str(c)) for r, c in cells])

    def clear_selection(self) -> Dataframe:
        return self._select(rows=[], columns=[], cells=[])


class Table(Element):
    @property
    def value(self) -> Any:
        return _source(self).value


class DataEditor(Widget):
    """``st.data_editor``: ``.value`` is the edited data the app got; ``.state`` the edits."""

    @property
    def value(self) -> Any:
        return _source(self).value

    @property
    def editing_mode(self) -> str:
        """How rows may change: the editor's ``num_rows`` (``"fixed"``, ``"dynamic"``, ...)."""
        return self._node.props.get("num_rows") or "fixed"

    @property
    def state(self) -> dict[str, Any]:
        """The edits (``edited_rows``, ``added_rows``, ``deleted_rows``), with those made for the next run."""
        from nbstream.elements.data.editor_state import normalize_state

        pending = self.root._pending_values.get(self.id)
        return normalize_state(pending if pending is not None else _source(self).state)

    def _change(self, fn: Any) -> DataEditor:
        state = self.state
        fn(state)
        self.set_value(state)
        return self

    def edit(self, row: int, column: str, value: Any) -> DataEditor:
        """Set one cell of the data as passed in (``row`` counts its rows from 0), or of an added row
        (``row`` = number of rows + i)."""
        base = int(self._node.props.get("base_rows", 0))

        def change(state: dict[str, Any]) -> None:
            if row >= base:
                state["added_rows"][row - base][str(column)] = value
            else:
                state["edited_rows"].setdefault(int(row), {})[str(column)] = value

        return self._change(change)

    def add_row(self, values: dict[str, Any] | None = None, **more: Any) -> DataEditor:
        """Add a row at the end (needs ``num_rows="dynamic"``)."""
        return self._change(lambda s: s["added_rows"].append({**(values or {}), **more}))

    def delete_rows(self, *rows: int) -> DataEditor:
        """Delete rows of the data as passed in (needs ``num_rows="dynamic"``)."""
        return self._change(lambda s: s["deleted_rows"].extend(r for r in rows if r not in s["deleted_rows"]))


class Metric(Element):
    @property
    def value(self) -> str:
        return self._node.props["body"]

    @property
    def delta(self) -> str:
        return self._node.props["delta"]

    @property
    def label(self) -> str:
        return self._node.props["label"]

    @property
    def help(self) -> str | None:
        return self._node.props.get("help")


class Json(Element):
    @property
    def value(self) -> str:
        return self._node.props["body"]

    @property
    def expanded(self) -> bool | int:
        depth = self._node.props.get("max_expand_depth")
        return depth if depth is not None else self._node.props["expanded"]


CLASSES: dict[str, type[Element]] = {
    "dataframe": Dataframe,
    "table": Table,
    "data_editor": DataEditor,
    "metric": Metric,
    "json": Json,
}
