"""What the input widgets share: ``icon`` (text_input, number_input) and text_input's
``validate`` and ``live``.  Each checker returns what travels to the browser or raises
Streamlit's exception with Streamlit's message."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitBadTimeStringError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
    StreamlitValueOutOfRangeError,
)

# Streamlit writes a zero-width space after ":material" in its messages, so that the
# markdown renderer shows the shortcode instead of turning it into an icon.
_MATERIAL = ":material\u200b/"
_MATERIAL_NAME = re.compile(r"^:material/[a-z0-9_]+:$")
LIVE_DEFAULT_MS = 250
LIVE_MAX_MS = 60_000


def _pictograph(char: str) -> bool:
    return unicodedata.category(char) == "So" or 0x1F000 <= ord(char) <= 0x1FAFF


def _modifier(char: str) -> bool:
    code = ord(char)
    return code in (0xFE0F, 0x20E3) or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F


def is_single_emoji(text: str) -> bool:
    """One emoji: a pictograph with its modifiers, joined (ZWJ) sequences, a flag, a keycap."""
    if len(text) == 2 and all(0x1F1E6 <= ord(c) <= 0x1F1FF for c in text):
        return True  # a flag: two regional indicators
    i = 0
    while True:
        if i >= len(text):
            return False
        base = text[i]
        keycap = base in "0123456789#*" and i + 1 < len(text)
        if not (_pictograph(base) or keycap):
            return False
        i += 1
        while i < len(text) and _modifier(text[i]):
            i += 1
        if keycap and text[i - 1] != "\u20e3":
            return False
        if i == len(text):
            return True
        if text[i] != "\u200d":
            return False
        i += 1


def check_icon(icon: Any) -> str | None:
    """An input's ``icon``: None or "" for none, an emoji, ``:material/name:`` or "spinner"."""
    if icon is None:
        return None
    text = str(icon).strip()
    if not text or text == "spinner":
        return text or None
    if text.startswith(":material"):
        if _MATERIAL_NAME.match(text):
            return text
        shown = text.replace(":material/", _MATERIAL, 1)
        end = "." if text.endswith(":") else ""
        raise StreamlitAPIException(
            f'The value `"{shown}"` is not a valid Material icon. '
            f"Please use a Material icon shortcode like **`{_MATERIAL}thumb_up:`**{end}"
        )
    if is_single_emoji(text):
        return text
    if not text.isascii():
        raise StreamlitAPIException(f'The value "{text}" is not a valid emoji. Please use a single emoji.')
    raise StreamlitAPIException(
        f'The value "{text}" is not a valid icon. Please use a single emoji or a Material icon '
        f"shortcode like `{_MATERIAL}thumb_up:`."
    )


def check_validate(validate: Any) -> tuple[str | None, str | None]:
    """text_input's ``validate`` as (regex, message); (None, None) for no rule."""
    if validate is None:
        return None, None
    if isinstance(validate, str):
        return validate, None
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(part, str) for part in validate):
            return validate[0], validate[1]
        raise StreamlitValueError("validate", ["a regex string", "a (regex, message) tuple of strings"])
    raise StreamlitInvalidParameterTypeError(
        "Invalid `validate` type. Expected one of: None, str, tuple. "
        f"Provided type: {type(validate).__name__}."
    )


def check_live(live: Any) -> int | None:
    """text_input's ``live`` as the pause in milliseconds before a commit; None when off."""
    if isinstance(live, bool):
        return LIVE_DEFAULT_MS if live else None
    if not isinstance(live, str):
        raise StreamlitInvalidParameterTypeError(
            f"Invalid `live` type. Expected one of: bool, str. Provided type: {type(live).__name__}. "
            "A number or `datetime.timedelta` is not accepted. Use `True` for a 250ms pause, or a "
            "duration string like `'300ms'` or `'0.5s'`. `live=300` is not milliseconds (and "
            "`live=0.3` is not seconds); duration units must be explicit."
        )
    import pandas as pd

    try:
        seconds = pd.Timedelta(live.strip()).total_seconds()
    except ValueError:
        raise StreamlitBadTimeStringError(live) from None
    if seconds != seconds or not 0 <= seconds * 1000 <= LIVE_MAX_MS:
        raise StreamlitValueOutOfRangeError(
            f"The `live` parameter, set to {live}, is outside the required range [0ms, 1m]. Use `True` "
            "for the 250ms default, `'0ms'` to commit on every change, or a duration string up to `'1m'`."
        )
    return round(seconds * 1000)
