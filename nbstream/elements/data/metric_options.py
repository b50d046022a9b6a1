"""The checks behind ``st.metric``'s icon, sparkline data and arrow arguments."""

from __future__ import annotations

import numbers
import re
import unicodedata
from typing import Any

from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError

DELTA_ARROWS = ("auto", "up", "down", "off")
CHART_TYPES = ("line", "bar", "area")
_MATERIAL = re.compile(r"^:material/([a-z0-9_]+):$")
_ZWJ = "\u200d"


def _is_joiner_or_modifier(char: str) -> bool:
    code = ord(char)
    return (
        char == _ZWJ
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
        or unicodedata.category(char) in ("Mn", "Me")  # combining keycaps
    )


def _single_emoji(text: str) -> bool:
    """One emoji, counting ZWJ sequences, skin tones, keycaps and flags as one."""
    bases = 0
    regional = 0
    after_joiner = False
    for char in text:
        if _is_joiner_or_modifier(char):
            after_joiner = char == _ZWJ
            continue
        if 0x1F1E6 <= ord(char) <= 0x1F1FF:  # flags are two regional indicators
            regional += 1
            if regional % 2 == 0:
                continue
        if not after_joiner:
            bases += 1
        after_joiner = False
    return bases == 1


def check_icon(icon: str | None) -> str | None:
    """An emoji, ``:material/name:`` or ``"spinner"``; None (or "") for no icon."""
    if icon is None or icon == "":
        return None
    text = str(icon).strip()
    if text == "spinner":
        return text
    if text.startswith(":material"):
        if _MATERIAL.match(text):
            return text
        shown = text.replace(":material/", ":material\u200b/")
        raise StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. '
            "Please use a Material icon shortcode like **`:material\u200b/thumb_up:`**."
        )
    if text.isascii():
        raise StreamlitAPIException(
            f'The value "{text}" is not a valid icon. Please use a single emoji or a Material '
            "icon shortcode like `:material\u200b/thumb_up:`."
        )
    if not _single_emoji(text):
        raise StreamlitAPIException(f'The value "{text}" is not a valid emoji. Please use a single emoji.')
    return text


def check_delta_arrow(value: Any) -> str:
    """One of "auto", "up", "down", "off"."""
    if value not in DELTA_ARROWS:
        raise StreamlitValueError("delta_arrow", [f"'{a}'" for a in DELTA_ARROWS])
    return value  # type: ignore[no-any-return]


def _values(data: Any) -> list[Any]:
    if isinstance(data, (str, bytes, numbers.Number)):
        return [data]
    if isinstance(data, (list, tuple, set, frozenset, dict, range)):
        return list(data)
    if hasattr(data, "shape") or hasattr(data, "to_pandas") or hasattr(data, "__dataframe__"):
        from nbstream.elements.data.frames import to_dataframe

        frame = to_dataframe(data)
        return [] if frame.shape[1] == 0 else frame.iloc[:, 0].tolist()
    if hasattr(data, "__iter__"):
        return list(data)
    return [data]


def chart_values(data: Any) -> list[float] | None:
    """``chart_data`` as floats (a dataframe's first column); None for no chart."""
    if data is None:
        return None
    numbers_: list[float] = []
    for value in _values(data):
        try:
            numbers_.append(float(value))
        except (TypeError, ValueError):
            raise StreamlitAPIException(
                "Only numeric values are supported for chart data sequence. "
                f"The value '{value}' is of type {type(value)} and cannot be converted to float."
            ) from None
    return numbers_ or None
