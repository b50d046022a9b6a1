"""The ``alt`` argument of tables, media and charts: an accessible name for the element."""

from __future__ import annotations

import logging
from typing import Any

_LOG = logging.getLogger("nbstream")

EMPTY_ALT_WARNING = (
    "`alt` was empty or whitespace-only and will be ignored. Pass a non-empty description, or omit `alt`."
)


def normalize_alt(alt: Any, *, decorative: bool = False) -> str | None:
    """``alt`` as text, or None for no accessible name.

    A blank ``alt`` is None (and logged, since ``alt=""`` means "decorative" only where
    ``decorative`` is true, as on images).
    """
    if alt is None:
        return None
    text = str(alt)
    if decorative and text == "":
        return ""
    if not text.strip():
        _LOG.warning("%s", EMPTY_ALT_WARNING)
        return None
    return text
