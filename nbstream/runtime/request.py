"""The HTTP request a session was opened by, as the server saw it (``nbstream serve``).

Under ``nbstream serve`` many sessions share one kernel, so the request cannot travel in
the kernel's environment as under Voila (``HTTP_COOKIE``, ``REMOTE_ADDR``): the server
hands each session the headers of its tab's websocket upgrade request, the visitor's
address and the app's URL (``serve/relay.py``), and ``st.context`` and ``st.user`` read
them from the session.  The data comes from the server, not the browser, but it is still
checked here: only strings, bounded sizes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from types import MappingProxyType
from typing import Any

MAX_TEXT = 16_384
MAX_HEADERS = 200


@dataclass(frozen=True)
class RequestInfo:
    """One session's request: its headers (names as sent), the visitor's IP address, the
    app's URL and the server's base URL."""

    headers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    remote_ip: str | None = None
    url: str | None = None
    base_url: str = "/"

    def header(self, name: str) -> str | None:
        """A header's value, its name matched without regard to case."""
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    def cookies(self) -> dict[str, str]:
        """The request's cookies (the ``Cookie`` header), by name."""
        raw = self.header("Cookie")
        if not raw:
            return {}
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(raw)
        except CookieError:
            return {}
        return {name: morsel.value for name, morsel in jar.items()}


def _text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise ValueError(f"{name} must be a string of at most {MAX_TEXT} characters")
    return value


def parse(raw: Any) -> RequestInfo:
    """The server's request details as ``RequestInfo``; ValueError if anything is off."""
    if not isinstance(raw, dict):
        raise ValueError("request details must be an object")
    headers = raw.get("headers") or {}
    if not isinstance(headers, dict) or len(headers) > MAX_HEADERS:
        raise ValueError(f"headers must be an object of at most {MAX_HEADERS} entries")
    for k, v in headers.items():
        if not isinstance(k, str) or not isinstance(v, str) or len(k) + len(v) > MAX_TEXT:
            raise ValueError("headers must map strings to strings")
    base = _text(raw.get("base_url"), "base_url") or "/"
    return RequestInfo(
        headers=MappingProxyType(dict(headers)),
        remote_ip=_text(raw.get("remote_ip"), "remote_ip"),
        url=_text(raw.get("url"), "url"),
        base_url=base if base.endswith("/") else base + "/",
    )
