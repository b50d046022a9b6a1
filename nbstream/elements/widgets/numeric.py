"""st.number_input."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets._inputs import check_icon
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

JS_MAX_SAFE_INTEGER = 2**53 - 1


def float_format(step: float) -> str:
    """The printf format that shows a float with as many decimals as its step."""
    text = repr(float(step))
    decimals = len(text.split(".")[1].rstrip("0")) if "." in text and "e" not in text else 2
    return f"%0.{max(decimals, 1)}f"


class NumberSerde:
    def __init__(self, is_int: bool, lo: float | None, hi: float | None) -> None:
        self.is_int, self.lo, self.hi = is_int, lo, hi

    def serialize(self, value: Any) -> Any:
        return value

    def deserialize(self, wire: Any) -> Any:
        if wire is None:
            return None
        if isinstance(wire, bool) or not isinstance(wire, (int, float)) or not math.isfinite(wire):
            raise InvalidWireValue(f"expected a number, got {wire!r}")
        if (self.lo is not None and wire < self.lo) or (self.hi is not None and wire > self.hi):
            raise InvalidWireValue(f"{wire!r} is outside the allowed range")
        if self.is_int:
            if wire != int(wire) or abs(wire) > JS_MAX_SAFE_INTEGER:
                raise InvalidWireValue(f"expected a whole number, got {wire!r}")
            return int(wire)
        return float(wire)


# int and float are checked by exact type first: the numbers ABC checks are several times slower.
_EXACT_NUMBERS = (int, float)


def _number_type(min_value: Any, max_value: Any, value: Any, step: Any) -> bool:
    """True for an int input, False for a float one (all numeric arguments must agree)."""
    args = {"value": value, "min_value": min_value, "max_value": max_value, "step": step}
    given = {k: v for k, v in args.items() if v is not None and not (k == "value" and v == "min")}
    for name, v in given.items():
        if type(v) not in _EXACT_NUMBERS and (isinstance(v, bool) or not isinstance(v, numbers.Real)):
            raise StreamlitAPIException(
                f"`{name}` of st.number_input must be a number, not {type(v).__name__}."
            )
    ints = [
        type(v) is int or (type(v) is not float and isinstance(v, numbers.Integral)) for v in given.values()
    ]
    if all(ints) and ints:
        return True
    if not any(ints) or not ints:
        return False
    lines = "".join(f"\n`{k}` has {type(v).__name__} type." for k, v in args.items())
    raise StreamlitAPIException(f"All numerical arguments must be of the same type.{lines}")


@command
def number_input(
    label: str,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    value: int | float | str | None = "min",
    step: int | float | None = None,
    format: str | None = None,
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
    icon: str | None = None,
    width: int | str = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> int | float | None:
    """Display a numeric input with + and - buttons.

    It is an int input when every numeric argument given is an int, else a float input
    (mixing the two raises).

    Parameters
    ----------
    label : str
        What the number is for (Markdown).
    min_value, max_value : int, float or None
        The bounds (None: unbounded).
    value : int, float, "min" or None
        The starting value; "min" (the default) starts at ``min_value``, or 0 without
        one; None starts empty and returns None until the user enters a number.
    step : int, float or None
        The increment of the + and - buttons; 1 for ints, 0.01 for floats.
    format : str or None
        A printf-style format for the shown value (``"%d"``, ``"%0.2f"``, ``"%e"``).
    placeholder : str or None
        Shown while the input is empty.
    required : bool
        True: an empty value (None) cannot be submitted.  Outside a form, clearing the
        field does not rerun the app and the last value is kept; inside a form, the
        form cannot be submitted while the field is empty.  It does not change the
        default: use ``value=None`` with it for an empty required field.  The check
        runs in the browser.
    icon : str or None
        An emoji, ``":material/icon_name:"`` or ``"spinner"`` shown in the field, left
        of the value.
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
    int, float or None
        The number entered.
    """
    has_default = value is not None and not (isinstance(value, str) and value == "min")
    is_int = _number_type(min_value, max_value, value, step)
    if value == "min":
        value = min_value if min_value is not None else (0 if is_int else 0.0)
    if step is None:
        step = 1 if is_int else 0.01
    if step <= 0:
        raise StreamlitAPIException(f"`step` of st.number_input must be positive, not {step}.")
    if not is_int:
        value = None if value is None else float(value)
        min_value = None if min_value is None else float(min_value)
        max_value = None if max_value is None else float(max_value)
        step = float(step)
    if min_value is not None and max_value is not None and min_value > max_value:
        raise StreamlitAPIException(
            f"The `min_value`, set to {min_value}, shouldn't be larger than "
            f"the `max_value`, set to {max_value}."
        )
    if value is not None and (
        (min_value is not None and value < min_value) or (max_value is not None and value > max_value)
    ):
        raise StreamlitAPIException(
            f"The default `value` of {value} must lie between the `min_value` of {min_value} "
            f"and the `max_value` of {max_value}, inclusively."
        )
    if is_int:
        for name, v in (("value", value), ("min_value", min_value), ("max_value", max_value)):
            if v is not None and abs(v) > JS_MAX_SAFE_INTEGER:
                raise StreamlitAPIException(f"`{name}` ({v}) must be within ±{JS_MAX_SAFE_INTEGER}.")
    fmt = format or ("%d" if is_int else float_format(step))
    _check_number_format(fmt, is_int)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        min_value=min_value,
        max_value=max_value,
        step=step,
        format=fmt,
        data_type="int" if is_int else "float",
        placeholder=placeholder,
        required=bool(required),
        icon=check_icon(icon),
        width=check_width(width, allow_content=False),
    )
    identity = {
        "label": props["label"],
        "min": min_value,
        "max": max_value,
        "value": value,
        "step": step,
        "format": fmt,
        "help": help,
        "placeholder": placeholder,
        "required": props["required"],
        "icon": props["icon"],
        "width": width,
    }
    return add_widget(
        "number_input",
        props,
        serde=NumberSerde(is_int, min_value, max_value),
        default=value,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=has_default,
        bind=bind,
        persist_state=persist_state,
    )


def _check_number_format(fmt: str, is_int: bool) -> None:
    try:
        fmt % (1 if is_int else 1.0)
    except (TypeError, ValueError) as exc:
        raise StreamlitAPIException(
            f"Format string for st.number_input contains invalid characters: {fmt}"
        ) from exc
