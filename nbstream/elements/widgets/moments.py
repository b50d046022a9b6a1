"""st.datetime_input: a date and a time of day in one widget.

The value travels as a naive ISO datetime to the minute ("2025-03-04T10:17"), or with
seconds when the step needs them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.elements.widgets.time import DATE_FORMAT
from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitInvalidMinMaxError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueAboveMaxError,
    StreamlitValueBelowMinError,
    StreamlitValueOutOfRangeError,
)
from nbstream.runtime.widgets import InvalidWireValue


def _as_datetime(value: Any, what: str) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        if value == "now":
            return dt.datetime.now().replace(second=0, microsecond=0)
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            value = None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(0, 0))
    if isinstance(value, dt.time):
        return dt.datetime.combine(dt.date.today(), value.replace(tzinfo=None, microsecond=0))
    raise StreamlitInvalidParameterTypeError(
        f'Invalid `{what}` type. Expected one of: datetime, date, time, ISO string, "now". '
        f"Provided type: {type(value).__name__ if value is not None else 'str'}."
    )


def _wire(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def _years(moment: dt.datetime, years: int) -> dt.date:
    day = moment.date()
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class DateTimeSerde:
    """A datetime between the bounds, as an ISO string; None when the widget is empty."""

    def __init__(self, lo: dt.datetime, hi: dt.datetime) -> None:
        self.lo, self.hi = lo, hi

    def serialize(self, value: Any) -> str | None:
        return None if value is None else _wire(value)

    def deserialize(self, wire: Any) -> dt.datetime | None:
        if wire is None:
            return None
        if not isinstance(wire, str) or not 16 <= len(wire) <= 19 or "T" not in wire:
            raise InvalidWireValue(f"expected an ISO datetime like 2025-03-04T10:17, got {wire!r}")
        try:
            moment = dt.datetime.fromisoformat(wire)
        except ValueError:
            raise InvalidWireValue(f"expected an ISO datetime, got {wire!r}") from None
        if not self.lo <= moment <= self.hi:
            raise InvalidWireValue(f"{moment} is outside {self.lo}..{self.hi}")
        return moment


def _step_seconds(step: Any) -> int:
    seconds = step.total_seconds() if isinstance(step, dt.timedelta) else step
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise StreamlitInvalidParameterTypeError(
            f"Invalid `step` type. Expected one of: int, timedelta. Provided type: {type(step).__name__}."
        )
    if not 60 <= seconds <= 23 * 3600:
        raise StreamlitValueOutOfRangeError(
            f"The `step` parameter, set to {int(seconds)} seconds, is outside the required range "
            "[60 seconds, 23 hours]."
        )
    return int(seconds)


@command
def datetime_input(
    label: str,
    value: Any = "now",
    min_value: Any = None,
    max_value: Any = None,
    *,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    format: str = "YYYY/MM/DD",
    step: int | dt.timedelta = dt.timedelta(minutes=15),
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> dt.datetime | None:
    """Display a date and time picker.

    Parameters
    ----------
    label : str
        What the moment is for (Markdown).
    value : "now", datetime, date, time, ISO string or None
        The starting value ("now": the current time to the minute; a date is its
        midnight; a time is today at that time).  None starts empty and returns None.
    min_value, max_value : datetime, date, time, ISO string or None
        The bounds; by default ten years before the value (at 00:00) and ten years
        after it (at 23:59).
    format : str
        How the date is shown: "YYYY/MM/DD", "DD/MM/YYYY" or "MM/DD/YYYY", with "/",
        "-" or "." as separator.
    step : int or timedelta
        The interval of the time choices, in seconds: 60 seconds to 23 hours (default
        15 minutes).
    required : bool
        Whether the picker may be cleared once it holds a value.
    width : "stretch" or int
        The widget's width.
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
    datetime or None
        A naive datetime.
    """
    if not isinstance(format, str) or not DATE_FORMAT.match(format):
        raise StreamlitAPIException(
            f"The provided format (`{format}`) is not valid. DateTimeInput format should be one of "
            "`YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen (-) "
            "as separators."
        )
    seconds = _step_seconds(step)
    default = _as_datetime(value, "value")
    anchor = default or dt.datetime.now()
    lo = _as_datetime(min_value, "min_value") or dt.datetime.combine(_years(anchor, -10), dt.time(0, 0))
    hi = _as_datetime(max_value, "max_value") or dt.datetime.combine(_years(anchor, 10), dt.time(23, 59))
    if lo > hi:
        raise StreamlitInvalidMinMaxError(
            f"The `min_value`, set to {lo}, cannot be greater than the `max_value`, set to {hi}."
        )
    if default is not None and default < lo:
        raise StreamlitValueBelowMinError(f"The `value` {default} is less than the `min_value` {lo}.")
    if default is not None and default > hi:
        raise StreamlitValueAboveMaxError(f"The `value` {default} is greater than the `max_value` {hi}.")
    serde = DateTimeSerde(lo, hi)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        min_value=_wire(lo),
        max_value=_wire(hi),
        format=format,
        step=seconds,
        required=bool(required),
        width=check_width(width, allow_content=False),
    )
    identity = {
        "label": props["label"],
        "value": "now" if value == "now" else serde.serialize(default),
        "min": props["min_value"],
        "max": props["max_value"],
        "format": format,
        "step": seconds,
        "help": help,
    }
    return add_widget(
        "datetime_input",
        props,
        serde=serde,
        default=default,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=value not in ("now", None),
        bind=bind,
        persist_state=persist_state,
    )
