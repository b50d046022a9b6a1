"""The checks of the cache decorators' newer arguments: ``max_size``, ``scope``,
``refresh_mode`` and ``on_release``, with Streamlit's exceptions and messages."""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Callable
from typing import Any

from nbstream.runtime.errors import (
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitMissingRequiredParameterError,
    StreamlitValueError,
)

SCOPES = ("global", "session")
REFRESH_MODES = ("foreground", "background")

# Every unit is a power of 1024, the decimal-looking ones too (as in Streamlit).
_UNITS = {
    "b": 1,
    "kb": 1 << 10,
    "kib": 1 << 10,
    "mb": 1 << 20,
    "mib": 1 << 20,
    "gb": 1 << 30,
    "gib": 1 << 30,
    "tb": 1 << 40,
    "tib": 1 << 40,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-z]+)\s*")
_SIZE_RULE = (
    "a positive byte size. Use an integer number of bytes or a positive value with an explicit "
    'unit, such as "500MB", "1.5GB", or "200KiB"'
)


def max_size_bytes(value: int | str | None) -> int | None:
    """``max_size`` in bytes: an int, or a string with a unit (``"500MB"``, ``"1.5GiB"``)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise StreamlitInvalidParameterTypeError(
            f"Invalid `max_size` type. Expected one of: int, str. Provided type: {type(value).__name__}. "
            'Pass an integer byte count such as int(5e8), or a unit string such as "500MB".'
        )
    if isinstance(value, int):
        size = value
    else:
        match = _SIZE.fullmatch(value.lower())
        if match is None or match.group(2) not in _UNITS:
            raise StreamlitValueError("max_size", [_SIZE_RULE])
        size = math.floor(float(match.group(1)) * _UNITS[match.group(2)])
    if size <= 0:
        raise StreamlitValueError("max_size", [_SIZE_RULE])
    return size


def check_scope(scope: str) -> str:
    if scope not in SCOPES:
        raise StreamlitValueError("scope", [f"'{s}'" for s in SCOPES])
    return scope


def background_refresh(
    refresh_mode: str, func: Callable[..., Any] | None, ttl: float | None, persist: Any = None
) -> bool:
    """Whether expired entries refresh in the background; the combinations Streamlit refuses raise."""
    if refresh_mode not in REFRESH_MODES:
        raise StreamlitValueError("refresh_mode", list(REFRESH_MODES))
    if refresh_mode == "foreground":
        return False
    if ttl is None or ttl <= 0:
        raise StreamlitMissingRequiredParameterError(
            'The `ttl` parameter is required. Set a positive `ttl` (for example `ttl="1h"`) '
            'or use `refresh_mode="foreground"`.'
        )
    if persist in ("disk", True):
        raise StreamlitIncompatibleParametersError(
            "`refresh_mode='background'` and `persist='disk'` cannot be used together. Persisted "
            "(disk) caches do not support TTL-based expiration, which background refresh requires. "
            'Use `persist=None` with `refresh_mode="background"`, or use `refresh_mode="foreground"`.'
        )
    if func is not None and is_coroutine_function(func):
        raise_async_background()
    return True


def raise_async_background() -> None:
    rule = (
        '"foreground". Background refresh is not supported for coroutine functions (`async def`). '
        'Use `refresh_mode="foreground"` instead'
    )
    raise StreamlitValueError("refresh_mode", [rule])


def check_on_release(on_release: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if on_release is not None and is_coroutine_function(on_release):
        raise StreamlitAPIException(
            "The `on_release` callback of `st.cache_resource` must be a synchronous function. "
            "Async callbacks are never awaited; call the coroutine from a synchronous wrapper instead."
        )
    return on_release


def is_coroutine_function(func: Any) -> bool:
    inner = getattr(func, "__func__", func)  # staticmethod / classmethod
    return inspect.iscoroutinefunction(inner)
