"""Durations given as seconds, ``timedelta`` or strings like "10s", "1.5h", "1d 2h"."""

from __future__ import annotations

import datetime as dt
import numbers

from nbstream.runtime.errors import StreamlitAPIException


def to_seconds(value: float | dt.timedelta | str | None, *, what: str = "duration") -> float | None:
    """Seconds for a duration; None stays None.

    Strings use pandas' Timedelta format ("10s", "500ms", "1m", "1h23s", "1d", "1.5 days").
    """
    if value is None:
        return None
    if isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str):
        import pandas as pd

        try:
            seconds = pd.Timedelta(value).total_seconds()
        except ValueError:
            raise StreamlitAPIException(
                f"Invalid {what} {value!r}: use seconds, a timedelta, or a string like '10s', '1h' or '1d'."
            ) from None
    else:
        raise StreamlitAPIException(f"Invalid {what} of type {type(value).__name__}.")
    if seconds != seconds or seconds < 0:
        raise StreamlitAPIException(f"Invalid {what} {value!r}: it must be zero or more.")
    return seconds
