"""Date and time widgets: date_input (single date or range) and time_input."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from nbstream.elements._base import add_widget, widget_props
from nbstream.elements._sizing import check_width
from nbstream.elements.delta_generator import command
from nbstream.runtime.errors import StreamlitAPIException, StreamlitValueError
from nbstream.runtime.widgets import InvalidWireValue

TIME_FORMATS = ("12h", "24h", "localized")
DATE_FORMAT = re.compile(r"^(YYYY([/.\-])MM\2DD|DD([/.\-])MM\3YYYY|MM([/.\-])DD\4YYYY)$")


def _as_date(value: Any, what: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        if value == "today":
            return dt.date.today()
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise StreamlitAPIException(
                f"The {what} of st.date_input is not a valid ISO date: {value!r}."
            ) from None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise StreamlitAPIException(f"The {what} of st.date_input must be a date, not {type(value).__name__}.")


def _years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class DateSerde:
    """Dates travel as ISO strings ("2024-05-31"); a range as a list of 0 to 2 of them."""

    def __init__(self, is_range: bool, lo: dt.date, hi: dt.date) -> None:
        self.is_range, self.lo, self.hi = is_range, lo, hi

    def serialize(self, value: Any) -> Any:
        if self.is_range:
            return [d.isoformat() for d in value]
        return None if value is None else value.isoformat()

    def _one(self, wire: Any) -> dt.date:
        if not isinstance(wire, str) or len(wire) > 10:
            raise InvalidWireValue(f"expected an ISO date, got {wire!r}")
        try:
            day = dt.date.fromisoformat(wire)
        except ValueError:
            raise InvalidWireValue(f"expected an ISO date, got {wire!r}") from None
        if not self.lo <= day <= self.hi:
            raise InvalidWireValue(f"{day} is outside {self.lo}..{self.hi}")
        return day

    def deserialize(self, wire: Any) -> Any:
        if not self.is_range:
            return None if wire is None else self._one(wire)
        if not isinstance(wire, list) or len(wire) > 2:
            raise InvalidWireValue("a date range is a list of at most two dates")
        days = tuple(self._one(w) for w in wire)
        if len(days) == 2 and days[0] > days[1]:
            raise InvalidWireValue("a range's start is after its end")
        return days


@command
def date_input(
    label: str,
    value: Any = "today",
    min_value: Any = None,
    max_value: Any = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: int | str = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a date picker, for one date or a date range.

    Parameters
    ----------
    label : str
        What the date is for (Markdown).
    value : "today", date, datetime, ISO string, None, or a list/tuple of 0-2 of them
        The starting date; a list or tuple makes a range picker (which returns a tuple,
        with one date while the user has picked only the start).  None starts empty.
    min_value, max_value : date or None
        The bounds; default ten years before and after the value.
    format : str
        How the date is shown: "YYYY/MM/DD", "DD/MM/YYYY" or "MM/DD/YYYY", with "/",
        "-" or "." as separator.
    required : bool
        True: an empty value cannot be submitted (in range mode: anything but a complete
        start and end).  Outside a form, clearing the field does not rerun the app and
        the last value is kept; inside a form, the form cannot be submitted while it is
        empty.  It does not change the default: use ``value=None`` (or ``[]`` for a
        range) with it for an empty required field.  The check runs in the browser.
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
    date, tuple of dates, or None
    """
    if not isinstance(format, str) or not DATE_FORMAT.match(format):
        raise StreamlitAPIException(
            f"The provided format (`{format}`) is not valid. DateInput format should be one of `YYYY/MM/DD`, "
            "`DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen (-) as separators."
        )
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) > 2:
        raise StreamlitAPIException(
            "DateInput value should either be an date/datetime or a list/tuple of 0 - 2 "
            f"date/datetime values, not {len(value)}."
        )
    days = [_as_date(v, "value") for v in value] if is_range else [_as_date(value, "value")]
    days = [d for d in days if d is not None] if is_range else days
    anchor = days[0] if days and days[0] is not None else dt.date.today()
    lo = _as_date(min_value, "min_value") or _years(anchor, -10)
    hi = _as_date(max_value, "max_value") or _years(anchor if not is_range or not days else days[-1], 10)
    if lo > hi:
        raise StreamlitAPIException(
            f"The `min_value`, set to {lo}, shouldn't be larger than the `max_value`, set to {hi}."
        )
    for day in days:
        if day is not None and not lo <= day <= hi:
            raise StreamlitAPIException(
                f"The default `value` of {day} must lie between the `min_value` of {lo} "
                f"and the `max_value` of {hi}, inclusively."
            )
    default: Any = tuple(days) if is_range else days[0]
    serde = DateSerde(is_range, lo, hi)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        min_value=lo.isoformat(),
        max_value=hi.isoformat(),
        format=format,
        is_range=is_range,
        required=bool(required),
        width=check_width(width, allow_content=False),
    )
    identity_value = value if isinstance(value, str) and value == "today" else serde.serialize(default)
    identity = {
        "label": props["label"],
        "value": identity_value,
        "min": lo.isoformat(),
        "max": hi.isoformat(),
        "help": help,
        "format": format,
        "required": props["required"],
        "width": width,
    }
    return add_widget(
        "date_input",
        props,
        serde=serde,
        default=default,
        identity=identity,
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        has_default=value is not None and value != "today",
        bind=bind,
        persist_state=persist_state,
    )


class TimeSerde:
    """A time travels as "HH:MM" (or "HH:MM:SS" for steps under a minute's multiple)."""

    def serialize(self, value: Any) -> str | None:
        return None if value is None else value.strftime("%H:%M:%S" if value.second else "%H:%M")

    def deserialize(self, wire: Any) -> dt.time | None:
        if wire is None:
            return None
        if not isinstance(wire, str) or len(wire) > 8:
            raise InvalidWireValue(f"expected a time like 12:30, got {wire!r}")
        try:
            return dt.time.fromisoformat(wire)
        except ValueError:
            raise InvalidWireValue(f"expected a time like 12:30, got {wire!r}") from None


def _as_time(value: Any) -> dt.time | None:
    if value is None:
        return None
    if isinstance(value, str):
        if value == "now":
            return dt.datetime.now().time().replace(second=0, microsecond=0)
        try:
            value = dt.time.fromisoformat(value)
        except ValueError:
            raise StreamlitAPIException(
                f"The value of st.time_input is not a valid ISO time: {value!r}."
            ) from None
    if isinstance(value, dt.datetime):
        value = value.time()
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)  # the picker shows minutes, as in Streamlit
    raise StreamlitAPIException(
        f"The type of value should be one of datetime, time, str or None, not {type(value).__name__}."
    )


@command
def time_input(
    label: str,
    value: Any = "now",
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    step: int | dt.timedelta = dt.timedelta(minutes=15),
    format: str = "24h",
    width: int | str = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> dt.time | None:
    """Display a time picker.

    Parameters
    ----------
    label : str
        What the time is for (Markdown).
    value : "now", time, datetime, ISO string or None
        The starting time ("now": the current time to the minute); None starts empty.
    step : int or timedelta
        The interval of the picker's choices, in seconds: 60 seconds to 23 hours
        (default 15 minutes).
    required : bool
        True: an empty value (None) cannot be submitted.  Outside a form, clearing the
        field does not rerun the app and the last value is kept; inside a form, the
        form cannot be submitted while it is empty.  Use ``value=None`` with it for an
        empty required field.  The check runs in the browser.
    format : "24h", "12h" or "localized"
        How the hour is shown: 0 to 23 (default), 1 to 12 with AM/PM, or as the
        browser's locale does.  The returned time is the same whatever the format.
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
    time or None
    """
    seconds = step.total_seconds() if isinstance(step, dt.timedelta) else step
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise StreamlitAPIException(f"`step` can only be `int` or `timedelta` but {type(step)} is provided.")
    if not 60 <= seconds <= 23 * 3600:
        raise StreamlitAPIException(
            f"`step` must be between 60 seconds and 23 hours but is currently set to {int(seconds)} seconds."
        )
    if format not in TIME_FORMATS:
        raise StreamlitValueError("format", [f"'{f}'" for f in TIME_FORMATS])
    default = _as_time(value)
    props = widget_props(
        label,
        help,
        disabled,
        label_visibility,
        step=int(seconds),
        required=bool(required),
        format=format,
        width=check_width(width, allow_content=False),
    )
    identity_value = "now" if value == "now" else TimeSerde().serialize(default)
    identity = {
        "label": props["label"],
        "value": identity_value,
        "step": int(seconds),
        "help": help,
        "required": props["required"],
        "width": width,
    }
    return add_widget(
        "time_input",
        props,
        serde=TimeSerde(),
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
