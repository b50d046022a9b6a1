"""The ``width``/``height``/``gap`` arguments current Streamlit takes on elements and containers.

Each checker returns the value as it travels to the browser ("stretch", "content", a
named size or a number of pixels) or raises Streamlit's exception for a value it does
not take.
"""

from __future__ import annotations

from typing import Any

from nbstream.runtime.errors import (
    StreamlitInvalidHeightError,
    StreamlitInvalidWidthError,
    StreamlitValueError,
)

GAP_SIZES = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


def _pixels(value: Any, *, zero: bool = False) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and (value >= 0 if zero else value > 0)


def _named(words: tuple[str, ...]) -> str:
    """The tail of Streamlit's message: "(pixels) or 'stretch'" / "(pixels), 'stretch', or 'content'"."""
    quoted = [f"'{w}'" for w in words]
    return f" or {quoted[0]}" if len(quoted) == 1 else ", " + ", ".join(quoted[:-1]) + f", or {quoted[-1]}"


def check_width(value: Any, *, allow_content: bool = True) -> int | str:
    """``"stretch"``, ``"content"`` (where allowed) or a positive number of pixels."""
    words = ("stretch", "content") if allow_content else ("stretch",)
    if value in words or _pixels(value):
        return value  # type: ignore[no-any-return]
    raise StreamlitInvalidWidthError(
        f"Invalid width value: {value!r}. Width must be either a positive integer (pixels){_named(words)}."
    )


def check_height(value: Any, *, allow_content: bool = True) -> int | str:
    """``"stretch"``, ``"content"`` (where allowed) or a positive number of pixels."""
    words = ("stretch", "content") if allow_content else ("stretch",)
    if value in words or _pixels(value):
        return value  # type: ignore[no-any-return]
    raise StreamlitInvalidHeightError(
        f"Invalid height value: {value!r}. Height must be either a positive integer (pixels){_named(words)}."
    )


def check_gap(value: Any) -> str | int | None:
    """A named gap size, a number of pixels, or None for no gap."""
    if value is None or value in GAP_SIZES or _pixels(value, zero=True):
        return value  # type: ignore[no-any-return]
    supported = [f"'{g}'" for g in GAP_SIZES] + ["None", "a non-negative integer (pixels)"]
    raise StreamlitValueError("gap", supported, value, show_got=True)


def check_choice(parameter: str, value: Any, allowed: tuple[str, ...]) -> str:
    """One of a parameter's named values (``vertical_alignment="center"``)."""
    if value in allowed:
        return value  # type: ignore[no-any-return]
    raise StreamlitValueError(parameter, [f"'{a}'" for a in allowed], value, show_got=True)
