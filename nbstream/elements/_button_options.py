"""The options every button-like element takes (st.button, st.download_button,
st.form_submit_button, st.link_button, st.page_link): ``icon_position``, ``width`` with the
deprecated ``use_container_width``, ``wrap`` and a keyboard ``shortcut``.

Each checker returns the value as it travels to the browser or raises Streamlit's exception.
A shortcut travels normalized ("Shift+Cmd+K" -> "cmd+shift+k"): lower-case tokens, the
modifiers in a fixed order, then the one key, so the browser matches it without parsing
aliases.
"""

from __future__ import annotations

from typing import Any

from nbstream.elements._sizing import check_width
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from nbstream.runtime.widgets import InvalidWireValue

ICON_POSITIONS = ("left", "right")

MODIFIERS = {
    "ctrl": "ctrl",
    "control": "ctrl",
    "mod": "ctrl",
    "cmd": "cmd",
    "command": "cmd",
    "meta": "cmd",
    "alt": "alt",
    "option": "alt",
    "shift": "shift",
}
MODIFIER_ORDER = ("ctrl", "cmd", "alt", "shift")
NAMED_KEYS = {
    "escape": "escape",
    "esc": "escape",
    "enter": "enter",
    "return": "enter",
    "space": "space",
    "spacebar": "space",
    "tab": "tab",
    "backspace": "backspace",
    "delete": "delete",
    "del": "delete",
    "home": "home",
    "end": "end",
    "pageup": "pageup",
    "pagedown": "pagedown",
    "up": "up",
    "arrowup": "up",
    "down": "down",
    "arrowdown": "down",
    "left": "left",
    "arrowleft": "left",
    "right": "right",
    "arrowright": "right",
}
# Streamlit keeps C (copy) and R (rerun) for itself.
RESERVED_KEYS = ("c", "r")


class TriggerSerde:
    """A click is an event, not a value: the browser never sends a button a value."""

    def serialize(self, value: Any) -> bool:
        return bool(value)

    def deserialize(self, wire: Any) -> bool:
        raise InvalidWireValue("a button takes clicks, not values")


TRIGGER = TriggerSerde()


def check_icon_position(value: Any) -> str:
    """``"left"`` or ``"right"``: which side of the label the icon is on (None: left)."""
    if value is None:
        return "left"
    if value in ICON_POSITIONS:
        return value  # type: ignore[no-any-return]
    raise StreamlitValueError("icon_position", [f"'{p}'" for p in ICON_POSITIONS])


def check_wrap(value: Any) -> bool | None:
    """None (the layout decides), True (the label wraps) or False (one line, an ellipsis)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return bool(value)
    # Streamlit stores the flag in a boolean message field, which refuses other types so.
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


def button_width(width: Any, use_container_width: bool | None) -> int | str:
    """The button's width; the deprecated ``use_container_width``, when given, decides it."""
    if use_container_width is not None:
        return "stretch" if use_container_width else "content"
    return check_width(width)


def _key(token: str) -> str:
    if token in NAMED_KEYS:
        return NAMED_KEYS[token]
    if (len(token) == 1 and token.isalnum()) or (token[0] == "f" and token[1:].isdigit()):
        return token
    raise StreamlitAPIException(
        "shortcut must include a single character or one of the supported keys "
        "(e.g. Enter, Space, Tab, Escape)."
    )


def normalize_shortcut(value: Any) -> str | None:
    """A keyboard shortcut ("Ctrl+K", "Esc", "F4") as "ctrl+k", "escape", "f4"; None for none."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise StreamlitInvalidParameterTypeError(
            f"Invalid `shortcut` type. Expected one of: str. Provided type: {type(value).__name__}."
        )
    tokens = [t.strip().lower() for t in value.split("+")]
    tokens = [t for t in tokens if t]
    if not tokens:
        raise StreamlitAPIException("The `shortcut` must contain at least one key or modifier.")
    modifiers: set[str] = set()
    keys: list[str] = []
    for token in tokens:
        if token in MODIFIERS:
            modifiers.add(MODIFIERS[token])
            continue
        key = _key(token)
        if keys:
            raise StreamlitAPIException("The `shortcut` may only specify a single non-modifier key.")
        if key in RESERVED_KEYS:
            raise StreamlitAPIException(
                "The `shortcut` cannot use the keys 'C' or 'R', with or without modifiers."
            )
        keys.append(key)
    if not keys:
        raise StreamlitAPIException("The `shortcut` must include a non-modifier key such as 'K' or 'Ctrl+K'.")
    return "+".join([m for m in MODIFIER_ORDER if m in modifiers] + keys)


def identity_of(options: dict[str, Any]) -> dict[str, Any]:
    """The options that make two otherwise equal buttons different widgets (not ``wrap``)."""
    return {k: options[k] for k in ("icon_position", "width", "shortcut")}


def button_options(
    *, icon_position: Any, width: Any, use_container_width: bool | None, shortcut: Any, wrap: Any
) -> dict[str, Any]:
    """The props these options give a button, checked; ``use_container_width`` is kept for
    the components that still read it."""
    checked_width = button_width(width, use_container_width)
    return {
        "icon_position": check_icon_position(icon_position),
        "width": checked_width,
        "use_container_width": checked_width == "stretch",
        "shortcut": normalize_shortcut(shortcut),
        "wrap": check_wrap(wrap),
    }
