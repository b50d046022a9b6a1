"""``ButtonColumn``: a button in every cell of a column, whose clicks run Python.

With a ``key``, the column's clicks are a widget of their own: ``st.dataframe`` and
``st.data_editor`` register it (``register_button_columns``) without drawing anything
more -- the grid's buttons send its clicks.  A click's value, ``{"row", "label"}``, is in
``st.session_state[key]`` for the run it starts (``on_click`` runs first), then None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from nbstream.elements._base import add_widget
from nbstream.elements.data.column_config.column import check_alignment, common_config
from nbstream.runtime.errors import StreamlitMissingRequiredParameterError
from nbstream.runtime.widgets import InvalidWireValue

MAX_LABEL_CHARS = 10_000


@dataclass
class ButtonColumnResult:
    """What ``ButtonColumn(..., key=...)`` returns: the column's config and its click
    widget's callback (use it as any column config)."""

    config: dict[str, Any]
    on_click: Callable[..., Any] | None = field(default=None, repr=False)
    args: Iterable[Any] | None = field(default=None, repr=False)
    kwargs: dict[str, Any] | None = field(default=None, repr=False)
    key: str | None = None


def ButtonColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    type: str = "secondary",
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    key: str | None = None,
) -> ButtonColumnResult | dict[str, Any]:
    """Configure a button column: each cell is a button labelled with the cell's value
    (``":material/visibility: View"`` shows an icon).  Button cells are never edited.

    Parameters are those of ``Column`` (read-only), and:

    alignment : "left", "center", "right" or None
        Where the button sits in its cell (default: centered).
    type : "primary", "secondary" or "tertiary"
        The buttons' look, as ``st.button``'s ``type``.
    on_click : callable or None
        Called when a button is clicked, before the rerun the click starts; the click is
        in ``st.session_state[key]`` meanwhile.
    args, kwargs : tuple, dict or None
        Arguments for ``on_click``.
    key : str or None
        Where a click is kept in Session State during the rerun it starts: a
        ``ButtonColumnClickState`` with ``row`` (the row's position in the data) and
        ``label`` (key or attribute notation); None afterwards.  Needed for clicks and
        callbacks.

    Example
    -------
    >>> def view():
    ...     st.toast(f"Row {st.session_state.view_click.row}")
    >>> st.dataframe(df, column_config={
    ...     "view": st.column_config.ButtonColumn("", type="tertiary", on_click=view, key="view_click")
    ... })
    """
    config = {
        **common_config(label, width, help, pinned, alignment=check_alignment(alignment)),
        "disabled": True,
        "type_config": {"type": "button", "button_type": type},
    }
    if key is None:
        if on_click is not None or args is not None or kwargs is not None:
            raise StreamlitMissingRequiredParameterError(
                "The `key` parameter is required. Callbacks passed via `on_click`, `args`, or "
                "`kwargs` need a unique key to be registered."
            )
        return config
    return ButtonColumnResult(config, on_click, args, kwargs, str(key))


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
        from nbstream.elements.data.dataframe import AttributeDict

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
