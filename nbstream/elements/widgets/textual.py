"""Text widgets: text_input, text_area, color_picker."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

# Browser text beyond this is refused: no legitimate input is this long.
MAX_TEXT_CHARS = 5_000_000
TEXT_INPUT_TYPES = ("default", "password")
MIN_TEXT_AREA_HEIGHT = 68


class TextSerde:
    def __init__(self, max_chars: int | None) -> None:
        self.max_chars = max_chars

    def serialize(self, value: Any) -> str | None:
        return None if value is None else str(value)

    def deserialize(self, wire: Any) -> str | None:
        if wire is None:
            return None
        if not isinstance(wire, str):
            raise InvalidWireValue(f"expected text, got {type(wire).__name__}")
        limit = self.max_chars if self.max_chars is not None else MAX_TEXT_CHARS
        if len(wire) > limit:
            raise InvalidWireValue(f"text longer than {limit} characters")
        return wire


def _check_text_default(kind: str, value: Any, max_chars: int | None) -> str | None:
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0
    ):
        raise StreamlitAPIException(f"max_chars of st.{kind} must be a positive int, not {max_chars!r}.")
    text = None if value is None else str(value)
    if text is not None and max_chars is not None and len(text) > max_chars:
        raise StreamlitAPIException(
            f"The default value of st.{kind} is {len(text)} characters long, "
            f"more than max_chars ({max_chars})."
        )
    return text


@command
def text_input(
    label: str,
    value: str | None = "",
    max_chars: int | None = None,
    key: str | int | None = None,
    type: str = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    bind: str | None = None,
    persist_state: str | None = None,
) -> str | None:
    """Display a single-line text input.

    The value reaches the script when the user presses Enter or leaves the field.

    Parameters
    ----------
    label : str
        What the text is for (Markdown).
    value : str or None
        The starting text; None starts empty and returns None until the user types.
    max_chars : int or None
        The most characters allowed.
    type : "default" or "password"
        "password" masks the typed characters.
    autocomplete : str or None
        The browser's autocomplete hint for the input.
    placeholder : str or None
        Shown while the input is empty.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.

    bind : "query-params" or None
        None (the default): the value is not synced with the URL.  "query-params": the
        widget's value is the page URL's query parameter named by ``key`` (required): changing
        the widget updates the URL, a URL with the parameter sets the widget, and the
        parameter leaves the URL while the value equals the default.  A bound parameter
        cannot be set or deleted through ``st.query_params``, only through
        ``st.session_state``.
    persist_state : "page", "session" or None
        How long the value outlives the widget not being drawn (requires ``key``).  None
        (the default): it is lost when the widget is not drawn or the user switches pages.
        "page": kept while the user stays on the page (e.g. a conditionally hidden widget),
        dropped on a page switch.  "session": kept for the whole session, across page
        switches.  With ``bind="query-params"`` the URL keeps it regardless.

    Returns
    -------
    str or None
        The text entered.
    """
    if type not in TEXT_INPUT_TYPES:
        raise StreamlitAPIException(
            f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'."
        )
    text = _check_text_default("text_input", value, max_chars)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        max_chars=max_chars,
        type=type,
        placeholder=placeholder,
        autocomplete=autocomplete
        if autocomplete is not None
        else ("new-password" if type == "password" else ""),
    )
    identity = {
        "label": props["label"],
        "value": text,
        "max_chars": max_chars,
        "type": type,
        "help": help,
        "placeholder": placeholder,
        "autocomplete": autocomplete,
    }
    return add_widget(
        "text_input",
        props,
        serde=TextSerde(max_chars),
        default=text,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=bool(text),
        bind=bind,
        persist_state=persist_state,
    )


@command
def text_area(
    label: str,
    value: str | None = "",
    height: int | None = None,
    max_chars: int | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    bind: str | None = None,
    persist_state: str | None = None,
) -> str | None:
    """Display a multi-line text input.

    The value reaches the script when the user leaves the field or presses Ctrl+Enter.

    Parameters
    ----------
    label : str
        What the text is for (Markdown).
    value : str or None
        The starting text; None starts empty and returns None until the user types.
    height : int or None
        The height in pixels (at least 68).
    max_chars : int or None
        The most characters allowed.
    placeholder : str or None
        Shown while the input is empty.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.

    bind : "query-params" or None
        None (the default): the value is not synced with the URL.  "query-params": the
        widget's value is the page URL's query parameter named by ``key`` (required): changing
        the widget updates the URL, a URL with the parameter sets the widget, and the
        parameter leaves the URL while the value equals the default.  A bound parameter
        cannot be set or deleted through ``st.query_params``, only through
        ``st.session_state``.
    persist_state : "page", "session" or None
        How long the value outlives the widget not being drawn (requires ``key``).  None
        (the default): it is lost when the widget is not drawn or the user switches pages.
        "page": kept while the user stays on the page (e.g. a conditionally hidden widget),
        dropped on a page switch.  "session": kept for the whole session, across page
        switches.  With ``bind="query-params"`` the URL keeps it regardless.

    Returns
    -------
    str or None
        The text entered.
    """
    if height is not None and (
        isinstance(height, bool) or not isinstance(height, int) or height < MIN_TEXT_AREA_HEIGHT
    ):
        raise StreamlitAPIException(
            f"Invalid height {height}px for st.text_area - must be at least {MIN_TEXT_AREA_HEIGHT} pixels."
        )
    text = _check_text_default("text_area", value, max_chars)
    props = widget_props(
        label, help, disabled, label_visibility, height=height, max_chars=max_chars, placeholder=placeholder
    )
    identity = {
        "label": props["label"],
        "value": text,
        "height": height,
        "max_chars": max_chars,
        "help": help,
        "placeholder": placeholder,
    }
    return add_widget(
        "text_area",
        props,
        serde=TextSerde(max_chars),
        default=text,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=bool(text),
        bind=bind,
        persist_state=persist_state,
    )


_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class ColorSerde:
    def serialize(self, value: Any) -> str:
        return str(value)

    def deserialize(self, wire: Any) -> str:
        if not isinstance(wire, str) or not _HEX_COLOR.match(wire):
            raise InvalidWireValue(f"expected a #RRGGBB color, got {wire!r}")
        return wire


@command
def color_picker(
    label: str,
    value: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    bind: str | None = None,
    persist_state: str | None = None,
) -> str:
    """Display a color picker.

    Parameters
    ----------
    label : str
        What the color is for (Markdown).
    value : str or None
        The starting color as ``"#RRGGBB"`` or ``"#RGB"``; black when None.
    key, help, on_change, args, kwargs, disabled, label_visibility
        As for ``st.checkbox``.

    bind : "query-params" or None
        None (the default): the value is not synced with the URL.  "query-params": the
        widget's value is the page URL's query parameter named by ``key`` (required): changing
        the widget updates the URL, a URL with the parameter sets the widget, and the
        parameter leaves the URL while the value equals the default.  A bound parameter
        cannot be set or deleted through ``st.query_params``, only through
        ``st.session_state``.
    persist_state : "page", "session" or None
        How long the value outlives the widget not being drawn (requires ``key``).  None
        (the default): it is lost when the widget is not drawn or the user switches pages.
        "page": kept while the user stays on the page (e.g. a conditionally hidden widget),
        dropped on a page switch.  "session": kept for the whole session, across page
        switches.  With ``bind="query-params"`` the URL keeps it regardless.

    Returns
    -------
    str
        The selected color as a hex string.
    """
    color = "#000000" if value is None else value
    if not isinstance(color, str) or not _HEX_COLOR.match(color):
        raise StreamlitAPIException(
            f'This does not look like a valid color: "{color}".\n\n'
            "Colors must be in the format #RRGGBB or #RGB, like #FF0000 or #F00."
        )
    props = widget_props(label, help, disabled, label_visibility)
    return add_widget(
        "color_picker",
        props,
        serde=ColorSerde(),
        default=color,
        identity={"label": props["label"], "value": color, "help": help},
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=value is not None,
        bind=bind,
        persist_state=persist_state,
    )
