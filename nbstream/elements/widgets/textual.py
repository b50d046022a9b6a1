"""Text widgets: text_input, text_area, color_picker."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets._inputs import check_icon, check_live, check_validate
from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError
from nbstream.runtime.widgets import InvalidWireValue

# Browser text beyond this is refused: no legitimate input is this long.
MAX_TEXT_CHARS = 5_000_000
TEXT_INPUT_TYPES = ("default", "password", "email", "url", "phone", "search")
# What a specialized text_input type brings unless the call says otherwise: its icon,
# autocomplete hint, placeholder and (email, url) validation rule with its message.
TYPE_DEFAULTS: dict[str, dict[str, str | None]] = {
    "email": {
        "icon": ":material/mail:",
        "autocomplete": "email",
        "placeholder": "you@example.com",
        "regex": r"^[^\s@]+@[^\s@]+\.[^\s@]+$",
        "message": "Enter a valid email address.",
    },
    "url": {
        "icon": ":material/link:",
        "autocomplete": "url",
        "placeholder": "https://example.com",
        "regex": r"^([Hh][Tt][Tt][Pp][Ss]?://)?[^\s/.]+\.[^\s]+$",
        "message": "Enter a valid URL.",
    },
    "phone": {"icon": ":material/call:", "autocomplete": "tel", "placeholder": "+1 234 567 8900"},
    "search": {"icon": ":material/search:", "autocomplete": "off", "placeholder": "Search"},
    "password": {"autocomplete": "new-password"},
}
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
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    validate: str | tuple[str, str] | None = None,
    live: bool | str = False,
    width: int | str = "stretch",
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
    type : "default", "password", "email", "url", "phone" or "search"
        "password" masks the typed characters.  "email" and "url" bring a matching
        icon, placeholder, autocomplete hint and format check; "phone" and "search" an
        icon, placeholder and autocomplete hint (a cleared search field commits).  The
        ``icon``, ``placeholder``, ``autocomplete`` and ``validate`` arguments replace
        the type's own ("" turns its icon or check off).
    autocomplete : str or None
        The browser's autocomplete hint for the input.
    placeholder : str or None
        Shown while the input is empty.
    required : bool
        True: an empty or whitespace-only value cannot be submitted.  Outside a form,
        clearing the field does not rerun the app and the last value is kept; inside a
        form, the form cannot be submitted while the field is empty.  The check runs in
        the browser: check the value again in the app if it matters for security.
    icon : str or None
        An emoji, ``":material/icon_name:"`` or ``"spinner"`` shown in the field, left
        of the value; None or "" shows none.
    validate : str, (str, str) or None
        A JavaScript regular expression the value must match before it is submitted
        (not anchored: use ``^`` and ``$`` to match the whole value), or a
        ``(regex, message)`` tuple whose message is shown when it does not.  Empty
        values are not validated.  The check runs in the browser.
    live : bool or str
        Commit while the user types, after a pause: True for 250ms, or a duration
        string from ``"0ms"`` (every change) to ``"1m"`` (``"300ms"``, ``"0.5s"``).
        False (the default) commits on Enter or blur.  No effect inside a form.
    width : "stretch" or int
        The widget's width: its container's (default) or a number of pixels (at most
        the container's).
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
        raise StreamlitValueError("type", [f"'{t}'" for t in TEXT_INPUT_TYPES])
    text = _check_text_default("text_input", value, max_chars)
    live_ms = check_live(live)
    own = TYPE_DEFAULTS.get(type, {})
    regex, message = (
        check_validate(validate) if validate is not None else (own.get("regex"), own.get("message"))
    )
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        max_chars=max_chars,
        type=type,
        placeholder=placeholder if placeholder is not None else own.get("placeholder"),
        autocomplete=autocomplete if autocomplete is not None else own.get("autocomplete", ""),
        required=bool(required),
        icon=check_icon(icon if icon is not None else own.get("icon")),
        validate_regex=regex,
        validate_message=message,
        live_debounce_ms=live_ms,
        width=check_width(width, allow_content=False),
    )
    identity = {
        "label": props["label"],
        "value": text,
        "max_chars": max_chars,
        "type": type,
        "help": help,
        "placeholder": placeholder,
        "autocomplete": autocomplete,
        "required": props["required"],
        "icon": props["icon"],
        "validate": regex,
        "live": live_ms,
        "width": width,
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
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
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
    required : bool
        True: an empty or whitespace-only value cannot be submitted (as for
        ``st.text_input``).
    width : "stretch" or int
        The widget's width: its container's (default) or a number of pixels.
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
        label,
        help,
        disabled,
        label_visibility,
        height=height,
        max_chars=max_chars,
        placeholder=placeholder,
        required=bool(required),
        width=check_width(width, allow_content=False),
    )
    identity = {
        "label": props["label"],
        "value": text,
        "height": height,
        "max_chars": max_chars,
        "help": help,
        "placeholder": placeholder,
        "required": props["required"],
        "width": width,
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
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "content",
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
    width : "content", "stretch" or int
        The widget's width: its content's (default, at most the container's), its
        container's, or a number of pixels.
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
    props = widget_props(label, help, disabled, label_visibility, width=check_width(width))
    return add_widget(
        "color_picker",
        props,
        serde=ColorSerde(),
        default=color,
        identity={"label": props["label"], "value": color, "help": help, "width": width},
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=value is not None,
        bind=bind,
        persist_state=persist_state,
    )
