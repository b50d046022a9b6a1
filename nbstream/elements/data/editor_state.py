"""The data editor's edit state on the wire, checked cell by cell against the columns (``EditorSerde``).

The state (what ``st.session_state[key]`` holds) is Streamlit's:
``{"edited_rows": {row: {column: value}}, "added_rows": [{column: value}],
"deleted_rows": [row]}``, row numbers counting the rows of the data as passed in.  The
browser sends the whole state after each edit; ``EditorSerde.deserialize`` checks every
cell against its column (type, bounds, options, pattern, required) first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from nbstream.elements.data.frames import is_scalar
from nbstream.elements.data.table_columns import INDEX, jsonable
from nbstream.elements.data.tables import TableSource
from nbstream.runtime.widgets import InvalidWireValue

MAX_ADDED = 100_000


def empty_state() -> dict[str, Any]:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


# ---- checking one cell ------------------------------------------------------------------------


def check_cell(col: dict[str, Any], value: Any) -> Any:
    """``value`` if a user could have entered it in this column, else InvalidWireValue."""
    name, conf, kind = col["name"], col["config"], col["type"]
    if value is None:
        if col["required"]:
            raise InvalidWireValue(f"column {name!r} is required")
        return None
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidWireValue(f"{value!r} is not a number (column {name!r})")
        if conf.get("integer") and float(value) != int(value):
            raise InvalidWireValue(f"{value!r} is not an integer (column {name!r})")
        _check_bounds(name, value, conf.get("min_value"), conf.get("max_value"))
    elif kind == "multiselect":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidWireValue(f"{value!r} is not a list of options (column {name!r})")
        options = conf.get("options")
        if options is not None and not conf.get("accept_new_options"):
            unknown = [v for v in value if v not in options]
            if unknown:
                raise InvalidWireValue(f"{unknown[0]!r} is not an option of column {name!r}")
    elif kind == "markdown":
        if not isinstance(value, str):
            raise InvalidWireValue(f"{value!r} is not text (column {name!r})")
    elif kind in ("text", "link"):
        if not isinstance(value, str):
            raise InvalidWireValue(f"{value!r} is not text (column {name!r})")
        if conf.get("max_chars") and len(value) > conf["max_chars"]:
            raise InvalidWireValue(f"{value!r} is longer than {conf['max_chars']} characters")
        if conf.get("validate") and not re.search(conf["validate"], value):
            raise InvalidWireValue(f"{value!r} does not match {conf['validate']!r}")
    elif kind == "checkbox":
        if not isinstance(value, bool):
            raise InvalidWireValue(f"{value!r} is not true or false (column {name!r})")
    elif kind == "selectbox":
        if conf.get("options") is not None and value not in conf["options"]:
            raise InvalidWireValue(f"{value!r} is not an option of column {name!r}")
    elif kind in ("date", "time", "datetime"):
        parsed = parse_temporal(kind, value)
        bounds = [parse_temporal(kind, conf[k]) if conf.get(k) else None for k in ("min_value", "max_value")]
        _check_bounds(name, parsed, *bounds)
    elif kind == "list" and (not isinstance(value, list) or not all(is_scalar(v) for v in value)):
        raise InvalidWireValue(f"{value!r} is not a list (column {name!r})")
    return value


def _check_bounds(name: str, value: Any, low: Any, high: Any) -> None:
    try:
        if (low is not None and value < low) or (high is not None and value > high):
            raise InvalidWireValue(f"{value!r} is out of the range of column {name!r}")
    except TypeError as exc:
        raise InvalidWireValue(f"{value!r} cannot be compared with the range of column {name!r}") from exc


def parse_temporal(kind: str, value: Any) -> Any:
    """An ISO string from the browser as a date, time or (naive) datetime."""
    if not isinstance(value, str) or len(value) > 40:
        raise InvalidWireValue(f"{value!r} is not an ISO {kind}")
    try:
        if kind == "date":
            return dt.date.fromisoformat(value[:10])
        if kind == "time":
            return dt.time.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError as exc:
        raise InvalidWireValue(f"{value!r} is not an ISO {kind}") from exc


# ---- the widget's serde --------------------------------------------------------------------------


class EditorSerde:
    """The edit state on the wire: the same dict, row numbers as JSON strings in edited_rows."""

    def __init__(self, source: TableSource, num_rows: str) -> None:
        self.rows = source.rows
        self.columns = {c["name"]: c for c in source.shown if not c["index"]}
        self.index_columns = [c for c in source.shown if c["index"]]
        self.can_add = num_rows in ("dynamic", "add")
        self.can_delete = num_rows in ("dynamic", "delete")

    def serialize(self, value: Any) -> dict[str, Any]:
        state = normalize_state(value)
        return {
            "edited_rows": {
                str(r): {c: jsonable(v) for c, v in e.items()} for r, e in state["edited_rows"].items()
            },
            "added_rows": [{c: jsonable(v) for c, v in row.items()} for row in state["added_rows"]],
            "deleted_rows": [int(r) for r in state["deleted_rows"]],
        }

    def deserialize(self, wire: Any) -> dict[str, Any]:
        if not isinstance(wire, dict) or not set(wire) <= {"edited_rows", "added_rows", "deleted_rows"}:
            raise InvalidWireValue(f"expected an edit state, got {type(wire).__name__}")
        edited = wire.get("edited_rows") or {}
        added = wire.get("added_rows") or []
        deleted = wire.get("deleted_rows") or []
        if not isinstance(edited, dict) or not isinstance(added, list) or not isinstance(deleted, list):
            raise InvalidWireValue("edited_rows must be an object, added_rows and deleted_rows lists")
        if (added and not self.can_add) or (deleted and not self.can_delete):
            raise InvalidWireValue("this editor does not add or delete rows")
        if len(added) > MAX_ADDED:
            raise InvalidWireValue("too many added rows")
        state = empty_state()
        for row, cells in edited.items():
            pos = self._row(row)
            if not isinstance(cells, dict):
                raise InvalidWireValue(f"edits of row {row!r} must be an object")
            state["edited_rows"][pos] = {
                name: check_cell(self._editable(name), v) for name, v in cells.items()
            }
        for cells in added:
            if not isinstance(cells, dict):
                raise InvalidWireValue("an added row must be an object")
            row = {}
            for name, v in cells.items():
                if name == INDEX and self.index_columns:
                    row[name] = check_cell(self.index_columns[0], v)
                else:
                    row[name] = check_cell(self._column(name), v)
            for col in self.columns.values():
                if col["required"] and row.get(col["name"]) is None and col["default"] is None:
                    raise InvalidWireValue(
                        f"an added row has no value for the required column {col['name']!r}"
                    )
            state["added_rows"].append(row)
        rows = [self._row(r) for r in deleted]
        if len(set(rows)) != len(rows):
            raise InvalidWireValue("a row is deleted twice")
        state["deleted_rows"] = rows
        return state

    def _row(self, row: Any) -> int:
        if isinstance(row, str) and row.isdigit():
            row = int(row)
        if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < self.rows:
            raise InvalidWireValue(f"no row {row!r}")
        return row

    def _column(self, name: Any) -> dict[str, Any]:
        col = self.columns.get(name) if isinstance(name, str) else None
        if col is None:
            raise InvalidWireValue(f"no column {name!r}")
        return col

    def _editable(self, name: Any) -> dict[str, Any]:
        col = self._column(name)
        if col["disabled"]:
            raise InvalidWireValue(f"column {name!r} is not editable")
        return col


def normalize_state(value: Any) -> dict[str, Any]:
    """An edit state with all three keys and integer row numbers (a state set through
    Session State may use strings, as JSON does)."""
    if not isinstance(value, dict):
        return empty_state()
    edited = {}
    for row, cells in (value.get("edited_rows") or {}).items():
        try:
            edited[int(row)] = dict(cells)
        except (TypeError, ValueError):
            continue
    return {
        "edited_rows": edited,
        "added_rows": [dict(r) for r in value.get("added_rows") or []],
        "deleted_rows": [int(r) for r in value.get("deleted_rows") or []],
    }
