"""``ButtonColumn``: a button in every cell of a column, whose clicks run Python.

With a ``key`` it returns a ``ButtonColumnResult``: the column's config and what its
click widget needs (``elements/data/button_clicks.py`` registers that widget).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from nbstream.elements.data.column_config.column import check_alignment, common_config
from nbstream.runtime.errors import StreamlitMissingRequiredParameterError


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
