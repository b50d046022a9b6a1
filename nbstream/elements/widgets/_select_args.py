"""Arguments shared by the choice widgets (checkbox ... select_slider): ``wrap``,
``icon``, ``filter_mode``, ``select_all``, and the serdes of a selectbox or multiselect
that accepts values typed by the user (``accept_new_options``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from nbstream.elements.widgets._options import IndexSerde, IndicesSerde, index_of, wire_index
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from nbstream.runtime.widgets import InvalidWireValue

FILTER_MODES = ("fuzzy", "contains", "prefix")
# Longest text the browser may send as a new option (a typed value, not a document).
MAX_NEW_OPTION = 10_000
_MATERIAL = re.compile(r"^:material/[a-z0-9_]+:$")


def check_wrap(wrap: Any) -> bool | None:
    """None (the layout decides), True or False."""
    if wrap is None:
        return None
    if isinstance(wrap, (bool, int)):
        return bool(wrap)
    raise StreamlitInvalidParameterTypeError(
        f"Invalid `wrap` type. Expected one of: bool, None. Provided type: {type(wrap).__name__}."
    )


def check_icon(icon: Any) -> str | None:
    """An emoji, ``:material/name:`` or "spinner"."""
    if icon is None:
        return None
    text = str(icon).strip()
    if text == "spinner" or _MATERIAL.match(text):
        return text
    if text.startswith(":material"):
        raise StreamlitAPIException(
            f'The value `"{text.replace("/", chr(0x200B) + "/", 1)}"` is not a valid Material icon. '
            "Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**."
        )
    if _is_emoji(text):
        return text
    raise StreamlitAPIException(
        f'The value "{text}" is not a valid icon. Please use a single emoji or a Material icon '
        "shortcode like `:material\u200b/thumb_up:`."
    )


def _is_emoji(text: str) -> bool:
    """One emoji: a short run of pictographic code points, joiners and modifiers."""
    if not text or len(text) > 12 or text.isascii():
        return False
    return all(ord(c) >= 0x2000 or c in "\u200d\ufe0f" for c in text)


def check_filter_mode(filter_mode: Any, accept_new_options: bool) -> str | None:
    if filter_mode is not None and filter_mode not in FILTER_MODES:
        raise StreamlitValueError("filter_mode", [*FILTER_MODES, "None"])
    if filter_mode is None and accept_new_options:
        raise StreamlitIncompatibleParametersError(
            "`filter_mode=None` and `accept_new_options=True` cannot be used together. "
            "`filter_mode` cannot be `None` when `accept_new_options=True`. "
            "Set `filter_mode` to `fuzzy`, `contains`, or `prefix`."
        )
    return filter_mode  # type: ignore[no-any-return]


def check_select_all(select_all: Any) -> int | bool:
    """True, False or a non-negative threshold (the browser's rule: see the docstring)."""
    if isinstance(select_all, bool):
        return select_all
    if not isinstance(select_all, int):
        raise StreamlitInvalidParameterTypeError(
            "Invalid `select_all` type. Expected one of: bool, int. "
            f"Provided type: {type(select_all).__name__}."
        )
    if select_all < 0:
        raise StreamlitValueError(
            "select_all",
            [
                "True",
                "False",
                "a non-negative integer. When using an int, `select_all` must be a non-negative integer",
            ],
        )
    return select_all


def _typed(wire: Any) -> str:
    if not isinstance(wire, str) or not wire.strip() or len(wire) > MAX_NEW_OPTION:
        raise InvalidWireValue("a new option must be non-empty text")
    return wire


def _matching(labels: Sequence[str], text: str) -> int | None:
    """The option whose label equals the typed text regardless of case, if any."""
    folded = text.casefold()
    return next((i for i, label in enumerate(labels) if label.casefold() == folded), None)


class NewOptionSerde(IndexSerde):
    """A selectbox's value: an option (its index on the wire) or a typed string."""

    def __init__(self, options: Sequence[Any], format_func: Callable[[Any], Any], labels: list[str]) -> None:
        super().__init__(options, format_func)
        self.labels = labels

    def serialize(self, value: Any) -> int | str | None:
        if value is None:
            return None
        try:
            return index_of(self.options, value)
        except ValueError:
            return str(value)

    def deserialize(self, wire: Any) -> Any:
        if wire is None or isinstance(wire, int):
            return super().deserialize(wire)
        text = _typed(wire)
        match = _matching(self.labels, text)
        return text if match is None else self.options[match]


class NewOptionsSerde(IndicesSerde):
    """A multiselect's value: options (indices on the wire) and typed strings."""

    def __init__(
        self,
        options: Sequence[Any],
        max_selections: int | None,
        format_func: Callable[[Any], Any],
        labels: list[str],
    ) -> None:
        super().__init__(options, max_selections, format_func)
        self.labels = labels

    def serialize(self, value: Any) -> list[int | str]:
        out: list[int | str] = []
        for v in value:
            try:
                out.append(index_of(self.options, v))
            except ValueError:
                out.append(str(v))
        return out

    def deserialize(self, wire: Any) -> list[Any]:
        if not isinstance(wire, list):
            raise InvalidWireValue("expected a list of option indices and new options")
        picked: list[int | str] = []
        for item in wire:
            if isinstance(item, int) and not isinstance(item, bool):
                picked.append(wire_index(item, len(self.options)))
                continue
            text = _typed(item)
            match = _matching(self.labels, text)
            picked.append(text if match is None else match)
        folded = [p if isinstance(p, int) else p.casefold() for p in picked]
        if len(set(folded)) != len(folded):
            raise InvalidWireValue("an option was selected twice")
        if self.max_selections is not None and len(picked) > self.max_selections:
            raise InvalidWireValue("more options than max_selections")
        return [p if isinstance(p, str) else self.options[p] for p in picked]
