"""What the browser tells the kernel about itself, for ``st.context``.

The front end sends it once a view starts (and again when it changes): locale, time
zone, page URL, theme, whether the page is embedded, its cookies and the request
headers a page can know.  It is untrusted: ``parse`` accepts only the expected fields,
of the expected types and sizes, and raises ``ValueError`` for anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

MAX_TEXT = 8_192
MAX_ENTRIES = 200
FIELDS = frozenset(
    {"locale", "timezone", "timezone_offset", "url", "theme", "is_embedded", "cookies", "headers"}
)


@dataclass(frozen=True)
class ClientInfo:
    """One browser's answers; None where it has not said (AppTest, before the page loads)."""

    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    url: str | None = None
    theme: str | None = None
    is_embedded: bool | None = None
    cookies: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    headers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def _text(raw: dict[str, Any], name: str) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError(f"{name} must be a string of at most {MAX_TEXT} characters")
    return value


def _pairs(raw: dict[str, Any], name: str) -> Mapping[str, str]:
    value = raw.get(name) or {}
    if not isinstance(value, dict) or len(value) > MAX_ENTRIES:
        raise ValueError(f"{name} must be an object of at most {MAX_ENTRIES} entries")
    for k, v in value.items():
        if not isinstance(k, str) or not isinstance(v, str) or len(k) + len(v) > MAX_TEXT:
            raise ValueError(f"{name} must map strings to strings")
    return MappingProxyType(dict(value))


def parse(raw: Any) -> ClientInfo:
    """A browser's client message as ``ClientInfo``; ValueError if anything is off."""
    if not isinstance(raw, dict):
        raise ValueError("client info must be an object")
    extra = set(raw) - FIELDS
    if extra:
        raise ValueError(f"unexpected client fields {sorted(extra)[:5]}")
    offset = raw.get("timezone_offset")
    if offset is not None and (
        isinstance(offset, bool) or not isinstance(offset, int) or abs(offset) > 24 * 60
    ):
        raise ValueError("timezone_offset must be minutes within a day")
    theme = raw.get("theme")
    if theme not in (None, "light", "dark"):
        raise ValueError("theme must be 'light' or 'dark'")
    embedded = raw.get("is_embedded")
    if embedded is not None and not isinstance(embedded, bool):
        raise ValueError("is_embedded must be true or false")
    return ClientInfo(
        locale=_text(raw, "locale"),
        timezone=_text(raw, "timezone"),
        timezone_offset=offset,
        url=_text(raw, "url"),
        theme=theme,
        is_embedded=embedded,
        cookies=_pairs(raw, "cookies"),
        headers=_pairs(raw, "headers"),
    )
