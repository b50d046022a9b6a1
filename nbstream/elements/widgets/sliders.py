"""Slider widgets: slider (numbers, dates, times, datetimes; single or range) and
select_slider (any ordered options)."""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets._options import (
    as_options,
    check_format_func,
    enum_coercer,
    formatted,
    index_of,
    wire_index,
)
from nbstream.elements.widgets.numeric import JS_MAX_SAFE_INTEGER, float_format
from nbstream.runtime.errors import StreamlitAPIException
from nbstream.runtime.widgets import InvalidWireValue

_EPOCH = dt.datetime(1970, 1, 1)
_MICROS = 1_000_000


# ---- slider value types ---------------------------------------------------------------


def _family(value: Any) -> str | None:
    """The slider data type of a value: int, float, datetime, date or time."""
    if value is None:
        return None
    # Fast paths for the usual exact types; the ABC checks below are several times slower.
    if type(value) is int:
        return "int"
    if type(value) is float:
        return "float"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, numbers.Integral):
        return "int"
    if isinstance(value, numbers.Real):
        return "float"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    if isinstance(value, dt.timedelta):
        return "timedelta"
    return type(value).__name__


def _to_micros(value: Any, family: str) -> int:
    """Dates, times and datetimes travel as microseconds since the epoch (naive, as shown)."""
    if family == "date":
        value = dt.datetime.combine(value, dt.time())
    elif family == "time":
        value = dt.datetime.combine(_EPOCH.date(), value.replace(tzinfo=None))
    else:
        value = value.replace(tzinfo=None)
    return (value - _EPOCH) // dt.timedelta(microseconds=1)


def _from_micros(micros: int, family: str, tz: dt.tzinfo | None) -> Any:
    value = _EPOCH + dt.timedelta(microseconds=micros)
    if family == "date":
        return value.date()
    if family == "time":
        return value.time().replace(tzinfo=tz)
    return value.replace(tzinfo=tz)


class SliderSerde:
    """Numbers travel as numbers; dates and times as epoch microseconds; a range as a pair."""

    def __init__(self, family: str, is_range: bool, lo: Any, hi: Any, tz: dt.tzinfo | None) -> None:
        self.family, self.is_range, self.tz = family, is_range, tz
        self.lo, self.hi = self._wire_one(lo), self._wire_one(hi)

    def _wire_one(self, value: Any) -> float | int:
        return value if self.family in ("int", "float") else _to_micros(value, self.family)

    def serialize(self, value: Any) -> Any:
        if self.is_range:
            return [self._wire_one(v) for v in value]
        return self._wire_one(value)

    def _value_one(self, wire: Any) -> Any:
        if isinstance(wire, bool) or not isinstance(wire, (int, float)) or not math.isfinite(wire):
            raise InvalidWireValue(f"expected a number, got {wire!r}")
        slack = 1e-9 * max(1.0, abs(self.hi - self.lo))
        if not self.lo - slack <= wire <= self.hi + slack:
            raise InvalidWireValue(f"{wire!r} is outside {self.lo}..{self.hi}")
        wire = min(max(wire, self.lo), self.hi)
        if self.family == "float":
            return float(wire)
        if wire != int(wire):
            raise InvalidWireValue(f"expected a whole number, got {wire!r}")
        if self.family == "int":
            return int(wire)
        return _from_micros(int(wire), self.family, self.tz)

    def deserialize(self, wire: Any) -> Any:
        if not self.is_range:
            return self._value_one(wire)
        if not isinstance(wire, list) or len(wire) != 2:
            raise InvalidWireValue("a range slider takes a pair of values")
        lo, hi = (self._value_one(w) for w in wire)
        if self._wire_one(lo) > self._wire_one(hi):
            raise InvalidWireValue("a range's start is after its end")
        return (lo, hi)


_DEFAULT_FORMATS = {"int": "%d", "date": "YYYY-MM-DD", "time": "HH:mm", "datetime": "YYYY-MM-DD HH:mm"}


def _slider_defaults(family: str, value: Any, lo: Any, hi: Any, step: Any) -> tuple[Any, Any, Any]:
    single = value[0] if isinstance(value, (list, tuple)) else value
    if family in ("int", "float"):
        default_lo, default_hi, default_step = (0, 100, 1) if family == "int" else (0.0, 1.0, 0.01)
        # An end left to its default widens to hold the value and the other end (as Streamlit
        # does): st.slider("Year", value=2024) works; an end the script gives is checked instead.
        given = [v for v in (value if isinstance(value, (list, tuple)) else (value,)) if v is not None]
        span = default_hi - default_lo
        if lo is None:
            lo = min([default_lo, *given])
            if hi is not None and lo >= hi:
                lo = min([hi - span, *given])
        if hi is None:
            hi = max([default_hi, *given])
            if hi <= lo:
                hi = lo + span
        return lo, hi, default_step if step is None else step
    if family == "date":
        base = single if single is not None else (lo or hi)
        lo = base - dt.timedelta(days=14) if lo is None else lo
        hi = base + dt.timedelta(days=14) if hi is None else hi
        return lo, hi, dt.timedelta(days=1) if step is None else step
    if family == "datetime":
        base = single if single is not None else (lo or hi)
        lo = base - dt.timedelta(days=14) if lo is None else lo
        hi = base + dt.timedelta(days=14) if hi is None else hi
        return lo, hi, dt.timedelta(minutes=15) if step is None else step
    tz = (single or lo or hi).tzinfo
    lo = dt.time.min.replace(tzinfo=tz) if lo is None else lo
    hi = dt.time.max.replace(tzinfo=tz, microsecond=0) if hi is None else hi
    return lo, hi, dt.timedelta(minutes=15) if step is None else step


def _slider_family(min_value: Any, max_value: Any, value: Any, step: Any) -> str:
    """The slider's data type; every value argument must share it (ints do not mix with floats)."""
    values = list(value) if isinstance(value, tuple) else [value]
    families = {_family(v) for v in (min_value, max_value, *values) if v is not None}
    if not families:
        families = {"float" if _family(step) == "float" else "int"}
    family = families.pop() if len(families) == 1 else None
    steps = {
        "int": ("int",),
        "float": ("float", "int"),
        "date": ("timedelta",),
        "time": ("timedelta",),
        "datetime": ("timedelta",),
    }
    if family not in steps or (step is not None and _family(step) not in steps[family]):
        raise StreamlitAPIException(
            "Slider value arguments must be of matching types."
            f"\n`min_value` has {type(min_value).__name__} type."
            f"\n`max_value` has {type(max_value).__name__} type."
            f"\n`value` has {type(value).__name__} type."
            f"\n`step` has {type(step).__name__} type."
        )
    return family


def _widen_to_fit(value: Any, lo: Any, hi: Any) -> tuple[Any, Any]:
    """Bounds that hold the default: Streamlit moves ``min_value``/``max_value`` out to a
    default outside them rather than refusing it (``slider("Y", 1986, 2006, (2000, 2016))``)."""
    values = value if isinstance(value, tuple) else (value,)
    return min(lo, *values), max(hi, *values)


@command
def slider(
    label: str,
    min_value: Any = None,
    max_value: Any = None,
    value: Any = None,
    step: Any = None,
    format: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a slider for a number, date, time or datetime -- or a range of them.

    Parameters
    ----------
    label : str
        What the slider is for (Markdown).
    min_value, max_value : int, float, date, time or datetime
        The ends.  Defaults: 0 and 100 for ints, 0.0 and 1.0 for floats, the value
        minus and plus 14 days for dates and datetimes, midnight and 23:59 for times.
        A default outside them moves the nearer end out to it.
    value : a value, or a list/tuple of two for a range slider
        The starting value; defaults to ``min_value``.
    step : int, float or timedelta
        The step; defaults to 1, 0.01, one day (dates) or 15 minutes (times).
    format : str or None
        A printf-style format for numbers (``"%d"``, ``"%.1f%%"``) or a moment.js
        format for dates and times (``"MM/DD/YY"``).
    width : "stretch" or int
        The container's width (the default) or a number of pixels (never wider than
        the container).
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
    the value's type, or a tuple of two
        The selected value or range.
    """
    width = check_width(width, allow_content=False)
    has_default = value is not None
    if isinstance(value, list):
        value = tuple(value)
    if isinstance(value, tuple) and len(value) not in (1, 2):
        raise StreamlitAPIException(
            "Slider value should either be a single value or a tuple/list of two values."
        )
    family = _slider_family(min_value, max_value, value, step)
    lo, hi, step = _slider_defaults(family, value, min_value, max_value, step)
    if value is None:
        value = lo
    if isinstance(value, tuple) and len(value) == 1:
        value = value[0]
    is_range = isinstance(value, tuple)
    if family == "float":
        lo, hi = float(lo), float(hi)
        value = tuple(float(v) for v in value) if is_range else float(value)
    if lo > hi:
        raise StreamlitAPIException(
            f"Slider `min_value` must be less than the `max_value`.\nThe values were {lo} and {hi}."
        )
    if (step.total_seconds() if isinstance(step, dt.timedelta) else step) <= 0:
        raise StreamlitAPIException(f"Slider `step` must be positive, not {step}.")
    lo, hi = _widen_to_fit(value, lo, hi)
    if family in ("int", "float") and max(abs(lo), abs(hi)) > JS_MAX_SAFE_INTEGER:
        raise StreamlitAPIException(f"Slider bounds must lie within ±{JS_MAX_SAFE_INTEGER}.")
    tz = getattr(value[0] if is_range else value, "tzinfo", None)
    serde = SliderSerde(family, is_range, lo, hi, tz)
    wire_step = step if family in ("int", "float") else step // dt.timedelta(microseconds=1)
    fmt = format or _DEFAULT_FORMATS.get(family) or float_format(step)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        min_value=serde.lo,
        max_value=serde.hi,
        step=wire_step,
        format=fmt,
        data_type=family,
        width=width,
    )
    identity = {
        "label": props["label"],
        "min": serde.lo,
        "max": serde.hi,
        "value": serde.serialize(value),
        "step": wire_step,
        "format": fmt,
        "help": help,
    }
    return add_widget(
        "slider",
        props,
        serde=serde,
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


# ---- select_slider ------------------------------------------------------------------------


class OptionRangeSerde:
    """An option, or a pair of options, travel as indices."""

    def __init__(self, options: list[Any], is_range: bool, format_func: Callable[[Any], Any] = str) -> None:
        self.options, self.is_range = options, is_range
        self.format_func = format_func  # read by AppTest

    def serialize(self, value: Any) -> Any:
        if self.is_range:
            return [index_of(self.options, v) for v in value]
        return index_of(self.options, value)

    def deserialize(self, wire: Any) -> Any:
        if not self.is_range:
            return self.options[wire_index(wire, len(self.options))]
        if not isinstance(wire, list) or len(wire) != 2:
            raise InvalidWireValue("a range select_slider takes a pair of indices")
        a, b = (wire_index(i, len(self.options)) for i in wire)
        if a > b:
            raise InvalidWireValue("a range's start is after its end")
        return (self.options[a], self.options[b])


@command
def select_slider(
    label: str,
    options: Any = (),
    value: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a slider over a list of options (any values, such as month names).

    Parameters
    ----------
    label : str
        What the slider is for (Markdown).
    options : iterable
        The ordered values to choose from.
    value : an option, or a list/tuple of two options for a range
        The starting value; defaults to the first option.
    format_func : callable
        Turns an option into its label.
    width : "stretch" or int
        The container's width (the default) or a number of pixels (never wider than
        the container).
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
    any, or a tuple of two
        The selected option or range of options.
    """
    width = check_width(width, allow_content=False)
    opts = as_options(options)
    check_format_func(format_func)
    if not opts:
        raise StreamlitAPIException("The `options` argument needs to be non-empty")
    has_default = value is not None
    if isinstance(value, list):
        value = tuple(value)
    is_range = isinstance(value, tuple) and len(value) == 2
    if isinstance(value, tuple) and not is_range:
        raise StreamlitAPIException(
            "select_slider value should be one option or a tuple/list of two options."
        )
    if value is None:
        value = opts[0]
    for v in value if is_range else (value,):
        try:
            index_of(opts, v)
        except ValueError:
            raise StreamlitAPIException(f"Select slider value {v!r} is not one of its options.") from None
    serde = OptionRangeSerde(opts, is_range, format_func)
    labels = formatted(opts, format_func)
    props = widget_props(label, help, disabled, label_visibility, options=labels, width=width)
    identity = {"label": props["label"], "options": labels, "value": serde.serialize(value), "help": help}
    return add_widget(
        "select_slider",
        props,
        serde=serde,
        default=value,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=has_default,
        coerce=enum_coercer(opts),
        bind=bind,
        persist_state=persist_state,
    )
