"""The layout arguments text-like elements share: text_alignment, wrap and a heading's icon."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)

TEXT_ALIGNMENTS = ("left", "center", "right", "justify")
# Streamlit breaks the shortcode in its messages so Markdown does not render the icon.
ZWSP = "\u200b"
_MATERIAL = re.compile(r"^:material/([a-z0-9_]+):$")
# Characters that may follow an emoji's first code point inside one emoji: variation
# selectors, skin tones, the zero-width joiner, keycaps and tag characters (flags).
_EMOJI_TAIL = re.compile(r"^[\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]*$")


def check_text_alignment(value: Any) -> str:
    """One of "left", "center", "right", "justify"; None is the default, "left"."""
    if value is None:
        return "left"
    if value in TEXT_ALIGNMENTS:
        return value  # type: ignore[no-any-return]
    raise StreamlitValueError("text_alignment", [f"'{a}'" for a in TEXT_ALIGNMENTS])


def check_wrap(value: Any) -> bool:
    """``wrap`` is a plain bool."""
    if isinstance(value, bool):
        return value
    raise StreamlitValueError("wrap", ["True", "False"])


def _is_emoji(text: str) -> bool:
    """One emoji: a flag (two regional indicators), or symbols joined by zero-width
    joiners, each followed only by the modifiers that build one emoji out of several."""
    if all("\U0001f1e6" <= c <= "\U0001f1ff" for c in text):
        return len(text) == 2
    return all(part and _is_emoji_piece(part) for part in text.split("\u200d"))


def _is_emoji_piece(part: str) -> bool:
    """A symbol (or a keycap's digit, # or *) and its variation selectors and modifiers."""
    first, tail = part[0], part[1:]
    if first in "0123456789#*":
        return tail.endswith("\u20e3") and bool(_EMOJI_TAIL.match(tail))
    return ord(first) >= 0x2000 and unicodedata.category(first) == "So" and bool(_EMOJI_TAIL.match(tail))


def check_icon(value: Any) -> str | None:
    """A heading's icon: None or "" (no icon), an emoji, ``:material/name:`` or "spinner"."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise StreamlitInvalidParameterTypeError(
            f"Invalid `icon` type. Expected one of: str, None. Provided type: {type(value).__name__}."
        )
    text = value.strip()
    if text == "spinner" or _MATERIAL.match(text):
        return text
    if text.startswith(":material"):
        shown = text.replace("/", ZWSP + "/")
        raise StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. '
            f"Please use a Material icon shortcode like **`:material{ZWSP}/thumb_up:`**."
        )
    if text.isascii():
        raise StreamlitAPIException(
            f'The value "{text}" is not a valid icon. '
            f"Please use a single emoji or a Material icon shortcode like `:material{ZWSP}/thumb_up:`."
        )
    if not _is_emoji(text):
        raise StreamlitAPIException(f'The value "{text}" is not a valid emoji. Please use a single emoji.')
    return text
