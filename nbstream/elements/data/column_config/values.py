"""Columns of editable values: text, link, number, checkbox, selectbox, list, Markdown and
multiselect."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements.data.column_config.column import Column, common_config


def TextColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> dict[str, Any]:
    """Configure a text column.

    Parameters are those of ``Column``, and:

    default : str or None
        The value of this column in a row the user adds.
    max_chars : int or None
        The most characters a cell may hold.
    validate : str or None
        A regular expression every edited value must match.
    """
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {"type": "text", "max_chars": max_chars, "validate": validate},
    }


def NumberColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: int | float | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
) -> dict[str, Any]:
    """Configure a number column.

    Parameters are those of ``Column``, and:

    default : int, float or None
        The value of this column in a row the user adds.
    format : str or None
        A printf-style format (``"%d"``, ``"$%.2f"``, ``"%d ⭐"``) or one of "plain",
        "localized", "percent", "dollar", "euro", "yen", "accounting", "compact",
        "scientific", "engineering".
    min_value, max_value : int, float or None
        The smallest and largest value a cell may take.
    step : int, float or None
        The precision of edited values.  The column holds integers when any of
        ``min_value``, ``max_value``, ``step`` or ``default`` is an int.
    """
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {
            "type": "number",
            "min_value": min_value,
            "max_value": max_value,
            "format": format,
            "step": step,
        },
    }


def CheckboxColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: bool | None = None,
) -> dict[str, Any]:
    """Configure a checkbox column (booleans). Parameters are those of ``Column`` and ``default``."""
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {"type": "checkbox"},
    }


def SelectboxColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    options: Iterable[Any] | None = None,
    format_func: Callable[[Any], str] | None = None,
) -> dict[str, Any]:
    """Configure a selectbox column: each cell takes one of ``options``.

    Parameters are those of ``Column``, and:

    default : str, int, float, bool or None
        The value of this column in a row the user adds.
    options : iterable or None
        The values a cell may take (default: a categorical column's categories).
    format_func : callable or None
        How an option is shown (its label).
    """
    opts = None if options is None else list(options)
    type_config: dict[str, Any] = {"type": "selectbox", "options": opts}
    if format_func is not None and opts is not None:
        type_config["format_labels"] = [str(format_func(o)) for o in opts]
    return {
        **common_config(label, width, help, pinned, disabled=disabled, required=required),
        "default": default,
        "type_config": type_config,
    }


def ListColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Configure a list column: each cell shows a list of values as chips."""
    return {
        **common_config(label, width, help, pinned, disabled=disabled, required=required),
        "default": None if default is None else list(default),
        "type_config": {"type": "list"},
    }


def LinkColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> dict[str, Any]:
    """Configure a link column: each cell is a clickable URL.

    Parameters are those of ``TextColumn``, and:

    display_text : str or None
        The text shown instead of the URL; a regular expression with a capturing
        group shows the group's match (``"https://(.*?)\\.example\\.com"``).
    """
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {
            "type": "link",
            "max_chars": max_chars,
            "validate": validate,
            "display_text": display_text,
        },
    }


def MarkdownColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
) -> dict[str, Any]:
    """Configure a Markdown column: cells show their text; clicking one shows it rendered
    (the Markdown of ``st.markdown``) in an overlay, where ``st.data_editor`` edits it.

    Parameters are those of ``Column``, and:

    default : str or None
        The value of this column in a row the user adds.
    """
    return {
        **Column(
            label,
            width=width,
            help=help,
            disabled=disabled,
            required=required,
            pinned=pinned,
            alignment=alignment,
        ),
        "default": default,
        "type_config": {"type": "markdown"},
    }


def MultiselectColumn(
    label: str | None = None,
    *,
    width: str | int | None = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Iterable[str] | None = None,
    options: Iterable[str] | None = None,
    accept_new_options: bool | None = None,
    color: str | Iterable[str] | None = None,
    format_func: Callable[[str], str] | None = None,
) -> dict[str, Any]:
    """Configure a multiselect column: each cell is a list of options, shown as chips; in
    ``st.data_editor`` a cell's options are picked from a list.

    Parameters are those of ``Column``, and:

    default : iterable of str or None
        The value of this column in a row the user adds.
    options : iterable of str or None
        The options a cell may hold.
    accept_new_options : bool or None
        Whether a user may also type options that are not in ``options`` (they come back
        as strings).  Default: no.
    color : str, iterable of str or None
        The chips' color: None (none), ``"auto"`` (the chart palette, one color per
        option), one color for all (``"primary"``, a CSS color name, hex, ``rgb(...)`` or
        ``hsl(...)``), or a list of colors given to the options in turn.
    format_func : callable or None
        How an option is shown (its label); the cell's value stays the option.
    """
    opts = None if options is None else [str(o) for o in options]
    colors: Any = color if color is None or isinstance(color, str) else [str(c) for c in color]
    type_config: dict[str, Any] = {
        "type": "multiselect",
        "options": opts,
        "accept_new_options": bool(accept_new_options),
        "color": colors,
    }
    if format_func is not None and opts is not None:
        type_config["format_labels"] = [str(format_func(o)) for o in opts]
    return {
        **common_config(label, width, help, pinned, disabled=disabled, required=required),
        "default": None if default is None else [str(d) for d in default],
        "type_config": type_config,
    }
